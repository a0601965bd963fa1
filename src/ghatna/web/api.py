"""The JSON API under /api (OpenAPI document at /api/openapi.json, docs at /api/docs)."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response, Security
from fastapi.exceptions import RequestValidationError
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ghatna import service
from ghatna.model import Article, Document
from ghatna.store.ingest import content_hash
from ghatna.web import schemas
from ghatna.web.filters import DATE_PATTERN, FilterError, event_filters
from ghatna.web.spans import article_spans
from ghatna.web.state import WebState, get_state

router = APIRouter(prefix="/api", tags=["api"])
bearer = HTTPBearer(auto_error=False, description="the token given to `ghatna serve --token` or GHATNA_TOKEN")

State = Annotated[WebState, Depends(get_state)]
MAX_ID = 2**63 - 1  # SQLite integers
COUNT_AHEAD = 10_000  # a page's total is counted this far past it (a frequent actor has many more)
MAX_OPEN_EXTRACT_CHARS = 100_000  # POST /api/extract without the write token

NOT_FOUND = {404: {"description": "no such item", "content": {"application/json": {"example": {"detail": "…"}}}}}
TOO_LARGE = {413: {"description": "request body over 5 MB"}}
BUSY = {429: {"description": "too many extractions from this client (30 a minute)"},
        503: {"description": "extraction went over the server's time budget, or the store is unavailable"}}


def _unprocessable(exc: FilterError, where: str = "query") -> RequestValidationError:
    """A 422 shaped like FastAPI's own validation errors (as the OpenAPI document says)."""
    return RequestValidationError([{"type": "value_error", "loc": (where, exc.field), "msg": str(exc),
                                     "input": None}])


@router.get("/events", response_model=schemas.EventPage, summary="Search events")
def list_events(
    state: State,
    actor: Annotated[str | None, Query(max_length=200, description="actor id, name (English or Hindi) or ISO3")]
    = None,
    dyad: Annotated[list[str] | None, Query(min_length=2, max_length=2,
                                            description="two actors on opposite sides: dyad=IND&dyad=RUS")] = None,
    type: Annotated[str | None, Query(max_length=40, description="PLOVER type, e.g. CONSULT")] = None,
    mode: Annotated[str | None, Query(max_length=80, description="PLOVER mode, e.g. visit")] = None,
    since: Annotated[str | None, Query(max_length=40, pattern=DATE_PATTERN, description="YYYY, YYYY-MM or YYYY-MM-DD")]
    = None,
    until: Annotated[str | None, Query(max_length=40, pattern=DATE_PATTERN, description="YYYY, YYYY-MM or YYYY-MM-DD")]
    = None,
    text: Annotated[str | None, Query(max_length=200, description="words that must all occur in the evidence")]
    = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1, description="only events at least this probably "
                                                                           "right, type and sides (0-1)")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0,
) -> dict[str, Any]:
    """Merged events in date order (undated last), with the CLI's filters, a page at a time."""
    try:
        f = event_filters(actor, dyad, type, mode, since, until, text, min_confidence=min_confidence)
    except FilterError as exc:
        raise _unprocessable(exc) from exc
    cap = offset + limit + COUNT_AHEAD
    with state.reader() as st:
        total = service.count_events(st, cap=cap, **f)
        events = service.query_events(st, **f, limit=limit, offset=offset)
    return {"total": total, "more": total >= cap, "limit": limit, "offset": offset, "events": events}


