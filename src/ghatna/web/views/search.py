"""The event search page: the CLI's filters as a form, results a page at a time."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from starlette.responses import Response

from ghatna import service
from ghatna.web.api import COUNT_AHEAD
from ghatna.web.filters import FilterError, event_filters
from ghatna.web.state import WebState, get_state
from ghatna.web.templating import page
from ghatna.web.views.params import int_param, text_param

router = APIRouter(include_in_schema=False)
FIELDS = ("actor", "type", "mode", "since", "until", "text", "min_confidence")


@router.get("/")
@router.get("/events")
def search(request: Request, state: Annotated[WebState, Depends(get_state)],
           dyad: Annotated[list[str] | None, Query()] = None) -> Response:
    q = request.query_params
    form = {k: text_param(q.get(k)) for k in FIELDS}
    pair = [text_param(d) for d in (dyad or [])[:2]]
    pair += [""] * (2 - len(pair))
    per = int_param(q.get("per"), 50, 1, 500)
    page_no = int_param(q.get("page"), 1, 1, 1_000_000)
    error = None
    total, events = 0, []
    try:
        f = event_filters(form["actor"], pair, form["type"], form["mode"], form["since"], form["until"], form["text"],
                          min_confidence=form["min_confidence"])
    except FilterError as exc:
        error, f = str(exc), None
    cap = page_no * per + COUNT_AHEAD
    with state.reader() as st:
        stats = st.stats()
        if f is not None:
            total = service.count_events(st, cap=cap, **f)
            events = service.query_events(st, **f, limit=per, offset=(page_no - 1) * per)
    kept = [(k, v) for k, v in form.items() if v] + [("dyad", d) for d in pair if any(pair)]
    if per != 50:
        kept.append(("per", str(per)))

    def page_url(n: int) -> str:
        return "/events?" + urlencode([*kept, ("page", str(n))])

    pages = max(1, -(-total // per))
    return page(request, "search.html", 400 if error else 200, title="Events", form=form, dyad=pair, error=error,
                events=events, total=total, more=total >= cap, page_no=page_no, pages=pages, per=per, stats=stats,
                prev_url=page_url(page_no - 1) if page_no > 1 else None,
                next_url=page_url(page_no + 1) if page_no < pages else None,
                first=(page_no - 1) * per + 1)
