"""One merged event: who, what, when, where, and every article's evidence."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from starlette.responses import Response

from ghatna import service
from ghatna.web.state import WebState, get_state
from ghatna.web.templating import not_found, page

router = APIRouter(include_in_schema=False)


@router.get("/events/{event_id}")
def event_page(request: Request, event_id: str, state: Annotated[WebState, Depends(get_state)]) -> Response:
    ev = None
    if event_id.isascii() and event_id.isdigit() and 0 < int(event_id) < 2**63:
        with state.reader() as st:
            ev = service.event_by_id(st, int(event_id))
    if ev is None:
        return not_found(request, f"There is no event {event_id}.")
    return page(request, "event.html", title=f"Event {ev['id']}: {ev['type']}", ev=ev)
