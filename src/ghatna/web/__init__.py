"""ghatna's web layer: a JSON API (FastAPI, OpenAPI docs) and server-rendered pages (Jinja2) over
an event store. ``create_app(store_path or Store, token=None)`` builds the app; ``ghatna serve``
runs it. Needs the ``web`` extra: pip install 'ghatna[web]'."""

from __future__ import annotations

from ghatna.web.app import create_app

__all__ = ["create_app"]
