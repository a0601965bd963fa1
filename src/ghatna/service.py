"""What the CLI and the web API share: each function opens the store, does one thing, closes it.

Queries open the store read-only, so they can run beside an ingest. Every function also accepts
an open ``Store`` instead of a path (then it is left open).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ghatna.pipeline import Pipeline
    from ghatna.store import IngestReport, Store
    from ghatna.store.ingest import Progress


@contextmanager
def open_store(db: str | Path | Store, *, read_only: bool) -> Iterator[Store]:
    from ghatna.store import Store

    if isinstance(db, Store):
        yield db
        return
    st = Store(db, read_only=read_only)
    try:
        yield st
    finally:
        st.close()


def ingest_paths(db: str | Path | Store, paths: Sequence[str | Path], *, published: date | None = None,
                 lang: str | None = None, pipeline: Pipeline | None = None, progress: Progress | None = None,
                 force: bool = False) -> IngestReport:
    with open_store(db, read_only=False) as st:
        return st.ingest(list(paths), pipeline, progress, published=published, lang=lang, force=force)


def query_events(db: str | Path | Store, **filters: Any) -> list[dict[str, Any]]:
    with open_store(db, read_only=True) as st:
        return st.events(**filters)


def actor_counts(db: str | Path | Store, limit: int | None = None) -> list[dict[str, Any]]:
    with open_store(db, read_only=True) as st:
        return st.actors(limit)


def dyad_summary(db: str | Path | Store, a: str, b: str, *, since: date | str | None = None,
                 until: date | str | None = None, plot: str | Path | None = None) -> dict[str, Any]:
    """The dyad's counts and balance; with ``plot``, also draws its timeline to that file."""
    with open_store(db, read_only=True) as st:
        summary = st.dyad(a, b, since=since, until=until)
    if plot is not None:
        from ghatna.store.plot import timeline

        timeline(summary, plot)
    return summary


def export(db: str | Path | Store, fmt: str, out: str | Path, **filters: Any) -> int:
    with open_store(db, read_only=True) as st:
        return st.export(fmt, out, **filters)
