"""Partitioned Parquet on disk: ``OUT/<table>/part-NNNNN.parquet`` and ``OUT/_manifest.json``.

Each file is written under a temporary name and renamed into place, so a retried partition
replaces its files whole and readers never see half a file.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ghatna.scale.cluster import INSTALL_HINT, ScaleUnavailable
from ghatna.scale.schema import TABLES, arrow_schema

MANIFEST = "_manifest.json"


def require_pyarrow() -> Any:
    try:
        import pyarrow as pa
        import pyarrow.parquet  # noqa: F401
    except ImportError as exc:
        raise ScaleUnavailable(f"Parquet output needs pyarrow: {INSTALL_HINT}") from exc
    return pa


def part_name(index: int) -> str:
    return f"part-{index:05d}.parquet"


def write_tables(rows: dict[str, list[dict[str, Any]]], out_dir: str | Path, index: int) -> None:
    """Write one partition's rows: one file per table, empty tables included; ``articles`` last,
    so that its file marks a complete partition."""
    pa = require_pyarrow()
    for table in sorted(TABLES, key=lambda t: t == "articles"):
        folder = Path(out_dir) / table
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / part_name(index)
        tmp = folder / f".{final.name}.{uuid.uuid4().hex}.tmp"
        try:
            pa.parquet.write_table(pa.Table.from_pylist(rows[table], schema=arrow_schema(table)), tmp)
            os.replace(tmp, final)
        finally:
            tmp.unlink(missing_ok=True)


def read_tables(out_dir: str | Path, index: int) -> dict[str, list[dict[str, Any]]]:
    """One partition's rows, table by table (a missing file reads as no rows)."""
    pa = require_pyarrow()
    out: dict[str, list[dict[str, Any]]] = {}
    for table in TABLES:
        f = Path(out_dir) / table / part_name(index)
        out[table] = pa.parquet.read_table(f, schema=arrow_schema(table)).to_pylist() if f.exists() else []
    return out


def part_indexes(out_dir: str | Path) -> list[int]:
    """The partitions whose articles file is present, in order."""
    folder = Path(out_dir) / "articles"
    return sorted(int(f.name[5:10]) for f in folder.glob("part-*.parquet")) if folder.is_dir() else []


def clear(out_dir: str | Path) -> None:
    """Remove the files of an earlier run (only ghatna's own: part files and the manifest)."""
    for table in TABLES:
        for f in (Path(out_dir) / table).glob("part-*.parquet"):
            f.unlink()
    (Path(out_dir) / MANIFEST).unlink(missing_ok=True)


def write_manifest(out_dir: str | Path, manifest: dict[str, Any]) -> None:
    path = Path(out_dir) / MANIFEST
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    os.replace(tmp, path)


def read_manifest(out_dir: str | Path) -> dict[str, Any] | None:
    path = Path(out_dir) / MANIFEST
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def iter_partitions(out_dir: str | Path) -> Iterator[tuple[int, dict[str, list[dict[str, Any]]]]]:
    for index in part_indexes(out_dir):
        yield index, read_tables(out_dir, index)
