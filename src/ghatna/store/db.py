"""Connections to the SQLite store: WAL, foreign keys, explicit transactions, read-only mode.

A store has one writer at a time (SQLite's rule); readers never block it thanks to WAL. Write
connections run in autocommit mode so that ``transaction()`` alone decides where a transaction
begins and ends — one per article.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MEMORY = ":memory:"


class StoreError(RuntimeError):
    """A store that cannot be opened or used: not a database, a folder that cannot be written, a
    file that went away. The message says which and what to do."""


class MissingStore(StoreError, FileNotFoundError):
    """A store file that does not exist (where it must: reading)."""


def connect(path: str | Path, *, read_only: bool = False, timeout: float = 30.0) -> sqlite3.Connection:
    """Open the store at ``path`` (":memory:" for a private in-memory store).

    Read-only connections open the file with ``mode=ro`` and fail if it does not exist; they
    are what a web layer should use for queries. Every failure to open is a ``StoreError``.
    """
    target = str(path)
    if read_only:
        if target == MEMORY:
            raise ValueError("a read-only connection needs a database file, not ':memory:'")
        if not Path(target).exists():
            raise MissingStore(f"{target}: no such database")
    elif target != MEMORY and Path(target).is_dir():
        raise StoreError(f"{target}: is a folder, not a database file")
    conn = None
    try:
        if read_only:
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
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # reads the header: is it a database?
    except sqlite3.Error as exc:
        if conn is not None:
            conn.close()
        raise StoreError(explain(target, exc, read_only=read_only)) from exc
    return conn


def explain(target: str, exc: sqlite3.Error, *, read_only: bool) -> str:
    """What a SQLite error on opening ``target`` means for the person who gave the path."""
    msg = str(exc)
    folder = Path(target).resolve().parent
    if isinstance(exc, sqlite3.DatabaseError) and "not a database" in msg:
        return f"{target}: not a ghatna store (the file is not a SQLite database)"
    if "unable to open" in msg or "readonly" in msg or "read-only" in msg:
        if not Path(target).exists() and not os.access(folder, os.W_OK):
            return f"{target}: cannot create the store, the folder {folder} is not writable"
        if not read_only and not os.access(folder, os.W_OK):
            return (f"{target}: cannot write the store, the folder {folder} is not writable (SQLite keeps its "
                    "journal beside the database)")
        if not read_only and Path(target).exists() and not os.access(target, os.W_OK):
            return f"{target}: cannot write the store, the file is read-only"
        if read_only and not Path(f"{target}-shm").exists() and not os.access(folder, os.W_OK):
            return (f"{target}: cannot read the store, its folder {folder} is not writable and SQLite needs to "
                    "create the shared-memory file beside it (open it once where it can be written)")
        return f"{target}: cannot open the store ({msg})"
    return f"{target}: {msg}"


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
