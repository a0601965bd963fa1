"""Seconds per megabyte of extraction from 10 KB to 5 MB of text (issue 14): Hindi and English,
with sentence ends and without any (one line of clauses run together), each size in a fresh
process with a time limit. Linear stages keep seconds per MB flat (within 2× from the smallest
size to the largest); the per-stage breakdown shows which stage grows when one does.

    python bench/growth_bench.py [--sizes 10000,40000,100000,400000,1000000,5000000] [--limit 600]

The texts are written by tests/generated.py (news-like sentences from small vocabularies).
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CASES = (("hi", True), ("hi", False), ("en", True), ("en", False))


def _measure(lang: str, ends: bool, size: int, out: multiprocessing.Queue) -> None:
    sys.path.insert(0, str(REPO))
    from datetime import date

    from ghatna.model import Article, Document
    from ghatna.pipeline import Pipeline
    from tests.generated import news_text

    pipe = Pipeline()
    pipe.extract("भारत ने चीन की निंदा की।" if lang == "hi" else "India condemned China.", lang=lang)  # load
    text = news_text(lang, size, sentence_ends=ends)
    doc = Document(Article(text, "bench", None, date(2025, 3, 28), lang))
    doc.lang = lang
    stages = {}
    started = time.perf_counter()
    for name, fn in pipe.stages_for(lang):
        t = time.perf_counter()
        doc = fn(doc)
        doc.done.add(name)
        stages[name] = time.perf_counter() - t
    out.put((time.perf_counter() - started, len(text.encode()), stages, len(doc.events)))


def run(lang: str, ends: bool, size: int, limit: float) -> tuple[float, int, dict, int] | None:
    ctx = multiprocessing.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=_measure, args=(lang, ends, size, q))
    p.start()
    p.join(limit)
    if p.is_alive():
        p.kill()
        p.join()
        return None
    return q.get() if not q.empty() else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,40000,100000,400000,1000000,5000000")
    ap.add_argument("--limit", type=float, default=600, help="seconds one size may take before it is stopped")
    ap.add_argument("--cases", default="hi-ends,hi-no_ends,en-ends,en-no_ends")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    wanted = set(args.cases.split(","))
    print("| text | " + " | ".join(f"{s / 1000:,.0f} KB" for s in sizes) + " | growth |")
    print("|---|" + "---|" * (len(sizes) + 1))
    by_stage: dict[str, tuple[dict, dict, float, float]] = {}
    for lang, ends in CASES:
        label = f"{lang}-{'ends' if ends else 'no_ends'}"
        if label not in wanted:
            continue
        cells, per_mb, slowest, stage_runs = [], [], {}, []
        stopped = False
        for size in sizes:
            if stopped:
                cells.append("—")
                continue
            res = run(lang, ends, size, args.limit)
            if res is None:
                cells.append(f"> {args.limit:.0f} s")
                stopped = True  # a larger size would take longer still
                continue
            seconds, nbytes, stages, events = res
            stage_runs.append((stages, nbytes / 1e6))
            rate = seconds / (nbytes / 1e6)
            per_mb.append(rate)
            top = max(stages, key=stages.get)
            slowest[size] = (top, stages[top])
            cells.append(f"{rate:.1f} s/MB ({seconds:.2f} s)")
            print(f"   {label} {size:,}: {seconds:.2f} s, {events} events, slowest stage {top} "
                  f"{stages[top]:.2f} s", file=sys.stderr, flush=True)
        growth = f"{per_mb[-1] / per_mb[0]:.1f}×" if len(per_mb) > 1 else "—"
        print(f"| {label} | " + " | ".join(cells) + f" | {growth} |", flush=True)
        if len(stage_runs) > 1:
            by_stage[label] = (stage_runs[0][0], stage_runs[-1][0], stage_runs[0][1], stage_runs[-1][1])
    if by_stage:
        names = list(next(iter(by_stage.values()))[0])
        print("\nSeconds per MB of each stage, smallest → largest size measured (growth):\n")
        print("| stage | " + " | ".join(by_stage) + " |")
        print("|---|" + "---|" * len(by_stage))
        for name in names:
            cells = []
            for small, large, mb_small, mb_large in by_stage.values():
                a, b = small[name] / mb_small, large[name] / mb_large
                cells.append(f"{a:.2f} → {b:.2f} ({b / a:.1f}×)" if a > 0 else "—")
            print(f"| {name} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
