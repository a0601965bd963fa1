"""English event patterns on sentences written for these tests (publication date 2025-03-28, a Friday)."""

from datetime import date

import pytest

from ghatna.model import Article
from tests.conftest import assert_spans

PUB = date(2025, 3, 28)


def _events(pipeline, text, pub=PUB, lang="en"):
    doc = pipeline.extract(text, published=pub, lang=lang)
    assert_spans(doc)
    return doc.events


def _who(ents):
    return sorted(e.country or e.name for e in ents)


CASES = [
    # text, type, mode, modality, actors, recipients (subset), date value
    ("External Affairs Minister S. Jaishankar visited Moscow yesterday.",
     "CONSULT", "visit", "actual", ["IND"], ["RUS"], "2025-03-27"),
    ("The Japanese Prime Minister will travel to India next week.",
     "CONSULT", "visit", "future", ["JPN"], ["IND"], "2025-04"),
    ("Prime Minister Modi spoke with President Putin by phone on Thursday.",
     "CONSULT", "phone", "actual", ["IND", "RUS"], [], "2025-03-27"),
    ("Prime Minister Narendra Modi invited the French President to visit India.",
     "AGREE", None, "actual", ["IND"], ["FRA"], "2025-03-28"),
    ("India strongly condemned the terror attack in Pakistan.",
     "ACCUSE", "disapprove", "actual", ["IND"], [], "2025-03-28"),
    ("China accused the United States of espionage.", "ACCUSE", "allege", "actual", ["CHN"], ["USA"], "2025-03-28"),
    ("The United States imposed new sanctions on Iran.", "SANCTION", "discontinue", "actual", ["USA"], ["IRN"], "2025-03-28"),
    ("The United Nations urged all sides to exercise restraint.",
     "REQUEST", "yield", "actual", ["United Nations"], [], "2025-03-28"),
    ("President Droupadi Murmu congratulated the Emperor of Japan.",
     "SUPPORT", None, "actual", ["IND"], ["JPN"], "2025-03-28"),
    ("Israel launched air strikes on Gaza.", "ASSAULT", "aerial", "actual", ["ISR"], [], "2025-03-28"),
    ("India and France hold joint military exercises every year.",
     "COOPERATE", None, "habitual", ["FRA", "IND"], [], None),
    ("Russia deployed troops along its border with Ukraine.", "MOBILIZE", "troops", "actual", ["RUS"], [], "2025-03-28"),
    ("Pakistani police arrested an opposition leader.", "COERCE", "arrest", "actual", ["PAK"], [], "2025-03-28"),
    ("Iran threatened the United States with serious consequences.",
     "THREATEN", "violence", "actual", ["IRN"], ["USA"], "2025-03-28"),
    ("Modi did not meet Trump.", "CONSULT", None, "negated", ["IND", "USA"], [], "2025-03-28"),
    ("North Korea rejected the proposal.", "REJECT", None, "actual", ["PRK"], [], "2025-03-28"),
    ("India and Japan signed a trade agreement on Monday.", "SUPPORT", None, "actual", ["IND", "JPN"], [], "2025-03-24"),
    ("Canada expelled an Indian diplomat.", "SANCTION", "expel", "actual", ["CAN"], ["IND"], "2025-03-28"),
    ("Germany has sent military aid to Ukraine.", "AID", None, "actual", ["DEU"], ["UKR"], "2025-03-28"),
    ("Turkish forces shelled Kurdish positions in Syria.",
     "ASSAULT", "heavy-weapons", "actual", ["TUR"], [], "2025-03-28"),
    ("The Prime Minister of Nepal paid a visit to China last month.",
     "CONSULT", "visit", "actual", ["NPL"], ["CHN"], "2025-02"),
    ("Protesters demonstrated outside the US embassy in Dhaka.", "PROTEST", "demo", "actual", ["BGD"], [], "2025-03-28"),
    ("Sri Lanka released 20 Indian fishermen.", "RETREAT", "release", "actual", ["LKA"], ["IND"], "2025-03-28"),
    ("The Indian government apologised to Nepal for the incident.",
     "CONCEDE", None, "actual", ["IND"], ["NPL"], "2025-03-28"),
]


@pytest.mark.parametrize("text,etype,mode,modality,actors,recipients,value", CASES)
def test_event_coding(pipeline, text, etype, mode, modality, actors, recipients, value):
    evs = [e for e in _events(pipeline, text) if e.type == etype]
    assert evs, f"no {etype} in {[e.type for e in _events(pipeline, text)]}"
    ev = evs[0]
    assert ev.mode == mode
    assert ev.modality == modality
    assert _who(ev.actors) == actors
    for r in recipients:
        assert r in _who(ev.recipients)
    assert ev.date.value == value


