"""An article with every evidence span, trigger, quote and actor mention highlighted in its text,
beside the list of its events and quotes."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from starlette.responses import Response

from ghatna.web.api import article_payload
from ghatna.web.spans import highlight
from ghatna.web.state import WebState, get_state
from ghatna.web.templating import not_found, page

router = APIRouter(include_in_schema=False)


def event_label(ev: dict[str, Any]) -> str:
    def names(xs: list[dict[str, Any]]) -> str:
        return ", ".join(x.get("name") or x.get("id") or "?" for x in xs) or "—"

    what = ev["type"] + (f"/{ev['mode']}" if ev.get("mode") else "")
    return f"#{ev['id']} {what}: {names(ev['actors'])} → {names(ev['recipients'])}"


@router.get("/articles/{article_id:path}")
def article_page(request: Request, article_id: str, state: Annotated[WebState, Depends(get_state)]) -> Response:
    art = article_payload(state, article_id[:500])
    if art is None:
        return not_found(request, f"There is no article {article_id!r}.")
    labels = {ev["id"]: event_label(ev) for ev in art["events"]}
    counts = {k: sum(1 for s in art["spans"] if s["kind"] == k) for k in ("evidence", "trigger", "quote", "mention")}
    return page(request, "article.html", title=art.get("title") or art["article_id"], art=art,
                body=highlight(art["text"], art["spans"], labels), counts=counts)
