"""Read articles from .txt files, JSON Lines files, saved web pages (.html), folders of them, or
standard input.

Nothing good is lost to something bad: a JSON Lines file is read line by line (as bytes), and a
line that is not valid UTF-8, holds a NUL byte, nests deeper than ``MAX_JSON_DEPTH``, is too long,
is not a JSON object or has no usable text is reported as a ``ReadError`` with its file and line
while every other line is read. In a folder, each file stands alone the same way.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

from ghatna.htmlpage import HTML_SUFFIXES, looks_like_html, read_page  # trafilatura loads on the first page
from ghatna.model import Article
from ghatna.pubdate import parse_published

MAX_TEXT_CHARS = 5_000_000  # larger "articles" are data dumps, not news
MAX_TEXT_BYTES = 4 * MAX_TEXT_CHARS  # a .txt file: UTF-8 takes at most 4 bytes a character
MAX_LINE_BYTES = 32 * 1024 * 1024  # a JSON line: the longest text, \u-escaped, with its fields
MAX_JSON_DEPTH = 64  # an article record is an object of strings; deeper nesting is an attack or a mistake
LINE_SUFFIXES = (".jsonl", ".json", ".ndjson")  # one article per line
FOLDER_SUFFIXES = (".txt", ".jsonl", ".json", *HTML_SUFFIXES)  # what a folder is searched for
STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
BRACKETS = re.compile(r"[\[\]{}]")
NUL, NEWLINE = b"\x00", b"\n"


@dataclass(frozen=True, slots=True)
class ReadError:
    """An input that could not be read as an article; the run goes on without it."""

    source: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class Located:
    """An article (or a ReadError) and where it was read: the file and, in JSON Lines, the line."""

    item: Article | ReadError
    source: str
    line: int | None = None


def parse_date(value: Any, *, dayfirst: bool = True) -> date | None:
    """A publication date in any format ``ghatna.pubdate`` reads (or None); ValueError otherwise."""
    return parse_published(value, dayfirst=dayfirst)


def article_from_record(rec: dict[str, Any], default_published: date | None = None,
                        default_lang: str | None = None, *, dayfirst: bool = True) -> Article:
    text = rec.get("text")
    if not isinstance(text, str):
        raise ValueError("record has no 'text' string")
    if not text.strip():
        raise ValueError("empty text")
    if len(text) > MAX_TEXT_CHARS:
        raise ValueError(f"text of {len(text):,} characters exceeds the limit of {MAX_TEXT_CHARS:,}")
    if "\x00" in text:
        raise ValueError("text holds a NUL character")
    published = parse_date(rec.get("published") or rec.get("date"), dayfirst=dayfirst) or default_published
    ident = rec.get("article_id") or rec.get("id") or ""
    return Article(
        text=text,
        article_id=str(ident),
        title=_optional_str(rec, "title"),
        published=published,
        lang=_optional_str(rec, "lang") or default_lang,
        source=_optional_str(rec, "source"),
        url=_optional_str(rec, "url"),
    )


def _optional_str(rec: dict[str, Any], key: str) -> str | None:
    value = rec.get(key)
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise ValueError(f"'{key}' is not a string")


def json_too_deep(line: str, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether the JSON text nests arrays and objects deeper than ``limit`` (strings skipped),
    checked before parsing so that no parser recursion ever meets it."""
    if line.count("[") + line.count("{") <= limit:
        return False
    depth = 0
    for m in BRACKETS.finditer(STRINGS.sub('""', line)):
        depth += 1 if m.group() in "[{" else -1
        if depth > limit:
            return True
    return False


def record_from_line(data: bytes, source: str, line: int, published: date | None = None,
                     lang: str | None = None, *, dayfirst: bool = True) -> Article | ReadError | None:
    """One JSON Lines line (bytes, newline stripped or not) as an Article, a ReadError, or None
    for a blank line."""
    if not data.strip():
        return None
    if NUL in data:
        return ReadError(source, line, f"NUL byte at column {data.index(NUL) + 1}: not a text line")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return ReadError(source, line, f"not valid UTF-8 (byte {exc.start + 1} of the line)")
    text = text.removeprefix("\ufeff").rstrip("\r\n")
    if json_too_deep(text):
        return ReadError(source, line, f"JSON nested deeper than {MAX_JSON_DEPTH} levels")
    try:
        rec = json.loads(text)
        if not isinstance(rec, dict):
            raise ValueError("line is not a JSON object")
        return article_from_record(rec, published, lang, dayfirst=dayfirst)
    except (ValueError, TypeError, RecursionError) as exc:
        return ReadError(source, line, str(exc))


