"""Feed lists and feeds: RSS 2.0 and Atom, Hindi and English; items known by their normalised
link; a signature that changes when the feed describes an item otherwise."""

from __future__ import annotations

from datetime import date

import pytest

from ghatna.watch.feeds import article_id_for, normalize_url, parse_feed, read_feed_list
from tests.webpages import Entry, atom, rss

HINDI_ENTRIES = [
    Entry("/nepal-border-talks", "भारत और नेपाल सीमा पर बातचीत जारी रखेंगे", "Tue, 11 Feb 2025 01:30:00 +0530",
          guid="hi-1", summary="काठमांडू में मुलाकात"),
    Entry("https://samachar.example/jammu?utm_source=rss&id=7#top", "भारत ने जम्मू हमले की निंदा की",
          "Wed, 12 Feb 2025 10:00:00 +0530"),
]


def test_read_feed_list(tmp_path):
    f = tmp_path / "feeds.txt"
    f.write_text("# Hindi\nhttps://a.example/rss.xml\n\n  http://b.example/atom  \nhttps://a.example/rss.xml\n",
                 encoding="utf-8")
    assert read_feed_list(f) == ["https://a.example/rss.xml", "http://b.example/atom"]
    f.write_text("https://a.example/rss.xml\nfile:///etc/passwd\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"feeds.txt:2: not an http\(s\) URL"):
        read_feed_list(f)
    f.write_text("# nothing\n", encoding="utf-8")
    with pytest.raises(ValueError, match="lists no feed URL"):
        read_feed_list(f)


def test_rss_in_hindi():
    feed = parse_feed(rss("समाचार दर्पण", "https://samachar.example/", HINDI_ENTRIES).encode(),
                      "https://samachar.example/feeds/hindi.xml")
    assert feed.title == "समाचार दर्पण"
    first, second = feed.items
    assert first.url == "https://samachar.example/nepal-border-talks"  # relative link resolved
    assert (first.guid, first.title, first.published) == ("hi-1", "भारत और नेपाल सीमा पर बातचीत जारी रखेंगे",
                                                           date(2025, 2, 11))  # the site's day, not UTC's
    assert second.url == "https://samachar.example/jammu?id=7"  # no tracking parameter, no fragment


def test_atom_in_english():
    entries = [Entry("https://mirror.example/india-japan-defence", "India and Japan sign a defence pact",
                     "2025-02-11T09:30:00+05:30", updated="2025-02-11T12:00:00+05:30")]
    [item] = parse_feed(atom("Daily Mirror", "https://mirror.example/", entries).encode(),
                        "https://mirror.example/atom").items
    assert item.url == "https://mirror.example/india-japan-defence" and item.published == date(2025, 2, 11)
    assert item.guid == "https://mirror.example/india-japan-defence"


def test_the_signature_follows_what_the_feed_says():
    base = Entry("https://x.example/a", "Title", "2025-02-11T09:30:00Z", updated="2025-02-11T09:30:00Z")

    def sig(e):
        return parse_feed(atom("f", "https://x.example/", [e]).encode(), "https://x.example/f").items[0].signature

    same = sig(base)
    assert sig(base) == same
    assert sig(Entry(base.link, base.title, base.published, updated="2025-02-12T08:00:00Z")) != same
    assert sig(Entry(base.link, "Title, corrected", base.published, updated=base.updated)) != same


def test_an_item_listed_twice_is_one_item():
    entries = [Entry("https://x.example/a", "A", "2025-02-11"), Entry("https://X.example/a#comments", "A", "2025-02-11")]
    assert len(parse_feed(rss("f", "https://x.example/", entries).encode(), "https://x.example/f").items) == 1


@pytest.mark.parametrize("data", [b"<html><body><p>not a feed</p></body></html>", b"", b"\x00\x01garbage",
                                  b"<rss><channel><item><title>cut off"])
def test_not_a_feed(data):
    try:
        feed = parse_feed(data, "https://x.example/f")
    except ValueError as exc:
        assert "not an RSS or Atom feed" in str(exc)
    else:
        assert all(i.url.startswith("https://") for i in feed.items)  # a broken feed gives what it can


def test_normalize_and_article_ids():
    assert normalize_url("HTTPS://WWW.Example.com/a/b?utm_medium=x&q=%20y#frag") == "https://www.example.com/a/b?q=%20y"
    assert normalize_url("http://example.com") == "http://example.com/"
    a = article_id_for("https://www.example.com/a")
    assert a.startswith("example.com-") and a == article_id_for("https://www.example.com/a")
    assert a != article_id_for("https://www.example.com/b")
