"""What an ingest reads: paths (files, folders, "-"), Articles, or already extracted Documents,
each tagged with the file it came from so that a failure can be reported as ``file:line``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ghatna.model import Article, Document
from ghatna.reader import ReadError, iter_articles

LINE_SUFFIXES = (".jsonl", ".json", ".ndjson")  # one article per line (as ghatna.reader reads them)
FOLDER_SUFFIXES = (".txt", ".jsonl", ".json")  # what ghatna.reader takes from a folder

Item = Article | Document | ReadError
Source = str | Path | Article | Document | ReadError


@dataclass(frozen=True, slots=True)
class Input:
    item: Item
    source: str | None = None  # the file (or "<stdin>") it was read from
    index: int = 0  # its position among the items of that source

    @property
    def label(self) -> str:
        """Where the item came from: "file:line", "file", or "<python>" for objects passed in."""
        if isinstance(self.item, ReadError):
            return f"{self.item.source}:{self.item.line}" if self.item.line else self.item.source
        if not self.source:
            return "<python>"
        line = line_of(self.source, self.index)
        return f"{self.source}:{line}" if line else self.source


def line_of(source: str, index: int) -> int | None:
    """The line of the ``index``-th article of a JSON Lines file: ghatna.reader yields one item
    per non-blank line, so it is the index-th non-blank line. Only read when a failure is reported."""
    p = Path(source)
    if p.suffix.lower() not in LINE_SUFFIXES or not p.is_file():
        return None
    try:
        text = p.read_bytes().decode("utf-8-sig", errors="replace")
    except OSError:
        return None
    lines = [n for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    return lines[index] if index < len(lines) else None


def files_of(path: Path) -> Iterator[Path]:
    if path.is_dir():
        yield from (c for c in sorted(path.rglob("*")) if c.is_file() and c.suffix.lower() in FOLDER_SUFFIXES)
    else:
        yield path


def _from_path(path: str | Path, published: date | None, lang: str | None) -> Iterator[Input]:
    if str(path) == "-":
        for i, item in enumerate(iter_articles("-", published=published, lang=lang)):
            yield Input(item, "<stdin>", i)
        return
    p = Path(path)
    if not p.exists():
        yield Input(ReadError(str(p), None, "no such file or folder"), str(p))
        return
    for f in files_of(p):
        for i, item in enumerate(iter_articles(f, published=published, lang=lang)):
            yield Input(item, str(f), i)


def iter_inputs(sources: Source | Iterable[Source], *, published: date | None = None,
                lang: str | None = None) -> Iterator[Input]:
    """Inputs from one source or many (a single str/Path is a path, not an iterable)."""
    if isinstance(sources, (str, Path, Article, Document, ReadError)):
        sources = [sources]
    for s in sources:
        if isinstance(s, (str, Path)):
            yield from _from_path(s, published, lang)
        elif isinstance(s, (Article, Document, ReadError)):
            yield Input(s)
        else:
            raise TypeError(f"cannot ingest a {type(s).__name__}: give paths, Articles or Documents")


def count_inputs(sources: Iterable[str | Path]) -> int | None:
    """How many items the paths hold (for a progress bar); None when it cannot be known (stdin)."""
    total = 0
    for s in sources:
        if str(s) == "-":
            return None
        p = Path(s)
        if not p.exists():
            total += 1
            continue
        for f in files_of(p):
            if f.suffix.lower() in LINE_SUFFIXES:
                try:
                    with f.open("rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total
