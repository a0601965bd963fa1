"""What ``ghatna watch`` remembers, in the store's own SQLite (tables ``watch_feeds`` and
``watch_items``, schema migration 3).

An item is ``pending`` from the moment its feed is read until the transaction that stores its
article (or records it as a duplicate, an empty page or a failure) — the same transaction — so a
process killed at any point restarts with exactly the items still to do. A feed's ETag is saved
with the items it listed, so a 304 after a restart still finds them queued. Functions that write
expect the caller's transaction (``ghatna.store.db.transaction``).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ghatna.watch.feeds import FeedItem

PENDING, STORED, DUPLICATE, EMPTY, FAILED = "pending", "stored", "duplicate", "empty", "failed"
DONE_STATES = (STORED, DUPLICATE, EMPTY, FAILED)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class FeedValidators:
    etag: str | None
    last_modified: str | None


@dataclass(frozen=True, slots=True)
class Item:
    url: str
    feed_url: str
    published: str | None
    attempts: int
    article_id: str | None
    etag: str | None
    last_modified: str | None


def feed_validators(conn: sqlite3.Connection, url: str) -> FeedValidators:
    row = conn.execute("SELECT etag, last_modified FROM watch_feeds WHERE url = ?", (url,)).fetchone()
    return FeedValidators(row["etag"], row["last_modified"]) if row else FeedValidators(None, None)


def record_feed(conn: sqlite3.Connection, url: str, *, status: int | None, error: str | None = None,
                title: str | None = None, etag: str | None = None, last_modified: str | None = None) -> None:
    """One fetch of a feed: a success (``error`` None) keeps its validators for the next request."""
    at = now()
    conn.execute("INSERT INTO watch_feeds (url) VALUES (?) ON CONFLICT(url) DO NOTHING", (url,))
    if error is None:
        conn.execute(
            "UPDATE watch_feeds SET title = COALESCE(?, title), etag = COALESCE(?, etag), "
            "last_modified = COALESCE(?, last_modified), last_fetch = ?, last_success = ?, last_status = ?, "
            "last_error = NULL, errors_in_row = 0, fetches = fetches + 1 WHERE url = ?",
            (title, etag, last_modified, at, at, status, url))
    else:
        conn.execute(
            "UPDATE watch_feeds SET last_fetch = ?, last_status = ?, last_error = ?, "
            "errors_in_row = errors_in_row + 1, fetches = fetches + 1, failures = failures + 1 WHERE url = ?",
            (at, status, error[:1000], url))


def register_items(conn: sqlite3.Connection, feed_url: str, items: list[FeedItem]) -> tuple[int, int]:
    """Queue the feed's new items and those the feed now describes otherwise (to fetch again);
    returns (new, changed). An item another feed listed first stays that feed's, and only that feed's
    description of it counts (two feeds that summarise one story differently would otherwise have
    it fetched again at every pass)."""
    new = changed = 0
    at = now()
    for it in items:
        row = conn.execute("SELECT signature, feed_url FROM watch_items WHERE url = ?", (it.url,)).fetchone()
        published = it.published.isoformat() if it.published else None
        if row is None:
            conn.execute("INSERT INTO watch_items (url, feed_url, guid, title, published, signature, state, "
                         "first_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         (it.url, feed_url, it.guid, it.title, published, it.signature, PENDING, at))
            new += 1
        elif row["signature"] != it.signature and row["feed_url"] == feed_url:  # (feeds may describe it otherwise)
            conn.execute("UPDATE watch_items SET guid = ?, title = ?, published = ?, signature = ?, state = ?, "
                         "attempts = 0, error = NULL WHERE url = ?",
                         (it.guid, it.title, published, it.signature, PENDING, it.url))
            changed += 1
    return new, changed


def pending_items(conn: sqlite3.Connection, feed_url: str) -> list[Item]:
    rows = conn.execute("SELECT url, feed_url, published, attempts, article_id, etag, last_modified FROM watch_items "
                        "WHERE feed_url = ? AND state = ? ORDER BY first_seen, rowid", (feed_url, PENDING))
    return [Item(**dict(r)) for r in rows]


def finish_item(conn: sqlite3.Connection, url: str, state: str, *, article_id: str | None = None,
                etag: str | None = None, last_modified: str | None = None, final_url: str | None = None,
                error: str | None = None) -> None:
    """The item is done (stored, a duplicate, an empty page, or failed for good)."""
    assert state in DONE_STATES, state
    conn.execute("UPDATE watch_items SET state = ?, article_id = COALESCE(?, article_id), etag = ?, "
                 "last_modified = ?, final_url = COALESCE(?, final_url), error = ?, last_try = ? WHERE url = ?",
                 (state, article_id, etag, last_modified, final_url, error and error[:1000], now(), url))


def retry_later(conn: sqlite3.Connection, url: str, error: str, max_attempts: int) -> bool:
    """A failure that may pass: the item stays pending for the next pass, until ``max_attempts``
    failures make it failed. Returns whether it stays pending."""
    row = conn.execute("UPDATE watch_items SET attempts = attempts + 1, error = ?, last_try = ?, "
                       "state = CASE WHEN attempts + 1 >= ? THEN ? ELSE state END WHERE url = ? RETURNING state",
                       (error[:1000], now(), max_attempts, FAILED, url)).fetchone()
    return row is not None and row["state"] == PENDING


def stored_elsewhere(conn: sqlite3.Connection, article_id: str, *, urls: tuple[str, ...] = (),
                     content_hash: str | None = None) -> str | None:
    """The id of another article stored from one of ``urls`` or with the same text, else None."""
    for u in urls:
        row = conn.execute("SELECT article_id FROM articles WHERE url = ? AND article_id != ? LIMIT 1",
                           (u, article_id)).fetchone()
        if row:
            return row["article_id"]
    if content_hash:
        row = conn.execute("SELECT article_id FROM articles WHERE content_hash = ? AND article_id != ? LIMIT 1",
                           (content_hash, article_id)).fetchone()
        if row:
            return row["article_id"]
    return None


def feed_status(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Each feed with its last fetch, last error and its items counted by state (``retrying``:
    pending items whose last try failed)."""
    rows = conn.execute(
        """SELECT f.*, count(i.url) AS items,
                  count(CASE WHEN i.state = 'stored' THEN 1 END) AS stored,
                  count(CASE WHEN i.state = 'duplicate' THEN 1 END) AS duplicate,
                  count(CASE WHEN i.state = 'empty' THEN 1 END) AS empty,
                  count(CASE WHEN i.state = 'failed' THEN 1 END) AS failed,
                  count(CASE WHEN i.state = 'pending' THEN 1 END) AS pending,
                  count(CASE WHEN i.state = 'pending' AND i.attempts > 0 THEN 1 END) AS retrying
           FROM watch_feeds f LEFT JOIN watch_items i ON i.feed_url = f.url
           GROUP BY f.url ORDER BY f.url""")
    return [dict(r) for r in rows]


def item_errors(conn: sqlite3.Connection, limit: int = 20) -> list[dict[str, Any]]:
    """The latest items that failed or wait for a retry, with their error."""
    rows = conn.execute("SELECT url, feed_url, state, attempts, error, last_try FROM watch_items "
                        "WHERE error IS NOT NULL AND state IN ('pending', 'failed', 'empty') "
                        "ORDER BY last_try DESC, url LIMIT ?", (limit,))
    return [dict(r) for r in rows]
