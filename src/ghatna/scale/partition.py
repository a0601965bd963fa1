"""Cut the input into partitions that workers read on their own, and read one partition back.

A JSON Lines file is split by line ranges (a partition knows its byte range and first line, so a
worker reads only its slice and reports failures as ``file:line``). Other files (``.txt``: one
article each) are grouped, ``partition_size`` files to a partition. Folders are read recursively
and globs expanded, in the order a serial ``ghatna ingest`` reads them, so that partitions in
index order yield exactly the articles (and ReadErrors) of a serial run, in the same order.

A JSON Lines file that ``ghatna.reader`` treats as a whole — binary (NUL bytes), not valid
UTF-8, or holding line separators other than ``\\n`` that ``str.splitlines`` also splits at —
becomes one whole-file partition, read by ``ghatna.reader`` itself, so its errors are exactly
the serial run's.
"""

from __future__ import annotations

import glob
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from ghatna.model import Article
from ghatna.reader import ReadError, iter_located, record_from_line
from ghatna.store.inputs import LINE_SUFFIXES, Input, files_of

DEFAULT_PARTITION_SIZE = 500  # articles (lines, or files) per partition
GLOB_CHARS = re.compile(r"[*?\[]")
# what str.splitlines splits at besides "\n" and "\r\n" (as UTF-8 bytes): such files are read whole
ODD_BREAKS = re.compile(rb"\r(?!\n)|[\x0b\x0c\x1c-\x1e]|\xc2\x85|\xe2\x80[\xa8\xa9]")
MISSING = "no such file or folder"


@dataclass(frozen=True, slots=True)
class Partition:
    """A slice of the input: lines [first_line, ...) at bytes [start, stop) of ``source``, or
    whole ``files``. ``size`` is the number of articles it should hold (non-blank lines, files)."""

    index: int
    source: str | None = None
    start: int = 0
    stop: int = 0
    first_line: int = 1
    last_line: int = 0
    files: tuple[str, ...] = ()
    size: int = 0

    @property
    def label(self) -> str:
        if self.source is not None:
            return f"{self.source}:{self.first_line}-{self.last_line}"
        if len(self.files) == 1:
            return self.files[0]
        return f"{self.files[0]} … {self.files[-1]} ({len(self.files)} files)"


def expand(paths: Iterable[str | Path]) -> list[str]:
    """Files in serial reading order: folders recursively (as ``ghatna.reader``), globs sorted.
    A missing path (or a glob matching nothing) is kept, to be reported as a ReadError."""
    out: list[str] = []
    for raw in paths:
        s = str(raw)
        if s == "-":
            raise ValueError("standard input cannot be partitioned: write it to a .jsonl file first")
        matches = [s] if Path(s).exists() or not GLOB_CHARS.search(s) else sorted(glob.glob(s, recursive=True))
        for m in matches or [s]:
            p = Path(m)
            out.extend(str(f) for f in files_of(p)) if p.exists() else out.append(m)
    return out


def plan_file(path: str, partition_size: int = DEFAULT_PARTITION_SIZE) -> list[Partition]:
    """Partitions of one JSON Lines file (index -1: ``plan`` numbers them). Reads the file once."""
    whole = [Partition(-1, files=(path,), size=1)]
    parts: list[Partition] = []
    try:
        with open(path, "rb") as fh:
            if b"\x00" in fh.read(8192):
                return whole
            fh.seek(0)
            offset, line_no, n = 0, 0, 0
            start, first = 0, 1
            for raw in fh:
                line_no += 1
                if ODD_BREAKS.search(raw):
                    return whole
                raw.decode("utf-8")
                if raw.strip():
                    if n == 0:
                        start, first = offset, line_no
                    n += 1
                    if n == partition_size:
                        parts.append(Partition(-1, path, start, offset + len(raw), first, line_no, size=n))
                        n = 0
                offset += len(raw)
            if n:
                parts.append(Partition(-1, path, start, offset, first, line_no, size=n))
    except (OSError, UnicodeDecodeError):
        return whole  # the reader reports it, with the serial run's message
    return parts


def plan(paths: Iterable[str | Path], partition_size: int = DEFAULT_PARTITION_SIZE,
         planned: Mapping[str, list[Partition]] | None = None) -> list[Partition]:
    """The numbered partitions of ``paths``. ``planned`` may hold ``plan_file`` results for JSON
    Lines files (computed elsewhere, e.g. on the workers); the others are computed here."""
    out: list[Partition] = []
    group: list[str] = []

    def flush() -> None:
        if group:
            out.append(Partition(len(out), files=tuple(group), size=len(group)))
            group.clear()

    for f in expand(paths):
        if is_line_file(f):
            flush()
            pieces = planned[f] if planned is not None and f in planned else plan_file(f, partition_size)
            base = len(out)
            out.extend([replace(p, index=base + i) for i, p in enumerate(pieces)])
        else:
            group.append(f)
            if len(group) >= partition_size:
                flush()
    flush()
    return out


def is_line_file(path: str) -> bool:
    p = Path(path)
    return p.suffix.lower() in LINE_SUFFIXES and p.is_file()


def read_partition(part: Partition, *, published: date | None = None,
                   lang: str | None = None, dayfirst: bool = True) -> Iterator[tuple[Article | ReadError, str]]:
    """The partition's articles and ReadErrors, each with where it came from ("file:line"). A bad
    line (invalid UTF-8, NUL, too deep) is one ReadError; the lines around it are read."""
    if part.source is None:
        for f in part.files:
            if not Path(f).exists():
                err = ReadError(f, None, MISSING)
                yield err, str(err.source)
                continue
            for loc in iter_located(f, published=published, lang=lang, dayfirst=dayfirst):
                yield loc.item, Input(loc.item, loc.source, loc.line).label
        return
    with open(part.source, "rb") as fh:
        fh.seek(part.start)
        data = fh.read(part.stop - part.start)
    lines = data.split(b"\n")
    if lines and not lines[-1]:
        lines.pop()
    for n, line in enumerate(lines, part.first_line):
        if part.start == 0 and n == part.first_line:
            line = line.removeprefix(b"\xef\xbb\xbf")
        item = record_from_line(line, part.source, n, published, lang, dayfirst=dayfirst)
        if item is not None:
            yield item, f"{part.source}:{n}"