# -- roles by position ---------------------------------------------------------------------

def test_passive_subject_is_the_recipient_and_by_phrase_the_actor(pipeline):
    ev = next(e for e in _events(pipeline, "Iran was invited by Russia to the summit.") if e.type == "AGREE")
    assert _who(ev.actors) == ["RUS"] and _who(ev.recipients) == ["IRN"]


def test_passive_arrest_without_agent_is_the_states(pipeline):
    ev = next(e for e in _events(pipeline, "Opposition leaders were arrested by police in Istanbul.")
              if e.type == "COERCE")
    assert _who(ev.actors) == ["TUR"] and ev.location and ev.location.name == "Istanbul"


def test_the_visit_an_invitation_proposes_is_no_event_of_its_own(pipeline):
    evs = _events(pipeline, "Prime Minister Narendra Modi invited the French President to visit India.")
    invite = next(e for e in evs if e.type == "AGREE")
    assert _who(invite.actors) == ["IND"] and _who(invite.recipients) == ["FRA"]
    assert not [e for e in evs if e.type == "CONSULT"]


def test_agreed_to_meet_is_an_agreement_and_a_planned_meeting(pipeline):
    evs = _events(pipeline, "India and China agreed to hold talks next month.")
    agree = next(e for e in evs if e.type == "AGREE")
    talk = next(e for e in evs if e.type == "CONSULT")
    assert agree.modality == "actual" and _who(agree.actors) == ["CHN", "IND"]
    assert talk.modality == "future" and talk.date.value == "2025-04"


def test_host_welcoming_a_visitor_codes_the_visitor_as_actor(pipeline):
    evs = _events(pipeline, "President Biden welcomed Prime Minister Modi to the White House.", pub=date(2023, 6, 22))
    ev = next(e for e in evs if e.type == "CONSULT")
    assert ev.mode == "visit" and _who(ev.actors) == ["IND"] and _who(ev.recipients) == ["USA"]


def test_one_actor_meeting_two_counterparts_gives_two_talks(pipeline):
    evs = [e for e in _events(pipeline, "Putin met Xi and Modi on the sidelines of the summit.") if e.type == "CONSULT"]
    assert sorted(tuple(_who(e.actors)) for e in evs) == [("CHN", "RUS"), ("IND", "RUS")]
    assert all(e.mode == "multilateral" and not e.recipients for e in evs)


def test_relative_clause_does_not_hide_the_subject(pipeline):
    text = ("Russian Foreign Minister Sergey Lavrov, who arrived in New Delhi on Tuesday, "
            "met External Affairs Minister S. Jaishankar.")
    ev = next(e for e in _events(pipeline, text) if e.type == "CONSULT")
    assert _who(ev.actors) == ["IND", "RUS"] and ev.date.value == "2025-03-28"


def test_readout_the_leaders_discussed_joins_the_call(pipeline):
    text = ("President Biden spoke today with Chancellor Olaf Scholz of Germany. "
            "The leaders discussed support for Ukraine.")
    evs = [e for e in _events(pipeline, text, pub=date(2023, 3, 3)) if e.type == "CONSULT"]
    assert len(evs) == 1 and _who(evs[0].actors) == ["DEU", "USA"] and len(evs[0].evidence) == 2


def test_capital_as_subject_is_the_government(pipeline):
    ev = next(e for e in _events(pipeline, "Beijing warned Washington against interfering in Taiwan.")
              if e.type == "THREATEN")
    assert _who(ev.actors) == ["CHN"] and _who(ev.recipients) == ["USA"]


def test_noun_trigger_takes_its_actor_from_the_possessive(pipeline):
    evs = _events(pipeline, "India strongly condemned Russia's attack on Ukraine.")
    accuse = next(e for e in evs if e.type == "ACCUSE")
    attack = next(e for e in evs if e.type == "ASSAULT")
    assert _who(accuse.actors) == ["IND"] and _who(accuse.recipients) == ["RUS"]
    assert _who(attack.actors) == ["RUS"] and _who(attack.recipients) == ["UKR"]


def test_unidentified_attackers_are_not_coded(pipeline):
    assert not [e for e in _events(pipeline, "India strongly condemned the terrorist attack in Pahalgam.")
                if e.type == "ASSAULT"]


# -- modality, dates -------------------------------------------------------------------------

def test_conditional_clause_gives_no_event(pipeline):
    assert not [e for e in _events(pipeline, "If Iran attacks Israel, the United States will respond.")
                if e.type == "ASSAULT"]


def test_recurrence_makes_the_event_habitual(pipeline):
    evs = _events(pipeline, "India and Russia hold talks every two months.")
    assert evs and evs[0].modality == "habitual" and evs[0].recurrence == "P2M" and evs[0].date.value is None


