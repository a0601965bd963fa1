"""Names the dictionary does not know, found by the learned Hindi name tagger (actors/learned.py)
before the case marker its card trusts ("ने"). Sentences of our own."""

import sys
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import need_shared

REPO = Path(__file__).resolve().parents[2]


def _mentions(pipeline, text):
    doc = pipeline.extract(text, published=date(2021, 5, 4), lang="hi")
    return doc, [(m.kind, m.text, m.entities[0]) for m in doc.mentions if m.entities]


@pytest.mark.parametrize(("text", "name", "country"), [
    # a demonym before the name
    ("जापानी अर्थशास्त्री केनजी तनाकामुरा ने चीन की नीतियों की आलोचना की।", "केनजी तनाकामुरा", "JPN"),
    # a body of a country named right before it
    ("ब्राज़ील के उद्योगपति रोबर्तो फ़ाल्काओ ने कहा कि निवेश बढ़ेगा।", "रोबर्तो फ़ाल्काओ", "BRA"),
    # else the article's main country
    ("ढाका में एक रैली के दौरान मिर्ज़ा फ़ख़रुल ने सरकार की आलोचना की।", "मिर्ज़ा फ़ख़रुल", "BGD"),
    # a person is not of the place they speak in
    ("भारत ने आज कहा कि वह भारत के नागरिकों की मदद करेगा। लंदन में रह रहे सुरेश नायर ने सरकार का धन्यवाद किया।",
     "सुरेश नायर", "IND"),
])
def test_an_unknown_name_before_ne_is_a_person_with_a_country(pipeline, text, name, country):
    _, got = _mentions(pipeline, text)
    persons = [(t, e) for kind, t, e in got if kind == "person"]
    assert [t for t, _ in persons] == [name]
    ent = persons[0][1]
    assert ent.id.startswith("name:") and ent.kind == "person" and ent.country == country
    assert ent.name_hi == name and ent.name.isascii() and ent.name[0].isupper()


def test_an_unknown_body_before_ne_is_an_organisation_of_the_place_it_acts_in(pipeline):
    text = "भारत ने आज कहा कि वह भारत के नागरिकों की मदद करेगा। लागोस में नेशनल फ़ार्मर्स फ़ेडरेशन ने हड़ताल की घोषणा की।"
    _, got = _mentions(pipeline, text)
    orgs = [(t, e) for kind, t, e in got if kind == "organization" and e.id.startswith("name:")]
    assert [t for t, _ in orgs] == ["नेशनल फ़ार्मर्स फ़ेडरेशन"]
    assert orgs[0][1].kind == "organization" and orgs[0][1].country == "NGA"


def test_the_unknown_person_is_the_actor_of_the_event(pipeline):
    doc, _ = _mentions(pipeline, "काबुल में एक संवाददाता सम्मेलन में ज़रीफ़ुल्ला हकीमज़ई ने सरकार पर भ्रष्टाचार का आरोप लगाया।")
    actors = [a for ev in doc.events for a in ev.actors]
    assert any(a.id.startswith("name:") and a.kind == "person" and a.country == "AFG" for a in actors)


def test_a_surname_alone_is_the_person_named_in_full_before(pipeline):
    text = ("पेरिस में फ्रांस्वा बेरू ने जर्मनी की नीति की आलोचना की। "
            "बाद में बेरू ने कहा कि वे बर्लिन जाएंगे।")
    _, got = _mentions(pipeline, text)
    ids = [e.id for kind, _, e in got if kind == "person" and e.id.startswith("name:")]
    assert len(ids) == 2 and len(set(ids)) == 1


def test_one_unknown_word_alone_is_no_name(pipeline):
    # before ने a single word is as often a common noun or a loanword as a name
    _, got = _mentions(pipeline, "कल शाम बेरू ने बयान जारी किया।")
    assert not any(e.id.startswith("name:") for _, _, e in got)


def test_the_dictionary_wins_over_the_tagger(pipeline):
    _, got = _mentions(pipeline, "नरेंद्र मोदी ने बैठक की अध्यक्षता की।")
    assert [e.id for kind, _, e in got if kind == "person"] == ["narendra-modi"]


def test_a_common_noun_before_ne_is_no_name(pipeline):
    _, got = _mentions(pipeline, "पिछले हफ़्ते जिला परिषद ने नए नियम लागू किए।")
    assert not any(e.id.startswith("name:") for _, _, e in got)


def test_only_names_before_the_trusted_marker_become_actors(pipeline):
    # the same name as an object ("को") is left to the other rules
    _, got = _mentions(pipeline, "पुलिस ने कल रोबर्तो फ़ाल्काओ को गिरफ़्तार किया।")
    assert not any(e.id.startswith("name:") for _, _, e in got)


def test_english_has_no_learned_tagger(pipeline):
    assert dict(pipeline.stages_for("en"))["actors"].learned is None
    assert dict(pipeline.stages_for("hi"))["actors"].learned is not None


def test_the_il_ner_evaluation_skips_cleanly_without_the_data(tmp_path, capsys):
    sys.path.insert(0, str(REPO / "bench"))
    import names_bench

    out = tmp_path / "NAMES.md"
    assert names_bench.main(["--ner", str(tmp_path / "absent"), "--out", str(out)]) == 0
    assert not out.exists() and "not found" in capsys.readouterr().out


def test_the_tagger_scores_sensibly_on_il_ner_test():
    ner = need_shared("ner", "il_ner", "Hindi-test.txt").parents[1]
    sys.path.insert(0, str(REPO / "bench"))
    import names_bench

    (_, alone), (_, tagged) = names_bench.ner_scores(ner)
    assert tagged["PER"]["f1"] >= 0.6 and tagged["all"]["f1"] >= 0.6
    assert tagged["PER"]["f1"] > alone["PER"]["f1"] + 0.4  # what the model adds to the dictionary
