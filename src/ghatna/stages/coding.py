"""Coding stage: CAMEO code, QuadClass and Goldstein score, quality flags and confidence.

An event takes the flags of the text its evidence overlaps, and ``date_after_publication`` when
it is dated more than a day after the article was published (or after today) without being
reported as future: a misread date, or a misread tense.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date, timedelta

from ghatna.model import Document, Event, Flag
from ghatna.resources import Resources

BASE_CONFIDENCE = 0.6
DATE_AFTER_PUBLICATION = "date_after_publication"
LATE_TOLERANCE = timedelta(days=1)
ARTICLE_FLAGS = frozenset({"unsupported_language"})  # about the article, not about its events


def confidence(ev: Event, flags: list[str]) -> float:
    c = BASE_CONFIDENCE
    if ev.recipients or len(ev.actors) >= 2:
        c += 0.15
    if any(a.kind == "person" for a in ev.actors):
        c += 0.05
    if ev.date.basis in ("explicit", "relative"):
        c += 0.05
    if len(ev.evidence) > 1:
        c += 0.1
    c -= 0.3 * len(flags)
    return max(0.05, min(0.99, c))


class FlagIndex:
    """The flags of a document by code, each code's spans merged into sorted disjoint intervals,
    so that the codes over a stretch of text are found by bisection (not by a scan of all flags)."""

    def __init__(self, flags: list[Flag]) -> None:
        spans: dict[str, list[tuple[int, int]]] = {}
        for f in flags:
            if f.code not in ARTICLE_FLAGS:
                spans.setdefault(f.code, []).append((f.start, f.end))
        self._starts: dict[str, list[int]] = {}
        self._ends: dict[str, list[int]] = {}
        for code, found in spans.items():
            merged: list[list[int]] = []
            for s, e in sorted(found):
                if merged and s <= merged[-1][1]:
                    merged[-1][1] = max(merged[-1][1], e)
                else:
                    merged.append([s, e])
            self._starts[code] = [s for s, _ in merged]
            self._ends[code] = [e for _, e in merged]

    def codes_over(self, start: int, end: int) -> set[str]:
        """The codes of the flags that overlap [start, end)."""
        out = set()
        for code, starts in self._starts.items():
            k = bisect_left(starts, end) - 1  # the last interval starting before ``end``
            if k >= 0 and self._ends[code][k] > start:
                out.add(code)
        return out


def dated_after(ev: Event, reference: date) -> bool:
    """Whether the event is dated more than a day after ``reference`` without being future."""
    if ev.modality == "future" or not ev.date.start:
        return False
    try:
        first = date.fromisoformat(ev.date.start[:10])
    except ValueError:
        return False
    return first > reference + LATE_TOLERANCE


class Coder:
    def __init__(self, res: Resources) -> None:
        self.onto = res.ontology

    def __call__(self, doc: Document) -> Document:
        index = FlagIndex(doc.flags)
        today = date.today()
        published = doc.article.published
        reference = min(published, today) if published else today
        for ev in doc.events:
            code = self.onto.code(ev.type, ev.mode)
            ev.cameo, ev.quad_class, ev.goldstein = code.cameo, code.quad_class, code.goldstein
            found: set[str] = set(ev.flags)  # flags the tagger gave (unattributed_actor) stay
            for e in ev.evidence:
                found |= index.codes_over(e.start, e.end)
            if dated_after(ev, reference):
                found.add(DATE_AFTER_PUBLICATION)
            flags = sorted(found)
            ev.flags = flags
            ev.confidence = confidence(ev, flags)
        return doc
