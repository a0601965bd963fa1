"""Ingest benchmark: the AIR January 2020 corpus (542 Hindi + 603 English articles) into a fresh
file store. Prints articles/s, the total time, and how it splits between extraction and the store.

    python bench/ingest_bench.py [--db PATH] [--keep]

Target: under 60 s for the 1,145 articles (including loading the dictionaries).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPORA = ("air_hindi_2020_01.jsonl", "air_english_2020_01.jsonl")


class TimedPipeline:
    """Wraps a pipeline to measure the time spent in extraction alone."""

    def __init__(self, pipeline) -> None:
        self.pipeline = pipeline
        self.seconds = 0.0

    def run(self, article):
        t = time.perf_counter()
        try:
            return self.pipeline.run(article)
        finally:
            self.seconds += time.perf_counter() - t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, help="store to create (default: a temporary file)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary store and print its path")
    args = ap.parse_args(argv)
    paths = [SHARED / "corpus" / name for name in CORPORA]
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"corpus not found: {missing[0]}", file=sys.stderr)
        return 2

    from ghatna.pipeline import Pipeline
    from ghatna.store import Store

    tmp = None
    if args.db is None:
        tmp = tempfile.TemporaryDirectory(prefix="ghatna-bench-")
        args.db = Path(tmp.name) / "events.db"
    if args.db.exists():
        print(f"{args.db} exists; the benchmark needs a fresh store", file=sys.stderr)
        return 2

    started = time.perf_counter()
    pipe = TimedPipeline(Pipeline())
    with Store(args.db) as st:
        report = st.ingest(paths, pipe)
        total = time.perf_counter() - started
        stats = st.stats()
        merged = st.conn.execute("SELECT count(*) FROM events WHERE num_articles > 1").fetchone()[0]
    size = sum(p.stat().st_size for p in args.db.parent.glob(args.db.name + "*"))

    print(f"articles:        {report.processed} ({report.added} stored, {report.failed} failed)")
    print(f"total:           {total:.1f} s   ({report.processed / total:.1f} articles/s, target < 60 s)")
    print(f"  extraction:    {pipe.seconds:.1f} s (incl. loading dictionaries on first use)")
    print(f"  store + read:  {total - pipe.seconds:.1f} s")
    print(f"stored:          {stats['event_reports']} event reports -> {stats['events']} events "
          f"({merged} reported by several articles), {stats['evidence']} evidence spans, {stats['quotes']} quotes")
    print(f"database:        {size / 1e6:.1f} MB")
    if report.failures:
        kinds: dict[str, int] = {}
        for f in report.failures:
            key = f.message.split(": ", 1)[-1][:80]
            kinds[key] = kinds.get(key, 0) + 1
        print("failures:", "; ".join(f"{n} × {k}" for k, n in sorted(kinds.items(), key=lambda kv: -kv[1])[:3]))
    if tmp is not None:
        if args.keep:
            print(f"store kept at {args.db}")
        else:
            tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
