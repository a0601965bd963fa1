"""Terminal rendering of a document's events and quotes.

``compact_lines``: one line per event in aligned columns, cut to a width (what `ghatna extract`
prints by default, on a terminal of any width or into a pipe). ``print_wide``: a boxed rich table
that wraps long cells. Widths are measured in terminal cells (``rich.cells.cell_len``: Devanagari
vowel signs and viramas take none), and no text from an article is ever read as rich markup.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ghatna.model import Document, Entity, Event

ELLIPSIS = "…"
# (header, widest it may grow, narrowest it may shrink to); the evidence takes the rest of the line
COLUMNS = (("actor", 34, 14), ("event", 28, 12), ("recipient", 26, 10), ("date", 10, 10), ("where", 14, 6))
WORD_SLACK = 12  # cells an evidence cut may give up to fall between two words
EVIDENCE_SHARE = 0.4  # of a narrow line, what the evidence keeps before the other columns shrink


def who(ents: list[Entity]) -> str:
    out = []
    for e in ents:
        extra = ", ".join(x for x in (e.country if e.kind != "country" else None, e.sector) if x)
        out.append(f"{e.name} ({extra})" if extra else e.name)
    return "; ".join(out) or "—"


def event_kind(ev: Event) -> str:
    kind = ev.type + (f" / {ev.mode}" if ev.mode else "")
    if ev.modality != "actual":
        kind += f" ({ev.modality}{', ' + ev.recurrence if ev.recurrence else ''})"
    return kind


def one_line(text: str) -> str:
    return " ".join(text.split())


def fit(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` terminal cells (with an ellipsis when cut)."""
    if cell_len(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = cell_len(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + ELLIPSIS


def fit_words(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells between two words where one is near (never inside an
    akshara: a cut between a consonant and its vowel sign changes the word)."""
    if cell_len(text) <= width:
        return text
    cut = fit(text, width)[:-1]
    space = cut.rfind(" ")
    if space > 0 and cell_len(cut[space:]) <= WORD_SLACK:
        cut = cut[:space]
    return cut.rstrip() + ELLIPSIS


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - cell_len(text))


def evidence_cell(ev: Event, width: int | None) -> str:
    """“trigger” — the evidence sentence, cut around the trigger when it does not fit."""
    e = ev.evidence[0]
    head = f"“{ev.trigger}” — "
    sentence = e.text
    if width is None:
        return head + one_line(sentence)
    room = width - cell_len(head)
    if room < 16:  # no room for context: the trigger alone says what was found
        return fit(f"“{ev.trigger}”", width)
    flat = one_line(sentence)
    if cell_len(flat) <= room:
        return head + flat
    at = len(one_line(sentence[: e.trigger_start - e.start]))  # where the trigger starts in the flat text
    start = max(0, at - room // 3)
    if start:
        space = flat.find(" ", start, at)  # begin with a whole word
        start = space + 1 if space >= 0 else start
    window = flat[start:]
    return head + (ELLIPSIS + fit_words(window, room - 1) if start else fit_words(window, room))


def compact_lines(doc: Document, width: int | None = None) -> Iterator[str]:
    """The article's header, flags, one line per event and one per quote; every line at most
    ``width`` cells (None: no limit, nothing is cut)."""
    a = doc.article
    pub = a.published.isoformat() if a.published else "no publication date"
    yield _cut(f"{one_line(a.article_id)}  lang={doc.lang}  published={pub}", width)
    for f in doc.flags:
        yield _cut(f"  flag {f.code}: {one_line(f.detail)}", width)
    if doc.events:
        rows = [[who(ev.actors), event_kind(ev), who(ev.recipients), ev.date.value or "—",
                 ev.location.name if ev.location else "—"] for ev in doc.events]
        widths = column_widths(rows, width)
        room = None if width is None else max(8, width - 1 - sum(w + 2 for w in widths))
        yield _cut(" " + "  ".join(pad(h, w) for (h, *_), w in zip(COLUMNS, widths, strict=True)) + "  evidence",
                   width)
        for ev, row in zip(doc.events, rows, strict=True):
            cells = [pad(fit(one_line(c), w), w) for c, w in zip(row, widths, strict=True)]
            yield _cut(" " + "  ".join(cells) + "  " + evidence_cell(ev, room), width)
    for q in doc.quotes:
        speaker = q.speaker.name if q.speaker else "unknown speaker"
        yield _cut(f"  quote {speaker}: “{one_line(q.text)}”", width)


def column_widths(rows: list[list[str]], width: int | None) -> list[int]:
    """Each column as wide as its widest cell (up to its cap); on a narrow line the widest
    columns give way, down to their minimum, until the evidence has its share."""
    widths = [min(cap, max(cell_len(h), *(cell_len(r[i]) for r in rows))) for i, (h, cap, _) in enumerate(COLUMNS)]
    if width is None:
        return widths
    lows = [min(low, w) for (_, _, low), w in zip(COLUMNS, widths, strict=True)]
    budget = int(width * (1 - EVIDENCE_SHARE)) - 1 - 2 * len(widths)
    while sum(widths) > budget:
        i = max(range(len(widths)), key=lambda k: widths[k] - lows[k])
        if widths[i] <= lows[i]:
            break
        widths[i] -= 1
    return widths


def _cut(line: str, width: int | None) -> str:
    return line.rstrip() if width is None else fit(line, width).rstrip()


def print_wide(doc: Document, console: Console | None = None) -> None:
    """A boxed table whose cells wrap (for a wide terminal)."""
    con = console or Console()
    a = doc.article
    pub = a.published.isoformat() if a.published else "no publication date"
    con.print(Text.assemble((a.article_id, "bold"), f"  lang={doc.lang}  published={pub}"))
    for f in doc.flags:
        con.print(Text.assemble("  ", ("flag", "yellow"), f" {f.code}: {f.detail}"))
    t = Table(show_lines=True)
    for col in ("actor", "event", "recipient", "date", "where", "evidence"):
        t.add_column(col, overflow="fold")
    for ev in doc.events:
        date = (ev.date.value or "—") + (f" [{ev.date.basis}]" if ev.date.basis else "")
        where = ev.location.name if ev.location else "—"
        cells = (who(ev.actors), event_kind(ev), who(ev.recipients), date, where,
                 f"“{ev.trigger}” — {ev.evidence[0].text}")
        t.add_row(*(Text(c) for c in cells))
    con.print(t)
    for q in doc.quotes:
        speaker = q.speaker.name if q.speaker else "unknown speaker"
        con.print(Text.assemble("  ", ("quote", "cyan"), f" {speaker}: “{q.text}”"))


def print_document(doc: Document, console: Console | None = None) -> None:
    """The wide table (kept for callers of the earlier API)."""
    print_wide(doc, console)
