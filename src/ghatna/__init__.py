"""ghatna (घटना, "event"): Hindi and English news to verifiable political events.

    >>> import ghatna
    >>> doc = ghatna.extract(text, published=date(2025, 3, 28))
    >>> doc.events, doc.quotes, doc.to_dict()
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from ghatna.model import Document
    from ghatna.pipeline import Pipeline
    from ghatna.store import Store

__all__ = ["extract", "Pipeline", "Store", "__version__"]


def extract(text: str, *, published: date | None = None, lang: str | None = None, article_id: str = "",
            pipeline: Pipeline | None = None) -> Document:
    """Extract events and quotes from one article. Pass a ``Pipeline`` to reuse its loaded
    dictionaries across calls; without one, a new pipeline is built (slow for many articles)."""
    from ghatna.pipeline import Pipeline

    return (pipeline or Pipeline()).extract(text, published=published, lang=lang, article_id=article_id)


def __getattr__(name: str):  # lazy: importing ghatna loads nothing
    if name == "Pipeline":
        from ghatna.pipeline import Pipeline

        return Pipeline
    if name == "Store":
        from ghatna.store import Store

        return Store
    raise AttributeError(name)
