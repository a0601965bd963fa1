"""One event per real attack: the mentions of one attack or riot in an article become one event.

News reports an attack once and then points back to it: "… धमाका हुआ। इस हमले में …", "a blast
… The attack was claimed by …". The general merge (stages/merge.py) joins only mentions with
the same actors; an attack's later mentions often have none (an unattributed stand-in), or
name the perpetrator the first report did not (a claim of responsibility). Here, in text order,
a conflict event (ASSAULT, PROTEST/riot) that actually happened joins a conflict event kept
before it when

- both are in the same sentence and one of them has no named doer ("a blast killed 12":
  one attack, not two); or
- it points back ("इस हमले", "the blast": the language's `anaphora` in attacks.yaml before its
  trigger), or it has no doer and no date of its own — and the one before is the latest
  compatible conflict event of the article.

Compatible: the same kind (an attack, or a riot), the same modality, dates that agree, the same
country where both say where, and doers that agree (the same, or one of them unidentified). The
joined event keeps every evidence span; it takes the named doer over the stand-in (dropping
the ``unattributed_actor`` flag), the more specific mode (a suicide attack over a bombing), the
date and place the general merge would, and the fuller casualty count.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from typing import Any

from ghatna.events.casualties import better
from ghatna.events.unattributed import FLAG, is_conflict, is_stand_in, is_unattributed
from ghatna.gazetteer.load import read_yaml
from ghatna.lang.grammar import token_forms, token_keys
from ghatna.model import Document, Event

REACH = 3  # words between an anaphor and the trigger ("इस भीषण आतंकी हमले", "the deadly suicide attack")
SPECIFIC_MODES = ("suicide-attack",)  # a mode that says more than any other of the same attack


@dataclass(frozen=True, slots=True)
class AttackWords:
    """Words that point back to an attack already reported, and words that show an article
    reports political violence (attacks.yaml)."""

    anaphora: frozenset[tuple[str, ...]]
    cues: frozenset[str] = frozenset()  # phonetic keys (events/unattributed.py)

    @classmethod
    def load(cls, folder: Traversable) -> AttackWords | None:
        node = folder / "attacks.yaml"
        return cls.from_dict(read_yaml(node) or {}) if node.is_file() else None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> AttackWords:
        cues = frozenset(k for w in d.get("cues") or [] for k in token_keys(str(w))[:1])
        return cls(frozenset(f for f in (token_forms(str(w)) for w in d.get("anaphora") or []) if f), cues)


def _dates_agree(a: Event, b: Event) -> bool:
    from ghatna.stages.merge import dates_compatible

    return dates_compatible(a.date, b.date)


def _own_date(ev: Event) -> bool:
    return ev.date.basis in ("explicit", "relative")


def _kind(ev: Event) -> str:
    return "riot" if ev.type == "PROTEST" else "attack"


def _where(ev: Event) -> str | None:
    if ev.location is not None and ev.location.country:
        return ev.location.country
    return next((a.country for a in ev.actors if is_stand_in(a) and a.country), None)


def _ids(ev: Event) -> frozenset[str]:
    return frozenset(a.id for a in ev.actors)


def compatible(a: Event, b: Event) -> bool:
    """Whether ``a`` and ``b`` can be mentions of one attack."""
    if _kind(a) != _kind(b) or a.modality != b.modality or not _dates_agree(a, b):
        return False
    wa, wb = _where(a), _where(b)
    if wa and wb and wa != wb:
        return False
    return is_unattributed(a) or is_unattributed(b) or _ids(a) == _ids(b)


def join(into: Event, other: Event) -> None:
    """Merge ``other`` into ``into`` (see the module's docstring for what the joined event keeps)."""
    from ghatna.stages.merge import absorb

    if is_unattributed(into) and not is_unattributed(other):
        into.actors = list(other.actors)
        into.flags = [f for f in into.flags if f != FLAG]
        into.pattern = other.pattern
    elif is_unattributed(into) and is_unattributed(other) and not _where(into) and _where(other):
        into.actors = list(other.actors)
    mode = other.mode if other.mode in SPECIFIC_MODES else None
    casualties = better(into.casualties, other.casualties)
    absorb(into, other)
    into.mode = mode or into.mode
    into.casualties = casualties


class _Anaphora:
    """Whether a trigger has an anaphor just before it, by raw offsets."""

    def __init__(self, doc: Document, words: AttackWords | None) -> None:
        self.doc = doc
        self.words = words.anaphora if words is not None else frozenset()
        self.starts = [t.start for t in doc.tokens] if self.words else []
        self.longest = max((len(w) for w in self.words), default=0)

    def __call__(self, ev: Event) -> bool:
        if not self.words:
            return False
        toks = self.doc.tokens
        for x in ev.evidence:
            j = bisect_left(self.starts, x.trigger_start)
            words = [k for k in range(max(0, j - REACH - self.longest), j) if toks[k].key
                     and toks[k].sentence == toks[j].sentence][-(REACH + self.longest):]
            forms = [toks[k].form for k in words]
            for n in range(1, self.longest + 1):
                for i in range(max(0, len(forms) - REACH - n + 1), len(forms) - n + 1):
                    if tuple(forms[i : i + n]) in self.words:
                        return True
        return False


def one_event_per_attack(doc: Document, words: AttackWords | None) -> list[Event]:
    """The document's events with the mentions of each attack joined (in text order)."""
    anaphoric = _Anaphora(doc, words)
    out: list[Event] = []
    conflict: list[Event] = []  # the conflict events kept, latest last
    for ev in doc.events:
        if not is_conflict(ev.type, ev.mode) or ev.modality != "actual":
            out.append(ev)
            continue
        target = None
        si = ev.evidence[0].sentence
        for k in reversed(conflict):
            if any(x.sentence == si for x in k.evidence) and (is_unattributed(k) or is_unattributed(ev)) \
                    and compatible(k, ev):
                target = k
                break
        if target is None and conflict:
            if anaphoric(ev):
                target = next((k for k in reversed(conflict) if compatible(k, ev)), None)
            elif is_unattributed(ev):
                # no doer and no date of its own: the attack reported last; with a date of its own,
                # only an attack reported with the same date ("मई में हुए हमले" is another attack)
                target = next((k for k in reversed(conflict) if compatible(k, ev)
                               and (not _own_date(ev) or _own_date(k))), None)
        if target is None:
            out.append(ev)
            conflict.append(ev)
        else:
            join(target, ev)
            conflict.remove(target)
            conflict.append(target)
    return out
