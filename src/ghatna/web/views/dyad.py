"""A dyad: its events by month as an SVG timeline split by PLOVER type and by cooperation/conflict."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from starlette.responses import Response

from ghatna import service
from ghatna.web.filters import FilterError, event_filters
from ghatna.web.state import WebState, get_state
from ghatna.web.svg import timeline
from ghatna.web.templating import page
from ghatna.web.views.params import text_param

router = APIRouter(include_in_schema=False)


@router.get("/dyads/{a}/{b}")
def dyad_page(request: Request, a: str, b: str, state: Annotated[WebState, Depends(get_state)]) -> Response:
    since, until = text_param(request.query_params.get("since")), text_param(request.query_params.get("until"))
    try:
        f = event_filters(dyad=[text_param(a), text_param(b)], since=since, until=until, require_dyad=True)
    except FilterError as exc:
        return page(request, "error.html", 400, title="Bad request", message=str(exc))
    a, b = f["dyad"]
    with state.reader() as st:
        summary = service.dyad_summary(st, a, b, since=f["since"], until=f["until"])
        events = service.query_events(st, dyad=(a, b), since=f["since"], until=f["until"], limit=100)
        who = [service.actor_info(st, x) or {"id": x, "name": x} for x in (a, b)]
    return page(request, "dyad.html", title=f"{who[0].get('name')} – {who[1].get('name')}", summary=summary,
                who=who, events=events, since=since, until=until, chart=timeline(summary))
