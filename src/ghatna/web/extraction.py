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
    def start(self) -> None: ...

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


WARM_UP = (("भारत ने चीन की निंदा की।", "hi"), ("India condemned China.", "en"))
START_TIMEOUT = 120.0  # seconds a new worker may take to load its dictionaries
READY = "ready"


def _serve(conn: Connection, factory: Callable[[], Pipeline]) -> None:
    """A worker process: build the pipeline and load every language's dictionaries, say so, then
    extract what arrives until told to stop."""
    pipe = factory()
    for text, lang in WARM_UP:
        pipe.extract(text, lang=lang)
    conn.send(READY)
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

    def wait_ready(self, timeout: float) -> bool:
        try:
            return self.conn.poll(timeout) and self.conn.recv() == READY
        except (EOFError, OSError):
            return False

    def alive(self) -> bool:
        return self.process.is_alive()

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
    """Extraction in ``workers`` processes, each request within ``budget`` seconds. Workers start
    (and load their dictionaries) before they take a request, so the budget is all extraction; a
    worker stopped at the budget is replaced at once, in the background."""

    def __init__(self, budget: float = DEFAULT_BUDGET, workers: int = 1,
                 factory: Callable[[], Pipeline] = default_pipeline, start_method: str = "spawn") -> None:
        self.budget = budget
        self.factory = factory
        self._ctx = multiprocessing.get_context(start_method)
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._slots = workers
        self._started = False
        self._starting = 0  # workers loading their dictionaries: a request may wait for one
        self._lock = threading.Lock()
        self._closed = False

    def start(self) -> None:
        """Start the workers (in the background; the first request waits for one to be ready)."""
        with self._lock:
            if self._started:
                return
            self._started = True
        for _ in range(self._slots):
            self._replace()

    def _replace(self) -> None:
        with self._lock:
            self._starting += 1
        threading.Thread(target=self._start_one, daemon=True, name="ghatna-extract-start").start()

    def _start_one(self) -> None:
        worker = _Worker(self._ctx, self.factory)
        ready = worker.wait_ready(START_TIMEOUT)
        with self._lock:
            self._starting -= 1
        if ready and not self._closed:
            self._idle.put(worker)
            return
        worker.stop(kill=True)
        if not self._closed:
            time.sleep(1)
            self._replace()

    def extract(self, text: str, **kw: Any) -> Document:
        self.start()
        try:
            worker = self._idle.get(timeout=self.budget + (START_TIMEOUT if self._starting else 0))
        except queue.Empty:
            raise ExtractionTimeout(f"no extraction worker became free in {self.budget:g} s; try again "
                                    "later") from None
        if not worker.alive():
            self._replace()
            raise RuntimeError("the extraction worker had died; another is starting, try again")
        deadline = time.monotonic() + self.budget
        try:
            worker.conn.send((text, kw))
            if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                worker.stop(kill=True)
                self._replace()
                raise ExtractionTimeout(f"extraction took longer than its budget of {self.budget:g} s "
                                        "and was stopped; send a shorter text")
            answer = worker.conn.recv()
        except (EOFError, OSError) as exc:
            worker.stop(kill=True)
            self._replace()
            raise RuntimeError(f"the extraction worker died ({exc}); another is starting") from exc
        self._idle.put(worker)
        if isinstance(answer, _Failed):
            raise RuntimeError(f"{answer.kind}: {answer.message}")
        return answer

    def close(self) -> None:
        self._closed = True
        while True:
            try:
                self._idle.get_nowait().stop()
            except queue.Empty:
                return


class InlineExtractor:
    """Extraction in the calling thread, one at a time (the stages keep caches). A run over the
    budget is reported as a timeout once it ends; it cannot be stopped."""

    def __init__(self, pipeline: Callable[[], Pipeline], budget: float = DEFAULT_BUDGET) -> None:
        self._pipeline = pipeline
        self.budget = budget
        self._lock = threading.Lock()

    def start(self) -> None:
        pass

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
