"""Exports of merged events: JSON Lines (PLOVER-style records), flat CSV, Parquet, GDELT TSV."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from ghatna.store.dates import day_span

FORMATS = ("jsonl", "csv", "parquet", "gdelt")
LIST_SEP = "; "

FLAT_COLUMNS: tuple[tuple[str, str], ...] = (  # name, arrow type
    ("id", "int64"), ("day", "date"), ("date", "string"), ("date_granularity", "string"),
    ("date_basis", "string"), ("type", "string"), ("mode", "string"), ("modality", "string"),
    ("cameo", "string"), ("quad_class", "int64"), ("goldstein", "float64"), ("confidence", "float64"),
    ("actor_ids", "list"), ("actor_names", "list"), ("actor_countries", "list"), ("actor_sectors", "list"),
    ("recipient_ids", "list"), ("recipient_names", "list"), ("recipient_countries", "list"),
    ("recipient_sectors", "list"), ("location_name", "string"), ("location_country", "string"),
    ("lat", "float64"), ("lon", "float64"), ("recurrence", "string"), ("num_articles", "int64"),
    ("num_sources", "int64"), ("num_mentions", "int64"), ("first_published", "string"),
    ("article_ids", "list"), ("urls", "list"), ("trigger", "string"), ("evidence", "string"), ("flags", "list"),
    ("killed", "int64"), ("injured", "int64"), ("abducted", "int64"), ("arrested", "int64"),
    ("casualties_text", "string"),
)


def flat_row(rec: dict[str, Any]) -> dict[str, Any]:
    """One merged event as a flat row; multi-valued columns are lists (joined by "; " in CSV)."""
    d = rec["date"]
    span = day_span(d["value"], d["basis"], d["start"], d["end"])
    loc = rec["location"] or {}

    def col(ents: list[dict], key: str) -> list[str]:
        return [e.get(key) or "" for e in ents]

    return {
        "id": rec["id"], "day": span.lo if span else None, "date": d["value"],
        "date_granularity": d["granularity"], "date_basis": d["basis"], "type": rec["type"], "mode": rec["mode"],
        "modality": rec["modality"], "cameo": rec["cameo"], "quad_class": rec["quad_class"],
        "goldstein": rec["goldstein"], "confidence": rec["confidence"],
        "actor_ids": col(rec["actors"], "id"), "actor_names": col(rec["actors"], "name"),
        "actor_countries": col(rec["actors"], "country"), "actor_sectors": col(rec["actors"], "sector"),
        "recipient_ids": col(rec["recipients"], "id"), "recipient_names": col(rec["recipients"], "name"),
        "recipient_countries": col(rec["recipients"], "country"),
        "recipient_sectors": col(rec["recipients"], "sector"),
        "location_name": loc.get("name"), "location_country": loc.get("country"), "lat": loc.get("lat"),
        "lon": loc.get("lon"), "recurrence": rec["recurrence"], "num_articles": rec["num_articles"],
        "num_sources": rec["num_sources"], "num_mentions": rec["num_mentions"],
        "first_published": rec["first_published"],
        "article_ids": [a["article_id"] for a in rec["articles"]],
        "urls": [a["url"] for a in rec["articles"] if a["url"]],
        "trigger": rec["trigger"], "evidence": rec["evidence"][0]["text"] if rec["evidence"] else None,
        "flags": list(rec["flags"]),
        **_casualty_columns(rec.get("casualties")),
    }


def _casualty_columns(c: dict[str, Any] | None) -> dict[str, Any]:
    """Casualty counts as columns (empty when the text counts none)."""
    c = c or {}
    return {"killed": c.get("killed"), "injured": c.get("injured"), "abducted": c.get("abducted"),
            "arrested": c.get("arrested"), "casualties_text": c.get("text")}


def csv_value(v: Any) -> Any:
    if isinstance(v, list):
        return LIST_SEP.join(str(x) for x in v)
    if v is None:
        return ""
    return v.isoformat() if hasattr(v, "isoformat") else v


def write_jsonl(records: Iterable[dict], out: IO[str]) -> int:
    n = 0
    for rec in records:
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(records: Iterable[dict], out: IO[str]) -> int:
    w = csv.writer(out)
    w.writerow([name for name, _ in FLAT_COLUMNS])
    n = 0
    for rec in records:
        row = flat_row(rec)
        w.writerow([csv_value(row[name]) for name, _ in FLAT_COLUMNS])
        n += 1
    return n


def _arrow_schema(pa: Any) -> Any:
    types = {"int64": pa.int64(), "float64": pa.float64(), "string": pa.string(), "date": pa.date32(),
             "list": pa.list_(pa.string())}
    return pa.schema([(name, types[t]) for name, t in FLAT_COLUMNS])


def require_pyarrow() -> Any:
    try:
        import pyarrow as pa
        import pyarrow.parquet  # noqa: F401
    except ImportError as exc:
        raise RuntimeError("Parquet export needs pyarrow: pip install 'ghatna[store]'") from exc
    return pa


def write_parquet(records: Iterable[dict], path: str | Path, batch: int = 5000) -> int:
    pa = require_pyarrow()
    schema = _arrow_schema(pa)
    n = 0
    with pa.parquet.ParquetWriter(str(path), schema) as writer:
        rows: list[dict] = []
        for rec in records:
            rows.append(flat_row(rec))
            if len(rows) >= batch:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                n += len(rows)
                rows = []
        if rows or n == 0:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            n += len(rows)
    return n


@contextmanager
def _text_out(path: str | Path) -> Iterator[IO[str]]:
    if str(path) == "-":
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8", newline="") as fh:
        yield fh


def write(records: Iterable[dict], fmt: str, path: str | Path) -> int:
    """Write ``records`` in ``fmt`` to ``path`` ("-" = standard output, not for parquet)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if str(path) == "-":
            raise ValueError("Parquet is binary: give a file with --out")
        return write_parquet(records, path)
    from ghatna.store.gdelt import write_gdelt

    writer = {"jsonl": write_jsonl, "csv": write_csv, "gdelt": write_gdelt}[fmt]
    with _text_out(path) as fh:
        return writer(records, fh)
