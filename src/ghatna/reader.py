"""Read articles from .txt files, JSON Lines files, folders of them, or standard input."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ghatna.model import Article

MAX_TEXT_CHARS = 5_000_000  # larger "articles" are data dumps, not news


@dataclass(frozen=True, slots=True)
class ReadError:
    """An input that could not be read as an article; the run goes on without it."""

    source: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.message}"


def parse_date(value: Any) -> date | None:
    """An ISO date or datetime string (or None); raises ValueError on anything else."""
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    s = str(value).strip()
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return datetime.fromisoformat(s.replace("Z", "+00:00")).date()


def article_from_record(rec: dict[str, Any], default_published: date | None = None,
                        default_lang: str | None = None) -> Article:
    text = rec.get("text")
    if not isinstance(text, str):
        raise ValueError("record has no 'text' string")
    if not text.strip():
        raise ValueError("empty text")
    if len(text) > MAX_TEXT_CHARS:
        raise ValueError(f"text of {len(text):,} characters exceeds the limit of {MAX_TEXT_CHARS:,}")
    published = parse_date(rec.get("published") or rec.get("date")) or default_published
    ident = rec.get("article_id") or rec.get("id") or ""
    return Article(
        text=text,
        article_id=str(ident),
        title=rec.get("title"),
        published=published,
        lang=rec.get("lang") or default_lang,
        source=rec.get("source"),
        url=rec.get("url"),
    )


def _decode(data: bytes, source: str) -> str:
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not valid UTF-8 (byte {exc.start})") from exc


def _iter_jsonl(text: str, source: str, published: date | None, lang: str | None) -> Iterator[Article | ReadError]:
    # split at "\n" only: str.splitlines() also breaks at U+2028/U+0085, which JSON written with
    # ensure_ascii=False may hold inside a string
    for n, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            if not isinstance(rec, dict):
                raise ValueError("line is not a JSON object")
            yield article_from_record(rec, published, lang)
        except (ValueError, TypeError) as exc:
            yield ReadError(source, n, str(exc))


def iter_articles(path: str | Path, *, published: date | None = None, lang: str | None = None,
                  ) -> Iterator[Article | ReadError]:
    """Articles (or ReadErrors) from a path: a .txt file is one article, a .jsonl file one per
    line, a folder is read recursively, and "-" is standard input (JSON Lines if it starts
    with "{", else one text)."""
    if str(path) == "-":
        text = sys.stdin.read()
        if text.lstrip().startswith("{"):
            yield from _iter_jsonl(text, "<stdin>", published, lang)
        elif text.strip():
            yield Article(text, "", None, published, lang)
        else:
            yield ReadError("<stdin>", None, "empty input")
        return
    p = Path(path)
    if p.is_dir():
        for child in sorted(p.rglob("*")):
            if child.is_file() and child.suffix.lower() in (".txt", ".jsonl", ".json"):
                yield from iter_articles(child, published=published, lang=lang)
        return
    try:
        data = p.read_bytes()
        text = _decode(data, str(p))
    except (OSError, ValueError) as exc:
        yield ReadError(str(p), None, str(exc))
        return
    if p.suffix.lower() in (".jsonl", ".json", ".ndjson"):
        yield from _iter_jsonl(text, str(p), published, lang)
        return
    try:
        yield article_from_record({"text": text, "id": p.stem}, published, lang)
    except ValueError as exc:
        yield ReadError(str(p), None, str(exc))
