"""Cross-article merge: reports of the same real event from several articles become one event.

Two reports can be of the same event when they share a merge key (PLOVER type, modality, actor
ids, recipient ids), come from different articles and have compatible dates (``dates.compatible``).
Compatibility is not transitive ("2024-07-09", "2024-07-10" and "2024-07-11" published without a
date of their own: the first two may be one event, the last two too, but not all three), so events
are built by complete linkage in one sweep through time: reports are taken in a canonical order
(by the first day they could share with another report, then most precise date first, then
article id and position) and each joins the first earlier event all of whose reports it is
compatible with, else starts a new one. The result depends only on what is stored, never on the
order in which articles were ingested.

The sweep is local. An event is *open* at day x while a later report could still join it: after
the first day its reports reach (``open_lo``) and up to the last day all of them still reach
(``open_hi``). When an article's reports are added or removed, the sweep for each touched merge
key resumes at the first day they reach, from the events stored as open then (the past cannot
change), and stops as soon as the open events are the same reports as before the change (the
future cannot change either). Events left without reports are deleted and ids are kept where
an event survives. All of it runs inside the article's transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import groupby
from urllib.parse import urlsplit

from ghatna.model import Event
from ghatna.store.dates import DaySpan, compatible

BASIS_ORDER = {"explicit": 0, "relative": 1, "publication": 2}


def merge_key(event: Event) -> str:
    def ids(ents: Sequence) -> str:
        return ",".join(sorted(e.id or e.name for e in ents))

    return f"{event.type}|{event.modality}|{ids(event.actors)}|{ids(event.recipients)}"


def source_key(source: str | None, url: str | None, article_id: str) -> str:
    """What counts as one source for num_sources: the given source, else the URL's host."""
    if source:
        return source.strip().lower()
    if url:
        host = urlsplit(url).hostname or ""
        if host:
            return host.removeprefix("www.")
    return f"article:{article_id}"


@dataclass(frozen=True, slots=True)
class Removed:
    """A report deleted with its article's old version (it may have belonged to an event)."""

    id: int
    key: str
    near_lo: str | None
    near_hi: str | None
    event_id: int | None


def _span(row: sqlite3.Row) -> DaySpan | None:
    if row["day_lo"] is None:
        return None
    return DaySpan(row["date_value"], row["date_basis"], date.fromisoformat(row["day_lo"]),
                   date.fromisoformat(row["day_hi"]))


def _precision(row: sqlite3.Row) -> tuple:
    """Most precise date first: narrowest interval, then explicit > relative > publication."""
    span = _span(row)
    width = (span.hi - span.lo).days if span else 10**6
    return (width, BASIS_ORDER.get(row["date_basis"], 3), row["day_lo"] or "", row["article_id"], row["seq"])


@dataclass(slots=True)
class _Cluster:
    members: list[sqlite3.Row] = field(default_factory=list)
    spans: list[DaySpan | None] = field(default_factory=list)
    open_hi: str = ""  # min near_hi of the members: open while the sweep is at or before it

    def accepts(self, row: sqlite3.Row, span: DaySpan | None) -> bool:
        return all(m["article_pk"] != row["article_pk"] for m in self.members) and all(
            compatible(span, s) for s in self.spans)

    def add(self, row: sqlite3.Row, span: DaySpan | None) -> None:
        self.members.append(row)
        self.spans.append(span)
        self.open_hi = min(self.open_hi, row["near_hi"]) if self.open_hi else row["near_hi"]

    def ids(self) -> frozenset[int]:
        return frozenset(m["id"] for m in self.members)


_SWEEP_COLUMNS = """
SELECT r.id, r.article_pk, r.seq, r.event_id, r.near_lo, r.near_hi, r.date_value, r.date_basis,
       r.day_lo, r.day_hi, a.article_id
FROM event_reports r JOIN articles a ON a.pk = r.article_pk
"""
_SWEEP_SQL = _SWEEP_COLUMNS + "WHERE r.merge_key = ? AND r.near_lo >= ? ORDER BY r.near_lo"
_BEFORE_SQL = _SWEEP_COLUMNS + "WHERE r.event_id = ? AND r.near_lo < ?"


def state_at(conn: sqlite3.Connection, key: str, day: str) -> list[_Cluster]:
    """The stored events of ``key`` still open at ``day``, with their reports from before it, in the
    order the sweep created them: the sweep can resume there, as if it had run up to ``day``."""
    ids = [r[0] for r in conn.execute("SELECT id FROM events WHERE merge_key = ? AND open_lo < ? AND open_hi >= ?",
                                      (key, day, day))]
    clusters = []
    for event_id in ids:
        rows = conn.execute(_BEFORE_SQL, (event_id, day)).fetchall()
        c = _Cluster()
        for row in sorted(rows, key=_sweep_order):
            c.add(row, _span(row))
        if c.members:
            clusters.append(c)
    return sorted(clusters, key=lambda c: _sweep_order(c.members[0]))


def _sweep_order(row: sqlite3.Row) -> tuple:
    return (row["near_lo"], *_precision(row))


