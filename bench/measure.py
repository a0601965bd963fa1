"""Measurements. Every job runs in a fresh process (see ``in_child``), so that each engine's peak
RSS is its own and no engine runs warm on another's imports."""

from __future__ import annotations

import cProfile
import gc
import io
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Protocol, TypeVar

from corpus import Corpus, Source, load_corpus, pin_to_one_core, with_unique_ids

from ghatna.model import Article, Document

T = TypeVar("T")
WARMUP_ARTICLES = 50


def in_child(fn: Callable[..., T], *args: Any) -> T:
    """Run ``fn(*args)`` in a new (spawned) interpreter and return its result."""
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        return pool.submit(fn, *args).result()


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


# -- throughput ----------------------------------------------------------------------------------
class Engine(Protocol):
    def setup(self, lang: str) -> None: ...

    def run(self, lang: str, articles: Sequence[Article]) -> tuple[int, int, str]:
        """(things found, articles that failed, the first failure)."""
        ...


class GhatnaEngine:
    """The whole pipeline, warm, language given; found = events."""

    def __init__(self) -> None:
        from ghatna.pipeline import Pipeline

        self.pipe = Pipeline()

    def setup(self, lang: str) -> None:
        self.pipe.stages_for(lang)

    def run(self, lang: str, articles: Sequence[Article]) -> tuple[int, int, str]:
        found = errors = 0
        first = ""
        run = self.pipe.run
        for a in articles:
            try:
                found += len(run(a).events)
            except Exception as exc:  # counted and reported, never hidden
                errors += 1
                first = first or f"{type(exc).__name__}: {exc}"
        return found, errors, first


def make_engine(name: str) -> Engine:
    if name == "ghatna":
        return GhatnaEngine()
    import baselines

    return baselines.ENGINES[name]()


@dataclass(slots=True)
class SourceRun:
    """Rates are per CPU-second of the process: on a machine shared with other work, wall time
    counts the time the core was given to someone else (``contention`` shows how much)."""

    articles: int
    bytes: int
    seconds: float  # CPU time of the process
    found: int
    errors: int = 0
    first_error: str = ""
    wall_seconds: float = 0.0

    @property
    def per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def mb_per_second(self) -> float:
        return self.bytes / 1e6 / self.seconds if self.seconds else 0.0

    @property
    def contention(self) -> float:
        """Wall time over CPU time: 1.0 when the core was ours all along."""
        return self.wall_seconds / self.seconds if self.seconds else 0.0


@dataclass(slots=True)
class EngineResult:
    engine: str
    sources: dict[str, SourceRun] = field(default_factory=dict)
    setup_seconds: dict[str, float] = field(default_factory=dict)
    unavailable: dict[str, str] = field(default_factory=dict)  # lang -> why
    rss_after_setup_mb: float = 0.0
    peak_rss_mb: float = 0.0

    def total(self, sources: Sequence[Source]) -> SourceRun | None:
        runs = [self.sources[s.name] for s in sources if s.name in self.sources]
        if not runs:
            return None
        return SourceRun(sum(r.articles for r in runs), sum(r.bytes for r in runs), sum(r.seconds for r in runs),
                         sum(r.found for r in runs), sum(r.errors for r in runs),
                         next((r.first_error for r in runs if r.first_error), ""), sum(r.wall_seconds for r in runs))


def _setup_lang(engine: Engine, corpus: Corpus, lang: str, result: EngineResult) -> bool:
    started = time.perf_counter()
    try:
        engine.setup(lang)
        for s in corpus.sources(lang):
            engine.run(lang, corpus.articles[s.name][:WARMUP_ARTICLES])
    except Exception as exc:  # a stage that cannot be built: the language is reported unavailable
        result.unavailable[lang] = f"{type(exc).__name__}: {exc}"
        return False
    result.setup_seconds[lang] = time.perf_counter() - started
    return True


def _time_source(engine: Engine, corpus: Corpus, source: Source) -> SourceRun:
    items = corpus.cycled(source)
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    found, errors, first = engine.run(source.lang, items)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return SourceRun(len(items), corpus.bytes_of(source), cpu, found, errors, first, wall)


