"""ghatna benchmarks (issue 6): throughput, memory, start-up and ingest on one core, against spaCy,
Aho-Corasick and dateparser baselines over the same texts, in the same run.

    python bench/run.py [--articles 20000] [--quick] [--out bench/RESULTS.md]

A full run writes bench/RESULTS.md (with bench/ANALYSIS.md, the hand-written reading of the
profiles, appended); --quick (2,000 articles) only prints, unless --out is given.
"""

from __future__ import annotations

import argparse
import shlex
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import measure
from baselines import dates_job
from corpus import AIR_HINDI, CORPUS_DIR, LANGS, corpus_missing, load_corpus, pin_to_one_core
from report import Results, hotspot_md, missed, print_summary, write_results

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
T = TypeVar("T")
ENGINES = ("ghatna", "spacy", "aho")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=20_000, help="cycle the corpus to at least this many articles")
    ap.add_argument("--quick", action="store_true", help="a fast check: 2,000 articles, small samples")
    ap.add_argument("--corpus", type=Path, default=CORPUS_DIR, help="folder of the corpus files")
    ap.add_argument("--out", type=Path, help="results file (default: bench/RESULTS.md on a full run)")
    ap.add_argument("--date-sample", type=int, default=1000, help="sentences per language for the date comparison")
    ap.add_argument("--cold-runs", type=int, default=5, help="timed cold starts (the median is reported)")
    ap.add_argument("--no-ingest", action="store_true", help="skip the SQLite ingest row")
    ap.add_argument("--profile", action="store_true", help="profile even when every target is met")
    ap.add_argument("--top", type=int, default=15, help="functions shown per profile")
    ap.add_argument("--seed", type=int, default=6)
    args = ap.parse_args(argv)
    if args.quick:
        args.articles = min(args.articles, 2_000)
        args.date_sample = min(args.date_sample, 200)
        args.cold_runs = min(args.cold_runs, 3)
    if args.out is None and not args.quick:
        args.out = BENCH / "RESULTS.md"
    return args


def step(label: str, r: Results, fn: Callable[..., T], *args: Any) -> T | None:
    """One measurement in a fresh process; a failure is noted and the run goes on."""
    print(f"… {label}", file=sys.stderr, flush=True)
    try:
        return measure.in_child(fn, *args)
    except Exception as exc:
        r.problems.append(f"{label}: {type(exc).__name__}: {exc}")
        print(f"   failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return None


def measure_throughput(r: Results, args: argparse.Namespace) -> None:
    for name in ENGINES:
        res = step(f"throughput: {name}", r, measure.throughput_job, name, args.corpus, args.articles, LANGS)
        if res is not None:
            r.engines[name] = res
    r.stages = step("stage breakdown (one pass)", r, measure.stages_job, args.corpus, LANGS) or {}


def measure_cold(r: Results, args: argparse.Namespace, tmp: Path) -> dict[str, Path]:
    print("… cold start", file=sys.stderr, flush=True)
    corpus = load_corpus(args.corpus, 1)
    firsts = {lang: next(a for s in corpus.sources(lang) for a in corpus.articles[s.name]) for lang in LANGS}
    paths = {lang: measure.write_one_article(a, tmp) for lang, a in firsts.items()}
    r.cold.append(measure.import_seconds("ghatna.cli", args.cold_runs))
    for lang, path in paths.items():
        label = f"ghatna extract one_{lang}.jsonl --lang {lang}"
        r.cold.append(measure.time_command(label, measure.cold_start_cmd(path, lang), args.cold_runs))
    return paths


def profile_missed(r: Results, args: argparse.Namespace, articles: dict[str, Path]) -> None:
    keys = missed(r) | ({"throughput", "cold"} if args.profile else set())
    if "throughput" in keys:
        res = step("profile: AIR Hindi", r, measure.profile_job, args.corpus, AIR_HINDI, args.top)
        if res is not None:
            total, own, cum = res
            r.profiles["Throughput: cProfile of one warm pass over AIR Hindi"] = (
                f"{total:.2f} s profiled (cProfile roughly doubles the run time). Top functions by own time:\n\n"
                f"{hotspot_md(own)}\n\nghatna functions by cumulative time:\n\n{hotspot_md(cum)}")
    if "cold" in keys:
        for lang, path in articles.items():
            print(f"… profile: cold start ({lang})", file=sys.stderr, flush=True)
            rows = measure.profile_cold_start(path, lang, args.top)
            r.profiles[f"Cold start: cProfile of one `ghatna extract --lang {lang}`, cumulative"] = (
                "Loading and compiling, by cumulative time (cProfile inflates Python-heavy parts; the CLI and "
                f"interpreter add the import time in the table above):\n\n{hotspot_md(rows)}")
    if "rss" in keys:
        r.profiles["Peak RSS"] = "See the set-up table: RSS after loading both languages vs the peak of the run."


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    missing = corpus_missing(args.corpus)
    if missing:
        print(f"corpus not found: {missing[0]} (the benchmark reads shared/corpus/ beside the repository; "
              "pass --corpus DIR)", file=sys.stderr)
        return 2
    pin_to_one_core()
    corpus = load_corpus(args.corpus, args.articles)
    r = Results(shlex.join(["python", "bench/run.py", *(argv if argv is not None else sys.argv[1:])]),
                corpus.total(), corpus.passes)
    measure_throughput(r, args)
    if not args.no_ingest:
        r.ingest = step("ingest into SQLite", r, measure.ingest_job, args.corpus, args.articles, LANGS)
    with tempfile.TemporaryDirectory(prefix="ghatna-bench-") as tmp:
        articles = measure_cold(r, args, Path(tmp))
        r.dates = step("dates: ghatna vs dateparser", r, dates_job, args.corpus, args.date_sample, args.seed,
                       LANGS) or []
        profile_missed(r, args, articles)
    print_summary(r)
    if args.out:
        write_results(r, args.out, REPO, BENCH / "ANALYSIS.md")
        print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
