"""Feeds for ``ghatna watch``: the file that lists them, and the items an RSS or Atom document lists.

An item is known by its link, normalised (fragment and ``utm_*`` parameters dropped, scheme and
host in lower case), so that two feeds listing one story list one item. What the feed says of the
item — its dates, title and summary — is digested into a signature: when it changes, the item is
fetched again (and its article replaced if the page changed).
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

from ghatna.pubdate import parse_published

SCHEMES = ("http", "https")


@dataclass(frozen=True, slots=True)
class FeedItem:
    url: str  # normalised link
    guid: str | None
    title: str | None
    published: date | None  # the feed's date for it, as written (the site's own day, not UTC's)
    signature: str


@dataclass(frozen=True, slots=True)
class Feed:
    title: str | None
    items: list[FeedItem]


def read_feed_list(path: str | Path) -> list[str]:
    """The feed URLs of a file: one a line; blank lines and lines starting with '#' are skipped.
    ValueError names the first line that is not an http(s) URL, or says the file lists none."""
    urls: list[str] = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8-sig").splitlines(), 1):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        if urlsplit(s).scheme.lower() not in SCHEMES or not urlsplit(s).netloc or any(c.isspace() for c in s):
            raise ValueError(f"{path}:{n}: not an http(s) URL: {s[:200]!r}")
        if s not in urls:
            urls.append(s)
    if not urls:
        raise ValueError(f"{path}: lists no feed URL (one a line)")
    return urls


def normalize_url(url: str) -> str:
    parts = urlsplit(url.strip())
    query = "&".join(p for p in parts.query.split("&") if p and not p.lower().startswith("utm_"))
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", query, ""))


def article_id_for(url: str) -> str:
    """The id of the article an item's page becomes: its host and a digest of its URL (stable
    across fetches, so that a changed page replaces its old version)."""
    host = (urlsplit(url).hostname or "web").removeprefix("www.")
    return f"{host}-{hashlib.sha256(url.encode('utf-8')).hexdigest()[:16]}"


def parse_feed(data: bytes, url: str) -> Feed:
    """The items of an RSS or Atom document fetched from ``url`` (relative links resolved against
    it); ValueError when it is neither."""
    import feedparser

    # A file-like object: feedparser fetches nothing and opens no file for it.
    parsed = feedparser.parse(io.BytesIO(data), response_headers={"content-location": url})
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        raise ValueError(f"not an RSS or Atom feed{f' ({reason})' if reason else ''}")
    items: list[FeedItem] = []
    seen: set[str] = set()
    for entry in parsed.entries:
        link = _link(entry, url)
        if link is None or link in seen:
            continue
        seen.add(link)
        items.append(FeedItem(link, _str(entry.get("id")), _str(entry.get("title")), _entry_day(entry),
                              _signature(entry)))
    return Feed(_str(parsed.feed.get("title")), items)


def _link(entry: Any, base: str) -> str | None:
    candidates = [entry.get("link")] + [li.get("href") for li in entry.get("links", [])
                                        if li.get("rel", "alternate") == "alternate"]
    guid = entry.get("id")
    if isinstance(guid, str) and urlsplit(guid).scheme in SCHEMES:
        candidates.append(guid)  # an RSS guid that is a permalink
    for c in candidates:
        if isinstance(c, str) and c.strip():
            full = urljoin(base, c.strip())
            if urlsplit(full).scheme.lower() in SCHEMES and urlsplit(full).netloc:
                return normalize_url(full)
    return None


def _entry_day(entry: Any) -> date | None:
    for key in ("published", "updated", "created"):
        raw = dict.get(entry, key)
        if raw:
            try:
                return parse_published(raw)
            except ValueError:
                continue
    return None


def _signature(entry: Any) -> str:
    # dict.get: the values as the feed wrote them (feedparser would stand 'published' in for 'updated')
    said = [dict.get(entry, k) or "" for k in ("updated", "published", "title", "summary")]
    return hashlib.sha256(json.dumps(said, ensure_ascii=False).encode("utf-8")).hexdigest()[:32]


def _str(value: Any) -> str | None:
    s = " ".join(str(value).split()) if value else ""
    return s[:1000] or None
