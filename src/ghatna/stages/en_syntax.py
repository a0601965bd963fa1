"""English word classes for reading positions (data/lang/en/syntax.yaml), loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ghatna.gazetteer.load import DataError, data_root, read_yaml

FIELDS = ("determiners", "be_forms", "light_verbs", "noun_markers", "adverbs")


@dataclass(frozen=True, slots=True)
class EnglishSyntax:
    determiners: frozenset[str]
    be_forms: frozenset[str]
    light_verbs: frozenset[str]
    noun_markers: frozenset[str]
    adverbs: frozenset[str]


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