def throughput_job(engine_name: str, corpus_dir: Path, min_articles: int, langs: Sequence[str]) -> EngineResult:
    """Set up each language (timed, then warmed on a few articles), then time every source."""
    pin_to_one_core()
    corpus = load_corpus(corpus_dir, min_articles)
    engine = make_engine(engine_name)
    result = EngineResult(engine_name)
    ready = [lang for lang in langs if _setup_lang(engine, corpus, lang, result)]
    result.rss_after_setup_mb = current_rss_mb()
    for lang in ready:
        for source in corpus.sources(lang):
            result.sources[source.name] = _time_source(engine, corpus, source)
    result.peak_rss_mb = peak_rss_mb()
    return result


# -- where ghatna's time goes --------------------------------------------------------------------
def stages_job(corpus_dir: Path, langs: Sequence[str]) -> dict[str, dict[str, float]]:
    """Seconds per stage and language over one pass of the corpus (the pipeline's own stage list,
    run one by one as Pipeline.run does)."""
    from ghatna.pipeline import Pipeline

    pin_to_one_core()
    corpus = load_corpus(corpus_dir, 1)
    pipe = Pipeline()
    out: dict[str, dict[str, float]] = {}
    for lang in langs:
        try:
            stages = pipe.stages_for(lang)
        except Exception:  # reported by the throughput job
            continue
        times = out.setdefault(lang, {name: 0.0 for name, _ in stages})
        for source in corpus.sources(lang):
            for article in corpus.articles[source.name]:
                _run_stages(article, lang, stages, times)
    return out


def _run_stages(article: Article, lang: str, stages: Sequence[tuple[str, Callable[[Document], Document]]],
                times: dict[str, float]) -> None:
    doc = Document(article)
    doc.lang = lang
    try:
        for name, fn in stages:
            t = time.process_time()
            doc = fn(doc)
            times[name] += time.process_time() - t
            doc.done.add(name)
    except Exception:  # counted by the throughput job
        return


@dataclass(frozen=True, slots=True)
class HotSpot:
    function: str  # "path:line(name)", path relative to the package
    calls: int
    own_seconds: float
    cumulative_seconds: float


def _short(path: str) -> str:
    for marker in ("/src/ghatna/", "/site-packages/", "/lib/python"):
        if marker in path:
            return path.split(marker, 1)[1]
    return path


def top_functions(stats: pstats.Stats, n: int, key: str) -> list[HotSpot]:
    rows = []
    for (path, line, name), (_cc, ncalls, tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        rows.append(HotSpot(f"{_short(path)}:{line}({name})", ncalls, tt, ct))
    rows.sort(key=lambda h: -(h.own_seconds if key == "own" else h.cumulative_seconds))
    return rows[:n]


def profile_job(corpus_dir: Path, source_name: str, top: int) -> tuple[float, list[HotSpot], list[HotSpot]]:
    """cProfile of the warm pipeline over one pass of a source: (profiled seconds, top functions by
    own time, top ghatna functions by cumulative time)."""
    pin_to_one_core()
    corpus = load_corpus(corpus_dir, 1)
    source = next(s for s in corpus.sources() if s.name == source_name)
    engine = GhatnaEngine()
    articles = corpus.articles[source.name]
    engine.run(source.lang, articles[:WARMUP_ARTICLES])
    prof = cProfile.Profile()
    prof.enable()
    engine.run(source.lang, articles)
    prof.disable()
    stats = pstats.Stats(prof, stream=io.StringIO())
    total = stats.total_tt  # type: ignore[attr-defined]
    cumulative = [h for h in top_functions(stats, 200, "cum") if h.function.startswith(("stages/", "text/", "lang/",
                                                                                       "gazetteer/", "timex/"))]
    return total, top_functions(stats, top, "own"), cumulative[:top]


# -- ingest --------------------------------------------------------------------------------------
class CpuTimedPipeline:
    """A pipeline that adds up the CPU time spent in extraction (``Store.ingest`` calls ``run``)."""

    def __init__(self, pipeline: Any) -> None:
        self.pipeline = pipeline
        self.seconds = 0.0

    def run(self, article: Article) -> Document:
        started = time.process_time()
        try:
            return self.pipeline.run(article)
        finally:
            self.seconds += time.process_time() - started


@dataclass(slots=True)
class IngestRun:
    """CPU seconds, as for throughput."""

    articles: int = 0
    seconds: float = 0.0
    wall_seconds: float = 0.0  # includes waiting for the disk
    extraction_seconds: float = 0.0
    added: int = 0
    failed: int = 0
    first_failure: str = ""
    db_mb: float = 0.0
    skipped: str = ""  # why the row is missing

    @property
    def per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def wall_per_second(self) -> float:
        return self.articles / self.wall_seconds if self.wall_seconds else 0.0

    @property
    def store_per_second(self) -> float:
        store = self.seconds - self.extraction_seconds
        return self.articles / store if store > 0 else 0.0


def ingest_job(corpus_dir: Path, min_articles: int, langs: Sequence[str]) -> IngestRun:
    """Ingest the cycled corpus (each copy under an id of its own) into a new SQLite file with a
    warm pipeline; extraction time is split out by timing the pipeline's calls."""
    pin_to_one_core()
    try:
        from ghatna.store import Store
    except ImportError as exc:
        return IngestRun(skipped=f"ghatna.store is not importable ({exc})")
    from ghatna.pipeline import Pipeline

    corpus = load_corpus(corpus_dir, min_articles)
    pipe = Pipeline()
    for lang in langs:
        pipe.stages_for(lang)
    articles = [a for a in with_unique_ids(corpus) if a.lang in langs]
    timed = CpuTimedPipeline(pipe)
    with tempfile.TemporaryDirectory(prefix="ghatna-bench-") as tmp:
        db = Path(tmp) / "events.db"
        with Store(db) as st:
            wall, cpu = time.perf_counter(), time.process_time()
            report = st.ingest(articles, timed)
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        size = sum(p.stat().st_size for p in Path(tmp).glob("events.db*"))
    return IngestRun(report.processed, cpu, wall, timed.seconds, report.added, report.failed,
                     str(report.failures[0]) if report.failures else "", size / 1e6)


# -- cold start ----------------------------------------------------------------------------------
@dataclass(slots=True)
class ColdStart:
    label: str
    runs: list[float]  # wall seconds, process start to exit
    cpu: list[float] = field(default_factory=list)  # CPU seconds of the process
    returncode: int = 0
    stderr: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.runs) if self.runs else 0.0

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu) if self.cpu else 0.0


