"""English word classes for reading positions (data/lang/en/syntax.yaml), loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ghatna.gazetteer.load import DataError, data_root, read_yaml
from ghatna.model import Token

FIELDS = ("determiners", "be_forms", "light_verbs", "noun_markers", "adverbs", "auxiliaries", "past_forms",
          "ly_adjectives")


@dataclass(frozen=True, slots=True)
class EnglishSyntax:
    determiners: frozenset[str]
    be_forms: frozenset[str]
    light_verbs: frozenset[str]
    noun_markers: frozenset[str]
    adverbs: frozenset[str]
    auxiliaries: frozenset[str]
    past_forms: frozenset[str]
    ly_adjectives: frozenset[str]

    def is_adverb(self, text: str, form: str) -> bool:
        """An adverb of manner or time: listed, or a lower-case word in -ly that is not an
        adjective in -ly ("the deadly attack", "a friendly visit")."""
        return form in self.adverbs or (text.islower() and len(form) > 4 and form.endswith("ly")
                                        and form not in self.ly_adjectives)

    def is_verb_form(self, form: str) -> bool:
        """"attacked", "spoke", "meeting": forms that are verbs (or gerunds), not plain nouns."""
        return form.endswith(("ed", "ing")) or form in self.past_forms


@lru_cache(maxsize=1)
def english_syntax() -> EnglishSyntax:
    node = data_root() / "lang" / "en" / "syntax.yaml"
    d = read_yaml(node) or {}
    sets: dict[str, frozenset[str]] = {}
    for name in FIELDS:
        words = d.get(name)
        if not isinstance(words, list) or not all(isinstance(w, str) and w == w.strip().lower() for w in words):
            raise DataError(f"{node}: {name!r} must be a list of lower-case words")
        sets[name] = frozenset(words)
    return EnglishSyntax(**sets)


def is_possessive(toks: list[Token], end: int) -> bool:
    """Does the noun phrase ending before token ``end`` carry a possessive ("India's", "States’")?"""
    if end >= len(toks) or toks[end].norm not in ("'", "’"):
        return False
    nxt = toks[end + 1] if end + 1 < len(toks) else None
    if nxt is not None and nxt.form == "s" and nxt.start == toks[end].end:
        return True
    return toks[end - 1].form.endswith("s") and (nxt is None or nxt.start > toks[end].end)


def possessive_end(toks: list[Token], end: int) -> int:
    """Token index after the possessive marker that follows ``end`` (``end`` when there is none)."""
    if not is_possessive(toks, end):
        return end
    nxt = end + 1
    return nxt + 1 if nxt < len(toks) and toks[nxt].form == "s" and toks[nxt].start == toks[end].end else nxt
