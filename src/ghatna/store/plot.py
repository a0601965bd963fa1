"""A dyad's timeline as a picture: events per month split into cooperation, conflict and other,
with the month's mean Goldstein score on a second axis."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ghatna.store.dates import month_range

MAX_FILLED_MONTHS = 120  # longer spans show only the months that have events


def require_matplotlib() -> Any:
    try:
        from matplotlib.figure import Figure
    except ImportError as exc:
        raise RuntimeError("plotting needs matplotlib: pip install 'ghatna[store]'") from exc
    return Figure


def _months(summary: dict[str, Any]) -> list[dict[str, Any]]:
    """The summary's months, with empty months filled in when the span is not too long."""
    months = summary["months"]
    if not months:
        return []
    labels = month_range(months[0]["month"], months[-1]["month"])
    if len(labels) > MAX_FILLED_MONTHS:
        return months
    have = {m["month"]: m for m in months}
    empty = {"events": 0, "cooperation": 0, "conflict": 0, "goldstein_mean": None}
    return [have.get(lab, {"month": lab, **empty}) for lab in labels]


def timeline(summary: dict[str, Any], path: str | Path) -> Path:
    """Draw ``dyad_summary(...)`` output to ``path`` (PNG, SVG or PDF by its suffix)."""
    Figure = require_matplotlib()
    months = _months(summary)
    coop = [m["cooperation"] for m in months]
    conflict = [m["conflict"] for m in months]
    other = [m["events"] - m["cooperation"] - m["conflict"] for m in months]
    x = list(range(len(months)))

    fig = Figure(figsize=(min(16.0, max(6.0, 0.35 * len(months) + 3)), 4.5), layout="constrained")
    ax = fig.add_subplot()
    ax.bar(x, coop, color="#2e7d32", label="cooperation (QuadClass 1-2)")
    ax.bar(x, conflict, bottom=coop, color="#c62828", label="conflict (QuadClass 3-4)")
    ax.bar(x, other, bottom=[c + k for c, k in zip(coop, conflict, strict=True)], color="#9e9e9e",
           label="no QuadClass")
    step = max(1, len(months) // 24)
    ax.set_xticks(x[::step], [m["month"] for m in months][::step], rotation=45, ha="right")
    ax.set_ylabel("events per month")
    balance = summary["balance"]
    ax.set_title(f"{summary['a']} – {summary['b']}: {summary['events']} events, cooperation-conflict balance "
                 f"{'n/a' if balance is None else f'{balance:+.2f}'}")
    handles, labels = ax.get_legend_handles_labels()
    gold = [m["goldstein_mean"] if m["goldstein_mean"] is not None else float("nan") for m in months]
    if any(m["goldstein_mean"] is not None for m in months):
        ax2 = ax.twinx()  # NaN months break the line: no trend is drawn across months without events
        ax2.plot(x, gold, color="black", marker="o", linewidth=1.2, label="mean Goldstein (right axis)")
        ax2.axhline(0, color="black", linewidth=0.5, linestyle=":")
        ax2.set_ylim(-10, 10)
        ax2.set_ylabel("mean Goldstein")
        h2, l2 = ax2.get_legend_handles_labels()
        handles, labels = handles + h2, labels + l2
    if not months:
        ax.text(0.5, 0.5, "no dated events", ha="center", va="center", transform=ax.transAxes)
    fig.legend(handles, labels, loc="outside lower center", ncols=4, fontsize="small", frameon=False)
    out = Path(path)
    fig.savefig(out, dpi=120)
    return out
