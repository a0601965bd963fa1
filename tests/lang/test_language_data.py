"""Every entry of every language's grammar and pattern file is checked."""

import json
import unicodedata
from importlib import resources

import jsonschema
import pytest
import yaml

from ghatna.lang.grammar import Grammar
from ghatna.lang.patterns import PatternSet
from ghatna.ontology import Ontology

LANGS = [p.name for p in (resources.files("ghatna") / "data" / "lang").iterdir()
         if (p / "patterns.yaml").is_file()]


def _load(lang, name):
    return yaml.safe_load((resources.files("ghatna") / "data" / "lang" / lang / name).read_text(encoding="utf-8"))


def _schema(name):
    return json.loads((resources.files("ghatna") / "data" / "schema" / name).read_text(encoding="utf-8"))


def _strings(x):
    if isinstance(x, str):
        yield x
    elif isinstance(x, dict):
        for k, v in x.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(x, list):
        for v in x:
            yield from _strings(v)


@pytest.mark.parametrize("lang", LANGS)
def test_grammar_matches_schema_and_loads(lang):
    d = _load(lang, "grammar.yaml")
    jsonschema.validate(d, _schema("grammar.schema.json"))
    Grammar.load(lang)


@pytest.mark.parametrize("lang", LANGS)
def test_patterns_match_schema_and_load(lang):
    jsonschema.validate(_load(lang, "patterns.yaml"), _schema("patterns.schema.json"))
    assert PatternSet.load(lang).patterns


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", ["grammar.yaml", "patterns.yaml"])
def test_strings_are_clean(lang, name):
    for s in _strings(_load(lang, name)):
        assert unicodedata.normalize("NFC", s) == s, s
        assert "\u200c" not in s and "\u200d" not in s, repr(s)
        assert s == s.strip(), repr(s)


@pytest.mark.parametrize("lang", LANGS)
def test_every_pattern_codes_to_a_known_plover_mode(lang):
    onto = Ontology.load()
    covered = set()
    for p in PatternSet.load(lang).patterns.values():
        assert onto.is_valid(p.type, p.mode), (p.id, p.type, p.mode)
        for mode, _ in p.mode_cues:
            assert onto.is_valid(p.type, mode), (p.id, mode)
        covered.add(p.type)
    assert covered == set(onto.types), f"types without patterns: {set(onto.types) - covered}"


@pytest.mark.parametrize("lang", LANGS)
def test_grammar_descriptions_name_known_offices(lang):
    offices = {o["office"] for o in yaml.safe_load(
        (resources.files("ghatna") / "data" / "actors" / "offices.yaml").read_text(encoding="utf-8"))}
    for d in _load(lang, "grammar.yaml").get("descriptions") or []:
        assert d["office"] in offices
