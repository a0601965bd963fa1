"""What a language's reader tells the event layer about a trigger in its sentence.

Each language reads its own syntax (Hindi from postpositions and the verb group after the
trigger, English from position and prepositions) into these language-neutral records; the event
layer (events/tagger.py) does the rest the same way for every language.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Protocol

from ghatna.events.lexicon import TriggerClass
from ghatna.model import Document, Entity, EventDate, Mention, TimeMention, Token

ACTOR_KINDS = frozenset({"person", "country", "organization", "group", "agent", "pronoun"})


@dataclass(slots=True)
class Predicate:
    """A trigger as the head of an act: its clause and how its verb group reads."""

    t0: int  # first token of the trigger
    t1: int  # token after it
    left: int  # the clause around it: tokens [left, right)
    right: int
    nominal: bool = False  # a noun inside a phrase ("हमले में", "after the attack"), not the predicate
    passive: bool = False
    tail: list[int] = field(default_factory=list)  # word tokens of its verb group (language-specific side)
    light: int | None = None  # a light verb governing a noun trigger ("held talks")
    governor: int | None = None  # first token of a trigger whose content this one is ("हमला करने की धमकी")
    object_of: bool = False  # the governor takes it as a plain object ("demanded an apology")
    own: Mention | None = None  # the mention the trigger is part of ("demonstrators")
    stop: int = 0  # where the trigger's own stretch ends (a following infinitive has its own dates)


@dataclass(slots=True)
class Argument:
    """A noun phrase around a trigger with the marker class that relates it to the trigger."""

    marker: str
    mention: Mention


@dataclass(slots=True)
class SentenceView:
    """One sentence's tokens, mentions, time expressions and trigger positions."""

    doc: Document
    si: int
    a: int  # its tokens: [a, b)
    b: int
    mentions: list[Mention]
    times: list[TimeMention]
    trigger_starts: dict[int, int] = field(default_factory=dict)  # first token → token after
    countries: frozenset[str] = frozenset()  # every country the article names (set by the tagger)
    main_country: str | None = None  # the one it names most (set by the tagger)
    _words: list[int] | None = None  # the sentence's word tokens, found once

    @property
    def toks(self) -> list[Token]:
        return self.doc.tokens

    def keys(self, a: int, b: int) -> list[str]:
        return [t.key for t in self.doc.tokens[a:b] if t.key]

    def word_indices(self, a: int, b: int) -> list[int]:
        """The word tokens in [a, b) (not spaces or marks), in time independent of the sentence's
        length when [a, b) lies inside it."""
        if not (self.a <= a and b <= self.b):
            return [j for j in range(a, b) if self.doc.tokens[j].key]
        if self._words is None:
            self._words = [j for j in range(self.a, self.b) if self.doc.tokens[j].key]
        return self._words[bisect_left(self._words, a) : bisect_left(self._words, b)]


class SentenceReader(Protocol):
    """A language's syntax, as the event layer needs it."""

    tail_reach: int  # words after a trigger where a class's `tail` phrase may start

    def view(self, doc: Document, si: int, mentions: list[Mention], times: list[TimeMention],
             trigger_starts: dict[int, int]) -> SentenceView: ...

    def predicate(self, sv: SentenceView, t0: int, t1: int) -> Predicate: ...

    def blocked(self, sv: SentenceView, p: Predicate, cls: TriggerClass) -> bool: ...

    def directive(self, sv: SentenceView, p: Predicate) -> bool: ...

    def arguments(self, sv: SentenceView, p: Predicate, cls: TriggerClass) -> list[Argument]: ...

    def subject_elsewhere(self, sv: SentenceView, p: Predicate, cls: TriggerClass) -> list[Entity]: ...

    def speaker(self, sv: SentenceView, p: Predicate) -> list[Entity]: ...

    def that_clause_subject(self, sv: SentenceView, p: Predicate) -> list[Entity]: ...

    def modality(self, sv: SentenceView, p: Predicate, cls: TriggerClass) -> str: ...

    def date(self, sv: SentenceView, p: Predicate, modality: str) -> tuple[EventDate, str | None]: ...

    def reported_by(self, sv: SentenceView, p: Predicate) -> list[Entity]: ...
