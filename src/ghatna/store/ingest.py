"""Ingest: extract each article and write it, with everything found in it, in ONE transaction.

An article is keyed by its id (the given one, else its content hash) and the sha256 of its text:
the same text again changes nothing (and is not even re-extracted); a changed text under the same
id replaces the article's reports, participants, evidence and quotes atomically and re-merges the
events they belonged to. A failure of one article (unreadable input, extraction error, bad
offsets) is recorded with its file and line and the run goes on.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from ghatna.model import Article, Document, Entity, Event
from ghatna.reader import ReadError
from ghatna.store.dates import day_span
from ghatna.store.db import transaction
from ghatna.store.inputs import Input
from ghatna.store.merge import Removed, merge_key, update_clusters

if TYPE_CHECKING:
    from ghatna.pipeline import Pipeline

ADDED, REPLACED, UNCHANGED, FAILED = "added", "replaced", "unchanged", "failed"


@dataclass(frozen=True, slots=True)
class Failure:
    where: str  # "file:line", "file", or "<python>" for objects passed in
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(slots=True)
class IngestReport:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    events: int = 0  # event reports written
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def processed(self) -> int:
        return self.added + self.replaced + self.unchanged + self.failed

    @property
    def ok(self) -> bool:
        return not self.failures

    @property
    def articles_per_second(self) -> float:
        return self.processed / self.seconds if self.seconds > 0 else 0.0

    def summary(self) -> str:
        return (f"{self.processed} input(s) in {self.seconds:.1f} s ({self.articles_per_second:.1f} articles/s): "
                f"{self.added} added, {self.replaced} replaced, {self.unchanged} unchanged, "
                f"{self.failed} failed; {self.events} event report(s) written")


Progress = Callable[[IngestReport, str], None]


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_offsets(doc: Document) -> None:
    text = doc.text
    for ev in doc.events:
        for e in ev.evidence:
            if text[e.start:e.end] != e.text:
                raise ValueError(f"evidence offsets {e.start}:{e.end} do not point at their text")
    for q in doc.quotes:
        if text[q.start:q.end] != q.text:
            raise ValueError(f"quote offsets {q.start}:{q.end} do not point at their text")


def _upsert_actor(conn: sqlite3.Connection, e: Entity) -> str | None:
    if not e.id:
        return None
    conn.execute(
        "INSERT INTO actors (id, name, name_hi, kind, country, sector) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET name = excluded.name, name_hi = COALESCE(excluded.name_hi, actors.name_hi), "
        "kind = excluded.kind, country = COALESCE(excluded.country, actors.country), "
        "sector = COALESCE(excluded.sector, actors.sector)",
        (e.id, e.name, e.name_hi, e.kind, e.country, e.sector))
    return e.id


def _insert_report(conn: sqlite3.Connection, article_pk: int, seq: int, ev: Event) -> int:
    d = ev.date
    span = day_span(d.value, d.basis, d.start, d.end)
    loc = ev.location
    key = merge_key(ev)
    report_id = conn.execute(
        """INSERT INTO event_reports (article_pk, seq, merge_key, near_lo, near_hi, type, mode, modality, cameo,
               quad_class, goldstein, confidence, date_value, date_granularity, date_basis, date_start, date_end,
               day_lo, day_hi, recurrence, location_name, location_country, lat, lon, flags, trigger, pattern,
               num_evidence, casualties)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (article_pk, seq, key, span and span.near_lo.isoformat(), span and span.near_hi.isoformat(),
         ev.type, ev.mode, ev.modality, ev.cameo, ev.quad_class, ev.goldstein, round(ev.confidence, 3),
         d.value, d.granularity, d.basis, d.start, d.end, span and span.lo.isoformat(), span and span.hi.isoformat(),
         ev.recurrence, loc and loc.name, loc and loc.country, loc and loc.lat, loc and loc.lon,
         json.dumps(list(ev.flags)), ev.trigger if ev.evidence else None, ev.pattern, len(ev.evidence),
         json.dumps(ev.casualties.to_dict(), ensure_ascii=False) if ev.casualties else None),
    ).lastrowid
    for role, ents in (("actor", ev.actors), ("recipient", ev.recipients)):
        for pos, e in enumerate(ents):
            conn.execute(
                "INSERT INTO participants (report_id, role, position, actor_id, name, name_hi, kind, country, "
                "sector, office) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (report_id, role, pos, _upsert_actor(conn, e), e.name, e.name_hi, e.kind, e.country, e.sector,
                 e.office))
            if e.id or e.name:  # keyed as merge.file_keys keys it (SQLite's lower(), not Python's)
                conn.execute("INSERT OR IGNORE INTO actor_names (key, name, name_hi) "
                             "VALUES (COALESCE(?, 'name:' || lower(?)), ?, ?)",
                             (e.id or None, e.name, e.name or "", e.name_hi or ""))
    conn.executemany(
        'INSERT INTO evidence (report_id, article_pk, position, sentence, start, "end", text, trigger_start, '
        "trigger_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(report_id, article_pk, i, e.sentence, e.start, e.end, e.text, e.trigger_start, e.trigger_end)
         for i, e in enumerate(ev.evidence)])
    return report_id


