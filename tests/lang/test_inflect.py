"""Inflected forms of trigger lemmas from each language's suffix rules."""

import pytest

from ghatna.lang.grammar import Grammar
from ghatna.lang.inflect import Inflector


@pytest.fixture(scope="module")
def hi():
    return Grammar.load("hi").inflector


@pytest.fixture(scope="module")
def en():
    return Grammar.load("en").inflector


@pytest.mark.parametrize("lemma,forms", [
    ("हमला", ["हमले", "हमलों"]),  # masculine -आ: oblique and plural
    ("यात्रा", ["यात्राएं", "यात्राओं"]),  # feminine -आ
    ("धमकी", ["धमकियां", "धमकियों"]),  # -ई
    ("बैठक", ["बैठकें", "बैठकों"]),  # consonant-final
    ("हवाई हमला", ["हवाई हमले", "हवाई हमलों"]),  # the last word of a compound inflects
])
def test_hindi_nouns(hi, lemma, forms):
    got = hi.forms(lemma, "noun")
    assert lemma in got and all(f in got for f in forms)


@pytest.mark.parametrize("lemma,forms", [
    ("मार", ["मारा", "मारी", "मारे", "मारता", "मारने", "मारेगा", "मारेंगे", "मारकर"]),
    ("बुला", ["बुलाया", "बुलाई", "बुलाए", "बुलाने", "बुलाएगा", "बुलाकर"]),
    ("धावा बोल", ["धावा बोला", "धावा बोले", "धावा बोलेंगे"]),
    ("कर", ["किया", "की", "किए", "करेगा"]),  # irregular
])
def test_hindi_verbs(hi, lemma, forms):
    got = hi.forms(lemma, "verb")
    assert all(f in got for f in forms), [f for f in forms if f not in got]


@pytest.mark.parametrize("lemma,forms", [
    ("attack", ["attacks", "attacked", "attacking"]),
    ("invite", ["invites", "invited", "inviting"]),
    ("ban", ["bans", "banned", "banning"]),
    ("rally", ["rallies", "rallied", "rallying"]),
    ("meet", ["met", "meets", "meeting"]),
    ("call on", ["called on", "calls on", "calling on"]),  # the first word of a verb phrase
])
def test_english_verbs(en, lemma, forms):
    got = en.forms(lemma, "verb")
    assert all(f in got for f in forms), [f for f in forms if f not in got]


def test_english_nouns_and_irregulars_only_for_verbs(en):
    assert "air strikes" in en.forms("air strike", "noun")
    assert "air struck" not in en.forms("air strike", "noun")
    assert "allies" in en.forms("ally", "noun") and "crises" not in en.forms("talk", "noun")


def test_rules_from_data():
    inf = Inflector.from_dict({"noun": {"rules": [{"ending": "o", "forms": ["os", "oes"]}]}})
    assert inf.forms("veto", "noun") == ["veto", "vetos", "vetoes"]
    assert inf.forms("veto", "verb") == ["veto"]
