"""Actors: the most active ones, and one actor with its partners as a network."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from starlette.responses import Response

from ghatna import service
from ghatna.web.state import WebState, get_state
from ghatna.web.svg import network
from ghatna.web.templating import not_found, page
from ghatna.web.views.params import int_param

router = APIRouter(include_in_schema=False)


@router.get("/actors")
def actors_page(request: Request, state: Annotated[WebState, Depends(get_state)]) -> Response:
    limit = int_param(request.query_params.get("limit"), 100, 1, 1000)
    with state.reader() as st:
        rows = service.actor_counts(st, limit)
    return page(request, "actors.html", title="Actors", actors=rows)


@router.get("/actors/{actor:path}")
def actor_page(request: Request, actor: str, state: Annotated[WebState, Depends(get_state)]) -> Response:
    actor = actor.strip()[:200]
    detail = None
    if actor:
        with state.reader() as st:
            detail = service.actor_detail(st, actor, partners=60)
            # the latest 30, newest first
            events = service.query_events(st, actor=actor, limit=30, offset=max(0, detail["events"] - 30))[::-1] \
                if detail else []
    if detail is None:
        return not_found(request, f"There is no actor {actor!r} in this store.")
    return page(request, "actor.html", title=detail.get("name") or actor, actor=detail, events=events,
                chart=network(detail, detail["partners"]))
