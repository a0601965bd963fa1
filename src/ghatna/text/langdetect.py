"""Language identification for articles that arrive without a language.

Hindi typed in a legacy font (KrutiDev and kin, see ``ghatna.text.legacy``) is recognised first:
it is Latin letters to a machine and would pass for Indonesian. Then script decides (Devanagari
vs Latin vs others); py3langid, limited to the languages each
script is used for in Indian and world news, separates Hindi from Marathi and Nepali, and English
from other Latin-script languages. Only ``hi`` and ``en`` are coded; the rest are reported.
"""

from __future__ import annotations

DEVANAGARI_LANGS = ["hi", "mr", "ne"]
LATIN_LANGS = ["en", "fr", "de", "es", "pt", "it", "nl", "id"]


def script_counts(text: str) -> dict[str, int]:
    counts = {"deva": 0, "latin": 0, "arabic": 0, "other": 0}
    for c in text:
        if not c.isalpha():
            continue
        if "\u0900" <= c <= "\u097f":
            counts["deva"] += 1
        elif c.isascii() or "\u00c0" <= c <= "\u024f":
            counts["latin"] += 1
        elif "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f":
            counts["arabic"] += 1
        else:
            counts["other"] += 1
    return counts


class LanguageDetector:
    def __init__(self) -> None:
        import copy

        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        full = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        self._deva = copy.copy(full)
        self._deva.set_languages(DEVANAGARI_LANGS)
        self._latin = copy.copy(full)
        self._latin.set_languages(LATIN_LANGS)

    def detect(self, text: str) -> str:
        from ghatna.text.legacy import looks_legacy

        sample = text[:4000]
        if looks_legacy(sample):
            return "hi"  # the quality stage flags it legacy_font
        counts = script_counts(sample)
        script = max(counts, key=lambda k: counts[k])
        if counts[script] == 0:
            return "und"
        if script == "arabic":
            return "ur"
        if script == "other":
            return "und"
        model = self._deva if script == "deva" else self._latin
        lang, _ = model.classify(sample)
        return str(lang)
