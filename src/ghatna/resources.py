"""Everything the stages read from data files, loaded once per pipeline (never at import)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from typing import Any

from ghatna.gazetteer.load import Gazetteer
from ghatna.gazetteer.matcher import Entry, PhraseMatcher
from ghatna.lang.grammar import Grammar


def _drop_one_i(word: str) -> Iterator[str]:
    """Spellings of a transliterated name without one of its inner i-vowel signs
    (व्लादिमीर → व्लादिमर): Hindi news drops them as often as it shortens them."""
    for i, c in enumerate(word):
        if c in "िी" and 0 < i < len(word) - 1:
            yield word[:i] + word[i + 1 :]


def actor_entries(g: Gazetteer) -> Iterator[Entry]:
    for c in g.countries.values():
        for s in [c.name, c.name_hi, *c.aliases_en, *c.aliases_hi]:
            if s:
                yield Entry("country", c.iso3, s)
        for s in [*c.adjectives_en, *c.adjectives_hi]:
            yield Entry("adjective", c.iso3, s)
    for p in g.persons.values():
        names = [p.name, p.name_hi, *p.aliases_en, *p.aliases_hi]
        for s in names:
            if s:
                yield Entry("person", p.id, s)
        for s in [p.name_hi, *p.aliases_hi]:
            words = (s or "").split()
            if len(words) >= 2:
                for k, w in enumerate(words):
                    for v in _drop_one_i(w):
                        yield Entry("person", p.id, " ".join([*words[:k], v, *words[k + 1 :]]))
    for o in g.organizations.values():
        for s in [o.name, o.name_hi, *o.aliases_en, *o.aliases_hi]:
            if s:
                yield Entry("organization", o.id, s)
    for a in g.agents.values():
        for s in [*a.hi, *a.en]:
            yield Entry("agent", a.id, s)
    for off in g.offices.values():
        for s in [*off.hi, *off.en]:
            yield Entry("office", off.office, s)
    for pl in g.places.values():
        for s in [pl.name, pl.name_hi, *pl.aliases_en, *pl.aliases_hi]:
            if s:
                yield Entry("place", pl.id, s)


class Resources:
    """Lazily loaded dictionaries, grammars and patterns, shared by the stages of one pipeline."""

    def __init__(self) -> None:
        self._grammars: dict[str, Grammar] = {}
        self._patterns: dict[str, Any] = {}
        self._timex: dict[str, Any] = {}

    @cached_property
    def _actors(self) -> tuple[Gazetteer, PhraseMatcher]:
        from ghatna.cache import load_or_build

        def build() -> tuple[Gazetteer, PhraseMatcher]:
            g = Gazetteer.load()
            return g, PhraseMatcher(actor_entries(g))

        return load_or_build("actors", build)

    @property
    def gazetteer(self) -> Gazetteer:
        return self._actors[0]

    @property
    def actor_matcher(self) -> PhraseMatcher:
        return self._actors[1]

    @cached_property
    def ontology(self) -> Any:
        from ghatna.ontology import Ontology

        return Ontology.load()

    @cached_property
    def language_detector(self) -> Any:
        from ghatna.text.langdetect import LanguageDetector

        return LanguageDetector()

    def grammar(self, lang: str) -> Grammar:
        if lang not in self._grammars:
            self._grammars[lang] = Grammar.load(lang)
        return self._grammars[lang]

    def patterns(self, lang: str) -> Any:
        if lang not in self._patterns:
            from ghatna.lang.patterns import PatternSet

            self._patterns[lang] = PatternSet.load(lang)
        return self._patterns[lang]

    def time_tagger(self, lang: str) -> Any:
        if lang not in self._timex:
            from ghatna.timex import TimeTagger

            self._timex[lang] = TimeTagger.load(lang)
        return self._timex[lang]
