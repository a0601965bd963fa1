"""Extraction for the web server: never on its event loop, never longer than a time budget.

``ProcessExtractor`` (what ``ghatna serve`` uses) runs the pipeline in worker processes: a request
waits for a free worker, sends it the text and waits at most ``budget`` seconds for the answer;
past that the worker is killed (and replaced on the next request) and the request gets a clear
error. The server's own threads only wait, so pages keep being served meanwhile.
``InlineExtractor`` runs in the calling thread (tests, or a caller that passes its own pipeline):
it cannot stop a run, only report that it went over the budget.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from ghatna.model import Document
    from ghatna.pipeline import Pipeline

DEFAULT_BUDGET = 30.0  # seconds; linear stages take about 10 s for a megabyte of text


class Extractor(Protocol):
    def extract(self, text: str, **kw: Any) -> Document: ...

    def close(self) -> None: ...


class ExtractionTimeout(RuntimeError):
    """The extraction did not finish within the budget (or no worker became free in time)."""


@dataclass(frozen=True, slots=True)
class _Failed:
    kind: str
    message: str


def lean(doc: Document) -> Document:
    """The document without what only the stages need (tokens, sentences, the working copy): what
    crosses from a worker process is the article and what was found in it."""
    doc.tokens, doc.sentences, doc.times, doc.norm, doc.norm_map, doc.key_index = [], [], [], "", [], None
    return doc


def _serve(conn: Connection, factory: Callable[[], Pipeline]) -> None:
    """A worker process: build the pipeline once, then extract what arrives until told to stop."""
    pipe = factory()
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        if request is None:
            return
        text, kw = request
        try:
            conn.send(lean(pipe.extract(text, **kw)))
        except Exception as exc:  # the server reports it; the worker goes on
            conn.send(_Failed(type(exc).__name__, str(exc)))


def default_pipeline() -> Pipeline:
    from ghatna.pipeline import Pipeline

    return Pipeline()


class _Worker:
    def __init__(self, ctx: Any, factory: Callable[[], Pipeline]) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child, factory), daemon=True, name="ghatna-extract")
        self.process.start()
        child.close()

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            with contextlib.suppress(OSError, ValueError):
                self.conn.send(None)
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5)
        self.conn.close()


class ProcessExtractor:
    """Extraction in ``workers`` processes, each request within ``budget`` seconds."""

    def __init__(self, budget: float = DEFAULT_BUDGET, workers: int = 1,
                 factory: Callable[[], Pipeline] = default_pipeline, start_method: str = "spawn") -> None:
        self.budget = budget
        self.factory = factory
        self._ctx = multiprocessing.get_context(start_method)
        self._idle: queue.Queue[_Worker | None] = queue.Queue()
        for _ in range(workers):
            self._idle.put(None)  # a slot; its worker starts on first use
        self._closed = False

    def extract(self, text: str, **kw: Any) -> Document:
        deadline = time.monotonic() + self.budget
        try:
            worker = self._idle.get(timeout=self.budget)
        except queue.Empty:
            raise ExtractionTimeout(f"every extraction worker stayed busy for {self.budget:g} s; "
                                    "try again later") from None
        try:
            if worker is None or not worker.process.is_alive():
                worker = _Worker(self._ctx, self.factory)
            worker.conn.send((text, kw))
            if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                worker.stop(kill=True)
                worker = None
                raise ExtractionTimeout(f"extraction took longer than its budget of {self.budget:g} s "
                                        "and was stopped; send a shorter text")
            answer = worker.conn.recv()
        except (EOFError, OSError) as exc:
            if worker is not None:
                worker.stop(kill=True)
            worker = None
            raise RuntimeError(f"the extraction worker died ({exc})") from exc
        finally:
            self._idle.put(worker)
        if isinstance(answer, _Failed):
            raise RuntimeError(f"{answer.kind}: {answer.message}")
        return answer

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        while True:
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                return
            if worker is not None:
                worker.stop()


class InlineExtractor:
    """Extraction in the calling thread, one at a time (the stages keep caches). A run over the
    budget is reported as a timeout once it ends; it cannot be stopped."""

    def __init__(self, pipeline: Callable[[], Pipeline], budget: float = DEFAULT_BUDGET) -> None:
        self._pipeline = pipeline
        self.budget = budget
        self._lock = threading.Lock()

    def extract(self, text: str, **kw: Any) -> Document:
        started = time.monotonic()
        if not self._lock.acquire(timeout=self.budget):
            raise ExtractionTimeout(f"the extractor stayed busy for {self.budget:g} s; try again later")
        try:
            doc = self._pipeline().extract(text, **kw)
        finally:
            self._lock.release()
        if time.monotonic() - started > self.budget:
            raise ExtractionTimeout(f"extraction took longer than its budget of {self.budget:g} s; "
                                    "send a shorter text")
        return doc

    def close(self) -> None:
        pass
