"""Connections to the SQLite store: WAL, foreign keys, explicit transactions, read-only mode.

A store has one writer at a time (SQLite's rule); readers never block it thanks to WAL. Write
connections run in autocommit mode so that ``transaction()`` alone decides where a transaction
begins and ends — one per article.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MEMORY = ":memory:"


def connect(path: str | Path, *, read_only: bool = False, timeout: float = 30.0) -> sqlite3.Connection:
    """Open the store at ``path`` (":memory:" for a private in-memory store).

    Read-only connections open the file with ``mode=ro`` and fail if it does not exist; they
    are what a web layer should use for queries.
    """
    target = str(path)
    if read_only:
        if target == MEMORY:
            raise ValueError("a read-only connection needs a database file, not ':memory:'")
        if not Path(target).exists():
            raise FileNotFoundError(f"{target}: no such database")
        uri = Path(target).resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None, check_same_thread=False)
    else:
        conn = sqlite3.connect(target, timeout=timeout, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    if not read_only and target != MEMORY:
        conn.execute("PRAGMA journal_mode = WAL")
        # In WAL mode NORMAL loses no committed transaction on a process crash (only, at worst,
        # the last ones on a power cut) and never corrupts the database.
        conn.execute("PRAGMA synchronous = NORMAL")
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any exception (including KeyboardInterrupt)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
