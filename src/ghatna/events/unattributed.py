"""Attacks and riots no one is named for (``Pipeline(unattributed=True)``, ``--unattributed``).

The annotation guideline codes no act of an unidentified perpetrator; conflict analysts want
every attack all the same, most of which no one claims ("बाजार में धमाका हुआ", "a blast killed
12"). With the option on, an ASSAULT or a riot (PROTEST/riot) whose clause names no doer gets
the stand-in actor "unidentified attackers" of the country where it happened (else of no
country), and the flag ``unattributed_actor``.

Which acts may stand without a doer is said per trigger class (``unattributed`` in
triggers.yaml): ``always`` for words that name an attack whoever made it (हमला, आत्मघाती हमला,
फायरिंग, air strike), ``cue`` for words that name violence only in news of attacks: an
explosion, a killing, a fire set, destruction are attacks in an article that also speaks of
attacks, bombs, militants or riots (attacks.yaml, ``cues``), and a volcano's or a factory's
explosion elsewhere. Only acts reported as having happened are coded so: a negated, future or
habitual attack by no one is no event. A claim of responsibility gives the attack its actor
when the mentions merge (events/attacks.py).
"""

from __future__ import annotations

from ghatna.events.lexicon import TriggerClass
from ghatna.events.reading import Predicate, SentenceView
from ghatna.model import Document, Entity, Event, Location

UNIDENTIFIED = "unidentified-attackers"
UNIDENTIFIED_NAME = "unidentified attackers"
UNIDENTIFIED_SECTOR = "UAF"  # unidentified armed forces (CAMEO's sector code)
FLAG = "unattributed_actor"


def is_conflict(etype: str, mode: str | None) -> bool:
    """An attack of any kind, or a riot: the acts a perpetrator may be unknown for."""
    return etype == "ASSAULT" or (etype == "PROTEST" and mode == "riot")


def unidentified_attackers(country: str | None) -> Entity:
    """The stand-in actor, of the country where the attack happened when known."""
    return Entity(f"{country}:{UNIDENTIFIED}" if country else UNIDENTIFIED, UNIDENTIFIED_NAME, "group", country,
                  UNIDENTIFIED_SECTOR)


def is_stand_in(e: Entity) -> bool:
    return e.id.rpartition(":")[2] == UNIDENTIFIED


def is_unattributed(ev: Event) -> bool:
    return FLAG in ev.flags


def mark(events: list[Event]) -> None:
    for ev in events:
        if FLAG not in ev.flags:
            ev.flags.append(FLAG)


class StandIn:
    """Decides whether an act with no named doer is coded, and with which stand-in."""

    def __init__(self, cues: frozenset[str]) -> None:
        self.cues = cues  # phonetic keys of words that show an article reports political violence
        self._doc: Document | None = None  # the document last asked about, and whether it has a cue
        self._cued = False

    def _has_cue(self, doc: Document) -> bool:
        if doc is not self._doc:
            self._doc = doc
            self._cued = any(t.key in self.cues for t in doc.tokens)
        return self._cued

    def __call__(self, sv: SentenceView, p: Predicate, cls: TriggerClass, location: Location | None) -> list[Entity]:
        """[unidentified attackers of the place's country] when an act of ``cls`` may be coded
        without a doer in the document, else []. The place is the act's, else one named in its
        clause before it ("पेशावर में हुए हमले में", "काबुल के एक बाजार में धमाका")."""
        if cls.unattributed is None or not is_conflict(cls.type, cls.mode):
            return []
        if cls.unattributed == "cue" and not self._has_cue(sv.doc):
            return []
        country = location.country if location is not None else None
        if country is None:
            country = next((m.place.country for m in sv.mentions if m.case in ("in", "gen") and m.place is not None
                            and m.place.country and p.left <= m.tok_start < p.t0), None)
        return [unidentified_attackers(country)]
