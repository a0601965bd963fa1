"""Calendar arithmetic of the tagger, apart from any language."""

from __future__ import annotations

from datetime import date

import pytest

from ghatna.timex import datemath as cal
from ghatna.timex.resolve import _period_per


@pytest.mark.parametrize(
    ("weekday", "published", "before", "after"),
    [
        (4, date(2025, 3, 28), date(2025, 3, 27), date(2025, 4, 3)),  # Thursday, from a Friday
        (5, date(2025, 3, 28), date(2025, 3, 21), date(2025, 4, 4)),  # the same weekday: a week off
        (1, date(2025, 1, 1), date(2024, 12, 30), date(2025, 1, 6)),  # over new year
        (7, date(2024, 12, 30), date(2024, 12, 29), date(2025, 1, 5)),
        (4, date(2024, 3, 1), date(2024, 2, 29), date(2024, 3, 7)),  # leap day
        (2, date(2025, 1, 31), date(2025, 1, 28), date(2025, 2, 4)),  # over a month end
    ],
)
def test_weekday_before_and_after(weekday: int, published: date, before: date, after: date) -> None:
    assert cal.weekday_before(weekday, published) == before
    assert cal.weekday_after(weekday, published) == after


def test_weeks() -> None:
    assert cal.week_span(date(2025, 1, 1)) == (date(2024, 12, 30), date(2025, 1, 5))
    assert cal.week_month(date(2025, 1, 1)) == "2025-01"  # its Thursday is 2 January
    assert cal.week_month(date(2024, 12, 27)) == "2024-12"
    assert cal.week_month(date(2026, 1, 1)) == "2026-01"
    assert cal.week_month(date(2027, 1, 1)) == "2026-12"  # Thursday 31 December


def test_add_months() -> None:
    assert cal.add_months(2025, 1, -1) == (2024, 12)
    assert cal.add_months(2024, 12, 1) == (2025, 1)
    assert cal.add_months(2025, 3, -15) == (2023, 12)


def test_safe_date() -> None:
    assert cal.safe_date(2024, 2, 29) == date(2024, 2, 29)
    assert cal.safe_date(2023, 2, 29) is None
    assert cal.safe_date(2023, 4, 31) is None
    assert cal.safe_date(2023, 13, 1) is None


@pytest.mark.parametrize(
    ("month", "day", "published", "tense", "expected"),
    [
        (3, 24, date(2025, 3, 28), "past", date(2025, 3, 24)),
        (3, 24, date(2025, 3, 28), None, date(2025, 3, 24)),
        (12, 28, date(2025, 1, 10), "past", date(2024, 12, 28)),
        (1, 5, date(2024, 12, 20), "future", date(2025, 1, 5)),
        (3, 30, date(2025, 3, 28), None, date(2025, 3, 30)),  # a few days ahead, tense unknown
        (3, 30, date(2025, 3, 28), "past", date(2024, 3, 30)),
        (3, 25, date(2025, 3, 28), "future", date(2025, 3, 25)),  # ongoing, or a late report
        (2, 22, date(2025, 1, 15), "present", date(2025, 2, 22)),
        (2, 29, date(2025, 3, 28), "past", date(2024, 2, 29)),  # only in leap years
        (2, 29, date(2025, 3, 28), "future", date(2028, 2, 29)),
    ],
)
def test_infer_day_year(month: int, day: int, published: date, tense: str | None, expected: date) -> None:
    assert cal.infer_day_year(month, day, published, tense) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("month", "published", "tense", "expected"),
    [
        (7, date(2025, 3, 28), "past", 2024),
        (7, date(2025, 3, 28), None, 2025),
        (7, date(2025, 3, 28), "future", 2025),
        (2, date(2025, 10, 5), "future", 2026),
        (9, date(2020, 1, 15), "present", 2019),
        (2, date(2020, 1, 15), "present", 2020),
    ],
)
def test_infer_month_year(month: int, published: date, tense: str | None, expected: int) -> None:
    assert cal.infer_month_year(month, published, tense) == expected  # type: ignore[arg-type]


def test_shifted_month_year() -> None:
    assert cal.shifted_month_year(11, date(2025, 3, 28), -1) == 2024
    assert cal.shifted_month_year(2, date(2025, 3, 28), -1) == 2025
    assert cal.shifted_month_year(3, date(2025, 3, 28), -1) == 2024
    assert cal.shifted_month_year(3, date(2025, 3, 28), 1) == 2026
    assert cal.shifted_month_year(5, date(2025, 3, 28), 1) == 2025


def test_infer_day_month() -> None:
    assert cal.infer_day_month(15, date(2025, 3, 28), "past") == date(2025, 3, 15)
    assert cal.infer_day_month(30, date(2025, 3, 28), "past") == date(2025, 1, 30)  # no 30 February
    assert cal.infer_day_month(31, date(2025, 3, 10), "past") == date(2025, 1, 31)  # no 31 February
    assert cal.infer_day_month(5, date(2025, 3, 28), "future") == date(2025, 4, 5)


@pytest.mark.parametrize(
    ("unit", "times", "period"),
    [("year", 1, "P1Y"), ("year", 2, "P6M"), ("year", 4, "P3M"), ("month", 2, "P2W"), ("week", 7, "P1D"),
     ("day", 2, "PT12H"), ("year", 5, None)],
)  # fmt: skip
def test_period_per(unit: str, times: int, period: str | None) -> None:
    assert _period_per(unit, times) == period
