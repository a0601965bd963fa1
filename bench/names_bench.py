"""The Hindi name tagger (models/names_hi.json): its accuracy on IL-NER test, what it changes in
the events, and what it costs.

    python bench/names_bench.py [--ner ../shared/ner] [--gold ../shared/gold] [--out bench/NAMES.md]
                                [--no-events] [--no-speed]

1. **IL-NER test** (``il_ner/Hindi-test.txt``, CC BY 4.0; never trained or tuned on): exact-span
   precision, recall and F1 per type (PER, ORG, LOC) and overall, over every sentence tokenised
   as the pipeline tokenises text. The tagger reads what the dictionary matched as the actor
   stage does (a dictionary person is PER, a country or place LOC); the first row is the
   dictionary alone, the second the dictionary with the model, decoding whole sentences. Tags as
   in scripts/train_names.py: NEP/NEO/NEL → PER/ORG/LOC, other types outside names, "-NEP" starts
   a name, a bare "-" is outside.
2. **Events**: event, role, strict and quote F1 of the pipeline on the Hindi gold sets with the
   tagger off and on (the scores of ``ghatna eval``).
3. **Speed**: CPU seconds of the whole pipeline over AIR Hindi (``shared/corpus``) with the tagger
   off and on, alternating, best of ``--runs``; and the time spent inside the tagger's step.

Skips cleanly (exit 0, a note) without ../shared.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
SHARED = REPO.parent / "shared"
EVENT_SETS = ("train_hi", "dev_hi", "seed")
TYPES = ("PER", "ORG", "LOC", "all")


def ner_scores(ner: Path) -> list[tuple[str, dict[str, Any]]]:
    sys.path.insert(0, str(REPO / "scripts"))
    import train_names as tn

    from ghatna.actors.learned import NameTagger
    from ghatna.models.sequence import SequenceModel

    reader = tn.Reader()
    model = SequenceModel.load("names_hi")
    test = [reader.example(w, t) for w, t in tn.load_scored(ner, tn.IL_TEST)]
    alone = NameTagger(SequenceModel.build(model.tags, {}, model.plain, model.lexicon, model.shares), reader.gram)
    return [("dictionary alone", tn.evaluate(alone, test)),
            ("dictionary + name tagger", tn.evaluate(NameTagger(model, reader.gram), test))]


def pipeline(tagger_on: bool) -> Any:
    from ghatna.pipeline import Pipeline

    pipe = Pipeline()
    if not tagger_on:
        dict(pipe.stages_for("hi"))["actors"].learned = None
    return pipe


def event_scores(gold_dir: Path) -> list[tuple[str, str, dict[str, Any]]]:
    from ghatna.eval.score import score
    from ghatna.model import Article

    rows = []
    for name in EVENT_SETS:
        gold = [json.loads(line) for line in (gold_dir / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
                if line.strip()]
        for label, on in (("off", False), ("on", True)):
            pipe = pipeline(on)
            system = []
            for a in gold:
                pub = date.fromisoformat(a["published"]) if a.get("published") else None
                art = Article(a["text"], a["article_id"], a.get("title"), pub, a.get("lang"))
                system.append(pipe.run(art).to_dict())
            rows.append((name, label, score(gold, system)[0]["all"]))
    return rows


def speed(corpus: Path, runs: int) -> dict[str, float]:
    from ghatna.model import Article

    arts = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = [(a["text"], a.get("id"), a.get("title")) for a in arts]
    pipe = pipeline(True)
    stage = dict(pipe.stages_for("hi"))["actors"]
    tagger = stage.learned
    inner = stage._learned_names
    spent = [0.0]

    def timed(*args: Any) -> Any:
        t = time.process_time()
        try:
            return inner(*args)
        finally:
            spent[0] += time.process_time() - t

    stage._learned_names = timed

    def one_pass() -> float:
        t = time.process_time()
        for text, ident, title in docs:
            pipe.run(Article(text, ident, title, None, "hi"))
        return time.process_time() - t

    one_pass()  # warm: dictionaries, caches
    best: dict[str, float] = {"off": float("inf"), "on": float("inf"), "inside": float("inf")}
    for _ in range(runs):
        for label, t in (("off", None), ("on", tagger)):
            stage.learned = t
            spent[0] = 0.0
            took = one_pass()
            if took < best[label]:
                best[label] = took
                if label == "on":
                    best["inside"] = spent[0]
    stage.learned = tagger
    n = len(docs)
    return {"articles": n, "off_per_s": n / best["off"], "on_per_s": n / best["on"],
            "inside_ms": 1000 * best["inside"] / n, "inside_share": best["inside"] / best["on"],
            "cost": best["on"] / best["off"] - 1}


def commit() -> str:
    """The commit the measurement ran at, or what --at says (an export has no .git)."""
    import subprocess

    try:
        out = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                             timeout=10, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, timeout=10, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "an unknown commit"
    return out + (" with local changes" if dirty else "")


def report(ner: list[tuple[str, dict[str, Any]]], events: list[tuple[str, str, dict[str, Any]]] | None,
           sp: dict[str, float] | None, card: dict[str, Any], took: float, at: str) -> str:
    lines = [
        "# The Hindi name tagger",
        "",
        f"Generated by `python bench/names_bench.py` at {at} on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} "
        f"({took:.0f} s). Model: `src/ghatna/models/names_hi.json` ({card.get('features')} features, "
        f"{card.get('plain_words')} plain words), trained by `{card.get('command')}`; its card: "
        "`src/ghatna/models/names_hi.md`.",
        "",
        "## IL-NER test (CC BY 4.0; held out: never trained or tuned on)",
        "",
        "Exact-span match, every sentence of `il_ner/Hindi-test.txt`, tokenised as the pipeline does. "
        "The model decodes whole sentences here; in the pipeline it reads only the words before the "
        f"case markers its card trusts ({', '.join(card.get('accepted_before') or [])}).",
        "",
        "| reader | " + " | ".join(f"{t} P | {t} R | {t} F1" for t in TYPES) + " |",
        "|---|" + "---|---|---|" * len(TYPES),
    ]
    for label, r in ner:
        cells = " | ".join(f"{r[t]['precision']:.3f} | {r[t]['recall']:.3f} | **{r[t]['f1']:.3f}**"
                           if t in r else "– | – | –" for t in TYPES)
        lines.append(f"| {label} | {cells} |")
    gold = ner[-1][1]
    lines += ["", "Gold names: " + ", ".join(f"{t} {gold[t]['gold']}" for t in TYPES if t in gold) + "."]
    if events is not None:
        lines += [
            "",
            "## Events with the tagger off and on",
            "",
            "Scores of `ghatna eval` (equal to `../shared/tools/score_events.py`) on the Hindi gold sets. "
            "A name the tagger finds becomes a person or organisation actor only right before "
            f"{', '.join(card.get('accepted_before') or [])}.",
            "",
            "| set | tagger | gold | system | event F1 | role F1 | strict F1 | quote F1 |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for name, label, r in events:
            lines.append(f"| {name} | {label} | {r['gold_events']} | {r['system_events']} | {r['event_f1']:.3f} "
                         f"| {r['role_f1']:.3f} | {r['strict_f1']:.3f} | {r['quote_f1']:.3f} |")
    if sp is not None:
        lines += [
            "",
            "## Speed (AIR Hindi, one process, CPU time, best of the runs)",
            "",
            f"{int(sp['articles'])} articles: {sp['off_per_s']:.0f} articles/s with the tagger off, "
            f"{sp['on_per_s']:.0f} with it on ({100 * sp['cost']:+.1f} %: the difference of two noisy "
            f"measurements); {sp['inside_ms']:.3f} ms per article inside the tagger's step, "
            f"{100 * sp['inside_share']:.1f} % of the pipeline's time.",
        ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ner", type=Path, default=SHARED / "ner")
    ap.add_argument("--gold", type=Path, default=SHARED / "gold")
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "air_hindi_2020_01.jsonl")
    ap.add_argument("--out", type=Path, default=BENCH / "NAMES.md")
    ap.add_argument("--runs", type=int, default=5, help="timed passes per setting (the best is kept)")
    ap.add_argument("--no-events", action="store_true")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--at", help="what code is measured (default: the git commit of this folder)")
    a = ap.parse_args(argv)
    if not (a.ner / "il_ner" / "Hindi-test.txt").is_file():
        print(f"IL-NER test not found under {a.ner}: nothing to measure")
        return 0
    sys.path.insert(0, str(REPO / "src"))
    from ghatna.models.sequence import SequenceModel

    started = time.time()
    step: Callable[[str], None] = lambda s: print(f"… {s}", file=sys.stderr, flush=True)  # noqa: E731
    step("IL-NER test")
    ner = ner_scores(a.ner)
    events = None
    if not a.no_events and (a.gold / "dev_hi.jsonl").is_file():
        step("events")
        events = event_scores(a.gold)
    sp = None
    if not a.no_speed and a.corpus.is_file():
        step("speed")
        sp = speed(a.corpus, a.runs)
    text = report(ner, events, sp, SequenceModel.load("names_hi").card, time.time() - started, a.at or commit())
    a.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
