"""Peoples as actors (issue 12): plural demonyms, peoples without a state, group nouns with a
place, and demonyms joined before one noun."""

from datetime import date

import pytest

DAY = date(2024, 5, 1)


def _events(pipeline, text, lang):
    doc = pipeline.extract(text, published=DAY, lang=lang)
    return [(e.type, [(a.kind, a.country) for a in e.actors], [r.country for r in e.recipients]) for e in doc.events]


@pytest.mark.parametrize(("text", "lang", "kind", "country"), [
    ("Palestinians accused Israel of killing civilians.", "en", "group", "PSE"),
    ("फ़लस्तीनियों ने इसराइल पर हत्याओं का आरोप लगाया।", "hi", "group", "PSE"),
    ("Thousands of Georgians protested against the government in Tbilisi.", "en", "group", "GEO"),
    ("ईरानियों ने अमेरिका के खिलाफ प्रदर्शन किया।", "hi", "group", "IRN"),
    ("Iraqi Kurds protested against Turkey.", "en", "group", "IRQ"),
    ("इराकी कुर्दों ने तुर्की के खिलाफ प्रदर्शन किया।", "hi", "group", "IRQ"),
    ("Bosnian Serbs rejected the court ruling.", "en", "group", "BIH"),
    ("Hundreds of protesters in Tehran condemned the United States.", "en", "group", "IRN"),
])
def test_a_people_acts_with_its_country(pipeline, text, lang, kind, country):
    events = _events(pipeline, text, lang)
    assert any((kind, country) in actors for _, actors, _ in events), events


def test_a_plural_demonym_names_the_people_not_the_state(pipeline):
    doc = pipeline.extract("Palestinians accused Israel of killing civilians.", published=DAY, lang="en")
    people = next(m for m in doc.mentions if m.text == "Palestinians")
    assert people.kind == "group" and people.entities[0].id == "PSE:people"
    assert people.entities[0].name == "Palestinians" and people.entities[0].sector == "CVL"


def test_a_generic_word_before_a_people_is_that_peoples(pipeline):
    doc = pipeline.extract("सरकार ने बाढ़ में फंसे प्रवासी भारतीयों को मदद भेजी।", published=DAY, lang="hi")
    m = next(m for m in doc.mentions if m.text == "प्रवासी भारतीयों")
    assert [e.id for e in m.entities] == ["IND:community"]


@pytest.mark.parametrize(("text", "lang", "countries"), [
    ("Indian and French navies held joint exercises in the Arabian Sea.", "en", {"IND", "FRA"}),
    ("The Indian, Japanese and Australian navies held a joint drill.", "en", {"IND", "JPN", "AUS"}),
    ("भारतीय और अमेरिकी सेनाओं का संयुक्त सैन्य अभ्यास शुरू हुआ।", "hi", {"IND", "USA"}),
    ("रूसी और चीनी नौसेनाओं ने संयुक्त अभ्यास किया।", "hi", {"RUS", "CHN"}),
])
def test_demonyms_joined_before_one_noun_give_one_agent_each(pipeline, text, lang, countries):
    events = _events(pipeline, text, lang)
    assert events and events[0][0] == "COOPERATE"
    assert {c for _, c in events[0][1]} == countries and all(k == "organization" for k, _ in events[0][1])