def sweep(conn: sqlite3.Connection, key: str, removed: Sequence[Removed], changed_from: str,
          changed_until: str) -> list[_Cluster]:
    """Re-cluster the dated reports of ``key`` from the first day a changed report reaches
    (``changed_from``) until the events open at some day after the last one (``changed_until``)
    are the same as the stored ones."""
    open_new = state_at(conn, key, changed_from)
    clusters = list(open_new)
    old: dict[int, list] = {}  # stored event id -> [ids of its reports swept so far, min of their near_hi]
    for c in open_new:
        for m in c.members:
            _remember(old, m)
    phantoms = sorted((r for r in removed if r.near_lo is not None), key=lambda r: r.near_lo)
    cursor = conn.execute(_SWEEP_SQL, (key, changed_from))
    try:
        for day, group in groupby(cursor, key=lambda r: r["near_lo"]):
            while phantoms and phantoms[0].near_lo < day:
                _remember(old, phantoms.pop(0))
            open_new = [c for c in open_new if c.open_hi >= day]
            if day > changed_until and not phantoms and _same_open(open_new, old, day):
                break
            for row in sorted(group, key=_precision):
                span = _span(row)
                target = next((c for c in open_new if c.accepts(row, span)), None)
                if target is None:
                    target = _Cluster()
                    clusters.append(target)
                    open_new.append(target)
                target.add(row, span)
                _remember(old, row)
    finally:
        cursor.close()
    return clusters


def _remember(old: dict[int, list], r: sqlite3.Row | Removed) -> None:
    event_id, rid, near_hi = (r.event_id, r.id, r.near_hi) if isinstance(r, Removed) else (
        r["event_id"], r["id"], r["near_hi"])
    if event_id is None:
        return
    entry = old.setdefault(event_id, [set(), near_hi])
    entry[0].add(rid)
    entry[1] = min(entry[1], near_hi)


def _same_open(open_new: list[_Cluster], old: dict[int, list], day: str) -> bool:
    still_open = {frozenset(ids) for ids, hi in old.values() if hi >= day}
    return still_open == {c.ids() for c in open_new}


_MEMBER_SQL = """
SELECT r.id, r.article_pk, r.seq, r.event_id, r.merge_key, r.type, r.mode, r.modality, r.cameo,
       r.quad_class, r.goldstein, r.confidence, r.date_value, r.date_granularity, r.date_basis,
       r.date_start, r.date_end, r.day_lo, r.day_hi, r.near_lo, r.near_hi, r.recurrence, r.location_name,
       r.location_country, r.lat, r.lon, r.flags, r.num_evidence, r.casualties,
       a.article_id, a.published, a.source, a.url
FROM event_reports r JOIN articles a ON a.pk = r.article_pk
WHERE r.event_id = ?
"""


def _attributes(members: list[sqlite3.Row]) -> dict:
    members = sorted(members, key=_precision)
    rep = members[0]
    coded = next((m for m in members if m["mode"]), rep)
    located = next((m for m in members if m["location_name"] or m["location_country"]), None)
    flags = sorted({f for m in members for f in json.loads(m["flags"] or "[]")})
    published = [m["published"] for m in members if m["published"]]
    dated = [m for m in members if m["near_lo"] is not None]
    return {
        "merge_key": rep["merge_key"],
        "rep_report_id": rep["id"],
        "type": coded["type"], "mode": coded["mode"], "modality": rep["modality"], "cameo": coded["cameo"],
        "quad_class": coded["quad_class"], "goldstein": coded["goldstein"],
        "confidence": max((m["confidence"] or 0.0) for m in members),
        "date_value": rep["date_value"], "date_granularity": rep["date_granularity"],
        "date_basis": rep["date_basis"], "date_start": rep["date_start"], "date_end": rep["date_end"],
        "day_lo": rep["day_lo"], "day_hi": rep["day_hi"], "day_sort": rep["day_lo"] or "~",
        "recurrence": next((m["recurrence"] for m in members if m["recurrence"]), None),
        "location_name": located["location_name"] if located else None,
        "location_country": located["location_country"] if located else None,
        "lat": located["lat"] if located else None,
        "lon": located["lon"] if located else None,
        "flags": json.dumps(flags),
        "num_articles": len({m["article_pk"] for m in members}),
        "num_sources": len({source_key(m["source"], m["url"], m["article_id"]) for m in members}),
        "num_mentions": sum(m["num_evidence"] for m in members),
        "first_published": min(published) if published else None,
        "open_lo": min(m["near_lo"] for m in dated) if dated else None,
        "open_hi": min(m["near_hi"] for m in dated) if dated else None,
        "casualties": _casualties(members),
    }


def _casualties(members: list[sqlite3.Row]) -> str | None:
    """The fullest casualty count among the reports (most kinds counted, then most dead), with
    the article its words are in: counts of several reports are not mixed."""
    best = None
    for m in members:
        if m["casualties"]:
            c = json.loads(m["casualties"])
            kinds = sum(c.get(k) is not None for k in ("killed", "injured", "abducted", "arrested"))
            rank = (kinds, c.get("killed") or 0)
            if best is None or rank > best[0]:
                best = (rank, {**c, "article_id": m["article_id"]})
    return json.dumps(best[1], ensure_ascii=False) if best else None


