"""Merge stage: mentions of one real event in an article become one event.

Two events are the same when their type, modality and actors agree, their recipients agree (or
a headline leaves them out) and their dates are compatible (equal, one a prefix of the other, or
one only the publication day). The merged event keeps every evidence span, the most specific date,
and the first mode and place given.

An event reported "during the visit" with no date of its own takes the date and place of that
visit when the article reports it.
"""

from __future__ import annotations

from ghatna.lang.grammar import SequenceTable
from ghatna.model import Document, Event, EventDate
from ghatna.resources import Resources

BASIS_RANK = {"explicit": 3, "relative": 2, "publication": 1, None: 0}


def _ids(ents: list) -> frozenset[str]:
    return frozenset(e.id for e in ents)


def dates_compatible(a: EventDate, b: EventDate) -> bool:
    if a.value is None or b.value is None or "publication" in (a.basis, b.basis):
        return True
    return a.value.startswith(b.value) or b.value.startswith(a.value)


def same_event(a: Event, b: Event, headlines: frozenset[int] = frozenset()) -> bool:
    """Same type, modality and actors; the same recipients, or none given in a headline
    (headlines drop them) or in a report of the same dated event; compatible dates."""
    if a.type != b.type or a.modality != b.modality or _ids(a.actors) != _ids(b.actors):
        return False
    ra, rb = _ids(a.recipients), _ids(b.recipients)
    if ra != rb or not ra:  # no recipient on either side: two accusations may be two
        short = a if not ra else b if not rb else None
        if short is None:
            return False
        same_day = a.date.value is not None and b.date.value is not None and dates_compatible(a.date, b.date) \
            and "publication" not in (a.date.basis, b.date.basis)
        if not same_day and not any(e.sentence in headlines for x in (a, b) for e in x.evidence):
            return False
    return dates_compatible(a.date, b.date)


def absorb(into: Event, other: Event) -> None:
    into.evidence.extend(e for e in other.evidence if e not in into.evidence)
    if not into.recipients:
        into.recipients = other.recipients
    if BASIS_RANK[other.date.basis] > BASIS_RANK[into.date.basis] or (
        other.date.basis == into.date.basis and len(other.date.value or "") > len(into.date.value or "")
    ):
        into.date = other.date
    into.mode = into.mode or other.mode
    into.location = into.location or other.location
    into.recurrence = into.recurrence or other.recurrence


def anchor_to_visits(doc: Document, during: SequenceTable) -> None:
    events = doc.events
    visits = [e for e in events if e.type == "CONSULT" and e.mode == "visit" and e.date.basis == "explicit"]
    if not visits:
        return
    during_sentences = {doc.tokens[j].sentence for j in range(len(doc.tokens)) if during.match(doc.tokens, j)}
    for ev in events:
        if ev.date.basis == "explicit" or ev in visits:
            continue
        if not any(x.sentence in during_sentences for x in ev.evidence):
            continue
        actor_ids = _ids(ev.actors)
        for v in visits:
            if _ids(v.actors) & actor_ids:
                ev.date = v.date
                ev.location = ev.location or v.location
                break


class EventMerger:
    def __init__(self, res: Resources, lang: str) -> None:
        self.during = res.grammar(lang).during_visit

    def __call__(self, doc: Document) -> Document:
        anchor_to_visits(doc, self.during)
        return merge_events(doc)


def merge_events(doc: Document) -> Document:
    headlines = frozenset(i for i, s in enumerate(doc.sentences) if s.is_headline)
    events = doc.events
    while True:  # until nothing merges: a merge can make two others compatible
        out: list[Event] = []
        for ev in events:
            for kept in out:
                if same_event(kept, ev, headlines):
                    absorb(kept, ev)
                    break
            else:
                out.append(ev)
        if len(out) == len(events):
            break
        events = out
    for ev in out:
        ev.evidence.sort(key=lambda e: e.start)
    doc.events = out
    return doc
