"""What an ingest reads: paths (files, folders, "-"), Articles, or already extracted Documents,
each tagged with the file it came from so that a failure can be reported as ``file:line``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ghatna.model import Article, Document
from ghatna.reader import FOLDER_SUFFIXES, LINE_SUFFIXES, ReadError, files_of, iter_located

__all__ = ["FOLDER_SUFFIXES", "LINE_SUFFIXES", "Input", "count_inputs", "files_of", "iter_inputs"]

Item = Article | Document | ReadError
Source = str | Path | Article | Document | ReadError


@dataclass(frozen=True, slots=True)
class Input:
    item: Item
    source: str | None = None  # the file (or "<stdin>") it was read from
    line: int | None = None  # its line in a JSON Lines file

    @property
    def label(self) -> str:
        """Where the item came from: "file:line", "file", or "<python>" for objects passed in."""
        if isinstance(self.item, ReadError):
            return f"{self.item.source}:{self.item.line}" if self.item.line else self.item.source
        if not self.source:
            return "<python>"
        return f"{self.source}:{self.line}" if self.line else self.source


def _from_path(path: str | Path, published: date | None, lang: str | None, dayfirst: bool) -> Iterator[Input]:
    for loc in iter_located(path, published=published, lang=lang, dayfirst=dayfirst):
        yield Input(loc.item, loc.source, loc.line)


def iter_inputs(sources: Source | Iterable[Source], *, published: date | None = None,
                lang: str | None = None, dayfirst: bool = True) -> Iterator[Input]:
    """Inputs from one source or many (a single str/Path is a path, not an iterable)."""
    if isinstance(sources, (str, Path, Article, Document, ReadError)):
        sources = [sources]
    for s in sources:
        if isinstance(s, (str, Path)):
            yield from _from_path(s, published, lang, dayfirst)
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
