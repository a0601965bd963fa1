"""Offices resolve to their holder on the event's date, not the publication date (issue 12)."""

from datetime import date

import pytest

from ghatna.actors.holders import Holders, day_of, is_office_ref, office_ref
from ghatna.model import EventDate

LATER = date(2024, 5, 1)  # published long after the events it reports


def _actors(pipeline, text, lang, day=LATER):
    doc = pipeline.extract(text, published=day, lang=lang)
    return [(e.type, [a.name for a in e.actors], e.date.value) for e in doc.events]


@pytest.mark.parametrize(("text", "holder"), [
    ("1 जून 2018 को अमेरिकी विदेश मंत्री ने पाकिस्तान की आलोचना की।", "Mike Pompeo"),
    ("10 मार्च 2018 को अमेरिकी विदेश मंत्री ने रूस की आलोचना की।", "Rex Tillerson"),
    ("12 जनवरी 2017 को अमेरिकी राष्ट्रपति ने चीन की आलोचना की।", "Barack Obama"),
    ("25 जनवरी 2017 को अमेरिकी राष्ट्रपति ने चीन की आलोचना की।", "Donald Trump"),
    ("अमेरिकी राष्ट्रपति ने चीन की आलोचना की।", "Joe Biden"),  # no date of its own: the report's
])
def test_hindi_title_names_the_holder_of_the_events_day(pipeline, text, holder):
    events = _actors(pipeline, text, "hi")
    assert events and events[0][0] == "ACCUSE" and events[0][1] == [holder]


@pytest.mark.parametrize(("text", "holder"), [
    ("On June 1, 2018, the US Secretary of State criticized Pakistan.", "Mike Pompeo"),
    ("On March 10, 2018, the US Secretary of State criticized Russia.", "Rex Tillerson"),
    ("On January 12, 2017, the US President criticized China.", "Barack Obama"),
    ("On January 25, 2017, the US President criticized China.", "Donald Trump"),
    ("The US President criticized China.", "Joe Biden"),
])
def test_english_title_names_the_holder_of_the_events_day(pipeline, text, holder):
    events = _actors(pipeline, text, "en")
    assert events and events[0][0] == "ACCUSE" and events[0][1] == [holder]


def test_two_events_of_one_article_may_name_two_holders(pipeline):
    text = ("12 जनवरी 2017 को अमेरिकी राष्ट्रपति ने चीन की आलोचना की। "
            "25 जनवरी 2017 को अमेरिकी राष्ट्रपति ने चीन की आलोचना की।")
    assert [names for _, names, _ in _actors(pipeline, text, "hi")] == [["Barack Obama"], ["Donald Trump"]]


def test_a_named_person_keeps_their_name_whatever_the_date(pipeline):
    events = _actors(pipeline, "On June 1, 2018, Antony Blinken criticized Pakistan.", "en")
    assert events[0][1] == ["Antony Blinken"]


def test_an_office_and_its_holder_named_in_one_article_are_two_leaders(pipeline):
    text = ("रक्षा मंत्री राजनाथ सिंह ने आज अमरीका के रक्षा मंत्री लॉयड ऑस्टिन से फोन पर बात की। "
            "दोनों नेताओं ने सहयोग बढ़ाने का संकल्प लिया।")
    doc = pipeline.extract(text, published=date(2022, 3, 3), lang="hi")
    pair = next(m for m in doc.mentions if m.text == "दोनों नेताओं")
    assert sorted(e.name for e in pair.entities) == ["Lloyd Austin", "Rajnath Singh"]


def test_office_reference_resolves_by_date_and_by_organisation(resources):
    g = resources.gazetteer
    holders = Holders(g)
    ref = office_ref(g, "president", "USA")
    assert is_office_ref(ref) and ref.name == "United States president"
    assert holders.on(ref, date(2016, 6, 1)).name == "Barack Obama"
    assert holders.on(ref, date(2021, 6, 1)).name == "Joe Biden"
    un = office_ref(g, "secretary_general", None, "united-nations")
    assert holders.on(un, date(2019, 1, 1)).name == "António Guterres"
    assert holders.on(office_ref(g, "minister", "USA"), date(2021, 6, 1)).id == "USA:minister"  # one of many


def test_the_holder_acts_in_the_role_of_the_office_named(resources):
    g = resources.gazetteer
    # Netanyahu was prime minister and foreign minister at once; as foreign minister he is that
    ent = Holders(g).on(office_ref(g, "foreign_minister", "ISR"), date(2017, 6, 1))
    assert ent.name == "Benjamin Netanyahu" and ent.office == "foreign_minister"


@pytest.mark.parametrize(("d", "expected"), [
    (EventDate("2018-06-01", "day", "explicit", "2018-06-01", "2018-06-01"), date(2018, 6, 1)),
    (EventDate("2019-11", "month", "explicit", "2019-11-01", "2019-11-30"), date(2019, 11, 30)),
    (EventDate("2024", "year", "explicit", "2024-01-01", "2024-12-31"), LATER),  # the year runs on past the report
    (EventDate(None, None, None), LATER),
])
def test_day_of_an_event_date(d, expected):
    assert day_of(d, LATER) == expected
