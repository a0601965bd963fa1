"""Turning a lexicon's rules into one compiled pattern.

Each rule (see template.py for its syntax) becomes one alternative of the pattern, tried in the
order the data file gives; ``before``/``after`` context becomes look-behind and look-ahead, so a
match covers exactly the expression. ``start_words`` lets matching skip the words no expression
can begin with.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass

import regex

from ghatna.timex.lexicon import Lexicon, Rule
from ghatna.timex.template import TOKEN, GrammarError, expand, leading, words_pattern

NOT_AFTER_WORD = r"(?<![\p{L}\p{M}\p{N}])"
NOT_BEFORE_WORD = r"(?![\p{L}\p{M}\p{N}])"


def slot_patterns(lex: Lexicon) -> dict[str, str]:
    """Every ``{slot}`` a rule may use, as a (mostly capturing) sub-pattern."""

    def group(name: str, words: Iterable[str]) -> str:
        return f"(?P<{name}>{words_pattern(words)})"

    def as_written(pattern: str) -> str:
        return f"(?-i:{pattern})" if lex.ignore_case else pattern

    forms = lex.unit_forms
    day = rf"(?:3[01]|[12][0-9]|0?[1-9])(?![0-9])|{words_pattern(lex.day_words)}"
    number_words = words_pattern(lex.numbers)
    return {
        "day": f"(?P<day>{day})",
        "day2": f"(?P<day2>{day})",
        "ord": words_pattern(lex.ordinal_suffixes),
        "month": as_written(group("month", lex.month_names + lex.month_abbreviations)),
        "month2": as_written(group("month2", lex.month_names + lex.month_abbreviations)),
        "month_name": as_written(group("month", lex.month_names)),
        "month_bare": as_written(
            group("month", (n for n in lex.month_names if n not in lex.month_needs_cue))
        ),
        "month_num": r"(?P<month_num>1[0-2]|0?[1-9])(?![0-9])",
        "year": r"(?P<year>1[0-9]{3}|20[0-9]{2}|21[0-9]{2})(?![0-9])",
        "year_recent": r"(?P<year>19[0-9]{2}|20[0-9]{2})(?![0-9])",
        "decade": r"(?P<decade>1[0-9]{2}0|20[0-9]0)",
        "weekday": group("weekday", lex.weekdays),
        "named_day": group("named_day", lex.named_days),
        "deictic": group("deictic", lex.deictic),
        "modifier": group("modifier", lex.modifiers),
        "part_of_day": words_pattern(lex.parts_of_day),
        "recurrence_word": group("recurrence_word", lex.recurrence_words),
        "number": f"(?P<number>[0-9]{{1,3}}(?![0-9])|{number_words})",
        "approx": group("approx", lex.approx_numbers),
        "times": group("times", lex.times),
        "unit": group("unit", lex.units),
        "unit_sg": group("unit", (w for sg, _ in forms.values() for w in sg)),
        "unit_pl": group("unit", (w for _, pl in forms.values() for w in pl)),
        "week_unit": group("unit", forms["week"][0]),
        "month_unit": group("unit", forms["month"][0]),
        "year_unit": group("unit", forms["year"][0]),
        "period_unit": group("unit", (w for u in ("week", "month", "year") for w in forms[u][0])),
        "ordinal": rf"(?P<ordinal>[0-9]{{1,3}})\s*{words_pattern(lex.ordinal_suffixes)}(?![\p{{L}}\p{{M}}])",
    }


def rule_pattern(rule: Rule, slots: Mapping[str, str], lists: Mapping[str, tuple[str, ...]]) -> str:
    """The rule as one regex whose whole match is the expression."""

    def x(t: str) -> str:
        return expand(t, slots, lists)

    parts = []
    if rule.before:
        parts.append(rf"(?<=(?:^|[^\p{{L}}\p{{M}}\p{{N}}]){x(rule.before)})")
    if rule.not_before:
        parts.append(rf"(?<!(?:^|[^\p{{L}}\p{{M}}\p{{N}}]){x(rule.not_before)})")
    parts.append(NOT_AFTER_WORD + x(rule.body) + NOT_BEFORE_WORD)
    if rule.after:
        parts.append(f"(?={x(rule.after)}{NOT_BEFORE_WORD})")
    if rule.not_after:
        parts.append(f"(?!{x(rule.not_after)})")
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class Grammar:
    """All rules of a language as one pattern; ``rules[i]`` is the rule of group ``r{i}``."""

    pattern: regex.Pattern[str]
    rules: tuple[Rule, ...]
    groups: tuple[int, ...]
    tokens: regex.Pattern[str]
    starts: frozenset[str] | None
    key: Callable[[str], str]

    def finditer(self, text: str) -> Iterator[regex.Match[str]]:
        """Like ``pattern.finditer(text)``, but tries the pattern only where an expression can
        begin: at a number or a word in ``starts`` (most words of a sentence are neither)."""
        if self.starts is None:
            yield from self.pattern.finditer(text)
            return
        end = 0
        starts, key, match = self.starts, self.key, self.pattern.match
        for token in self.tokens.finditer(text):
            pos = token.start()
            if pos < end:
                continue
            word = token.group()
            if word[0].isdigit() or key(word) in starts:
                m = match(text, pos)
                if m is not None:
                    end = m.end()
                    yield m

    @classmethod
    def compile(cls, lex: Lexicon) -> Grammar:
        slots = slot_patterns(lex)
        alternatives = []
        for i, rule in enumerate(lex.rules):
            source = rule_pattern(rule, slots, lex.lists)
            try:
                regex.compile(source, _flags(lex))
            except regex.error as e:
                raise GrammarError(f"rule {i} ({rule.kind}: {rule.body!r}) is not valid: {e}") from None
            alternatives.append(f"(?P<r{i}>{source})")
        pattern = regex.compile("|".join(alternatives), _flags(lex))
        groups = tuple(pattern.groupindex[f"r{i}"] for i in range(len(lex.rules)))
        key = str.casefold if lex.ignore_case else _same
        return cls(pattern, lex.rules, groups, regex.compile(TOKEN), start_words(lex), key)

    def rule_of(self, m: regex.Match[str]) -> Rule:
        """The rule whose alternative made the match."""
        for rule, group in zip(self.rules, self.groups, strict=True):
            if m.start(group) >= 0:
                return rule
        raise AssertionError("a match outside every rule")


def _same(word: str) -> str:
    return word


def _flags(lex: Lexicon) -> int:
    return regex.IGNORECASE if lex.ignore_case else 0


def slot_words(lex: Lexicon) -> dict[str, tuple[str, ...]]:
    """The words each ``{slot}`` of ``slot_patterns`` can begin with (digits aside)."""
    forms = lex.unit_forms
    months = lex.month_names + lex.month_abbreviations
    singular = tuple(w for sg, _ in forms.values() for w in sg)
    return {
        "day": tuple(lex.day_words),
        "day2": tuple(lex.day_words),
        "ord": lex.ordinal_suffixes,
        "month": months,
        "month2": months,
        "month_name": lex.month_names,
        "month_bare": tuple(n for n in lex.month_names if n not in lex.month_needs_cue),
        "month_num": (),
        "year": (),
        "year_recent": (),
        "decade": (),
        "weekday": tuple(lex.weekdays),
        "named_day": tuple(lex.named_days),
        "deictic": tuple(lex.deictic),
        "modifier": tuple(lex.modifiers),
        "part_of_day": lex.parts_of_day,
        "recurrence_word": tuple(lex.recurrence_words),
        "number": tuple(lex.numbers),
        "approx": lex.approx_numbers,
        "times": tuple(lex.times),
        "unit": tuple(lex.units),
        "unit_sg": singular,
        "unit_pl": tuple(w for _, pl in forms.values() for w in pl),
        "week_unit": forms["week"][0],
        "month_unit": forms["month"][0],
        "year_unit": forms["year"][0],
        "period_unit": forms["week"][0] + forms["month"][0] + forms["year"][0],
        "ordinal": (),
    }


def start_words(lex: Lexicon) -> frozenset[str] | None:
    """The words (as ``lex.key``) an expression can begin with, besides numbers; None when some
    rule's beginning cannot be worked out, so matching must be tried everywhere."""
    by_slot = slot_words(lex)
    words: set[str] = set()
    for rule in lex.rules:
        first = leading(rule.body)
        if first is None:
            return None
        for item in first:
            if item.startswith("{"):
                entries: Iterable[str] = by_slot[item[1:-1]]
            elif item.startswith("<"):
                entries = lex.lists[item[1:-1]]
            else:
                entries = (item,)
            for entry in entries:
                token = regex.match(TOKEN, entry)
                if token is None:  # begins with punctuation: no word to key it by
                    return None
                if not token.group()[0].isdigit():
                    words.add(lex.key(token.group()))
    return frozenset(words)
