"""The web app: ``create_app(store_path or Store, token=None)`` builds the FastAPI application.

    ghatna serve --db events.db --token s3cret         # or GHATNA_TOKEN=s3cret ghatna serve ...
    uvicorn --factory ghatna.web.app:app_from_env      # GHATNA_DB and GHATNA_TOKEN from the environment
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse, Response

from ghatna import __version__
from ghatna.pipeline import Pipeline
from ghatna.store import Store
from ghatna.store.db import StoreError
from ghatna.web import api, views
from ghatna.web.extraction import DEFAULT_BUDGET, ExtractionTimeout, Extractor, InlineExtractor, ProcessExtractor
from ghatna.web.limits import BodyLimit, RateLimit, SecurityHeaders
from ghatna.web.state import MAX_BODY_BYTES, WebState
from ghatna.web.templating import page

STATIC = Path(__file__).parent / "static"
EXTRACT_PER_MINUTE = 30
EXTRACTING = ("/api/extract",)  # the requests anyone may send that run the pipeline (writes need the token)
log = logging.getLogger(__name__)
DOCS, OPENAPI = "/api/docs", "/api/openapi.json"

DESCRIPTION = """Political events extracted from Hindi and English news, each traceable to the words
that reported it. Reading needs nothing; `POST /api/articles` needs the bearer token the server was
started with (`ghatna serve --token` or `GHATNA_TOKEN`). Request bodies are limited to 5 MB; `POST /api/extract`
takes up to 100,000 characters without the token. Extraction stops after the server's time budget (503), and
each client may ask for 30 extractions a minute (429)."""


def create_app(db: str | Path | Store, token: str | None = None, *, pipeline: Pipeline | None = None,
               max_body: int = MAX_BODY_BYTES, extractor: Extractor | None = None,
               budget: float = DEFAULT_BUDGET, workers: int = 1,
               extract_per_minute: int = EXTRACT_PER_MINUTE) -> FastAPI:
    """The app over a store file (read-only connections for reads; created empty if missing) or an
    open ``Store``. ``token`` enables ``POST /api/articles``; without it writing is refused (403).

    Extraction (``POST /api/extract``, ``POST /api/articles``, an article page's mentions) runs in
    ``workers`` separate processes, each request stopped after ``budget`` seconds; given a
    ``pipeline``, it runs in this process instead (tests, embedding), or in the ``extractor``
    given. Each client may ask for ``extract_per_minute`` extractions a minute."""
    app = FastAPI(title="ghatna", version=__version__, description=DESCRIPTION, docs_url=DOCS, redoc_url=None,
                  openapi_url=OPENAPI)
    if extractor is None and pipeline is None:
        extractor = ProcessExtractor(budget=budget, workers=workers)
    state = WebState(db, token=token, pipeline=pipeline, max_body=max_body, extractor=extractor)
    if extractor is None:
        state.extractor = InlineExtractor(lambda: state.pipeline, budget)
    app.state.ghatna = state
    app.router.add_event_handler("startup", state.extractor.start)
    app.router.add_event_handler("shutdown", state.extractor.close)
    app.include_router(api.router)
    for router in views.routers:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.exception_handler(StarletteHTTPException)
    async def html_or_json(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api") or exc.status_code not in (404, 405):
            return await http_exception_handler(request, exc)
        return page(request, "error.html", exc.status_code, title="Not found" if exc.status_code == 404 else
                    "Not allowed", message=str(exc.detail))

    @app.exception_handler(StoreError)
    async def store_unavailable(request: Request, exc: StoreError) -> Response:
        log.error("store unavailable: %s", exc)
        return _unavailable(request, f"the event store is unavailable: {exc}")

    @app.exception_handler(ExtractionTimeout)
    async def too_slow(request: Request, exc: ExtractionTimeout) -> Response:
        return _unavailable(request, str(exc))

    app.add_middleware(RateLimit, per_minute=extract_per_minute, paths=EXTRACTING)
    app.add_middleware(BodyLimit, max_bytes=max_body)
    app.add_middleware(SecurityHeaders, docs_paths=(DOCS,))
    return app


def _unavailable(request: Request, message: str) -> Response:
    """503, as JSON under /api and as a page elsewhere."""
    if request.url.path.startswith("/api"):
        return JSONResponse({"detail": message}, status_code=503, headers={"Retry-After": "30"})
    return page(request, "error.html", 503, title="Unavailable", message=message)


def app_from_env() -> FastAPI:
    """For ``uvicorn --factory ghatna.web.app:app_from_env``: the store is GHATNA_DB (default
    events.db), the write token GHATNA_TOKEN (unset: writing disabled)."""
    return create_app(os.environ.get("GHATNA_DB", "events.db"), os.environ.get("GHATNA_TOKEN") or None)
