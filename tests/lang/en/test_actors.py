"""Actor mentions in English: titles, countries before and after, metonyms, pronouns, prepositions."""

from datetime import date

import pytest

from ghatna.lang.en.syntax import english_syntax
from tests.conftest import assert_spans


def _mentions(pipeline, text, day=date(2022, 11, 12)):
    doc = pipeline.extract(text, published=day, lang="en")
    assert_spans(doc)
    return [(m.text, m.kind, [e.name for e in m.entities], m.case) for m in doc.mentions]


def _find(ms, text):
    return next(m for m in ms if m[0] == text)


@pytest.mark.parametrize("text,mention,name", [
    ("Russian Foreign Minister Sergey Lavrov arrived.", "Russian Foreign Minister Sergey Lavrov", "Sergey Lavrov"),
    ("Prime Minister Narendra Modi spoke.", "Prime Minister Narendra Modi", "Narendra Modi"),
    ("President Putin spoke.", "President Putin", "Vladimir Putin"),
    ("The Foreign Minister of Russia spoke.", "Foreign Minister of Russia", "Sergey Lavrov"),
    ("India's External Affairs Minister spoke.", "India's External Affairs Minister", "S. Jaishankar"),
    ("The Indian Prime Minister spoke.", "Indian Prime Minister", "Narendra Modi"),
    ("Prime Minister Hun Sen of Cambodia spoke.", "Prime Minister Hun Sen of Cambodia", "Hun Sen"),
    ("President Joseph R. Biden, Jr. spoke.", "President Joseph R. Biden, Jr.", "Joe Biden"),
])
def test_titles_names_and_countries_are_one_mention(pipeline, text, mention, name):
    m = _find(_mentions(pipeline, text), mention)
    assert m[1] == "person" and m[2] == [name]


def test_same_title_names_another_holder_on_another_date(pipeline):
    ms = _mentions(pipeline, "The American President spoke.", day=date(2019, 5, 1))
    assert _find(ms, "American President")[2] == ["Donald Trump"]
    ms = _mentions(pipeline, "The American President spoke.", day=date(2022, 5, 1))
    assert _find(ms, "American President")[2] == ["Joe Biden"]


def test_unknown_name_after_a_title_is_a_person_of_that_country(pipeline):
    doc = pipeline.extract("Bhutan's Foreign Minister Lyonpo Testa Dorji arrived.", published=date(2024, 1, 1),
                           lang="en")
    m = doc.mentions[0]
    assert m.text == "Bhutan's Foreign Minister Lyonpo Testa Dorji"
    assert m.entities[0].name == "Lyonpo Testa Dorji" and m.entities[0].country == "BTN"


def test_capital_as_subject_is_the_government_and_as_object_a_place(pipeline):
    ms = _mentions(pipeline, "Moscow said Tokyo must act. The minister later visited Tokyo.")
    assert ms[0][:3] == ("Moscow", "organization", ["Russia government"])
    visited = [m for m in ms if m[0] == "Tokyo"][-1]
    assert visited[1] == "place" and visited[2] == ["Japan"]


def test_kremlin_is_russias_government(pipeline):
    doc = pipeline.extract("The Kremlin rejected the claim.", published=date(2022, 1, 1), lang="en")
    e = doc.mentions[0].entities[0]
    assert e.country == "RUS" and e.sector == "GOV"


def test_pronouns_point_back_to_the_subject(pipeline):
    ms = _mentions(pipeline, "President Biden spoke with Chancellor Olaf Scholz. He thanked Germany.",
                   day=date(2023, 3, 3))
    assert _find(ms, "He")[2] == ["Joe Biden"]


def test_an_introductory_phrase_holds_no_subject(pipeline):
    # "Criticising X, he …": X is the participle's object; "he" is the previous sentence's subject
    ms = _mentions(pipeline, "Vladimir Putin spoke in Moscow on Tuesday. Criticising Joe Biden, he said the "
                   "sanctions were illegal.", day=date(2024, 5, 1))
    assert _find(ms, "he")[2] == ["Vladimir Putin"]


def test_pair_words_and_they_point_to_the_last_two_persons(pipeline):
    ms = _mentions(pipeline, "Modi met Putin in Moscow. The two leaders discussed trade. They agreed.")
    assert sorted(_find(ms, "The two leaders")[2]) == ["Narendra Modi", "Vladimir Putin"]
    assert sorted(_find(ms, "They")[2]) == ["Narendra Modi", "Vladimir Putin"]


