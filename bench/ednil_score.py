"""How well ghatna finds attacks, bombings, shoot-outs and riots: scored on the FIRE EDNIL Hindi
half in ../shared (bench/ednil.py reads it), with and without ``--unattributed``.

    python bench/ednil_score.py [--tar PATH] [--out bench/EDNIL.md] [--errors N] [--only off|on]

What is counted (a "sentence" is the sentence ghatna's evidence span covers):

- **distinct attack events**: EDNIL's attack mentions (SUICIDE_ATTACK, TERRORIST_ATTACK,
  SHOOT_OUT, NORMAL_BOMBING, RIOTS, ARMED_CONFLICTS) joined by their coreference links. One is
  *found* when an ASSAULT or PROTEST event of ghatna has evidence in a sentence holding one of
  its mentions. Recall = found / all.
- **ASSAULT/PROTEST precision**: of ghatna's ASSAULT and PROTEST events (after merging), the
  share with evidence in a sentence holding an EDNIL attack mention (EDNIL marks no peaceful
  protest, so every demonstration, strike or boycott counts as wrong here). Also for ASSAULT and
  riots only, for ASSAULT alone, and per evidence span (every sentence a merged event cites).
- **articles**: of the articles reporting an attack, the share where ghatna codes one; of the
  articles where ghatna codes an ASSAULT/PROTEST, the share that report an attack.
- **one event per attack**: of ghatna's ASSAULT/PROTEST events with evidence on EDNIL attacks,
  the share whose evidence hits only one distinct attack ("pure"); of the found attacks, the share
  that one event of ghatna holds all its mentions found ("whole").
- **casualties**: of the found attacks for which EDNIL marks a casualty argument, the share where
  an ASSAULT/PROTEST event of ghatna with evidence on the attack gives casualties ("given"), and
  the share where the words it gives as their evidence overlap one of those arguments ("right").

Skips cleanly (exit 0, a note) when ../shared is absent. Runs on the 415 annotated articles of
the shared half; the other half, kept apart, decides issue 13.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
CONFLICT_TYPES = frozenset({"ASSAULT", "PROTEST"})


@dataclass(slots=True)
class Tally:
    clusters: int = 0
    found: int = 0
    events: int = 0
    events_right: int = 0
    assault: int = 0
    assault_right: int = 0
    violent: int = 0  # ASSAULT and PROTEST/riot (not demonstrations, strikes, boycotts)
    violent_right: int = 0
    spans: int = 0
    spans_right: int = 0
    articles_gold: int = 0
    articles_found: int = 0
    articles_coded: int = 0
    articles_coded_right: int = 0
    hitting: int = 0  # events with evidence on an EDNIL attack
    pure: int = 0  # … on one attack only
    whole: int = 0  # found attacks that one event holds
    casualty_events: int = 0  # found attacks with an EDNIL casualty argument
    casualty_given: int = 0
    casualty_right: int = 0
    by_type: Counter[str] = field(default_factory=Counter)  # EDNIL type → clusters
    by_type_found: Counter[str] = field(default_factory=Counter)
    missed: list[tuple[str, str]] = field(default_factory=list)  # (article, sentence)
    spurious: list[tuple[str, str, str]] = field(default_factory=list)  # (article, type/mode, sentence)

    def row(self) -> dict[str, float]:
        def div(a: int, b: int) -> float:
            return round(a / b, 3) if b else 0.0

        return {
            "attack recall": div(self.found, self.clusters),
            "ASSAULT/PROTEST precision": div(self.events_right, self.events),
            "ASSAULT/riot precision": div(self.violent_right, self.violent),
            "ASSAULT precision": div(self.assault_right, self.assault),
            "evidence precision": div(self.spans_right, self.spans),
            "article recall": div(self.articles_found, self.articles_gold),
            "article precision": div(self.articles_coded_right, self.articles_coded),
            "one attack per event": div(self.pure, self.hitting),
            "one event per attack": div(self.whole, self.found),
            "casualties given": div(self.casualty_given, self.casualty_events),
            "casualties right": div(self.casualty_right, self.casualty_events),
        }


def score_article(art: Any, doc: Any, t: Tally) -> None:
    """Add one article's counts to ``t``."""
    clusters = art.attack_clusters()
    gold_starts = sorted(e.start for c in clusters for e in c)
    conflict = [ev for ev in doc.events if ev.type in CONFLICT_TYPES]

    def holds_attack(start: int, end: int) -> bool:
        return any(start <= s < end for s in gold_starts)

    sentences = {(x.start, x.end) for ev in conflict for x in ev.evidence}
    for c in clusters:
        t.clusters += 1
        t.by_type[c[0].type] += 1
        hit = any(s <= e.start < x for e in c for s, x in sentences)
        if hit:
            holders = [ev for ev in conflict if any(x.start <= e.start < x.end for x in ev.evidence for e in c)]
            t.whole += len(holders) == 1
            t.found += 1
            t.by_type_found[c[0].type] += 1
            ids = {e.id for e in c}
            args = [a for a in art.arguments if a.role == "CASUALTIES" and ids & set(a.events)]
            if args:
                on_it = [ev.casualties for ev in conflict if ev.casualties is not None
                         and any(x.start <= e.start < x.end for x in ev.evidence for e in c)]
                t.casualty_events += 1
                t.casualty_given += bool(on_it)
                t.casualty_right += any(k.start < a.end and a.start < k.end for k in on_it for a in args)
        else:
            e = c[0]
            before = art.text[max(0, e.start - 100): e.start].rpartition("\n")[2]
            after = art.text[e.end: e.end + 60].partition("\n")[0]
            t.missed.append((art.doc_id, f"{e.type}: {before}⟦{e.text}⟧{after}"))
    cluster_of = {e.start: i for i, c in enumerate(clusters) for e in c}
    for ev in conflict:
        hits = {i for x in ev.evidence for s0, i in cluster_of.items() if x.start <= s0 < x.end}
        if hits:
            t.hitting += 1
            t.pure += len(hits) == 1
        right = any(holds_attack(x.start, x.end) for x in ev.evidence)
        t.events += 1
        t.events_right += right
        if ev.type == "ASSAULT":
            t.assault += 1
            t.assault_right += right
        if ev.type == "ASSAULT" or ev.mode == "riot":
            t.violent += 1
            t.violent_right += right
        for x in ev.evidence:
            t.spans += 1
            t.spans_right += holds_attack(x.start, x.end)
        if not right:
            flag = " unattributed" if "unattributed_actor" in ev.flags else ""
            t.spurious.append((art.doc_id, f"{ev.type}/{ev.mode} {ev.pattern}{flag} «{ev.trigger}»",
                               ev.evidence[0].text[:300]))
    if clusters:
        t.articles_gold += 1
        t.articles_found += any(sentences and any(s <= e.start < x for e in c for s, x in sentences)
                                for c in clusters)
    if conflict:
        t.articles_coded += 1
        t.articles_coded_right += bool(clusters)


