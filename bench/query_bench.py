"""Query latency of the event store at 2k, 20k and 200k articles (synthetic stores, built once
and kept in a cache folder): each query as the web API runs it — a page of 50 events with its
total, counted up to 10,000 past the page — median and worst of several runs on a warm store.
The last rows are whole-store aggregates (top actors, a dyad's summary, an actor's partners).

    python bench/query_bench.py [--sizes 2000,20000,200000] [--cache bench/.stores] [--runs 7]

Goal (issue 14): under 50 ms per query at 200k articles.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from synthetic_store import build  # noqa: E402

COUNT_AHEAD = 10_000  # as ghatna.web.api counts a page's total

QUERIES: dict[str, dict[str, Any]] = {
    "actor IND (country)": {"actor": "IND"},
    "actor PAK (country)": {"actor": "PAK"},
    "actor leader-rus-0 (id)": {"actor": "leader-rus-0"},
    "actor 'Leader 2 of CHN' (name)": {"actor": "Leader 2 of CHN"},
    "dyad IND PAK": {"dyad": ("IND", "PAK")},
    "dyad IND RUS, CONSULT": {"dyad": ("IND", "RUS"), "type": "CONSULT"},
    "type SANCTION": {"type": "SANCTION"},
    "since 2024-06 until 2024-06": {"since": "2024-06", "until": "2024-06"},
    "actor IND, 2020": {"actor": "IND", "since": "2020", "until": "2020"},
    "rare actor MAR": {"actor": "MAR"},
}


def timed(fn: Callable[[], Any], runs: int) -> tuple[float, float]:
    fn()  # warm the page cache and the statement cache
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), max(times)


def measure(path: Path, runs: int) -> dict[str, tuple[float, float]]:
    from ghatna import service
    from ghatna.store import Store

    out = {}
    with Store(path, read_only=True) as st:
        for label, f in QUERIES.items():
            def page(f: dict[str, Any] = f) -> None:
                service.count_events(st, cap=50 + COUNT_AHEAD, **f)
                service.query_events(st, **f, limit=50)
            out[label] = timed(page, runs)
        out["top 50 actors"] = timed(lambda: service.actor_counts(st, 50), runs)
        out["dyad summary IND PAK"] = timed(lambda: service.dyad_summary(st, "IND", "PAK"), runs)
        out["actor page IND (partners)"] = timed(lambda: service.actor_detail(st, "IND", partners=60), runs)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="2000,20000,200000")
    ap.add_argument("--cache", type=Path, default=BENCH / ".stores")
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    args.cache.mkdir(parents=True, exist_ok=True)
    results = {}
    for n in sizes:
        path = args.cache / f"synthetic-{n}.db"
        if not path.exists():
            print(f"… building a store of {n:,} articles (once)", file=sys.stderr, flush=True)
            tmp = path.with_suffix(".building")
            for stale in tmp.parent.glob(tmp.name + "*"):
                stale.unlink()
            seconds = build(tmp, n)
            tmp.rename(path)
            print(f"   {seconds:.0f} s", file=sys.stderr)
        results[n] = measure(path, args.runs)
    labels = list(next(iter(results.values())))
    print("| query | " + " | ".join(f"{n:,} articles (median / worst ms)" for n in sizes) + " |")
    print("|---|" + "---|" * len(sizes))
    for label in labels:
        print(f"| {label} | " + " | ".join(f"{results[n][label][0]:.1f} / {results[n][label][1]:.1f}"
                                          for n in sizes) + " |")
    worst = max(results[sizes[-1]][label][0] for label in labels)
    print(f"\nslowest median at {sizes[-1]:,} articles: {worst:.1f} ms (goal: under 50 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
