"""The worker side: one ``Pipeline`` per worker process, built once by a worker plugin.

``extract_corpus`` registers ``PipelinePlugin``; its ``setup`` builds the pipeline and loads the
Hindi and English dictionaries when the worker starts (or joins later), never per article or per
partition. Tasks find it with ``get_worker().plugins``. A pipeline is not meant to be shared by
threads, so runs take a lock: give workers one thread each (``dask worker --nthreads 1``) and
as many processes as cores (``--nworkers``); extraction is pure Python and threads would not help.
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Any

from distributed import WorkerPlugin, get_worker

from ghatna.model import Article, Document
from ghatna.scale.extract import PartitionResult, run_partition
from ghatna.scale.partition import Partition, plan_file

PLUGIN_NAME = "ghatna-pipeline"
WARM_UP = (("भारत ने पाकिस्तान की निंदा की।", "hi"), ("India condemned Pakistan.", "en"))
_fallback_lock = threading.Lock()


class LockedPipeline:
    """A pipeline whose runs take turns (several threads of one worker share it)."""

    def __init__(self) -> None:
        from ghatna.pipeline import Pipeline

        self.pipeline = Pipeline()
        self.lock = threading.Lock()
        for text, lang in WARM_UP:  # load every dictionary now, not in the first task
            self.pipeline.run(Article(text, lang=lang))

    def run(self, article: Article) -> Document:
        with self.lock:
            return self.pipeline.run(article)


class PipelinePlugin(WorkerPlugin):
    name = PLUGIN_NAME

    def __init__(self) -> None:
        self.pipeline: LockedPipeline | None = None

    def setup(self, worker: Any) -> None:
        self.pipeline = LockedPipeline()

    def teardown(self, worker: Any) -> None:
        self.pipeline = None

    def __getstate__(self) -> dict[str, Any]:  # shipped to the workers without a pipeline
        return {}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.pipeline = None


def worker_pipeline() -> LockedPipeline:
    """This worker process's pipeline: the plugin's, else one kept on the worker (built once)."""
    worker = get_worker()
    plugin = worker.plugins.get(PLUGIN_NAME)
    if plugin is not None and plugin.pipeline is not None:
        return plugin.pipeline
    with _fallback_lock:  # a client that did not register the plugin: still one pipeline per process
        pipe = getattr(worker, "_ghatna_pipeline", None)
        if pipe is None:
            pipe = LockedPipeline()
            worker._ghatna_pipeline = pipe
        return pipe


def has_pipeline(dask_worker: Any) -> bool:
    """Whether the plugin has built this worker's pipeline (run through ``Client.run``)."""
    plugin = dask_worker.plugins.get(PLUGIN_NAME)
    return plugin is not None and plugin.pipeline is not None


def extract_task(part: Partition, out_dir: str | Path, published: date | None = None,
                 lang: str | None = None) -> PartitionResult:
    """The task Dask maps over the partitions."""
    return run_partition(part, out_dir, worker_pipeline(), published=published, lang=lang)


def plan_task(path: str, partition_size: int) -> list[Partition]:
    """Planning one JSON Lines file reads it whole: the workers do it, one file each."""
    return plan_file(path, partition_size)
