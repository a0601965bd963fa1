"""The feeds page: what ghatna watch reads into the store, beside the other pages of ``serve``."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from ghatna.store import Store
from ghatna.store.db import transaction
from ghatna.watch import state
from ghatna.watch.feeds import FeedItem
from ghatna.web import create_app


@pytest.fixture
def watched(tmp_path, pipeline):
    db = tmp_path / "events.db"
    with Store(db) as st, transaction(st.conn):
        ok, bad = "https://samachar.example/rss.xml", "https://mirror.example/atom"
        state.record_feed(st.conn, ok, status=200, title="समाचार दर्पण", etag='"1"')
        state.register_items(st.conn, ok, [FeedItem(f"https://samachar.example/{n}", None, None, None, "s")
                                           for n in range(3)])
        state.finish_item(st.conn, "https://samachar.example/0", state.STORED, article_id="a0")
        state.finish_item(st.conn, "https://samachar.example/1", state.FAILED, error="HTTP 404 Not Found")
        state.record_feed(st.conn, bad, status=None, error="timed out after 20 s <script>")
    return TestClient(create_app(db, pipeline=pipeline))


def test_each_feed_with_its_last_fetch_errors_and_counts(watched):
    r = watched.get("/feeds")
    assert r.status_code == 200
    html = r.text
    assert "समाचार दर्पण" in html and "https://samachar.example/rss.xml" in html and "HTTP 200" in html
    row = html[html.index('data-feed="https://samachar.example/rss.xml"'):]
    row = row[:row.index("</tr>")]
    cells = [c.split(">")[-1] for c in row.split("</td>") if 'class="num"' in c]
    assert cells[:6] == ["3", "1", "0", "0", "1", "1"]  # items, stored, duplicate, no text, failed, pending
    assert "timed out after 20 s &lt;script&gt;" in html and "<script>" not in html.split("<main>")[1]
    assert "HTTP 404 Not Found" in html  # the item's error, under the latest errors
    assert '<a href="/feeds">Feeds</a>' in html


def test_a_store_without_feeds(client):
    r = client.get("/feeds")
    assert r.status_code == 200 and "No feed watched yet" in r.text
