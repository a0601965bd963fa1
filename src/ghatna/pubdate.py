"""Publication dates as news feeds write them.

Accepted: ISO dates and datetimes, with one-digit parts too ("2020-1-7", "2020-01-07T09:30:00Z");
"2020/1/7"; "07/01/2020", "7.1.2020" and "7-1-20" (day first unless ``dayfirst=False``; a part over
12 settles it either way); month names in English or Hindi, before or after the day ("Jan 7, 2020",
"7 January 2020", "Tue, 07 Jan 2020 10:00:00 +0000", "7 जनवरी 2020"); "20200107"; epoch seconds
(or milliseconds) as a number or a string of digits; Devanagari digits anywhere. A date before
1800 or after 2199 is refused: relative dates ("कल", "last year") are computed from it, and no
news archive reaches that far.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

MIN_PUBLISHED = date(1800, 1, 1)
MAX_PUBLISHED = date(2199, 12, 31)

DEVANAGARI_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    "जनवरी": 1, "फरवरी": 2, "फ़रवरी": 2, "मार्च": 3, "अप्रैल": 4, "अप्रेल": 4, "मई": 5, "जून": 6, "जुलाई": 7,
    "अगस्त": 8, "सितंबर": 9, "सितम्बर": 9, "अक्टूबर": 10, "अक्तूबर": 10, "नवंबर": 11, "नवम्बर": 11,
    "दिसंबर": 12, "दिसम्बर": 12,
}
ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]*(?:Z|[+-]\d\d:?\d\d)?)?")
YMD_SLASH = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})")
NUMERIC = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})")
COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
EPOCH = re.compile(r"-?\d{9,13}(?:\.\d+)?")
SEPARATORS = re.compile(r"[\s,./\-]+")
DAY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?", re.IGNORECASE)
TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}|[+-]\d{2}:?\d{2}|Z)?",
                   re.IGNORECASE)
HINT = "expected e.g. 2020-01-07, 07/01/2020, Jan 7, 2020, 7 जनवरी 2020 or epoch seconds"


class DateError(ValueError):
    """A publication date that cannot be read, or lies out of range."""


def parse_published(value: object, *, dayfirst: bool = True) -> date | None:
    """The date ``value`` stands for (None for None or ""); raises DateError otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return _in_range(value.date(), value)
    if isinstance(value, date):
        return _in_range(value, value)
    if isinstance(value, bool):
        raise DateError(f"not a date: {value!r}")
    if isinstance(value, int | float):
        return _from_epoch(float(value), value)
    if not isinstance(value, str):
        raise DateError(f"not a date: {value!r} ({HINT})")
    s = " ".join(value.translate(DEVANAGARI_DIGITS).split())
    if not s:
        return None
    return _in_range(_parse_text(s, dayfirst, value), value)


def _parse_text(s: str, dayfirst: bool, original: object) -> date:
    if EPOCH.fullmatch(s):
        return _from_epoch(float(s), original)
    for pattern in (ISO, YMD_SLASH, COMPACT):  # year, month, day
        if m := pattern.fullmatch(s):
            return _make(int(m[1]), int(m[2]), int(m[3]), original)
    if m := NUMERIC.fullmatch(s):
        a, b, y = int(m[1]), int(m[2]), _full_year(m[3])
        day, month = (a, b) if dayfirst else (b, a)
        if month > 12 >= day:  # 13/01 read month first, or 01/13 day first: only one reading exists
            day, month = month, day
        return _make(y, month, day, original)
    try:  # other ISO 8601 forms Python reads (week dates, basic format with time)
        return datetime.fromisoformat(s.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    return _with_month_name(s, original)


def _with_month_name(s: str, original: object) -> date:
    words = [w for w in SEPARATORS.split(TIME.sub(" ", s).lower()) if w]
    months = [MONTHS[w] for w in words if w in MONTHS]
    years = [int(w) for w in words if len(w) == 4 and w.isdigit()]
    days = [int(m[1]) for w in words if (m := DAY.fullmatch(w))]
    if len(months) != 1 or len(years) != 1 or len(days) != 1:
        raise DateError(f"unrecognised date {original!r} ({HINT})")
    return _make(years[0], months[0], days[0], original)


def _full_year(text: str) -> int:
    if len(text) == 4:
        return int(text)
    yy = int(text)
    pivot = date.today().year % 100 + 1  # "25" is 2025 and "99" 1999 in 2026
    return 2000 + yy if yy <= pivot else 1900 + yy


def _make(y: int, m: int, d: int, original: object) -> date:
    try:
        return date(y, m, d)
    except ValueError as exc:
        raise DateError(f"impossible date {original!r}: {exc}") from None


def _from_epoch(seconds: float, original: object) -> date:
    if abs(seconds) >= 1e11:  # milliseconds (JavaScript's Date.now())
        seconds /= 1000
    try:
        stamp = datetime.fromtimestamp(seconds, UTC).date()
    except (OverflowError, OSError, ValueError):
        raise DateError(f"epoch time {original!r} is out of range") from None
    return _in_range(stamp, original)


def _in_range(d: date, original: object) -> date:
    if not MIN_PUBLISHED <= d <= MAX_PUBLISHED:
        raise DateError(f"publication date {original!r} is out of range ({MIN_PUBLISHED.year}–{MAX_PUBLISHED.year})")
    return d
