"""Every entry of data/lang/{hi,en}/time.yaml: valid by the schema, and each one does its job."""

from __future__ import annotations

import json
import unicodedata
from datetime import date, timedelta
from importlib import resources

import jsonschema
import pytest
import regex

from ghatna.timex import TimeTagger
from ghatna.timex.grammar import slot_patterns, slot_words, start_words
from ghatna.timex.lexicon import Lexicon, read_time_data
from ghatna.timex.template import LIST, leading

LANGS = ("hi", "en")
PUB = date(2025, 3, 28)


@pytest.fixture(scope="module", params=LANGS)
def lang(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture(scope="module")
def tagger(lang: str) -> TimeTagger:
    return TimeTagger.load(lang)


@pytest.fixture(scope="module")
def lex(lang: str) -> Lexicon:
    return Lexicon.load(lang)


def only(tagger: TimeTagger, text: str, published: date | None = PUB):
    found = tagger.find(text, published=published)
    assert len(found) == 1, (text, found)
    return found[0]


def test_valid_by_schema(lang: str) -> None:
    schema = json.loads(
        (resources.files("ghatna") / "data" / "schema" / "time.schema.json").read_text("utf-8")
    )
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(read_time_data(lang), schema)


def test_unknown_language_is_an_error() -> None:
    with pytest.raises(ValueError):
        TimeTagger.load("xx")
    with pytest.raises(ValueError):
        TimeTagger.load("../hi")


def _strings(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in _strings(k) + _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


def test_hindi_words_are_in_working_copy_form() -> None:
    """The tagger reads normalised text: no nukta, no zero-width characters, NFC."""
    for s in _strings(read_time_data("hi")):
        assert unicodedata.normalize("NFC", s) == s, s
        for c in "\u093c\u0958\u0959\u095a\u095b\u095c\u095d\u095e\u095f\u200b\u200c\u200d":
            assert c not in s, f"U+{ord(c):04X} in {s!r}"


def test_calendar_tables_are_complete(lex: Lexicon) -> None:
    assert sorted(set(lex.months.values())) == list(range(1, 13))
    assert sorted(set(lex.weekdays.values())) == list(range(1, 8))
    assert lex.month_needs_cue <= set(lex.month_names)


def test_every_month_name_and_abbreviation(lang: str, tagger: TimeTagger, lex: Lexicon) -> None:
    for name, month in lex.months.items():
        text = f"5 {name} 2020" if lang == "hi" else f"{name} 5, 2020"
        e = only(tagger, text)
        assert (e.text, e.value) == (text, f"2020-{month:02d}-05")


def test_every_month_name_alone_with_a_cue(lang: str, tagger: TimeTagger, lex: Lexicon) -> None:
    for name in lex.month_names:
        month = lex.months[name]
        text = f"{name} में" if lang == "hi" else f"in {name}"
        e = only(tagger, text)
        assert (e.text, e.value, e.basis) == (name, f"2025-{month:02d}", "explicit")


def test_every_weekday_name(lang: str, tagger: TimeTagger, lex: Lexicon) -> None:
    for name, weekday in lex.weekdays.items():
        e = only(tagger, f"{name} को" if lang == "hi" else f"on {name}")
        assert e.granularity == "day" and e.begin is not None
        assert e.begin.isoweekday() == weekday
        assert timedelta(days=1) <= PUB - e.begin <= timedelta(days=7)


def test_every_number_word(lang: str, tagger: TimeTagger, lex: Lexicon) -> None:
    for word, n in lex.numbers.items():
        e = only(tagger, f"{word} दिन पहले" if lang == "hi" else f"{word} days ago")
        assert e.value == (PUB - timedelta(days=n)).isoformat(), word


def test_every_day_word(lang: str, tagger: TimeTagger, lex: Lexicon) -> None:
    for word, n in lex.day_words.items():
        e = only(tagger, f"{word} जनवरी 2021")
        assert e.value == f"2021-01-{n:02d}", word


def test_every_unit_word(lang: str, tagger: TimeTagger, lex: Lexicon) -> None:
    for word, unit in lex.units.items():
        e = only(tagger, f"तीन {word} पहले" if lang == "hi" else f"three {word} ago")
        assert (e.granularity, e.basis) == (unit, "relative"), word
        e = only(tagger, f"तीन {word} की यात्रा" if lang == "hi" else f"for three {word}")
        assert e.kind == "duration" and e.value is None, word


def test_every_named_day(lang: str, tagger: TimeTagger, lex: Lexicon) -> None:
    for name, named in lex.named_days.items():
        e = only(tagger, f"{name} पर" if lang == "hi" else f"on {name}")
        assert e.begin is not None and (e.begin.month, e.begin.day) == (named.month, named.day), name
        if named.first_year is not None:
            e = only(tagger, f"10वें {name} पर" if lang == "hi" else f"the 10th {name}")
            assert e.value == f"{named.first_year + 9}-{named.month:02d}-{named.day:02d}", name


def test_every_deictic_word(tagger: TimeTagger, lex: Lexicon) -> None:
    for word, offset in lex.deictic.items():
        e = only(tagger, word)
        assert e.value == (PUB + timedelta(days=offset.days(None))).isoformat(), word
        assert e.basis == "relative"


def test_every_part_of_day(lang: str, tagger: TimeTagger, lex: Lexicon) -> None:
    for part in lex.parts_of_day:
        text = f"आज {part}" if lang == "hi" else f"yesterday {part}"
        e = only(tagger, text)
        assert e.text == text and e.granularity == "day", part


def test_every_modifier(lang: str, tagger: TimeTagger, lex: Lexicon) -> None:
    year = lex.unit_forms["year"][0][0]
    for word, shift in lex.modifiers.items():
        e = only(tagger, f"{word} {year}")
        assert e.value == str(PUB.year + shift), word


def test_every_recurrence_word(tagger: TimeTagger, lex: Lexicon) -> None:
    for word, period in lex.recurrence_words.items():
        e = only(tagger, word)
        assert (e.kind, e.recurrence, e.value) == ("recurrence", period, None), word


def test_every_list_is_used_and_every_reference_exists(lex: Lexicon) -> None:
    templates = [t for r in lex.rules for t in (r.body, r.before, r.after, r.not_before, r.not_after) if t]
    used = {name for t in templates for name in regex.findall(LIST, t)}
    assert used <= set(lex.lists), used - set(lex.lists)
    assert set(lex.lists) <= used, set(lex.lists) - used


def test_every_rule_has_a_known_beginning(lex: Lexicon) -> None:
    """So matching is only tried where an expression can begin (what makes the tagger fast)."""
    for rule in lex.rules:
        assert leading(rule.body), rule.body
    assert start_words(lex)
    assert set(slot_words(lex)) == set(slot_patterns(lex))
