"""Confidence stage: each event's probability of being right, with each side in its place.

The event model (models/events.json, card beside it) reads what the tagger knew of how it found
the event (events/cues.py: its verb class and trigger, where each side came from and what it is)
and what the later stages add: how many mentions of it the article has, the quality flags on its
evidence. Its output is the event's ``confidence``: among events given 0.7, about seven in ten
are right at the role level (``bench/calibration.py`` measures it). The confidence takes a few
values per language (histogram binning of the model's score, models/events.md), non-decreasing
in the score. Events below the model's
threshold are dropped (at today's accuracy it keeps all). Without a model the coding stage's
rule-of-thumb confidence stays.
"""

from __future__ import annotations

from ghatna.model import Document, Event
from ghatna.models.linear import LinearModel


def event_features(ev: Event) -> list[str]:
    """The model's inputs for one (merged) event."""
    n = len({(e.start, e.end) for e in ev.evidence})
    return [*ev.cues, f"mentions={min(n, 3)}", f"type|mentions={ev.type}|{min(n, 3)}",
            *(f"flag={f}" for f in ev.flags), f"flagged={bool(ev.flags)}"]


class ConfidenceStage:
    def __init__(self, model: LinearModel | None) -> None:
        self.model = model

    def __call__(self, doc: Document) -> Document:
        if self.model is None:
            return doc
        kept = []
        for ev in doc.events:
            # to the three decimals shown, stored and filtered on (``--min-confidence 0.593``
            # keeps an event shown as 0.593)
            ev.confidence = round(self.model.probability(event_features(ev)), 3)
            if ev.confidence >= self.model.threshold:
                kept.append(ev)
        doc.events = kept
        return doc
