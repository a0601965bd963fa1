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
