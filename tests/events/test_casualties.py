"""Casualties of conflict events (issue 13): counts of the killed, injured, abducted and arrested
as the text states them (digits, number words, "दर्जनों", "at least 12"), each with the span of
the words that count them. Sentences written for these tests."""

from datetime import date

import pytest

from ghatna.events.casualties import better
from ghatna.model import Casualties
from tests.conftest import assert_spans

PUB = date(2025, 3, 28)

CASES = [
    # text, lang, event type, (killed, injured, abducted, arrested)
    ("काबुल में तालिबान के हमले में 15 लोगों की मौत हो गई और 21 लोग घायल हो गए।", "hi", "ASSAULT",
     (15, 21, None, None)),
    ("तालिबान के हमले में पांच सैनिक मारे गए और ग्यारह घायल हुए।", "hi", "ASSAULT", (5, 11, None, None)),
    ("तालिबान के हमले में कम से कम 12 लोगों की मौत हो गई।", "hi", "ASSAULT", (12, None, None, None)),
    ("तालिबान के हमले में दर्जनों लोग घायल हो गए।", "hi", "ASSAULT", (None, 12, None, None)),
    ("तालिबान के हमले में डेढ़ दर्जन लोग घायल हो गए।", "hi", "ASSAULT", (None, 18, None, None)),
    ("तालिबान के हमले में 1,200 लोग घायल हो गए।", "hi", "ASSAULT", (None, 1200, None, None)),
    ("तालिबान के हमले के बाद मृतकों की संख्या बढ़कर 40 हो गई।", "hi", "ASSAULT", (40, None, None, None)),
    ("बोको हराम ने नाइजीरिया में बीस छात्राओं का अपहरण कर लिया।", "hi", "ASSAULT", (None, None, 20, None)),
    ("ढाका पुलिस ने दो सौ प्रदर्शनकारियों को गिरफ्तार किया।", "hi", "COERCE", (None, None, None, 200)),
    ("माओवादियों ने 25 वर्षीय युवक की गोली मारकर हत्या कर दी।", "hi", "ASSAULT", None),
    ("Taliban gunmen attacked a market in Kabul, killing at least 12 people and wounding 30.", "en", "ASSAULT",
     (12, 30, None, None)),
    ("Fifteen people were killed when the Taliban attacked a bus in Kabul.", "en", "ASSAULT", (15, None, None, None)),
    ("Dozens were injured when Islamic State militants attacked a mosque in Mosul.", "en", "ASSAULT",
     (None, 12, None, None)),
    ("Boko Haram kidnapped 20 schoolgirls in Nigeria.", "en", "ASSAULT", (None, None, 20, None)),
    ("Police in Dhaka arrested two hundred protesters.", "en", "COERCE", (None, None, None, 200)),
    ("Maoists shot dead a 25-year-old man in Bihar.", "en", "ASSAULT", None),
]


def _event(pipeline, text, lang, etype, unattributed=False):
    doc = pipeline.extract(text, published=PUB, lang=lang, unattributed=unattributed)
    assert_spans(doc)
    evs = [e for e in doc.events if e.type == etype]
    assert evs, [(e.type, e.trigger) for e in doc.events]
    c = evs[0].casualties
    if c is not None:
        assert doc.text[c.start : c.end] == c.text
        assert evs[0].to_dict()["casualties"] == c.to_dict()
    return evs[0], c


@pytest.mark.parametrize(("text", "lang", "etype", "counts"), CASES)
def test_counts_stated_by_the_text(pipeline, text, lang, etype, counts):
    _, c = _event(pipeline, text, lang, etype)
    assert (None if c is None else (c.killed, c.injured, c.abducted, c.arrested)) == counts


def test_the_span_holds_every_number_it_gives(pipeline):
    _, c = _event(pipeline, CASES[0][0], "hi", "ASSAULT")
    assert c.text.startswith("15 लोगों की मौत") and "21 लोग घायल" in c.text


def test_the_next_sentence_counts_for_the_attack_it_follows(pipeline):
    text = "काबुल में तालिबान ने एक बस पर हमला किया। इसमें सात लोग घायल हो गए।"
    _, c = _event(pipeline, text, "hi", "ASSAULT")
    assert (c.killed, c.injured, c.text) == (None, 7, "सात लोग घायल")


def test_casualties_of_an_unclaimed_attack(pipeline):
    text = "क्वेटा में एक बम धमाके में 30 लोगों की मौत हो गई और 45 अन्य घायल हो गए।"
    assert _event_or_none(pipeline, text) is None
    ev, c = _event(pipeline, text, "hi", "ASSAULT", unattributed=True)
    assert "unattributed_actor" in ev.flags and (c.killed, c.injured) == (30, 45)


def _event_or_none(pipeline, text):
    evs = [e for e in pipeline.extract(text, published=PUB, lang="hi").events if e.type == "ASSAULT"]
    return evs[0] if evs else None


def test_non_conflict_events_carry_no_casualties(pipeline):
    doc = pipeline.extract("भारत ने पाकिस्तान में हुए हमले की निंदा की, जिसमें 20 लोग मारे गए।", published=PUB, lang="hi")
    assert [e.casualties for e in doc.events if e.type == "ACCUSE"] == [None]


def _c(killed=None, injured=None, start=0):
    return Casualties(killed, injured, None, None, start, start + 5, "xxxxx")


def test_the_first_count_is_kept_unless_a_later_one_says_more():
    headline, body = _c(40), _c(40, 30, 100)
    assert better(headline, body) is body
    assert better(body, headline) is body
    assert better(_c(15), _c(3498, 7920)) == _c(15)  # a tally of other attacks is no new toll
    assert better(None, headline) is headline and better(headline, None) is headline
