"""``Store``: the Python API over one SQLite event store (what the CLI and the web layer use)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from ghatna.store import export as exporter
from ghatna.store import query
from ghatna.store.db import MEMORY, StoreError, connect, explain
from ghatna.store.ingest import IngestReport, Progress, ingest
from ghatna.store.inputs import Source, iter_inputs
from ghatna.store.schema import LATEST, SchemaError, check, current_version, migrate

if TYPE_CHECKING:
    from ghatna.pipeline import Pipeline


class Store:
    """An event store in a SQLite file (or ":memory:").

        >>> with Store("events.db") as st:
        ...     report = st.ingest(["news.jsonl"])
        ...     st.events(dyad=("IND", "RUS"), type="CONSULT", since="2024")

    ``read_only=True`` opens an existing file for queries only (safe beside a running ingest).
    """

    def __init__(self, path: str | Path = MEMORY, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.conn: sqlite3.Connection = connect(path, read_only=read_only)
        try:
            if read_only:
                if current_version(self.conn) < LATEST and current_version(self.conn) > 0:
                    self._upgrade()
                check(self.conn)
            else:
                migrate(self.conn)
        except SchemaError as exc:
            self.conn.close()
            raise SchemaError(f"{self.path}: {exc}") from exc
        except sqlite3.Error as exc:
            self.conn.close()
            raise StoreError(explain(self.path, exc, read_only=read_only)) from exc
        except BaseException:
            self.conn.close()
            raise

    def _upgrade(self) -> None:
        """Bring an older store's schema up to date before reading it (the new indexes are what
        the queries use); a store that cannot be written is refused with what to do."""
        try:
            writer = connect(self.path)
        except StoreError as exc:
            raise SchemaError(f"{self.path}: the store's schema is older than this ghatna's and it cannot be "
                              f"upgraded here ({exc}); open it once with 'ghatna ingest' where it can be "
                              "written") from exc
        try:
            migrate(writer)
        finally:
            writer.close()

    # -- writing -----------------------------------------------------------------------------
    def ingest(self, articles_or_paths: Source | Iterable[Source], pipeline: Pipeline | None = None,
               progress: Progress | None = None, *, published: date | None = None, lang: str | None = None,
               force: bool = False, dayfirst: bool = True) -> IngestReport:
        """Extract and store articles: paths (.txt, .jsonl, folders, "-"), ``Article`` objects, or
        already extracted ``Document`` objects. ``published``/``lang`` are defaults for inputs that
        lack them; ``force`` re-extracts texts that are already stored; ``dayfirst`` reads 07/01/2020
        as 7 January (False: as July 1)."""
        inputs = iter_inputs(articles_or_paths, published=published, lang=lang, dayfirst=dayfirst)
        return ingest(self.conn, inputs, pipeline, progress, force=force)

    # -- reading -----------------------------------------------------------------------------
    def iter_events(self, **filters: Any) -> Iterator[dict[str, Any]]:
        return query.iter_events(self.conn, _filter(filters))

    def events(self, *, as_frame: bool = False, **filters: Any) -> Any:
        """Merged events matching ``filters`` (see ``EventFilter``: actor, dyad, type, mode, since,
        until, text, limit, offset) as PLOVER-style dicts, or as a pandas DataFrame of flat rows."""
        recs = list(self.iter_events(**filters))
        if not as_frame:
            return recs
        try:
            import pandas as pd
        except ImportError as exc:
            raise RuntimeError("events(as_frame=True) needs pandas: pip install pandas") from exc
        columns = [name for name, _ in exporter.FLAT_COLUMNS]
        return pd.DataFrame([exporter.flat_row(r) for r in recs], columns=columns)

    def count(self, *, cap: int | None = None, **filters: Any) -> int:
        """How many events match ``filters`` (counting stops at ``cap`` when given)."""
        return query.count_events(self.conn, _filter(filters), cap)

    def actors(self, limit: int | None = None) -> list[dict[str, Any]]:
        return query.actor_counts(self.conn, limit)

    def dyad(self, a: str, b: str, *, since: date | str | None = None,
             until: date | str | None = None) -> dict[str, Any]:
        return query.dyad_summary(self.conn, a, b, since=since, until=until)

    def plot_dyad(self, a: str, b: str, path: str | Path, **kw: Any) -> Path:
        from ghatna.store.plot import timeline

        return timeline(self.dyad(a, b, **kw), path)

    def export(self, fmt: str, path: str | Path, **filters: Any) -> int:
        """Write the (filtered) events as jsonl, csv, parquet or gdelt; returns the number written."""
        return exporter.write(self.iter_events(**filters), fmt, path)

    def article(self, article_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT article_id, content_hash, title, published, lang, source, url, text, "
                                "ingested_at FROM articles WHERE article_id = ?", (article_id,)).fetchone()
        return dict(row) if row else None

    def stats(self) -> dict[str, int]:
        tables = ("articles", "events", "event_reports", "participants", "evidence", "quotes", "actors")
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    # -- lifetime ----------------------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.path!r}{', read_only=True' if self.read_only else ''})"


def _filter(filters: dict[str, Any]) -> query.EventFilter:
    if isinstance(filters.get("dyad"), list):
        filters = {**filters, "dyad": tuple(filters["dyad"])}
    try:
        return query.EventFilter(**filters)
    except TypeError as exc:
        known = ", ".join(query.EventFilter.__dataclass_fields__)
        raise TypeError(f"unknown event filter in {sorted(filters)}; known: {known}") from exc
