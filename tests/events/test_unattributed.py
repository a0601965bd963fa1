"""Attacks no one is named for (issue 13): coded only with the option on, with the stand-in actor
"unidentified attackers" of the place's country and the flag unattributed_actor. Sentences
written for these tests (publication date 2025-03-28)."""

from datetime import date

import pytest

from ghatna.events.unattributed import FLAG, is_stand_in, unidentified_attackers
from ghatna.model import Options
from ghatna.pipeline import Pipeline
from tests.conftest import assert_spans

PUB = date(2025, 3, 28)

UNCLAIMED = [
    # text, lang, type, mode, the stand-in's country
    ("काबुल के एक बाजार में बम धमाका हुआ, जिसमें 12 लोग मारे गए।", "hi", "ASSAULT", "explosives", "AFG"),
    ("पेशावर में हुए आत्मघाती हमले में पाकिस्तान के पांच सैनिक मारे गए।", "hi", "ASSAULT", "suicide-attack", "PAK"),
    ("श्रीनगर में पुलिस चौकी पर ताबड़तोड़ फायरिंग हुई।", "hi", "ASSAULT", "firearms", "IND"),
    ("शहर में सांप्रदायिक हिंसा भड़क उठी।", "hi", "PROTEST", "riot", None),
    ("यहां एक बाजार में आतंकी हमला हुआ।", "hi", "ASSAULT", None, None),
    ("A bomb exploded at a market in Kabul on Monday, killing 12 people.", "en", "ASSAULT", "explosives", "AFG"),
    ("A suicide bomber struck a mosque in Quetta.", "en", "ASSAULT", "suicide-attack", "PAK"),
    ("Shots were fired at a police post in Srinagar.", "en", "ASSAULT", "firearms", "IND"),
]


def _run(pipeline, text, lang, **kw):
    doc = pipeline.extract(text, published=PUB, lang=lang, **kw)
    assert_spans(doc)
    return [e for e in doc.events if e.type in ("ASSAULT", "PROTEST")]


@pytest.mark.parametrize(("text", "lang", "etype", "mode", "country"), UNCLAIMED)
def test_off_by_default_the_guideline_codes_no_attack_without_a_doer(pipeline, text, lang, etype, mode, country):
    assert _run(pipeline, text, lang) == []


@pytest.mark.parametrize(("text", "lang", "etype", "mode", "country"), UNCLAIMED)
def test_on_an_unclaimed_attack_has_the_stand_in_of_its_country(pipeline, text, lang, etype, mode, country):
    evs = _run(pipeline, text, lang, unattributed=True)
    assert len(evs) == 1, [(e.type, e.trigger) for e in evs]
    ev = evs[0]
    assert (ev.type, ev.mode, ev.modality) == (etype, mode, "actual")
    assert [a.to_dict() | {"id": None} for a in ev.actors] == [
        {"id": None, "name": "unidentified attackers", "name_hi": None, "kind": "group", "country": country,
         "sector": "UAF", "office": None}]
    assert FLAG in ev.flags and FLAG in ev.to_dict()["flags"]


def test_the_pipeline_option_and_the_run_option_agree(pipeline):
    text = UNCLAIMED[0][0]
    on = Pipeline(unattributed=True)
    assert on.options == Options(unattributed=True)
    assert len(_run(on, text, "hi")) == 1
    assert _run(on, text, "hi", unattributed=False) == []
    assert len(_run(pipeline, text, "hi", unattributed=True)) == 1


def test_victims_named_with_the_count_are_the_recipients(pipeline):
    ev = _run(pipeline, UNCLAIMED[1][0], "hi", unattributed=True)[0]
    assert [(r.country, r.sector) for r in ev.recipients] == [("PAK", "MIL")]


def test_the_attacked_state_is_the_recipient_where_the_text_says_so(pipeline):
    ev = _run(pipeline, "भारत पर हुए आतंकी हमले में 40 जवान शहीद हो गए।", "hi", unattributed=True)[0]
    assert "IND" in {r.country for r in ev.recipients}


@pytest.mark.parametrize(("text", "lang"), [
    ("काबुल में कोई हमला नहीं हुआ।", "hi"),
    ("काबुल में कल आतंकी हमला हो सकता है।", "hi"),
    ("अगले हफ्ते काबुल में हमला होगा।", "hi"),
    ("There was no attack in Kabul.", "en"),
])
def test_an_attack_by_no_one_that_did_not_happen_is_no_event(pipeline, text, lang):
    assert _run(pipeline, text, lang, unattributed=True) == []


@pytest.mark.parametrize(("text", "lang"), [
    ("दिल्ली के एक बाजार में धमाका हुआ, जिसमें तीन लोग घायल हो गए।", "hi"),
    ("An explosion destroyed a bridge in Kabul.", "en"),
])
def test_an_explosion_is_an_attack_only_in_news_of_attacks(pipeline, text, lang):
    assert _run(pipeline, text, lang, unattributed=True) == []
    cue = " पुलिस के अनुसार धमाके में आतंकियों का हाथ है।" if lang == "hi" else " Police said militants planted it."
    evs = _run(pipeline, text + cue, lang, unattributed=True)
    assert [(e.type, e.mode) for e in evs if FLAG in e.flags] == [("ASSAULT", "explosives")]


def test_a_riot_at_a_known_place_is_its_people_s(pipeline):
    ev = _run(pipeline, "बगदाद में सांप्रदायिक हिंसा भड़क उठी।", "hi", unattributed=True)[0]
    assert ([a.id for a in ev.actors], ev.mode, ev.flags) == (["IRQ:protesters"], "riot", [])


def test_a_named_doer_needs_no_stand_in(pipeline):
    ev = _run(pipeline, "तालिबान ने काबुल में पुलिस थाने पर हमला किया।", "hi", unattributed=True)[0]
    assert [a.name for a in ev.actors] == ["Taliban"] and FLAG not in ev.flags


def test_the_stand_in_is_one_actor_per_country():
    assert unidentified_attackers("AFG").id == "AFG:unidentified-attackers"
    assert unidentified_attackers(None).id == "unidentified-attackers"
    assert is_stand_in(unidentified_attackers("AFG")) and is_stand_in(unidentified_attackers(None))


@pytest.mark.parametrize(("text", "lang"), [
    ("Gunmen opened fire on a bus in Peshawar.", "en"),
    ("पेशावर में बंदूकधारियों ने एक बस पर गोलीबारी की।", "hi"),
])
def test_gunmen_are_the_stand_in_when_the_option_is_on(pipeline, text, lang):
    [off] = _run(pipeline, text, lang)
    assert [a.id for a in off.actors] == ["PAK:gunmen"] and FLAG not in off.flags
    [on] = _run(pipeline, text, lang, unattributed=True)
    assert [a.id for a in on.actors] == ["PAK:unidentified-attackers"] and FLAG in on.flags
