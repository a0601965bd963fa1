"""Every entry of the conflict data (casualties.yaml, attacks.yaml, the `unattributed` field of
triggers.yaml) of every language is checked against its schema and loads."""

import unicodedata
from importlib import resources

import jsonschema
import pytest

from ghatna.events.attacks import AttackWords
from ghatna.events.casualties import KINDS, CasualtyWords, sentence_counts
from ghatna.events.lexicon import TriggerLexicon
from ghatna.events.unattributed import is_conflict
from ghatna.lang.grammar import Grammar
from tests.datafiles import load, schema, strings

DATA = resources.files("ghatna") / "data" / "lang"
LANGS = sorted(p.name for p in DATA.iterdir() if (p / "triggers.yaml").is_file())
FILES = ["casualties.yaml", "attacks.yaml"]


@pytest.mark.parametrize("lang", ["hi", "en"])
@pytest.mark.parametrize("name", FILES)
def test_both_languages_have_the_file_and_it_matches_its_schema(lang, name):
    jsonschema.validate(load("lang", lang, name), schema(name.replace(".yaml", ".schema.json")))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", FILES)
def test_every_word_is_nfc_without_zero_width_joiners(lang, name):
    if not (DATA / lang / name).is_file():
        pytest.skip(f"{lang} has no {name}")
    for s in strings(load("lang", lang, name)):
        assert unicodedata.normalize("NFC", s) == s and "\u200d" not in s and "\u200c" not in s, s


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_casualty_words_load_and_every_kind_has_phrases(lang):
    words = CasualtyWords.load(DATA / lang)
    d = load("lang", lang, "casualties.yaml")
    assert set(d["kinds"]) == set(KINDS)
    assert words.numbers and all(v > 0 for v in words.numbers.values())
    assert len(words.numbers) == len(d["numbers"])  # no two number words fold to one form


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_every_number_word_counts_before_a_casualty_phrase(lang):
    """Each number word, alone before the first 'killed' phrase, is read as its value."""
    from ghatna.model import Article, Document
    from ghatna.text.normalize import normalize
    from ghatna.text.segment import segment

    d = load("lang", lang, "casualties.yaml")
    words = CasualtyWords.from_dict(d)
    phrase = d["kinds"]["killed"]["before"][0]
    for word, value in d["numbers"].items():
        if value != int(value):
            continue  # डेढ़, ढाई: only before a multiplier
        text = f"{word} {phrase}"
        doc = Document(Article(text))
        doc.norm, doc.norm_map = normalize(text)
        doc.sentences, doc.tokens = segment(text, doc.norm, doc.norm_map, {})
        counts = sentence_counts(words, doc.tokens, 0, len(doc.tokens))
        assert [(c.kind, c.value) for c in counts] == [("killed", int(value))], word


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_attack_words_load(lang):
    words = AttackWords.load(DATA / lang)
    assert words.anaphora and words.cues and words.plural_endings


@pytest.mark.parametrize("lang", LANGS)
def test_only_attacks_and_riots_may_be_coded_without_a_doer(lang):
    lex = TriggerLexicon.load(lang, DATA / lang, Grammar.load(lang).inflector)
    marked = [c for c in lex.classes.values() if c.unattributed is not None]
    assert all(is_conflict(c.type, c.mode) for c in marked), [c.id for c in marked if not is_conflict(c.type, c.mode)]
    if lang in ("hi", "en"):
        assert {"always", "cue"} <= {c.unattributed for c in marked}
        assert {c.type for c in marked} == {"ASSAULT", "PROTEST"}