def test_case_is_the_preposition_before_and_is_shared_in_a_coordination(pipeline):
    ms = _mentions(pipeline, "Modi spoke with the Presidents of France and Germany and with Japan in Tokyo.")
    assert _find(ms, "France")[3] == "gen"
    assert _find(ms, "Japan")[3] == "with"
    assert _find(ms, "Tokyo")[3] == "in"
    ms = _mentions(pipeline, "India held talks with Russia and China.")
    assert _find(ms, "China")[3] == "with"


def test_a_comma_list_shares_the_preposition_but_a_new_clause_does_not(pipeline):
    ms = _mentions(pipeline, "Talks between Russia, China and India ended. After the visit to Japan, Modi spoke.")
    assert [_find(ms, c)[3] for c in ("Russia", "China", "India")] == ["between"] * 3
    assert _find(ms, "Modi")[3] is None


def test_possessive_country_is_not_a_preposition(pipeline):
    ms = _mentions(pipeline, "Russia's Lavrov met China's Wang Yi.")
    assert all(m[3] is None for m in ms)


def test_adjective_before_a_plural_noun_is_a_national_group(pipeline):
    ms = _mentions(pipeline, "Sri Lanka released Indian fishermen.")
    assert ("Indian fishermen", "group", ["India fishermen"], None) in ms


def test_english_syntax_data_loads():
    syn = english_syntax()
    assert "the" in syn.determiners and "held" in syn.light_verbs and "was" in syn.be_forms
    assert syn.is_verb_form("met") and syn.is_verb_form("visited") and not syn.is_verb_form("visit")


def test_a_bare_title_is_the_first_holder_named(pipeline):
    ms = _mentions(pipeline, "President Biden met President Macron of France. The President thanked him.",
                   day=date(2023, 2, 1))
    assert _find(ms, "President")[2] == ["Joe Biden"]
    assert _find(ms, "him")[2] == ["Emmanuel Macron"]


def test_unknown_first_name_before_a_known_surname_is_that_person(pipeline):
    ms = _mentions(pipeline, "Assam Chief Minister Sarbanand Sonowal spoke.", day=date(2020, 1, 4))
    assert _find(ms, "Chief Minister Sarbanand Sonowal")[2] == ["Sarbananda Sonowal"]


def test_a_bare_agent_word_before_a_noun_is_no_actor(pipeline):
    ms = _mentions(pipeline, "India and China resumed military communications.")
    assert not [m for m in ms if m[0] == "military"]


def test_surname_points_back_to_a_titled_name_the_dictionary_lacks(pipeline):
    ms = _mentions(pipeline, "Bhutan's Foreign Minister Lyonpo Testa Dorji met President Ruto of Kenya. "
                             "Mr. Dorji thanked Kenya. He then left.", day=date(2024, 1, 1))
    assert _find(ms, "Dorji")[2] == ["Lyonpo Testa Dorji"]
    assert _find(ms, "He")[2] == ["Lyonpo Testa Dorji"]


@pytest.mark.parametrize("text,mention,name", [
    ("The Government of Serbia rejected the plan.", "Government of Serbia", "Serbia government"),
    ("The army of Pakistan moved.", "army of Pakistan", "Pakistan army"),
])
def test_an_agent_of_a_country_is_that_countrys(pipeline, text, mention, name):
    m = _find(_mentions(pipeline, text), mention)
    assert m[1] == "agent" and m[2] == [name]


@pytest.mark.parametrize("text,mention,name", [
    # titles of several words are matched in lower case too; one word ("president") is not
    ("The Indian foreign minister arrived.", "Indian foreign minister", "S. Jaishankar"),
    ("India's foreign minister arrived.", "India's foreign minister", "S. Jaishankar"),
])
def test_lower_case_titles(pipeline, text, mention, name):
    ms = _mentions(pipeline, text, day=date(2023, 5, 1))
    assert _find(ms, mention)[2] == [name]


def test_a_possessive_opens_the_second_conjunct(pipeline):
    doc = pipeline.extract("Lavrov and his Chinese counterpart held talks.", published=date(2023, 5, 1), lang="en")
    talks = [e for e in doc.events if e.type == "CONSULT"]
    assert talks and sorted(a.country for a in talks[0].actors) == ["CHN", "RUS"]


def test_a_country_before_a_comma_does_not_join_a_demonyms_title(pipeline):
    # "between Egypt and Sudan, Egyptian President …": the President is Egypt's alone
    ms = _mentions(pipeline, "Amid tension between Egypt and Sudan, Egyptian President warned Khartoum.",
                   day=date(2020, 1, 6))
    assert _find(ms, "Egyptian President")[2] == ["Abdel Fattah el-Sisi"]
