"""Passes over feeds served on the loopback interface: RSS and Atom, Hindi and English; items that
repeat, change, redirect, 404, time out, exceed the size limit or hold broken HTML; a restart in
the middle. Everything is checked in the store and in the server's request counts."""

from __future__ import annotations

import threading

import pytest

from ghatna.htmlpage import read_page
from ghatna.store import Store
from ghatna.store.db import transaction
from ghatna.watch import items as item_outcomes
from ghatna.watch import state
from ghatna.watch.feeds import article_id_for
from ghatna.watch.fetch import FetchOptions
from ghatna.watch.loop import Watcher, WatchOptions, parse_every
from tests.store.conftest import assert_consistent
from tests.watch.site import CountingPipeline, entry, feed_list, page_path, publish
from tests.webpages import ENGLISH, HINDI, page

FAST = WatchOptions(FetchOptions(timeout=0.3, retries=1, backoff=0.01, host_delay=0.0), max_attempts=2)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "events.db") as st:
        yield st


@pytest.fixture
def counting(pipeline):
    return CountingPipeline(pipeline)


def watcher(store, counting, stop=None, options=FAST):
    return Watcher(store.conn, options, pipeline=counting, stop=stop)


def items_by_state(store) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in store.conn.execute("SELECT url, state FROM watch_items ORDER BY url"):
        out.setdefault(r["state"], []).append(r["url"])
    return out


def test_a_pass_stores_every_item_of_an_rss_and_an_atom_feed(server, store, counting):
    hindi = publish(server, HINDI, "/feeds/hindi.xml")
    english = publish(server, ENGLISH, "/feeds/english.atom", kind="atom")
    w = watcher(store, counting)
    report = w.run_pass([hindi, english])
    assert (report.feeds, report.new, report.count(item_outcomes.ADDED), report.failed) == (2, 5, 5, 0)
    for story in (*HINDI, *ENGLISH):
        art = store.article(article_id_for(server.url(page_path(story))))
        assert art["text"] == read_page(page(story)).text  # the extracted text, kept: evidence points into it
        assert (art["title"], art["published"], art["lang"]) == (story.title, story.published.isoformat(), story.lang)
        assert art["url"] == server.url(page_path(story)) and art["source"] == "127.0.0.1"
    assert store.stats()["events"] > 0
    assert_consistent(store.conn)
    assert items_by_state(store).keys() == {"stored"}
    # the next pass asks for the feeds conditionally and fetches no page again
    hits = server.page_hits()
    again = w.run_pass([hindi, english])
    assert (again.new, again.changed, again.outcomes) == (0, 0, {})
    assert server.conditional["/feeds/hindi.xml"] == 1 and server.conditional["/feeds/english.atom"] == 1
    assert server.page_hits() == hits and len(counting.coded) == 5


def test_repeated_items_are_coded_once(server, store, counting):
    story = HINDI[0]
    server.route("/amp/nepal", body=page(story), etag='"amp"')  # the same story under another address
    first = publish(server, [story], "/feeds/one.xml")
    second = publish(server, [story], "/feeds/two.xml", entries=[entry(server, story), entry(server, story, path="/amp/nepal")])
    report = watcher(store, counting).run_pass([first, second])
    assert report.count(item_outcomes.ADDED) == 1 and report.count(item_outcomes.DUPLICATE) == 1
    assert len(counting.coded) == 1 and store.stats()["articles"] == 1
    assert server.page_hits()[page_path(story)] == 1  # listed by both feeds, fetched once
    hits = server.page_hits()
    publish(server, [story], "/feeds/two.xml", entries=[entry(server, story, summary="a summary of its own"),
                                                         entry(server, story, path="/amp/nepal")])
    again = watcher(store, counting).run_pass([first, second])  # the second feed describes it otherwise
    assert (again.changed, again.outcomes, server.page_hits()) == (0, {}, hits)
    dup = store.conn.execute("SELECT state, article_id FROM watch_items WHERE url = ?",
                             (server.url("/amp/nepal"),)).fetchone()
    assert (dup["state"], dup["article_id"]) == ("duplicate", article_id_for(server.url(page_path(story))))


