"""A language's function words (data/lang/<lang>/grammar.yaml) as phonetic-key tables."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from typing import Any

from ghatna.gazetteer.load import data_root, read_yaml
from ghatna.gazetteer.matcher import phrase_key
from ghatna.lang.inflect import Inflector
from ghatna.model import Token
from ghatna.text.normalize import normalize
from ghatna.text.segment import TOKEN_RE

# marker classes read from position rather than from a postposition (see events/frames.py)
POSITIONAL_MARKERS = frozenset({"nom", "subj", "obj", "adj", "cpd", "victim", "patient", "poss", "owner"})


def token_keys(phrase: str) -> tuple[str, ...]:
    """The phrase as a tuple of token keys (transparent punctuation left out)."""
    out = []
    for m in TOKEN_RE.finditer(phrase):
        k = phrase_key(m.group())
        if k:
            out.append(k)
    return tuple(out)


def token_forms(phrase: str) -> tuple[str, ...]:
    """The phrase as a tuple of exact working-copy forms. Function words are matched on these,
    not on phonetic keys: the key folds की (of) and कि (that) together."""
    out = []
    for m in TOKEN_RE.finditer(normalize(phrase)[0]):
        w = m.group()
        if phrase_key(w):
            out.append(w.lower())
    return tuple(out)


@dataclass(slots=True)
class SequenceTable:
    """Phrases of one or more tokens mapped to a label; matched at a given token position."""

    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)

    @classmethod
    def build(cls, items: Iterable[tuple[str, str]]) -> SequenceTable:
        t = cls()
        for phrase, label in items:
            keys = token_forms(phrase)
            if keys:
                t.by_first.setdefault(keys[0], []).append((keys, label))
        for lst in t.by_first.values():
            lst.sort(key=lambda x: -len(x[0]))
        return t

    def match(self, tokens: Sequence[Token], i: int, end: int | None = None) -> tuple[str, int] | None:
        """(label, number of tokens) of the longest phrase starting at token i, skipping
        transparent tokens; None if none does."""
        end = len(tokens) if end is None else end
        j = i
        while j < end and not tokens[j].key:
            j += 1
        if j >= end:
            return None
        cands = self.by_first.get(tokens[j].form)
        if cands is None:  # the common case: no phrase starts here
            return None
        for keys, label in cands:  # longest first
            pos = j + 1
            for want in keys[1:]:
                while pos < end and not tokens[pos].key:
                    pos += 1
                if pos >= end or tokens[pos].form != want:
                    break
                pos += 1
            else:
                return label, pos - i
        return None

    def labels(self) -> set[str]:
        return {label for lst in self.by_first.values() for _, label in lst}

    def __contains__(self, k: str) -> bool:
        return any(len(keys) == 1 for keys, _ in self.by_first.get(k, ()))


def _labelled(d: dict[str, Any] | None) -> list[tuple[str, str]]:
    return [(str(form), label) for label, forms in (d or {}).items() for form in forms or []]


def _flat(xs: Iterable[Any] | None, label: str = "") -> list[tuple[str, str]]:
    return [(str(x), label) for x in xs or []]


@dataclass(slots=True)
class Grammar:
    lang: str
    postpositions: SequenceTable
    coordinators: frozenset[str]
    honorifics: frozenset[str]
    pronouns: SequenceTable  # label "case:ref"
    pair_words: SequenceTable  # label person|country
    descriptions: list[dict[str, Any]]
    clause_breaks: SequenceTable
    finite_ends: frozenset[str]
    negation: frozenset[str]
    future_suffixes: tuple[str, ...]
    future_words: SequenceTable
    habitual_tail: SequenceTable
    habitual_cues: SequenceTable
    conditional_cues: frozenset[str]
    passive_tail: SequenceTable
    nonfinite_tail: SequenceTable
    purpose_tail: SequenceTable
    past_perfect: frozenset[str]
    earlier_cues: SequenceTable
    speech_verbs: frozenset[str]
    victim_markers: SequenceTable
    not_names: frozenset[str]
    title_markers: SequenceTable
    complement_heads: frozenset[str]
    comma_breaks_after: frozenset[str]
    complementizers: frozenset[str]
    participles: frozenset[str]
    nominal_markers: frozenset[str]
    auxiliaries: frozenset[str]
    during_visit: SequenceTable
    place_nouns: frozenset[str]
    speech_nouns: frozenset[str]
    home_country: str | None = None  # whose offices a bare title names ("प्रधानमंत्री" → IND)
    subjunctive_endings: tuple[str, ...] = ()
    adverbials: SequenceTable = field(default_factory=SequenceTable)
    hypothetical_tail: frozenset[str] = frozenset()
    relative_subjects: frozenset[str] = frozenset()
    participle_endings: tuple[str, ...] = ()
    participle_words: frozenset[str] = frozenset()
    framing_prepositions: frozenset[str] = frozenset()
    conditional_then: frozenset[str] = frozenset()
    former: frozenset[str] = frozenset()  # "पूर्व", "former" before a title: not today's holder
    inflector: Inflector = field(default_factory=Inflector)

    def function_words(self) -> frozenset[str]:
        """Every single word this grammar knows as a function word: never part of a name."""
        words: set[str] = set(self.coordinators | self.honorifics | self.finite_ends | self.negation
                              | self.conditional_cues | self.past_perfect | self.speech_verbs | self.not_names)
        for table in (self.postpositions, self.pronouns, self.pair_words, self.clause_breaks):
            words.update(table.by_first)
        return frozenset(words)

    def markers(self) -> frozenset[str]:
        """Every marker class a case frame may name: the postposition classes and the
        positional ones (see events/frames.py)."""
        return frozenset(self.postpositions.labels()) | POSITIONAL_MARKERS

    @classmethod
    def load(cls, lang: str, folder: Traversable | None = None) -> Grammar:
        folder = folder if folder is not None else data_root() / "lang" / lang
        d = read_yaml(folder / "grammar.yaml") or {}

        def keys(name: str) -> frozenset[str]:
            return frozenset(k for x in d.get(name) or [] for k in token_forms(str(x))[:1])

        pron = [(f, f"{p['case']}:{p.get('ref', 'any')}") for p in d.get("pronouns") or [] for f in p["forms"]]
        return cls(
            lang=lang,
            postpositions=SequenceTable.build(_labelled(d.get("postpositions"))),
            coordinators=keys("coordinators"),
            honorifics=keys("honorifics"),
            pronouns=SequenceTable.build(pron),
            pair_words=SequenceTable.build(_labelled(d.get("pair_words"))),
            descriptions=list(d.get("descriptions") or []),
            clause_breaks=SequenceTable.build(_flat(d.get("clause_breaks"), "break")),
            finite_ends=keys("finite_ends"),
            negation=keys("negation"),
            future_suffixes=tuple(normalize(str(s))[0] for s in d.get("future_suffixes") or []),
            future_words=SequenceTable.build(_flat(d.get("future_words"), "future")),
            habitual_tail=SequenceTable.build(_flat(d.get("habitual_tail"), "habitual")),
            habitual_cues=SequenceTable.build(_flat(d.get("habitual_cues"), "habitual")),
            conditional_cues=keys("conditional_cues"),
            passive_tail=SequenceTable.build(_flat(d.get("passive_tail"), "passive")),
            nonfinite_tail=SequenceTable.build(_flat(d.get("nonfinite_tail"), "nonfinite")),
            purpose_tail=SequenceTable.build(_flat(d.get("purpose_tail"), "purpose")),
            past_perfect=keys("past_perfect"),
            earlier_cues=SequenceTable.build(_flat(d.get("earlier_cues"), "earlier")),
            speech_verbs=keys("speech_verbs"),
            victim_markers=SequenceTable.build(_flat(d.get("victim_markers"), "victim")),
            not_names=keys("not_names"),
            title_markers=SequenceTable.build(_flat(d.get("title_markers"), "title")),
            complement_heads=keys("complement_heads"),
            comma_breaks_after=keys("comma_breaks_after"),
            complementizers=keys("complementizers"),
            participles=keys("participles"),
            nominal_markers=keys("nominal_markers"),
            auxiliaries=keys("auxiliaries"),
            during_visit=SequenceTable.build(_flat(d.get("during_visit"), "during")),
            place_nouns=keys("place_nouns"),
            speech_nouns=keys("speech_nouns"),
            home_country=d.get("home_country"),
            subjunctive_endings=tuple(normalize(str(x))[0] for x in d.get("subjunctive_endings") or []),
            adverbials=SequenceTable.build(_flat(d.get("adverbials"), "adverbial")),
            hypothetical_tail=keys("hypothetical_tail"),
            relative_subjects=keys("relative_subjects"),
            participle_endings=tuple(normalize(str(x))[0] for x in d.get("participle_endings") or []),
            participle_words=keys("participle_words"),
            framing_prepositions=keys("framing_prepositions"),
            conditional_then=keys("conditional_then"),
            former=keys("former"),
            inflector=Inflector.from_dict(d.get("inflection"), f"{lang}/grammar.yaml: inflection"),
        )
