"""The HTML pages, one module per page; each has a ``router``."""

from __future__ import annotations

from fastapi import APIRouter

from ghatna.web.views import actor, article, dyad, event, feeds, search

routers: list[APIRouter] = [search.router, event.router, article.router, dyad.router, actor.router, feeds.router]
