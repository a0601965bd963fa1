"""PLOVER 2.0 event types and modes, and the nearest CAMEO code of each.

ghatna codes events in PLOVER; for GDELT users every event also carries the nearest CAMEO
event code with its QuadClass and Goldstein weight. The table lives in
``data/ontology/plover_cameo.tsv`` (columns ``type mode cameo quad_class goldstein label``):
one row per (type, mode) pair of the PLOVER codebook plus one row per type with an empty mode,
which is the type's default.

    >>> onto = Ontology.load()
    >>> onto.code("CONSULT", "visit").cameo
    '042'

Nothing is read at import time; load the table once and pass the ``Ontology`` around.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

__all__ = ["CameoCode", "Ontology"]

_RESOURCE = ("data", "ontology", "plover_cameo.tsv")
_COLUMNS = ("type", "mode", "cameo", "quad_class", "goldstein", "label")


@dataclass(frozen=True, slots=True)
class CameoCode:
    """The CAMEO side of a PLOVER (type, mode): code, QuadClass (1-4), Goldstein weight, label."""

    cameo: str  # a string: leading zeros matter ("042")
    quad_class: int
    goldstein: float
    label: str


class Ontology:
    """Read-only PLOVER type/mode → CAMEO table."""

    __slots__ = ("_codes", "_modes")

    def __init__(self, codes: Mapping[tuple[str, str], CameoCode]) -> None:
        """``codes`` maps (type, mode) to its CAMEO code; mode "" is the type's default row."""
        modes: dict[str, list[str]] = {}
        for type_, mode in codes:
            modes.setdefault(type_, [])
            if mode:
                modes[type_].append(mode)
        missing = [t for t in modes if (t, "") not in codes]
        if missing:
            raise ValueError(f"no default (empty-mode) row for type(s): {', '.join(missing)}")
        self._codes: Mapping[tuple[str, str], CameoCode] = MappingProxyType(dict(codes))
        self._modes: Mapping[str, tuple[str, ...]] = MappingProxyType(
            {t: tuple(ms) for t, ms in modes.items()}
        )

    # -- construction ---------------------------------------------------------------------------

    @classmethod
    def load(cls) -> Ontology:
        """Read the table shipped with ghatna (``ghatna/data/ontology/plover_cameo.tsv``)."""
        path = resources.files("ghatna")
        for part in _RESOURCE:
            path = path / part
        return cls.parse(path.read_text(encoding="utf-8"), source="/".join(_RESOURCE))

    @classmethod
    def parse(cls, text: str, source: str = "<string>") -> Ontology:
        """Parse the TSV format; raise ``ValueError`` naming the line of any malformed row."""
        lines = text.splitlines()
        if not lines or tuple(lines[0].split("\t")) != _COLUMNS:
            raise ValueError(f"{source}: header must be {chr(9).join(_COLUMNS)!r}")
        codes: dict[tuple[str, str], CameoCode] = {}
        for lineno, line in enumerate(lines[1:], start=2):
            if not line.strip():
                continue
            fields = line.split("\t")
            if len(fields) != len(_COLUMNS):
                raise ValueError(f"{source}:{lineno}: expected {len(_COLUMNS)} fields, got {len(fields)}")
            type_, mode, cameo, quad, goldstein, label = (f.strip() for f in fields)
            if not type_:
                raise ValueError(f"{source}:{lineno}: empty type")
            if not (cameo.isdigit() and len(cameo) in (3, 4)):
                raise ValueError(f"{source}:{lineno}: CAMEO code must be 3 or 4 digits, got {cameo!r}")
            try:
                code = CameoCode(cameo, int(quad), float(goldstein), label)
            except ValueError as exc:
                raise ValueError(f"{source}:{lineno}: {exc}") from None
            if (type_, mode) in codes:
                raise ValueError(f"{source}:{lineno}: duplicate row for ({type_}, {mode or '<default>'})")
            codes[(type_, mode)] = code
        return cls(codes)

    # -- queries --------------------------------------------------------------------------------

    @property
    def types(self) -> tuple[str, ...]:
        """The PLOVER event types, in table order."""
        return tuple(self._modes)

    def modes(self, type: str) -> tuple[str, ...]:
        """The modes of ``type`` (without the empty default); ``KeyError`` for an unknown type."""
        try:
            return self._modes[type]
        except KeyError:
            raise KeyError(self._unknown(type)) from None

    def code(self, type: str, mode: str | None = None) -> CameoCode:
        """CAMEO code of (type, mode); an unknown or missing mode falls back to the type's default.

        Raises ``KeyError`` for an unknown type.
        """
        if type not in self._modes:
            raise KeyError(self._unknown(type))
        return self._codes.get((type, mode or ""), self._codes[(type, "")])

    def is_valid(self, type: str, mode: str | None) -> bool:
        """True when ``type`` is a PLOVER type and ``mode`` is None/"" or one of its modes."""
        if type not in self._modes:
            return False
        return not mode or mode in self._modes[type]

    def items(self) -> Iterable[tuple[tuple[str, str], CameoCode]]:
        """All rows as ((type, mode), code), mode "" for the default rows."""
        return self._codes.items()

    def __len__(self) -> int:
        return len(self._codes)

    def __repr__(self) -> str:
        return f"Ontology({len(self._modes)} types, {len(self._codes)} rows)"

    def _unknown(self, type: str) -> str:
        return f"unknown PLOVER event type {type!r}; expected one of: {', '.join(self._modes)}"
