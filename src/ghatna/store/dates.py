"""Event dates as day intervals, and when two reports' dates can be the same event's.

Cross-article rule: two dates are compatible when they are equal, when one is a prefix of the
other ("2024-07" and "2024-07-09": the coarser interval contains the finer), or when one of them
is only the publication date and the two lie within one day of each other (a report published
the next morning). Undated reports are never merged with others.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

PUBLICATION_TOLERANCE = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class DaySpan:
    value: str | None
    basis: str | None
    lo: date
    hi: date

    @property
    def near_lo(self) -> date:
        """The earliest day a compatible report can have (widened for publication dates)."""
        return self.lo - PUBLICATION_TOLERANCE if self.basis == "publication" else self.lo

    @property
    def near_hi(self) -> date:
        return self.hi + PUBLICATION_TOLERANCE if self.basis == "publication" else self.hi


def _parse_value(value: str) -> tuple[date, date] | None:
    parts = value.split("-")
    try:
        if len(parts) == 1 and len(parts[0]) == 4:
            y = int(parts[0])
            return date(y, 1, 1), date(y, 12, 31)
        if len(parts) == 2 and len(parts[0]) == 4 and len(parts[1]) == 2:
            y, m = int(parts[0]), int(parts[1])
            return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
        if len(parts) == 3:
            d = date.fromisoformat(value)
            return d, d
    except ValueError:
        return None
    return None


def _parse_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def day_span(value: str | None, basis: str | None, start: str | None = None, end: str | None = None,
             ) -> DaySpan | None:
    """The days an event date covers: from its value (YYYY, YYYY-MM, YYYY-MM-DD), else from its
    start/end; None when undated."""
    span = _parse_value(value) if value else None
    if span is None:
        lo, hi = _parse_day(start), _parse_day(end)
        if lo is None and hi is None:
            return None
        lo, hi = lo or hi, hi or lo
        span = (min(lo, hi), max(lo, hi))  # type: ignore[type-var]
    return DaySpan(value, basis, span[0], span[1])


def compatible(a: DaySpan | None, b: DaySpan | None) -> bool:
    if a is None or b is None:
        return False
    if a.value is not None and a.value == b.value:
        return True
    if (a.lo <= b.lo and b.hi <= a.hi) or (b.lo <= a.lo and a.hi <= b.hi):
        return True
    if "publication" in (a.basis, b.basis):
        gap = max(b.lo - a.hi, a.lo - b.hi, timedelta(0))
        return gap <= PUBLICATION_TOLERANCE
    return False


def month_range(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last`` ("YYYY-MM"), both included."""
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out
