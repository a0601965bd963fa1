"""A news site on the loopback server: the stories of ``tests.webpages`` as pages, listed by an
RSS or Atom feed; and a pipeline that counts what it codes."""

from __future__ import annotations

import hashlib
import threading
from datetime import datetime, time, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

from ghatna.model import Article, Document
from tests.watch.server import LoopbackServer
from tests.webpages import Entry, Story, atom, page, rss

IST = timezone(timedelta(hours=5, minutes=30))


def page_path(story: Story) -> str:
    return f"/{story.lang}/{story.slug}"


def entry(server: LoopbackServer, story: Story, *, path: str | None = None, updated: str | None = None,
          summary: str = "") -> Entry:
    when = datetime.combine(story.published, time(9, 30), IST)
    return Entry(server.url(path or page_path(story)), story.title, format_datetime(when), guid=story.slug,
                 updated=updated, summary=summary)


def publish(server: LoopbackServer, stories: tuple[Story, ...] | list[Story], feed_path: str, *, kind: str = "rss",
            entries: list[Entry] | None = None) -> str:
    """Serve each story's page (with an ETag) and a feed listing them (or ``entries``); returns the feed URL."""
    for s in stories:
        server.route(page_path(s), body=page(s), etag=f'"{s.slug}-1"')
    listed = entries if entries is not None else [entry(server, s) for s in stories]
    if kind == "rss":  # validated by an ETag that changes with the feed
        body = rss("समाचार दर्पण", server.url("/"), listed)
        server.route(feed_path, body=body, etag=f'"{hashlib.sha1(body.encode()).hexdigest()[:12]}"',
                     content_type="application/rss+xml; charset=utf-8")
    else:  # validated by Last-Modified
        iso = [Entry(e.link, e.title, _iso(e.published), e.guid, e.updated and _iso(e.updated), e.summary)
               for e in listed]
        server.route(feed_path, body=atom("Daily Mirror", server.url("/"), iso),
                     last_modified="Thu, 13 Feb 2025 10:00:00 GMT", content_type="application/atom+xml")
    return server.url(feed_path)


def _iso(rfc822: str) -> str:
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(rfc822).isoformat()
    except (TypeError, ValueError):
        return rfc822


def feed_list(tmp_path: Path, urls: list[str]) -> Path:
    f = tmp_path / "feeds.txt"
    f.write_text("# feeds written for the tests\n" + "\n".join(urls) + "\n", encoding="utf-8")
    return f


class CountingPipeline:
    """The real pipeline, counting the articles it codes; sets ``stop`` after ``stop_after`` of them."""

    def __init__(self, pipeline, stop: threading.Event | None = None, stop_after: int | None = None) -> None:
        self.pipeline = pipeline
        self.coded: list[Article] = []
        self.stop = stop
        self.stop_after = stop_after

    def run(self, article: Article) -> Document:
        self.coded.append(article)
        if self.stop is not None and len(self.coded) == self.stop_after:
            self.stop.set()
        return self.pipeline.run(article)
