"""Terminal rendering of a document's events and quotes (rich tables)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from ghatna.model import Document, Entity


def _who(ents: list[Entity]) -> str:
    out = []
    for e in ents:
        extra = ", ".join(x for x in (e.country if e.kind != "country" else None, e.sector) if x)
        out.append(f"{e.name} ({extra})" if extra else e.name)
    return "; ".join(out) or "—"


def print_document(doc: Document, console: Console | None = None) -> None:
    con = console or Console()
    a = doc.article
    pub = a.published.isoformat() if a.published else "no publication date"
    con.print(f"[bold]{a.article_id}[/bold]  lang={doc.lang}  published={pub}")
    for f in doc.flags:
        con.print(f"  [yellow]flag[/yellow] {f.code}: {f.detail}")
    t = Table(show_lines=True)
    for col in ("actor", "event", "recipient", "date", "where", "evidence"):
        t.add_column(col, overflow="fold")
    for ev in doc.events:
        kind = ev.type + (f" / {ev.mode}" if ev.mode else "")
        if ev.modality != "actual":
            kind += f" ({ev.modality}{', ' + ev.recurrence if ev.recurrence else ''})"
        date = ev.date.value or "—"
        if ev.date.basis:
            date += f" [{ev.date.basis}]"
        where = ev.location.name if ev.location else "—"
        t.add_row(_who(ev.actors), kind, _who(ev.recipients), date, where, f"“{ev.trigger}” — {ev.evidence[0].text}")
    con.print(t)
    for q in doc.quotes:
        who = q.speaker.name if q.speaker else "unknown speaker"
        con.print(f"  [cyan]quote[/cyan] {who}: “{q.text}”")
