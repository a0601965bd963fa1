"""Inflected forms of trigger words, from a language's suffix rules (grammar.yaml, `inflection`).

A trigger lexicon lists lemmas ("attack", "हमला", "बुला"); news writes inflected forms ("attacked",
"हमलों", "बुलाया"). Each rule is a regular expression on the end of the lemma and the endings
that replace it; every rule that matches contributes its forms, and irregular forms are listed.
Forms that no language has ("हमलाएं") are harmless: they never occur in text, so the rules may
over-generate rather than encode every gender and stem class.

For a phrase, one word inflects: the first for an English verb phrase ("call on" → "called on"),
the last for a Hindi one ("धावा बोल" → "धावा बोला") or any noun compound ("air strike" → "air
strikes"), as the language's `inflect_word` says.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ghatna.gazetteer.load import DataError

WORD_CLASSES = ("noun", "verb")


@dataclass(frozen=True, slots=True)
class SuffixRule:
    pattern: re.Pattern[str]
    forms: tuple[str, ...]  # replacement templates (may use \\1)

    def apply(self, word: str) -> list[str]:
        if not self.pattern.search(word):
            return []
        return [self.pattern.sub(f, word, count=1) for f in self.forms]


@dataclass(slots=True)
class Inflector:
    rules: dict[str, list[SuffixRule]] = field(default_factory=dict)
    irregular: dict[str, tuple[str, ...]] = field(default_factory=dict)  # verb lemma → its irregular forms
    inflect_word: dict[str, str] = field(default_factory=dict)  # word class → "first" | "last"

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None, where: str = "inflection") -> Inflector:
        d = d or {}
        rules: dict[str, list[SuffixRule]] = {}
        for wc in WORD_CLASSES:
            out = []
            for r in (d.get(wc) or {}).get("rules") or []:
                try:
                    pat = re.compile(str(r["ending"]) + "$")
                except (KeyError, re.error) as exc:
                    raise DataError(f"{where}: bad {wc} rule {r!r}: {exc}") from exc
                out.append(SuffixRule(pat, tuple(str(f) for f in r.get("forms") or [])))
            rules[wc] = out
        irregular = {str(k): tuple(str(x) for x in v or []) for k, v in (d.get("irregular") or {}).items()}
        which = {wc: str((d.get(wc) or {}).get("inflect_word", "last")) for wc in WORD_CLASSES}
        for wc, w in which.items():
            if w not in ("first", "last"):
                raise DataError(f"{where}: {wc}.inflect_word must be first or last, not {w!r}")
        return cls(rules, irregular, which)

    def word_forms(self, word: str, word_class: str) -> list[str]:
        """The word and its inflected forms (irregular ones included), each once, in order."""
        out = [word, *(self.irregular.get(word, ()) if word_class == "verb" else ())]
        for rule in self.rules.get(word_class, ()):
            out.extend(rule.apply(word))
        return list(dict.fromkeys(f for f in out if f))

    def forms(self, phrase: str, word_class: str) -> list[str]:
        """The phrase with its inflecting word in each of its forms."""
        words = phrase.split()
        if not words:
            return []
        k = 0 if self.inflect_word.get(word_class) == "first" else len(words) - 1
        return [" ".join([*words[:k], f, *words[k + 1 :]]) for f in self.word_forms(words[k], word_class)]

    def expand(self, phrases: Iterable[str], word_class: str) -> list[str]:
        out: list[str] = []
        for p in phrases:
            out.extend(self.forms(p, word_class))
        return list(dict.fromkeys(out))
