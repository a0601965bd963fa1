"""English quotes: the speaker before or after the quote, with said/told/according to."""

from datetime import date

import pytest

from tests.conftest import assert_spans

DAY = date(2023, 5, 1)


def _quotes(pipeline, text):
    doc = pipeline.extract(text, published=DAY, lang="en")
    assert_spans(doc)
    return {q.text: q.speaker.name if q.speaker else None for q in doc.quotes}


@pytest.mark.parametrize("text,quote,speaker", [
    ("Russian Foreign Minister Sergey Lavrov said, “India is our friend.”", "India is our friend.", "Sergey Lavrov"),
    ("“We want peace,” Chinese Foreign Minister Wang Yi told reporters.", "We want peace,", "Wang Yi"),
    ('"The talks were productive," said Prime Minister Narendra Modi.', "The talks were productive,",
     "Narendra Modi"),
    ('According to External Affairs Minister S. Jaishankar, "the relationship is strong."',
     "the relationship is strong.", "S. Jaishankar"),
    ('"We will respond," the Kremlin said.', "We will respond,", "Kremlin"),
    ('President Biden told Prime Minister Modi: "We stand with India."', "We stand with India.", "Joe Biden"),
])
def test_speaker_before_or_after_the_quote(pipeline, text, quote, speaker):
    assert _quotes(pipeline, text) == {quote: speaker}


def test_pronoun_speaker_points_back(pipeline):
    text = 'Prime Minister Narendra Modi arrived in Tokyo. "This is a historic day," he said.'
    assert _quotes(pipeline, text) == {"This is a historic day,": "Narendra Modi"}


def test_scare_quotes_and_titles_have_no_speaker(pipeline):
    assert _quotes(pipeline, 'The "Act East" policy was launched in 2014.') == {}


def test_apostrophes_are_not_quotes(pipeline):
    doc = pipeline.extract("India's and Brazil’s leaders met. They didn't sign.", published=DAY, lang="en")
    assert doc.quotes == [] and not [f for f in doc.flags if f.code == "unbalanced_quotes"]


def test_pronouns_inside_a_quote_are_not_resolved(pipeline):
    doc = pipeline.extract('Modi said, "They attacked us." Putin met Modi.', published=DAY, lang="en")
    assert not [m for m in doc.mentions if m.text == "They"]
