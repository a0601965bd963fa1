"""The highlighted spans of an article: each event's evidence and trigger, each quote, each actor
mention; and the HTML of the text with those spans as properly nested ``<mark>`` elements."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from markupsafe import Markup, escape

LAYER = {"evidence": 0, "quote": 1, "trigger": 2, "mention": 3}  # outer to inner


def article_spans(text: str, events: Sequence[Mapping[str, Any]], quotes: Sequence[Mapping[str, Any]],
                  mentions: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Spans sorted by start (outer first). An evidence sentence or trigger shared by several
    events is one span listing all of them."""
    n = len(text)

    def ok(s: Any, e: Any) -> bool:
        return isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= n

    grouped: dict[tuple[str, int, int], list[int]] = defaultdict(list)
    for ev in events:
        for v in ev.get("evidence", []):
            for kind, s, e in (("evidence", v["start"], v["end"]), ("trigger", v.get("trigger_start"),
                                                                     v.get("trigger_end"))):
                if ok(s, e) and ev["id"] not in grouped[(kind, s, e)]:
                    grouped[(kind, s, e)].append(ev["id"])
    spans: list[dict[str, Any]] = [
        {"start": s, "end": e, "kind": kind, "text": text[s:e], "events": ids, "mention_kind": None, "entities": []}
        for (kind, s, e), ids in grouped.items()]
    for q in quotes:
        if ok(q["start"], q["end"]):
            speaker = ([{"id": q.get("speaker_id"), "name": q.get("speaker_name"),
                         "name_hi": q.get("speaker_name_hi")}] if q.get("speaker_name") else [])
            spans.append({"start": q["start"], "end": q["end"], "kind": "quote", "text": text[q["start"]:q["end"]],
                          "events": [], "mention_kind": None, "entities": speaker})
    for m in mentions:
        if ok(m["start"], m["end"]):
            spans.append({"start": m["start"], "end": m["end"], "kind": "mention", "text": text[m["start"]:m["end"]],
                          "events": [], "mention_kind": m.get("kind"), "entities": list(m.get("entities") or [])})
    spans.sort(key=lambda sp: (sp["start"], -sp["end"], LAYER[sp["kind"]]))
    return spans


def _label(e: Mapping[str, Any]) -> str:
    name = e.get("name") or e.get("id") or "?"
    if e.get("name_hi") and e.get("name_hi") != name:
        name += f" · {e['name_hi']}"
    extra = ", ".join(x for x in (e.get("country"), e.get("sector")) if x)
    return f"{name} ({extra})" if extra else name


def _open_tag(sp: Mapping[str, Any], event_labels: Mapping[int, str], continued: bool) -> str:
    kind = sp["kind"]
    classes = ["hl", f"hl-{kind}"]
    attrs: dict[str, str] = {"data-kind": kind, "data-start": str(sp["start"]), "data-end": str(sp["end"])}
    if sp["events"]:
        attrs["data-events"] = " ".join(map(str, sp["events"]))
        title = "; ".join(event_labels.get(i, f"event {i}") for i in sp["events"])
    else:
        title = " + ".join(_label(e) for e in sp["entities"])
    if kind == "mention":
        classes.append(f"hl-mention-{sp['mention_kind'] or 'other'}")
        attrs["data-mention-kind"] = sp["mention_kind"] or ""
        attrs["data-actors"] = " ".join(str(e.get("id") or "") for e in sp["entities"])
        title = f"{sp['mention_kind']}: {title}" if title else str(sp["mention_kind"])
    elif kind == "quote" and title:
        title = f"quote by {title}"
    if continued:
        attrs["data-part"] = "cont"
    elif kind in ("evidence", "quote"):
        attrs["id"] = f"{kind}-{sp['start']}-{sp['end']}"
    if title:
        attrs["title"] = title
    rendered = " ".join(f'{k}="{escape(v)}"' for k, v in attrs.items())
    return f'<mark class="{" ".join(escape(c) for c in classes)}" {rendered}>'


def highlight(text: str, spans: Sequence[Mapping[str, Any]], event_labels: Mapping[int, str] | None = None) -> Markup:
    """The escaped text with every span wrapped in ``<mark>``. Overlapping spans that do not nest
    are split: the inner one is closed and reopened (``data-part="cont"``) around the boundary."""
    labels = event_labels or {}
    starts: dict[int, list[int]] = defaultdict(list)
    ends: dict[int, list[int]] = defaultdict(list)
    for i, sp in enumerate(spans):
        if 0 <= sp["start"] < sp["end"] <= len(text):
            starts[sp["start"]].append(i)
            ends[sp["end"]].append(i)
    out: list[str] = []
    stack: list[int] = []
    prev = 0
    for pos in sorted({0, len(text), *starts, *ends}):
        out.append(str(escape(text[prev:pos])))
        prev = pos
        closing = set(ends.get(pos, ())) & set(stack)
        if closing:
            low = min(stack.index(i) for i in closing)
            reopen = [i for i in stack[low:] if i not in closing]
            out.append("</mark>" * (len(stack) - low))
            del stack[low:]
            for i in reopen:
                out.append(_open_tag(spans[i], labels, continued=True))
                stack.append(i)
        for i in sorted(starts.get(pos, ()), key=lambda i: (-spans[i]["end"], LAYER[spans[i]["kind"]])):
            out.append(_open_tag(spans[i], labels, continued=False))
            stack.append(i)
    out.append("</mark>" * len(stack))
    return Markup("".join(out))
