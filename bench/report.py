"""Tables, targets and bench/RESULTS.md."""

from __future__ import annotations

import os
import platform
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from baselines import DateAgreement
from corpus import LANGS, SOURCES, Source
from measure import ColdStart, EngineResult, HotSpot, IngestRun, SourceRun

PACKAGES = ("ghatna", "spacy", "pyahocorasick", "dateparser", "regex", "PyYAML", "typer")
LANG_NAMES = {"hi": "Hindi", "en": "English"}


# -- the run's figures ---------------------------------------------------------------------------
@dataclass(slots=True)
class Results:
    command: str
    articles: int
    passes: int
    engines: dict[str, EngineResult] = field(default_factory=dict)
    stages: dict[str, dict[str, float]] = field(default_factory=dict)
    ingest: IngestRun | None = None
    cold: list[ColdStart] = field(default_factory=list)
    dates: list[DateAgreement] = field(default_factory=list)
    profiles: dict[str, str] = field(default_factory=dict)  # title -> markdown
    problems: list[str] = field(default_factory=list)  # measurements that could not run
    started: datetime = field(default_factory=lambda: datetime.now(UTC))
    load_before: tuple[float, float, float] = field(default_factory=os.getloadavg)

    def run_of(self, engine: str, sources: Sequence[Source]) -> SourceRun | None:
        e = self.engines.get(engine)
        return e.total(sources) if e else None

    def lang_run(self, engine: str, lang: str) -> SourceRun | None:
        return self.run_of(engine, [s for s in SOURCES if s.lang == lang])


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a and b else None


def _fmt(x: float | None, digits: int = 0, unit: str = "") -> str:
    if x is None:
        return "–"
    return f"{x:,.{digits}f}{unit}"


def _rate(run: SourceRun | None) -> float | None:
    return run.per_second if run and run.articles else None


# -- targets -------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Target:
    key: str  # what a profile is attached to: "throughput", "rss", "cold"
    name: str
    measured: str
    goal: str
    met: bool | None  # None: not measured


def targets(r: Results) -> list[Target]:
    air = _rate(r.run_of("ghatna", [SOURCES[0]]))
    out = [Target("throughput", "AIR Hindi end-to-end, one core", _fmt(air, 0, " articles/s"), "≥ 1,000 articles/s",
                  None if air is None else air >= 1000)]
    for lang in LANGS:
        ours = _rate(r.lang_run("ghatna", lang))
        spacy = _ratio(ours, _rate(r.lang_run("spacy", lang)))
        out.append(Target("throughput", f"{LANG_NAMES[lang]}: ghatna / spaCy baseline", _fmt(spacy, 2, "×"), "≥ 1.00×",
                          None if spacy is None else spacy >= 1.0))
        aho = _ratio(_rate(r.lang_run("aho", lang)), ours)
        out.append(Target("throughput", f"{LANG_NAMES[lang]}: Aho-Corasick scan / ghatna", _fmt(aho, 1, "×"),
                          "≤ 20×", None if aho is None else aho <= 20))
    ghatna = r.engines.get("ghatna")
    rss = ghatna.peak_rss_mb if ghatna else None
    out.append(Target("rss", "peak RSS of the extraction run", _fmt(rss, 0, " MB"), "≤ 300 MB",
                      None if rss is None else rss <= 300))
    for c in r.cold:
        if c.label.startswith("ghatna extract"):
            out.append(Target("cold", f"cold `{c.label}`", _fmt(c.median if c.runs else None, 2, " s"), "≤ 1.0 s",
                              None if not c.runs else c.median <= 1.0))
    return out


def missed(r: Results) -> set[str]:
    return {t.key for t in targets(r) if t.met is False}


# -- tables --------------------------------------------------------------------------------------
def throughput_rows(r: Results) -> list[list[str]]:
    groups: list[tuple[str, list[Source]]] = [(s.label, [s]) for s in SOURCES]
    groups += [(f"all {LANG_NAMES[lang]}", [s for s in SOURCES if s.lang == lang]) for lang in LANGS]
    rows = []
    for label, sources in groups:
        g, sp, ac = (r.run_of(e, sources) for e in ("ghatna", "spacy", "aho"))
        rows.append([
            label,
            _fmt(g.articles if g else None),
            _fmt(g.bytes / 1e6 if g else None, 1),
            _fmt(_rate(g)),
            _fmt(g.mb_per_second if g else None, 2),
            _fmt(_rate(sp)),
            _fmt(_ratio(_rate(g), _rate(sp)), 2, "×"),
            _fmt(_rate(ac)),
            _fmt(_ratio(_rate(g), _rate(ac)), 3, "×"),
        ])
    return rows


THROUGHPUT_HEAD = ["corpus", "articles", "MB", "ghatna art/s", "ghatna MB/s", "spaCy art/s", "ghatna/spaCy",
                   "Aho-C. art/s", "ghatna/Aho-C."]


