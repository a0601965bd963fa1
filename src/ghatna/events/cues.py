"""What the tagger knows about one act, as named features for the learned event model.

The features say how the act was found (its type and case frame, whether a noun in a phrase or
the clause's predicate, the voice, the modality), where its sides came from (the case
frame, a neighbouring clause, the speaker, the place, the recipient model) and what they are
(persons, countries, bodies, generic agents, unknown phrases), and where the sentence stands (a
headline, inside quotation marks). The model (models/events.json, trained by
scripts/train_models.py events) turns them into the probability that the act is right.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ghatna.events.frames import Frame
from ghatna.events.lexicon import TriggerClass
from ghatna.events.reading import Predicate, SentenceView
from ghatna.model import Entity, Event

if TYPE_CHECKING:
    from ghatna.events.tagger import Sides

QUOTES = frozenset("\"“”‘’«»")


def _kind(e: Entity, agents: frozenset[str]) -> str:
    if e.id.startswith("np:"):
        return "phrase"
    if e.id.startswith("name:"):
        return "name"
    return "agent" if e.id.rpartition(":")[2] in agents else e.kind


def _kinds(ents: list[Entity], agents: frozenset[str]) -> str:
    """"person", "country+person", …: an unknown noun phrase is "phrase", a generic agent
    ("the police", "सरकार") "agent", an unknown name "name"."""
    return "+".join(sorted({_kind(e, agents) for e in ents})) or "none"


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


def act_cues(sv: SentenceView, p: Predicate, cls: TriggerClass, frame: Frame, sides: Sides, ev: Event,
             lang: str, agents: frozenset[str]) -> list[str]:
    toks = sv.toks
    sentence = sv.doc.sentences[sv.si]
    before = sv.doc.text[sentence.start : toks[p.t0].start]
    quoted = sum(before.count(q) for q in QUOTES) % 2 == 1
    same = bool({a.country for a in ev.actors} & {r.country for r in ev.recipients})
    actor_kinds, recipient_kinds = _kinds(ev.actors, agents), _kinds(ev.recipients, agents)
    # no words and no class ids: what generalises to text the model never saw is how the act was
    # read, not which word reported it
    out = [
        f"lang={lang}", f"type={ev.type}", f"frame={frame.id}", f"nominal={p.nominal}", f"passive={p.passive}",
        f"modality={ev.modality}", f"type|modality={ev.type}|{ev.modality}",
        f"actor_from={sides.actor_from}", f"recipient_from={sides.recipient_from if ev.recipients else 'none'}",
        f"actor_kinds={actor_kinds}", f"recipient_kinds={recipient_kinds}", f"type|actor_kinds={ev.type}|{actor_kinds}",
        f"type|has_recipient={ev.type}|{bool(ev.recipients)}",
        f"actors={_bucket(len(ev.actors), (1, 2))}", f"same_country={same}",
        f"headline={sentence.is_headline}", f"quoted={quoted}", f"first_sentence={sv.si == 0}",
        f"sentence_words={_bucket(len(sv.word_indices(sv.a, sv.b)), (8, 16, 30, 50))}",
        f"triggers_in_sentence={_bucket(len(sv.trigger_starts), (1, 2, 4))}",
        f"date={ev.date.basis}", f"governor={p.governor is not None}",
    ]
    return out
