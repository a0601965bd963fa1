"""Coding stage: CAMEO code, QuadClass and Goldstein score, quality flags and confidence."""

from __future__ import annotations

from ghatna.model import Document, Event
from ghatna.resources import Resources

BASE_CONFIDENCE = 0.6


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


class Coder:
    def __init__(self, res: Resources) -> None:
        self.onto = res.ontology

    def __call__(self, doc: Document) -> Document:
        for ev in doc.events:
            code = self.onto.code(ev.type, ev.mode)
            ev.cameo, ev.quad_class, ev.goldstein = code.cameo, code.quad_class, code.goldstein
            flags = sorted({
                f.code for f in doc.flags
                for e in ev.evidence
                if f.start < e.end and e.start < f.end and f.code != "unsupported_language"
            })
            ev.flags = flags
            ev.confidence = confidence(ev, flags)
        return doc
