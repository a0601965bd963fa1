"""Merge stage: mentions of one real event in an article become one event.

Two events are the same when their type, modality and actors agree, their recipients agree (or
a headline leaves them out) and their dates are compatible (equal, one a prefix of the other, or
one only the publication day). The merged event keeps every evidence span, the most specific date,
and the first mode and place given.

An event reported "during the visit" with no date of its own takes the date and place of that
visit when the article reports it.
"""

from __future__ import annotations

import bisect
import heapq

from ghatna.events.attacks import one_event_per_attack
from ghatna.events.casualties import better
from ghatna.events.unattributed import is_unattributed
from ghatna.lang.grammar import SequenceTable
from ghatna.model import Document, Event, EventDate, Evidence
from ghatna.resources import Resources

BASIS_RANK = {"explicit": 3, "relative": 2, "publication": 1, None: 0}
# An event is compared with at most this many of the events kept before it that it could join
# (the latest ones), so that merging stays linear in the number of events however many distinct
# dates and recipients a text has. Real articles stay far below it: the most events of one type,
# modality and actors in an article of the development corpora is 31, in a joint statement.
MAX_COMPARED = 100


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
    return _same_given_key(a, b, any(e.sentence in headlines for x in (a, b) for e in x.evidence))


def _same_given_key(a: Event, b: Event, in_headline: bool) -> bool:
    """``same_event`` for two events of the same type, modality and actors; ``in_headline`` says
    whether either has evidence in a headline."""
    ra, rb = _ids(a.recipients), _ids(b.recipients)
    ca, cb = {e.country for e in a.recipients if e.country}, {e.country for e in b.recipients if e.country}
    if ra and rb and ra != rb and ca and ca == cb and dates_compatible(a.date, b.date) \
            and {a.date.basis, b.date.basis} <= {"explicit", "relative"}:
        return True  # the same dated act, its recipient named as a country in one report, a person in another
    if ra != rb or not ra:  # no recipient on either side: two accusations may be two
        short = a if not ra else b if not rb else None
        if short is None:
            return False
        same_day = a.date.value is not None and b.date.value is not None and dates_compatible(a.date, b.date) \
            and "publication" not in (a.date.basis, b.date.basis)
        if not same_day and not in_headline:
            return False
    return dates_compatible(a.date, b.date)


def absorb(into: Event, other: Event, have: set[Evidence] | None = None) -> None:
    """Merge ``other`` into ``into``; ``have`` (the set of ``into``'s evidence, kept up to date
    here) saves scanning a long evidence list at every merge."""
    have = set(into.evidence) if have is None else have
    for e in other.evidence:
        if e not in have:
            have.add(e)
            into.evidence.append(e)
    if not into.recipients:
        into.recipients = other.recipients
    if BASIS_RANK[other.date.basis] > BASIS_RANK[into.date.basis] or (
        other.date.basis == into.date.basis and len(other.date.value or "") > len(into.date.value or "")
    ):
        into.date = other.date
    into.mode = into.mode or other.mode
    into.location = into.location or other.location
    into.recurrence = into.recurrence or other.recurrence
    into.casualties = better(into.casualties, other.casualties)


def same_talks(events: list[Event]) -> list[Event]:
    """"X met Y. The leaders discussed …": an undated talk between the same sides as a talk
    reported before it is that talk (its evidence joins the first report)."""
    out: list[Event] = []
    talks: dict[tuple, list[Event]] = {}  # (sides, modality) → the talks kept so far, in order
    for ev in events:
        if ev.type != "CONSULT" or ev.recipients:
            out.append(ev)
            continue
        kept = talks.setdefault((_ids(ev.actors), ev.modality), [])
        undated = ev.date.basis in (None, "publication")
        first = next((x for x in kept if undated and ev.mode in (None, x.mode)), None)
        if first is None:
            out.append(ev)
            kept.append(ev)
        else:
            first.evidence.extend(ev.evidence)
    return out