def other_rows(r: Results) -> list[list[str]]:
    rows = []
    rss = {e: r.engines[e].peak_rss_mb for e in r.engines}
    rows.append(["peak RSS (MB)", _fmt(rss.get("ghatna")), f"spaCy {_fmt(rss.get('spacy'))}",
                 _fmt(_ratio(rss.get("ghatna"), rss.get("spacy")), 2, "×")])
    floor = next((c for c in r.cold if c.label.startswith("python")), None)
    for c in r.cold:
        if c.label.startswith("ghatna"):
            value = f"{c.median:.2f} (CPU {c.cpu_median:.2f})" if c.runs else f"failed ({c.returncode})"
            base = f"interpreter + import ghatna.cli {_fmt(floor.median, 2)}" if floor and floor.runs else "–"
            rows.append([f"cold start (s): {c.label}", value, base, "–"])
    if r.ingest is not None:
        if r.ingest.skipped:
            rows.append(["ingest into SQLite", "skipped", r.ingest.skipped, "–"])
        else:
            ing = r.ingest
            rows.append(["ingest into SQLite (art/s, end to end)",
                         f"{ing.per_second:,.0f} (wall {ing.wall_per_second:,.0f})",
                         f"store alone {_fmt(ing.store_per_second)} art/s", "–"])
    for d in r.dates:
        ours = d.sentences / d.ghatna_seconds if d.ghatna_seconds else None
        theirs = d.sentences / d.dateparser_seconds if d.dateparser_seconds else None
        rows.append([f"time tagging, {LANG_NAMES[d.lang]} (sentences/s)", _fmt(ours), f"dateparser {_fmt(theirs)}",
                     _fmt(_ratio(ours, theirs), 1, "×")])
    return rows


OTHER_HEAD = ["measure", "ghatna", "baseline", "ghatna/baseline"]


def date_rows(r: Results) -> list[list[str]]:
    return [[LANG_NAMES[d.lang], str(d.sentences), _pct(d.ghatna_found, d.sentences), _pct(d.dateparser_found,
             d.sentences), str(d.both_found), _pct(d.agree, d.both_found)] for d in r.dates]


DATE_HEAD = ["language", "sentences", "ghatna finds a date", "dateparser finds a date", "both find one",
             "agree (coarser granularity)"]


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "–"


def stage_rows(r: Results) -> list[list[str]]:
    rows = []
    for lang, times in r.stages.items():
        total = sum(times.values()) or 1.0
        for name, secs in sorted(times.items(), key=lambda kv: -kv[1]):
            rows.append([LANG_NAMES[lang], name, f"{secs:.2f}", f"{100 * secs / total:.0f}%"])
    return rows


STAGE_HEAD = ["language", "stage", "seconds (one pass)", "share"]


def target_rows(r: Results) -> list[list[str]]:
    mark = {True: "met", False: "**missed**", None: "not measured"}
    return [[t.name, t.measured, t.goal, mark[t.met]] for t in targets(r)]


TARGET_HEAD = ["target", "measured", "goal", ""]


def text_table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows, strict=False)]
    lines = ["  ".join(str(x).ljust(w) for x, w in zip(row, widths, strict=False)) for row in [head, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def md_table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(str(x).replace("|", "\\|") for x in row) + " |" for row in rows]
    return "\n".join(lines)


def hotspot_md(rows: Sequence[HotSpot]) -> str:
    return md_table(["function", "calls", "own s", "cumulative s"],
                    [[f"`{h.function}`", f"{h.calls:,}", f"{h.own_seconds:.3f}", f"{h.cumulative_seconds:.3f}"]
                     for h in rows])


def print_summary(r: Results) -> None:
    print(f"\nThroughput, one core ({r.articles:,} articles = {r.passes} pass(es) of the corpus)")
    print(text_table(THROUGHPUT_HEAD, throughput_rows(r)))
    print()
    print(text_table(OTHER_HEAD, other_rows(r)))
    if r.dates:
        print()
        print(text_table(DATE_HEAD, date_rows(r)))
    print()
    print(text_table(TARGET_HEAD, target_rows(r)))
    for note in notes(r):
        print(f"note: {note}")


# -- machine -------------------------------------------------------------------------------------
def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def package_versions() -> str:
    out = []
    for name in PACKAGES:
        try:
            out.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            out.append(f"{name} (not installed)")
    return ", ".join(out)


def git_state(repo: Path) -> str:
    """HEAD and whether the work tree differs from it (read-only git commands)."""
    def git(*args: str) -> str:
        proc = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=False)
        return proc.stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    changed = len([x for x in git("status", "--porcelain", "--untracked-files=no", "--", "src").splitlines() if x])
    return f"{head}" + (f" with {changed} uncommitted change(s) under src/" if changed else "")


def machine_lines(repo: Path) -> list[str]:
    return [
        f"- CPU: {cpu_model()}; {os.cpu_count()} logical cores; measured on one core (affinity pinned)",
        f"- Python {platform.python_version()} ({platform.python_implementation()}), {platform.system()} "
        f"{platform.release()}",
        f"- packages: {package_versions()}",
        f"- ghatna source: {git_state(repo)}",
    ]


