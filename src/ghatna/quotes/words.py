"""The words a language attributes quotations with (data/lang/<lang>/quotes.yaml)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from typing import Any

from ghatna.gazetteer.load import DataError, read_yaml
from ghatna.lang.grammar import token_forms
from ghatna.model import Token

MARKINGS = ("ne", "nom", "gen")  # how a verb of saying marks its speaker (see quotes.yaml)
CLAUSE = "clause"  # the marking of a participle of saying: its speaker is its clause's subject


@dataclass(frozen=True, slots=True)
class SpeakerNoun:
    """The head of a description of a speaker ("a ministry spokesperson")."""

    name: str  # the description in English
    sector: str | None


def _word(w: str) -> str:
    forms = token_forms(w)
    if len(forms) != 1:
        raise DataError(f"quotes.yaml: {w!r} is not one word")
    return forms[0]


def _marked(table: dict[str, list[str]] | None) -> dict[str, str]:
    """Verbs listed by how they mark their speaker, as form -> marking."""
    out: dict[str, str] = {}
    for marking, forms in (table or {}).items():
        if marking not in MARKINGS:
            raise DataError(f"quotes.yaml: unknown speaker marking {marking!r}")
        for f in forms:
            out[_word(f)] = marking
    return out


def _phrases(items: Sequence[str] | None) -> tuple[tuple[str, ...], ...]:
    out = {token_forms(p) for p in items or []}
    return tuple(sorted((p for p in out if p), key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class QuoteWords:
    verbs: dict[str, str]  # form -> how it marks its speaker (ne | nom | gen)
    according: tuple[tuple[str, ...], ...]  # phrases the speaker's phrase stands before, longest first
    according_after: tuple[tuple[str, ...], ...]  # phrases the speaker's phrase follows
    bridge: frozenset[str]  # words between a verb of saying and the quotation mark
    before_verb: frozenset[str]  # words between a speaker and the verb
    verb_tail: frozenset[str]  # words between a verb of saying and its quote ("told reporters on Monday")
    calls: tuple[tuple[str, ...], ...]  # right after a quotation: what the clause's subject called something
    reported: frozenset[str]  # words that open reported speech after a verb of saying ("कि")
    reported_bare: bool  # a verb of saying reports the clause right after it, without such a word
    paragraph_quotes: bool  # a quotation standing as a paragraph continues the last speaker
    determiners: frozenset[str]  # words before a speaker's name or description
    pronouns: frozenset[str]  # spellings of pronouns the grammar lacks
    publications: frozenset[str]  # the last word of a newspaper's or a channel's name
    source_links: frozenset[str]  # "a statement from X"
    not_names: frozenset[str]  # words that end a speaker's name read backwards
    source_nouns: frozenset[str]  # what a speaker says in ("X की रिपोर्ट", "a statement from X")
    speech_nouns: frozenset[str]  # nouns of saying that a light verb makes a verb of saying ("ट्वीट किया")
    light_verbs: dict[str, str]  # form -> how it marks the speaker of its noun
    light_fillers: frozenset[str]  # words between such a noun and its light verb
    passive: frozenset[str]  # auxiliaries after a verb of saying that make it passive
    nouns: dict[str, SpeakerNoun]  # form -> the description it heads
    capitalized_names: bool

    @classmethod
    def from_data(cls, d: dict[str, Any]) -> QuoteWords:
        verbs, light = _marked(d.get("verbs")), _marked(d.get("light_verbs"))
        for w in d.get("verbs_clause") or []:
            verbs[_word(w)] = CLAUSE
        nouns = {_word(f): SpeakerNoun(n["name"], n.get("sector")) for n in d.get("speaker_nouns") or []
                 for f in n["forms"]}
        return cls(
            verbs=verbs,
            according=_phrases(d.get("according")),
            according_after=_phrases(d.get("according_after")),
            bridge=frozenset(_word(w) for w in d.get("bridge") or []),
            before_verb=frozenset(_word(w) for w in d.get("before_verb") or []),
            verb_tail=frozenset(_word(w) for w in d.get("verb_tail") or []),
            calls=_phrases(d.get("calls")),
            reported=frozenset(_word(w) for w in d.get("reported") or []),
            reported_bare=bool(d.get("reported_bare")),
            paragraph_quotes=bool(d.get("paragraph_quotes")),
            determiners=frozenset(_word(w) for w in d.get("determiners") or []),
            pronouns=frozenset(_word(w) for w in d.get("pronouns") or []),
            publications=frozenset(_word(w) for w in d.get("publications") or []),
            source_links=frozenset(_word(w) for w in d.get("source_links") or []),
            not_names=frozenset(_word(w) for w in d.get("not_names") or []),
            source_nouns=frozenset(_word(w) for w in d.get("source_nouns") or []),
            speech_nouns=frozenset(_word(w) for w in d.get("speech_nouns") or []),
            light_verbs=light,
            light_fillers=frozenset(_word(w) for w in d.get("light_fillers") or []),
            passive=frozenset(_word(w) for w in d.get("passive") or []),
            nouns=nouns,
            capitalized_names=bool(d.get("capitalized_names")),
        )

    @classmethod
    def load(cls, folder: Traversable) -> QuoteWords | None:
        """The language's quote words, or None when its data folder has no quotes.yaml."""
        node = folder / "quotes.yaml"
        return cls.from_data(read_yaml(node) or {}) if node.is_file() else None


def phrase_ending_at(tokens: Sequence[Token], j: int, phrases: tuple[tuple[str, ...], ...], lo: int) -> int | None:
    """The index of the first token of one of ``phrases`` ending at token j (longest first), or None."""
    for p in phrases:
        k = j - len(p) + 1
        if k >= lo and all(tokens[k + n].form == w for n, w in enumerate(p)):
            return k
    return None


def phrase_starting_at(tokens: Sequence[Token], j: int, phrases: tuple[tuple[str, ...], ...], hi: int) -> int | None:
    """The index after one of ``phrases`` starting at token j (longest first), or None."""
    for p in phrases:
        if j + len(p) <= hi and all(tokens[j + n].form == w for n, w in enumerate(p)):
            return j + len(p)
    return None
