"""Quality stage: flags on sentences and articles that make their events less trustworthy.

- repeated_ngram: a run of four or more words said twice in one sentence, as degenerate machine
  translation produces ("मंत्री ने आज कहा कि “मंत्री ने आज कहा");
- mixed_script: a sentence whose words are largely in the other script;
- legacy_font: "Hindi" text typed in a legacy 8-bit font (KrutiDev and kin), which reads as Latin
  punctuation soup and cannot be coded;
- long_sentence: a sentence longer than the segmenter's limit, cut into pieces at clause marks or
  commas (events whose roles straddle a cut may be missed or half-filled).
Quote pairing problems are flagged by the quotes stage.
"""

from __future__ import annotations

from ghatna.model import Document, Flag, Sentence
from ghatna.text.legacy import looks_legacy
from ghatna.text.segment import BOUNDARY_KEY, CLOSERS, TERMINATORS

NGRAM = 4


def _ends_sentence(text: str) -> bool:
    """Whether a piece ends the way a whole sentence does (so the next piece is another one's)."""
    text = text.rstrip(CLOSERS)
    return bool(text) and (text[-1] in TERMINATORS or text[-1] == ".")


def _is_deva(c: str) -> bool:
    return "\u0900" <= c <= "\u097f"


class QualityFlagger:
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, doc: Document) -> Document:
        if self.lang == "hi" and self._legacy_font(doc.text):
            doc.flags.append(Flag("legacy_font", 0, len(doc.text), "text looks like a legacy-font encoding"))
        self._long_sentences(doc)
        for s in doc.sentences:
            words = [t for t in doc.tokens[s.tok_start : s.tok_end] if t.key and t.key != BOUNDARY_KEY]
            keys = [w.key for w in words]
            grams = list(zip(*(keys[k:] for k in range(NGRAM)), strict=False))
            if len(set(grams)) < len(grams):  # some n-gram comes twice: was it said again further on?
                seen: dict[tuple[str, ...], int] = {}
                for i, gram in enumerate(grams):
                    if gram in seen and i - seen[gram] >= NGRAM:
                        said_twice = " ".join(w.text for w in words[i : i + NGRAM])
                        doc.flags.append(Flag("repeated_ngram", s.start, s.end, said_twice))
                        break
                    seen.setdefault(gram, i)
            letters = [w.norm[0] for w in words if w.norm[0].isalpha()]  # first letter of each word
            if len(letters) >= 6:
                deva = sum(1 for c in letters if "\u0900" <= c <= "\u097f")
                other = len(letters) - deva if self.lang == "hi" else deva
                if other / len(letters) >= 0.3:
                    detail = f"{other} of {len(letters)} words in the other script"
                    doc.flags.append(Flag("mixed_script", s.start, s.end, detail))
        return doc

    @staticmethod
    def _long_sentences(doc: Document) -> None:
        """One flag over each run of pieces cut from one overlong sentence."""
        run: list[Sentence] = []
        for s in [*doc.sentences, None]:
            if s is not None and s.cut and (not run or (s.paragraph == run[-1].paragraph
                                                        and not _ends_sentence(run[-1].text))):
                run.append(s)
                continue
            if run:
                detail = f"{run[-1].end - run[0].start} characters cut into {len(run)} pieces"
                doc.flags.append(Flag("long_sentence", run[0].start, run[-1].end, detail))
            run = [s] if s is not None and s.cut else []

    @staticmethod
    def _legacy_font(text: str) -> bool:
        return looks_legacy(text)
