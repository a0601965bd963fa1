"""A saved or fetched web page as an article: its main text, title, canonical URL, publication
date and language.

The main text comes from trafilatura, menus, footers and comments removed. Extraction favours
precision: lists of links to other stories would put their headlines, and their events, into this
article. The title goes first when the body does not already start with it, as in a ``.txt``
article, so that headlines are coded too. That text is the article's text: evidence offsets point
into it, and the store keeps it. The date is the page's own metadata (``article:published_time``,
JSON-LD, ``<time>``… through htmldate; the first publication, not an update), never a guess from
the body. The language is the page's ``lang`` when the text is written in that language's script,
else left to ghatna's detection. Broken markup is read as well as it can be; a page with no main
text (fewer than ``MIN_WORDS`` words besides its title) is a ``NoText`` error, never an empty
article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

HTML_SUFFIXES = (".html", ".htm")
DATE_PARAMS = {"extensive_search": False, "original_date": True}  # metadata only, first publication
MIN_WORDS = 5  # the shortest news item ("भारत ने पाकिस्तान पर हमला किया।"); less is a menu or a caption
LANG_TAG = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$")
DEVANAGARI = ("hi", "mr", "ne")  # languages whose pages the script check accepts as written in Devanagari
LATIN = ("en", "fr", "de", "es", "pt", "it", "nl", "id")


class NoText(ValueError):
    """A page in which no main text was found (an index page, a video page, an empty shell)."""


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    title: str | None = None
    url: str | None = None  # the canonical URL the page declares (else None)
    published: date | None = None
    lang: str | None = None  # declared by the page and agreeing with its script, else None

    def record(self, article_id: str = "") -> dict[str, Any]:
        """The page as an article record (the fields ``reader.article_from_record`` reads)."""
        return {"text": self.text, "id": article_id, "title": self.title, "url": self.url,
                "published": self.published.isoformat() if self.published else None, "lang": self.lang}


def looks_like_html(data: bytes) -> bool:
    """Whether bytes read from standard input are a web page rather than plain text."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body", b"<meta", b"<!--"))


def read_page(data: bytes | str, *, url: str | None = None, charset: str | None = None) -> Page:
    """The article a page holds. ``data`` is the page as served (bytes: the encoding is found
    from ``charset`` — an HTTP header's — or the page itself); ``url`` is where it was fetched
    (for relative canonical links). Raises ``NoText`` when there is no main text, ValueError when
    the page cannot be parsed at all."""
    import trafilatura
    from trafilatura.utils import load_html

    if isinstance(data, bytes) and charset and _known(charset):
        data = data.decode(charset, errors="replace")
    try:
        tree = load_html(data)
        if tree is None:
            raise NoText("no main text found in the page (empty, or markup that cannot be parsed)")
        declared = declared_language(tree)
        doc = trafilatura.bare_extraction(tree, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=True,
                                          date_extraction_params=dict(DATE_PARAMS))
    except NoText:
        raise
    except Exception as exc:  # lxml's own errors and whatever else broken markup provokes
        raise ValueError(f"could not read the page: {type(exc).__name__}: {exc}") from None
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    title = _clean(getattr(doc, "title", None))
    if len(body.removeprefix(title or "").split()) < MIN_WORDS:
        raise NoText("no main text found in the page" + (f" (only {body[:80]!r})" if body else ""))
    text = body if not title or body.startswith(title) else f"{title}\n{body}"
    return Page(text=text, title=title, url=_clean(getattr(doc, "url", None)),
                published=_day(getattr(doc, "date", None)), lang=_agreeing(declared, text))


def declared_language(tree: Any) -> str | None:
    """The primary language subtag the page declares (``<html lang>``, Content-Language, og:locale)."""
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    for meta in tree.iter("meta"):
        key = (meta.get("http-equiv") or meta.get("property") or meta.get("name") or "").lower()
        if key in ("content-language", "og:locale", "language", "dc.language"):
            candidates.append(meta.get("content"))
    for value in candidates:
        m = LANG_TAG.match(value or "")
        if m:
            return m.group(1).lower()
    return None


def _agreeing(declared: str | None, text: str) -> str | None:
    """The declared language if the text is written in its script (pages built from one template
    for every edition often declare the wrong one); None lets detection decide."""
    if declared is None:
        return None
    from ghatna.text.langdetect import script_counts

    counts = script_counts(text[:4000])
    script = max(counts, key=lambda k: counts[k])
    if counts[script] == 0:
        return None
    if (script == "deva" and declared in DEVANAGARI) or (script == "latin" and declared in LATIN):
        return declared
    return None


def _known(charset: str) -> bool:
    """Whether Python knows the encoding an HTTP header names (else the page's own declaration decides)."""
    import codecs

    try:
        codecs.lookup(charset)
    except LookupError:
        return False
    return True


def _clean(value: Any) -> str | None:
    s = " ".join(str(value).split()) if value else ""
    return s or None


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None
