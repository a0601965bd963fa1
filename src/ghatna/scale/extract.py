"""Extract one partition into Parquet: what a worker runs (and a serial run, partition by partition).

Failures of single articles (unreadable lines, extraction errors, bad offsets) become rows of the
``errors`` table, with the same ``where`` and message as a serial ``ghatna ingest`` reports; the
partition goes on. Anything else (the partition's file vanished, the output is not writable)
raises, and Dask retries the partition.
"""

from __future__ import annotations

import os
import socket
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ghatna.reader import ReadError
from ghatna.scale.parquet import write_tables
from ghatna.scale.partition import Partition, read_partition
from ghatna.scale.schema import add_document, empty_rows
from ghatna.store.ingest import check_offsets

if TYPE_CHECKING:
    from ghatna.pipeline import Pipeline


@dataclass(slots=True)
class PartitionResult:
    """What a partition produced (the rows themselves are in its Parquet files)."""

    index: int
    label: str
    articles: int = 0
    events: int = 0
    participants: int = 0
    evidence: int = 0
    quotes: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (where, message)
    seconds: float = 0.0
    process: str = ""  # host:pid of the process that ran it
    pipeline_id: int = 0  # id() of the pipeline it used: one per worker process

    @property
    def inputs(self) -> int:
        return self.articles + len(self.errors)


def run_partition(part: Partition, out_dir: str | Path, pipeline: Pipeline, *, published: date | None = None,
                  lang: str | None = None) -> PartitionResult:
    started = time.perf_counter()
    rows = empty_rows()
    result = PartitionResult(part.index, part.label, process=f"{socket.gethostname()}:{os.getpid()}",
                             pipeline_id=id(pipeline))
    for pos, (item, where) in enumerate(read_partition(part, published=published, lang=lang)):
        if isinstance(item, ReadError):
            _error(rows, result, part.index, where, item.source, item.line, None, "read", item.message)
            continue
        try:
            doc = pipeline.run(item)
            check_offsets(doc)
        except (KeyboardInterrupt, SystemExit):
            raise
        except Exception as exc:  # one bad article must not stop a corpus run
            message = f"article {item.article_id}: {type(exc).__name__}: {exc}"
            _error(rows, result, part.index, where, _source(where), _line(where), item.article_id, "extract", message)
            continue
        add_document(rows, doc, doc_id(part.index, pos), where, part.index)
    write_tables(rows, out_dir, part.index)
    result.articles = len(rows["articles"])
    result.events = len(rows["events"])
    result.participants = len(rows["participants"])
    result.evidence = len(rows["evidence"])
    result.quotes = len(rows["quotes"])
    result.seconds = time.perf_counter() - started
    return result


def doc_id(part: int, position: int) -> str:
    """Unique per input item; sorts in input order (as text too: fixed widths)."""
    return f"{part:08d}-{position:08d}"


def _error(rows: dict, result: PartitionResult, part: int, where: str, source: str | None, line: int | None,
           article_id: str | None, kind: str, message: str) -> None:
    rows["errors"].append({"part": part, "where": where, "source": source, "line": line, "article_id": article_id,
                           "kind": kind, "message": message})
    result.errors.append((where, message))


def _source(where: str) -> str:
    head, _, tail = where.rpartition(":")
    return head if head and tail.isdigit() else where


def _line(where: str) -> int | None:
    _, _, tail = where.rpartition(":")
    return int(tail) if tail.isdigit() else None
