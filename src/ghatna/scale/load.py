"""Load partitioned Parquet into the SQLite store, partition by partition, in input order.

The documents are rebuilt from the tables and written by the store's own ingest (one transaction
per article, idempotent, cross-article merge), so the store ends up as a serial ``ghatna ingest``
of the same input leaves it. Extraction failures (the ``errors`` table) and partitions that failed
on the cluster (the manifest) become failures of the report: nothing is dropped silently.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ghatna.scale import parquet
from ghatna.scale.schema import documents

if TYPE_CHECKING:
    from ghatna.store import IngestReport, Store

PartProgress = Callable[[int, int], None]  # (partition index, documents loaded from it)


def load_parquet(out_dir: str | Path, db: str | Path | Store, *, force: bool = False,
                 progress: PartProgress | None = None) -> IngestReport:
    """Store every article of the Parquet under ``out_dir``; returns the combined report."""
    from ghatna.service import open_store
    from ghatna.store import IngestReport
    from ghatna.store.ingest import Failure

    if not (Path(out_dir) / "articles").is_dir():
        raise FileNotFoundError(f"{out_dir}: no ghatna Parquet output here (no articles/ folder)")
    total = IngestReport()
    with open_store(db, read_only=False) as st:
        for index, tables in parquet.iter_partitions(out_dir):
            docs = list(documents(tables))
            report = st.ingest(docs, force=force)
            total.added += report.added
            total.replaced += report.replaced
            total.unchanged += report.unchanged
            total.events += report.events
            total.seconds += report.seconds
            total.failures.extend(report.failures)
            total.failures.extend(Failure(r["where"], r["message"]) for r in tables["errors"])
            if progress is not None:
                progress(index, len(docs) + len(tables["errors"]))
    manifest = parquet.read_manifest(out_dir) or {}
    for f in manifest.get("failed", []):
        total.failures.append(Failure(f"partition {f['index']} ({f['label']})",
                                      f"{f['size']} article(s) not extracted: {f['error']}"))
    return total