def anchor_to_visits(doc: Document, during: SequenceTable) -> None:
    events = doc.events
    visits = [e for e in events if e.type == "CONSULT" and e.mode == "visit" and e.date.basis == "explicit"]
    if not visits:
        return
    during_sentences = {doc.tokens[j].sentence for j in range(len(doc.tokens)) if during.match(doc.tokens, j)}
    first_visit: dict[str, int] = {}  # actor id -> the first visit with that actor
    for k, v in enumerate(visits):
        for actor_id in _ids(v.actors):
            first_visit.setdefault(actor_id, k)
    is_visit = {id(v) for v in visits}
    for ev in events:
        if ev.date.basis == "explicit" or id(ev) in is_visit:
            continue
        if not any(x.sentence in during_sentences for x in ev.evidence):
            continue
        found = [first_visit[a] for a in _ids(ev.actors) if a in first_visit]
        if found:
            v = visits[min(found)]
            ev.date = v.date
            ev.location = ev.location or v.location


class EventMerger:
    def __init__(self, res: Resources, lang: str) -> None:
        self.during = res.grammar(lang).during_visit
        self.attack_words = res.attack_words(lang)

    def __call__(self, doc: Document) -> Document:
        anchor_to_visits(doc, self.during)
        doc.events = one_event_per_attack(doc, self.attack_words)
        doc.events = same_talks(doc.events)
        return merge_events(doc)


def merge_events(doc: Document) -> Document:
    headlines = frozenset(i for i, s in enumerate(doc.sentences) if s.is_headline)
    events = doc.events
    while True:  # until nothing merges: a merge can make two others compatible
        out: list[Event] = []
        # only events of one type, modality and actors can merge: each event is compared with the
        # kept events of its key that could take it, in the order they were kept
        buckets: dict[tuple, _Bucket] = {}
        for ev in events:
            if is_unattributed(ev):  # joined with its own mentions already (events/attacks.py)
                out.append(ev)
                continue
            mine = _Kept(len(out), ev, headlines)
            bucket = buckets.setdefault((ev.type, ev.modality, _ids(ev.actors)), _Bucket())
            for k in bucket.candidates(mine.recipients):
                if _same_given_key(k.event, ev, k.in_headline or mine.in_headline):
                    absorb(k.event, ev, k.evidence)
                    k.in_headline = k.in_headline or mine.in_headline
                    bucket.moved(k)
                    break
            else:
                bucket.add(mine)
                out.append(ev)
        if len(out) == len(events):
            break
        events = out
    for ev in out:
        ev.evidence.sort(key=lambda e: e.start)
    doc.events = out
    return doc


class _Kept:
    """An event kept by the merge, with its place among them, the set of its evidence, its
    recipients as filed and whether any of its evidence is in a headline."""

    __slots__ = ("order", "event", "evidence", "recipients", "in_headline")

    def __init__(self, order: int, event: Event, headlines: frozenset[int]) -> None:
        self.order = order
        self.event = event
        self.evidence = set(event.evidence)
        self.recipients = _ids(event.recipients)
        self.in_headline = any(e.sentence in headlines for e in event.evidence)


class _Bucket:
    """The kept events of one type, modality and actors, also filed by their recipients: an event
    with recipients can only merge with one that has the same recipients or none."""

    def __init__(self) -> None:
        self.kept: list[_Kept] = []
        self.by_recipients: dict[frozenset[str], list[_Kept]] = {}

    def add(self, k: _Kept) -> None:
        self.kept.append(k)
        self.by_recipients.setdefault(k.recipients, []).append(k)

    def candidates(self, recipients: frozenset[str]) -> list[_Kept]:
        """The latest ``MAX_COMPARED`` kept events that could take an event with ``recipients``,
        in the order they were kept: those with the same recipients or none first, then those
        with others (a dated act may be reported with its recipient as a person and as a country)."""
        if not recipients:
            return self.kept[-MAX_COMPARED:]
        same = self.by_recipients.get(recipients, [])[-MAX_COMPARED:]
        none = self.by_recipients.get(frozenset(), [])[-MAX_COMPARED:]
        first = list(heapq.merge(same, none, key=lambda k: k.order))[-MAX_COMPARED:]
        taken = {id(k) for k in first}
        return first + [k for k in self.kept[-MAX_COMPARED:] if id(k) not in taken]

    def moved(self, k: _Kept) -> None:
        """Refile ``k`` after a merge gave it the recipients it lacked."""
        now = _ids(k.event.recipients)
        if now == k.recipients:
            return
        self.by_recipients[k.recipients].remove(k)
        k.recipients = now
        bisect.insort(self.by_recipients.setdefault(now, []), k, key=lambda x: x.order)
