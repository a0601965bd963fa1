"""Who an act is aimed at, chosen by a small learned model over the sentence's noun phrases.

The case frame proposes a recipient from the phrase's marker; the news often names the one acted
upon elsewhere — outside the trigger's clause, with a marker the frame does not expect, or only
as the actor's own side ("प्रधानमंत्री ने बधाई दी": to the country's people). Every phrase of the
sentence that names an actor (and one candidate for "the actor's own country") is described by
what the reader knows — its marker and the side the frame gives that marker, the act's type,
where the phrase stands, its kind — and a logistic-regression model, trained here on the
training gold (scripts/train_models.py; card: models/roles.md), gives the probability that it is
the recipient. The best candidate above the model's threshold is the recipient.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ghatna.events.frames import Frame
from ghatna.events.lexicon import TriggerClass
from ghatna.events.reading import Argument, Predicate, SentenceView
from ghatna.model import Entity, Mention
from ghatna.models.linear import LinearModel

CANDIDATE_KINDS = frozenset({"person", "country", "organization", "group", "agent", "pronoun", "adjective", "phrase",
                             "place"})
MODEL = "roles"


@dataclass(slots=True)
class Candidate:
    entities: list[Entity]
    features: list[str]
    mention: Mention | None = None  # None for the actor's own country
    score: float = 0.0
    group: int = -1  # candidates coordinated with each other ("X and Y", "X, Y") share a group


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


def describe(sv: SentenceView, p: Predicate, cls: TriggerClass, frame: Frame, args: list[Argument],
             actors: list[Entity], lang: str, country: Callable[[str], Entity | None]) -> list[Candidate]:
    """The candidates for recipient of one act, each with its features."""
    marker_of = {id(a.mention): a.marker for a in args}
    actor_ids = {a.id for a in actors}
    home = {a.country for a in actors if a.country}
    cases: dict[int, str | None] = getattr(sv, "case", {})
    mentions = [m for m in [*sv.mentions, *getattr(sv, "phrases", [])]
                if m.kind in CANDIDATE_KINDS and not (p.t0 <= m.tok_start < p.t1)]
    mentions.sort(key=lambda m: abs(m.tok_start - p.t0))
    base = [f"type={cls.type}", f"frame={frame.id}", f"lang={lang}", f"nominal={p.nominal}", f"passive={p.passive}"]
    out: list[Candidate] = []
    others = set()
    for rank, m in enumerate(mentions):
        ents = [e for e in m.entities if e.id not in actor_ids]
        if m.kind == "phrase":
            ents = [Entity(e.id, e.name, e.kind, next(iter(home)) if len(home) == 1 else None, e.sector, e.office,
                           e.name_hi) for e in ents]
        ents = [e for e in ents if e.country or e.kind not in ("group",)]
        if not ents:
            continue
        others.update(e.country for e in ents if e.country and e.country not in home)
        marker = marker_of.get(id(m))
        side = frame.side(marker, m.kind, cls.roles) if marker else None
        where = "before" if m.tok_start < p.t0 else "after"
        inside = "in" if p.left <= m.tok_start < p.right else "out"
        m_key = marker or f"out:{cases.get(id(m), m.case)}"
        same = "same" if any(e.country in home for e in ents) else "other"
        words = len(sv.word_indices(min(m.tok_end, p.t0), max(m.tok_start, p.t1)))
        feats = [*base, f"marker={m_key}", f"side={side}", f"kind={m.kind}", f"where={where}", f"clause={inside}",
                 f"dist={_bucket(words, (1, 3, 6, 10))}", f"rank={_bucket(rank, (0, 1, 2))}", f"country={same}",
                 f"type|side={cls.type}|{side}", f"type|marker={cls.type}|{m_key}", f"frame|marker={frame.id}|{m_key}",
                 f"kind|side={m.kind}|{side}", f"side|clause={side}|{inside}", f"type|country={cls.type}|{same}",
                 f"marker|where={m_key}|{where}", f"lang|marker={lang}|{m_key}"]
        out.append(Candidate(ents, feats, m))
    _group_coordinated(sv, out)
    own = country(next(iter(home))) if len(home) == 1 else None
    if own is not None and not others:
        # the actor's own side is the one acted upon only when the sentence names no other
        # country's ("प्रधानमंत्री ने बधाई दी": to the country's people); with a foreign name in
        # it, that name (or nobody) is
        n_other = _bucket(len(others), (0, 1))
        # the article's other countries: domestic news names one, international news several
        n_article = _bucket(len(sv.countries - home), (0, 1, 3))
        feats = [*base, "home", f"home|type={cls.type}", f"home|others={n_other}", f"home|lang={lang}",
                 f"home|type|others={cls.type}|{n_other}", f"home|nominal={p.nominal}",
                 f"home|article_others={n_article}", f"home|type|article_others={cls.type}|{n_article}"]
        out.append(Candidate([own], feats, None))
    return out


def _group_coordinated(sv: SentenceView, cands: list[Candidate]) -> None:
    """Number the runs of candidates joined only by commas and conjunctions ("X और Y", "X, Y and
    Z"): one recipient may be several coordinated phrases, never phrases apart ("appreciation for
    Italy's support for Afghan peace" is addressed to Italy alone)."""
    gram = getattr(sv, "gram", None)
    joiners = (gram.coordinators if gram is not None else frozenset()) | {","}
    toks = sv.toks
    ordered = sorted((c for c in cands if c.mention is not None), key=lambda c: c.mention.tok_start)  # type: ignore[union-attr]
    group = 0
    for i, c in enumerate(ordered):
        if i:
            a, b = ordered[i - 1].mention, c.mention
            assert a is not None and b is not None
            between = [t for t in toks[a.case_end or a.tok_end : b.tok_start] if t.key]
            joined = any(t.form in joiners and t.norm != "," for t in between) and len(between) <= 6
            owner = a.case == "gen" and len(between) <= 2  # "इराकी बल के प्रमुख Y": one phrase
            if not (joined or owner or (len(between) <= 2 and all(t.norm in joiners or t.form in joiners
                                                                  for t in between))):
                group += 1  # (a conjunction may have the second name's own modifiers after it)
        c.group = group


def choose(model: LinearModel, cands: list[Candidate]) -> list[Candidate]:
    """The recipient: the most probable candidate above the model's threshold (with those
    coordinated with it: the same marker, nearly as probable), or none."""
    for c in cands:
        c.score = model.probability(c.features)
    best = max(cands, key=lambda c: c.score, default=None)
    if best is None or best.score < model.threshold:
        return []
    marker = next((f for f in best.features if f.startswith("marker=")), None)
    return [c for c in cands if c is best or (c.mention is not None and c.score >= model.threshold
                                               and marker is not None and marker in c.features
                                               and c.group == best.group and c.score >= best.score - 0.1)]
