"""Reading data/lang/<lang>/time.yaml into read-only lookup tables (no patterns here)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources import files
from types import MappingProxyType
from typing import Any

import yaml

from ghatna.timex.model import Tense

UNITS = ("day", "week", "month", "year")
ISO_UNIT = {"day": "D", "week": "W", "month": "M", "year": "Y"}


def read_time_data(lang: str) -> dict[str, Any]:
    """The parsed time.yaml of a language, straight from the package data."""
    if not (lang.isascii() and lang.isalpha() and lang.islower() and 2 <= len(lang) <= 3):
        raise ValueError(f"not a language code: {lang!r}")
    resource = files("ghatna") / "data" / "lang" / lang / "time.yaml"
    try:
        text = resource.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ValueError(f"no time data for language {lang!r}") from None
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@dataclass(frozen=True, slots=True)
class Rule:
    """One shape of time expression; see the comments at the top of a time.yaml."""

    kind: str
    body: str
    before: str | None = None
    after: str | None = None
    not_before: str | None = None
    not_after: str | None = None
    period: str | None = None
    multiplier: int = 1


@dataclass(frozen=True, slots=True)
class NamedDay:
    month: int
    day: int
    first_year: int | None


@dataclass(frozen=True, slots=True)
class DayOffset:
    """Days from publication for a word like आज/कल/yesterday; कल's depends on the verb's tense."""

    fixed: int | None
    by_tense: Mapping[str, int] | None

    def days(self, tense: Tense | None) -> int:
        if self.fixed is not None:
            return self.fixed
        assert self.by_tense is not None
        return self.by_tense[tense or "unknown"]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The words of one language. Word-keyed tables are keyed by ``key(word)``, except
    ``months``, whose names are matched and looked up as written."""

    lang: str
    ignore_case: bool
    months: Mapping[str, int]
    month_names: tuple[str, ...]
    month_abbreviations: tuple[str, ...]
    month_needs_cue: frozenset[str]
    weekdays: Mapping[str, int]
    unit_forms: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]]
    units: Mapping[str, str]
    numbers: Mapping[str, int]
    day_words: Mapping[str, int]
    approx_numbers: tuple[str, ...]
    times: Mapping[str, int]
    ordinal_suffixes: tuple[str, ...]
    named_days: Mapping[str, NamedDay]
    deictic: Mapping[str, DayOffset]
    modifiers: Mapping[str, int]
    parts_of_day: tuple[str, ...]
    recurrence_words: Mapping[str, str]
    lists: Mapping[str, tuple[str, ...]]
    rules: tuple[Rule, ...]
    tense_scope: str
    tense_cues: Mapping[str, tuple[str, ...]]

    def key(self, word: str) -> str:
        """How a matched word is looked up: spaces collapsed, case folded if the language says so."""
        word = " ".join(word.split())
        return word.casefold() if self.ignore_case else word

    @classmethod
    def load(cls, lang: str) -> Lexicon:
        return cls.from_data(read_time_data(lang))

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Lexicon:
        ignore_case = bool(data["ignore_case"])

        def key(word: str) -> str:
            word = " ".join(word.split())
            return word.casefold() if ignore_case else word

        def table(pairs: Any) -> Mapping[str, Any]:
            return MappingProxyType({key(w): v for w, v in pairs})

        months: dict[str, int] = {}
        names: list[str] = []
        abbreviations: list[str] = []
        for entry in data["months"]:
            for name in entry["names"]:
                months[" ".join(name.split())] = entry["month"]
                names.append(name)
            for name in entry.get("abbreviations", ()):
                months[" ".join(name.split())] = entry["month"]
                abbreviations.append(name)

        unit_forms = {
            u: (tuple(data["units"][u]["singular"]), tuple(data["units"][u]["plural"])) for u in UNITS
        }
        deictic = []
        for entry in data["deictic"]:
            by_tense = entry.get("offset_by_tense")
            offset = DayOffset(entry.get("offset"), MappingProxyType(dict(by_tense)) if by_tense else None)
            deictic.extend((w, offset) for w in entry["words"])

        tense = data["tense"]
        return cls(
            lang=data["lang"],
            ignore_case=ignore_case,
            months=MappingProxyType(months),
            month_names=tuple(names),
            month_abbreviations=tuple(abbreviations),
            month_needs_cue=frozenset(data["month_needs_cue"]),
            weekdays=table((w, e["weekday"]) for e in data["weekdays"] for w in e["names"]),
            unit_forms=MappingProxyType(unit_forms),
            units=table((w, u) for u, (sg, pl) in unit_forms.items() for w in sg + pl),
            numbers=table(data["numbers"].items()),
            day_words=table(
                [*data["day_words"].items()]
                + [(w, n) for w, n in data["numbers"].items() if data["spelled_days"] and n <= 31]
            ),
            approx_numbers=tuple(data["approx_numbers"]),
            times=table(data["times"].items()),
            ordinal_suffixes=tuple(data["ordinal_suffixes"]),
            named_days=table(
                (w, NamedDay(e["month"], e["day"], e.get("first_year")))
                for e in data["named_days"]
                for w in e["names"]
            ),
            deictic=table(deictic),
            modifiers=table((w, e["shift"]) for e in data["modifiers"] for w in e["words"]),
            parts_of_day=tuple(data["parts_of_day"]),
            recurrence_words=table(data["recurrence_words"].items()),
            lists=MappingProxyType({k: tuple(v) for k, v in data["lists"].items()}),
            rules=tuple(Rule(**r) for r in data["rules"]),
            tense_scope=tense["scope"],
            tense_cues=MappingProxyType({t: tuple(tense[t]) for t in ("future", "past", "present")}),
        )
