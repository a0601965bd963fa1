"""The one Parquet schema of a scaled-out extraction (documented in docs/scale.md).

Six tables, each a folder of ``part-NNNNN.parquet`` files (one per partition, written even when
empty): ``articles``, ``events`` (one row per event as one article reports it: not yet merged
across articles), ``participants``, ``evidence``, ``quotes`` and ``errors``. Rows of one
article share ``doc_id`` (partition and position, unique even when an article id repeats);
events, participants and evidence of one event share (``doc_id``, ``seq``). Column names
shared with ``ghatna export --format parquet`` (``day``, ``date``, ``type``, ``actor_ids``, …)
mean the same and have the same types. ``documents`` rebuilds the extracted ``Document`` objects,
so the tables hold everything the store needs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from typing import Any

from ghatna.model import (
    Article,
    Casualties,
    Document,
    Entity,
    Event,
    EventDate,
    Evidence,
    Flag,
    Location,
    Quote,
    TextSpan,
)
from ghatna.store.dates import day_span
from ghatna.store.ingest import content_hash
from ghatna.store.merge import merge_key

SCHEMA_VERSION = 2  # 2: casualty columns on events

S, N, F, D, L = "string", "int64", "float64", "date", "list"  # arrow types, as in ghatna.store.export
_KEY = (("doc_id", S), ("article_id", S), ("seq", N))

TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (
        ("doc_id", S), ("article_id", S), ("content_hash", S), ("title", S), ("published", D), ("lang", S),
        ("article_lang", S), ("source", S), ("url", S), ("text", S), ("flags", "flags"), ("where", S),
        ("num_events", N), ("num_quotes", N), ("part", N)),
    "events": (
        *_KEY, ("published", D), ("lang", S), ("source", S), ("url", S),
        ("day", D), ("day_hi", D), ("date", S), ("date_granularity", S), ("date_basis", S), ("date_start", S),
        ("date_end", S), ("type", S), ("mode", S), ("modality", S), ("cameo", S), ("quad_class", N),
        ("goldstein", F), ("confidence", F), ("actor_ids", L), ("actor_names", L), ("actor_countries", L),
        ("actor_sectors", L), ("recipient_ids", L), ("recipient_names", L), ("recipient_countries", L),
        ("recipient_sectors", L), ("location_name", S), ("location_country", S), ("lat", F), ("lon", F),
        ("recurrence", S), ("trigger", S), ("evidence", S), ("flags", L), ("pattern", S), ("merge_key", S),
        ("num_evidence", N), ("killed", N), ("injured", N), ("abducted", N), ("arrested", N),
        ("casualties_start", N), ("casualties_end", N), ("casualties_text", S)),
    "participants": (
        *_KEY, ("role", S), ("position", N), ("actor_id", S), ("name", S), ("name_hi", S), ("kind", S),
        ("country", S), ("sector", S), ("office", S)),
    "evidence": (
        *_KEY, ("position", N), ("sentence", N), ("start", N), ("end", N), ("text", S), ("trigger_start", N),
        ("trigger_end", N)),
    "quotes": (
        *_KEY, ("speaker_id", S), ("speaker_name", S), ("speaker_name_hi", S), ("speaker_kind", S),
        ("speaker_country", S), ("speaker_sector", S), ("speaker_office", S), ("start", N), ("end", N),
        ("sentence", N), ("text", S), ("flags", L), ("speaker_start", N), ("speaker_end", N), ("speaker_text", S)),
    "errors": (
        ("part", N), ("where", S), ("source", S), ("line", N), ("article_id", S), ("kind", S), ("message", S)),
}
ENTITY_FIELDS = ("id", "name", "name_hi", "kind", "country", "sector", "office")


def arrow_schema(table: str) -> Any:
    import pyarrow as pa

    flag = pa.struct([("code", pa.string()), ("start", pa.int64()), ("end", pa.int64()), ("detail", pa.string())])
    types = {S: pa.string(), N: pa.int64(), F: pa.float64(), D: pa.date32(), L: pa.list_(pa.string()),
             "flags": pa.list_(flag)}
    return pa.schema([(name, types[t]) for name, t in TABLES[table]])


def empty_rows() -> dict[str, list[dict[str, Any]]]:
    return {name: [] for name in TABLES}


def add_document(rows: dict[str, list[dict[str, Any]]], doc: Document, doc_id: str, where: str, part: int) -> None:
    """Append one extracted article's rows to ``rows`` (table name → list of row dicts)."""
    a = doc.article
    key = {"doc_id": doc_id, "article_id": a.article_id}
    rows["articles"].append({
        **key, "content_hash": content_hash(a.text), "title": a.title, "published": a.published,
        "lang": doc.lang or a.lang, "article_lang": a.lang, "source": a.source, "url": a.url, "text": a.text,
        "flags": [f.to_dict() for f in doc.flags], "where": where, "num_events": len(doc.events),
        "num_quotes": len(doc.quotes), "part": part})
    for seq, ev in enumerate(doc.events):
        _add_event(rows, {**key, "seq": seq}, ev, a, doc.lang or a.lang)
    for seq, q in enumerate(doc.quotes):
        s = q.speaker.to_dict() if q.speaker else {}
        span = q.speaker_span
        rows["quotes"].append({**key, "seq": seq, **{f"speaker_{k}": s.get(k) for k in ENTITY_FIELDS},
                               "start": q.start, "end": q.end, "sentence": q.sentence, "text": q.text,
                               "flags": list(q.flags), "speaker_start": span and span.start,
                               "speaker_end": span and span.end, "speaker_text": span and span.text})