def _article_values(doc: Document, digest: str) -> tuple:
    a = doc.article
    return (a.article_id, digest, a.title, a.published.isoformat() if a.published else None, doc.lang or a.lang,
            a.source, a.url, a.text, json.dumps([f.to_dict() for f in doc.flags], ensure_ascii=False),
            datetime.now(UTC).isoformat(timespec="seconds"))


def write_document(conn: sqlite3.Connection, doc: Document, digest: str | None = None, *,
                   force: bool = False) -> str:
    """Store one extracted article in its own transaction; returns ADDED, REPLACED or UNCHANGED."""
    check_offsets(doc)  # before the write lock is taken
    with transaction(conn):
        return put_document(conn, doc, digest, force=force)


def put_document(conn: sqlite3.Connection, doc: Document, digest: str | None = None, *,
                 force: bool = False) -> str:
    """``write_document`` inside a transaction the caller holds (to record more in the same one,
    as ``ghatna watch`` records the feed item the article came from)."""
    check_offsets(doc)
    digest = digest or content_hash(doc.text)
    row = conn.execute("SELECT pk, content_hash FROM articles WHERE article_id = ?",
                       (doc.article.article_id,)).fetchone()
    if row is not None and row["content_hash"] == digest and not force:
        return UNCHANGED
    removed: list[Removed] = []
    if row is None:
        pk = conn.execute(
            "INSERT INTO articles (article_id, content_hash, title, published, lang, source, url, text, flags, "
            "ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", _article_values(doc, digest)).lastrowid
    else:
        pk = row["pk"]
        removed = [Removed(r["id"], r["merge_key"], r["near_lo"], r["near_hi"], r["event_id"]) for r in
                   conn.execute("SELECT id, merge_key, near_lo, near_hi, event_id FROM event_reports "
                                "WHERE article_pk = ?", (pk,))]
        conn.execute("DELETE FROM event_reports WHERE article_pk = ?", (pk,))
        conn.execute("DELETE FROM quotes WHERE article_pk = ?", (pk,))
        conn.execute("UPDATE articles SET article_id = ?, content_hash = ?, title = ?, published = ?, lang = ?, "
                     "source = ?, url = ?, text = ?, flags = ?, ingested_at = ? WHERE pk = ?",
                     (*_article_values(doc, digest), pk))
    added = [_insert_report(conn, pk, seq, ev) for seq, ev in enumerate(doc.events)]
    for seq, q in enumerate(doc.quotes):
        speaker = _upsert_actor(conn, q.speaker) if q.speaker else None
        conn.execute('INSERT INTO quotes (article_pk, seq, speaker_id, speaker_name, start, "end", text, flags) '
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     (pk, seq, speaker, q.speaker.name if q.speaker else None, q.start, q.end, q.text,
                      json.dumps(list(q.flags))))
    update_clusters(conn, removed, added)
    return ADDED if row is None else REPLACED


def stored_hash(conn: sqlite3.Connection, article_id: str) -> str | None:
    row = conn.execute("SELECT content_hash FROM articles WHERE article_id = ?", (article_id,)).fetchone()
    return row["content_hash"] if row else None


def ingest(conn: sqlite3.Connection, inputs: Iterable[Input], pipeline: Pipeline | None = None,
           progress: Progress | None = None, *, force: bool = False) -> IngestReport:
    """Extract and store every input; never stops on a bad one. ``pipeline`` is built on first need
    (re-ingesting stored texts needs none)."""
    built: list[Pipeline] = [pipeline] if pipeline is not None else []

    def get_pipeline() -> Pipeline:
        if not built:
            from ghatna.pipeline import Pipeline

            built.append(Pipeline())
        return built[0]

    report = IngestReport()
    started = time.perf_counter()
    for inp in inputs:
        outcome = _one(conn, inp, get_pipeline, report, force)
        report.seconds = time.perf_counter() - started
        if progress is not None:
            progress(report, outcome)
    report.seconds = time.perf_counter() - started
    return report


def _one(conn: sqlite3.Connection, inp: Input, get_pipeline: Callable[[], Pipeline], report: IngestReport,
         force: bool) -> str:
    item = inp.item
    if isinstance(item, ReadError):
        report.failures.append(Failure(inp.label, item.message))
        return FAILED
    article = item if isinstance(item, Article) else item.article
    try:
        digest = content_hash(article.text)
        if isinstance(item, Article):
            if not force and stored_hash(conn, article.article_id) == digest:
                report.unchanged += 1
                return UNCHANGED
            doc = get_pipeline().run(item)
        else:
            doc = item
        outcome = write_document(conn, doc, digest, force=force)
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:  # one bad article must not stop a corpus run
        report.failures.append(Failure(inp.label, f"article {article.article_id}: {type(exc).__name__}: {exc}"))
        return FAILED
    if outcome == ADDED:
        report.added += 1
    elif outcome == REPLACED:
        report.replaced += 1
    else:
        report.unchanged += 1
    if outcome != UNCHANGED:
        report.events += len(doc.events)
    return outcome