def test_date_of_an_infinitive_is_not_the_date_of_the_invitation(pipeline):
    evs = _events(pipeline, "President Biden invited President Lula to visit Washington in early February.",
                  pub=date(2023, 1, 9))
    invite = next(e for e in evs if e.type == "AGREE")
    assert invite.date.value == "2023-01-09" and invite.date.basis == "publication"
    assert _who(invite.recipients) == ["BRA"]


def test_event_without_publication_date_stays_undated(pipeline):
    evs = _events(pipeline, "China accused the United States of espionage.", pub=None)
    assert evs and evs[0].date.value is None


def test_past_perfect_is_left_undated(pipeline):
    evs = _events(pipeline, "Modi had visited Japan.")
    assert evs and evs[0].type == "CONSULT" and evs[0].date.value is None


# -- language detection --------------------------------------------------------------------

def test_english_is_detected_and_coded(pipeline):
    doc = pipeline.run(Article("The United States imposed new sanctions on Iran on Monday.", published=PUB))
    assert doc.lang == "en"
    assert [e.type for e in doc.events] == ["SANCTION"]


@pytest.mark.parametrize("text", [
    "मुंबईत आज मुसळधार पाऊस झाला आणि अनेक रस्त्यांवर पाणी साचले होते.",  # Marathi
    "नेपालका प्रधानमन्त्रीले आज भारतको भ्रमण गर्नुभयो र दुवै देशबीच सम्झौता भयो।",  # Nepali
    "وزیر اعظم نے آج روس کا دورہ کیا اور صدر سے ملاقات کی۔",  # Urdu
    "Le président français a rencontré le chancelier allemand à Berlin.",  # French
])
def test_unsupported_languages_are_flagged_not_coded(pipeline, text):
    doc = pipeline.run(Article(text, published=PUB))
    assert doc.lang not in ("hi", "en")
    assert not doc.events
    assert [f.code for f in doc.flags] == ["unsupported_language"]


# -- more structures -------------------------------------------------------------------------

def test_a_demand_not_to_act_is_no_event(pipeline):
    evs = _events(pipeline, "Iran warned the United States not to attack its nuclear sites.")
    assert [e.type for e in evs] == ["THREATEN"]


def test_an_invitation_for_someone_to_visit_is_addressed_to_them(pipeline):
    evs = _events(pipeline, "President Yoon extended an invitation for President Biden to visit Seoul.",
                  pub=date(2023, 4, 26))
    invite = next(e for e in evs if e.type == "AGREE")
    assert _who(invite.actors) == ["KOR"] and _who(invite.recipients) == ["USA"]


def test_counterpart_after_a_possessive_pronoun_is_the_partner(pipeline):
    evs = _events(pipeline, "External Affairs Minister S Jaishankar held talks with his Russian counterpart "
                            "Sergey Lavrov in Moscow.")
    ev = next(e for e in evs if e.type == "CONSULT")
    assert _who(ev.actors) == ["IND", "RUS"] and ev.location and ev.location.name == "Moscow"


def test_a_verb_of_saying_with_an_object_keeps_its_subject(pipeline):
    ev = next(e for e in _events(pipeline, "Saudi Arabia announced humanitarian aid for Yemen.") if e.type == "AID")
    assert _who(ev.actors) == ["SAU"] and _who(ev.recipients) == ["YEM"]


def test_participle_after_a_prepositional_name_is_passive(pipeline):
    evs = _events(pipeline, "Pakistan called for the release of Indian fishermen detained in Karachi.")
    arrest = next(e for e in evs if e.type == "COERCE")
    assert _who(arrest.recipients) == ["IND"] and not [a for a in arrest.actors if a.country == "IND"]


def test_what_an_accusation_alleges_is_no_event_of_its_own(pipeline):
    evs = _events(pipeline, "Ukraine accused Russia of shelling civilian areas in Kharkiv.")
    accuse = next(e for e in evs if e.type == "ACCUSE")
    assert _who(accuse.actors) == ["UKR"] and _who(accuse.recipients) == ["RUS"]
    assert not [e for e in evs if e.type == "ASSAULT"]


def test_noun_of_a_speech_act_without_a_verb_is_no_event(pipeline):
    assert not [e for e in _events(pipeline, "The threats posed by Iran were discussed.") if e.type == "THREATEN"]


def test_title_of_a_call_readout_makes_spoke_with_a_phone_call(pipeline):
    doc = pipeline.run(Article("President Biden spoke today with Prime Minister Modi.", published=date(2023, 2, 1),
                               lang="en", title="Readout of President Biden's Call with Prime Minister Modi"))
    assert [(e.type, e.mode) for e in doc.events] == [("CONSULT", "phone")]
