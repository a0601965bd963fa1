"""Every entry of every language's grammar, trigger lexicon and case frames is checked."""

import unicodedata
from importlib import resources

import jsonschema
import pytest
import yaml

from ghatna.events.frames import load_frames
from ghatna.events.lexicon import TriggerLexicon
from ghatna.lang.grammar import Grammar
from ghatna.ontology import Ontology
from tests.datafiles import load, schema, strings

DATA = resources.files("ghatna") / "data" / "lang"
LANGS = sorted(p.name for p in DATA.iterdir() if (p / "triggers.yaml").is_file())
FILES = ["grammar.yaml", "triggers.yaml", "frames.yaml"]


def test_both_languages_have_their_data():
    assert {"hi", "en"} <= set(LANGS)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", FILES)
def test_file_matches_its_schema(lang, name):
    jsonschema.validate(load("lang", lang, name), schema(name.replace(".yaml", ".schema.json")))


@pytest.mark.parametrize("lang", LANGS)
def test_grammar_trigger_lexicon_and_frames_load(lang):
    gram = Grammar.load(lang)
    lex = TriggerLexicon.load(lang, DATA / lang, gram.inflector)
    frames = load_frames(DATA / lang, gram.markers())
    assert lex.classes and frames
    assert {c.frame for c in lex.classes.values()} <= frames.keys()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", FILES)
def test_strings_are_clean(lang, name):
    for s in strings(load("lang", lang, name)):
        assert unicodedata.normalize("NFC", s) == s, s
        assert "\u200c" not in s and "\u200d" not in s, repr(s)
        assert s == s.strip(), repr(s)
        assert "  " not in s, repr(s)


@pytest.mark.parametrize("lang", LANGS)
def test_every_class_codes_to_a_known_plover_mode_and_all_types_are_covered(lang):
    onto = Ontology.load()
    gram = Grammar.load(lang)
    covered = set()
    for c in TriggerLexicon.load(lang, DATA / lang, gram.inflector).classes.values():
        assert onto.is_valid(c.type, c.mode), (c.id, c.type, c.mode)
        for mode, _ in c.mode_cues:
            assert onto.is_valid(c.type, mode), (c.id, mode)
        if c.by_civilians:
            assert onto.is_valid(*c.by_civilians), (c.id, c.by_civilians)
        covered.add(c.type)
    assert covered == set(onto.types), f"types without a class: {set(onto.types) - covered}"


@pytest.mark.parametrize("lang", LANGS)
def test_class_roles_name_markers_the_grammar_knows(lang):
    markers = Grammar.load(lang).markers()
    for c in load("lang", lang, "triggers.yaml")["classes"]:
        for k in c.get("roles") or {}:
            assert k.partition(":")[0] in markers, (c["id"], k)


@pytest.mark.parametrize("lang", LANGS)
def test_implicit_sides_are_known_agents(lang, resources):
    agents = resources.gazetteer.agents
    for c in load("lang", lang, "triggers.yaml")["classes"]:
        for k in ("implicit_actor", "implicit_recipient"):
            if c.get(k):
                assert c[k] in agents, (c["id"], c[k])


@pytest.mark.parametrize("lang", LANGS)
def test_no_word_is_listed_twice_in_one_class(lang):
    for c in load("lang", lang, "triggers.yaml")["classes"]:
        for key in ("nouns", "verbs", "fixed"):
            words = c.get(key) or []
            assert len(words) == len(set(words)), (c["id"], key, [w for w in words if words.count(w) > 1])


@pytest.mark.parametrize("lang", LANGS)
def test_grammar_descriptions_name_known_offices(lang):
    offices = {o["office"] for o in yaml.safe_load(
        (resources.files("ghatna") / "data" / "actors" / "offices.yaml").read_text(encoding="utf-8"))}
    for d in load("lang", lang, "grammar.yaml").get("descriptions") or []:
        assert d["office"] in offices
