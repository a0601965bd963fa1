"""Command line: a thin layer over the Python API."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

app = typer.Typer(
    help="ghatna: Hindi and English news to verifiable political events (PLOVER/CAMEO).",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,  # help texts are plain: 'ghatna[scale]' must print as it is written
)


class OutFormat(StrEnum):
    table = "table"
    wide = "wide"
    jsonl = "jsonl"
    json = "json"


DayFirst = Annotated[bool, typer.Option("--dayfirst/--monthfirst",
                                        help="Read 07/01/2020 as 7 January (default) or as July 1.")]
Unattributed = Annotated[bool, typer.Option(
    "--unattributed", help="Also code attacks and riots no one is named for: actor 'unidentified attackers', "
                           "flag unattributed_actor (the annotation guideline codes none).")]


MinConfidence = Annotated[float | None, typer.Option(
    "--min-confidence", min=0.0, max=1.0,
    help="Only events at least this probably right, type and sides (0-1; see bench/CALIBRATION.md).")]


def _pipeline(unattributed: bool) -> Any:
    """A pipeline with the options given, or None for the default one (built where it is used)."""
    if not unattributed:
        return None
    from ghatna.pipeline import Pipeline

    return Pipeline(unattributed=True)


def _parse_day(value: str | None, dayfirst: bool = True) -> date | None:
    from ghatna.pubdate import parse_published

    if value is None:
        return None
    try:
        return parse_published(value, dayfirst=dayfirst)
    except ValueError as exc:
        raise typer.BadParameter(f"{exc} (e.g. YYYY-MM-DD)") from exc


def _terminal_width() -> int | None:
    """The terminal's width when standard output is one, else None (a pipe or a file: no limit)."""
    import shutil

    return shutil.get_terminal_size().columns if sys.stdout.isatty() else None


@contextmanager
def _store_errors() -> Iterator[None]:
    """A store that cannot be opened (not a database, a read-only folder, a newer schema) is a
    clear message and exit status 2, never a traceback."""
    from ghatna.store.db import StoreError

    try:
        yield
    except StoreError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc


def _bundled_example() -> Path:
    from importlib import resources

    return Path(str(resources.files("ghatna") / "examples" / "modi_putin_hi.txt"))


@app.command()
def extract(
    path: Annotated[str, typer.Argument(
        help="A .txt article, a saved web page (.html), a .jsonl file (one article per line), a folder, '-' "
             "for standard input, or 'example' for the bundled example.")],
    published: Annotated[str | None, typer.Option(help="Publication date, e.g. 2025-03-28 (for relative dates).")]
    = None,
    lang: Annotated[str | None, typer.Option(help="Language (hi, en); detected when not given.")] = None,
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help="table (one line per event), wide (boxed, "
                                                                  "wrapped), jsonl or json.")] = OutFormat.table,
    width: Annotated[int | None, typer.Option(min=40, help="Cut table lines to this many columns (default: the "
                                                           "terminal's width; no limit into a pipe).")] = None,
    dayfirst: DayFirst = True,
    unattributed: Unattributed = False,
    min_confidence: MinConfidence = None,
) -> None:
    """Extract events and quotes from articles.

    Example: ghatna extract article.txt --published 2025-03-28
    Example: ghatna extract articles.jsonl --format jsonl > events.jsonl
    Example: ghatna extract attacks.jsonl --unattributed --format jsonl > conflict.jsonl
    """
    from ghatna.pipeline import Pipeline
    from ghatna.reader import ReadError, iter_articles

    pub = _parse_day(published, dayfirst)
    source = _bundled_example() if path == "example" else path
    if path == "example" and pub is None:
        pub = date(2025, 3, 28)
    if str(source) != "-" and not Path(source).exists():
        typer.echo(f"error: {source}: no such file or folder", err=True)
        raise typer.Exit(2)
    pipe = Pipeline(unattributed=unattributed)
    failures = 0
    width = width or _terminal_width()
    for item in iter_articles(source, published=pub, lang=lang, dayfirst=dayfirst):
        if isinstance(item, ReadError):
            failures += 1
            typer.echo(f"skipped {item}", err=True)
            continue
        try:
            doc = pipe.run(item)
        except Exception as exc:  # one bad article must not stop a corpus run
            failures += 1
            typer.echo(f"failed {item.article_id}: {type(exc).__name__}: {exc}", err=True)
            continue
        if min_confidence is not None:
            doc.events = [e for e in doc.events if e.confidence >= min_confidence]
        if fmt is OutFormat.table:
            from ghatna.render import compact_lines

            sys.stdout.write("\n".join(compact_lines(doc, width)) + "\n")
        elif fmt is OutFormat.wide:
            from rich.console import Console

            from ghatna.render import print_wide

            print_wide(doc, Console(width=width) if width else Console())
        elif fmt is OutFormat.jsonl:
            sys.stdout.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(json.dumps(doc.to_dict(), ensure_ascii=False, indent=1) + "\n")
    if failures:
        typer.echo(f"{failures} input(s) could not be processed", err=True)
        raise typer.Exit(1)


