"""Case frames (data/lang/<lang>/frames.yaml): which marked phrase fills which side of an act.

The Paninian view of argument structure: a verb (or a noun predicate) has a demand frame — its
doer (karta), the one acted on (karma), the receiver (sampradana), the source (apadana) — and
each is marked by a postposition (or, in English, by position and preposition). A frame maps a
marker class (the language's `postpositions` in grammar.yaml, plus positional classes: `nom` or
`subj` for an unmarked subject, `obj` for an object, `adj` for a demonym before a noun trigger,
`cpd` for a name before it, `gen` for a genitive, `victim` for "X was killed", `patient` for
the surface subject of a passive, `owner` for a possessive that owns what the act is about:
"condemned Russia's attack") to a side: actor, recipient, partner (the other side of a
reciprocal act; a recipient otherwise) or null. "gen:person" applies to persons only.

A trigger class names its frame and may override single markers (`roles` in triggers.yaml).
`open` lists the markers whose slot an unknown noun phrase may fill: an addressee or a partner
is a person or a group even when no dictionary names it ("अर्थशास्त्रियों के साथ बैठक").
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources.abc import Traversable
from typing import Any

from ghatna.gazetteer.load import DataError, read_yaml

SIDES = frozenset({"actor", "recipient", "partner", None})
ENTITY_KINDS = frozenset({"person", "country", "organization", "group", "agent", "pronoun", "place", "adjective"})
MISSING = "missing"


@dataclass(frozen=True, slots=True)
class Frame:
    id: str
    roles: dict[str, str | None]
    reciprocal: bool = False
    # markers whose slot a noun phrase the dictionary does not know may fill ("विशेषज्ञों से
    # मुलाकात", "met with economists"): a person or group of the context's country
    open: frozenset[str] = frozenset()

    def side(self, marker: str, kind: str, overrides: dict[str, str | None] | None = None) -> str | None:
        """The side a phrase with this marker (and entity kind) takes, overrides first."""
        for table in (overrides or {}, self.roles):
            specific = table.get(f"{marker}:{kind}", MISSING)
            if specific != MISSING:
                return specific
            plain = table.get(marker, MISSING)
            if plain != MISSING:
                return plain
        return None


def check_roles(roles: dict[str, Any], markers: frozenset[str], where: str) -> None:
    for k, v in roles.items():
        if not isinstance(k, str):  # YAML reads a bare on/yes/no key as a boolean
            raise DataError(f"{where}: marker {k!r} is not a string (quote it)")
        marker, _, kind = k.partition(":")
        if marker not in markers or (kind and kind not in ENTITY_KINDS):
            raise DataError(f"{where}: unknown marker {k!r}")
        if v not in SIDES:
            raise DataError(f"{where}: {k}: unknown side {v!r}")


def load_frames(folder: Traversable, markers: frozenset[str]) -> dict[str, Frame]:
    node = folder / "frames.yaml"
    d = read_yaml(node) or {}
    defaults = dict(d.get("defaults") or {})
    check_roles(defaults, markers, f"{node}: defaults")
    out: dict[str, Frame] = {}
    for fid, spec in (d.get("frames") or {}).items():
        roles = dict((spec or {}).get("roles") or {})
        check_roles(roles, markers, f"{node}: frame {fid}")
        open_markers = frozenset(str(x) for x in (spec or {}).get("open") or [])
        if open_markers - markers:
            raise DataError(f"{node}: frame {fid}: unknown open markers {sorted(open_markers - markers)}")
        out[str(fid)] = Frame(str(fid), {**defaults, **roles}, bool((spec or {}).get("reciprocal", False)),
                              open_markers)
    if not out:
        raise DataError(f"{node}: no frames")
    return out