def _new_event(conn: sqlite3.Connection, key: str) -> int:
    return conn.execute("INSERT INTO events (merge_key, type, modality) VALUES (?, '', '')", (key,)).lastrowid


def refresh(conn: sqlite3.Connection, event_ids: Iterable[int]) -> None:
    """Recompute the merged attributes and counts of events from their reports; delete empty ones."""
    for event_id in sorted(set(event_ids)):
        members = conn.execute(_MEMBER_SQL, (event_id,)).fetchall()
        if not members:
            unfile_keys(conn, event_id)
            conn.execute("DELETE FROM events WHERE id = ?", (event_id,))
            continue
        attrs = _attributes(members)
        sets = ", ".join(f"{c} = ?" for c in attrs)
        conn.execute(f"UPDATE events SET {sets} WHERE id = ?", (*attrs.values(), event_id))
        file_keys(conn, event_id, attrs["day_sort"], attrs["type"])
        if attrs["day_lo"] is not None:
            span = (date.fromisoformat(attrs["day_hi"]) - date.fromisoformat(attrs["day_lo"])).days
            conn.execute("INSERT INTO store_stats (name, value) VALUES ('max_span_days', ?) ON CONFLICT(name) "
                         "DO UPDATE SET value = max(value, excluded.value)", (span,))


_KEYS_SQL = """
INSERT INTO event_keys (key, event_id, roles, day_sort, type)
SELECT key, :event, max(role = 'actor') | (max(role = 'recipient') * 2), :day_sort, :type
FROM (SELECT CASE WHEN k.n = 0 THEN p.actor_id WHEN k.n = 1 THEN upper(p.country)
                  ELSE 'name:' || lower(p.name) END AS key, p.role
      FROM participants p JOIN event_reports r ON r.id = p.report_id
      JOIN (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2) k
      WHERE r.event_id = :event AND CASE k.n WHEN 0 THEN p.actor_id IS NOT NULL WHEN 1 THEN p.country IS NOT NULL
                                             ELSE p.actor_id IS NULL AND p.name IS NOT NULL END)
GROUP BY key
"""


def file_keys(conn: sqlite3.Connection, event_id: int, day_sort: str, type_: str) -> None:
    """File the event under the actor ids, country codes and names of its reports' participants
    (what the queries by actor, recipient and country pair look up)."""
    unfile_keys(conn, event_id)
    conn.execute(_KEYS_SQL, {"event": event_id, "day_sort": day_sort, "type": type_})
    conn.execute("INSERT INTO key_counts (key, events) SELECT key, 1 FROM event_keys WHERE event_id = ? "
                 "ON CONFLICT(key) DO UPDATE SET events = events + 1", (event_id,))


def unfile_keys(conn: sqlite3.Connection, event_id: int) -> None:
    conn.execute("UPDATE key_counts SET events = events - 1 WHERE key IN "
                 "(SELECT key FROM event_keys WHERE event_id = ?)", (event_id,))
    conn.execute("DELETE FROM event_keys WHERE event_id = ?", (event_id,))


def _assign(conn: sqlite3.Connection, key: str, groups: Iterable[list[tuple[int, int | None]]]) -> set[int]:
    """Give each group of (report id, stored event id) an event, keeping stored ids where possible."""
    touched: set[int] = set()
    taken: set[int] = set()
    for members in groups:
        reuse = sorted({e for _, e in members if e is not None} - taken)
        event_id = reuse[0] if reuse else _new_event(conn, key)
        taken.add(event_id)
        touched.add(event_id)
        touched.update(e for _, e in members if e is not None)
        conn.executemany("UPDATE event_reports SET event_id = ? WHERE id = ?",
                         [(event_id, rid) for rid, e in members if e != event_id])
    return touched


def update_clusters(conn: sqlite3.Connection, removed: Sequence[Removed], added: Sequence[int]) -> None:
    """Bring the events up to date after ``removed`` reports were deleted and ``added`` inserted."""
    touched = {r.event_id for r in removed if r.event_id is not None}
    added_rows = [conn.execute("SELECT id, merge_key, near_lo, near_hi FROM event_reports WHERE id = ?",
                               (rid,)).fetchone() for rid in added]
    undated = [r for r in added_rows if r["near_lo"] is None]
    for r in undated:  # an undated report is an event of its own
        touched |= _assign(conn, r["merge_key"], [[(r["id"], None)]])
    changes: dict[str, list[str]] = {}
    for key, lo in [(r.key, r.near_lo) for r in removed] + [(r["merge_key"], r["near_lo"]) for r in added_rows]:
        if lo is not None:
            changes.setdefault(key, []).append(lo)
    for key, lows in sorted(changes.items()):
        clusters = sweep(conn, key, [r for r in removed if r.key == key], min(lows), max(lows))
        touched |= _assign(conn, key, ([(m["id"], m["event_id"]) for m in c.members] for c in clusters))
    refresh(conn, touched)

