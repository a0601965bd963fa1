"""Intentions said aloud: what a speaker says they will do is a commitment or a threat.

The guideline codes the saying, not the deed: "X said it will visit Y" is X's AGREE, "X said it
will strike Y" X's THREATEN, while "X will visit Y next month" told by the news (or by someone
else) stays a planned CONSULT. So a future act in a clause reported by its own actor becomes
AGREE (a cooperative act), CONCEDE (a retreat: a promise to withdraw or release) or THREATEN (a
hostile one), made now. A future concession (CONCEDE) is a promise already.
"""

from __future__ import annotations

from collections.abc import Sequence

from ghatna.events.lexicon import TriggerClass
from ghatna.events.reading import Predicate, SentenceReader, SentenceView
from ghatna.model import Entity, Event, publication_date

SAYING = frozenset({"AGREE", "THREATEN", "REQUEST", "ACCUSE", "REJECT"})
COOPERATIVE = frozenset({"CONSULT", "COOPERATE", "AID", "SUPPORT", "RETREAT"})
HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
# hostile acts a third party says another did: told by them, they are an allegation
ALLEGED = frozenset({"ASSAULT"})
# the threat of a hostile act, by the act's kind (PLOVER THREATEN modes)
THREAT_MODES = {
    ("ASSAULT", None): "violence",
    ("MOBILIZE", None): "violence",
    ("COERCE", "arrest"): "arrest",
    ("COERCE", "ban"): "ban",
    ("COERCE", "restrict"): "restrict",
    ("COERCE", "curfew"): "restrict",
    ("COERCE", "deport"): "expel",
    ("COERCE", "seize"): "territory",
    ("SANCTION", "expel"): "expel",
    ("SANCTION", "discontinue"): "relations",
    ("SANCTION", None): "restrict",
}


STATE_SECTORS = frozenset({"GOV", "MIL"})


def speaks_for(speaker: Sequence[Entity], actor: Entity) -> bool:
    """Does the speaker speak for the actor: the same entity, or a person of the acting country
    (or of its government or forces)?"""
    return any(s.id == actor.id for s in speaker) or (
        (actor.kind == "country" or actor.sector in STATE_SECTORS)
        and any(s.country == actor.country for s in speaker if s.country))


def threat_mode(ev: Event) -> str | None:
    return THREAT_MODES.get((ev.type, ev.mode)) or THREAT_MODES.get((ev.type, None))


def allegation(ev: Event, speaker: Sequence[Entity], sv: SentenceView) -> Event:
    """"X कहता है कि Y ने Z पर हमला किया": a hostile act told by someone not on its doer's side
    is that speaker's allegation against the doer (ACCUSE, allege)."""
    return Event(type="ACCUSE", mode="allege", modality="actual", actors=list(speaker), recipients=list(ev.actors),
                 evidence=list(ev.evidence), date=publication_date(sv.doc.article.published), pattern=ev.pattern,
                 cues=list(ev.cues))


def type_speech_acts(reader: SentenceReader, sv: SentenceView,
                     found: list[tuple[Predicate, TriggerClass, list[Event]]]) -> list[Event]:
    out: list[Event] = []
    for p, _cls, evs in found:
        for ev in evs:
            if ev.type in ALLEGED and ev.modality in ("actual", "habitual"):
                speaker = [s for s in reader.reported_by(sv, p) if s.kind != "pronoun"]
                if speaker and not any(speaks_for(speaker, a) for a in ev.actors) \
                        and not {s.id for s in speaker} & {r.id for r in ev.recipients}:
                    out.append(allegation(ev, speaker, sv))
                    continue
            if ev.modality == "negated" and ev.type in COOPERATIVE:
                # "X said it will not support / talk to / help Y": a refusal said aloud (REJECT)
                speaker, own = _own_side(reader, sv, p, ev)
                if own:
                    ids = {x.id for x in speaker} | {a.id for a in own}
                    ev.recipients = [r for r in [*ev.actors, *ev.recipients] if r.id not in ids
                                     and not speaks_for(speaker, r)]
                    ev.type, ev.mode, ev.actors = "REJECT", None, own
                    _said_now(ev, sv)
            if ev.modality == "future" and ev.type not in SAYING and (ev.type in COOPERATIVE or ev.type in HOSTILE):
                _, own = _own_side(reader, sv, p, ev)
                if own:
                    if len(own) < len(ev.actors):  # "भारत ईरान के संपर्क में रहेगा": India commits to Iran
                        ev.recipients = [a for a in ev.actors if a not in own] + ev.recipients
                        ev.actors = own
                    hostile = ev.type in HOSTILE
                    ev.mode = threat_mode(ev) if hostile else None
                    # a promise to withdraw or release is a concession (PLOVER CONCEDE)
                    ev.type = "THREATEN" if hostile else "CONCEDE" if ev.type == "RETREAT" else "AGREE"
                    _said_now(ev, sv)
            out.append(ev)
    return out


def _own_side(reader: SentenceReader, sv: SentenceView, p: Predicate, ev: Event) -> tuple[list[Entity], list[Entity]]:
    """Who reports the act, and those of its actors the reporter speaks for."""
    speaker = reader.reported_by(sv, p)
    return speaker, [a for a in ev.actors if speaker and speaks_for(speaker, a)]


def _said_now(ev: Event, sv: SentenceView) -> None:
    """The act is the saying: it happened, on the day of the report."""
    ev.modality = "actual"
    ev.date = publication_date(sv.doc.article.published)
    ev.recurrence = None