def _children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def time_command(label: str, cmd: Sequence[str], runs: int) -> ColdStart:
    """Median wall time of a command from process start to exit, after one untimed run that warms
    the file cache (the process itself starts cold every time)."""
    out = ColdStart(label, [])
    for k in range(runs + 1):
        cpu, started = _children_cpu(), time.perf_counter()
        proc = subprocess.run(list(cmd), capture_output=True, text=True, check=False)
        elapsed, cpu = time.perf_counter() - started, _children_cpu() - cpu
        if proc.returncode != 0:
            return ColdStart(label, [], [], proc.returncode, proc.stderr.strip()[-500:])
        if k:
            out.runs.append(elapsed)
            out.cpu.append(cpu)
    return out


def ghatna_script() -> Path:
    return Path(sys.executable).parent / "ghatna"


def write_one_article(article: Article, folder: Path) -> Path:
    import json

    path = folder / f"one_{article.lang}.jsonl"
    rec = {"id": article.article_id, "text": article.text, "lang": article.lang,
           "date": article.published.isoformat() if article.published else None}
    path.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def cold_start_cmd(article_path: Path, lang: str) -> list[str]:
    return [str(ghatna_script()), "extract", str(article_path), "--lang", lang, "--format", "jsonl"]


def profile_cold_start(article_path: Path, lang: str, top: int) -> list[HotSpot]:
    """cProfile of one cold ``ghatna extract`` (in its own process): top ghatna-side calls by
    cumulative time, imports included."""
    with tempfile.TemporaryDirectory(prefix="ghatna-bench-") as tmp:
        out = Path(tmp) / "cold.prof"
        cmd = [sys.executable, "-m", "cProfile", "-o", str(out), *cold_start_cmd(article_path, lang)]
        subprocess.run(cmd, capture_output=True, check=True)
        stats = pstats.Stats(str(out), stream=io.StringIO())
        rows = top_functions(stats, 400, "cum")
    wanted = ("pipeline.py", "resources.py", "stages/", "gazetteer/", "timex/", "lang/", "text/",
              "yaml/__init__.py", "regex/_main.py:359(compile)")
    return [h for h in rows if any(w in h.function for w in wanted)][:top]


def import_seconds(module: str, runs: int) -> ColdStart:
    return time_command(f"python -c 'import {module}'", [sys.executable, "-c", f"import {module}"], runs)
