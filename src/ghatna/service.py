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

from ghatna.model import Article

if TYPE_CHECKING:
    from ghatna.model import Document
    from ghatna.pipeline import Pipeline
    from ghatna.store import IngestReport, Store
    from ghatna.store.ingest import Progress


EXAMPLE = "example"  # the word that stands for the bundled examples (`ghatna ingest example`)
EXAMPLE_PUBLISHED = date(2025, 3, 28)


def example_articles() -> list[Article]:
    """The bundled example articles (``src/ghatna/examples``), with their publication date and title."""
    from importlib import resources

    out = []
    for f in sorted(resources.files("ghatna").joinpath("examples").iterdir(), key=lambda f: f.name):
        if f.name.endswith(".txt"):
            text = f.read_text(encoding="utf-8")
            title = text.strip().splitlines()[0].strip()
            out.append(Article(text, f.name.removesuffix(".txt"), title, EXAMPLE_PUBLISHED))
    return out


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
                 force: bool = False, dayfirst: bool = True) -> IngestReport:
    """Extract and store articles from paths; the word ``example`` stands for the bundled examples.
    ``dayfirst`` reads dates like 07/01/2020 as 7 January (False: as July 1)."""
    sources = [a for p in paths for a in (example_articles() if str(p) == EXAMPLE else [p])]
    with open_store(db, read_only=False) as st:
        return st.ingest(sources, pipeline, progress, published=published, lang=lang, force=force,
                         dayfirst=dayfirst)


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


# -- browsing (the web layer) -------------------------------------------------------------------


def count_events(db: str | Path | Store, *, cap: int | None = None, **filters: Any) -> int:
    with open_store(db, read_only=True) as st:
        return st.count(cap=cap, **filters)


def event_by_id(db: str | Path | Store, event_id: int) -> dict[str, Any] | None:
    from ghatna.store.lookup import event_by_id as lookup

    with open_store(db, read_only=True) as st:
        return lookup(st.conn, event_id)


def article_detail(db: str | Path | Store, article_id: str) -> dict[str, Any] | None:
    """A stored article with its text, the merged events it reports (evidence narrowed to this
    article) and its quotes; None when there is no such article."""
    import json

    from ghatna.store.lookup import article_events, article_quotes

    with open_store(db, read_only=True) as st:
        art = st.article(article_id)
        if art is None:
            return None
        row = st.conn.execute("SELECT flags FROM articles WHERE article_id = ?", (article_id,)).fetchone()
        events = article_events(st.conn, article_id)
        quotes = article_quotes(st.conn, article_id)
    for ev in events:
        ev["evidence"] = [v for v in ev["evidence"] if v["article_id"] == article_id]
    return {**art, "flags": json.loads(row["flags"]), "events": events, "quotes": quotes}


def actor_detail(db: str | Path | Store, actor: str, *, partners: int | None = 30) -> dict[str, Any] | None:
    """An actor (id, name or ISO3 code), its number of events and its partners; None when unknown."""
    from ghatna.store import lookup

    with open_store(db, read_only=True) as st:
        info = lookup.actor_info(st.conn, actor)
        if info is None:
            return None
        return {**info, "query": actor, "events": st.count(actor=actor),
                "partners": lookup.partners(st.conn, actor, partners)}


def extract_text(text: str, *, published: date | None = None, lang: str | None = None, title: str | None = None,
                 article_id: str = "", pipeline: Pipeline | None = None) -> Document:
    """Extract one text without storing anything."""
    from ghatna.pipeline import Pipeline

    return (pipeline or Pipeline()).extract(text, published=published, lang=lang, article_id=article_id,
                                             title=title)


def store_article(db: str | Path | Store, article: Article, *, pipeline: Pipeline | None = None,
                  force: bool = False) -> IngestReport:
    """Extract one article and store it (idempotent, like ``ingest_paths``)."""
    with open_store(db, read_only=False) as st:
        return st.ingest([article], pipeline, force=force)


def actor_info(db: str | Path | Store, actor: str) -> dict[str, Any] | None:
    """Name (English and Hindi), kind and country of an actor id, name or ISO3 code; None when unknown."""
    from ghatna.store.lookup import actor_info as lookup

    with open_store(db, read_only=True) as st:
        return lookup(st.conn, actor)
