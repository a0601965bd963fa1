"""Terminal output of the store commands: the ingest progress bar and rich tables.

Every value from the store goes into a ``Text`` (or is escaped), so that "[/red]" in an article
or an id prints as it is instead of being read as rich markup.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from ghatna.store.ingest import FAILED, IngestReport


class RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} articles/s" if speed else "… articles/s", style="cyan")


@contextmanager
def ingest_progress(total: int | None, console: Console, enabled: bool = True) -> Iterator[Any]:
    """A rich progress bar; yields the callback ``Store.ingest`` calls after each input.
    Failures are printed above the bar as they happen."""
    columns = (TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), RateColumn(),
               TextColumn("{task.fields[failed]} failed"), TimeElapsedColumn())
    with Progress(*columns, console=console, disable=not enabled, transient=False) as bar:
        task = bar.add_task("ingest", total=total, failed=0)

        def update(report: IngestReport, outcome: str) -> None:
            if outcome == FAILED:
                console.print(Text.assemble(("failed", "red"), f" {report.failures[-1]}"), highlight=False)
            bar.update(task, advance=1, failed=report.failed)

        yield update


def _cells(*values: str) -> list[Text]:
    return [Text(v) for v in values]


def _who(ents: list[dict]) -> str:
    out = []
    for e in ents:
        extra = ", ".join(x for x in (e["country"] if e["kind"] != "country" else None, e["sector"]) if x)
        out.append(f"{e['name']} ({extra})" if extra else str(e["name"]))
    return "; ".join(out) or "—"


def events_table(records: list[dict]) -> Table:
    t = Table(show_lines=True, caption="a/s/m = articles / sources / mentions")
    for col in ("id", "date", "actor", "event", "recipient", "where", "a/s/m", "evidence"):
        short = col in ("id", "date", "a/s/m")
        t.add_column(col, overflow="fold", no_wrap=short)
    for r in records:
        kind = r["type"] + (f" / {r['mode']}" if r["mode"] else "")
        if r["modality"] != "actual":
            kind += f" ({r['modality']})"
        d = r["date"]
        date = (d["value"] or "—") + (f"\n({d['basis']})" if d["basis"] else "")
        where = (r["location"] or {}).get("name") or "—"
        ev = r["evidence"][0] if r["evidence"] else None
        evidence = f"{ev['article_id']}: {ev['text']}" if ev else ""
        if len(r["evidence"]) > 1:
            evidence += f"  (+{len(r['evidence']) - 1} more)"
        t.add_row(*_cells(str(r["id"]), date, _who(r["actors"]), kind, _who(r["recipients"]), where,
                          f"{r['num_articles']}/{r['num_sources']}/{r['num_mentions']}", evidence))
    return t


def actors_table(rows: list[dict]) -> Table:
    t = Table()
    for col in ("actor", "id", "kind", "country", "sector", "events", "as actor", "as recipient"):
        t.add_column(col, justify="right" if col in ("events", "as actor", "as recipient") else "left")
    for r in rows:
        name = r["name"] + (f" / {r['name_hi']}" if r["name_hi"] else "")
        t.add_row(*_cells(name, str(r["id"]), r["kind"] or "", r["country"] or "", r["sector"] or "",
                          str(r["events"]), str(r["as_actor"]), str(r["as_recipient"])))
    return t


def print_dyad(s: dict, console: Console) -> None:
    bal = "n/a" if s["balance"] is None else f"{s['balance']:+.2f}"
    gold = "n/a" if s["goldstein_mean"] is None else f"{s['goldstein_mean']:+.2f}"
    console.print(Text.assemble((f"{s['a']} – {s['b']}", "bold"),
                                f": {s['events']} events, {s['mentions']} mentions; cooperation {s['cooperation']}, "
                                f"conflict {s['conflict']}, balance {bal}, mean Goldstein {gold}"
                                + (f"; {s['undated']} undated" if s["undated"] else "")), highlight=False)
    if s["by_type"]:
        console.print(Text("by type: " + ", ".join(f"{k} {v}" for k, v in s["by_type"].items())), highlight=False)
    t = Table()
    for col in ("month", "events", "coop", "conflict", "balance", "Goldstein", "types"):
        t.add_column(col, justify="left" if col in ("month", "types") else "right")
    for m in s["months"]:
        t.add_row(*_cells(m["month"], str(m["events"]), str(m["cooperation"]), str(m["conflict"]),
                          "" if m["balance"] is None else f"{m['balance']:+.2f}",
                          "" if m["goldstein_mean"] is None else f"{m['goldstein_mean']:+.2f}",
                          ", ".join(f"{k} {v}" for k, v in m["by_type"].items())))
    if s["months"]:
        console.print(t)
