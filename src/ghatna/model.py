"""The data model: an article, the annotations stages add to it, and the events they yield.

Every span is a pair of character offsets into the raw article text (``Document.text``), so
``doc.text[span.start:span.end] == span.text`` holds for every evidence, mention and quote.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class Entity:
    """A political actor as it takes part in an event (resolved for the event's date)."""

    id: str
    name: str
    kind: str  # person | country | organization | group
    country: str | None = None  # ISO 3166-1 alpha-3 of the state the actor acts for
    sector: str | None = None
    office: str | None = None
    name_hi: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "name_hi": self.name_hi,
            "kind": self.kind,
            "country": self.country,
            "sector": self.sector,
            "office": self.office,
        }


@dataclass(slots=True)
class Sentence:
    start: int  # raw offsets
    end: int
    text: str  # raw text of the sentence
    nstart: int  # offsets into the working copy
    nend: int
    paragraph: int = 0
    is_headline: bool = False
    tok_start: int = 0  # index of its first token in Document.tokens
    tok_end: int = 0
    cut: bool = False  # a piece of an overlong sentence, split at a clause mark, comma or space


@dataclass(slots=True)
class Token:
    start: int  # raw offsets
    end: int
    text: str  # raw text of the token
    norm: str  # working-copy form
    key: str  # phonetic key ("" for transparent punctuation such as "." and "-")
    sentence: int
    nstart: int = 0
    nend: int = 0
    form: str = ""  # exact working-copy form, lower-cased: what function words are matched on


@dataclass(slots=True)
class Mention:
    """A stretch of text naming actors, a place, or pointing back to actors (pronouns)."""

    start: int  # raw offsets
    end: int
    text: str
    sentence: int
    kind: str  # person | country | adjective | organization | group | agent | office | place | pronoun
    tok_start: int  # index of the first token
    tok_end: int  # index after the last token
    entities: list[Entity] = field(default_factory=list)  # who it denotes (two for "दोनों नेता")
    case: str | None = None  # the postposition class after it (ne, ko, se, gen, …) or None
    case_end: int = 0  # token index after the postposition
    place: Location | None = None  # for place mentions (cities, and countries as places)


@dataclass(slots=True)
class TimeMention:
    """A time expression of the text, with raw offsets and token range."""

    start: int
    end: int
    text: str
    sentence: int
    tok_start: int
    tok_end: int
    value: str | None
    granularity: str | None
    basis: str | None
    kind: str  # date | recurrence | duration
    recurrence: str | None = None
    begin: date | None = None
    finish: date | None = None


def date_of(tm: TimeMention) -> EventDate:
    """The event date a time expression gives."""
    return EventDate(tm.value, tm.granularity, tm.basis, tm.begin.isoformat() if tm.begin else None,
                     tm.finish.isoformat() if tm.finish else None)


def publication_date(published: date | None) -> EventDate:
    """The date of an event reported as current news with no date of its own."""
    if published is None:
        return NO_DATE
    iso = published.isoformat()
    return EventDate(iso, "day", "publication", iso, iso)


def dedupe_entities(ents: list[Entity]) -> list[Entity]:
    """The entities in order, each once (by id)."""
    seen: set[str] = set()
    out = []
    for e in ents:
        if e.id not in seen:
            seen.add(e.id)
            out.append(e)
    return out


@dataclass(frozen=True, slots=True)
class EventDate:
    value: str | None
    granularity: str | None
    basis: str | None  # explicit | relative | publication | None
    start: str | None = None
    end: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "granularity": self.granularity,
            "basis": self.basis,
            "start": self.start,
            "end": self.end,
        }


NO_DATE = EventDate(None, None, None)


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon}


@dataclass(frozen=True, slots=True)
class Evidence:
    start: int
    end: int
    text: str
    trigger_start: int
    trigger_end: int
    sentence: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "trigger_start": self.trigger_start,
            "trigger_end": self.trigger_end,
        }


