"""The JSON API's request and response models (they make the OpenAPI document)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ghatna.pubdate import MAX_PUBLISHED, MIN_PUBLISHED
from ghatna.reader import MAX_TEXT_CHARS


class Entity(BaseModel):
    id: str | None = None
    name: str | None = None
    name_hi: str | None = None
    kind: str | None = None
    country: str | None = None
    sector: str | None = None
    office: str | None = None


class EventDate(BaseModel):
    value: str | None = None
    granularity: str | None = None
    basis: str | None = Field(None, description="explicit, relative, publication or null")
    start: str | None = None
    end: str | None = None


class Location(BaseModel):
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


class Evidence(BaseModel):
    article_id: str
    start: int = Field(description="offset into the article's text")
    end: int
    text: str
    trigger_start: int | None = None
    trigger_end: int | None = None
    sentence: int | None = None


class ArticleRef(BaseModel):
    article_id: str
    published: str | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    ingested_at: str | None = None


class Casualties(BaseModel):
    """How many the text says an attack, a riot or a crackdown killed, injured, abducted, arrested."""

    killed: int | None = None
    injured: int | None = None
    abducted: int | None = None
    arrested: int | None = None
    start: int = Field(description="offsets of the words that count them, in the article's text")
    end: int
    text: str
    article_id: str | None = Field(None, description="the article those words are in (stored events)")


class EventFields(BaseModel):
    """The fields every event has, stored or just extracted (ghatna's event JSON)."""

    type: str
    mode: str | None = None
    modality: str
    actors: list[Entity]
    recipients: list[Entity]
    date: EventDate
    recurrence: str | None = None
    location: Location | None = None
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    confidence: float | None = None
    flags: list[str]
    casualties: Casualties | None = Field(None, description="conflict events whose text counts the dead, injured, "
                                                             "abducted or arrested")
    trigger: str | None = None


class Event(EventFields):
    """A merged event: ghatna's event JSON plus its id, GDELT-style counts, articles and evidence."""

    id: int
    num_articles: int
    num_sources: int
    num_mentions: int
    first_published: str | None = None
    articles: list[ArticleRef]
    evidence: list[Evidence]


class EventPage(BaseModel):
    total: int = Field(description="events matching the filters, counted up to 10,000 past this page")
    more: bool = Field(False, description="true when more events match than ``total`` says")
    limit: int
    offset: int
    events: list[Event]


class ActorCount(BaseModel):
    id: str | None = None
    country: str | None = None
    name: str | None = None
    name_hi: str | None = None
    kind: str | None = None
    sector: str | None = None
    events: int
    as_actor: int
    as_recipient: int


class Partner(BaseModel):
    id: str | None = None
    country: str | None = None
    name: str | None = None
    name_hi: str | None = None
    kind: str | None = None
    events: int = Field(description="events shared with the actor")
    cooperation: int = Field(description="of which QuadClass 1-2")
    conflict: int = Field(description="of which QuadClass 3-4")


class ActorDetail(BaseModel):
    id: str | None = None
    query: str
    name: str | None = None
    name_hi: str | None = None
    kind: str | None = None
    country: str | None = None
    sector: str | None = None
    events: int
    partners: list[Partner]


class DyadMonth(BaseModel):
    month: str = Field(description="YYYY-MM")
    events: int
    cooperation: int
    conflict: int
    by_type: dict[str, int]
    balance: float | None = None
    goldstein_mean: float | None = None


class DyadSummary(BaseModel):
    a: str
    b: str
    events: int
    mentions: int
    by_type: dict[str, int]
    by_quad_class: dict[int, int]
    cooperation: int
    conflict: int
    balance: float | None = Field(None, description="(cooperation - conflict) / (cooperation + conflict)")
    goldstein_mean: float | None = None
    goldstein_total: float
    undated: int
    months: list[DyadMonth]


class Quote(BaseModel):
    speaker_id: str | None = None
    speaker_name: str | None = None
    speaker_name_hi: str | None = None
    start: int
    end: int
    text: str
    flags: list[str] = []


class Span(BaseModel):
    """A highlighted stretch of the article text (offsets into ``text``)."""

    start: int
    end: int
    kind: Literal["evidence", "trigger", "mention", "quote"]
    text: str
    events: list[int] = Field([], description="ids of the events whose evidence or trigger this is")
    mention_kind: str | None = Field(None, description="person, country, organization, place, … (mentions)")
    entities: list[Entity] = Field([], description="who a mention denotes, or a quote's speaker")


class Flag(BaseModel):
    code: str
    start: int
    end: int
    detail: str = ""


class ArticleDetail(BaseModel):
    article_id: str
    title: str | None = None
    published: str | None = None
    lang: str | None = None
    source: str | None = None
    url: str | None = None
    content_hash: str
    ingested_at: str | None = None
    text: str
    flags: list[Flag]
    events: list[Event] = Field(description="events reported by this article (evidence from this article only)")
    quotes: list[Quote]
    spans: list[Span]


class ArticleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS, description="the raw article text")
    published: date | None = Field(None, description="publication date, for relative dates (गुरुवार को); "
                                                     "1800-01-01 to 2199-12-31")
    lang: Literal["hi", "en"] | None = Field(None, description="detected when not given")
    title: str | None = Field(None, max_length=10_000)
    article_id: str | None = Field(None, max_length=500, description="default: a hash of the text")
    source: str | None = Field(None, max_length=500)
    url: str | None = Field(None, max_length=5_000)
    unattributed: bool = Field(False, description="also code attacks and riots no one is named for (actor "
                                                   "'unidentified attackers', flag unattributed_actor)")


    @field_validator("published")
    @classmethod
    def _published_in_range(cls, value: date | None) -> date | None:
        if value is not None and not MIN_PUBLISHED <= value <= MAX_PUBLISHED:
            raise ValueError(f"publication date out of range ({MIN_PUBLISHED.year}–{MAX_PUBLISHED.year})")
        return value


class ExtractedEvent(EventFields):
    pattern: str | None = None
    evidence: list[dict[str, int | str]]


class ExtractedQuote(BaseModel):
    speaker: Entity | None = None
    text: str
    start: int
    end: int
    flags: list[str] = []


class Mention(BaseModel):
    start: int
    end: int
    text: str
    kind: str
    entities: list[Entity]


class Extraction(BaseModel):
    """What ``ghatna extract --format jsonl`` prints for one article, plus its actor mentions."""

    article_id: str
    lang: str | None = None
    published: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    events: list[ExtractedEvent]
    quotes: list[ExtractedQuote]
    flags: list[Flag]
    mentions: list[Mention]


class Stored(BaseModel):
    article_id: str
    outcome: Literal["added", "replaced", "unchanged"]
    events: int = Field(description="event reports written (0 when unchanged)")
    api_url: str
    page_url: str