def test_a_changed_item_replaces_its_article(server, store, counting):
    story = ENGLISH[1]
    feed = publish(server, [story], "/feeds/en.xml")
    w = watcher(store, counting)
    w.run_pass([feed])
    art_id = article_id_for(server.url(page_path(story)))
    before = store.article(art_id)
    # the feed marks the item updated; its page answers 304 to the conditional request: nothing to code
    publish(server, [story], "/feeds/en.xml", entries=[entry(server, story, summary="updated at 11:00")])
    report = w.run_pass([feed])
    assert report.changed == 1 and report.count(item_outcomes.UNCHANGED) == 1 and len(counting.coded) == 1
    assert server.conditional[page_path(story)] == 1
    # then the page itself changes: the article is replaced, under the same id
    added = "Beijing also summoned the American ambassador to protest against the sanctions."
    publish(server, [story], "/feeds/en.xml", entries=[entry(server, story, summary="updated at 12:00")])
    server.route(page_path(story), body=page(story, extra=added), etag='"v2"')
    report = w.run_pass([feed])
    assert report.count(item_outcomes.REPLACED) == 1 and len(counting.coded) == 2
    after = store.article(art_id)
    assert after["text"].endswith(added) and after["text"] != before["text"]
    assert store.stats()["articles"] == 1
    assert_consistent(store.conn)


def test_redirects_errors_time_outs_size_and_broken_pages(server, store, counting):
    good, broken = HINDI[1], HINDI[2]
    server.route("/go/jammu", redirect=page_path(good))
    server.route(page_path(good), body=page(good))
    server.route("/slow", body=page(ENGLISH[0]), delay=2)
    server.route("/huge", body=page(ENGLISH[1]) + "<!--" + "x" * 300_000 + "-->")
    server.route("/broken", body=page(broken)[:-400].replace("</p>", "") + "<div><span><<>")  # cut off, unclosed
    server.route("/menu", body="<html><body><nav><a href='/'>होम</a> <a href='/d'>देश</a></nav></body></html>")
    server.route("/pdf", body=b"%PDF-1.4 ...", content_type="application/pdf")
    links = ["/go/jammu", "/gone", "/slow", "/huge", "/broken", "/menu", "/pdf"]
    entries = [entry(server, good, path=p) for p in links]
    entries = [type(e)(e.link, f"{e.title} {i}", e.published, guid=str(i)) for i, e in enumerate(entries)]
    feed = publish(server, [], "/feeds/mixed.xml", entries=entries)
    options = WatchOptions(FetchOptions(timeout=0.3, retries=0, backoff=0.01, host_delay=0.0,
                                        max_bytes=200_000), max_attempts=2)
    w = watcher(store, counting, options=options)
    report = w.run_pass([feed])
    states = items_by_state(store)
    assert states["stored"] == sorted(server.url(p) for p in ("/go/jammu", "/broken"))
    assert states["failed"] == sorted(server.url(p) for p in ("/gone", "/huge", "/pdf"))
    assert states["empty"] == [server.url("/menu")] and states["pending"] == [server.url("/slow")]
    assert report.count(item_outcomes.RETRY) == 1 and report.failed == 4
    errors = {r["url"].rsplit("/", 1)[-1]: r["error"] for r in store.conn.execute("SELECT url, error FROM watch_items")}
    assert "HTTP 404" in errors["gone"] and "size limit" in errors["huge"] and "not a web page" in errors["pdf"]
    assert "no main text" in errors["menu"] and "timed out" in errors["slow"]
    redirected = store.conn.execute("SELECT final_url FROM watch_items WHERE url = ?",
                                    (server.url("/go/jammu"),)).fetchone()[0]
    assert redirected == server.url(page_path(good))
    art = store.article(article_id_for(server.url("/broken")))
    assert broken.paragraphs[0] in art["text"]
    # the slow page is tried again in the next pass, and given up after max_attempts
    w.run_pass([feed])
    assert items_by_state(store)["failed"] == sorted(server.url(p) for p in ("/gone", "/huge", "/pdf", "/slow"))
    assert server.page_hits()["/slow"] == 2 and server.page_hits()["/gone"] == 1
    [status] = state.feed_status(store.conn)
    assert (status["items"], status["stored"], status["failed"], status["empty"], status["pending"]) == (7, 2, 4, 1, 0)
    assert_consistent(store.conn)


def test_feed_errors_are_recorded_and_cleared(server, store, counting):
    server.route("/feeds/html.xml", body="<html><body><p>this is no feed</p></body></html>")
    w = watcher(store, counting)
    report = w.run_pass([server.url("/feeds/missing.xml"), server.url("/feeds/html.xml")])
    assert report.feed_errors == 2
    rows = {r["url"].rsplit("/", 1)[-1]: r for r in state.feed_status(store.conn)}
    assert "HTTP 404" in rows["missing.xml"]["last_error"] and rows["missing.xml"]["last_status"] == 404
    assert "not an RSS or Atom feed" in rows["html.xml"]["last_error"]
    publish(server, [HINDI[0]], "/feeds/missing.xml")
    w.run_pass([server.url("/feeds/missing.xml")])
    row = next(r for r in state.feed_status(store.conn) if r["url"].endswith("missing.xml"))
    assert (row["last_error"], row["errors_in_row"], row["stored"], row["fetches"]) == (None, 0, 1, 2)


