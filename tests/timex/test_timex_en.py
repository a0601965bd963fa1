"""English time expressions."""

from __future__ import annotations

from datetime import date

import pytest

from ghatna.timex import TimeTagger
from tests.timex.helpers import find, one


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The accord was signed on 15 January 2024 in Delhi.", "15 January 2024", "2024-01-15"),
        ("Talks held on Jan. 15, 2024 ended without a deal.", "Jan. 15, 2024", "2024-01-15"),
        ("The treaty dates from July 4, 1976.", "July 4, 1976", "1976-07-04"),
        ("It was agreed on the 3rd of March, 2022.", "3rd of March, 2022", "2022-03-03"),
        ("The minister said on January 15 that talks would resume.", "January 15", "2025-01-15"),
        ("They spoke on March 24.", "March 24", "2025-03-24"),
        ("The summit will open on April 2.", "April 2", "2025-04-02"),
        ("Elections were held on December 28.", "December 28", "2024-12-28"),
        ("The report is dated 2023-11-07.", "2023-11-07", "2023-11-07"),
    ],
)
def test_dates(en: TimeTagger, text: str, span: str, value: str) -> None:
    e = one(en, text)
    assert (e.text, e.value, e.granularity, e.basis) == (span, value, "day", "explicit")


def test_date_ranges(en: TimeTagger) -> None:
    e = one(en, "The leaders met in London on June 9 and 10, 2025.")
    assert (e.value, e.begin, e.finish) == ("2025-06-09", date(2025, 6, 9), date(2025, 6, 10))
    e = one(en, "The council met on October 31–November 1, 2022.")
    assert (e.begin, e.finish) == (date(2022, 10, 31), date(2022, 11, 1))
    assert one(en, "The summit is set for 7-8 May.").finish == date(2025, 5, 8)


@pytest.mark.parametrize(
    ("text", "span", "value", "granularity"),
    [
        ("He visited Moscow in July 2024.", "July 2024", "2024-07", "month"),
        ("Building on the August 2021 visit, they agreed.", "August 2021", "2021-08", "month"),
        ("They met in November.", "November", "2024-11", "month"),
        ("Lula will visit Washington in early February.", "early February", "2026-02", "month"),
        ("Biden invited Lula to visit Washington in early May.", "early May", "2025-05", "month"),
        ("He thanked him for his July trip to Israel.", "July", "2024-07", "month"),
        ("The plant opened in 2019.", "2019", "2019", "year"),
        ("It has grown since 2014.", "2014", "2014", "year"),
        ("The mission is planned for mid-2026.", "mid-2026", "2026", "year"),
        ("Talks began in the year 2001.", "the year 2001", "2001", "year"),
        ("Trade doubled in the 1990s.", "1990s", "199", "decade"),
        ("Prices rose last November.", "last November", "2024-11", "month"),
    ],
)
def test_months_years_decades(en: TimeTagger, text: str, span: str, value: str, granularity: str) -> None:
    e = one(en, text)
    assert (e.text, e.value, e.granularity, e.basis) == (span, value, granularity, "explicit")


@pytest.mark.parametrize(
    "text",
    [
        "Officials may meet again soon.",
        "The March on Washington drew thousands.",
        "About 2019 people attended the rally.",
        "The ship carried 750 containers.",
        "Revenue for 2019-20 rose.",
        "They reaffirmed support for the Good Friday Agreement.",
        "They marked the 25th anniversary of the accord.",
    ],
)
def test_not_dates(en: TimeTagger, text: str) -> None:
    assert find(en, text) == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The President spoke today with the Chancellor.", "today", "2025-03-28"),
        ("Today, the two leaders met.", "Today", "2025-03-28"),
        ("Officials met this morning.", "this morning", "2025-03-28"),
        ("A statement came out tonight.", "tonight", "2025-03-28"),
        ("The envoy arrived yesterday.", "yesterday", "2025-03-27"),
        ("She spoke yesterday evening with the Premier.", "yesterday evening", "2025-03-27"),
        ("The talks resume tomorrow.", "tomorrow", "2025-03-29"),
        ("The order was issued last night.", "last night", "2025-03-27"),
        ("He will travel to Paris on Wednesday.", "Wednesday", "2025-04-02"),
        ("The talks ended on Wednesday.", "Wednesday", "2025-03-26"),
        ("President Rouhani on Monday warned the United States.", "Monday", "2025-03-24"),
        ("On Monday, the President met the King.", "Monday", "2025-03-24"),
        ("The President is to visit Japan on Sunday.", "Sunday", "2025-03-30"),
        ("He plans to visit Japan on Sunday, aides said.", "Sunday", "2025-03-30"),
        ("Protests erupted last Tuesday.", "last Tuesday", "2025-03-25"),
        ("The attack happened on Sunday night.", "Sunday night", "2025-03-23"),
        ("Talks resume on Thursday of next week.", "Thursday of next week", "2025-04-03"),
        ("Two days ago, a blast hit the city.", "Two days ago", "2025-03-26"),
    ],
)
def test_days_relative_to_publication(en: TimeTagger, text: str, span: str, value: str) -> None:
    e = one(en, text)
    assert (e.text, e.value, e.granularity, e.basis) == (span, value, "day", "relative")


