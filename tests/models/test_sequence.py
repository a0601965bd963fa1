"""The sequence model behind the Hindi name tagger: it loads with its card, decodes by BIO, its
file form reads back the same, and training it is deterministic."""

import sys
from importlib import resources
from pathlib import Path

import pytest

from ghatna.models.sequence import OUTSIDE, SequenceModel

TAGS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG")


def test_the_name_model_loads_with_its_card():
    m = SequenceModel.load("names_hi")
    assert m.tags[OUTSIDE] == "O" and {"B-PER", "I-PER", "B-ORG", "I-ORG"} <= set(m.tags)
    assert m.weights and m.plain and m.lexicon and m.shares
    for key in ("model", "version", "trained_on", "training_data_sha256", "command", "licence_of_data",
                "accepted_before"):
        assert m.card.get(key), key
    assert all(p.startswith("../shared/ner/") for p in m.card["trained_on"])
    assert not any("test" in p.lower() for p in m.card["trained_on"])  # IL-NER test is only for the score


def test_the_name_model_has_a_card_in_words_beside_it_and_stays_small():
    folder = resources.files("ghatna") / "models"
    text = (folder / "names_hi.md").read_text(encoding="utf-8")
    assert "train_names.py" in text and "Licence" in text and "IL-NER test" in text
    assert len((folder / "names_hi.json").read_bytes()) < 3_000_000


def test_an_inside_tag_only_continues_a_name_of_its_type():
    m = SequenceModel.build(TAGS, {"x": {2: 5.0, 3: 1.0}})
    assert m.best(["x"], prev=OUTSIDE)[0] == 3  # I-PER cannot follow O: the next best, B-ORG
    assert m.best(["x"], prev=1)[0] == 2  # after B-PER it continues the person
    assert m.best(["x"], prev=3)[0] == 3  # after B-ORG, I-PER is not allowed either
    tag, lead = m.best(["x"], prev=1)
    assert lead == 5.0
    assert m.best(["unknown feature"], prev=OUTSIDE) == (OUTSIDE, 0.0)


def test_the_file_form_reads_back_the_same():
    m = SequenceModel.build(TAGS, {"a": {1: 0.5}, "b": {0: -1.0, 4: 2.0}}, plain=["के"], lexicon={"राम": "PER"},
                            shares={"सभा": (0.0, 0.6)}, card={"model": "toy"})
    back = SequenceModel.from_dict(m.to_dict())
    assert back == m
    assert back.share("के", "PER") == 0.0 and back.share("सभा", "ORG") == 0.6 and back.share("अनजान", "PER") is None


def test_training_is_deterministic():
    pytest.importorskip("ahocorasick")
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
    import train_names as tn

    reader = tn.Reader()
    sentences = [  # sentences of our own
        ("कल रमेश वर्मा ने सभा को संबोधित किया ।", "O B-PER I-PER O O O O O O"),
        ("किसान मंच ने धरना दिया ।", "B-ORG I-ORG O O O O"),
        ("सुनीता राव ने कहा कि किसान मंच जीतेगा ।", "B-PER I-PER O O O B-ORG I-ORG O O"),
        ("पटना में वर्मा ने भाषण दिया ।", "B-LOC O B-PER O O O O"),
    ]
    examples = [reader.example(w.split(), t.split()) for w, t in sentences]
    one = tn.train(examples, reader.gram, 3, 1, 1, 0.0, {"model": "toy"}, folds=2)
    two = tn.train(examples, reader.gram, 3, 1, 1, 0.0, {"model": "toy"}, folds=2)
    assert one.to_dict() == two.to_dict() and one.weights