# -- RESULTS.md ----------------------------------------------------------------------------------
def notes(r: Results) -> list[str]:
    out = list(r.problems)
    for e in r.engines.values():
        for lang, why in e.unavailable.items():
            out.append(f"{e.engine}: {LANG_NAMES[lang]} unavailable — {why}")
        for name, run in e.sources.items():
            if run.errors:
                out.append(f"{e.engine}: {run.errors} of {run.articles} {name} articles failed — {run.first_error}")
    if r.ingest and r.ingest.failed:
        out.append(f"ingest: {r.ingest.failed} articles failed — {r.ingest.first_failure}")
    for c in r.cold:
        if not c.runs:
            out.append(f"cold start `{c.label}` failed (exit {c.returncode}): {c.stderr}")
    return out


def setup_rows(r: Results) -> list[list[str]]:
    rows = []
    for e in r.engines.values():
        for lang, secs in e.setup_seconds.items():
            rows.append([e.engine, LANG_NAMES[lang], f"{secs:.2f}", _fmt(e.rss_after_setup_mb), _fmt(e.peak_rss_mb)])
    return rows


def results_md(r: Results, repo: Path, analysis: str | None) -> str:
    finished = datetime.now(UTC)
    parts = [
        "# ghatna benchmarks",
        "",
        f"Generated by `{r.command}` on {r.started:%Y-%m-%d %H:%M} UTC "
        f"({(finished - r.started).total_seconds():.0f} s). Load average before the run: "
        f"{', '.join(f'{x:.2f}' for x in r.load_before)} (the machine is shared with other sessions).",
        "",
        "## Machine",
        *machine_lines(repo),
        "",
        "## Corpus",
        f"All Hindi and English articles of `shared/corpus/` ({_source_list()}), "
        f"cycled in {r.passes} whole pass(es) = {r.articles:,} articles. Language given (never detected); every engine "
        "is set up and warmed on a few articles before it is timed; each engine runs in a fresh process.",
        "",
        "## Throughput (end to end, one core)",
        md_table(THROUGHPUT_HEAD, throughput_rows(r)),
        "",
        "ghatna = `Pipeline().run(article)` (all stages: normalise … code). spaCy = `blank(lang)` + EntityRuler "
        "with ghatna's actor phrases (`phrase_matcher_attr=LOWER`, `nlp.pipe`, batch 256). Aho-C. = one "
        "pyahocorasick automaton of the same phrases over the raw text (no tokens, no boundaries). Rates are per "
        f"CPU-second of the process (wall time over CPU time during the timed runs: {_contention(r)}).",
        "",
        "## Memory, start-up, ingest, time tagging",
        md_table(OTHER_HEAD, other_rows(r)),
        "",
        "Set-up (loading dictionaries, building stages, warm-up) and memory per engine:",
        "",
        md_table(["engine", "language", "set-up s", "RSS after set-up MB", "peak RSS MB"], setup_rows(r)),
        "",
    ]
    parts += _dates_md(r)
    parts += ["## Where ghatna's time goes (one pass, per stage)", md_table(STAGE_HEAD, stage_rows(r)), ""]
    parts += ["## Targets", md_table(TARGET_HEAD, target_rows(r)), ""]
    if r.profiles:
        parts += ["## Profiles of the missed targets", ""]
        for title, body in r.profiles.items():
            parts += [f"### {title}", body, ""]
    if notes(r):
        parts += ["## Notes", *[f"- {n}" for n in notes(r)], ""]
    if analysis:
        parts += [analysis.strip(), ""]
    return "\n".join(parts)


def _contention(r: Results) -> str:
    runs = {name: e.total(SOURCES) for name, e in r.engines.items()}
    return ", ".join(f"{name} {run.contention:.2f}" for name, run in runs.items() if run)


def _source_list() -> str:
    return ", ".join(f"{s.label}: `{s.name}.jsonl`" for s in SOURCES)


def _dates_md(r: Results) -> list[str]:
    if not r.dates:
        return []
    out = [
        "## Time tagging: ghatna vs dateparser",
        "Sentences sampled at random from the dated articles, split by ghatna's segmenter; ghatna = "
        "`TimeTagger.load(lang).find(sentence, published=day)`, dateparser = `search_dates(sentence, "
        "languages=[lang], settings={'RELATIVE_BASE': day})` (its other settings left at their defaults). "
        "A sentence 'has a date' when ghatna places a date (not a duration or recurrence) in the calendar, or "
        "dateparser returns anything. Two dates agree when they are equal at the coarser of their granularities "
        "(dateparser's read back with `DateDataParser.get_date_data`). Speed: best of 3 runs.",
        "",
        md_table(DATE_HEAD, date_rows(r)),
        "",
    ]
    examples = [f"- {LANG_NAMES[d.lang]}: {x}" for d in r.dates for x in d.examples[:3]]
    if examples:
        out += ["Some disagreements:", "", *examples, ""]
    return out


def write_results(r: Results, path: Path, repo: Path, analysis_path: Path) -> None:
    analysis = analysis_path.read_text(encoding="utf-8") if analysis_path.is_file() else None
    path.write_text(results_md(r, repo, analysis), encoding="utf-8")
