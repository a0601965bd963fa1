#!/usr/bin/env python3
"""Train ghatna's small learned models from the training gold in ../shared/gold.

    python scripts/train_models.py roles    # the recipient chooser → src/ghatna/models/roles.json
    python scripts/train_models.py events   # the event model       → src/ghatna/models/events.json
    python scripts/train_models.py all      # both, roles first (the event model sees its choices)

The pipeline runs over the training articles (train_hi.jsonl, train_en.jsonl) and records what
the event tagger knew of every act it coded (events/tagger.py: observer).

`roles` (events/roles.py): the role model switched off, for every act whose trigger overlaps a
gold event's trigger of the same type, each recipient candidate is labelled by whether its
country (or, for bodies without one, its name) is among the gold recipients'. Its threshold is
the one with the best utility in five-fold cross-validation: a right recipient gains a role
match, a wrong one loses the event match, none changes nothing.

`events` (events/confidence.py): the event model switched off, every event of the pipeline's
output (after mentions merge) is labelled by the scorer's one-to-one matching against the gold
of its article: matched at the role level (each side in its place) or not. The model learns the
role match — its probability is the event's confidence; its threshold is the one that gives the
best mean of event and role F1 in cross-validation (folds by article). The score is calibrated
by histogram binning per language of the five-fold cross-validated scores (bins of at least 100
events, non-decreasing), shrunk toward each language's rate by how much of the score's spread
survives when whole sources are left out (models/events.md).

Both are scikit-learn logistic regressions (liblinear, L2, fixed seed: the same data give the
same file). Each model file holds the weights, the threshold and a card: data and their
licence, command, accuracy. Needs `pip install -e '.[train]'`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TRAIN_SETS = ("train_hi.jsonl", "train_en.jsonl")
LICENCE = ("annotations: the ghatna project's own; article texts: All India Radio (© Prasar Bharati, "
           "crawl MIT), BBC Hindi (© BBC), White House (public domain); no text is stored in the model")


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


def capture(gold: Path, roles: bool) -> Iterator[tuple[dict[str, Any], Any, list[tuple[Any, ...]]]]:
    """(gold article, document, [(predicate, class, candidates, events)]) per training article, with
    the event model off (and the role model off unless ``roles``)."""
    from ghatna.model import Article
    from ghatna.pipeline import Pipeline

    pipe = Pipeline()
    for art in articles(gold):
        lang = art.get("lang")
        captured: list[tuple[Any, ...]] = []
        stages = dict(pipe.stages_for(lang))
        tagger = stages["events"]
        stages["confidence"].model = None
        if not roles:
            tagger.roles = None
        tagger.observer = lambda sv, p, cls, cands, evs, out=captured: out.append((p, cls, cands, evs))
        pub = date.fromisoformat(art["published"]) if art.get("published") else None
        doc = pipe.run(Article(art["text"], art["article_id"], art.get("title"), pub, lang))
        tagger.observer = None
        yield art, doc, captured


def matrix(feats: list[list[str]]) -> tuple[Any, Any]:
    from sklearn.feature_extraction import DictVectorizer

    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(f, 1) for f in feats]).tocsr()
    x.indices, x.indptr = x.indices.astype("int32"), x.indptr.astype("int32")  # liblinear wants 32-bit
    return vec, x


def learner(c: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, solver="liblinear", max_iter=1000, random_state=0)


def cross_probs(x: Any, y: list[int], groups: list[int], c: float) -> list[float]:
    from sklearn.model_selection import GroupKFold

    probs = [0.0] * len(y)
    for tr, te in GroupKFold(n_splits=5).split(x, y, groups):
        m = learner(c).fit(x[tr], [y[i] for i in tr])
        for i, pr in zip(te, m.predict_proba(x[te])[:, 1], strict=True):
            probs[i] = float(pr)
    return probs


def write_model(out: Path, vec: Any, model: Any, threshold: float, card: dict[str, Any],
                calibration: dict[str, Any] | None = None) -> None:
    weights = {name: round(float(w), 6) for name, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True)
               if abs(w) > 1e-6}
    doc = {**card, "threshold": round(threshold, 4), "bias": round(float(model.intercept_[0]), 6),
           "weights": dict(sorted(weights.items()))}
    if calibration is not None:
        doc["calibration"] = calibration
    out.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def base_card(gold: Path, name: str, what: str, c: float) -> dict[str, Any]:
    data_hash = hashlib.sha256("".join((gold / n).read_text(encoding="utf-8") for n in TRAIN_SETS).encode()).hexdigest()
    return {
        "model": what,
        "version": 1,
        "trained_on": [f"../shared/gold/{n}" for n in TRAIN_SETS],
        "training_data_sha256": data_hash,
        "licence_of_data": LICENCE,
        "command": f"python scripts/train_models.py {name}",
        "learner": f"scikit-learn LogisticRegression(C={c}, liblinear, random_state=0)",
    }


# -- the recipient chooser ---------------------------------------------------------------------

def choice_utility(probs: list[float], labels: list[int], harmless: list[int], groups: list[int],
                   threshold: float) -> tuple[float, float]:
    """(utility per act, share of acts chosen right) of choosing the best candidate above the
    threshold. A right recipient turns an event match into a role match (+1); a wrong one breaks
    the event match (-1) unless it is of the gold actor's own country where the gold names no
    recipient (harmless, 0); choosing none changes nothing (0)."""
    best: dict[int, tuple[float, int, int]] = {}
    any_pos: dict[int, bool] = {}
    for pr, y, h, g in zip(probs, labels, harmless, groups, strict=True):
        if g not in best or pr > best[g][0]:
            best[g] = (pr, y, h)
        any_pos[g] = any_pos.get(g, False) or bool(y)
    utility = sum((1 if y else 0 if h else -1) if pr >= threshold else 0 for pr, y, h in best.values())
    right = sum(bool(y) if pr >= threshold else not any_pos[g] for g, (pr, y, _) in best.items())
    return utility / max(1, len(best)), right / max(1, len(best))


def train_roles(gold: Path, out: Path) -> dict[str, Any]:
    from ghatna.eval.score import actor_key

    feats: list[list[str]] = []
    labels: list[int] = []
    harmless: list[int] = []
    groups: list[int] = []
    acts = 0
    for art, doc, captured in capture(gold, roles=False):
        spans = [(g, trigger_span(art, g)) for g in art.get("events") or []]
        for p, cls, cands, _evs in captured:
            if not cands:
                continue
            t0, t1 = doc.tokens[p.t0].start, doc.tokens[p.t1 - 1].end
            g = next((g for g, sp in spans if sp and g["type"] == cls.type and sp[0] < t1 and t0 < sp[1]), None)
            if g is None:
                continue  # an act the gold does not have: nothing to learn about its recipient
            wanted = {actor_key(r) for r in g.get("recipients") or []}
            own = {actor_key(a) for a in g.get("actors") or []}
            for c in cands:
                keys = {actor_key(e.to_dict()) for e in c.entities}
                feats.append(c.features)
                labels.append(int(bool(keys & wanted)))
                harmless.append(int(not wanted and keys <= own))
                groups.append(acts)
            acts += 1
    c = 2.0
    vec, x = matrix(feats)
    probs = cross_probs(x, labels, groups, c)
    grid = [i / 100 for i in range(10, 96, 2)]
    threshold = max(grid, key=lambda t: (choice_utility(probs, labels, harmless, groups, t)[0], -abs(t - 0.5)))
    utility, right = choice_utility(probs, labels, harmless, groups, threshold)
    card = {**base_card(gold, "roles", "recipient chooser (events/roles.py)", c),
            "examples": len(labels), "acts": acts,
            "cv_utility_per_act": round(utility, 4), "cv_act_accuracy": round(right, 4)}
    write_model(out, vec, learner(c).fit(x, labels), threshold, card)
    return card


# -- the event model ------------------------------------------------------------------------------

def f1(tp: float, kept: int, gold: int) -> float:
    return 2 * tp / (kept + gold) if kept + gold else 0.0


# the event model drops events below a threshold only when that gains at least this much mean
# F1 in cross-validation (dropping events loses what analysts might still filter themselves)
MIN_THRESHOLD_GAIN = 0.01


def train_events(gold: Path, out: Path) -> dict[str, Any]:
    from ghatna.eval.calibration import ece, noise_floor
    from ghatna.eval.score import pair_events, roles_agree
    from ghatna.events.confidence import event_features

    feats: list[list[str]] = []
    ev_ok: list[int] = []
    role_ok: list[int] = []
    langs: list[str] = []
    groups: list[int] = []
    sources: list[str] = []
    gold_total = 0
    for n, (art, doc, _captured) in enumerate(capture(gold, roles=True)):
        gold_events = art.get("events") or []
        gold_total += len(gold_events)
        system = [e.to_dict() for e in doc.events]
        matched = {j for _, j, _ in pair_events(gold_events, system)}
        in_place = {j for _, j, _ in pair_events(gold_events, system, roles_agree)}
        source = f"{art.get('source') or str(art['article_id']).split('-')[0]}|{doc.lang}"
        for j, e in enumerate(doc.events):
            feats.append(event_features(e))
            ev_ok.append(int(j in matched))
            role_ok.append(int(j in in_place))
            langs.append(doc.lang or "")
            groups.append(n)
            sources.append(source)
    c = 0.3
    vec, x = matrix(feats)
    # the score of each event from a model that did not see its article (five folds by article)
    z = cross_scores(x, role_ok, groups, c)
    # how much of the score's spread survives on text of another kind: the same, by source (All
    # India Radio, BBC, White House, per language), each source scored by a model that saw none
    # of it. The ratio of the two Platt slopes shrinks the calibrated probabilities toward each
    # language's rate, for the pipeline is surer of the text its rules were written on.
    z_source = cross_scores(x, role_ok, sources, c, leave_one_out=True)
    transfer = min(1.0, max(0.0, platt(z_source, role_ok)[0] / platt(z, role_ok)[0]))
    # the calibration reported is itself cross-validated: fitted on the other folds' scores
    probs = nested_binned(z, role_ok, langs, groups, transfer)
    unshrunk = nested_binned(z, role_ok, langs, groups, 1.0)  # for the card: as fitted to the training text

    def score(t: float) -> tuple[float, float, float]:
        kept = [i for i, pr in enumerate(probs) if pr >= t]
        fe = f1(sum(ev_ok[i] for i in kept), len(kept), gold_total)
        fr = f1(sum(role_ok[i] for i in kept), len(kept), gold_total)
        return (fe + fr) / 2, fe, fr

    grid = [i / 100 for i in range(0, 81, 2)]
    threshold = max(grid, key=lambda t: (score(t)[0], -t))
    if score(threshold)[0] - score(0.0)[0] < MIN_THRESHOLD_GAIN:
        threshold = 0.0  # a cut that gains less than that on training folds is noise, and costs recall
    _, fe, fr = score(threshold)
    _, fe0, fr0 = score(0.0)
    per_lang = {lang: by_lang(probs, role_ok, langs, lang) for lang in sorted(set(langs))}
    calibration = binned(z, role_ok, langs, transfer)
    card = {**base_card(gold, "events", "event model: P(the event is right, sides in place) (events/confidence.py)", c),
            "events": len(role_ok), "gold_events": gold_total,
            "cv_event_f1_unfiltered": round(fe0, 4), "cv_role_f1_unfiltered": round(fr0, 4),
            "cv_event_f1": round(fe, 4), "cv_role_f1": round(fr, 4),
            "calibration_method": (f"histogram binning of the five-fold cross-validated score per language, "
                                   f"bins of at least {MIN_BIN} training events, isotonic across bins, shrunk "
                                   f"toward the language's rate by the cross-source transfer factor"),
            "cv_transfer_factor": round(transfer, 4),
            "cv_expected_calibration_error": {lang: round(ece(*pl), 4) for lang, pl in per_lang.items()},
            "cv_expected_calibration_error_unshrunk": {
                lang: round(ece(*by_lang(unshrunk, role_ok, langs, lang)), 4) for lang in per_lang},
            "cv_ece_noise_floor_p90": {lang: round(noise_floor(pl[0])[1], 4) for lang, pl in per_lang.items()}}
    write_model(out, vec, learner(c).fit(x, role_ok), threshold, card, calibration.to_dict())
    return card


MIN_BIN = 100  # training events per calibration bin at least: its share right within ±0.05 (1 s.e.)


def cross_scores(x: Any, y: list[int], groups: list[Any], c: float, leave_one_out: bool = False) -> list[float]:
    """The linear score of each example from a model trained without its group (five folds of
    groups, or one group left out at a time)."""
    from sklearn.model_selection import GroupKFold, LeaveOneGroupOut

    splitter = LeaveOneGroupOut() if leave_one_out else GroupKFold(n_splits=5)
    scores = [0.0] * len(y)
    for tr, te in splitter.split(x, y, groups):
        m = learner(c).fit(x[tr], [y[i] for i in tr])
        for i, s in zip(te, m.decision_function(x[te]), strict=True):
            scores[i] = float(s)
    return scores


def bin_table(scores: list[float], labels: list[int], transfer: float) -> Any:
    """Equal-count bins of the scores (at least MIN_BIN examples each), each bin's share right
    made non-decreasing (pooled adjacent violators), then shrunk toward the overall share."""
    import numpy as np
    from sklearn.isotonic import IsotonicRegression

    from ghatna.models.linear import BinTable

    z, y = np.asarray(scores, dtype=float), np.asarray(labels, dtype=float)
    k = max(1, len(z) // MIN_BIN)
    edges = sorted({round(float(e), 6) for e in np.quantile(z, [i / k for i in range(1, k)])}) if k > 1 else []
    idx = np.searchsorted(np.asarray(edges), z, side="right")
    counts = [int((idx == b).sum()) for b in range(len(edges) + 1)]
    keep = [b for b, n in enumerate(counts) if n]
    edges = [edges[b - 1] for b in keep[1:]]  # drop empty bins (ties at an edge)
    shares = [float(y[idx == b].mean()) for b in keep]
    iso = IsotonicRegression().fit(range(len(keep)), shares, sample_weight=[counts[b] for b in keep])
    shares = [float(v) for v in iso.predict(range(len(keep)))]
    rate = float(y.mean())
    return BinTable(tuple(edges), tuple(round(rate + transfer * (v - rate), 4) for v in shares))


def binned(scores: list[float], labels: list[int], langs: list[str], transfer: float) -> Any:
    from ghatna.models.linear import BinnedCalibration

    tables = {lang: bin_table(*by_lang(scores, labels, langs, lang), transfer) for lang in sorted(set(langs))}
    return BinnedCalibration("lang", {**tables, "*": bin_table(scores, labels, transfer)})


def nested_binned(scores: list[float], labels: list[int], langs: list[str], groups: list[int],
                  transfer: float) -> list[float]:
    """Each example's calibrated probability from a calibration fitted on the other folds."""
    from sklearn.model_selection import GroupKFold

    probs = [0.0] * len(labels)
    for tr, te in GroupKFold(n_splits=5).split(scores, labels, groups):
        cal = binned([scores[i] for i in tr], [labels[i] for i in tr], [langs[i] for i in tr], transfer)
        for i in te:
            probs[i] = cal.probability(scores[i], [f"lang={langs[i]}"])
    return probs