@dataclass(frozen=True, slots=True)
class Casualties:
    """How many people an attack, a riot or a crackdown killed, injured, abducted or arrested, as
    the text counts them (None: not said), and the stretch of text that counts them (raw offsets)."""

    killed: int | None
    injured: int | None
    abducted: int | None
    arrested: int | None
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"killed": self.killed, "injured": self.injured, "abducted": self.abducted,
                "arrested": self.arrested, "start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Event:
    type: str  # PLOVER
    mode: str | None
    modality: str  # actual | future | habitual | negated
    actors: list[Entity]
    recipients: list[Entity]
    evidence: list[Evidence]
    date: EventDate = NO_DATE
    recurrence: str | None = None
    location: Location | None = None
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    confidence: float = 0.5
    flags: list[str] = field(default_factory=list)
    pattern: str | None = None  # id of the trigger class that found it (for debugging and eval)
    cues: list[str] = field(default_factory=list)  # what the tagger knew of it (features of the learned models)
    casualties: Casualties | None = None  # conflict events whose text counts the dead, injured, taken

    @property
    def trigger(self) -> str:
        ev = self.evidence[0]
        return ev.text[ev.trigger_start - ev.start : ev.trigger_end - ev.start]

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "mode": self.mode,
            "modality": self.modality,
            "actors": [a.to_dict() for a in self.actors],
            "recipients": [r.to_dict() for r in self.recipients],
            "date": self.date.to_dict(),
            "recurrence": self.recurrence,
            "location": self.location.to_dict() if self.location else None,
            "cameo": self.cameo,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "confidence": round(self.confidence, 3),
            "flags": list(self.flags),
            "casualties": self.casualties.to_dict() if self.casualties else None,
            "trigger": self.trigger,
            "pattern": self.pattern,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A stretch of the raw text: ``text == article_text[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Quote:
    start: int  # offsets of the quoted text, without the quotation marks
    end: int
    text: str
    speaker: Entity | None
    sentence: int
    flags: list[str] = field(default_factory=list)
    speaker_span: TextSpan | None = None  # the words that name the speaker ("एक वरिष्ठ अधिकारी", "he")

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "flags": list(self.flags),
            "speaker_span": self.speaker_span.to_dict() if self.speaker_span else None,
        }


@dataclass(slots=True)
class Flag:
    """A quality flag on a stretch of text (a sentence, a quote) or on the whole article."""

    code: str  # repeated_ngram | unbalanced_quotes | mixed_script | legacy_font | unsupported_language
    start: int
    end: int
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def content_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class Article:
    text: str
    article_id: str = ""
    title: str | None = None
    published: date | None = None
    lang: str | None = None
    source: str | None = None
    url: str | None = None

    def __post_init__(self) -> None:
        if not self.article_id:
            self.article_id = content_id(self.text)


@dataclass(frozen=True, slots=True)
class Options:
    """What an extraction codes beyond the annotation guideline (all off by default).

    ``unattributed``: an attack or a riot no one is named for is coded with the actor
    "unidentified attackers" and the flag ``unattributed_actor`` (events/unattributed.py)."""

    unattributed: bool = False


DEFAULT_OPTIONS = Options()


@dataclass(slots=True)
class Document:
    """An article and everything the stages found in it. Stages add; none rewrites ``text``."""

    article: Article
    norm: str = ""  # normalised working copy
    norm_map: list[int] = field(default_factory=list)  # norm index -> raw index (len(norm)+1 entries)
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    lang: str | None = None
    done: set[str] = field(default_factory=set)  # names of the stages that have run
    key_index: Any = None  # the tokens' joined phonetic keys, shared by the matchers (KeyIndex)
    options: Options = DEFAULT_OPTIONS  # what this extraction codes beyond the guideline

    @property
    def text(self) -> str:
        return self.article.text

    def by_sentence(self) -> tuple[dict[int, list[Mention]], dict[int, list[TimeMention]]]:
        """Mentions and time expressions grouped by sentence index, in text order."""
        mentions: dict[int, list[Mention]] = {}
        for m in self.mentions:
            mentions.setdefault(m.sentence, []).append(m)
        times: dict[int, list[TimeMention]] = {}
        for t in self.times:
            times.setdefault(t.sentence, []).append(t)
        return mentions, times

    def raw_span(self, norm_start: int, norm_end: int) -> tuple[int, int]:
        """Map a span of the working copy back to raw offsets."""
        return self.norm_map[norm_start], self.norm_map[norm_end]

    def to_dict(self) -> dict[str, Any]:
        a = self.article
        return {
            "article_id": a.article_id,
            "lang": self.lang or a.lang,
            "published": a.published.isoformat() if a.published else None,
            "title": a.title,
            "source": a.source,
            "url": a.url,
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "flags": [f.to_dict() for f in self.flags],
        }
