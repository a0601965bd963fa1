"""Hindi event patterns on sentences written for these tests (publication date 2025-03-28, a Friday)."""

from datetime import date

import pytest

from tests.conftest import assert_spans

PUB = date(2025, 3, 28)


def _events(pipeline, text, pub=PUB):
    doc = pipeline.extract(text, published=pub, lang="hi")
    assert_spans(doc)
    return doc.events


def _who(ents):
    return sorted(e.country or e.name for e in ents)


CASES = [
    # text, type, mode, modality, actors, recipients, date value
    ("विदेश मंत्री एस जयशंकर ने कल रूस का दौरा किया।", "CONSULT", "visit", "actual", ["IND"], ["RUS"], "2025-03-27"),
    ("जापान के प्रधानमंत्री अगले सप्ताह भारत की यात्रा करेंगे।", "CONSULT", "visit", "future", ["JPN"], ["IND"], "2025-04"),
    ("जापान के प्रधानमंत्री भारत की यात्रा करेंगे।", "CONSULT", "visit", "future", ["JPN"], ["IND"], None),
    ("मोदी ने गुरुवार को पुतिन से फोन पर बातचीत की।", "CONSULT", "phone", "actual", ["IND", "RUS"], [], "2025-03-27"),
    ("प्रधानमंत्री मोदी ने फ्रांस के राष्ट्रपति को भारत आने के लिए आमंत्रित किया।", "AGREE", None, "actual", ["IND"], ["FRA"], "2025-03-28"),
    ("भारत ने पाकिस्तान में हुए आतंकी हमले की कड़ी निंदा की।", "ACCUSE", "disapprove", "actual", ["IND"], [], "2025-03-28"),
    ("चीन ने अमरीका पर जासूसी का आरोप लगाया।", "ACCUSE", "allege", "actual", ["CHN"], ["USA"], "2025-03-28"),
    ("अमरीका ने ईरान पर नए प्रतिबंध लगाए।", "SANCTION", None, "actual", ["USA"], ["IRN"], "2025-03-28"),
    ("संयुक्त राष्ट्र ने सभी पक्षों से संयम बरतने की अपील की।", "REQUEST", "yield", "actual", ["United Nations"], [], "2025-03-28"),
    ("राष्ट्रपति द्रौपदी मुर्मू ने जापान के सम्राट को बधाई दी।", "SUPPORT", None, "actual", ["IND"], ["JPN"], "2025-03-28"),
    ("इस्राइल ने गाजा पर हवाई हमले किए।", "ASSAULT", "aerial", "actual", ["ISR"], [], "2025-03-28"),
    ("भारत और फ्रांस हर साल संयुक्त सैन्य अभ्यास करते हैं।", "COOPERATE", None, "habitual", ["FRA", "IND"], [], None),
    ("रूस ने यूक्रेन की सीमा पर सैनिक तैनात किए।", "MOBILIZE", "troops", "actual", ["RUS"], [], "2025-03-28"),
    ("पाकिस्तानी पुलिस ने विपक्षी नेता को गिरफ्तार किया।", "COERCE", "arrest", "actual", ["PAK"], [], "2025-03-28"),
    ("ईरान ने अमरीका को गंभीर परिणामों की धमकी दी।", "THREATEN", None, "actual", ["IRN"], ["USA"], "2025-03-28"),
    ("मोदी ने ट्रंप से मुलाकात नहीं की।", "CONSULT", None, "negated", ["IND", "USA"], [], "2025-03-28"),
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


def test_conditional_clause_gives_no_event(pipeline):
    assert not [e for e in _events(pipeline, "अगर ईरान ने हमला किया तो अमरीका जवाब देगा।") if e.type == "ASSAULT"]


def test_nonfinite_trigger_takes_the_following_subject(pipeline):
    evs = _events(pipeline, "गणतंत्र दिवस पर भारत को बधाई देते हुए, रूसी राष्ट्रपति ने कहा कि संबंध मजबूत हैं।")
    sup = [e for e in evs if e.type == "SUPPORT"]
    assert sup and sup[0].actors[0].name == "Vladimir Putin"


def test_event_without_publication_date_stays_undated(pipeline):
    evs = _events(pipeline, "चीन ने अमरीका पर जासूसी का आरोप लगाया।", pub=None)
    assert evs and evs[0].date.value is None


def test_recurrence_makes_the_event_habitual(pipeline):
    evs = _events(pipeline, "भारत और जापान के विदेश मंत्री हर दो महीने में एक बार फोन पर बातचीत करते हैं।")
    assert evs and evs[0].modality == "habitual" and evs[0].recurrence == "P2M"


def test_protest_without_named_actor_takes_people_of_the_place(pipeline):
    evs = [e for e in _events(pipeline, "वाशिंगटन और न्यूयॉर्क में युद्ध के खिलाफ विरोध प्रदर्शन हुए।") if e.type == "PROTEST"]
    assert evs and evs[0].actors[0].country == "USA" and evs[0].actors[0].sector == "CVL"


def test_chained_genitive_is_not_the_recipient(pipeline):
    evs = _events(pipeline, "ईरान ने क़ासिम सुलेमानी की मौत का बदला लेने की घोषणा की।")
    thr = [e for e in evs if e.type == "THREATEN"]
    assert thr and _who(thr[0].actors) == ["IRN"] and thr[0].recipients == []


def test_one_actor_talking_to_several_gives_one_event_each(pipeline):
    evs = _events(pipeline, "जयशंकर ने ब्रिटेन के विदेश मंत्री और फ्रांस के विदेश मंत्री से फोन पर बात की।")
    talks = [e for e in evs if e.type == "CONSULT"]
    assert len(talks) >= 2
    assert all(len(e.actors) == 2 and e.actors[0].name == "S. Jaishankar" for e in talks)


def test_threat_reported_in_a_that_clause_is_the_speakers(pipeline):
    evs = _events(pipeline, "ट्रंप ने कल ट्विटर पर लिखा कि ईरान को भारी कीमत चुकानी पड़ेगी।")
    thr = [e for e in evs if e.type == "THREATEN"]
    assert thr and thr[0].actors[0].name == "Donald Trump" and _who(thr[0].recipients) == ["IRN"]


def test_should_with_a_named_addressee_is_a_request(pipeline):
    evs = _events(pipeline, "विदेश मंत्रालय ने कहा कि पाकिस्तान सरकार को अपने अल्पसंख्यकों की रक्षा करनी चाहिए।")
    req = [e for e in evs if e.type == "REQUEST"]
    assert req and _who(req[0].actors) == ["IND"] and _who(req[0].recipients) == ["PAK"]
    assert not [e for e in _events(pipeline, "हमें शांति बनाए रखनी चाहिए।") if e.type == "REQUEST"]


HEADLINES = [
    # headline word order and forms: verb before object, clashes, departures, summons
    ("अमेरिका ने चीनी कंपनियों पर लगाया प्रतिबंध", "SANCTION", ["USA"], "actual"),
    ("भारत-चीन सीमा पर झड़प", "ASSAULT", ["CHN", "IND"], "actual"),
    ("प्रधानमंत्री मोदी आज जापान रवाना होंगे", "CONSULT", ["IND"], "future"),
    ("पाकिस्तान ने भारतीय उच्चायुक्त को तलब किया", "ACCUSE", ["PAK"], "actual"),
    ("जयशंकर ने कहा कि भारत ईरान के संपर्क में रहेगा", "AGREE", ["IND"], "actual"),
]


@pytest.mark.parametrize("text,etype,actors,modality", HEADLINES)
def test_headline_forms(pipeline, text, etype, actors, modality):
    evs = [e for e in _events(pipeline, text) if e.type == etype]
    assert evs and _who(evs[0].actors) == actors and evs[0].modality == modality


def test_plural_pronoun_points_back_to_a_group(pipeline):
    evs = _events(pipeline, "इराक के प्रधानमंत्री ने आंदोलनकारियों से अपील की, कि वे अमरीकी दूतावास की हिंसक घेराबंदी समाप्त कर दें।")
    riot = [e for e in evs if e.type == "PROTEST"]
    assert riot and riot[0].actors[0].sector == "CVL" and _who(riot[0].recipients) == ["USA"]


def test_present_tense_statement_is_not_habitual(pipeline):
    evs = _events(pipeline, "इराकी विदेश मंत्रालय ने कहा कि उनका देश इन हमलों की निंदा करता है।")
    acc = [e for e in evs if e.type == "ACCUSE"]
    assert acc and acc[0].modality == "actual" and _who(acc[0].actors) == ["IRQ"]


@pytest.mark.parametrize("text,modality", [
    ("सऊदी अरब ने यमन पर कई मिसाइलें दागीं।", "actual"),  # दागी: -गी after -ा- is a past, not a future
    ("सऊदी अरब ने यमन पर कई मिसाइलें दागे।", "actual"),
    ("सऊदी अरब यमन पर हमला करेगा।", "future"),
    ("सऊदी अरब के विमान कल यमन पर हमला करेंगे।", "future"),
])
def test_future_is_read_from_the_verb_ending(pipeline, text, modality):
    evs = [e for e in pipeline.extract(text, published=PUB, lang="hi").events if e.type == "ASSAULT"]
    assert evs and {e.modality for e in evs} == {modality}


def test_a_month_in_a_date_is_no_march(pipeline):
    evs = pipeline.extract("नई दिल्ली, 27 मार्च। नेपाल ने भूटान की निंदा की।", published=PUB, lang="hi").events
    assert [e.type for e in evs] == ["ACCUSE"]


def test_outside_and_near_mark_a_place_not_an_owner(pipeline):
    evs = pipeline.extract("सोमालिया में संसद भवन के बाहर अल-शबाब ने हमला किया।", published=PUB, lang="hi").events
    attack = next(e for e in evs if e.type == "ASSAULT")
    assert [a.name for a in attack.actors] == ["Al-Shabaab"]
