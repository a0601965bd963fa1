"""One feed item: fetch its page, read the article in it, code it, and store it together with the
item's new state in ONE transaction.

Nothing is coded twice: an item whose link or page another article already came from, or whose
text is stored already, is recorded as a duplicate or as unchanged without running the pipeline;
a page that answers 304 to a conditional request is unchanged. A failure that may pass (a
time-out, a 503) leaves the item pending for the next pass; one that will not (a 404, a page over
the size limit, not a web page) is recorded with its reason.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ghatna.htmlpage import NoText, read_page
from ghatna.reader import article_from_record
from ghatna.store.db import transaction
from ghatna.store.ingest import ADDED, REPLACED, UNCHANGED, content_hash, put_document, stored_hash
from ghatna.watch import state
from ghatna.watch.feeds import article_id_for, normalize_url
from ghatna.watch.fetch import Fetcher, FetchError

if TYPE_CHECKING:
    from ghatna.pipeline import Pipeline

HTML_TYPES = ("text/html", "application/xhtml+xml", "")  # "": a server that does not say
# outcomes beside ingest's ADDED, REPLACED and UNCHANGED
DUPLICATE, EMPTY, FAILED, RETRY = "duplicate", "empty", "failed", "retry"


def process_item(conn: sqlite3.Connection, item: state.Item, fetcher: Fetcher, pipeline: Callable[[], Pipeline],
                 *, max_attempts: int) -> tuple[str, str | None]:
    """Do one pending item; returns its outcome and, for failures, the reason. Raises
    ``fetch.Stopped`` (the item stays pending) when the watcher is told to stop while waiting."""
    article_id = article_id_for(item.url)
    other = state.stored_elsewhere(conn, article_id, urls=(item.url,))
    if other:
        return _finish(conn, item, DUPLICATE, article_id=other)
    known = item.article_id == article_id and stored_hash(conn, article_id) is not None
    try:
        got = fetcher.get(item.url, etag=item.etag if known else None,
                          last_modified=item.last_modified if known else None)
    except FetchError as exc:
        if exc.permanent:
            return _finish(conn, item, FAILED, error=str(exc))
        with transaction(conn):
            pending = state.retry_later(conn, item.url, str(exc), max_attempts)
        return (RETRY if pending else FAILED), str(exc)
    validators = {"etag": got.etag, "last_modified": got.last_modified, "final_url": got.url}
    if got.status == 304:
        return _finish(conn, item, UNCHANGED, article_id=article_id, **validators)
    if got.content_type not in HTML_TYPES:
        return _finish(conn, item, FAILED, error=f"not a web page ({got.content_type})", **validators)
    try:
        page = read_page(got.body, url=got.url, charset=got.charset)
    except NoText as exc:
        return _finish(conn, item, EMPTY, error=str(exc), **validators)
    except ValueError as exc:
        return _finish(conn, item, FAILED, error=str(exc), **validators)
    record = page.record(article_id)
    record["url"] = _canonical(page.url, got.url)
    record["source"] = (urlsplit(got.url).hostname or "").removeprefix("www.") or None
    try:
        article = article_from_record(record, date.fromisoformat(item.published) if item.published else None)
    except ValueError as exc:
        return _finish(conn, item, FAILED, error=str(exc), **validators)
    digest = content_hash(article.text)
    other = state.stored_elsewhere(conn, article_id, urls=tuple({normalize_url(got.url), record["url"]}),
                                   content_hash=digest)
    if other:
        return _finish(conn, item, DUPLICATE, article_id=other, **validators)
    if stored_hash(conn, article_id) == digest:
        return _finish(conn, item, UNCHANGED, article_id=article_id, **validators)
    try:
        doc = pipeline().run(article)
    except Exception as exc:  # a pipeline error on one page must not stop the watcher
        return _finish(conn, item, FAILED, error=f"extraction failed: {type(exc).__name__}: {exc}", **validators)
    try:
        with transaction(conn):
            outcome = put_document(conn, doc, digest)
            state.finish_item(conn, item.url, state.STORED, article_id=article_id, **validators)
    except sqlite3.OperationalError as exc:  # the store busy past its time-out (a long write elsewhere)
        with transaction(conn):
            pending = state.retry_later(conn, item.url, f"store busy: {exc}", max_attempts)
        return (RETRY if pending else FAILED), f"store busy: {exc}"
    except ValueError as exc:  # evidence that does not point at its text: a pipeline bug, reported
        return _finish(conn, item, FAILED, error=f"not stored: {exc}", **validators)
    return outcome, None


def _finish(conn: sqlite3.Connection, item: state.Item, outcome: str, *, article_id: str | None = None,
            error: str | None = None, etag: str | None = None, last_modified: str | None = None,
            final_url: str | None = None) -> tuple[str, str | None]:
    done = {DUPLICATE: state.DUPLICATE, EMPTY: state.EMPTY, FAILED: state.FAILED, UNCHANGED: state.STORED}[outcome]
    with transaction(conn):
        state.finish_item(conn, item.url, done, article_id=article_id, etag=etag, last_modified=last_modified,
                          final_url=final_url, error=error)
    return outcome, error


def _canonical(declared: str | None, fetched: str) -> str:
    """The page's canonical URL when it names a page of the same site (some sites point every
    page at their home page; that one is no article's URL), else the URL fetched."""
    if declared:
        d, f = urlsplit(declared), urlsplit(fetched)
        same_site = (d.hostname or "").removeprefix("www.") == (f.hostname or "").removeprefix("www.")
        if d.scheme in ("http", "https") and same_site and d.path.strip("/"):
            return normalize_url(declared)
    return normalize_url(fetched)


__all__ = ["ADDED", "DUPLICATE", "EMPTY", "FAILED", "REPLACED", "RETRY", "UNCHANGED", "process_item"]
