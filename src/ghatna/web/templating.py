"""The Jinja2 environment of the HTML pages: autoescaping on, and a few filters."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlsplit

import jinja2
from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import Response

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
QUAD_CLASS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def path_part(value: Any) -> str:
    """One URL path segment (slashes and everything else encoded)."""
    return quote(str(value if value is not None else ""), safe="")


def safe_url(value: Any) -> str | None:
    """The URL if it is http(s), else None: an article's URL never becomes a javascript: link."""
    if not value:
        return None
    s = str(value).strip()
    return s if urlsplit(s).scheme.lower() in ("http", "https") else None


def date_label(d: dict[str, Any] | None) -> str:
    if not d or not d.get("value"):
        return "—"
    return d["value"] + (f" ({d['basis']})" if d.get("basis") and d["basis"] != "explicit" else "")


def snippet(text: str | None, n: int = 160) -> str:
    t = " ".join((text or "").split())
    return t if len(t) <= n else t[: n - 1] + "…"


def _env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("ghatna.web", "templates"), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters.update(path_part=path_part, safe_url=safe_url, date_label=date_label, snippet=snippet)
    env.globals.update(PLOVER_TYPES=PLOVER_TYPES, QUAD_CLASS=QUAD_CLASS)
    return env


templates = Jinja2Templates(env=_env())


def page(request: Request, name: str, status_code: int = 200, **context: Any) -> Response:
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def not_found(request: Request, message: str) -> Response:
    return page(request, "error.html", 404, title="Not found", message=message)
