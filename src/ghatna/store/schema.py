"""The store's tables, created and upgraded by numbered migrations recorded in ``schema_migrations``.

An event as one article reports it is an ``event_reports`` row (with its ``participants`` and
``evidence``); reports of the same real event from several articles share one ``events`` row,
which carries the merged attributes and GDELT-style counts (see ``merge.py``). Deleting an
article cascades to its reports, participants, evidence and quotes.

To change the schema, append a migration; never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

from ghatna.store.db import StoreError, transaction


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


_ATTRS = """
    type TEXT NOT NULL,
    mode TEXT,
    modality TEXT NOT NULL,
    cameo TEXT,
    quad_class INTEGER,
    goldstein REAL,
    confidence REAL,
    date_value TEXT,
    date_granularity TEXT,
    date_basis TEXT,
    date_start TEXT,
    date_end TEXT,
    day_lo TEXT,            -- the date as a day interval (ISO), NULL when undated
    day_hi TEXT,
    recurrence TEXT,
    location_name TEXT,
    location_country TEXT,
    lat REAL,
    lon REAL,
    flags TEXT NOT NULL DEFAULT '[]'
"""

INITIAL = Migration(1, "initial schema", (
    """CREATE TABLE articles (
        pk INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL UNIQUE,   -- the id given with the article, else its content hash
        content_hash TEXT NOT NULL,        -- sha256 of the text
        title TEXT,
        published TEXT,
        lang TEXT,
        source TEXT,
        url TEXT,
        text TEXT NOT NULL,                -- kept so that every evidence span stays checkable
        flags TEXT NOT NULL DEFAULT '[]',
        ingested_at TEXT NOT NULL
    )""",
    "CREATE INDEX articles_hash ON articles(content_hash)",
    "CREATE INDEX articles_published ON articles(published)",
    """CREATE TABLE actors (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_hi TEXT,
        kind TEXT,
        country TEXT,
        sector TEXT
    )""",
    f"""CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        merge_key TEXT NOT NULL,
        rep_report_id INTEGER REFERENCES event_reports(id) ON DELETE SET NULL,
        {_ATTRS},
        num_articles INTEGER NOT NULL DEFAULT 0,
        num_sources INTEGER NOT NULL DEFAULT 0,
        num_mentions INTEGER NOT NULL DEFAULT 0,
        first_published TEXT,
        open_lo TEXT,   -- the merge sweep may add reports to this event at days in (open_lo, open_hi]
        open_hi TEXT
    )""",
    "CREATE INDEX events_day ON events(day_lo, day_hi)",
    "CREATE INDEX events_open ON events(merge_key, open_lo, open_hi)",
    "CREATE INDEX events_type ON events(type, mode)",
    f"""CREATE TABLE event_reports (
        id INTEGER PRIMARY KEY,
        article_pk INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
        seq INTEGER NOT NULL,              -- position of the event in the article's output
        event_id INTEGER REFERENCES events(id),
        merge_key TEXT NOT NULL,           -- type|modality|actor ids|recipient ids
        near_lo TEXT,                      -- day interval widened by the publication-date tolerance
        near_hi TEXT,
        {_ATTRS},
        trigger TEXT,
        pattern TEXT,
        num_evidence INTEGER NOT NULL,
        UNIQUE (article_pk, seq)
    )""",
    "CREATE INDEX reports_key ON event_reports(merge_key, near_lo, near_hi)",
    "CREATE INDEX reports_event ON event_reports(event_id)",
    """CREATE TABLE participants (
        report_id INTEGER NOT NULL REFERENCES event_reports(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
        position INTEGER NOT NULL,
        actor_id TEXT REFERENCES actors(id),
        name TEXT,
        name_hi TEXT,
        kind TEXT,
        country TEXT,
        sector TEXT,
        office TEXT,
        PRIMARY KEY (report_id, role, position)
    )""",
    "CREATE INDEX participants_actor ON participants(actor_id)",
    "CREATE INDEX participants_country ON participants(country)",
    """CREATE TABLE evidence (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES event_reports(id) ON DELETE CASCADE,
        article_pk INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        sentence INTEGER,
        start INTEGER NOT NULL,            -- offsets into articles.text
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        trigger_start INTEGER,
        trigger_end INTEGER
    )""",
    "CREATE INDEX evidence_report ON evidence(report_id)",
    "CREATE INDEX evidence_article ON evidence(article_pk)",
    """CREATE TABLE quotes (
        id INTEGER PRIMARY KEY,
        article_pk INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        speaker_id TEXT REFERENCES actors(id),
        speaker_name TEXT,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        flags TEXT NOT NULL DEFAULT '[]'
    )""",
    "CREATE INDEX quotes_article ON quotes(article_pk)",
    "CREATE INDEX quotes_speaker ON quotes(speaker_id)",
))

# Queries by actor, recipient, country pair, type and date without a scan of the store: every
# merged event is filed under each actor id, country code and (for actors without an id) name of
# the participants of its reports, in the order events are listed (day_sort); names are looked up
# in a small table of their own.
QUERY_INDEXES = Migration(2, "query indexes: event keys, actor names, listing order", (
    "ALTER TABLE events ADD COLUMN day_sort TEXT NOT NULL DEFAULT '~'",  # day_lo, or '~' (after every date)
    "UPDATE events SET day_sort = COALESCE(day_lo, '~')",
    "CREATE INDEX events_order ON events(day_sort, id)",
    "CREATE INDEX events_type_order ON events(type, day_sort, id)",
    """CREATE TABLE event_keys (
        key TEXT NOT NULL,            -- an actor id, a country code (ISO3), or 'name:' + lower(name)
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        roles INTEGER NOT NULL,       -- 1: as an actor, 2: as a recipient, 3: both
        day_sort TEXT NOT NULL,       -- the event's listing order (events.day_sort)
        type TEXT NOT NULL,           -- the event's PLOVER type (events.type)
        PRIMARY KEY (key, event_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX event_keys_order ON event_keys(key, day_sort, event_id, roles)",
    "CREATE INDEX event_keys_type ON event_keys(key, type, day_sort, event_id, roles)",
    "CREATE INDEX event_keys_event ON event_keys(event_id)",
    """CREATE TABLE actor_names (
        key TEXT NOT NULL,            -- as in event_keys
        name TEXT NOT NULL DEFAULT '',
        name_hi TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (key, name, name_hi)
    ) WITHOUT ROWID""",
    """CREATE TABLE key_counts (
        key TEXT PRIMARY KEY,         -- as in event_keys
        events INTEGER NOT NULL       -- how many events are filed under it (a query picks the rarer key first)
    ) WITHOUT ROWID""",
    """CREATE TABLE store_stats (
        name TEXT PRIMARY KEY,
        value REAL NOT NULL
    )""",
    """INSERT INTO store_stats (name, value)
       SELECT 'max_span_days', COALESCE(max(julianday(day_hi) - julianday(day_lo)), 0) FROM events""",
    """INSERT OR IGNORE INTO actor_names (key, name, name_hi)
       SELECT COALESCE(actor_id, 'name:' || lower(name)), COALESCE(name, ''), COALESCE(name_hi, '')
       FROM participants WHERE actor_id IS NOT NULL OR name IS NOT NULL""",
    """INSERT INTO event_keys (key, event_id, roles, day_sort, type)
       SELECT k.key, k.event_id, max(k.role = 'actor') | (max(k.role = 'recipient') * 2), e.day_sort, e.type
       FROM (SELECT p.actor_id AS key, r.event_id, p.role FROM participants p
                  JOIN event_reports r ON r.id = p.report_id WHERE p.actor_id IS NOT NULL AND r.event_id IS NOT NULL
             UNION ALL SELECT upper(p.country), r.event_id, p.role FROM participants p
                  JOIN event_reports r ON r.id = p.report_id WHERE p.country IS NOT NULL AND r.event_id IS NOT NULL
             UNION ALL SELECT 'name:' || lower(p.name), r.event_id, p.role FROM participants p
                  JOIN event_reports r ON r.id = p.report_id
                  WHERE p.actor_id IS NULL AND p.name IS NOT NULL AND r.event_id IS NOT NULL) k
       JOIN events e ON e.id = k.event_id
       GROUP BY k.key, k.event_id""",
    "INSERT INTO key_counts (key, events) SELECT key, count(*) FROM event_keys GROUP BY key",
    "ANALYZE",
))

# ghatna watch (issue 15): the feeds it reads and every item they listed, so that a restart, even
# after kill -9, neither loses nor repeats one (an item's row changes in the transaction that
# stores its article); articles by URL, to skip a link another feed or a redirect already brought.
# (IF NOT EXISTS: a store taken back to an older version by hand may still hold these.)
WATCH = Migration(3, "watch: feeds and their items, articles by URL", (
    """CREATE TABLE IF NOT EXISTS watch_feeds (
        url TEXT PRIMARY KEY,
        title TEXT,
        etag TEXT,                    -- for conditional requests (If-None-Match)
        last_modified TEXT,           -- (If-Modified-Since)
        last_fetch TEXT,              -- UTC ISO time of the last attempt
        last_success TEXT,            -- of the last 200 or 304
        last_status INTEGER,          -- HTTP status of the last attempt (NULL: no answer)
        last_error TEXT,              -- NULL after a success
        errors_in_row INTEGER NOT NULL DEFAULT 0,
        fetches INTEGER NOT NULL DEFAULT 0,
        failures INTEGER NOT NULL DEFAULT 0
    )""",
    """CREATE TABLE IF NOT EXISTS watch_items (
        url TEXT PRIMARY KEY,         -- the item's link, normalised
        feed_url TEXT NOT NULL REFERENCES watch_feeds(url) ON DELETE CASCADE,  -- the feed that listed it first
        guid TEXT,
        title TEXT,
        published TEXT,               -- the feed's date for it (ISO day)
        signature TEXT NOT NULL,      -- digest of what the feed says of it: a change means fetch again
        state TEXT NOT NULL CHECK (state IN ('pending', 'stored', 'duplicate', 'empty', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,  -- failed fetches of this version
        article_id TEXT,              -- stored: its article; duplicate: the article it repeats
        etag TEXT,                    -- of the page, for conditional refetches
        last_modified TEXT,
        final_url TEXT,               -- after redirects
        error TEXT,
        first_seen TEXT NOT NULL,
        last_try TEXT
    )""",
    "CREATE INDEX IF NOT EXISTS watch_items_todo ON watch_items(feed_url, state, first_seen)",
    "CREATE INDEX IF NOT EXISTS articles_url ON articles(url)",
))

# Casualties of conflict events (issue 13): what an article's report counts (JSON of the event's
# ``casualties``: killed, injured, abducted, arrested, and the offsets of the words that count
# them), and on the merged event the fullest report's count with its article.
CASUALTIES = Migration(4, "casualties of conflict events", (
    "ALTER TABLE event_reports ADD COLUMN casualties TEXT",
    "ALTER TABLE events ADD COLUMN casualties TEXT",
))

MIGRATIONS: tuple[Migration, ...] = (INITIAL, QUERY_INDEXES, WATCH, CASUALTIES)
LATEST = MIGRATIONS[-1].version

_LEDGER = """CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
)"""


class SchemaError(StoreError):
    """A database that is not a ghatna store, or one written by a newer ghatna."""


def current_version(conn: sqlite3.Connection) -> int:
    has = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_migrations'").fetchone()
    if not has:
        return 0
    return conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()[0]


def migrate(conn: sqlite3.Connection) -> list[int]:
    """Apply the pending migrations, each in its own transaction; returns the versions applied."""
    applied: list[int] = []
    if current_version(conn) >= LATEST:
        check(conn)
        return applied
    for m in MIGRATIONS:
        with transaction(conn):
            conn.execute(_LEDGER)
            # re-read inside the write lock: another process may have migrated meanwhile
            if current_version(conn) >= m.version:
                continue
            for sql in m.statements:
                conn.execute(sql)
            conn.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                         (m.version, m.name, datetime.now(UTC).isoformat(timespec="seconds")))
            applied.append(m.version)
    check(conn)
    return applied


def check(conn: sqlite3.Connection) -> None:
    """Refuse a store that is not initialised or was written by a newer ghatna."""
    v = current_version(conn)
    if v == 0:
        raise SchemaError("not a ghatna store (no schema_migrations table); ingest into it first")
    if v > LATEST:
        raise SchemaError(f"store schema version {v} is newer than this ghatna understands ({LATEST})")
