"""A third language is a folder of data plus a reader: a toy postpositional language.

"Toyish" writes Hindi grammar in Latin letters: the doer takes "ne", the target "par", the
addressee "se", and the noun predicates "hamla" (attack) and "apil" (appeal). It reuses the
Hindi reader (the syntax is the same kind) and the shared dictionary of names; nothing in the
pipeline names it.
"""

from datetime import date

import pytest
import yaml

from ghatna.lang.registry import Language, builtin_languages
from ghatna.pipeline import Pipeline

GRAMMAR = {
    "postpositions": {"ne": ["ne"], "upon": ["par"], "se": ["se"], "ko": ["ko"], "gen": ["ka", "ki", "ke"],
                      "in": ["mein"]},
    "coordinators": ["aur"],
    "pronouns": [{"forms": ["usne"], "case": "ne", "ref": "any"}],
    "clause_breaks": ["ki", "lekin"],
    "negation": ["nahin"],
    "speech_verbs": ["kaha"],
    "finite_ends": ["kiya", "ki"],
    "inflection": {"noun": {"inflect_word": "last", "rules": [{"ending": "a", "forms": ["e", "on"]}]}},
}
TRIGGERS = {"classes": [
    {"id": "attack", "type": "ASSAULT", "frame": "strike", "nouns": ["hamla"]},
    {"id": "appeal", "type": "REQUEST", "frame": "address", "nouns": ["apil"]},
]}
FRAMES = {
    "defaults": {"ne": "actor", "nom": "actor", "upon": "recipient", "ko": "recipient", "se": None, "gen": None},
    "frames": {"strike": {"roles": {"gen": "actor"}}, "address": {"roles": {"se": "recipient"}}},
}


def _actors(res, code):
    from ghatna.actors.tagger import ActorTagger

    return ActorTagger(res, code)


def _reader(gram):
    from ghatna.lang.hi.reader import HindiReader

    return HindiReader(gram)


@pytest.fixture(scope="module")
def toy(tmp_path_factory):
    folder = tmp_path_factory.mktemp("toyish")
    for name, data in (("grammar.yaml", GRAMMAR), ("triggers.yaml", TRIGGERS), ("frames.yaml", FRAMES)):
        (folder / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return Pipeline(languages=[Language("xx", "Toyish", folder, _actors, _reader)])


def test_the_toy_language_codes_who_did_what_to_whom(toy):
    doc = toy.extract("Russia ne Ukraine par hamla kiya.", published=date(2025, 3, 1), lang="xx")
    ev = next(e for e in doc.events if e.type == "ASSAULT")
    assert [a.country for a in ev.actors] == ["RUS"] and [r.country for r in ev.recipients] == ["UKR"]
    assert ev.trigger == "hamla"


def test_its_inflection_rules_apply(toy):
    doc = toy.extract("France ne Germany se apil ki. Russia ke hamlon mein Ukraine par nuksan hua.", lang="xx",
                      published=date(2025, 3, 1))
    assert {e.type for e in doc.events} >= {"REQUEST"}
    assert any(e.trigger == "hamlon" for e in doc.events)


def test_without_time_words_events_take_the_publication_date(toy):
    doc = toy.extract("Russia ne Ukraine par hamla kiya.", published=date(2025, 3, 1), lang="xx")
    assert doc.times == [] and doc.events[0].date.value == "2025-03-01"


def test_built_in_languages_are_found_by_package_and_the_toy_is_not_among_them():
    langs = builtin_languages()
    assert {"hi", "en"} <= set(langs) and "xx" not in langs
    assert all(lang.code == code for code, lang in langs.items())
