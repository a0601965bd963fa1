"""The learned models shipped with ghatna: they load, they carry their card, they score sensibly,
and retraining them from the training gold gives the same files."""

import importlib.util
import json
import math
from importlib import resources

import pytest

from ghatna.models.linear import LinearModel
from tests.conftest import need_shared

MODELS = ["roles", "events"]


@pytest.mark.parametrize("name", MODELS)
def test_model_loads_with_its_card(name):
    m = LinearModel.load(name)
    assert m.weights and 0.0 <= m.threshold <= 1.0 and math.isfinite(m.bias)
    for key in ("model", "version", "trained_on", "training_data_sha256", "command", "licence_of_data"):
        assert m.card.get(key), key
    assert all(p.startswith("../shared/gold/train_") for p in m.card["trained_on"])  # never the dev sets


@pytest.mark.parametrize("name", MODELS)
def test_model_has_a_card_in_words_beside_it(name):
    card = resources.files("ghatna") / "models" / f"{name}.md"
    text = card.read_text(encoding="utf-8")
    assert "train_models.py" in text and "Licence" in text


def test_probability_follows_the_weights():
    m = LinearModel({"a": 2.0, "b": -2.0}, 0.0, 0.5)
    assert m.probability([]) == 0.5
    assert m.probability(["a"]) > m.probability([]) > m.probability(["b"])
    assert m.probability(["a", "unknown feature"]) == m.probability(["a"])
    assert 0.0 < m.probability(["b"] * 100) < 1e-9  # no overflow


def test_the_recipient_model_prefers_what_the_frame_says():
    m = LinearModel.load("roles")
    base = ["type=ACCUSE", "frame=affect", "lang=hi", "kind=country", "where=before", "clause=in"]
    framed = m.probability([*base, "marker=gen", "side=recipient", "type|side=ACCUSE|recipient"])
    elsewhere = m.probability([*base, "marker=out:None", "side=None", "type|side=ACCUSE|None"])
    assert framed > elsewhere


@pytest.mark.skipif(importlib.util.find_spec("sklearn") is None, reason="scikit-learn not installed")
def test_retraining_reproduces_the_shipped_models(tmp_path):
    need_shared("gold", "train_hi.jsonl")
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
    import train_models

    assert train_models.main(["all", "--out-dir", str(tmp_path)]) == 0
    for name in MODELS:
        shipped = json.loads((resources.files("ghatna") / "models" / f"{name}.json").read_text(encoding="utf-8"))
        again = json.loads((tmp_path / f"{name}.json").read_text(encoding="utf-8"))
        hint = f"models/{name}.json differs from a fresh training run: retrain it and commit the file"
        assert again["weights"].keys() == shipped["weights"].keys(), hint
        assert all(abs(again["weights"][k] - w) < 1e-4 for k, w in shipped["weights"].items()), hint
        assert abs(again["bias"] - shipped["bias"]) < 1e-4 and again["threshold"] == shipped["threshold"], hint
        assert again["training_data_sha256"] == shipped["training_data_sha256"], hint


def test_binned_calibration_looks_up_the_bin_of_the_score_by_language():
    from ghatna.models.linear import BinnedCalibration

    cal = BinnedCalibration.from_dict({"method": "bins", "by": "lang", "tables": {
        "hi": {"edges": [-1.0, 1.0], "values": [0.2, 0.5, 0.7]},
        "*": {"edges": [], "values": [0.4]}}})
    m = LinearModel({"a": 2.0, "b": -2.0}, 0.0, 0.0, bins=cal)
    assert m.probability(["lang=hi", "b"]) == 0.2
    assert m.probability(["lang=hi"]) == 0.5
    assert m.probability(["lang=hi", "a"]) == 0.7
    assert m.probability(["lang=en", "a"]) == 0.4  # a language without its own table
    assert BinnedCalibration.from_dict(cal.to_dict()) == cal


def test_binned_calibration_joins_the_bins_by_straight_lines():
    from ghatna.models.linear import BinTable

    t = BinTable((-1.0, 1.0), (0.2, 0.5, 0.7))
    assert t.centres() == (-2.0, 0.0, 2.0)
    assert t(-1.0) == pytest.approx(0.35)  # half way from the first centre to the second
    assert t(0.5) == pytest.approx(0.55)
    # beyond the outer centres: the outer slope, at most 0.1 past the outer values
    assert t(-2.5) == pytest.approx(0.2 - 0.5 * 0.15) and t(-9.0) == pytest.approx(0.1)
    assert t(2.5) == pytest.approx(0.7 + 0.5 * 0.1) and t(9.0) == pytest.approx(0.8)
    scores = [i / 10 for i in range(-30, 31)]
    probs = [t(z) for z in scores]
    assert probs == sorted(probs)  # monotone
    assert t(0.2) > t(0.1)  # a lower score inside one bin still reads lower


def test_a_binned_calibration_must_be_monotone():
    from ghatna.models.linear import BinTable

    with pytest.raises(ValueError):
        BinTable((0.0,), (0.6, 0.4))
    with pytest.raises(ValueError):
        BinTable((1.0, 0.0), (0.1, 0.2, 0.3))
    with pytest.raises(ValueError):
        BinTable((0.0,), (0.5,))


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_event_confidence_is_monotone_in_its_inputs(lang):
    """The shipped event model: a cue with a positive weight never lowers the confidence, one with
    a negative weight never raises it, and the confidence never falls as the score rises."""
    m = LinearModel.load("events")
    base = [f"lang={lang}", "type=CONSULT", "frame=affect", "actor_from=frame", "mentions=1", "flagged=False"]
    p0 = m.probability(base)
    assert 0.0 < p0 < 1.0
    for f, w in m.weights.items():
        if f.startswith("lang="):
            continue
        p = m.probability([*base, f])
        assert (p >= p0) if w > 0 else (p <= p0), f
    scored = sorted((m.score([f"lang={lang}", f]), m.probability([f"lang={lang}", f])) for f in m.weights)
    assert all(b[1] >= a[1] for a, b in zip(scored, scored[1:], strict=False))
