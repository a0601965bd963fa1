"""What the tagger returns."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

Tense = Literal["past", "present", "future"]
Kind = Literal["date", "recurrence", "duration"]
Granularity = Literal["day", "week", "month", "year", "decade"]
Basis = Literal["explicit", "relative"]


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """One time expression found in a text.

    ``text == input[start:end]``. The span covers the expression itself, not the case marker or
    preposition that cued it: "17 अगस्त को" gives "17 अगस्त", "in 2019" gives "2019".
    ``value`` is an ISO string at the precision the text supports ("2025-03-27", "2024-07", "2019",
    "199" for the 1990s; a week is given as the month of its Thursday), or None when it cannot be
    known (no publication date for a relative expression, or not a date at all).
    ``basis`` is "explicit" when the text names the calendar day, month or year (even if the year
    is inferred, as in "24 मार्च"), "relative" when it is counted from the publication date.
    ``begin``/``finish`` bound the calendar span covered. ``recurrence`` is an ISO 8601 duration
    ("P2M") for "every two months"; such expressions have ``kind == "recurrence"``. Counted
    periods that are not dates ("पांच वर्षों में", "for three days") have ``kind == "duration"``.
    """

    start: int
    end: int
    text: str
    value: str | None
    granularity: Granularity | None
    basis: Basis | None
    begin: date | None
    finish: date | None
    recurrence: str | None
    kind: Kind
