"""One event per real attack: the mentions of one attack or riot in an article become one event.

News reports an attack once and then points back to it: "… धमाका हुआ। इस हमले में …", "a blast
… The attack was claimed by …". The general merge (stages/merge.py) joins only mentions with
the same actors; an attack's later mentions often have none (an unattributed stand-in), or
name the perpetrator the first report did not (a claim of responsibility). Here, in text order,
a conflict event (ASSAULT, PROTEST/riot) that actually happened joins a compatible conflict
event reported before it when

- both are in the same sentence and one of them has no named doer ("a blast killed 12":
  one attack, not two);
- it points back ("इस हमले", "the blast": the language's `anaphora` in attacks.yaml, up to three
  words before its trigger): to the latest compatible attack;
- the one before is an undated headline, and this is the report below it;
- it has no doer, is no plural ("हमलों": several attacks, or attacks in general) and has no
  date of its own, or the same date as the one before ("मई में हुए हमले" is another attack).

Compatible: the same kind (an attack, or a riot), the same modality, dates that agree, the same
country and town where both say where, and doers that agree (the same, or one of them
unidentified). The joined event keeps every evidence span; it takes the named doer over the
stand-in (dropping the ``unattributed_actor`` flag), the more specific mode (a suicide attack
over a bombing), the date and place the general merge would, and the first casualty count
unless a later one says more (events/casualties.py).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from itertools import islice
from typing import Any

from ghatna.events.casualties import better
from ghatna.events.unattributed import FLAG, is_conflict, is_stand_in, is_unattributed, mark, unidentified_attackers
from ghatna.gazetteer.load import read_yaml
from ghatna.lang.grammar import token_forms, token_keys
from ghatna.model import Document, Event, Evidence

REACH = 3  # words between an anaphor and the trigger ("इस भीषण आतंकी हमले", "the deadly suicide attack")
# A mention is compared with at most this many attacks reported before it (the latest ones), so
# that the merge stays linear in the length of the text however many attacks it reports.
MAX_COMPARED = 50
SPECIFIC_MODES = ("suicide-attack",)  # a mode that says more than any other of the same attack


@dataclass(frozen=True, slots=True)
class AttackWords:
    """Words that point back to an attack already reported, and words that show an article
    reports political violence (attacks.yaml)."""

    anaphora: frozenset[tuple[str, ...]]
    cues: frozenset[str] = frozenset()  # phonetic keys (events/unattributed.py)
    plural_endings: tuple[str, ...] = ()  # of a trigger's last word: a plural names several attacks
    unidentified_agents: frozenset[str] = frozenset()  # agent ids that name no perpetrator ("gunmen")

    @classmethod
    def load(cls, folder: Traversable) -> AttackWords | None:
        node = folder / "attacks.yaml"
        return cls.from_dict(read_yaml(node) or {}) if node.is_file() else None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> AttackWords:
        cues = frozenset(k for w in d.get("cues") or [] for k in token_keys(str(w))[:1])
        anaphora = frozenset(f for f in (token_forms(str(w)) for w in d.get("anaphora") or []) if f)
        return cls(anaphora, cues, tuple(str(e) for e in d.get("plural_endings") or ()),
                   frozenset(str(a) for a in d.get("unidentified_agents") or ()))


def _dates_agree(a: Event, b: Event) -> bool:
    from ghatna.stages.merge import dates_compatible  # (merge imports this module)

    return dates_compatible(a.date, b.date)


def _resolved(ev: Event) -> bool:
    """Dated from the text (not from the publication day)."""
    return ev.date.basis in ("explicit", "relative")


def _kind(ev: Event) -> str:
    return "riot" if ev.type == "PROTEST" else "attack"


def _where(ev: Event) -> str | None:
    if ev.location is not None and ev.location.country:
        return ev.location.country
    return next((a.country for a in ev.actors if is_stand_in(a) and a.country), None)


def _city(ev: Event) -> str | None:
    """The town or site where it happened (a place with coordinates), if the text says."""
    loc = ev.location
    return loc.name if loc is not None and loc.lat is not None else None


def _ids(ev: Event) -> frozenset[str]:
    return frozenset(a.id for a in ev.actors)


def compatible(a: Event, b: Event) -> bool:
    """Whether ``a`` and ``b`` can be mentions of one attack."""
    if _kind(a) != _kind(b) or a.modality != b.modality or not _dates_agree(a, b):
        return False
    wa, wb = _where(a), _where(b)
    if wa and wb and wa != wb:
        return False
    ca, cb = _city(a), _city(b)
    if ca and cb and ca != cb:
        return False  # a blast in Kabul and one in Kandahar are two
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


class _Mentions:
    """What the merge asks of a mention in its document: does an anaphor stand before its trigger,
    is its trigger a plural ("हमलों", "attacks": several attacks, or attacks in general), does its
    sentence carry a date of its own, is it all in headlines."""

    def __init__(self, doc: Document, words: AttackWords | None) -> None:
        self.doc = doc
        self.words = words if words is not None else AttackWords(frozenset())
        self._starts: list[int] | None = None  # the tokens' start offsets, built when first asked
        self.longest = max((len(w) for w in self.words.anaphora), default=0)
        self.phrases: dict[int, set[str]] = {}  # sentence → its date expressions
        for tm in doc.times:
            if tm.kind == "date":
                self.phrases.setdefault(tm.sentence, set()).add(tm.text)

    def _trigger(self, x: Evidence) -> tuple[int, int]:
        """The token range of an evidence's trigger."""
        if self._starts is None:
            self._starts = [t.start for t in self.doc.tokens]
        return bisect_left(self._starts, x.trigger_start), bisect_left(self._starts, x.trigger_end)

    def anaphoric(self, ev: Event) -> bool:
        toks = self.doc.tokens
        for x in ev.evidence:
            j, _ = self._trigger(x)
            forms = [toks[k].form for k in range(max(0, j - 2 * (REACH + self.longest)), j)
                     if toks[k].key and toks[k].sentence == x.sentence][-(REACH + self.longest):]
            for n in range(1, self.longest + 1):
                for i in range(max(0, len(forms) - REACH - n + 1), len(forms) - n + 1):
                    if tuple(forms[i : i + n]) in self.words.anaphora:
                        return True
        return False

    def plural(self, ev: Event) -> bool:
        x = ev.evidence[0]
        j, k = self._trigger(x)
        last = next((t for t in reversed(self.doc.tokens[j:k]) if t.key), None)
        return last is not None and last.form.endswith(self.words.plural_endings) if self.words.plural_endings \
            else False

    def own_date(self, ev: Event) -> bool:
        """A date of its own: resolved from the text, or a date expression in its sentence (a month
        named without a year, in an article with no publication date, is still another day)."""
        return ev.date.basis in ("explicit", "relative") or any(x.sentence in self.phrases for x in ev.evidence)

    def same_date(self, a: Event, b: Event) -> bool:
        """Both dated from the text, to agreeing dates; or, where the dates could not be resolved
        (no publication date), both dated by the same words ("रविवार को" … "रविवार को")."""
        if _resolved(a) and _resolved(b):
            return _dates_agree(a, b)
        pa = {t for x in a.evidence for t in self.phrases.get(x.sentence, ())}
        return any(t in pa for x in b.evidence for t in self.phrases.get(x.sentence, ()))

    def headline_only(self, ev: Event) -> bool:
        return all(self.doc.sentences[x.sentence].is_headline for x in ev.evidence)


