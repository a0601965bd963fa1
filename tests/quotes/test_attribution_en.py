"""English quotes and their speakers: sentences written for these tests, one case each.

Every quote's offsets and every speaker's offsets point at the text they claim (assert_spans).
"""

from datetime import date

import pytest

from tests.conftest import assert_spans

DAY = date(2023, 5, 1)


def _quotes(pipeline, text):
    doc = pipeline.extract(text, published=DAY, lang="en")
    assert_spans(doc)
    for q in doc.quotes:
        assert doc.text[q.start:q.end] == q.text
        assert q.speaker is not None and q.speaker_span is not None
        assert doc.text[q.speaker_span.start:q.speaker_span.end] == q.speaker_span.text
    return doc.quotes


def _said(pipeline, text):
    """[(quote text, speaker name, speaker span text)]"""
    return [(q.text, q.speaker.name, q.speaker_span.text) for q in _quotes(pipeline, text)]


def test_speaker_before_a_colon(pipeline):
    text = 'Chinese Foreign Minister Wang Yi said: "Both sides want calm."'
    assert _said(pipeline, text) == [("Both sides want calm.", "Wang Yi", "Chinese Foreign Minister Wang Yi")]


def test_speaker_after_the_quote_and_a_quote_that_continues_it(pipeline):
    text = "“We will not give up,” Sergey Lavrov said. “The talks go on.”"
    assert _said(pipeline, text) == [("We will not give up,", "Sergey Lavrov", "Sergey Lavrov"),
                                     ("The talks go on.", "Sergey Lavrov", "Sergey Lavrov")]


def test_speaker_after_the_verb(pipeline):
    text = "Prime Minister Narendra Modi arrived in Tokyo. “This is a historic day,” said Modi."
    assert _said(pipeline, text) == [("This is a historic day,", "Narendra Modi", "Modi")]


def test_speaker_around_the_quote_with_a_pronoun(pipeline):
    text = "Sergey Lavrov met reporters in Moscow. 'It is over,' he said, 'and we move on.'"
    assert _said(pipeline, text) == [("It is over,", "Sergey Lavrov", "he"),
                                     ("and we move on.", "Sergey Lavrov", "he")]


def test_a_spokesperson_described_not_named(pipeline):
    text = "Kenya's foreign ministry spokesperson told reporters on Monday: \"Our envoy has been recalled.\""
    [q] = _quotes(pipeline, text)
    assert q.speaker.country == "KEN" and "spokesperson" in q.speaker.name
    assert q.speaker_span.text == "Kenya's foreign ministry spokesperson"


def test_according_to_a_senior_official(pipeline):
    text = "Floods hit Nepal this week. According to a senior official, \"the roads are closed.\""
    [q] = _quotes(pipeline, text)
    assert q.text == "the roads are closed." and q.speaker.country == "NPL" and q.speaker.sector == "GOV"
    assert q.speaker_span.text == "senior official"


def test_according_to_a_newspaper(pipeline):
    text = "A storm hit Florida. According to the Miami Herald, \"hundreds of homes are damaged.\""
    [q] = _quotes(pipeline, text)
    assert (q.speaker.name, q.speaker.kind, q.speaker.country) == ("Miami Herald", "organization", "USA")
    assert q.speaker_span.text == "Miami Herald"


def test_an_unknown_name_and_its_surname(pipeline):
    text = ("Students protested in Dhaka on Monday. \"We will not pay,\" student leader Aisha Rahman said. "
            "Later Rahman told reporters: 'The fee is unfair.'")
    quotes = _quotes(pipeline, text)
    assert [(q.text, q.speaker_span.text) for q in quotes] == [
        ("We will not pay,", "Aisha Rahman"), ("The fee is unfair.", "Rahman")]
    assert {q.speaker.name for q in quotes} == {"Aisha Rahman"} and quotes[0].speaker.country == "BGD"


@pytest.mark.parametrize("opening,closing", [('"', '"'), ("'", "'"), ("“", "”"), ("‘", "’"), ("«", "»")])
def test_every_quotation_mark_style(pipeline, opening, closing):
    text = f"British Prime Minister Rishi Sunak said, {opening}We stand with our allies.{closing}"
    assert _said(pipeline, text) == [("We stand with our allies.", "Rishi Sunak", "British Prime Minister Rishi Sunak")]


def test_nested_quotes_belong_to_the_outer_quote(pipeline):
    text = "Sergey Lavrov said, “They called our offer ‘a trick’, which is false.”"
    assert _said(pipeline, text) == [("They called our offer ‘a trick’, which is false.", "Sergey Lavrov",
                                      "Sergey Lavrov")]


def test_a_quote_left_open_runs_to_the_end_of_its_paragraph(pipeline):
    text = ("Hospitals in Kenya are full. Dr Amina Odhiambo said “we have enough beds and we are ready for "
            "the next wave of patients\nThe hospital opened in 1990.")
    [q] = _quotes(pipeline, text)
    assert q.text == "we have enough beds and we are ready for the next wave of patients"
    assert q.flags == ["unclosed"] and q.speaker_span.text == "Amina Odhiambo"


def test_quoted_words_in_reported_speech_are_the_speakers(pipeline):
    text = ("The Kremlin said the plan was “a provocation”. "
            "President Joe Biden said on Wednesday that the US will “impose new sanctions”.")
    assert _said(pipeline, text) == [("a provocation", "Kremlin", "The Kremlin"),
                                     ("impose new sanctions", "Joe Biden", "President Joe Biden")]


def test_scare_quotes_and_names_have_no_speaker(pipeline):
    assert _quotes(pipeline, 'The "Act East" policy began in 2014. The \'Look West\' plan followed.') == []


def test_a_participle_of_saying_takes_its_clauses_subject(pipeline):
    text = "India welcomed the deal on Monday, saying “this is a good day for the region”."
    assert _said(pipeline, text) == [("this is a good day for the region", "India", "India")]


def test_a_name_in_apposition_opens_the_clause(pipeline):
    text = ("Floods hit Kenya. Amina Odhiambo, a surgeon at the main hospital, visited the wards and said "
            "“the beds are full and we need more nurses.”")
    [q] = _quotes(pipeline, text)
    assert q.speaker_span.text == "Amina Odhiambo" and q.speaker.country == "KEN"


def test_a_quote_standing_as_a_paragraph_continues_the_last_speaker(pipeline):
    text = ("Sergey Lavrov said on Friday that the talks in Geneva had ended without a deal.\n"
            "\"We came with proposals and we leave with proposals, nothing more.\"\n"
            "The talks resume next month.")
    assert _said(pipeline, text) == [("We came with proposals and we leave with proposals, nothing more.",
                                      "Sergey Lavrov", "Sergey Lavrov")]
