"""Scale-out benchmark: extraction to Parquet on a local Dask cluster of 1 and of 2 worker processes.

The corpus is the All India Radio January 2020 articles (Hindi and English, from ../shared) or,
without them, the synthetic test corpus, cycled to --articles articles (each copy gets its own id).
Cluster start-up and loading the dictionaries on the workers are timed apart from extraction.

    python bench/scale_bench.py [--articles 4000] [--partition-size 100] [--workers 1 2] [--repeat 3]

Target on the 2-core development machine: 2 workers at least 1.7 times as fast as 1.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPORA = ("air_hindi_2020_01.jsonl", "air_english_2020_01.jsonl")


def source_records() -> tuple[list[dict], str]:
    paths = [SHARED / "corpus" / name for name in CORPORA]
    if all(p.exists() for p in paths):
        recs = [json.loads(line) for p in paths for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
        return recs, "AIR January 2020 (Hindi + English)"
    sys.path.insert(0, str(ROOT))
    from tests.scale.synthetic import records

    return records(1000), "synthetic (tests/scale/synthetic.py)"


def write_corpus(folder: Path, n: int) -> tuple[Path, str]:
    """``n`` articles cycled from the source, interleaving Hindi and English like a news feed."""
    recs, name = source_records()
    hi = [r for r in recs if r.get("lang") == "hi"] or recs
    en = [r for r in recs if r.get("lang") != "hi"] or recs
    mixed = [r for pair in itertools.zip_longest(hi, en) for r in pair if r is not None]
    path = folder / "cycled.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for k, rec in enumerate(itertools.islice(itertools.cycle(mixed), n)):
            fh.write(json.dumps({**rec, "id": f"{rec.get('id', 'a')}~{k // len(mixed)}"}, ensure_ascii=False) + "\n")
    return path, name


def in_process(path: Path) -> float:
    """Seconds for the pipeline alone over the corpus in this process (dictionaries loaded first)."""
    from ghatna.pipeline import Pipeline
    from ghatna.reader import ReadError, iter_articles
    from ghatna.scale.worker import WARM_UP

    pipe = Pipeline()
    for text, lang in WARM_UP:
        pipe.extract(text, lang=lang)
    articles = [a for a in iter_articles(path) if not isinstance(a, ReadError)]
    started = time.perf_counter()
    for a in articles:
        pipe.run(a)
    return time.perf_counter() - started


def clusters(sizes: list[int]) -> tuple[contextlib.ExitStack, dict[int, Any], dict[int, float]]:
    """A started local cluster (and client) per size, every worker with its dictionaries loaded."""
    from distributed import Client, LocalCluster

    from ghatna.scale.cluster import register
    from ghatna.scale.worker import PipelinePlugin

    stack = contextlib.ExitStack()
    clients, startup = {}, {}
    for n in sizes:
        started = time.perf_counter()
        lc = stack.enter_context(LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                              dashboard_address=":0"))
        clients[n] = stack.enter_context(Client(lc))
        register(clients[n], PipelinePlugin())  # every worker builds its pipeline now
        startup[n] = time.perf_counter() - started
    return stack, clients, startup


def run_once(client: Any, path: Path, out: Path, partition_size: int) -> dict:
    from ghatna.scale import extract_corpus

    before, here = client.run(time.process_time), time.process_time()
    report = extract_corpus([path], out, client=client, partition_size=partition_size)
    after, here = client.run(time.process_time), time.process_time() - here
    n = len(after)
    return {"seconds": report.seconds, "articles": report.counts()["articles"], "events": report.events,
            "partitions": len(report.partitions), "failed": len(report.failed),
            "busy": sum(r.seconds for r in report.results) / (report.seconds * n),
            "cpu": sum(after[w] - before[w] for w in after) / (report.seconds * n),
            "driver": here / report.seconds}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=4000)
    ap.add_argument("--partition-size", type=int, default=100)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--repeat", type=int, default=3, help="runs per cluster size (alternating); the fastest counts")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ghatna-scale-bench-") as tmp:
        path, name = write_corpus(Path(tmp), args.articles)
        print(f"corpus:     {args.articles} articles cycled from {name}; {os.cpu_count()} cores; "
              f"partitions of {args.partition_size}; load average {os.getloadavg()[0]:.2f} before the run")
        alone = in_process(path)
        print(f"in-process: {alone:.2f} s ({args.articles / alone:.0f} articles/s): the pipeline alone, no Dask, "
              "no Parquet")
        stack, clients, startup = clusters(args.workers)
        runs: dict[int, list[dict]] = {n: [] for n in args.workers}
        with stack:
            for _ in range(args.repeat):  # alternate the sizes, so that both see the same machine
                for n in args.workers:
                    runs[n].append(run_once(clients[n], path, Path(tmp) / f"out{n}", args.partition_size))
    best = {n: min(rs, key=lambda r: r["seconds"]) for n, rs in runs.items()}
    base = best[args.workers[0]]["seconds"]
    base_median = statistics.median(r["seconds"] for r in runs[args.workers[0]])
    for n in args.workers:
        r = best[n]
        median = statistics.median(x["seconds"] for x in runs[n])
        times = ", ".join(f"{x['seconds']:.2f}" for x in runs[n])
        print(f"{n} worker(s): {r['seconds']:.2f} s ({r['articles'] / r['seconds']:.0f} articles/s), "
              f"speed-up {base / r['seconds']:.2f}x (medians {median:.2f} s, {base_median / median:.2f}x; "
              f"{alone / r['seconds']:.2f}x the pipeline alone); "
              f"workers in tasks {r['busy']:.0%} of the time, on a core {r['cpu']:.0%}; scheduler and client "
              f"{r['driver']:.0%} of a core; {r['partitions']} "
              f"partitions, {r['events']} event reports, {r['failed']} failed; runs "
              f"{times} s; "
              f"start-up {startup[n]:.1f} s (workers and dictionaries)")
    print(f"load average {os.getloadavg()[0]:.2f} after the run (other processes on the machine slow both sizes, "
          "the 2-worker run most)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
