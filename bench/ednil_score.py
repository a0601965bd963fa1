"""How well ghatna finds attacks, bombings, shoot-outs and riots: scored on the FIRE EDNIL Hindi
half in ../shared (bench/ednil.py reads it), with and without ``--unattributed``.

    python bench/ednil_score.py [--tar PATH] [--out bench/EDNIL.md] [--errors N]

What is counted (a "sentence" is the sentence ghatna's evidence span covers):

- **distinct attack events**: EDNIL's attack mentions (SUICIDE_ATTACK, TERRORIST_ATTACK,
  SHOOT_OUT, NORMAL_BOMBING, RIOTS, ARMED_CONFLICTS) joined by their coreference links. One is
  *found* when an ASSAULT or PROTEST event of ghatna has evidence in a sentence holding one of
  its mentions. Recall = found / all.
- **ASSAULT/PROTEST precision**: of ghatna's ASSAULT and PROTEST events (after merging), the
  share with evidence in a sentence holding an EDNIL attack mention. Also per evidence span
  (every sentence a merged event cites), and for ASSAULT alone.
- **articles**: of the articles reporting an attack, the share where ghatna codes one; of the
  articles where ghatna codes an ASSAULT/PROTEST, the share that report an attack.
- **casualties**: of EDNIL casualty arguments of a found attack, the share whose words lie in the
  evidence span ghatna gives for its casualties.

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
    spans: int = 0
    spans_right: int = 0
    articles_gold: int = 0
    articles_found: int = 0
    articles_coded: int = 0
    articles_coded_right: int = 0
    casualty_args: int = 0
    casualty_covered: int = 0
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
            "ASSAULT precision": div(self.assault_right, self.assault),
            "evidence precision": div(self.spans_right, self.spans),
            "article recall": div(self.articles_found, self.articles_gold),
            "article precision": div(self.articles_coded_right, self.articles_coded),
            "casualty coverage": div(self.casualty_covered, self.casualty_args),
        }


def score_article(art: Any, doc: Any, t: Tally) -> None:
    """Add one article's counts to ``t``."""
    clusters = art.attack_clusters()
    gold_starts = sorted(e.start for c in clusters for e in c)
    conflict = [ev for ev in doc.events if ev.type in CONFLICT_TYPES]

    def holds_attack(start: int, end: int) -> bool:
        return any(start <= s < end for s in gold_starts)

    sentences = {(x.start, x.end) for ev in conflict for x in ev.evidence}
    casualty_spans = [(ev.casualties.start, ev.casualties.end) for ev in conflict
                      if getattr(ev, "casualties", None) is not None]
    for c in clusters:
        t.clusters += 1
        t.by_type[c[0].type] += 1
        hit = any(s <= e.start < x for e in c for s, x in sentences)
        if hit:
            t.found += 1
            t.by_type_found[c[0].type] += 1
            ids = {e.id for e in c}
            for arg in art.arguments:
                if arg.role == "CASUALTIES" and ids & set(arg.events):
                    t.casualty_args += 1
                    t.casualty_covered += any(s <= arg.start and arg.end <= x for s, x in casualty_spans)
        else:
            e = c[0]
            line_start = art.text.rfind("\n", 0, e.start) + 1
            line_end = art.text.find("\n", e.end)
            t.missed.append((art.doc_id, art.text[line_start: line_end if line_end >= 0 else None][:300]))
    for ev in conflict:
        right = any(holds_attack(x.start, x.end) for x in ev.evidence)
        t.events += 1
        t.events_right += right
        if ev.type == "ASSAULT":
            t.assault += 1
            t.assault_right += right
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


def report(results: dict[str, tuple[Tally, float]], n_articles: int, errors: int) -> str:
    names = list(next(iter(results.values()))[0].row())
    lines = [
        "# ghatna on FIRE EDNIL (Hindi attacks), the shared half",
        "",
        "Written by `python bench/ednil_score.py` (what each figure counts is in its docstring). "
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
    if errors:
        t, _ = list(results.values())[-1]
        lines += ["", f"## First {errors} misses ({list(results)[-1]})", ""]
        lines += [f"- `{a}`: {s}" for a, s in t.missed[:errors]]
        lines += ["", f"## First {errors} spurious events ({list(results)[-1]})", ""]
        lines += [f"- `{a}` {k}: {s}" for a, k, s in t.spurious[:errors]]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tar", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=BENCH / "EDNIL.md")
    ap.add_argument("--errors", type=int, default=0, help="list this many misses and spurious events")
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
    text = report(results, len(articles), a.errors)
    a.out.write_text(text, encoding="utf-8")
    print(f"written to {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
