"""The tense of the verb governing a time word: what decides whether कल is yesterday or tomorrow."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from ghatna.timex.grammar import NOT_AFTER_WORD, NOT_BEFORE_WORD
from ghatna.timex.lexicon import Lexicon
from ghatna.timex.model import Tense

# Tried in this order where cues start at the same place: "किया जाएगा" is future and
# "कहा जा रहा है" present, though "किया"/"कहा" alone are past.
TENSES: tuple[Tense, ...] = ("future", "present", "past")


@dataclass(frozen=True, slots=True)
class TenseModel:
    """Tense cues of one language (the ``tense`` block of its time.yaml), compiled once."""

    pattern: regex.Pattern[str]
    scope: str

    @classmethod
    def from_lexicon(cls, lex: Lexicon) -> TenseModel:
        groups = []
        for tense in TENSES:
            cues = "|".join(f"(?:{c})" for c in lex.tense_cues[tense]) or "(?!)"
            groups.append(f"(?P<{tense}>{NOT_AFTER_WORD}(?:{cues}){NOT_BEFORE_WORD})")
        flags = regex.IGNORECASE if lex.ignore_case else 0
        return cls(regex.compile("|".join(groups), flags), lex.tense_scope)

    def cues(self, text: str) -> list[tuple[int, int, Tense]]:
        """Every tense cue in the text, as (start, end, tense), in text order."""
        return [(m.start(), m.end(), m.lastgroup) for m in self.pattern.finditer(text)]  # type: ignore[misc]

    def around(self, cues: list[tuple[int, int, Tense]], start: int, end: int) -> Tense | None:
        """The tense governing the span [start, end) of a text whose cues are ``cues``."""
        before = [c for c in cues if c[1] <= start]
        after = [c for c in cues if c[0] >= end]
        if self.scope == "after_then_before":
            if after:
                return after[0][2]
            return before[-1][2] if before else None
        if self.scope == "before_then_after":
            if before:
                return before[-1][2]
            return after[0][2] if after else None
        # nearest: the closest cue on either side; a tie goes to the one before.
        best: tuple[int, Tense] | None = None
        if before:
            best = (start - before[-1][1], before[-1][2])
        if after and (best is None or after[0][0] - end < best[0]):
            best = (after[0][0] - end, after[0][2])
        return best[1] if best else None

    def infer(self, text: str) -> Tense | None:
        return self.around(self.cues(text), 0, 0)


@functools.cache
def tense_model(lang: str) -> TenseModel:
    """The language's tense model, built on first use and then shared: it is immutable."""
    return TenseModel.from_lexicon(Lexicon.load(lang))


def infer_tense(text: str, lang: str) -> Tense | None:
    """The tense ("past", "present" or "future") of the first tense cue in ``text``, or None when
    there is none. For Hindi pass the text after the time word: its verb follows it."""
    return tense_model(lang).infer(text)
