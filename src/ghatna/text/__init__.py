"""Script-level text handling: normalisation with an offset map, segmentation, phonetic keys."""
