"""What every request handler shares: the store (read-only connections for reading), the
extraction pipeline (loaded once, on first use) and the write token."""

from __future__ import annotations

import hmac
import logging
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import Request

from ghatna.store import Store
from ghatna.store.db import MEMORY
from ghatna.web.extraction import Extractor, InlineExtractor

if TYPE_CHECKING:
    from ghatna.model import Document
    from ghatna.pipeline import Pipeline

MAX_BODY_BYTES = 5 * 1024 * 1024
log = logging.getLogger(__name__)


class WebState:
    """The app's handle on a store given as a path or as an open ``Store``.

    With a path, every read opens its own read-only connection (SQLite WAL readers never block
    an ingest) and every write its own read-write one. With an open ``Store`` (e.g. ":memory:"
    in tests), that store serves everything, one request at a time.
    """

    def __init__(self, db: str | Path | Store, *, token: str | None = None, pipeline: Pipeline | None = None,
                 max_body: int = MAX_BODY_BYTES, extractor: Extractor | None = None) -> None:
        if isinstance(db, Store):
            self.store: Store | None = db
            self.path: str | None = None if db.path == MEMORY else db.path
        else:
            self.store = None
            self.path = str(db)
            if not Path(self.path).exists():  # create (and migrate) an empty store to browse and post to
                Store(self.path).close()
            else:
                Store(self.path, read_only=True).close()  # fail now, not on every request, if it is no store
        self.token = token or None
        self.max_body = max_body
        self._pipeline = pipeline
        self._lock = threading.RLock()  # serialises use of a shared Store and of the pipeline
        self._mentions: OrderedDict[tuple[str, str], list[dict[str, Any]]] = OrderedDict()
        self.extractor: Extractor = extractor or InlineExtractor(lambda: self.pipeline)

    @property
    def writable(self) -> bool:
        return self.store is None or not self.store.read_only

    @contextmanager
    def reader(self) -> Iterator[Store]:
        if self.store is not None:
            with self._lock:
                yield self.store
            return
        st = Store(self.path, read_only=True)  # type: ignore[arg-type]
        try:
            yield st
        finally:
            st.close()

    @contextmanager
    def writer(self) -> Iterator[Store]:
        if self.store is not None:
            with self._lock:
                yield self.store
            return
        st = Store(self.path)  # type: ignore[arg-type]
        try:
            yield st
        finally:
            st.close()

    @property
    def write_lock(self) -> threading.RLock:
        """Held while storing an article: the pipeline runs inside, and SQLite has one writer anyway."""
        return self._lock

    @property
    def pipeline(self) -> Pipeline:
        with self._lock:
            if self._pipeline is None:
                from ghatna.pipeline import Pipeline

                self._pipeline = Pipeline()
            return self._pipeline

    def extract(self, text: str, **kw: Any) -> Document:
        """Extraction within the extractor's time budget (ExtractionTimeout past it)."""
        return self.extractor.extract(text, **kw)

    def mentions(self, article: dict[str, Any]) -> list[dict[str, Any]]:
        """Actor and place mentions of a stored article, found by running extraction again on its
        text (the store keeps events, evidence and quotes, not mentions); cached by content hash."""
        from datetime import date

        key = (article["article_id"], article["content_hash"])
        with self._lock:
            if key in self._mentions:
                self._mentions.move_to_end(key)
                return self._mentions[key]
        try:
            published = date.fromisoformat(str(article.get("published") or "")[:10])
        except ValueError:
            published = None
        try:
            doc = self.extract(article["text"], published=published, lang=article.get("lang"))
        except Exception:  # the page still shows the stored evidence and quotes
            log.exception("extraction failed on stored article %r; showing it without mentions", key[0])
            return []
        found = [{"start": m.start, "end": m.end, "text": m.text, "kind": m.kind,
                  "entities": [e.to_dict() for e in m.entities]} for m in doc.mentions]
        with self._lock:
            self._mentions[key] = found
            while len(self._mentions) > 256:
                self._mentions.popitem(last=False)
        return found

    def token_ok(self, header: str | None) -> bool:
        if not self.token or not header:
            return False
        scheme, _, given = header.partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), self.token.encode())


def get_state(request: Request) -> WebState:
    return request.app.state.ghatna