@router.get("/events/{event_id}", response_model=schemas.Event, responses=NOT_FOUND, summary="One event")
def get_event(state: State, event_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> dict[str, Any]:
    with state.reader() as st:
        ev = service.event_by_id(st, event_id)
    if ev is None:
        raise HTTPException(404, f"no event {event_id}")
    return ev


def article_payload(state: WebState, article_id: str) -> dict[str, Any] | None:
    """A stored article with its events, quotes and highlighted spans (shared with the HTML page)."""
    with state.reader() as st:
        art = service.article_detail(st, article_id)
    if art is None:
        return None
    mentions = state.mentions(art)
    art["spans"] = article_spans(art["text"], art["events"], art["quotes"], mentions)
    return art


@router.get("/articles/{article_id:path}", response_model=schemas.ArticleDetail, responses=NOT_FOUND,
            summary="One article: text, events, quotes and highlighted spans")
def get_article(state: State, article_id: Annotated[str, Path(max_length=500)]) -> dict[str, Any]:
    """The stored text with the spans a reader wants highlighted: every event's evidence sentence
    and trigger, every quote, and every actor mention (found by running extraction again on the
    stored text; offsets are into ``text``)."""
    art = article_payload(state, article_id)
    if art is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return art


@router.get("/actors", response_model=list[schemas.ActorCount], summary="The most active actors")
def list_actors(state: State, limit: Annotated[int, Query(ge=1, le=1000)] = 50) -> list[dict[str, Any]]:
    with state.reader() as st:
        return service.actor_counts(st, limit)


@router.get("/actors/{actor}", response_model=schemas.ActorDetail, responses=NOT_FOUND,
            summary="One actor and its partners")
def get_actor(state: State, actor: Annotated[str, Path(max_length=200)],
              partners: Annotated[int, Query(ge=1, le=200)] = 30) -> dict[str, Any]:
    with state.reader() as st:
        detail = service.actor_detail(st, actor, partners=partners)
    if detail is None:
        raise HTTPException(404, f"no actor {actor!r}")
    return detail


@router.get("/dyads/{a}/{b}", response_model=schemas.DyadSummary, summary="Events between two actors by month and type")
def get_dyad(state: State, a: Annotated[str, Path(max_length=200)], b: Annotated[str, Path(max_length=200)],
             since: Annotated[str | None, Query(max_length=40, pattern=DATE_PATTERN)] = None,
             until: Annotated[str | None, Query(max_length=40, pattern=DATE_PATTERN)] = None) -> dict[str, Any]:
    """Counts by month and PLOVER type, cooperation (QuadClass 1-2) and conflict (3-4), balance and
    mean Goldstein score, as `ghatna dyad --json` prints them."""
    try:
        f = event_filters(dyad=[a, b], since=since, until=until, require_dyad=True)
    except FilterError as exc:
        raise _unprocessable(exc, "path" if exc.field == "dyad" else "query") from exc
    with state.reader() as st:
        return service.dyad_summary(st, *f["dyad"], since=f["since"], until=f["until"])


def _extraction(state: WebState, body: schemas.ArticleIn) -> dict[str, Any]:
    doc = state.extract(body.text, published=body.published, lang=body.lang, title=body.title,
                        article_id=body.article_id or "", unattributed=body.unattributed)
    out = doc.to_dict()
    out["source"], out["url"] = body.source, body.url
    out["mentions"] = [{"start": m.start, "end": m.end, "text": m.text, "kind": m.kind,
                        "entities": [e.to_dict() for e in m.entities]} for m in doc.mentions]
    return out


@router.post("/extract", response_model=schemas.Extraction,
             responses={**TOO_LARGE, **BUSY},
             summary="Extract events from a text (nothing is stored)")
def extract(state: State, body: schemas.ArticleIn, request: Request) -> dict[str, Any]:
    """What `ghatna extract --format jsonl` prints for one article, plus its actor mentions.
    Anyone may send up to 100,000 characters; longer texts (up to 5 MB) need the write token
    (`Authorization: Bearer TOKEN`)."""
    if len(body.text) > MAX_OPEN_EXTRACT_CHARS and not state.token_ok(request.headers.get("authorization")):
        raise HTTPException(413, f"texts over {MAX_OPEN_EXTRACT_CHARS:,} characters need the server's bearer "
                                 "token (Authorization: Bearer TOKEN)")
    return _extraction(state, body)


def _header(credentials: HTTPAuthorizationCredentials | None) -> str | None:
    return f"{credentials.scheme} {credentials.credentials}" if credentials else None


def require_token(state: State,
                  credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)]) -> None:
    if not state.token:
        raise HTTPException(403, "writing is disabled: start the server with `ghatna serve --token TOKEN` "
                                 "or set GHATNA_TOKEN")
    if not state.writable:
        raise HTTPException(403, "the store is open read-only")
    if not state.token_ok(_header(credentials)):
        raise HTTPException(401, "a valid bearer token is required (Authorization: Bearer TOKEN)",
                            headers={"WWW-Authenticate": "Bearer"})


@router.post("/articles", response_model=schemas.Stored, status_code=201, dependencies=[Depends(require_token)],
             responses={200: {"model": schemas.Stored, "description": "already stored (unchanged) or replaced"},
                        401: {"description": "no or wrong bearer token"},
                        403: {"description": "writing is disabled (no token configured)"}, **TOO_LARGE,
                        503: BUSY[503]},
             summary="Extract events from an article and store it")
def post_article(state: State, body: schemas.ArticleIn, response: Response) -> dict[str, Any]:
    """Idempotent: the same text under the same id changes nothing (200, ``unchanged``); a new text
    under a stored id replaces that article (200, ``replaced``); a new article is 201, ``added``."""
    article = Article(body.text, body.article_id or "", body.title, body.published, body.lang, body.source, body.url)
    with state.reader() as st:
        stored = st.article(article.article_id)
    if stored is not None and stored["content_hash"] == content_hash(article.text):
        extracted: Article | Document = article  # unchanged: nothing to extract
    else:
        extracted = state.extract(article.text, published=article.published, lang=article.lang,
                                  title=article.title, article_id=article.article_id,
                                  unattributed=body.unattributed)
        extracted.article.source, extracted.article.url = article.source, article.url
    with state.writer() as st, state.write_lock:
        report = st.ingest([extracted])
    if report.failures:
        raise HTTPException(422, f"could not store the article: {report.failures[0].message}")
    outcome = "added" if report.added else "replaced" if report.replaced else "unchanged"
    if outcome != "added":
        response.status_code = 200
    ref = quote(article.article_id, safe="")
    return {"article_id": article.article_id, "outcome": outcome, "events": report.events,
            "api_url": f"/api/articles/{ref}", "page_url": f"/articles/{ref}"}
