"""What ``ghatna ingest --engine dask`` (or ``--parquet-out``) does, so that the CLI stays thin:
extract to Parquet with a progress bar, then load the Parquet into the store (or leave it)."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from ghatna.scale.extract import PartitionResult
from ghatna.scale.partition import DEFAULT_PARTITION_SIZE, Partition
from ghatna.scale.run import PartitionFailure, ScaleReport, extract_corpus


class UsageError(ValueError):
    """Options that do not go together."""


def check_options(engine: str, scheduler: str | None, workers: int | None) -> None:
    if engine != "dask" and (scheduler is not None or workers is not None):
        raise UsageError("--scheduler and --workers are for --engine dask")
    if scheduler is not None and workers is not None:
        raise UsageError("give --scheduler (an existing cluster) or --workers (a local one), not both")
    if scheduler is not None and not scheduler.startswith(("tcp://", "tls://", "ws://", "wss://", "inproc://")):
        raise UsageError(f"--scheduler expects an address like tcp://HOST:8786, got {scheduler!r}")
    if workers is not None and workers < 1:
        raise UsageError("--workers must be at least 1")


def ingest(paths: list[str], *, db: Path | None, parquet_out: Path | None, engine: str = "dask",
           scheduler: str | None = None, workers: int | None = None,
           partition_size: int = DEFAULT_PARTITION_SIZE, published: date | None = None, lang: str | None = None,
           force: bool = False, progress: bool = True, console: Console | None = None) -> int:
    """Extract ``paths`` into Parquet at ``parquet_out`` (a temporary folder when None) and load it
    into ``db`` (unless None). Returns the exit status: 0, or 1 if anything failed."""
    check_options(engine, scheduler, workers)
    console = console or Console(stderr=True, soft_wrap=True)
    out = parquet_out or Path(tempfile.mkdtemp(prefix="ghatna-parquet-"))
    if scheduler is not None and parquet_out is None:
        console.print(f"note: the workers write the Parquet to {out}; on a cluster of several machines give "
                      "--parquet-out a folder they all share", highlight=False, markup=False)
    try:
        report = _extract(paths, out, engine, scheduler, workers, partition_size, published, lang, progress,
                          console)
        console.print(report.summary(), highlight=False, soft_wrap=True, markup=False)
        for f in report.failed:
            console.print(Text.assemble(("failed", "red"), f" {f}"), highlight=False)
        if db is None:
            console.print(f"Parquet left in {out}: query it with 'ghatna events --parquet {out}' or DuckDB",
                          highlight=False, markup=False)
            return 0 if report.ok else 1
        from ghatna.scale.load import load_parquet

        columns = (TextColumn("load into store"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        with Progress(*columns, console=console, disable=not progress) as bar:
            task = bar.add_task("load", total=report.counts()["articles"] + len(report.errors))
            loaded = load_parquet(out, db, force=force, progress=lambda _index, n: bar.update(task, advance=n))
        loaded.seconds += report.seconds
        console.print(f"store {db}: " + loaded.summary(), highlight=False, soft_wrap=True, markup=False)
        return 0 if loaded.ok and report.ok else 1
    finally:
        if parquet_out is None:
            shutil.rmtree(out, ignore_errors=True)


def _extract(paths: list[str], out: Path, engine: str, scheduler: str | None, workers: int | None,
             partition_size: int, published: date | None, lang: str | None, progress: bool,
             console: Console) -> ScaleReport:
    columns = (TextColumn("extract"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[failed]} failed"),
               TextColumn("{task.fields[parts]}"), TimeElapsedColumn())
    with Progress(*columns, console=console, disable=not progress) as bar:
        task = bar.add_task("extract", total=None, failed=0, parts="")
        state = {"failed": 0, "done": 0, "parts": 0}

        def on_plan(parts: list[Partition]) -> None:
            state["parts"] = len(parts)
            bar.update(task, total=sum(p.size for p in parts), parts=f"0/{len(parts)} partitions")

        def on_done(outcome: PartitionResult | PartitionFailure) -> None:
            state["done"] += 1
            if isinstance(outcome, PartitionFailure):
                state["failed"] += outcome.size
                console.print(Text.assemble(("failed", "red"), f" {outcome}"), highlight=False)
                advance = outcome.size
            else:
                state["failed"] += len(outcome.errors)
                if progress:
                    for where, message in outcome.errors:
                        console.print(Text.assemble(("failed", "red"), f" {where}: {message}"), highlight=False)
                advance = outcome.inputs
            bar.update(task, advance=advance, failed=state["failed"],
                       parts=f"{state['done']}/{state['parts']} partitions")

        report = extract_corpus(paths, out, scheduler, workers, partition_size, published=published, lang=lang,
                                serial=engine != "dask", progress=on_done, on_plan=on_plan)
    if not progress:
        for where, message in report.errors:
            console.print(f"failed {where}: {message}", highlight=False, markup=False)
    return report


def cli_ingest(paths: list[str], **options: Any) -> int:
    """``ghatna ingest`` with ``--engine dask`` or ``--parquet-out``: the exit status (2: usage)."""
    from ghatna.scale.cluster import ClusterUnreachable, ScaleUnavailable
    from ghatna.scale.partition import GLOB_CHARS

    console = Console(stderr=True, soft_wrap=True)
    odd = [p for p in paths if p in ("-", "example")]
    missing = [p for p in paths if p not in odd and not Path(p).exists() and not GLOB_CHARS.search(p)]
    try:
        if odd:
            raise UsageError(f"{odd[0]!r} is read by the serial engine only (without --engine dask/--parquet-out)")
        if missing:
            raise UsageError(f"{missing[0]}: no such file or folder")
        return ingest(paths, console=console, **options)
    except (UsageError, ScaleUnavailable, ClusterUnreachable) as exc:
        console.print(f"error: {exc}", highlight=False, markup=False)
        return 2


def cli_parquet_events(out_dir: Path, filters: dict[str, Any]) -> list[dict[str, Any]]:
    """``ghatna events --parquet DIR``: the matching event reports, or exit 2 with the reason."""
    import typer

    from ghatna.scale.cluster import ScaleUnavailable
    from ghatna.scale.duck import query_events
    from ghatna.scale.parquet import read_manifest

    try:
        recs = query_events(out_dir, **filters)
    except (ScaleUnavailable, FileNotFoundError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    failed = (read_manifest(out_dir) or {}).get("failed") or []
    if failed:
        typer.echo(f"warning: {len(failed)} partition(s) of {out_dir} failed to extract; their articles are missing",
                   err=True)
    return recs
