"""Look-ups the browsing layer needs beside ``query``: one event, one article's events and quotes,
one actor and its partners. Every value goes to SQLite as a parameter."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from ghatna.store.query import CONFLICT, COOPERATION, actor_predicate, records


def event_by_id(conn: sqlite3.Connection, event_id: int) -> dict[str, Any] | None:
    rows = conn.execute("SELECT * FROM events WHERE id = ?", (event_id,)).fetchall()
    recs = records(conn, rows)
    return recs[0] if recs else None


def article_events(conn: sqlite3.Connection, article_id: str) -> list[dict[str, Any]]:
    """The merged events an article reports (each with the evidence of every article)."""
    rows = conn.execute(
        "SELECT e.* FROM events e WHERE e.id IN (SELECT r.event_id FROM event_reports r "
        "JOIN articles a ON a.pk = r.article_pk WHERE a.article_id = ?) "
        "ORDER BY e.day_lo IS NULL, e.day_lo, e.id", (article_id,)).fetchall()
    return records(conn, rows)


def article_quotes(conn: sqlite3.Connection, article_id: str) -> list[dict[str, Any]]:
    rows = conn.execute(
        'SELECT q.seq, q.speaker_id, COALESCE(s.name, q.speaker_name) AS speaker_name, s.name_hi AS speaker_name_hi, '
        'q.start, q."end", q.text, q.flags FROM quotes q JOIN articles a ON a.pk = q.article_pk '
        "LEFT JOIN actors s ON s.id = q.speaker_id WHERE a.article_id = ? ORDER BY q.seq", (article_id,))
    return [{**dict(r), "flags": json.loads(r["flags"])} for r in rows]


def actor_info(conn: sqlite3.Connection, actor: str) -> dict[str, Any] | None:
    """The actor row for an id, else the most frequent participant matching ``actor`` (an ISO3 code
    or a name) described by its first match; None when nothing matches."""
    row = conn.execute("SELECT id, name, name_hi, kind, country, sector FROM actors WHERE id = ?",
                       (actor,)).fetchone()
    if row is not None:
        return dict(row)
    pred, params = actor_predicate("p", actor)
    row = conn.execute(
        f"SELECT COALESCE(p.actor_id, p.name) AS id, p.name, p.name_hi, p.kind, p.country, p.sector "
        f"FROM participants p WHERE {pred} GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1", params).fetchone()
    return dict(row) if row else None


def partners(conn: sqlite3.Connection, actor: str, limit: int | None = None) -> list[dict[str, Any]]:
    """Who takes part in events with ``actor`` (an id, name or ISO3 code, as in event filters), on
    either side, with the number of shared events and how many were cooperation or conflict."""
    pred, params = actor_predicate("p", actor)
    other, other_params = actor_predicate("q", actor)
    coop, conf = ",".join(map(str, COOPERATION)), ",".join(map(str, CONFLICT))
    sql = f"""
        WITH mine AS (SELECT DISTINCT r.event_id FROM event_reports r JOIN participants p ON p.report_id = r.id
                      WHERE {pred})
        SELECT COALESCE(q.actor_id, q.name) AS id, q.country AS country,
               COALESCE(a.name, max(q.name)) AS name, COALESCE(a.name_hi, max(q.name_hi)) AS name_hi,
               COALESCE(a.kind, max(q.kind)) AS kind,
               count(DISTINCT e.id) AS events,
               count(DISTINCT CASE WHEN e.quad_class IN ({coop}) THEN e.id END) AS cooperation,
               count(DISTINCT CASE WHEN e.quad_class IN ({conf}) THEN e.id END) AS conflict
        FROM events e JOIN mine ON mine.event_id = e.id
        JOIN participants q ON q.report_id = e.rep_report_id LEFT JOIN actors a ON a.id = q.actor_id
        WHERE COALESCE(({other}), 0) = 0
        GROUP BY COALESCE(q.actor_id, q.name), q.country
        ORDER BY events DESC, id LIMIT ?"""
    rows = conn.execute(sql, [*params, *other_params, -1 if limit is None else limit])
    return [dict(r) for r in rows]
