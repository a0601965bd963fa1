"""Calendar arithmetic: pure functions of dates, no language in here."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from ghatna.timex.model import Tense

# How far past the publication date an undated day ("24 मार्च") may fall and still be read as
# this year's: a report dated a day early (time zones), or a few days for announcements when the
# verb gives no tense.
PAST_SLACK = timedelta(days=1)
UNKNOWN_SLACK = timedelta(days=7)


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist (31 April, 29 February 2023)."""
    if not (1 <= month <= 12 and 1 <= year <= 9999):
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def year_span(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def decade_span(first_year: int) -> tuple[date, date]:
    return date(first_year, 1, 1), date(first_year + 9, 12, 31)


def week_span(d: date) -> tuple[date, date]:
    """Monday..Sunday of the ISO week holding ``d``."""
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def week_month(d: date) -> str:
    """The month ("YYYY-MM") of the Thursday of ``d``'s week: the month the week belongs to."""
    thursday = week_span(d)[0] + timedelta(days=3)
    return f"{thursday.year:04d}-{thursday.month:02d}"


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def weekday_before(iso_weekday: int, published: date) -> date:
    """The latest such weekday strictly before ``published`` (1-7 days back)."""
    back = (published.isoweekday() - iso_weekday) % 7 or 7
    return published - timedelta(days=back)


def weekday_after(iso_weekday: int, published: date) -> date:
    """The next such weekday strictly after ``published`` (1-7 days ahead)."""
    ahead = (iso_weekday - published.isoweekday()) % 7 or 7
    return published + timedelta(days=ahead)


def _choose(candidates: list[date], published: date, tense: Tense | None) -> date | None:
    """Pick among the possible readings of a partly given date, by the verb's tense:
    future - the earliest not before publication (less a few days: an ongoing event, or a report
    dated late); past - the latest not after publication (plus a day: time zones); present - the
    one nearest to publication ("22 फरवरी को समाप्त हो रहा है" is ahead); unknown - the latest
    not after publication plus a few days."""
    if not candidates:
        return None
    if tense == "future":
        ahead = [d for d in candidates if d >= published - UNKNOWN_SLACK]
        return min(ahead) if ahead else None
    if tense == "present":
        return min(candidates, key=lambda d: (abs((d - published).days), d > published))
    limit = published + (PAST_SLACK if tense == "past" else UNKNOWN_SLACK)
    behind = [d for d in candidates if d <= limit]
    return max(behind) if behind else None


def infer_day_year(month: int, day: int, published: date, tense: Tense | None) -> date | None:
    """The year of a day named without one ("24 मार्च"), chosen by ``_choose``."""
    years = range(published.year - 4, published.year + 5)
    candidates = [d for y in years if (d := safe_date(y, month, day)) is not None]
    return _choose(candidates, published, tense)


def infer_month_year(month: int, published: date, tense: Tense | None) -> int:
    """The year of a month named without one ("जुलाई में"): the publication year, moved back a year
    when a past verb would put it after publication, forward when a future verb puts it before;
    with a present verb, whichever is nearest."""
    if tense == "past" and month > published.month:
        return published.year - 1
    if tense == "future" and month < published.month:
        return published.year + 1
    if tense == "present" and abs(month - published.month) > 6:
        return published.year + (1 if month < published.month else -1)
    return published.year


def shifted_month_year(month: int, published: date, shift: int) -> int:
    """The year of "पिछले नवंबर"/"last November" (shift -1: the latest such month before the
    publication month), "अगले नवंबर" (+1: the next one after it) or "इस नवंबर" (0: this year's)."""
    if shift < 0:
        return published.year if month < published.month else published.year - 1
    if shift > 0:
        return published.year if month > published.month else published.year + 1
    return published.year


def infer_day_month(day: int, published: date, tense: Tense | None) -> date | None:
    """The month of a day of the month named alone ("15 तारीख को"), chosen by ``_choose`` among
    the neighbouring months."""
    months = (add_months(published.year, published.month, n) for n in range(-2, 3))
    candidates = [d for y, m in months if (d := safe_date(y, m, day)) is not None]
    return _choose(candidates, published, tense)
