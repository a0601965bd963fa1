"""Offices resolved on the event's date.

A title without a name ("अमेरिकी विदेश मंत்री", "the US Secretary of State", "प्रधानमंत्री") names
whoever held the office when the act took place, which need not be when the article appeared: a
report of 2024 about 1 June 2018 means Mike Pompeo. The actors stage therefore leaves such a
title as an *office reference* (``office_ref``: the entity ``USA:foreign_minister``), and the
holders stage, once the events have their dates, puts the holder of that day in its place. The
same stage gives every person the dictionary knows the office, country and sector of their role
on that day. An event without a date takes the publication date; so do quotes (said when
reported) and mentions outside any event.
"""

from __future__ import annotations

from datetime import date

from ghatna.gazetteer.load import Gazetteer
from ghatna.model import Document, Entity, EventDate, dedupe_entities
from ghatna.resources import Resources

# offices with one holder per country, so a title alone names a person; "कमांडर" or "मंत्री" does not
SINGLE_HOLDER_OFFICES = frozenset({
    "president", "prime_minister", "vice_president", "foreign_minister", "defence_minister", "home_minister",
    "finance_minister", "national_security_adviser", "chief_of_defence_staff", "monarch", "emir", "crown_prince",
    "supreme_leader", "chancellor", "deputy_prime_minister", "army_chief", "foreign_secretary", "head_of_government",
    "commerce_minister", "central_bank_governor", "speaker", "chief_justice", "opposition_leader",
})


def office_ref(g: Gazetteer, office: str, country: str | None, org: str | None = None) -> Entity:
    """The office of a country (or of an organisation) as an entity, its holder still open."""
    owner = org or country or "UNK"
    if org and org in g.organizations:
        label = g.organizations[org].name
    else:
        label = g.countries[country].name if country in g.countries else None
    sector = g.offices[office].sector if office in g.offices else None
    title = office.replace("_", " ")
    return Entity(f"{owner}:{office}", f"{label} {title}" if label else title, "person", country, sector, office, None)


def is_office_ref(e: Entity) -> bool:
    """Does the entity stand for an office (``office_ref``) rather than for a person?"""
    return e.kind == "person" and e.office is not None and e.id.partition(":")[2] == e.office


def day_of(d: EventDate, published: date | None) -> date | None:
    """The day an event's date stands for, for its offices: the last day of its span (a month or
    a year is named by whoever held the office at its end, the title news uses looking back),
    not later than the report when the span runs on past it; without a date, the publication
    date."""
    if not d.start:
        return published
    try:
        start = date.fromisoformat(d.start)
        end = date.fromisoformat(d.end) if d.end else start
    except ValueError:
        return published
    if published is not None and start <= published < end:
        return published
    return max(start, end)


class Holders:
    """Who an entity is on a given day: an office reference becomes its holder, a known person
    takes the role they held (the actors stage gave them the role of ``published``)."""

    def __init__(self, g: Gazetteer, published: date | None = None) -> None:
        self.g = g
        self.published = published

    def on(self, e: Entity, day: date | None) -> Entity:
        g = self.g
        if e.id in g.persons:
            return g.persons[e.id].entity(day) if day != self.published else e
        if not is_office_ref(e):
            return e
        owner = e.id.partition(":")[0]
        assert e.office is not None
        if owner in g.organizations:
            p = g.holder(e.office, None, day, org=owner)
        elif e.country and e.office in SINGLE_HOLDER_OFFICES:
            p = g.holder(e.office, e.country, day)
        else:
            return e  # "USA:minister": one of many
        return p.entity(day, e.office) if p is not None else e

    def all_on(self, ents: list[Entity], day: date | None) -> list[Entity]:
        return dedupe_entities([self.on(e, day) for e in ents])


class HolderStage:
    """Document → Document: events' office references resolved on their dates, quotes' and
    other mentions' on the date of an event of their sentence, else of publication."""

    def __init__(self, res: Resources, lang: str) -> None:
        self.g = res.gazetteer

    def __call__(self, doc: Document) -> Document:
        pub = doc.article.published
        holders = Holders(self.g, pub)
        sentence_day: dict[int, date | None] = {}
        for ev in doc.events:
            day = day_of(ev.date, pub)
            ev.actors = holders.all_on(ev.actors, day)
            ids = {a.id for a in ev.actors}
            ev.recipients = [r for r in holders.all_on(ev.recipients, day) if r.id not in ids]
            for evidence in ev.evidence:
                sentence_day.setdefault(evidence.sentence, day)
        for m in doc.mentions:
            day = sentence_day.get(m.sentence, pub)
            if m.kind in ("person", "pronoun") and m.entities and (day != pub or any(map(is_office_ref, m.entities))):
                m.entities = [holders.on(e, day) for e in m.entities]
        for q in doc.quotes:
            if q.speaker is not None and is_office_ref(q.speaker):
                q.speaker = holders.on(q.speaker, pub)
        return doc
