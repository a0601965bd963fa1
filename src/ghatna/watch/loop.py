"""Passes over the feeds: each feed is fetched (conditionally), its new and changed items queued,
then every pending item of that feed done; ``watch`` repeats passes until told to stop.

The stop event (set on SIGTERM by the CLI) is looked at between items and during every wait; an
item under way is finished first, so stopping never leaves a half-stored article — and a kill
that gives no such chance leaves the item pending, to be done after the restart.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ghatna.store.db import transaction
from ghatna.watch import items, state
from ghatna.watch.feeds import parse_feed, read_feed_list
from ghatna.watch.fetch import Fetcher, FetchOptions, Stopped

if TYPE_CHECKING:
    from ghatna.pipeline import Pipeline

FEED_TYPES = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|hr|d)?\s*$", re.IGNORECASE)
UNIT_SECONDS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hr": 3600, "d": 86400}

Say = Callable[[str], None]


def parse_every(value: str) -> float:
    """Seconds in '15m', '90s', '1h', '1.5h' or '600' (seconds); ValueError otherwise."""
    m = DURATION.match(value or "")
    if not m:
        raise ValueError(f"not a duration: {value!r} (e.g. 15m, 90s, 1h)")
    seconds = float(m.group(1)) * UNIT_SECONDS[(m.group(2) or "s").lower()]
    if seconds <= 0:
        raise ValueError(f"the time between passes must be positive: {value!r}")
    return seconds


@dataclass(slots=True)
class WatchOptions:
    fetch: FetchOptions = field(default_factory=FetchOptions)
    max_attempts: int = 5  # passes in which an item may fail to be fetched before it is given up


@dataclass(slots=True)
class PassReport:
    feeds: int = 0
    feed_errors: int = 0
    new: int = 0  # items the feeds listed for the first time
    changed: int = 0  # items the feeds now describe otherwise
    outcomes: dict[str, int] = field(default_factory=dict)
    stopped: bool = False
    seconds: float = 0.0

    def count(self, outcome: str) -> int:
        return self.outcomes.get(outcome, 0)

    @property
    def failed(self) -> int:
        return self.feed_errors + self.count(items.FAILED) + self.count(items.EMPTY)

    def summary(self) -> str:
        o = self.count
        return (f"{self.feeds} feed(s) in {self.seconds:.1f} s ({self.feed_errors} failed): {self.new} new and "
                f"{self.changed} changed item(s); {o(items.ADDED)} added, {o(items.REPLACED)} replaced, "
                f"{o(items.UNCHANGED)} unchanged, {o(items.DUPLICATE)} duplicate, {o(items.EMPTY)} without text, "
                f"{o(items.FAILED)} failed, {o(items.RETRY)} to retry" + (" (stopped)" if self.stopped else ""))


class Watcher:
    """Keeps the store on ``conn`` current from feeds. ``pipeline`` is built on first need."""

    def __init__(self, conn: sqlite3.Connection, options: WatchOptions | None = None, *,
                 pipeline: Pipeline | None = None, stop: threading.Event | None = None,
                 fetcher: Fetcher | None = None, say: Say | None = None) -> None:
        self.conn = conn
        self.options = options or WatchOptions()
        self.stop = stop or threading.Event()
        self.fetcher = fetcher or Fetcher(self.options.fetch, stop=self.stop)
        self.say = say or (lambda _line: None)
        self._pipeline = pipeline

    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            from ghatna.pipeline import Pipeline

            self._pipeline = Pipeline()
        return self._pipeline

    def close(self) -> None:
        self.fetcher.close()

    def run_pass(self, feed_urls: list[str]) -> PassReport:
        report = PassReport()
        started = time.monotonic()
        try:
            for url in feed_urls:
                if self.stop.is_set():
                    raise Stopped
                self._feed(url, report)
                for item in state.pending_items(self.conn, url):
                    if self.stop.is_set():
                        raise Stopped
                    outcome, error = items.process_item(self.conn, item, self.fetcher, self.pipeline,
                                                        max_attempts=self.options.max_attempts)
                    report.outcomes[outcome] = report.outcomes.get(outcome, 0) + 1
                    if outcome != items.UNCHANGED:
                        self.say(f"{outcome} {item.url}" + (f": {error}" if error else ""))
        except Stopped:
            report.stopped = True
        report.seconds = time.monotonic() - started
        return report

    def _feed(self, url: str, report: PassReport) -> None:
        report.feeds += 1
        known = state.feed_validators(self.conn, url)
        try:
            got = self.fetcher.get(url, etag=known.etag, last_modified=known.last_modified, accept=FEED_TYPES)
            feed = parse_feed(got.body, got.url) if got.status == 200 else None
        except Stopped:
            raise
        except Exception as exc:  # FetchError, not a feed, or whatever a broken feed provokes in the parser
            report.feed_errors += 1
            self.say(f"feed failed {url}: {exc}")
            with transaction(self.conn):
                state.record_feed(self.conn, url, status=getattr(exc, "status", None), error=str(exc))
            return
        with transaction(self.conn):  # the validators and the items they stand for, together
            state.record_feed(self.conn, url, status=got.status, title=feed and feed.title,
                              etag=got.etag, last_modified=got.last_modified)
            new, changed = state.register_items(self.conn, url, feed.items) if feed else (0, 0)
        report.new += new
        report.changed += changed
        if feed is not None:
            self.say(f"feed {url}: {len(feed.items)} item(s), {new} new, {changed} changed")


def watch(conn: sqlite3.Connection, feeds_file: str | Path, *, every: float | None, options: WatchOptions,
          stop: threading.Event, pipeline: Pipeline | None = None, say: Say | None = None,
          on_pass: Callable[[PassReport], None] | None = None) -> PassReport:
    """Passes over the feeds listed in ``feeds_file`` (read again before each pass, so edits need
    no restart) every ``every`` seconds, or one pass when ``every`` is None; returns the last
    pass's report. A feed list that cannot be read stops a single pass (ValueError or OSError) but
    not a running watcher, which says so and tries again at the next pass."""
    watcher = Watcher(conn, options, pipeline=pipeline, stop=stop, say=say)
    report = PassReport()
    try:
        while not stop.is_set():
            started = time.monotonic()
            try:
                urls = read_feed_list(feeds_file)
            except (ValueError, OSError) as exc:
                if every is None:
                    raise
                watcher.say(f"cannot read the feed list: {exc}")
            else:
                report = watcher.run_pass(urls)
                if on_pass is not None:
                    on_pass(report)
            if every is None or stop.wait(max(0.0, every - (time.monotonic() - started))):
                break
    finally:
        watcher.close()
    return report