def run(articles: list[Any], unattributed: bool) -> tuple[Tally, float]:
    from ghatna.model import Article
    from ghatna.pipeline import Pipeline

    try:
        pipe = Pipeline(unattributed=unattributed)  # type: ignore[call-arg]
    except TypeError:  # a ghatna without the option
        if unattributed:
            raise
        pipe = Pipeline()
    t = Tally()
    t0 = time.perf_counter()
    for art in articles:
        doc = pipe.run(Article(art.text, art.doc_id, None, art.published, "hi"))
        score_article(art, doc, t)
    return t, time.perf_counter() - t0


def _source() -> str:
    """The commit measured (and whether the tree had changes), when this is a git checkout."""
    import subprocess

    try:
        rev = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return f"{rev}{' with uncommitted changes' if dirty else ''}" if rev else "unknown"


def report(results: dict[str, tuple[Tally, float]], n_articles: int) -> str:
    names = list(next(iter(results.values()))[0].row())
    lines = [
        "# ghatna on FIRE EDNIL (Hindi attacks), the shared half",
        "",
        f"Written by `python bench/ednil_score.py` at ghatna {_source()} (what each figure counts is in "
        "its docstring). "
        f"{n_articles} annotated articles; "
        f"{next(iter(results.values()))[0].clusters} distinct attack events (coreference clusters of "
        "EDNIL's attack mentions); a \"sentence\" is the sentence of ghatna's evidence.",
        "",
        "| run | " + " | ".join(names) + " | seconds |",
        "|---|" + "---|" * (len(names) + 1),
    ]
    for run_name, (t, secs) in results.items():
        lines.append(f"| {run_name} | " + " | ".join(f"{v:.3f}" for v in t.row().values()) + f" | {secs:.1f} |")
    lines += ["", "Recall by EDNIL type (found / distinct events):", "",
              "| type | " + " | ".join(results) + " |", "|---|" + "---|" * len(results)]
    first = next(iter(results.values()))[0]
    for typ, n in first.by_type.most_common():
        lines.append(f"| {typ} | " + " | ".join(f"{t.by_type_found[typ]}/{n}" for t, _ in results.values()) + " |")
    return "\n".join(lines) + "\n"


def print_errors(name: str, t: Tally, n: int) -> None:
    """Misses and spurious events with their sentences: on the terminal only (the EDNIL texts are
    not copied into the project)."""
    print(f"-- first {n} misses ({name})")
    for a, s in t.missed[:n]:
        print(f"  {a}: {s}")
    print(f"-- first {n} spurious events ({name})")
    for a, k, s in t.spurious[:n]:
        print(f"  {a} {k}: {s}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tar", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=BENCH / "EDNIL.md")
    ap.add_argument("--errors", type=int, default=0,
                    help="print this many misses and spurious events of the last run (not written to --out)")
    ap.add_argument("--only", choices=("off", "on"), default=None, help="one run only")
    a = ap.parse_args(argv)
    sys.path.insert(0, str(REPO / "src"))
    sys.path.insert(0, str(BENCH))
    from ednil import DEFAULT_TAR, read_articles

    tar = a.tar or DEFAULT_TAR
    if not tar.is_file():
        print(f"{tar} not found: nothing to measure")
        return 0
    articles = list(read_articles(tar))
    results = {}
    for name, flag in (("default", False), ("--unattributed", True)):
        if a.only and (a.only == "on") != flag:
            continue
        results[name] = run(articles, flag)
        t, secs = results[name]
        print(name, t.row(), f"{secs:.1f}s")
    if a.errors:
        name = list(results)[-1]
        print_errors(name, results[name][0], a.errors)
    text = report(results, len(articles))
    a.out.write_text(text, encoding="utf-8")
    print(f"written to {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
