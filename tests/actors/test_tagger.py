"""Actor mentions in Hindi: offices by date, adjectives, pronouns, surnames, boundaries."""

from datetime import date

import pytest


def _mentions(pipeline, text, day=date(2020, 1, 8)):
    doc = pipeline.extract(text, published=day, lang="hi")
    return doc, [(m.text, m.kind, [e.name for e in m.entities], m.case) for m in doc.mentions]


def test_country_adjective_before_office_names_the_holder(pipeline):
    _, ms = _mentions(pipeline, "अमरीकी राष्ट्रपति ने कल बयान दिया।")
    assert ("अमरीकी राष्ट्रपति", "person", ["Donald Trump"], "ne") in ms


def test_same_title_names_another_holder_on_another_date(pipeline):
    _, ms = _mentions(pipeline, "अमरीकी राष्ट्रपति ने कल बयान दिया।", day=date(2022, 5, 1))
    assert ms[0][2] == ["Joe Biden"]


def test_title_and_name_are_one_mention(pipeline):
    _, ms = _mentions(pipeline, "रूस के राष्ट्रपति व्लादिमीर पुतिन ने भारत की यात्रा की।")
    assert ms[0][:3] == ("रूस के राष्ट्रपति व्लादिमीर पुतिन", "person", ["Vladimir Putin"])
    assert ("भारत", "country", ["India"], "gen") in ms


def test_adjective_is_not_the_country_inside_it(pipeline):
    _, ms = _mentions(pipeline, "रूसी सैनिक सीमा पर पहुंचे।")
    assert all(m[0] != "रूस" for m in ms)


def test_pronoun_and_pair_words_point_back(pipeline):
    _, ms = _mentions(pipeline, "नरेंद्र मोदी और व्लादिमीर पुतिन मिले। दोनों नेताओं ने बात की। उन्होंने कहा।")
    pair = next(m for m in ms if m[0] == "दोनों नेताओं")
    assert sorted(pair[2]) == ["Narendra Modi", "Vladimir Putin"]
    pron = next(m for m in ms if m[0] == "उन्होंने")
    assert pron[3] == "ne" and len(pron[2]) == 1


@pytest.mark.parametrize(("text", "who"), [
    # a subject pronoun of a main clause is the previous sentence's subject, not the person
    # named last (here the object of a participle clause)
    ("व्लादिमीर पुतिन ने मंगलवार को भाषण दिया। जो बाइडन की आलोचना करते हुए उन्होंने कहा कि प्रतिबंध गलत हैं।",
     "Vladimir Putin"),
    ("व्लादिमीर पुतिन ने शी जिनपिंग से मुलाकात की। उन्होंने कहा कि व्यापार बढ़ेगा।", "Vladimir Putin"),
    # in a reported clause after an addressee, "वह" is whom the speaker addressed
    ("नरेंद्र मोदी ने शहबाज़ शरीफ़ से कहा कि वह आतंकवाद पर रोक लगाएं।", "Shehbaz Sharif"),
])
def test_a_subject_pronoun_prefers_a_subject(pipeline, text, who):
    _, ms = _mentions(pipeline, text, day=date(2024, 5, 1))
    pron = next(m for m in ms if m[1] == "pronoun")
    assert pron[2] == [who]


def test_offsets_are_exact(pipeline):
    from tests.conftest import assert_spans

    doc, _ = _mentions(pipeline, "इराक के प्रधानमंत्री आदिल अब्\u200dदुल महदी ने अपील की।")
    assert_spans(doc)


def test_third_person_pronoun_prefers_a_recent_person_over_a_country(pipeline):
    text = "लेफ्टिनेंट जनरल रणबीर सिंह ने चीन की यात्रा शुरू की। चीन के अधिकारियों से बात हुई। कल वह शंघाई का दौरा करेंगे।"
    doc, ms = _mentions(pipeline, text)
    pron = [m for m in ms if m[0] == "वह"]
    assert pron and pron[0][2] == ["Ranbir Singh"]


def test_pronoun_in_the_same_sentence_can_be_an_organisation(pipeline):
    doc, ms = _mentions(pipeline, "नाटो ने कहा कि वह इराक से अपने सैनिक हटाएगा।")
    pron = [m for m in ms if m[0] == "वह"]
    assert pron and pron[0][2] == ["NATO"]


def test_his_country_is_the_country_of_the_person_named_before(pipeline):
    doc, ms = _mentions(pipeline, "माइक पोम्पियो ने कहा कि उनका देश तनाव कम करने के लिए प्रतिबद्ध है।")
    pron = [m for m in ms if m[0] == "उनका देश"]
    assert pron and pron[0][2] == ["United States"]
    assert [e.type for e in doc.events] == ["AGREE"] and doc.events[0].actors[0].country == "USA"


@pytest.mark.parametrize(("text", "who"), [
    ("हमास के लड़ाकों ने हमला किया।", "हमास के लड़ाकों"),
    ("भाजपा के कार्यकर्ताओं ने प्रदर्शन किया।", "भाजपा के कार्यकर्ताओं"),
])
def test_a_bodys_members_act_as_the_body(pipeline, text, who):
    doc, ms = _mentions(pipeline, text)
    first = ms[0]
    assert first[0] == who and first[1] in ("organization", "group")
    assert [e.id for e in doc.mentions[0].entities] in (["hamas"], ["bjp"])


@pytest.mark.parametrize(("text", "lang", "sea"), [
    ("अमेरिकी नौसेना ने दक्षिण चीन सागर में गश्त की।", "hi", "दक्षिण चीन सागर"),
    ("ईरान ने ओमान की खाड़ी में जहाज़ रोका।", "hi", "ओमान की खाड़ी"),
    ("A US destroyer sailed through the South China Sea.", "en", "South China Sea"),
    ("Oil prices rose after a tanker was seized in the Gulf of Oman.", "en", "Gulf of Oman"),
])
def test_a_country_inside_a_seas_name_is_no_mention_of_it(pipeline, text, lang, sea):
    doc = pipeline.extract(text, published=date(2024, 5, 1), lang=lang)
    water = [m for m in doc.mentions if m.text == sea]
    assert water and water[0].kind == "place" and water[0].place is not None and water[0].place.country is None
    assert not [m for m in doc.mentions if m.kind == "country" and water[0].tok_start <= m.tok_start < water[0].tok_end]


@pytest.mark.parametrize(("text", "lang"), [
    ("श्रीलंका के पूर्व प्रधानमंत्री ने बयान दिया।", "hi"),
    ("Sri Lanka's former prime minister made a statement.", "en"),
])
def test_a_former_title_is_the_countrys_but_not_todays_holder(pipeline, text, lang):
    doc = pipeline.extract(text, published=date(2024, 5, 1), lang=lang)
    person = next(m for m in doc.mentions if m.kind == "person")
    ent = person.entities[0]
    assert ent.country == "LKA" and ent.id == "LKA:former-prime_minister"


def test_countries_joined_before_a_genitive_give_the_noun_one_country_each(pipeline):
    # "X और Y की सेनाएं": the armies of both, as with joined demonyms ("भारतीय और अमेरिकी सेनाएं")
    doc, _ = _mentions(pipeline, "मिस्र और सूडान की सेनाएं सीमा पर गश्त करती हैं।", day=date(2024, 5, 1))
    armies = next(m for m in doc.mentions if m.kind == "agent")
    assert sorted(e.country for e in armies.entities) == ["EGY", "SDN"]
