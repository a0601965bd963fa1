"""Is an event's confidence the probability that it is right? Reliability diagrams and the
expected calibration error (ECE) per language, against the role match of the reference scorer.

    python bench/calibration.py [--gold ../shared/gold] [--out bench/CALIBRATION.md]

For each language the pipeline codes the development set (text the event model was not trained
on) and, for reference, the training set (text it was trained on). Each event counts as right when
the scorer's one-to-one role match pairs it with a gold event (type, who did it, to whom). The ECE
uses 10 equal-width bins; beside it, the ECE a perfectly calibrated model would show with the same
confidences on as few events (median and 90th percentile of 2,000 draws): a measured ECE below
that 90th percentile is no evidence of miscalibration at this sample size. Writes the figures to
--out and one PNG reliability diagram per language beside it. Skips cleanly without ../shared.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
LANGS = {"hi": ("dev_hi", "train_hi"), "en": ("dev_en", "train_en")}
BINS = 10


def outcomes(gold: list[dict[str, Any]], system: list[dict[str, Any]]) -> tuple[list[float], list[int]]:
    """(confidence, right at the role level) of every system event."""
    from ghatna.eval.score import pair_events, roles_agree

    by_id = {a["article_id"]: a for a in gold}
    probs: list[float] = []
    labels: list[int] = []
    for s in system:
        events = s.get("events") or []
        right = {si for _, si, _ in pair_events(by_id[s["article_id"]].get("events") or [], events, roles_agree)}
        for j, e in enumerate(events):
            probs.append(float(e["confidence"]))
            labels.append(int(j in right))
    return probs, labels


def diagram(path: Path, title: str, curves: dict[str, tuple[list[float], list[int]]]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from ghatna.eval.calibration import reliability

    fig, ax = plt.subplots(figsize=(5, 5), dpi=100)
    ax.plot([0, 1], [0, 1], color="#999", linestyle="--", linewidth=1, label="perfect calibration")
    for (name, (probs, labels)), marker in zip(curves.items(), ("o", "s"), strict=False):
        bins = [b for b in reliability(probs, labels, BINS) if b.n]
        ax.plot([b.confidence for b in bins], [b.accuracy for b in bins], marker=marker,
                label=f"{name} ({len(probs)} events)")
        for b in bins:
            ax.annotate(str(b.n), (b.confidence, b.accuracy), textcoords="offset points", xytext=(4, -10), fontsize=7)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_xlabel("confidence (mean in each bin)")
    ax.set_ylabel("share right, sides in place")
    ax.set_title(title)
    ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=REPO.parent / "shared" / "gold")
    ap.add_argument("--out", type=Path, default=BENCH / "CALIBRATION.md")
    a = ap.parse_args(argv)
    if not (a.gold / "dev_hi.jsonl").is_file():
        print(f"gold sets not found under {a.gold}: nothing to measure")
        return 0
    sys.path.insert(0, str(REPO / "src"))
    sys.path.insert(0, str(BENCH))
    from accuracy import extract, load

    from ghatna.eval.calibration import ece, noise_floor

    rows = []
    for lang, (dev, train) in LANGS.items():
        curves = {}
        for name in (dev, train):
            gold = load(a.gold / f"{name}.jsonl")
            probs, labels = outcomes(gold, extract(gold, roles=True, belief=True))
            curves[name] = (probs, labels)
            med, p90 = noise_floor(probs, BINS)
            mean_p = sum(probs) / len(probs) if probs else 0.0
            acc = sum(labels) / len(labels) if labels else 0.0
            brier = sum((p - y) ** 2 for p, y in zip(probs, labels, strict=True)) / len(probs) if probs else 0.0
            rows.append(f"| {name} | {len(probs)} | {mean_p:.3f} | {acc:.3f} | {ece(probs, labels, BINS):.3f} "
                        f"| {med:.3f} / {p90:.3f} | {brier:.3f} | {acc * (1 - acc):.3f} |")
        png = a.out.parent / f"calibration_{lang}.png"
        diagram(png, f"ghatna event confidence, {lang}", curves)
        print(f"wrote {png}")
    text = "\n".join([
        "# Calibration of event confidence",
        "",
        "Written by `python bench/calibration.py`. An event is right when the reference scorer's",
        "one-to-one role match pairs it with a gold event (type, actor side, recipient side).",
        "Development sets: text the event model was not trained on — the measure. Training sets:",
        "text it was trained on, for reference only: the model is calibrated for text it has not seen",
        "(its cross-validated scores, shrunk toward each language's rate), so on its own training",
        "text its scores spread wider than the calibration expects and the ECE there is larger.",
        "ECE over 10 equal-width bins, weighted by count; the noise floor is the ECE of a perfectly",
        "calibrated model with the same confidences on as many events (median / 90th percentile of",
        "2,000 draws). Brier: mean squared error of the confidence; beside it the Brier score of",
        "always answering the set's own share right (what a confidence without resolution gets, if it",
        "knew that share in advance).",
        "",
        "| set | events | mean confidence | share right | ECE | noise floor | Brier | Brier of the share |",
        "|---|---|---|---|---|---|---|---|",
        *rows,
        "",
        "Reliability diagrams: `calibration_hi.png`, `calibration_en.png` (the numbers beside the",
        "points are the events in each bin).",
        "",
    ])
    a.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
