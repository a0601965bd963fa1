"""From a matched rule to a TimeExpression: what each kind of expression means in the calendar."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

import regex

from ghatna.timex import datemath as cal
from ghatna.timex.lexicon import ISO_UNIT, Lexicon, Rule
from ghatna.timex.model import Basis, Granularity, Kind, Tense, TimeExpression
from ghatna.timex.tense import TenseModel


@dataclass(slots=True)
class Context:
    """One call of ``find``: the text, its publication date, and its tense cues once needed."""

    text: str
    published: date | None
    tense_model: TenseModel
    _cues: list[tuple[int, int, Tense]] | None = field(default=None)

    def tense(self, m: regex.Match[str]) -> Tense | None:
        if self._cues is None:
            self._cues = self.tense_model.cues(self.text)
        return self.tense_model.around(self._cues, m.start(), m.end())


Handler = Callable[[regex.Match[str], Rule, Context], "TimeExpression | None"]


def _make(
    m: regex.Match[str],
    *,
    kind: Kind = "date",
    value: str | None = None,
    granularity: Granularity | None = None,
    basis: Basis | None = None,
    begin: date | None = None,
    finish: date | None = None,
    recurrence: str | None = None,
) -> TimeExpression:
    return TimeExpression(
        m.start(), m.end(), m.group(), value, granularity, basis, begin, finish, recurrence, kind
    )


def _day(m: regex.Match[str], d: date, basis: Basis, finish: date | None = None) -> TimeExpression:
    return _make(m, value=d.isoformat(), granularity="day", basis=basis, begin=d, finish=finish or d)


def _week(m: regex.Match[str], d: date, basis: Basis) -> TimeExpression:
    monday, sunday = cal.week_span(d)
    return _make(m, value=cal.week_month(d), granularity="week", basis=basis, begin=monday, finish=sunday)


def _month(m: regex.Match[str], year: int, month: int, basis: Basis) -> TimeExpression:
    begin, finish = cal.month_span(year, month)
    return _make(
        m, value=f"{year:04d}-{month:02d}", granularity="month", basis=basis, begin=begin, finish=finish
    )


def _year(m: regex.Match[str], year: int, basis: Basis) -> TimeExpression:
    begin, finish = cal.year_span(year)
    return _make(m, value=f"{year:04d}", granularity="year", basis=basis, begin=begin, finish=finish)


def _unknown(m: regex.Match[str], granularity: Granularity | None) -> TimeExpression:
    """A date the text implies but that cannot be placed without a publication date."""
    return _make(m, granularity=granularity)


class Resolver:
    """Maps a match of a rule of each kind to a TimeExpression (or None to drop it)."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.handlers: dict[str, Handler] = {
            "date": self.date,
            "named_day": self.named_day,
            "month": self.month,
            "year": self.year,
            "decade": self.decade,
            "day_of_month": self.day_of_month,
            "recurrence": self.recurrence,
            "frequency": self.frequency,
            "duration": self.duration,
            "ago": self.ago,
            "period": self.period,
            "weekday": self.weekday,
            "deictic": self.deictic,
        }

    def resolve(self, m: regex.Match[str], rule: Rule, ctx: Context) -> TimeExpression | None:
        return self.handlers[rule.kind](m, rule, ctx)

    # --- lookups ------------------------------------------------------------------------------
    def _word(self, m: regex.Match[str], group: str) -> str | None:
        text = _group(m, group)
        return None if text is None else self.lex.key(text)

    def _month_of(self, m: regex.Match[str]) -> int:
        name = _group(m, "month")
        if name is not None:
            return self.lex.months[" ".join(name.split())]
        return int(_group(m, "month_num"))

    def _count(self, m: regex.Match[str]) -> int | None:
        text = _group(m, "number")
        if text is None:
            return None
        return int(text) if text.isdigit() else self.lex.numbers[self.lex.key(text)]

    def _unit(self, m: regex.Match[str]) -> str:
        return self.lex.units[self._word(m, "unit")]  # type: ignore[index]

    def _day_number(self, m: regex.Match[str], group: str) -> int | None:
        text = _group(m, group)
        if text is None:
            return None
        return int(text) if text.isdigit() else self.lex.day_words[self.lex.key(text)]

    def _modifier(self, m: regex.Match[str]) -> int | None:
        """The shift of a पिछले/इस/अगले (last/this/next) in the match, if any."""
        word = self._word(m, "modifier")
        return None if word is None else self.lex.modifiers[word]

    def _tense(self, m: regex.Match[str], ctx: Context, shift: int | None) -> Tense | None:
        """The tense to read the match by: "पिछले"/"last" and "अगले"/"next" settle it, else the verb."""
        if shift is not None and shift < 0:
            return "past"
        if shift is not None and shift > 0:
            return "future"
        return ctx.tense(m)

    # --- calendar expressions -------------------------------------------------------------------
    def date(self, m: regex.Match[str], rule: Rule, ctx: Context) -> TimeExpression | None:
        month, day = self._month_of(m), self._day_number(m, "day")
        assert day is not None
        shift, pub = self._modifier(m), ctx.published
        if _group(m, "year"):
            d = cal.safe_date(int(_group(m, "year")), month, day)  # type: ignore[arg-type]
        elif pub is None:
            return _unknown(m, "day")
        elif shift is not None and _group(m, "unit"):  # "पिछले वर्ष 19 दिसंबर"
            d = cal.safe_date(pub.year + shift, month, day)
        else:
            d = cal.infer_day_year(month, day, pub, self._tense(m, ctx, shift))
        if d is None:
            return None
        return _day(m, d, "explicit", self._range_end(m, d, month, day))

    def _range_end(self, m: regex.Match[str], d: date, month: int, day: int) -> date | None:
        """The last day of "24-25 मार्च", "October 31–November 1"."""
        day2 = self._day_number(m, "day2")
        if day2 is None:
            return None
        month2_name = _group(m, "month2")
        month2 = self.lex.months[" ".join(month2_name.split())] if month2_name else month
        year2 = d.year + (1 if month2 < month else 0)
        end = cal.safe_date(year2, month2, day2)
        return end if end is not None and end > d else None

    def named_day(self, m: regex.Match[str], rule: Rule, ctx: Context) -> TimeExpression | None:
        named = self.lex.named_days[self._word(m, "named_day")]  # type: ignore[index]
        ordinal = _group(m, "ordinal")
        if ordinal and named.first_year is not None and int(ordinal) > 0:
            d = cal.safe_date(named.first_year + int(ordinal) - 1, named.month, named.day)
        elif ctx.published is None:
            return _unknown(m, "day")
        else:
            d = cal.infer_day_year(named.month, named.day, ctx.published, ctx.tense(m))
        return None if d is None else _day(m, d, "explicit")

    def month(self, m: regex.Match[str], rule: Rule, ctx: Context) -> TimeExpression | None:
        month, shift, pub = self._month_of(m), self._modifier(m), ctx.published
        if _group(m, "year"):
            return _month(m, int(_group(m, "year")), month, "explicit")  # type: ignore[arg-type]
        if pub is None:
            return _unknown(m, "month")
        if shift is not None and _group(m, "unit"):  # "पिछले साल जुलाई"
            year = pub.year + shift
        elif shift is not None:  # "पिछले नवंबर", "last November"
            year = cal.shifted_month_year(month, pub, shift)
        else:
            year = cal.infer_month_year(month, pub, ctx.tense(m))
        return _month(m, year, month, "explicit")

    def year(self, m: regex.Match[str], rule: Rule, ctx: Context) -> TimeExpression | None:
        return _year(m, int(_group(m, "year")), "explicit")

    def decade(self, m: regex.Match[str], rule: Rule, ctx: Context) -> TimeExpression | None:
        first = int(m.group("decade"))
        begin, finish = cal.decade_span(first)
        return _make(
            m, value=str(first // 10), granularity="decade", basis="explicit", begin=begin, finish=finish
        )

    def day_of_month(self, m: regex.Match[str], rule: Rule, ctx: Context) -> TimeExpression | None:
        day, shift, pub = self._day_number(m, "day"), self._modifier(m), ctx.published
        assert day is not None
        if pub is None:
            return _unknown(m, "day")
        if shift is not None and _group(m, "unit"):  # "पिछले महीने की 26 तारीख"
            d = cal.safe_date(*cal.add_months(pub.year, pub.month, shift), day)
        else:
            d = cal.infer_day_month(day, pub, self._tense(m, ctx, shift))
        return None if d is None else _day(m, d, "relative")

    # --- recurrence and duration ---------------------------------------------------------------
    def recurrence(self, m: regex.Match[str], rule: Rule, ctx: Context) -> TimeExpression | None:
        if rule.period:
            period = rule.period
        elif _group(m, "recurrence_word"):
            period = self.lex.recurrence_words[self._word(m, "recurrence_word")]  # type: ignore[index]
        else:
            n = (self._count(m) or 1) * rule.multiplier
            period = f"P{n}{ISO_UNIT[self._unit(m)]}"
        return _make(m, kind="recurrence", recurrence=period)

    def frequency(self, m: regex.Match[str], rule: Rule, ctx: Context) -> TimeExpression | None:
        times = self._word(m, "times")
        n = self.lex.times[times] if times is not None else self._count(m)
        return _make(m, kind="recurrence", recurrence=_period_per(self._unit(m), n or 1))

    def duration(self, m: regex.Match[str], rule: Rule, ctx: Context) -> TimeExpression | None:
        return _make(m, kind="duration")

    # --- relative to publication ----------------------------------------------------------------
    def ago(self, m: regex.Match[str], rule: Rule, ctx: Context) -> TimeExpression | None:
        n, unit, pub = self._count(m) or 1, self._unit(m), ctx.published
        if pub is None:
            return _unknown(m, unit)  # type: ignore[arg-type]
        if unit == "day":
            return _day(m, pub - timedelta(days=n), "relative")
        if unit == "week":
            return _week(m, pub - timedelta(weeks=n), "relative")
        if unit == "month":
            return _month(m, *cal.add_months(pub.year, pub.month, -n), "relative")
        return _year(m, pub.year - n, "relative")

    def period(self, m: regex.Match[str], rule: Rule, ctx: Context) -> TimeExpression | None:
        shift, unit, pub = self.lex.modifiers[self._word(m, "modifier")], self._unit(m), ctx.published  # type: ignore[index]
        if pub is None:
            return _unknown(m, unit)  # type: ignore[arg-type]
        if unit == "week":
            return _week(m, pub + timedelta(weeks=shift), "relative")
        if unit == "month":
            return _month(m, *cal.add_months(pub.year, pub.month, shift), "relative")
        return _year(m, pub.year + shift, "relative")

    def weekday(self, m: regex.Match[str], rule: Rule, ctx: Context) -> TimeExpression | None:
        if ctx.published is None:
            return _unknown(m, "day")
        weekday = self.lex.weekdays[self._word(m, "weekday")]  # type: ignore[index]
        modifier = self._word(m, "modifier")
        shift = self.lex.modifiers[modifier] if modifier is not None else 0
        if _group(m, "unit") is not None:  # "पिछले सप्ताह गुरुवार": that day of that week
            monday = cal.week_span(ctx.published + timedelta(weeks=shift))[0]
            return _day(m, monday + timedelta(days=weekday - 1), "relative")
        forward = shift > 0 or (shift == 0 and ctx.tense(m) == "future")
        if forward:
            return _day(m, cal.weekday_after(weekday, ctx.published), "relative")
        return _day(m, cal.weekday_before(weekday, ctx.published), "relative")

    def deictic(self, m: regex.Match[str], rule: Rule, ctx: Context) -> TimeExpression | None:
        if ctx.published is None:
            return _unknown(m, "day")
        offset = self.lex.deictic[self._word(m, "deictic")]  # type: ignore[index]
        days = offset.days(ctx.tense(m) if offset.fixed is None else None)
        return _day(m, ctx.published + timedelta(days=days), "relative")


def _group(m: regex.Match[str], name: str) -> str | None:
    """The group's text, or None when it did not take part (or no rule of the language has it)."""
    try:
        return m.group(name)
    except IndexError:
        return None


def _period_per(unit: str, n: int) -> str | None:
    """The period of "n times a <unit>" as an ISO duration, when it is a whole number of units."""
    if n == 1:
        return f"P1{ISO_UNIT[unit]}"
    if unit == "year" and 12 % n == 0:
        return f"P{12 // n}M"
    if unit == "month" and n in (2, 4):
        return f"P{4 // n}W"
    if unit == "week" and 7 % n == 0:
        return f"P{7 // n}D"
    if unit == "day" and 24 % n == 0:
        return f"PT{24 // n}H"
    return None
