"""Event patterns of a language (data/lang/<lang>/patterns.yaml) and their trigger matcher."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ghatna.gazetteer.load import DataError, data_root, read_yaml
from ghatna.gazetteer.matcher import Entry, PhraseMatcher
from ghatna.lang.grammar import SequenceTable, token_keys

ROLE_VALUES = frozenset({"actor", "recipient", "partner", None})
# role classes: postposition classes of the grammar files plus the positional ones
ROLE_CLASSES = frozenset({
    "ne", "by", "nom", "adj", "cpd", "ko", "se", "with", "between", "upon", "against", "towards", "gen", "in",
    "for", "victim", "from_side", "subj", "obj", "to", "about",
})
ENTITY_KINDS = frozenset({"person", "country", "organization", "group", "agent", "pronoun", "place", "adjective"})
PLOVER_TYPES = frozenset(
    [
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
        "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    ]
)


def _known_class(k: object) -> bool:
    if not isinstance(k, str):  # YAML reads a bare on/yes/no key as a boolean
        return False
    cls, _, kind = k.partition(":")
    return cls in ROLE_CLASSES and (not kind or kind in ENTITY_KINDS)


def _phrases(xs: list[Any] | None) -> list[tuple[str, ...]]:
    return [k for k in (token_keys(str(x)) for x in xs or []) if k]


@dataclass(slots=True)
class Pattern:
    id: str
    type: str
    mode: str | None
    triggers: list[str]
    roles: dict[str, str | None]
    reciprocal: bool = False
    modality: str | None = None
    context: list[tuple[str, ...]] = field(default_factory=list)
    not_context: list[tuple[str, ...]] = field(default_factory=list)
    tail: SequenceTable | None = None
    not_tail: SequenceTable | None = None
    mode_cues: list[tuple[str, list[tuple[str, ...]]]] = field(default_factory=list)
    that_clause: str | None = None  # role of the subject of a following "कि"/"that" clause
    implicit_actor: str | None = None  # agent id standing in for an unnamed actor at the event's place
    speaker_is_actor: bool = False  # in a that-clause without a subject, the speaker acts
    needs_recipient: bool = False  # no event without a recipient

    def role(self, case: str, kind: str) -> str | None:
        specific = self.roles.get(f"{case}:{kind}", "missing")
        if specific != "missing":
            return specific
        return self.roles.get(case)


@dataclass(slots=True)
class PatternSet:
    lang: str
    patterns: dict[str, Pattern]
    matcher: PhraseMatcher

    @classmethod
    def load(cls, lang: str) -> PatternSet:
        node = data_root() / "lang" / lang / "patterns.yaml"
        d = read_yaml(node) or {}
        return cls.from_dict(lang, d, str(node))

    @classmethod
    def from_dict(cls, lang: str, d: dict[str, Any], where: str = "patterns") -> PatternSet:
        defaults = dict(d.get("defaults") or {})
        patterns: dict[str, Pattern] = {}
        entries = []
        for p in d.get("patterns") or []:
            pid = p.get("id")
            if not pid or pid in patterns:
                raise DataError(f"{where}: pattern id missing or repeated: {pid!r}")
            if p.get("type") not in PLOVER_TYPES:
                raise DataError(f"{where}: pattern {pid}: unknown PLOVER type {p.get('type')!r}")
            roles = {**defaults, **(p.get("roles") or {})}
            bad = {k: v for k, v in roles.items() if v not in ROLE_VALUES or not _known_class(k)}
            if bad:
                raise DataError(f"{where}: pattern {pid}: unknown roles {bad}")
            pat = Pattern(
                id=pid,
                type=p["type"],
                mode=p.get("mode"),
                triggers=[str(t) for t in p.get("triggers") or []],
                roles=roles,
                reciprocal=bool(p.get("reciprocal", False)),
                modality=p.get("modality"),
                context=_phrases(p.get("context")),
                not_context=_phrases(p.get("not_context")),
                tail=SequenceTable.build((str(x), "tail") for x in p["tail"]) if p.get("tail") else None,
                not_tail=SequenceTable.build((str(x), "no") for x in p["not_tail"]) if p.get("not_tail") else None,
                mode_cues=[(m, _phrases(v)) for m, v in (p.get("mode_cues") or {}).items()],
                that_clause=p.get("that_clause"),
                implicit_actor=p.get("implicit_actor"),
                speaker_is_actor=bool(p.get("speaker_is_actor", False)),
                needs_recipient=bool(p.get("needs_recipient", False)),
            )
            if not pat.triggers:
                raise DataError(f"{where}: pattern {pid}: no triggers")
            patterns[pid] = pat
            entries.extend(Entry("trigger", pid, t) for t in pat.triggers)
        return cls(lang, patterns, PhraseMatcher(entries))
