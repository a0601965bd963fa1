"""The web app: ``create_app(store_path or Store, token=None)`` builds the FastAPI application.

    ghatna serve --db events.db --token s3cret         # or GHATNA_TOKEN=s3cret ghatna serve ...
    uvicorn --factory ghatna.web.app:app_from_env      # GHATNA_DB and GHATNA_TOKEN from the environment
"""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from ghatna import __version__
from ghatna.pipeline import Pipeline
from ghatna.store import Store
from ghatna.web import api, views
from ghatna.web.limits import BodyLimit, SecurityHeaders
from ghatna.web.state import MAX_BODY_BYTES, WebState
from ghatna.web.templating import page

STATIC = Path(__file__).parent / "static"
DOCS, OPENAPI = "/api/docs", "/api/openapi.json"

DESCRIPTION = """Political events extracted from Hindi and English news, each traceable to the words
that reported it. Reading needs nothing; `POST /api/articles` needs the bearer token the server was
started with (`ghatna serve --token` or `GHATNA_TOKEN`). Request bodies are limited to 5 MB."""


def create_app(db: str | Path | Store, token: str | None = None, *, pipeline: Pipeline | None = None,
               max_body: int = MAX_BODY_BYTES) -> FastAPI:
    """The app over a store file (read-only connections for reads; created empty if missing) or an
    open ``Store``. ``token`` enables ``POST /api/articles``; without it writing is refused (403).
    ``pipeline`` reuses loaded dictionaries (else one is built on first use)."""
    app = FastAPI(title="ghatna", version=__version__, description=DESCRIPTION, docs_url=DOCS, redoc_url=None,
                  openapi_url=OPENAPI)
    app.state.ghatna = WebState(db, token=token, pipeline=pipeline, max_body=max_body)
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

    app.add_middleware(BodyLimit, max_bytes=max_body)
    app.add_middleware(SecurityHeaders, docs_paths=(DOCS,))
    return app


def app_from_env() -> FastAPI:
    """For ``uvicorn --factory ghatna.web.app:app_from_env``: the store is GHATNA_DB (default
    events.db), the write token GHATNA_TOKEN (unset: writing disabled)."""
    return create_app(os.environ.get("GHATNA_DB", "events.db"), os.environ.get("GHATNA_TOKEN") or None)
