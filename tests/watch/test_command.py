"""The watcher as a process: killed with SIGKILL in the middle of a pass and started again, it
neither loses nor repeats an item; SIGTERM stops it cleanly, during a pass or between passes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ghatna.store import Store, StoreError
from tests.store.conftest import assert_consistent
from tests.watch.conftest import PROXY_VARIABLES
from tests.watch.server import LoopbackServer
from tests.watch.site import entry, feed_list, publish
from tests.webpages import HINDI, page

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
WATCH = [sys.executable, "-c", "from ghatna.cli import app; app()", "watch"]


def site(server: LoopbackServer, copies: int = 3, delay: float = 0.0) -> str:
    """The Hindi stories, each in ``copies`` versions (distinct texts), on one RSS feed; every page
    answers after ``delay`` seconds (so that a kill finds the watcher at work). (The in-process
    tests cover English; here each child process would load its stages again.)"""
    entries = []
    for n in range(copies):
        for s in HINDI:
            path = f"/{s.lang}/{n}/{s.slug}"
            extra = f"यह समाचार संख्या {n} है।" if s.lang == "hi" else f"This is report number {n}."
            server.route(path, body=page(s, extra=extra), delay=delay)
            entries.append(entry(server, s, path=path))
    return publish(server, [], "/feeds/all.xml", entries=entries)


def child_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in PROXY_VARIABLES}
    src = str(Path(__file__).resolve().parents[2] / "src")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
    return env


def start(feeds: Path, db: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([*WATCH, str(feeds), "--db", str(db), "--delay", "0", "--timeout", "5", *args],
                            env=child_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(condition, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.02)


def states(db: Path) -> dict[str, str]:
    try:
        with Store(db, read_only=True) as st:
            return {r["url"]: r["state"] for r in st.conn.execute("SELECT url, state FROM watch_items")}
    except StoreError:  # not created yet
        return {}


def test_kill_9_in_the_middle_then_a_restart(server, tmp_path):
    feed = site(server, delay=0.1)
    feeds, db = feed_list(tmp_path, [feed]), tmp_path / "events.db"
    proc = start(feeds, db, "--every", "1h")
    try:
        wait_for(lambda: sum(server.page_hits().values()) >= 4 or proc.poll() is not None)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(10)
    assert proc.returncode == -signal.SIGKILL
    before = states(db)
    done = {u for u, s in before.items() if s == "stored"}
    assert len(before) == 9 and 0 < len(done) < 9, before  # the feed's items were all queued; some done
    hits = server.page_hits()
    # the restart finishes the pass, then waits for the next one: SIGTERM ends that wait at once
    proc = start(feeds, db, "--every", "1h")
    try:
        wait_for(lambda: set(states(db).values()) == {"stored"} or proc.poll() is not None)
        time.sleep(0.2)
        stopping = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0 and time.monotonic() - stopping < 5, err
    assert f"{9 - len(done)} added" in err and err.rstrip().endswith("stopped")
    after = server.page_hits()
    for url in before:
        path = url.removeprefix(server.base)
        if url in done:
            assert after[path] == hits[path], f"{path} was fetched again"
        else:
            assert after[path] > hits[path], f"{path} was not fetched after the restart"
    with Store(db, read_only=True) as st:
        assert st.stats()["articles"] == 9
        stored = [r["article_id"] for r in st.conn.execute("SELECT article_id FROM watch_items")]
        assert len(set(stored)) == 9
        assert_consistent(st.conn)


def test_sigterm_stops_cleanly_during_a_pass(server, tmp_path):
    feed = site(server, delay=0.1)
    feeds, db = feed_list(tmp_path, [feed]), tmp_path / "events.db"
    proc = start(feeds, db, "--every", "1h")
    try:
        wait_for(lambda: sum(server.page_hits().values()) >= 3 or proc.poll() is not None)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "(stopped)" in err and err.rstrip().endswith("stopped")  # the pass says it was cut short
    now = states(db)
    assert set(now.values()) == {"stored", "pending"}
    with Store(db, read_only=True) as st:
        assert st.stats()["articles"] == list(now.values()).count("stored")
        assert_consistent(st.conn)
