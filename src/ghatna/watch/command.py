"""What ``ghatna watch`` does, so that the CLI stays thin: run passes with SIGTERM and SIGINT
turned into a clean stop, print what happens, and show the feeds' status."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import Any

from rich.console import Console
from rich.text import Text

from ghatna.store import Store
from ghatna.watch import state
from ghatna.watch.loop import PassReport, WatchOptions, watch


@contextmanager
def stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """SIGTERM and SIGINT set ``stop`` (the item under way is finished, then the watcher ends); a
    second SIGINT interrupts at once."""
    def handler(signum: int, frame: FrameType | None) -> None:
        if signum == signal.SIGINT and stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def run(feeds: Path, db: Path, *, every: float | None, options: WatchOptions, console: Console,
        stop: threading.Event | None = None) -> int:
    """Watch until stopped (``every`` seconds between passes), or one pass when ``every`` is None.
    Exit status: 0, or for one pass 1 when a feed or an item failed."""
    stop = stop or threading.Event()

    def say(line: str) -> None:
        console.print(Text(f"{_clock()} {line}"), soft_wrap=True)

    def on_pass(report: PassReport) -> None:
        say(f"pass: {report.summary()}")

    with Store(db) as st, stop_on_signals(stop):
        say(f"watching the feeds of {feeds} into {db}" + ("" if every is None else f", every {every:g} s"))
        report = watch(st.conn, feeds, every=every, options=options, stop=stop, say=say, on_pass=on_pass)
    if stop.is_set():
        say("stopped")
        return 0
    return 1 if every is None and report.failed else 0


def status(db: Path, console: Console, *, as_json: bool = False) -> list[dict[str, Any]]:
    """Print each feed's last fetch, errors and item counts, then the latest item errors."""
    with Store(db, read_only=True) as st:
        feeds = state.feed_status(st.conn)
        problems = state.item_errors(st.conn, limit=10)
    if as_json:
        return feeds
    if not feeds:
        console.print(Text(f"{db}: no feed watched yet (ghatna watch FEEDS --db {db})"))
        return feeds
    now = datetime.now(UTC)
    for f in feeds:
        console.print(Text("\n".join(feed_lines(f, now))), soft_wrap=True)
    if problems:
        console.print(Text("latest item errors:"))
        for p in problems:
            console.print(Text(f"  {p['state']} (tries {p['attempts']}) {p['url']}: {p['error']}"), soft_wrap=True)
    return feeds


def feed_lines(f: dict[str, Any], now: datetime) -> list[str]:
    """One feed's status as a few lines (readable at any terminal width, and by grep)."""
    lines = [f["url"] + (f"  ({f['title']})" if f["title"] else "")]
    fetched = f"  last fetch {ago(f['last_fetch'], now)}"
    fetched += f", HTTP {f['last_status']}" if f["last_status"] else ""
    if f["last_success"] != f["last_fetch"]:
        fetched += f"; last success {ago(f['last_success'], now)}"
    lines.append(fetched)
    pending = f"{f['pending']} pending" + (f" ({f['retrying']} to retry)" if f["retrying"] else "")
    lines.append(f"  items {f['items']}: {f['stored']} stored, {f['duplicate']} duplicate, {f['empty']} without "
                 f"text, {f['failed']} failed, {pending}; {f['fetches']} fetches, {f['failures']} failed")
    if f["last_error"]:
        lines.append(f"  error: {f['last_error']} ({f['errors_in_row']} in a row)")
    return lines


def ago(iso: str | None, now: datetime) -> str:
    """'3 min ago (2025-03-28 10:15 UTC)' for an ISO time; 'never' for None."""
    if not iso:
        return "never"
    when = datetime.fromisoformat(iso)
    seconds = max(0, int((now - when).total_seconds()))
    if seconds < 120:
        rel = f"{seconds} s ago"
    elif seconds < 7200:
        rel = f"{seconds // 60} min ago"
    elif seconds < 172800:
        rel = f"{seconds // 3600} h ago"
    else:
        rel = f"{seconds // 86400} days ago"
    return f"{rel} ({when.strftime('%Y-%m-%d %H:%M')} UTC)"


def _clock() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")