def _same_attack(m: _Mentions, k: Event, ev: Event, latest: bool) -> bool:
    """Whether ``ev`` (in a later sentence) reports the attack ``k`` reported before; ``latest``:
    no conflict event was reported between them."""
    if not compatible(k, ev):
        return False
    if m.anaphoric(ev):
        return True  # "इस हमले", "the blast"
    if m.plural(ev):
        return False  # "हमलों में": several attacks, or attacks in general
    dated = m.own_date(ev)
    if m.headline_only(k) and not m.own_date(k) and (latest or not dated):
        return True  # an undated headline and the report below it
    if not is_unattributed(ev):
        return False  # a named doer, not pointing back: maybe another attack by the same
    # no doer: the attack reported last; with a date of its own, only an attack of that date
    # ("मई में हुए हमले" is another attack)
    return not dated or m.same_date(k, ev)


def name_no_perpetrator(doc: Document, words: AttackWords | None) -> None:
    """With --unattributed, an attack by agents that name no one ("gunmen", "एक आत्मघाती
    हमलावर") is an attack by the stand-in of their country, flagged."""
    agents = words.unidentified_agents if words is not None else frozenset()
    if not doc.options.unattributed or not agents:
        return
    for ev in doc.events:
        if is_conflict(ev.type, ev.mode) and ev.actors and all(a.id.rpartition(":")[2] in agents for a in ev.actors):
            countries = {a.country for a in ev.actors}
            ev.actors = [unidentified_attackers(countries.pop() if len(countries) == 1 else None)]
            mark([ev])


def one_event_per_attack(doc: Document, words: AttackWords | None) -> list[Event]:
    """The document's events with the mentions of each attack joined (in text order)."""
    name_no_perpetrator(doc, words)
    if sum(1 for ev in doc.events if is_conflict(ev.type, ev.mode) and ev.modality == "actual") < 2:
        return doc.events
    m = _Mentions(doc, words)
    out: list[Event] = []
    conflict: dict[int, Event] = {}  # the conflict events kept (by id), latest last
    for ev in doc.events:
        if not is_conflict(ev.type, ev.mode) or ev.modality != "actual":
            out.append(ev)
            continue
        target = None
        si = ev.evidence[0].sentence
        recent = list(islice(reversed(conflict.values()), MAX_COMPARED))  # latest first
        for k in recent:
            if k.evidence[-1].sentence == si and (is_unattributed(k) or is_unattributed(ev)) and compatible(k, ev):
                target = k
                break
        if target is None:
            target = next((k for i, k in enumerate(recent) if _same_attack(m, k, ev, i == 0)), None)
        if target is None:
            out.append(ev)
            conflict[id(ev)] = ev
        else:
            join(target, ev)
            del conflict[id(target)]  # now the latest reported
            conflict[id(target)] = target
    return out