def _add_event(rows: dict[str, list[dict[str, Any]]], key: dict[str, Any], ev: Event, a: Article,
               lang: str | None) -> None:
    d, loc = ev.date, ev.location
    span = day_span(d.value, d.basis, d.start, d.end)

    def col(ents: list[Entity], k: str) -> list[str]:
        return [getattr(e, k) or "" for e in ents]

    rows["events"].append({
        **key, "published": a.published, "lang": lang, "source": a.source, "url": a.url,
        "day": span.lo if span else None, "day_hi": span.hi if span else None, "date": d.value,
        "date_granularity": d.granularity, "date_basis": d.basis, "date_start": d.start, "date_end": d.end,
        "type": ev.type, "mode": ev.mode, "modality": ev.modality, "cameo": ev.cameo, "quad_class": ev.quad_class,
        "goldstein": ev.goldstein, "confidence": ev.confidence,
        "actor_ids": col(ev.actors, "id"), "actor_names": col(ev.actors, "name"),
        "actor_countries": col(ev.actors, "country"), "actor_sectors": col(ev.actors, "sector"),
        "recipient_ids": col(ev.recipients, "id"), "recipient_names": col(ev.recipients, "name"),
        "recipient_countries": col(ev.recipients, "country"), "recipient_sectors": col(ev.recipients, "sector"),
        "location_name": loc and loc.name, "location_country": loc and loc.country, "lat": loc and loc.lat,
        "lon": loc and loc.lon, "recurrence": ev.recurrence, "trigger": ev.trigger if ev.evidence else None,
        "evidence": ev.evidence[0].text if ev.evidence else None, "flags": list(ev.flags), "pattern": ev.pattern,
        "merge_key": merge_key(ev), "num_evidence": len(ev.evidence), **_casualty_columns(ev.casualties)})
    for role, ents in (("actor", ev.actors), ("recipient", ev.recipients)):
        for pos, e in enumerate(ents):
            rows["participants"].append({**key, "role": role, "position": pos, "actor_id": e.id,
                                         **{k: getattr(e, k) for k in ENTITY_FIELDS[1:]}})
    for pos, e in enumerate(ev.evidence):
        rows["evidence"].append({**key, "position": pos, "sentence": e.sentence, "start": e.start, "end": e.end,
                                 "text": e.text, "trigger_start": e.trigger_start, "trigger_end": e.trigger_end})