def iter_lines(fh: IO[bytes], limit: int | None = None) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each line split at b"\\n" only (never at U+2028 or U+0085, which
    JSON written with ensure_ascii=False may hold inside a string); None for a line over ``limit``
    bytes (default ``MAX_LINE_BYTES``), which is skipped without being held in memory."""
    limit = MAX_LINE_BYTES if limit is None else limit
    n = 0
    while True:
        data = fh.readline(limit + 1)
        if not data:
            return
        n += 1
        if len(data) > limit and not data.endswith(b"\n"):
            while (more := fh.readline(1 << 20)) and not more.endswith(b"\n"):
                pass
            yield n, None
            continue
        yield n, data


def _iter_jsonl(fh: IO[bytes], source: str, published: date | None, lang: str | None,
                dayfirst: bool) -> Iterator[Located]:
    for n, data in iter_lines(fh):
        if data is None:
            yield Located(ReadError(source, n, f"line longer than {MAX_LINE_BYTES:,} bytes"), source, n)
            continue
        item = record_from_line(data, source, n, published, lang, dayfirst=dayfirst)
        if item is not None:
            yield Located(item, source, n)


def decode_text(data: bytes) -> str:
    """A whole text file as a string; ValueError naming the line of a NUL or invalid byte."""
    if NUL in data:
        at = data.index(NUL)
        raise ValueError(f"binary file (NUL byte on line {data.count(NEWLINE, 0, at) + 1})")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(NEWLINE, 0, exc.start) + 1
        column = exc.start - (data.rfind(NEWLINE, 0, exc.start) + 1) + 1
        raise ValueError(f"not valid UTF-8 (line {line}, byte {column} of the line)") from None


def _text_article(data: bytes, source: str, ident: str, published: date | None, lang: str | None,
                  dayfirst: bool) -> Article | ReadError:
    try:
        return article_from_record({"text": decode_text(data), "id": ident}, published, lang, dayfirst=dayfirst)
    except ValueError as exc:
        return ReadError(source, None, str(exc))


def _page_article(data: bytes, source: str, ident: str, published: date | None, lang: str | None,
                  dayfirst: bool) -> Article | ReadError:
    """A saved web page: its main text, title, canonical URL, date and language (``ghatna.htmlpage``)."""
    try:
        return article_from_record(read_page(data).record(ident), published, lang, dayfirst=dayfirst)
    except ValueError as exc:
        return ReadError(source, None, str(exc))


def files_of(path: Path) -> Iterator[Path]:
    """The files a path stands for: itself, or the readable files of a folder (recursively, sorted)."""
    if path.is_dir():
        yield from (c for c in sorted(path.rglob("*")) if c.is_file() and c.suffix.lower() in FOLDER_SUFFIXES)
    else:
        yield path


def iter_located(path: str | Path, *, published: date | None = None, lang: str | None = None,
                 dayfirst: bool = True, stdin: IO[bytes] | None = None) -> Iterator[Located]:
    """Articles (or ReadErrors) from a path with where each was read: a .txt or .html file is one
    article, a .jsonl file one per line, a folder is read recursively, and "-" is standard input
    (JSON Lines if it starts with "{", a web page if it starts with markup, else one text)."""
    if str(path) == "-":
        yield from _iter_stdin(stdin if stdin is not None else sys.stdin.buffer, published, lang, dayfirst)
        return
    p = Path(path)
    if not p.exists():
        yield Located(ReadError(str(p), None, "no such file or folder"), str(p))
        return
    for f in files_of(p):
        yield from _iter_file(f, published, lang, dayfirst)


def _iter_file(f: Path, published: date | None, lang: str | None, dayfirst: bool) -> Iterator[Located]:
    source = str(f)
    try:
        if f.suffix.lower() in LINE_SUFFIXES:
            with f.open("rb") as fh:
                yield from _iter_jsonl(fh, source, published, lang, dayfirst)
            return
        if f.stat().st_size > MAX_TEXT_BYTES:
            message = f"file of {f.stat().st_size:,} bytes exceeds the limit of {MAX_TEXT_BYTES:,}"
            yield Located(ReadError(source, None, message), source)
            return
        data = f.read_bytes()
    except OSError as exc:
        yield Located(ReadError(source, None, exc.strerror or str(exc)), source)
        return
    read = _page_article if f.suffix.lower() in HTML_SUFFIXES else _text_article
    yield Located(read(data, source, f.stem, published, lang, dayfirst), source)


def _iter_stdin(fh: IO[bytes], published: date | None, lang: str | None, dayfirst: bool) -> Iterator[Located]:
    source = "<stdin>"
    head = b""
    while not head.strip():  # the first bytes that are not white space decide the format
        chunk = fh.read(1)
        if not chunk:
            yield Located(ReadError(source, None, "empty input"), source)
            return
        head += chunk
    if head.strip().startswith(b"{") or head.strip().startswith(b"\xef\xbb\xbf{"):
        yield from _iter_jsonl(_Prefixed(head, fh), source, published, lang, dayfirst)
        return
    data = head + fh.read(MAX_TEXT_BYTES + 1 - len(head))
    if len(data) > MAX_TEXT_BYTES:
        yield Located(ReadError(source, None, f"input exceeds the limit of {MAX_TEXT_BYTES:,} bytes"), source)
        return
    read = _page_article if looks_like_html(data) else _text_article
    yield Located(read(data, source, "", published, lang, dayfirst), source)


class _Prefixed:
    """A binary stream with some bytes already read put back in front (for ``readline``)."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self.head = head
        self.rest = rest

    def readline(self, limit: int = -1) -> bytes:
        if not self.head:
            return self.rest.readline(limit)
        cut = self.head.find(b"\n") + 1
        if cut:
            line, self.head = self.head[:cut], self.head[cut:]
            return line
        head, self.head = self.head, b""
        return head + self.rest.readline(-1 if limit < 0 else max(0, limit - len(head)))


def iter_articles(path: str | Path, *, published: date | None = None, lang: str | None = None,
                  dayfirst: bool = True) -> Iterator[Article | ReadError]:
    """Articles (or ReadErrors) from a path (see ``iter_located``)."""
    for loc in iter_located(path, published=published, lang=lang, dayfirst=dayfirst):
        yield loc.item


def iter_many(paths: Iterable[str | Path], **kw: Any) -> Iterator[Located]:
    for p in paths:
        yield from iter_located(p, **kw)