def platt(scores: list[float], labels: list[int]) -> tuple[float, float]:
    """(a, b) of sigmoid(a·score + b) fitted to the labels (an unregularised logistic fit)."""
    from sklearn.linear_model import LogisticRegression

    m = LogisticRegression(C=1e6, solver="lbfgs", max_iter=1000).fit([[s] for s in scores], labels)
    return float(m.coef_[0][0]), float(m.intercept_[0])


def by_lang(probs: list[float], labels: list[int], langs: list[str], lang: str) -> tuple[list[float], list[int]]:
    keep = [i for i, g in enumerate(langs) if g == lang]
    return [probs[i] for i in keep], [labels[i] for i in keep]


TRAINERS: dict[str, tuple[str, Callable[[Path, Path], dict[str, Any]]]] = {
    "roles": ("roles.json", train_roles),
    "events": ("events.json", train_events),
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("model", choices=[*TRAINERS, "all"])
    ap.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "gold")
    ap.add_argument("--out-dir", type=Path, default=ROOT / "src" / "ghatna" / "models")
    a = ap.parse_args(argv)
    if not all((a.gold / n).is_file() for n in TRAIN_SETS):
        print(f"training gold not found under {a.gold}", file=sys.stderr)
        return 2
    for name in (list(TRAINERS) if a.model == "all" else [a.model]):
        filename, train = TRAINERS[name]
        card = train(a.gold, a.out_dir / filename)
        print(json.dumps(card, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
