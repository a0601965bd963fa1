"""The event filters of the API and the search page: the CLI's, validated the same way."""

from __future__ import annotations

from typing import Any

DATE_PATTERN = r"^\s*[1-9]\d{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?\s*$"


class FilterError(ValueError):
    """An invalid filter; ``field`` is the parameter at fault."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


def event_filters(actor: str | None = None, dyad: list[str] | None = None, type_: str | None = None,
                  mode: str | None = None, since: str | None = None, until: str | None = None,
                  text: str | None = None, require_dyad: bool = False,
                  min_confidence: str | float | None = None) -> dict[str, Any]:
    """The CLI's event filters from request parameters (blank ones ignored); FilterError when one is
    invalid (a dyad that is not two actors, a date that is not YYYY, YYYY-MM or YYYY-MM-DD, a
    confidence that is not a number from 0 to 1)."""
    from ghatna.store.query import EventFilter, where_clause

    def clean(v: str | None) -> str | None:
        return v.strip() or None if v is not None else None

    pair = [d.strip() for d in dyad or [] if d and d.strip()]
    if (pair or require_dyad) and len(pair) != 2:
        raise FilterError("dyad needs two actors, e.g. dyad=IND&dyad=RUS", "dyad")
    f = {"actor": clean(actor), "dyad": tuple(pair) if pair else None, "type": clean(type_), "mode": clean(mode),
         "since": clean(since), "until": clean(until), "text": clean(text)}
    raw = clean(min_confidence) if isinstance(min_confidence, str) else min_confidence
    if raw is not None:
        try:
            value = float(raw)
        except ValueError:
            value = -1.0
        if not 0.0 <= value <= 1.0:
            raise FilterError("min_confidence must be a number from 0 to 1, e.g. 0.5", "min_confidence")
        f["min_confidence"] = value
    for field in ("since", "until"):
        try:
            where_clause(EventFilter(**{field: f[field]}))  # validates the date
        except ValueError as exc:
            raise FilterError(str(exc), field) from exc
    return f