def test_a_restart_in_the_middle_loses_and_repeats_nothing(server, store, pipeline):
    feed = publish(server, (*HINDI, *ENGLISH), "/feeds/all.xml")
    stop = threading.Event()
    first = CountingPipeline(pipeline, stop=stop, stop_after=2)
    report = watcher(store, first, stop=stop).run_pass([feed])
    assert report.stopped and len(first.coded) == 2
    assert len(items_by_state(store)["stored"]) == 2 and len(items_by_state(store)["pending"]) == 3
    second = CountingPipeline(pipeline)
    report = watcher(store, second).run_pass([feed])  # a new watcher on the same store: a restart
    assert not report.stopped and report.count(item_outcomes.ADDED) == 3
    assert {a.url for a in first.coded}.isdisjoint({a.url for a in second.coded})
    assert store.stats()["articles"] == 5 and items_by_state(store).keys() == {"stored"}
    assert set(server.page_hits().values()) == {1}  # every page fetched once
    assert_consistent(store.conn)


def test_an_article_the_pipeline_fails_on_is_reported_and_the_pass_goes_on(server, store, pipeline):
    feed = publish(server, HINDI, "/feeds/hindi.xml")

    class Failing(CountingPipeline):
        def run(self, article):
            if "जम्मू" in article.text:
                raise RuntimeError("a bug in a stage")
            return super().run(article)

    report = watcher(store, Failing(pipeline)).run_pass([feed])
    assert report.count(item_outcomes.ADDED) == 2 and report.count(item_outcomes.FAILED) == 1
    [error] = [r["error"] for r in store.conn.execute("SELECT error FROM watch_items WHERE state = 'failed'")]
    assert error == "extraction failed: RuntimeError: a bug in a stage"


def test_an_article_and_its_item_change_together(server, store, counting, monkeypatch):
    feed = publish(server, [HINDI[0]], "/feeds/one.xml")

    def fail(*args, **kw):
        raise RuntimeError("killed between the article and its item")

    monkeypatch.setattr(state, "finish_item", fail)
    with pytest.raises(RuntimeError):
        watcher(store, counting).run_pass([feed])
    assert store.stats()["articles"] == 0  # rolled back with the item's state
    assert items_by_state(store) == {"pending": [server.url(page_path(HINDI[0]))]}
    with transaction(store.conn):
        pass  # the connection is usable: no transaction was left open


def test_parse_every():
    assert [parse_every(v) for v in ("15m", "90s", "1h", "600", "1.5h", "2 min")] == [900, 90, 3600, 600, 5400, 120]
    for bad in ("", "soon", "0m", "-5m"):
        with pytest.raises(ValueError):
            parse_every(bad)


def test_watch_once_and_status_from_the_command_line(server, tmp_path):
    from typer.testing import CliRunner

    from ghatna.cli import app

    feeds = feed_list(tmp_path, [publish(server, HINDI[:2], "/feeds/hindi.xml"), server.url("/feeds/gone.xml")])
    db = tmp_path / "events.db"
    runner = CliRunner()
    result = runner.invoke(app, ["watch", str(feeds), "--db", str(db), "--once", "--delay", "0", "--timeout", "1"])
    assert result.exit_code == 1, result.output  # a feed failed
    assert "feed failed" in result.output and "HTTP 404" in result.output and "2 added" in result.output
    result = runner.invoke(app, ["watch", "--status", "--db", str(db)])
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "/feeds/hindi.xml" in out and "/feeds/gone.xml" in out and "HTTP 404" in out
    assert "समाचार दर्पण" in out  # the feed's title
    bad = tmp_path / "bad.txt"
    bad.write_text("not a url\n", encoding="utf-8")
    result = runner.invoke(app, ["watch", str(bad), "--db", str(db), "--once"])
    assert result.exit_code == 2 and "bad.txt:1: not an http(s) URL" in result.output
    result = runner.invoke(app, ["watch", str(feeds), "--db", str(db), "--every", "soon"])
    assert result.exit_code == 2 and "not a duration" in result.output
