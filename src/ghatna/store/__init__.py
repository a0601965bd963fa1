"""ghatna's event store: SQLite (WAL, migrations), idempotent ingest, cross-article merge,
queries, exports and plots. ``Store`` is the entry point."""

from ghatna.store.api import Store
from ghatna.store.db import StoreError
from ghatna.store.ingest import Failure, IngestReport
from ghatna.store.query import EventFilter

__all__ = ["EventFilter", "Failure", "IngestReport", "Store", "StoreError"]
