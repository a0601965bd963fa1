"""Everything the stages read from data files, loaded once per pipeline (never at import)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cached_property
from typing import Any

from ghatna.gazetteer.load import Gazetteer, read_yaml
from ghatna.gazetteer.matcher import Entry, PhraseMatcher
from ghatna.lang.grammar import Grammar
from ghatna.lang.inflect import Inflector
from ghatna.lang.registry import Language


def _drop_one_i(word: str) -> Iterator[str]:
    """Spellings of a transliterated name without one of its inner i-vowel signs
    (व्लादिमीर → व्लादिमर): Hindi news drops them as often as it shortens them."""
    for i, c in enumerate(word):
        if c in "िी" and 0 < i < len(word) - 1:
            yield word[:i] + word[i + 1 :]


def _plurals(words: list[str], nouns: Inflector | None) -> list[str]:
    """The plural forms of demonyms used as nouns ("Palestinians", "फ़लस्तीनियों"), as the
    language's noun inflection makes them; the base forms are the adjectives themselves."""
    if nouns is None:
        return []
    base = set(words)
    return [f for w in words for f in nouns.expand([w], "noun") if f not in base]


def actor_entries(g: Gazetteer, hindi_nouns: Inflector | None = None,
                  english_nouns: Inflector | None = None) -> Iterator[Entry]:
    """Every name of the dictionary as a matcher entry. Generic agents' Hindi names are common
    nouns, so they are matched in every inflected form (पार्टी → पार्टियां, पार्टियों), and so are
    demonyms used as nouns for a country's people ("Palestinians", "फ़लस्तीनियों"). Names an entry
    lists as ``ambiguous`` (also common words) are marked so."""
    for c in g.countries.values():
        for s in [c.name, c.name_hi, *c.aliases_en, *c.aliases_hi]:
            if s:
                yield Entry("country", c.iso3, s, c.ambiguous.get(s))
        for s in [*c.adjectives_en, *c.adjectives_hi]:
            yield Entry("adjective", c.iso3, s, c.ambiguous.get(s))
        for s in [*_plurals(c.adjectives_en, english_nouns), *_plurals(c.adjectives_hi, hindi_nouns)]:
            yield Entry("people", c.iso3, s)
    for p in g.persons.values():
        names = [p.name, p.name_hi, *p.aliases_en, *p.aliases_hi]
        for s in names:
            if s:
                yield Entry("person", p.id, s, p.ambiguous.get(s))
        for s in [p.name_hi, *p.aliases_hi]:
            words = (s or "").split()
            if len(words) >= 2:
                for k, w in enumerate(words):
                    for v in _drop_one_i(w):
                        yield Entry("person", p.id, " ".join([*words[:k], v, *words[k + 1 :]]),
                                    p.ambiguous.get(s or ""))
    for o in g.organizations.values():
        for s in [o.name, o.name_hi, *o.aliases_en, *o.aliases_hi]:
            if s:
                yield Entry("organization", o.id, s, o.ambiguous.get(s))
    for a in g.agents.values():
        hi = hindi_nouns.expand(a.hi, "noun") if hindi_nouns is not None else a.hi
        for s in [*hi, *a.en]:
            yield Entry("agent", a.id, s)
    for off in g.offices.values():
        for s in [*off.hi, *off.en]:
            yield Entry("office", off.office, s, off.ambiguous.get(s))
        # news writes titles of several words in lower case as often as not ("the foreign
        # minister", "its defence minister"); one word ("president", "speaker") is too common a
        # noun to match uncapitalised
        for s in off.en:
            if len(s.split()) > 1 and s != s.lower() and not any(w.isupper() and len(w) > 1 for w in s.split()):
                yield Entry("office", off.office, s.lower(), off.ambiguous.get(s))
    for pl in g.places.values():
        for s in [pl.name, pl.name_hi, *pl.aliases_en, *pl.aliases_hi]:
            if s:
                yield Entry("place", pl.id, s, pl.ambiguous.get(s))