@app.command("eval")
def evaluate(
    gold: Annotated[list[Path], typer.Argument(help="Gold JSONL file(s) in the format of the annotation guideline.")],
    system: Annotated[Path | None, typer.Option(help="Score this output instead of running extraction.")] = None,
    by_article: Annotated[bool, typer.Option(help="Print a line per article.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    errors: Annotated[bool, typer.Option(help="List missed and spurious events per article.")] = False,
) -> None:
    """Run extraction on gold articles and score it (event, role and strict P/R/F1, details, quotes).

    Example: ghatna eval gold/dev_hi.jsonl --by-article
    """
    from ghatna.eval.score import score
    from ghatna.pipeline import Pipeline
    from ghatna.reader import article_from_record

    gold_articles = [json.loads(line) for p in gold
                     for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    if system is not None:
        outputs = [json.loads(line) for line in system.read_text(encoding="utf-8").splitlines() if line.strip()]
    else:
        pipe = Pipeline()
        outputs = [pipe.run(article_from_record(a)).to_dict() for a in gold_articles]
    report, per_article = score(gold_articles, outputs)
    if by_article or errors:
        for a in per_article:
            typer.echo(f"{a.article_id:<40} gold {a.gold:>3} sys {a.system:>3} match {a.matched:>3}"
                       f" roles {a.role_matched:>3}")
            if errors:
                for g in a.missed:
                    typer.echo(f"   MISSED  {_brief(g)}")
                for s in a.spurious:
                    typer.echo(f"   EXTRA   {_brief(s)}")
                for g, s in a.wrong_roles:
                    typer.echo(f"   ROLES   gold {_brief(g)}\n           got  {_brief(s)}")
    if as_json:
        typer.echo(json.dumps(report, indent=1))
    else:
        for bucket, row in report.items():
            typer.echo(f"[{bucket}] " + "  ".join(f"{k}={v}" for k, v in row.items()))


def _brief(e: dict) -> str:
    def names(xs: list) -> str:
        return ",".join(f"{a.get('name')}({a.get('country')})" for a in xs or [])

    d = e.get("date") or {}
    return (f"{e.get('type')}/{e.get('mode')}/{e.get('modality')} {names(e.get('actors'))} -> "
            f"{names(e.get('recipients'))} date={d.get('value')} trig={e.get('trigger')!r}")


# -- event store commands (thin: parse options, call ghatna.service) ----------------------------

DbOption = Annotated[Path, typer.Option("--db", help="The SQLite event store.")]


class EventsFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    gdelt = "gdelt"


def _existing_db(db: Path) -> Path:
    if not db.exists():
        typer.echo(f"error: {db}: no such database (run 'ghatna ingest ... --db {db}' first)", err=True)
        raise typer.Exit(2)
    return db


def _event_filters(actor: str | None, dyad: tuple[str, str] | None, type_: str | None, mode: str | None,
                   since: str | None, until: str | None, text: str | None, limit: int | None) -> dict:
    from ghatna.store.query import EventFilter, where_clause

    f = dict(actor=actor, dyad=tuple(dyad) if dyad and all(dyad) else None, type=type_, mode=mode, since=since,
             until=until, text=text, limit=limit)
    try:
        where_clause(EventFilter(**f))  # validates the dates
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc
    return f


class Engine(StrEnum):
    serial = "serial"
    dask = "dask"


@app.command()
def ingest(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(help="Articles: .txt files, saved web pages (.html), .jsonl files "
                                                    "(one per line), folders, '-' for standard input, or "
                                                    "'example' for the bundled examples.")],
    db: DbOption = Path("events.db"),
    published: Annotated[str | None, typer.Option(help="Publication date (e.g. 2025-03-28) for inputs without one.")]
    = None,
    lang: Annotated[str | None, typer.Option(help="Language (hi, en) for inputs without one.")] = None,
    force: Annotated[bool, typer.Option(help="Re-extract articles whose text is already stored.")] = False,
    dayfirst: DayFirst = True,
    progress: Annotated[bool, typer.Option(help="Show a progress bar.")] = True,
    engine: Annotated[Engine, typer.Option(help="serial (this process) or dask (a cluster; pip install "
                                                "'ghatna[scale]').")] = Engine.serial,
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler of an existing cluster, tcp://HOST:PORT.")]
    = None,
    workers: Annotated[int | None, typer.Option(help="Worker processes of a local Dask cluster (default: cores).")]
    = None,
    parquet_out: Annotated[Path | None, typer.Option(help="Write the extraction as partitioned Parquet to this "
                                                          "folder (without an explicit --db, only that).")] = None,
    unattributed: Unattributed = False,
) -> None:
    """Extract events from articles and store them (idempotent: stored texts are skipped).

    Failures (unreadable files, bad JSON lines, extraction errors) are reported with file and line
    and counted; the run goes on, and the exit status is 1 if anything failed.

    Example: ghatna ingest news/ air_hindi.jsonl --db events.db
    Example: ghatna ingest 'shards/*.jsonl' --engine dask --scheduler tcp://10.0.0.5:8786 --db events.db
    """
    from rich.console import Console

    from ghatna import service
    from ghatna.store.console import ingest_progress
    from ghatna.store.inputs import count_inputs

    pub = _parse_day(published, dayfirst)
    if engine is Engine.dask or parquet_out or scheduler or workers is not None:  # docs/scale.md
        if unattributed:
            typer.echo("error: --unattributed is read by the serial engine only (without --engine dask/--parquet-out)",
                       err=True)
            raise typer.Exit(2)
        from ghatna.scale.command import cli_ingest

        db_given = getattr(ctx.get_parameter_source("db"), "name", None) != "DEFAULT"
        raise typer.Exit(cli_ingest(paths, db=db if db_given or parquet_out is None else None,
                                    parquet_out=parquet_out, engine=engine.value, scheduler=scheduler,
                                    workers=workers, published=pub, lang=lang, force=force, progress=progress))
    missing = [p for p in paths if p not in ("-", "example") and not Path(p).exists()]
    if missing:
        typer.echo(f"error: {missing[0]}: no such file or folder", err=True)
        raise typer.Exit(2)
    console = Console(stderr=True)
    with _store_errors(), ingest_progress(count_inputs(paths), console, enabled=progress) as update:
        report = service.ingest_paths(db, paths, published=pub, lang=lang, progress=update, force=force,
                                      dayfirst=dayfirst, pipeline=_pipeline(unattributed))
    if not progress:
        for failure in report.failures:
            typer.echo(f"failed {failure}", err=True)
    typer.echo(report.summary(), err=True)
    if not report.ok:
        raise typer.Exit(1)


@app.command()
def events(
    db: DbOption = Path("events.db"),
    actor: Annotated[str | None, typer.Option(help="Actor id, name (or part of it) or ISO3 country code.")] = None,
    recipient: Annotated[str | None, typer.Option(help="The same, as the recipient of the event.")] = None,
    dyad: Annotated[tuple[str, str] | None, typer.Option(help="Two actors, e.g. --dyad IND RUS.")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="PLOVER event type, e.g. CONSULT.")] = None,
    mode: Annotated[str | None, typer.Option(help="PLOVER mode, e.g. visit.")] = None,
    since: Annotated[str | None, typer.Option(help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
    text: Annotated[str | None, typer.Option(help="Words that must all occur in the evidence.")] = None,
    fmt: Annotated[EventsFormat, typer.Option("--format", "-f", help="table, jsonl or csv.")] = EventsFormat.table,
    limit: Annotated[int | None, typer.Option(help="At most this many events.")] = None,
    parquet: Annotated[Path | None, typer.Option(help="Query the Parquet that 'ingest --parquet-out' wrote (event "
                                                      "reports, not merged) instead of --db.")] = None,
    min_confidence: MinConfidence = None,
) -> None:
    """List stored events (merged across articles, with every article's evidence).

    Example: ghatna events --dyad IND RUS --type CONSULT --since 2024 --db events.db
    """
    from ghatna import service

    filters = _event_filters(actor, dyad, type_, mode, since, until, text, limit)
    if min_confidence is not None:
        filters["min_confidence"] = min_confidence
    if recipient:
        if parquet is not None:
            raise typer.BadParameter("--recipient works on a store (--db), not on --parquet")
        filters["recipient"] = recipient
    if parquet is not None:
        from ghatna.scale.command import cli_parquet_events

        recs = cli_parquet_events(parquet, filters)
    else:
        with _store_errors():
            recs = service.query_events(_existing_db(db), **filters)
    if fmt is EventsFormat.table:
        from rich.console import Console

        from ghatna.store.console import events_table

        Console().print(events_table(recs))
        typer.echo(f"{len(recs)} event(s)", err=True)
    else:
        from ghatna.store.export import write_csv, write_jsonl

        (write_jsonl if fmt is EventsFormat.jsonl else write_csv)(recs, sys.stdout)


@app.command()
def actors(
    db: DbOption = Path("events.db"),
    limit: Annotated[int, typer.Option(help="How many actors.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON Lines instead of a table.")] = False,
) -> None:
    """The most active actors, with the number of events they take part in.

    Example: ghatna actors --limit 10 --db events.db
    """
    from ghatna import service

    with _store_errors():
        rows = service.actor_counts(_existing_db(db), limit)
    if as_json:
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    from rich.console import Console

    from ghatna.store.console import actors_table

    Console().print(actors_table(rows))


@app.command()
def dyad(
    a: Annotated[str, typer.Argument(help="First actor (id, name or ISO3), e.g. IND.")],
    b: Annotated[str, typer.Argument(help="Second actor, e.g. RUS.")],
    db: DbOption = Path("events.db"),
    since: Annotated[str | None, typer.Option(help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date.")] = None,
    plot: Annotated[Path | None, typer.Option(help="Also draw the monthly timeline to this image (PNG/SVG/PDF).")]
    = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Events between two actors by type and month, with their cooperation/conflict balance.

    Example: ghatna dyad IND RUS --plot india_russia.png --db events.db
    """
    from ghatna import service

    _event_filters(None, None, None, None, since, until, None, None)
    with _store_errors():
        summary = service.dyad_summary(_existing_db(db), a, b, since=since, until=until, plot=plot)
    if as_json:
        typer.echo(json.dumps(summary, ensure_ascii=False, indent=1))
    else:
        from rich.console import Console

        from ghatna.store.console import print_dyad

        print_dyad(summary, Console())
    if plot is not None:
        typer.echo(f"timeline written to {plot}", err=True)


@app.command("export")
def export_events(
    out: Annotated[str, typer.Option("--out", "-o", help="Output file ('-' for standard output, not parquet).")],
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="jsonl, csv, parquet or gdelt.")]
    = ExportFormat.jsonl,
    db: DbOption = Path("events.db"),
    actor: Annotated[str | None, typer.Option(help="Only events of this actor.")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="Only this PLOVER type.")] = None,
    since: Annotated[str | None, typer.Option(help="From this date.")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date.")] = None,
    min_confidence: MinConfidence = None,
) -> None:
    """Export events: PLOVER-style JSON Lines, flat CSV, Parquet, or GDELT 2.0 event TSV.

    Example: ghatna export --format parquet --out events.parquet --db events.db
    """
    from ghatna import service

    filters = _event_filters(actor, None, type_, None, since, until, None, None)
    if min_confidence is not None:
        filters["min_confidence"] = min_confidence
    try:
        with _store_errors():
            n = service.export(_existing_db(db), fmt.value, out, **filters)
    except (RuntimeError, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"{n} event(s) written to {out}", err=True)


@app.command()
def serve(
    db: DbOption = Path("events.db"),
    host: Annotated[str, typer.Option(help="Interface to listen on (0.0.0.0 for all: needs a token of 16+ "
                                           "characters).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[str | None, typer.Option(envvar="GHATNA_TOKEN", show_default=False,
                                              help="Bearer token that enables POST /api/articles "
                                                   "(default: $GHATNA_TOKEN; unset: writing is refused).")] = None,
    budget: Annotated[float, typer.Option(min=1, help="Seconds an extraction may take before it is stopped.")]
    = 30.0,
    workers: Annotated[int, typer.Option(min=1, help="Extraction worker processes.")] = 1,
) -> None:
    """Serve the store as web pages and a JSON API (OpenAPI docs at /api/docs).

    Example: ghatna ingest example --db demo.db && ghatna serve --db demo.db
    """
    try:
        import uvicorn

        from ghatna.web import create_app
    except ImportError as exc:
        typer.echo(f"error: the web server needs its extra: pip install 'ghatna[web]' ({exc})", err=True)
        raise typer.Exit(2) from exc
    problem = exposure_problem(host, token)
    if problem:
        typer.echo(f"error: {problem}", err=True)
        raise typer.Exit(2)
    if token and len(token) < MIN_TOKEN_CHARS:
        typer.echo(f"warning: a token of {len(token)} characters is easy to guess; use {MIN_TOKEN_CHARS} or more",
                   err=True)
    with _store_errors():
        web_app = create_app(_existing_db(db), token=token, budget=budget, workers=workers)
    typer.echo(f"serving {db} on http://{host}:{port}/ (writing {'enabled' if token else 'disabled'})", err=True)
    uvicorn.run(web_app, host=host, port=port, log_level="info")


MIN_TOKEN_CHARS = 16


def exposure_problem(host: str, token: str | None) -> str | None:
    """Why serving on ``host`` with ``token`` is refused, or None. Only the loopback interface may
    go without a strong token: elsewhere anyone on the network can reach the server."""
    import ipaddress

    name = host.strip("[]")
    try:
        loopback = ipaddress.ip_address(name).is_loopback
    except ValueError:
        loopback = name == "localhost"
    if loopback:
        return None
    if not token or len(token) < MIN_TOKEN_CHARS:
        return (f"refusing to listen on {host}, which other machines can reach, without a token of at least "
                f"{MIN_TOKEN_CHARS} characters (--token or GHATNA_TOKEN): anyone could make it extract or, with "
                "a guessable token, write. Serve on 127.0.0.1 behind a proxy, or give a long random token "
                "(python -c 'import secrets; print(secrets.token_urlsafe(24))').")
    return None


@app.command()
def watch(
    feeds: Annotated[Path | None, typer.Argument(help="A file of RSS/Atom feed URLs, one a line ('#' starts a "
                                                      "comment); read again before each pass.")] = None,
    db: DbOption = Path("events.db"),
    every: Annotated[str, typer.Option(help="Time between passes: 15m, 1h, 90s.")] = "15m",
    once: Annotated[bool, typer.Option(help="One pass, then exit (for cron); exit status 1 if anything failed.")]
    = False,
    status: Annotated[bool, typer.Option(help="Show each feed's last fetch, errors and counts, and exit.")] = False,
    timeout: Annotated[float, typer.Option(min=0.1, help="Seconds a request may take in all.")] = 20.0,
    max_size: Annotated[str, typer.Option(help="Largest page or feed to download: 10MB, 500KB.")] = "10MB",
    delay: Annotated[float, typer.Option(min=0, help="Seconds between two requests to the same host.")] = 1.0,
    retries: Annotated[int, typer.Option(min=0, help="Retries of a request that timed out or got 5xx/429.")] = 2,
) -> None:
    """Keep a store current from news feeds: fetch new items' pages, code and store them.

    Feeds, items and their state live in the store, so a restart (even after kill -9) neither loses
    nor repeats an item; SIGTERM stops after the item under way. See docs/watch.md.

    Example: ghatna watch feeds.txt --db events.db --every 15m
    Example: ghatna watch feeds.txt --db events.db --once
    Example: ghatna watch --status --db events.db
    """
    from rich.console import Console

    from ghatna.watch import command
    from ghatna.watch.feeds import read_feed_list
    from ghatna.watch.fetch import FetchOptions, parse_size
    from ghatna.watch.loop import WatchOptions, parse_every

    console = Console(stderr=True)
    if status:
        with _store_errors():
            command.status(_existing_db(db), Console())
        return
    if feeds is None:
        raise typer.BadParameter("give the file of feed URLs (or --status)", param_hint="FEEDS")
    try:
        seconds = None if once else parse_every(every)
        options = WatchOptions(FetchOptions(timeout=timeout, max_bytes=parse_size(max_size), retries=retries,
                                            host_delay=delay))
        read_feed_list(feeds)  # a bad list is an error now, not after the pipeline has loaded
    except (ValueError, OSError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    with _store_errors():
        raise typer.Exit(command.run(feeds, db, every=seconds, options=options, console=console))


def main() -> None:  # pragma: no cover
    app()