def test_weekdays_across_month_and_year_boundaries(en: TimeTagger) -> None:
    assert one(en, "They met on Monday.", date(2025, 1, 1)).value == "2024-12-30"
    assert one(en, "They will meet on Sunday.", date(2024, 12, 30)).value == "2025-01-05"
    assert one(en, "They will meet on Tuesday.", date(2025, 1, 31)).value == "2025-02-04"


@pytest.mark.parametrize(
    ("text", "span", "value", "granularity"),
    [
        ("They met last week.", "last week", "2025-03", "week"),
        ("They will meet next month.", "next month", "2025-04", "month"),
        ("Exports fell last year.", "last year", "2024", "year"),
        ("This year, both sides will hold talks.", "This year", "2025", "year"),
        ("A visit is planned for later this year.", "later this year", "2025", "year"),
        ("Earlier this month, the envoy met Xi.", "Earlier this month", "2025-03", "month"),
        ("Sanctions were announced earlier this week.", "earlier this week", "2025-03", "week"),
        ("The law took effect three years ago.", "three years ago", "2022", "year"),
        ("The deal was struck a month ago.", "a month ago", "2025-02", "month"),
    ],
)
def test_periods(en: TimeTagger, text: str, span: str, value: str, granularity: str) -> None:
    e = one(en, text)
    assert (e.text, e.value, e.granularity, e.basis) == (span, value, granularity, "relative")


def test_week_span(en: TimeTagger) -> None:
    e = one(en, "They met last week.")
    assert (e.begin, e.finish) == (date(2025, 3, 17), date(2025, 3, 23))


@pytest.mark.parametrize(
    ("text", "span", "period"),
    [
        ("The leaders hold calls every two months.", "every two months", "P2M"),
        ("They meet every year.", "every year", "P1Y"),
        ("They hold an annual summit.", "annual", "P1Y"),
        ("Reports are filed weekly.", "weekly", "P1W"),
        ("The groups meet every other week.", "every other week", "P2W"),
        ("They will meet at least twice a year.", "twice a year", "P6M"),
        ("Ministers meet once a month.", "once a month", "P1M"),
        ("The market closes every Friday.", "every Friday", "P1W"),
    ],
)
def test_recurrence(en: TimeTagger, text: str, span: str, period: str) -> None:
    e = one(en, text)
    assert (e.text, e.kind, e.recurrence, e.value) == (span, "recurrence", period, None)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("He will stay for three days.", "three days"),
        ("The President began a two-day visit to Japan.", "two-day"),
        ("Iraq declared three days of national mourning.", "three days"),
        ("Trade grew over the past two years.", "the past two years"),
        ("Aid has risen over the last year.", "the last year"),
        ("Results are due within 30 days.", "30 days"),
    ],
)
def test_durations(en: TimeTagger, text: str, span: str) -> None:
    e = one(en, text)
    assert (e.text, e.kind, e.value, e.granularity) == (span, "duration", None, None)


def test_named_days(en: TimeTagger) -> None:
    e = one(en, "India celebrated its 76th Republic Day.")
    assert (e.text, e.value, e.basis) == ("76th Republic Day", "2025-01-26", "explicit")
    assert one(en, "Greetings were sent on Christmas Day.").value == "2024-12-25"


def test_without_publication_date(en: TimeTagger) -> None:
    for text in ("They met today.", "They met on Monday.", "They met last week.", "They met on January 15."):
        e = one(en, text, None)
        assert (e.value, e.basis, e.begin, e.finish) == (None, None, None, None), text
    assert one(en, "They met on January 15, 2024.", None).value == "2024-01-15"
