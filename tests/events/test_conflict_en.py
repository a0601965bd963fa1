"""English conflict events (issue 13): each attack, bombing, shooting and riot trigger class with
its mode, claims of responsibility, and the non-political readings that are no attack.
Sentences written for these tests (publication date 2025-03-28, a Friday)."""

from datetime import date

import pytest

from tests.conftest import assert_spans

PUB = date(2025, 3, 28)


def _events(pipeline, text, unattributed=False):
    doc = pipeline.extract(text, published=PUB, lang="en", unattributed=unattributed)
    assert_spans(doc)
    return doc.events


def _countries(ents):
    return sorted(e.country or e.name for e in ents)


CLASSES = [
    # text, pattern (trigger class), type, mode, actor countries or names
    ("Israeli jets carried out air strikes on Gaza on Thursday.", "air", "ASSAULT", "aerial", ["ISR"]),
    ("The United States launched a drone strike on an al-Shabaab camp in Somalia.", "drone", "ASSAULT", "drone",
     ["USA"]),
    ("Russia fired missiles at Kyiv.", "heavy", "ASSAULT", "heavy-weapons", ["RUS"]),
    ("Pakistani troops opened fire on Indian posts along the Line of Control.", "firearms", "ASSAULT", "firearms",
     ["PAK"]),
    ("The Taliban detonated a car bomb outside a police station in Kabul.", "explosives", "ASSAULT", "explosives",
     ["AFG"]),
    ("An Islamic State suicide bomber blew himself up at a mosque in Kabul.", "suicide", "ASSAULT",
     "suicide-attack", ["Islamic State"]),
    ("Boko Haram kidnapped 20 schoolgirls in Nigeria.", "abduct", "ASSAULT", "abduct", ["NGA"]),
    ("The Islamic State killed three journalists in Iraq.", "kill", "ASSAULT", None, ["Islamic State"]),
    ("Russian forces destroyed a bridge in Ukraine with missile strikes.", "destroy", "ASSAULT", "destroy", ["RUS"]),
    ("Hamas attacked Israel on Saturday.", "attack", "ASSAULT", None, ["PSE"]),
    ("Protesters torched a police station in Dhaka.", "riot", "PROTEST", "riot", ["BGD"]),
    ("Indian troops clashed with Chinese troops on the border.", "clash", "ASSAULT", None, ["CHN", "IND"]),
    ("Lashkar-e-Taiba claimed responsibility for the attack.", "claim-attack", "ASSAULT", None, ["PAK"]),
    ("The Taliban claimed the attack on the police station in Kunduz.", "claim-attack-object", "ASSAULT", None,
     ["AFG"]),
    ("The Taliban carried out a suicide attack in Kabul.", "attack", "ASSAULT", "suicide-attack", ["AFG"]),
    ("Russia attacked Ukrainian cities with drones.", "attack", "ASSAULT", "drone", ["RUS"]),
    # a body's members act as the body: one actor
    ("Al-Shabaab militants took two aid workers hostage in Somalia.", "take-hostage", "ASSAULT", "abduct",
     ["SOM"]),
    ("Israel assassinated a Hamas commander in Beirut.", "assassinate", "ASSAULT", "assassinate", ["ISR"]),
    ("Russian troops stormed the town of Bakhmut.", "storm-armed", "ASSAULT", None, ["RUS"]),
]


@pytest.mark.parametrize(("text", "pattern", "etype", "mode", "actors"), CLASSES)
def test_each_conflict_class_codes_its_type_mode_and_doer(pipeline, text, pattern, etype, mode, actors):
    evs = [e for e in _events(pipeline, text) if e.type == etype]
    assert evs, text
    ev = evs[0]
    assert (ev.pattern, ev.mode, _countries(ev.actors)) == (pattern, mode, actors)


def test_a_claim_for_a_suicide_bombing_takes_its_mode(pipeline):
    ev = _events(pipeline, "The Pakistani Taliban claimed responsibility for the suicide bombing in Peshawar.")[0]
    assert (ev.type, ev.mode, _countries(ev.actors)) == ("ASSAULT", "suicide-attack", ["PAK"])


@pytest.mark.parametrize("text", [
    "The government took responsibility for the defeat.",
    "Russia claimed that the talks had failed.",
    "Workers launched a strike in Mumbai.",
])
def test_responsibility_claims_and_strikes_that_are_no_attack(pipeline, text):
    assert not [e for e in _events(pipeline, text) if e.type == "ASSAULT"]


NOT_POLITICAL = [
    "The volcano erupted with a huge explosion on Sunday, forcing thousands to flee.",
    "A gas cylinder explosion killed three people in a house in Delhi.",
    "An explosion at a power plant in Texas injured four workers.",
    "The weather office warned of heavy rain and strong winds in coastal districts.",
    "The army deployed troops for flood relief in Assam.",
    "Police charged two men with murder in Mumbai.",
    "Police cordoned off the area after the protest.",
    "No arson was reported in the town.",
    "A truck killed two people in a road accident in Delhi.",
    "As the clock struck 12 in the night, people celebrated in Delhi.",
    "A 9.1 magnitude earthquake struck Aceh province in 2004.",
    "Funds were siphoned off through shell companies in Mumbai.",
]


@pytest.mark.parametrize("text", NOT_POLITICAL)
@pytest.mark.parametrize("unattributed", [False, True])
def test_non_political_readings_are_no_conflict_events(pipeline, text, unattributed):
    evs = _events(pipeline, text, unattributed)
    assert not [e for e in evs if e.type in ("ASSAULT", "THREATEN", "MOBILIZE")
                or (e.type == "PROTEST" and e.mode == "riot")], [(e.type, e.mode, e.trigger) for e in evs]