class Resources:
    """Lazily loaded dictionaries, grammars and lexicons, shared by the stages of one pipeline."""

    def __init__(self, languages: Iterable[Language] | None = None) -> None:
        self._extra = {lang.code: lang for lang in languages or ()}
        self._grammars: dict[str, Grammar] = {}
        self._lexicons: dict[str, Any] = {}
        self._frames: dict[str, Any] = {}
        self._timex: dict[str, Any] = {}
        self._models: dict[str, Any] = {}

    @cached_property
    def languages(self) -> dict[str, Language]:
        """The built-in languages, and those given to this pipeline (which may replace them)."""
        from ghatna.lang.registry import builtin_languages

        return {**builtin_languages(), **self._extra}

    def language(self, code: str) -> Language:
        try:
            return self.languages[code]
        except KeyError:
            raise ValueError(f"language {code!r} is not coded (known: {sorted(self.languages)})") from None

    @cached_property
    def _actors(self) -> tuple[Gazetteer, PhraseMatcher]:
        from ghatna.cache import load_or_build

        def build() -> tuple[Gazetteer, PhraseMatcher]:
            g = Gazetteer.load()
            hindi = self.grammar("hi").inflector if "hi" in self.languages else None
            english = self.grammar("en").inflector if "en" in self.languages else None
            return g, PhraseMatcher(actor_entries(g, hindi, english))

        return load_or_build("actors", build)

    @property
    def gazetteer(self) -> Gazetteer:
        return self._actors[0]

    @property
    def actor_matcher(self) -> PhraseMatcher:
        return self._actors[1]

    def model(self, name: str) -> Any:
        """A learned model shipped in ghatna/models (a LinearModel), or None when there is none."""
        if name not in self._models:
            from ghatna.models.linear import LinearModel

            self._models[name] = LinearModel.load(name) if LinearModel.available(name) else None
        return self._models[name]

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
            self._grammars[lang] = Grammar.load(lang, self.language(lang).data)
        return self._grammars[lang]

    def lexicon(self, lang: str) -> Any:
        """The language's trigger lexicon (triggers.yaml), inflected by its grammar."""
        if lang not in self._lexicons:
            from ghatna.cache import files_fingerprint, load_or_build
            from ghatna.events.lexicon import TriggerLexicon

            data = self.language(lang).data

            def build() -> Any:
                return TriggerLexicon.load(lang, data, self.grammar(lang).inflector)

            # inflecting and compiling every trigger takes most of a cold start: cached on disk,
            # keyed also by the language's own data files (a language may live outside ghatna)
            self._lexicons[lang] = load_or_build(f"lexicon-{lang}-{files_fingerprint(data)}", build)
        return self._lexicons[lang]

    def casualty_words(self, lang: str) -> Any:
        """How the language counts casualties (casualties.yaml), or None when it has no such file."""
        key = f"casualties:{lang}"
        if key not in self._lexicons:
            from ghatna.events.casualties import CasualtyWords

            self._lexicons[key] = CasualtyWords.load(self.language(lang).data)
        return self._lexicons[key]

    def attack_words(self, lang: str) -> Any:
        """What points back to an attack already reported (attacks.yaml), or None without one."""
        key = f"attacks:{lang}"
        if key not in self._lexicons:
            from ghatna.events.attacks import AttackWords

            self._lexicons[key] = AttackWords.load(self.language(lang).data)
        return self._lexicons[key]

    def frames(self, lang: str) -> Any:
        """The language's case frames (frames.yaml)."""
        if lang not in self._frames:
            from ghatna.events.frames import load_frames

            self._frames[lang] = load_frames(self.language(lang).data, self.grammar(lang).markers())
        return self._frames[lang]

    def time_tagger(self, lang: str) -> Any:
        """The language's time-expression tagger, or None when it has no time.yaml."""
        if lang not in self._timex:
            from ghatna.timex import TimeTagger
            from ghatna.timex.lexicon import Lexicon

            node = self.language(lang).data / "time.yaml"
            self._timex[lang] = TimeTagger(Lexicon.from_data(read_yaml(node))) if node.is_file() else None
        return self._timex[lang]
