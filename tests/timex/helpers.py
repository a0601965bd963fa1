"""What every time-tagger test uses: a fixed publication day and span-checking finders."""

from __future__ import annotations

from datetime import date

from ghatna.timex import TimeExpression, TimeTagger

PUB = date(2025, 3, 28)  # a Friday


def find(tagger: TimeTagger, text: str, published: date | None = PUB) -> list[TimeExpression]:
    """The expressions found, each checked to point at its own text."""
    found = tagger.find(text, published=published)
    for e in found:
        assert text[e.start : e.end] == e.text
    return found


def one(tagger: TimeTagger, text: str, published: date | None = PUB) -> TimeExpression:
    found = find(tagger, text, published)
    assert len(found) == 1, found
    return found[0]