def _casualty_columns(c: Casualties | None) -> dict[str, Any]:
    return {"killed": c and c.killed, "injured": c and c.injured, "abducted": c and c.abducted,
            "arrested": c and c.arrested, "casualties_start": c and c.start, "casualties_end": c and c.end,
            "casualties_text": c and c.text}


def _casualties(r: dict[str, Any]) -> Casualties | None:
    """The casualties of an event row (None in files of schema version 1, which has no such columns)."""
    if r.get("casualties_start") is None:
        return None
    return Casualties(r["killed"], r["injured"], r["abducted"], r["arrested"], r["casualties_start"],
                      r["casualties_end"], r["casualties_text"])


def _entity(r: dict[str, Any], prefix: str = "") -> Entity:
    g = {k: r[prefix + k] for k in ENTITY_FIELDS}
    return Entity(g["id"], g["name"], g["kind"], g["country"], g["sector"], g["office"], g["name_hi"])


def documents(tables: dict[str, list[dict[str, Any]]]) -> Iterator[Document]:
    """Rebuild the extracted documents from one partition's rows (as ``pyarrow.Table.to_pylist``
    gives them), in their order."""
    people: dict[tuple, list[dict]] = defaultdict(list)
    for r in tables["participants"]:
        people[r["doc_id"], r["seq"]].append(r)
    spans: dict[tuple, list[dict]] = defaultdict(list)
    for r in tables["evidence"]:
        spans[r["doc_id"], r["seq"]].append(r)
    events: dict[str, list[Event]] = defaultdict(list)
    for r in sorted(tables["events"], key=lambda r: (r["doc_id"], r["seq"])):
        events[r["doc_id"]].append(_event(r, people[r["doc_id"], r["seq"]], spans[r["doc_id"], r["seq"]]))
    quotes: dict[str, list[Quote]] = defaultdict(list)
    for r in sorted(tables["quotes"], key=lambda r: (r["doc_id"], r["seq"])):
        speaker = _entity(r, "speaker_") if r["speaker_name"] is not None else None
        span = TextSpan(r["speaker_start"], r["speaker_end"], r["speaker_text"]) \
            if r.get("speaker_start") is not None else None  # files written before speaker spans have none
        quotes[r["doc_id"]].append(Quote(r["start"], r["end"], r["text"], speaker, r["sentence"], list(r["flags"]),
                                         span))
    for r in tables["articles"]:
        published = r["published"]
        article = Article(r["text"], r["article_id"], r["title"], published if isinstance(published, date) else None,
                          r["article_lang"], r["source"], r["url"])
        yield Document(article, lang=r["lang"], events=events[r["doc_id"]], quotes=quotes[r["doc_id"]],
                       flags=[Flag(f["code"], f["start"], f["end"], f["detail"]) for f in r["flags"]])


def _event(r: dict[str, Any], people: list[dict], spans: list[dict]) -> Event:
    people = sorted(people, key=lambda p: (p["role"], p["position"]))
    loc = Location(r["location_name"], r["location_country"], r["lat"], r["lon"]) \
        if r["location_name"] is not None else None
    return Event(
        type=r["type"], mode=r["mode"], modality=r["modality"],
        actors=[_entity({**p, "id": p["actor_id"]}) for p in people if p["role"] == "actor"],
        recipients=[_entity({**p, "id": p["actor_id"]}) for p in people if p["role"] == "recipient"],
        evidence=[Evidence(e["start"], e["end"], e["text"], e["trigger_start"], e["trigger_end"], e["sentence"])
                  for e in sorted(spans, key=lambda e: e["position"])],
        date=EventDate(r["date"], r["date_granularity"], r["date_basis"], r["date_start"], r["date_end"]),
        recurrence=r["recurrence"], location=loc, cameo=r["cameo"], quad_class=r["quad_class"],
        goldstein=r["goldstein"], confidence=r["confidence"], flags=list(r["flags"]), pattern=r["pattern"],
        casualties=_casualties(r))
