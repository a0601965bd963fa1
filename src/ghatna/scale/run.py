"""``extract_corpus``: partition the input, map extraction over the partitions on Dask workers
(or in this process), and write partitioned Parquet with a manifest of what was done."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ghatna.scale import parquet
from ghatna.scale.extract import PartitionResult, run_partition
from ghatna.scale.partition import DEFAULT_PARTITION_SIZE, Partition, expand, is_line_file, plan
from ghatna.scale.schema import SCHEMA_VERSION

if TYPE_CHECKING:
    from ghatna.pipeline import Pipeline

DEFAULT_RETRIES = 2


@dataclass(frozen=True, slots=True)
class PartitionFailure:
    """A partition that still failed after its retries: none of its articles is in the output."""

    index: int
    label: str
    size: int
    error: str

    def __str__(self) -> str:
        return f"partition {self.index} ({self.label}, {self.size} article(s)): {self.error}"


Progress = Callable[[PartitionResult | PartitionFailure], None]


@dataclass(slots=True)
class ScaleReport:
    out_dir: str
    engine: str
    workers: int
    partitions: list[Partition] = field(default_factory=list)
    results: list[PartitionResult] = field(default_factory=list)  # in partition order
    failed: list[PartitionFailure] = field(default_factory=list)
    seconds: float = 0.0
    startup: float = 0.0  # of which: connecting, starting workers, loading dictionaries, planning

    def _sum(self, name: str) -> int:
        return sum(getattr(r, name) for r in self.results)

    @property
    def articles(self) -> int:
        return self._sum("articles")

    @property
    def events(self) -> int:
        return self._sum("events")

    @property
    def errors(self) -> list[tuple[str, str]]:
        return [e for r in self.results for e in r.errors]

    @property
    def ok(self) -> bool:
        return not self.failed and not self.errors

    def counts(self) -> dict[str, int]:
        names = ("articles", "events", "participants", "evidence", "quotes")
        return {**{n: self._sum(n) for n in names}, "errors": len(self.errors), "failed_partitions": len(self.failed)}

    def summary(self) -> str:
        c = self.counts()
        rate = (c["articles"] + c["errors"]) / self.seconds if self.seconds > 0 else 0.0
        setup = f", {self.startup:.1f} s of it to start" if self.startup >= 0.1 else ""
        text = (f"extracted {c['articles']} article(s) in {self.seconds:.1f} s ({rate:.1f} articles/s{setup}) on "
                f"{self.workers} {self.engine} worker(s), {len(self.partitions)} partition(s): {c['events']} event "
                f"report(s), {c['evidence']} evidence span(s), {c['quotes']} quote(s); {c['errors']} failed input(s)")
        if self.failed:
            text += f"; {len(self.failed)} PARTITION(S) FAILED"
        return text + f" -> {self.out_dir}"

    def manifest(self, paths: list[str], partition_size: int, published: date | None, lang: str | None) -> dict:
        done = {r.index: r for r in self.results}
        lost = {f.index: f for f in self.failed}
        return {
            "schema_version": SCHEMA_VERSION, "engine": self.engine, "workers": self.workers, "inputs": paths,
            "partition_size": partition_size, "published": published, "lang": lang,
            "seconds": round(self.seconds, 3), "startup_seconds": round(self.startup, 3), "counts": self.counts(),
            "partitions": [{"index": p.index, "label": p.label, "size": p.size,
                            **({"articles": done[p.index].articles, "events": done[p.index].events,
                                "errors": len(done[p.index].errors)} if p.index in done else {}),
                            **({"failed": lost[p.index].error} if p.index in lost else {})}
                           for p in self.partitions],
            "failed": [asdict(f) for f in self.failed],
        }


def extract_corpus(paths: Iterable[str | Path] | str | Path, out_dir: str | Path, scheduler: str | None = None,
                   workers: int | None = None, partition_size: int = DEFAULT_PARTITION_SIZE, *,
                   published: date | None = None, lang: str | None = None, retries: int = DEFAULT_RETRIES,
                   client: Any = None, serial: bool = False, pipeline: Pipeline | None = None,
                   progress: Progress | None = None,
                   on_plan: Callable[[list[Partition]], None] | None = None,
                   task: Callable[..., PartitionResult] | None = None) -> ScaleReport:
    """Extract every article of ``paths`` (JSON Lines files, .txt files, folders, globs) into
    partitioned Parquet under ``out_dir`` (see ``ghatna.scale.schema``).

    On Dask: through ``client``, or a client of the scheduler at ``scheduler`` (tcp://HOST:PORT),
    or of a new local cluster of ``workers`` processes. A partition that raises is retried
    ``retries`` times by Dask, then reported in ``ScaleReport.failed`` (and the manifest); failed
    articles are rows of the ``errors`` table. ``serial=True`` runs the same code in this process.
    ``on_plan`` is called with the partitions before extraction starts, ``progress`` after each.
    ``task`` replaces the function mapped over the partitions on Dask (``worker.extract_task``;
    a replacement takes the same arguments and is importable on the workers).
    """
    if partition_size < 1:
        raise ValueError("partition_size must be at least 1")
    path_list = [str(paths)] if isinstance(paths, (str, Path)) else [str(p) for p in paths]
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    parquet.require_pyarrow()
    parquet.clear(out)
    started = time.perf_counter()
    if serial:
        report = _serial(path_list, out, partition_size, published, lang, retries, pipeline, progress, on_plan)
    else:
        report = _dask(path_list, out, partition_size, published, lang, retries, scheduler, workers, client,
                       progress, on_plan, task, started)
    report.results.sort(key=lambda r: r.index)
    report.failed.sort(key=lambda f: f.index)
    report.seconds = time.perf_counter() - started
    parquet.write_manifest(out, report.manifest(path_list, partition_size, published, lang))
    return report


def _serial(paths: list[str], out: Path, size: int, published: date | None, lang: str | None, retries: int,
            pipeline: Pipeline | None, progress: Progress | None, on_plan: Callable | None) -> ScaleReport:
    from ghatna.pipeline import Pipeline

    pipe = pipeline or Pipeline()
    report = ScaleReport(str(out), "serial", 1, plan(paths, size))
    if on_plan is not None:
        on_plan(report.partitions)
    for part in report.partitions:
        for attempt in range(retries + 1):
            try:
                outcome: PartitionResult | PartitionFailure = run_partition(part, out, pipe, published=published,
                                                                            lang=lang)
                report.results.append(outcome)
                break
            except Exception as exc:
                if attempt == retries:
                    outcome = PartitionFailure(part.index, part.label, part.size, f"{type(exc).__name__}: {exc}")
                    report.failed.append(outcome)
        if progress is not None:
            progress(outcome)
    return report


def _dask(paths: list[str], out: Path, size: int, published: date | None, lang: str | None, retries: int,
          scheduler: str | None, workers: int | None, client: Any, progress: Progress | None,
          on_plan: Callable | None, task: Callable | None, started: float) -> ScaleReport:
    from ghatna.scale.cluster import connect, register, require_distributed

    distributed = require_distributed()
    from ghatna.scale.worker import PipelinePlugin, extract_task, has_pipeline, plan_task

    with connect(scheduler, workers, client) as c:
        if not all(c.run(has_pipeline).values() or [False]):
            register(c, PipelinePlugin())  # builds one pipeline in every worker process, now
        line_files = [f for f in expand(paths) if is_line_file(f)]
        planned = c.gather(c.map(plan_task, line_files, partition_size=size, retries=retries, pure=False))
        report = ScaleReport(str(out), "dask", len(c.nthreads()),
                             plan(paths, size, dict(zip(line_files, planned, strict=True))))
        report.startup = time.perf_counter() - started
        if on_plan is not None:
            on_plan(report.partitions)
        run = uuid.uuid4().hex[:8]
        futures = c.map(task or extract_task, report.partitions, out_dir=str(out), published=published, lang=lang,
                        retries=retries, pure=False, key=[f"ghatna-extract-{run}-{p.index}" for p in report.partitions])
        part_of = {f.key: p for f, p in zip(futures, report.partitions, strict=True)}
        for fut in distributed.as_completed(futures):
            part = part_of[fut.key]
            if fut.status != "finished":
                outcome: PartitionResult | PartitionFailure = PartitionFailure(
                    part.index, part.label, part.size, f"{_reason(fut)} (after {retries} retries)")
                report.failed.append(outcome)
            else:
                outcome = fut.result()
                report.results.append(outcome)
            fut.release()
            if progress is not None:
                progress(outcome)
    return report


def _reason(fut: Any) -> str:
    try:
        exc = fut.exception()
    except BaseException as cancelled:  # cancelled: the cluster went away
        exc = cancelled
    return f"{type(exc).__name__}: {exc}"
