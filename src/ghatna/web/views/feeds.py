"""The feeds ``ghatna watch`` reads into this store: each one's last fetch, errors and item counts."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from starlette.responses import Response

from ghatna.watch.command import ago
from ghatna.watch.state import feed_status, item_errors
from ghatna.web.state import WebState, get_state
from ghatna.web.templating import page

router = APIRouter(include_in_schema=False)


@router.get("/feeds")
def feeds_page(request: Request, state: Annotated[WebState, Depends(get_state)]) -> Response:
    with state.reader() as st:
        feeds = feed_status(st.conn)
        problems = item_errors(st.conn, limit=30)
    now = datetime.now(UTC)
    for f in feeds:
        f["fetched"], f["succeeded"] = ago(f["last_fetch"], now), ago(f["last_success"], now)
    for p in problems:
        p["tried"] = ago(p["last_try"], now)
    return page(request, "feeds.html", title="Feeds", feeds=feeds, problems=problems)
