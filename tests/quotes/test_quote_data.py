"""Every entry of the quotation-mark table and of each language's quotes.yaml is checked."""

import unicodedata
from importlib import resources

import jsonschema
import pytest

from ghatna.lang.grammar import token_forms
from ghatna.quotes.marks import QuoteMarks
from ghatna.quotes.words import QuoteWords
from tests.datafiles import load, schema, strings

DATA = resources.files("ghatna") / "data"
LANGS = sorted(p.name for p in (DATA / "lang").iterdir() if (p / "quotes.yaml").is_file())


def test_both_languages_have_quote_words():
    assert {"hi", "en"} <= set(LANGS)


def test_marks_match_their_schema_and_load():
    d = load("quotes", "marks.yaml")
    jsonschema.validate(d, schema("quote_marks.schema.json"))
    marks = QuoteMarks.from_data(d)
    # the styles of Hindi and English news are all there
    for m in ['"', "'", "''", "“", "”", "‘", "’", "‘‘", "’’", "«", "»", "„"]:
        assert m in marks.opens or m in marks.closes, m
    assert {"'", "’"} <= marks.apostrophes and '"' not in marks.apostrophes


def test_every_mark_kind_can_close_what_it_opens():
    for k in load("quotes", "marks.yaml")["kinds"]:
        if not k.get("symmetric"):
            assert not set(k["open"]) & set(k["close"]), k["id"]


@pytest.mark.parametrize("lang", LANGS)
def test_quote_words_match_their_schema(lang):
    jsonschema.validate(load("lang", lang, "quotes.yaml"), schema("quotes.schema.json"))


@pytest.mark.parametrize("lang", LANGS)
def test_quote_words_load_and_every_word_is_one_token(lang):
    d = load("lang", lang, "quotes.yaml")
    words = QuoteWords.from_data(d)
    assert words.verbs and words.nouns
    for key in ("bridge", "before_verb", "verb_tail", "reported", "not_names", "source_nouns", "speech_nouns",
                "light_fillers", "passive"):
        for w in d.get(key) or []:
            assert len(token_forms(w)) == 1, (key, w)
    for group in (d.get("verbs") or {}).values():
        for w in group:
            assert len(token_forms(w)) == 1, w


@pytest.mark.parametrize("lang", LANGS)
def test_no_verb_is_listed_under_two_markings(lang):
    d = load("lang", lang, "quotes.yaml")
    for table in ("verbs", "light_verbs"):
        seen: dict[str, str] = {}
        for marking, forms in (d.get(table) or {}).items():
            for f in forms:
                assert f not in seen, (table, f, seen.get(f), marking)
                seen[f] = marking


@pytest.mark.parametrize("lang", LANGS)
def test_strings_are_clean(lang):
    for s in strings(load("lang", lang, "quotes.yaml")):
        assert unicodedata.normalize("NFC", s) == s, s
        assert "\u200c" not in s and "\u200d" not in s, repr(s)
        assert s == s.strip() and "  " not in s, repr(s)


@pytest.mark.parametrize("lang", LANGS)
def test_a_speaker_noun_is_no_verb_and_no_bridge(lang):
    words = QuoteWords.from_data(load("lang", lang, "quotes.yaml"))
    assert not words.nouns.keys() & words.verbs.keys()
    assert not words.bridge & words.verbs.keys()
