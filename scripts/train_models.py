#!/usr/bin/env python3
"""Train ghatna's small learned models from the training gold in ../shared/gold.

    python scripts/train_models.py roles [--gold ../shared/gold] [--out src/ghatna/models/roles.json]

`roles`: the recipient chooser (events/roles.py). The pipeline runs over the training articles
(train_hi.jsonl, train_en.jsonl) with the role model switched off; for every act it codes whose
trigger overlaps a gold event's trigger of the same type, each recipient candidate is labelled
by whether its country (or, for bodies without one, its name) is among the gold recipients'.
A logistic regression (scikit-learn, liblinear, L2, fixed seed: the same data give the same
file) is fitted and its decision threshold chosen by five-fold cross-validation on the same
articles, to the best share of acts whose recipient choice is right. The model file holds the
weights, the threshold, and a card: data, command, accuracy. Needs `pip install -e '.[train]'`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TRAIN_SETS = ("train_hi.jsonl", "train_en.jsonl")


def articles(gold: Path) -> Iterator[dict[str, Any]]:
    for name in TRAIN_SETS:
        for line in (gold / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield json.loads(line)


def trigger_span(art: dict[str, Any], ev: dict[str, Any]) -> tuple[int, int] | None:
    text, sent, trig = art["text"], ev.get("sentence") or "", ev.get("trigger") or ""
    s = text.find(sent) if sent else -1
    t = text.find(trig, max(s, 0))
    if t < 0:
        t = text.find(trig)
    return (t, t + len(trig)) if t >= 0 and trig else None


def role_examples(gold: Path) -> tuple[list[list[str]], list[int], list[int]]:
    """Features, labels and the act each candidate belongs to (for grouping)."""
    from ghatna.eval.score import actor_key
    from ghatna.model import Article
    from ghatna.pipeline import Pipeline

    pipe = Pipeline()
    feats: list[list[str]] = []
    labels: list[int] = []
    groups: list[int] = []
    acts = 0
    for art in articles(gold):
        lang = art.get("lang")
        captured: list[tuple[Any, Any, list[Any], list[Any]]] = []
        tagger = dict(pipe.stages_for(lang))["events"]
        tagger.roles = None
        tagger.observer = lambda sv, p, cls, cands, evs, out=captured: out.append((p, cls, cands, evs))
        pub = date.fromisoformat(art["published"]) if art.get("published") else None
        doc = pipe.run(Article(art["text"], art["article_id"], art.get("title"), pub, lang))
        tagger.observer = None
        spans = [(g, trigger_span(art, g)) for g in art.get("events") or []]
        for p, cls, cands, _evs in captured:
            if not cands:
                continue
            t0, t1 = doc.tokens[p.t0].start, doc.tokens[p.t1 - 1].end
            g = next((g for g, sp in spans if sp and g["type"] == cls.type and sp[0] < t1 and t0 < sp[1]), None)
            if g is None:
                continue  # an act the gold does not have: nothing to learn about its recipient
            wanted = {actor_key(r) for r in g.get("recipients") or []}
            for c in cands:
                feats.append(c.features)
                labels.append(int(any(actor_key(e.to_dict()) in wanted for e in c.entities)))
                groups.append(acts)
            acts += 1
    return feats, labels, groups


def act_accuracy(probs: list[float], labels: list[int], groups: list[int], threshold: float) -> float:
    """Share of acts whose choice is right: the best candidate above the threshold is a gold
    recipient, or none is above it and the gold names no candidate."""
    best: dict[int, tuple[float, int]] = {}
    any_pos: dict[int, bool] = {}
    for pr, y, g in zip(probs, labels, groups, strict=True):
        if g not in best or pr > best[g][0]:
            best[g] = (pr, y)
        any_pos[g] = any_pos.get(g, False) or bool(y)
    right = sum((b[1] == 1) if b[0] >= threshold else (not any_pos[g]) for g, b in best.items())
    return right / max(1, len(best))


def train_roles(gold: Path, out: Path) -> dict[str, Any]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    feats, labels, groups = role_examples(gold)
    rows = [dict.fromkeys(f, 1) for f in feats]
    vec = DictVectorizer()
    x = vec.fit_transform(rows).tocsr()
    x.indices, x.indptr = x.indices.astype("int32"), x.indptr.astype("int32")  # liblinear wants 32-bit

    def model() -> LogisticRegression:
        return LogisticRegression(C=0.5, solver="liblinear", max_iter=1000, random_state=0)

    probs = [0.0] * len(labels)
    for tr, te in GroupKFold(n_splits=5).split(x, labels, groups):
        m = model().fit(x[tr], [labels[i] for i in tr])
        for i, pr in zip(te, m.predict_proba(x[te])[:, 1], strict=True):
            probs[i] = float(pr)
    grid = [i / 100 for i in range(10, 91, 2)]
    threshold = max(grid, key=lambda t: (act_accuracy(probs, labels, groups, t), -abs(t - 0.5)))
    cv_acc = act_accuracy(probs, labels, groups, threshold)
    final = model().fit(x, labels)
    weights = {name: round(float(w), 6) for name, w in zip(vec.get_feature_names_out(), final.coef_[0], strict=True)
               if abs(w) > 1e-6}
    data_hash = hashlib.sha256("".join((gold / n).read_text(encoding="utf-8") for n in TRAIN_SETS).encode()).hexdigest()
    card = {
        "model": "recipient chooser (events/roles.py)",
        "version": 1,
        "trained_on": [f"../shared/gold/{n}" for n in TRAIN_SETS],
        "training_data_sha256": data_hash,
        "command": "python scripts/train_models.py roles",
        "examples": len(labels),
        "acts": len(set(groups)),
        "cv_act_accuracy": round(cv_acc, 4),
        "learner": "scikit-learn LogisticRegression(C=0.5, liblinear, random_state=0)",
    }
    doc = {**card, "threshold": threshold, "bias": round(float(final.intercept_[0]), 6),
           "weights": dict(sorted(weights.items()))}
    out.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return card


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("model", choices=["roles"])
    ap.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "gold")
    ap.add_argument("--out", type=Path, default=None)
    a = ap.parse_args(argv)
    if not all((a.gold / n).is_file() for n in TRAIN_SETS):
        print(f"training gold not found under {a.gold}", file=sys.stderr)
        return 2
    out = a.out or ROOT / "src" / "ghatna" / "models" / "roles.json"
    card = train_roles(a.gold, out)
    print(json.dumps(card, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
