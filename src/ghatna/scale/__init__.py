"""Scale-out on Dask: extract a corpus on a cluster into partitioned Parquet, then load it into
the store or query it with DuckDB (docs/scale.md).

    >>> from ghatna.scale import extract_corpus, load_parquet
    >>> report = extract_corpus(["news/*.jsonl"], "out/", workers=2)      # or scheduler="tcp://host:8786"
    >>> load_parquet("out/", "events.db")

Nothing here imports Dask until a Dask run starts: ``pip install 'ghatna[scale]'`` adds it.
"""

from __future__ import annotations

from typing import Any

__all__ = ["extract_corpus", "load_parquet", "query_events", "plan", "ScaleReport", "PartitionFailure",
           "ScaleUnavailable", "DEFAULT_PARTITION_SIZE"]

_WHERE = {
    "extract_corpus": "ghatna.scale.run", "ScaleReport": "ghatna.scale.run", "PartitionFailure": "ghatna.scale.run",
    "load_parquet": "ghatna.scale.load", "query_events": "ghatna.scale.duck", "plan": "ghatna.scale.partition",
    "DEFAULT_PARTITION_SIZE": "ghatna.scale.partition", "ScaleUnavailable": "ghatna.scale.cluster",
}


def __getattr__(name: str) -> Any:  # lazy, like ghatna/__init__.py
    if name in _WHERE:
        import importlib

        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(name)
