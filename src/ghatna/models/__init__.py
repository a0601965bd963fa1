"""Small learned models shipped with ghatna, each a JSON file with its card beside it.

They are trained here from the project's training gold by scripts/train_models.py; nothing is
downloaded at run time.
"""
