"""Command line: a thin layer over the Python API."""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    help="ghatna: Hindi and English news to verifiable political events (PLOVER/CAMEO).",
    no_args_is_help=True,
    add_completion=False,
)


class OutFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    json = "json"


def _parse_day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"expected a date as YYYY-MM-DD, got {value!r}") from exc


def _bundled_example() -> Path:
    from importlib import resources

    return Path(str(resources.files("ghatna") / "examples" / "modi_putin_hi.txt"))


@app.command()
def extract(
    path: Annotated[str, typer.Argument(
        help="A .txt article, a .jsonl file (one article per line), a folder, '-' for standard input, "
             "or 'example' for the bundled example.")],
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD (for relative dates).")] = None,
    lang: Annotated[str | None, typer.Option(help="Language (hi, en); detected when not given.")] = None,
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help="table (terminal), jsonl or json.")] = (
        OutFormat.table
    ),
) -> None:
    """Extract events and quotes from articles.

    Example: ghatna extract article.txt --published 2025-03-28
    Example: ghatna extract articles.jsonl --format jsonl > events.jsonl
    """
    from ghatna.pipeline import Pipeline
    from ghatna.reader import ReadError, iter_articles

    pub = _parse_day(published)
    source = _bundled_example() if path == "example" else path
    if path == "example" and pub is None:
        pub = date(2025, 3, 28)
    if str(source) != "-" and not Path(source).exists():
        typer.echo(f"error: {source}: no such file or folder", err=True)
        raise typer.Exit(2)
    pipe = Pipeline()
    failures = 0
    for item in iter_articles(source, published=pub, lang=lang):
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
        if fmt is OutFormat.table:
            from ghatna.render import print_document

            print_document(doc)
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
    """Run extraction on gold articles and score it (event P/R/F1, strict F1, details, quotes).

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
            typer.echo(f"{a.article_id:<40} gold {a.gold:>3} sys {a.system:>3} match {a.matched:>3}")
            if errors:
                for g in a.missed:
                    typer.echo(f"   MISSED  {_brief(g)}")
                for s in a.spurious:
                    typer.echo(f"   EXTRA   {_brief(s)}")
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


def main() -> None:  # pragma: no cover
    app()
