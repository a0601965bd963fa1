"""Server-side SVG: a dyad's monthly timeline and an actor's partner network. Every text and
attribute value is escaped; colours are presentation attributes (no inline styles, so the pages'
Content-Security-Policy holds)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from ghatna.store.dates import month_range

# PLOVER types: cooperative ones in blues and greens, conflictual ones in oranges, reds and purples.
TYPE_COLORS = {
    "AGREE": "#08519c", "CONSULT": "#6baed6", "SUPPORT": "#2a9d8f", "CONCEDE": "#7fc97f", "COOPERATE": "#0b6e4f",
    "AID": "#57b894", "RETREAT": "#a6d854", "REQUEST": "#8da0cb", "ACCUSE": "#fdae61", "REJECT": "#f4a582",
    "THREATEN": "#e76f51", "PROTEST": "#c994c7", "SANCTION": "#b2182b", "MOBILIZE": "#984ea3",
    "COERCE": "#d6604d", "ASSAULT": "#67001f",
}
OTHER_COLOR = "#999999"
MAX_MONTHS = 240
COOP_COLOR, CONFLICT_COLOR, MIXED_COLOR = "#2a9d8f", "#c0392b", "#e9a23b"


def _a(value: Any) -> str:
    return str(escape(str(value)))


def _ticks(top: int) -> list[int]:
    if top <= 4:
        return list(range(top + 1))
    step = max(1, math.ceil(top / 4))
    return list(range(0, top + 1, step))


def timeline(summary: Mapping[str, Any], width: int = 820) -> Markup:
    """Two panels over the dyad's months: events stacked by PLOVER type, and cooperation (up)
    against conflict (down). Months without events are drawn empty."""
    data = {m["month"]: m for m in summary.get("months", [])}
    if not data:
        return Markup('<svg class="chart timeline empty" viewBox="0 0 {w} 40" role="img" '
                      'aria-label="no dated events" xmlns="http://www.w3.org/2000/svg">'
                      '<text x="10" y="25" class="note">no dated events</text></svg>').format(w=width)
    months = month_range(min(data), max(data))
    if len(months) > MAX_MONTHS:  # decades apart: draw the months that have events, side by side
        months = sorted(data)
    left, right, top_h, bottom_h, gap = 44, 12, 190, 120, 46
    plot_w = width - left - right
    band = plot_w / len(months)
    bar = max(1.0, band * 0.78)
    types = list(summary.get("by_type") or {})
    max_total = max(m["events"] for m in data.values())
    max_side = max(max(m["cooperation"], m["conflict"]) for m in data.values()) or 1
    y0 = 20  # top of panel 1
    base1 = y0 + top_h
    mid2 = base1 + gap + bottom_h / 2
    legend_y = base1 + gap + bottom_h + 44
    rows = math.ceil((len(types) + 2) / 6)
    height = legend_y + rows * 18 + 8
    out = [f'<svg class="chart timeline" viewBox="0 0 {width} {height:.0f}" role="img" '
           f'xmlns="http://www.w3.org/2000/svg" aria-label="events per month by type, and cooperation '
           f'against conflict, {_a(months[0])} to {_a(months[-1])}">']
    out.append(f'<text x="{left}" y="12" class="panel-title">events per month by PLOVER type</text>')
    for t in _ticks(max_total):
        y = base1 - t / max_total * top_h
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" class="grid" stroke="#ddd"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" class="tick">{t}</text>')
    out.append(f'<text x="{left}" y="{base1 + gap - 8}" class="panel-title">cooperation (QuadClass 1–2) ▲ '
               f'conflict (QuadClass 3–4) ▼</text>')
    out.append(f'<line x1="{left}" x2="{width - right}" y1="{mid2:.1f}" y2="{mid2:.1f}" stroke="#888"/>')
    out.append(f'<text x="{left - 6}" y="{mid2 - bottom_h / 2 + 8:.1f}" text-anchor="end" class="tick">'
               f'{max_side}</text>')
    out.append(f'<text x="{left - 6}" y="{mid2 + bottom_h / 2:.1f}" text-anchor="end" class="tick">{max_side}</text>')
    label_every = max(1, math.ceil(len(months) / 12))
    for i, month in enumerate(months):
        x = left + i * band + (band - bar) / 2
        m = data.get(month)
        if i % label_every == 0:
            out.append(f'<text x="{x + bar / 2:.1f}" y="{base1 + 14}" text-anchor="middle" class="tick">'
                       f'{_a(month)}</text>')
        if m is None:
            continue
        y = base1
        for t, n in m["by_type"].items():
            h = n / max_total * top_h
            y -= h
            out.append(f'<rect class="bar type" data-month="{_a(month)}" data-type="{_a(t)}" x="{x:.1f}" '
                       f'y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="{TYPE_COLORS.get(t, OTHER_COLOR)}">'
                       f'<title>{_a(month)} {_a(t)}: {n}</title></rect>')
        for side, n, color in (("cooperation", m["cooperation"], COOP_COLOR), ("conflict", m["conflict"],
                                                                                CONFLICT_COLOR)):
            if not n:
                continue
            h = n / max_side * bottom_h / 2
            y = mid2 - h if side == "cooperation" else mid2
            out.append(f'<rect class="bar {side}" data-month="{_a(month)}" x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" '
                       f'height="{h:.1f}" fill="{color}"><title>{_a(month)} {side}: {n}</title></rect>')
    items = [(t, TYPE_COLORS.get(t, OTHER_COLOR)) for t in types]
    items += [("cooperation", COOP_COLOR), ("conflict", CONFLICT_COLOR)]
    for i, (name, color) in enumerate(items):
        lx = left + (i % 6) * (plot_w / 6)
        ly = legend_y + (i // 6) * 18
        out.append(f'<rect x="{lx:.1f}" y="{ly - 10}" width="12" height="12" fill="{color}"/>'
                   f'<text x="{lx + 16:.1f}" y="{ly}" class="legend">{_a(name)}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def _edge_color(cooperation: int, conflict: int) -> str:
    if cooperation + conflict == 0:
        return OTHER_COLOR
    balance = (cooperation - conflict) / (cooperation + conflict)
    return COOP_COLOR if balance > 0.33 else CONFLICT_COLOR if balance < -0.33 else MIXED_COLOR


def network(center: Mapping[str, Any], partners: Sequence[Mapping[str, Any]], size: int = 640,
            max_partners: int = 24) -> Markup:
    """The actor in the middle and its partners around it: node area and edge width by shared
    events, edge colour by cooperation (green), conflict (red) or both (amber). Nodes link to the
    partners' pages, edges to the dyad pages."""
    shown = list(partners[:max_partners])
    cx = cy = size / 2
    radius = size / 2 - 120
    out = [f'<svg class="chart network" viewBox="0 0 {size} {size}" role="img" xmlns="http://www.w3.org/2000/svg" '
           f'aria-label="partners of {_a(center.get("name") or center.get("query"))}">']
    top = max((p["events"] for p in shown), default=1) or 1
    me = quote(str(center.get("query") or center.get("id") or ""), safe="")
    nodes = []
    for i, p in enumerate(shown):
        angle = -math.pi / 2 + 2 * math.pi * i / max(1, len(shown))
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        pid = quote(str(p.get("id") or p.get("name") or ""), safe="")
        color = _edge_color(p["cooperation"], p["conflict"])
        width = 1 + 7 * p["events"] / top
        out.append(f'<a href="/dyads/{_a(me)}/{_a(pid)}" class="edge"><line x1="{cx:.1f}" y1="{cy:.1f}" '
                   f'x2="{x:.1f}" y2="{y:.1f}" stroke="{color}" stroke-width="{width:.1f}" stroke-opacity="0.8">'
                   f'<title>{_a(p.get("name"))}: {p["events"]} event(s), {p["cooperation"]} cooperation, '
                   f'{p["conflict"]} conflict</title></line></a>')
        nodes.append((p, x, y, angle, pid))
    for p, x, y, angle, pid in nodes:
        r = 5 + 13 * math.sqrt(p["events"] / top)
        anchor = "start" if math.cos(angle) > 0.2 else "end" if math.cos(angle) < -0.2 else "middle"
        dx = (r + 4) * math.cos(angle)
        two_lines = 15 if p.get("name_hi") else 0
        dy = (r + 4) * math.sin(angle) + (12 if math.sin(angle) > 0.7 else -8 - two_lines if math.sin(angle) < -0.7
                                          else 4 - two_lines / 2)
        hi = f'<tspan x="{x + dx:.1f}" dy="15" class="hi">{_a(p["name_hi"])}</tspan>' if p.get("name_hi") else ""
        out.append(f'<a href="/actors/{_a(pid)}" class="node" data-actor="{_a(p.get("id") or "")}">'
                   f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#4e79a7"><title>{_a(p.get("name"))}: '
                   f'{p["events"]} event(s)</title></circle>'
                   f'<text x="{x + dx:.1f}" y="{y + dy:.1f}" text-anchor="{anchor}" class="label">'
                   f'{_a(p.get("name") or p.get("id"))}{hi}</text></a>')
    hi = (f'<tspan x="{cx:.1f}" dy="16" class="hi">{_a(center["name_hi"])}</tspan>'
          if center.get("name_hi") else "")
    out.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="22" fill="#f28e2b" class="center"/>'
               f'<text x="{cx:.1f}" y="{cy + 38:.1f}" text-anchor="middle" class="label center">'
               f'{_a(center.get("name") or center.get("query"))}{hi}</text>')
    if not shown:
        out.append(f'<text x="{cx:.1f}" y="{cy - 40:.1f}" text-anchor="middle" class="note">no partners yet</text>')
    out.append("</svg>")
    return Markup("".join(out))
