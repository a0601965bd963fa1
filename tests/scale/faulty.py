"""Partition tasks that fail on purpose (imported by the Dask workers of test_dask.py)."""

from __future__ import annotations

from pathlib import Path

from ghatna.scale.worker import extract_task

FLAKY, BROKEN = 1, 3  # partition indexes


def flaky_task(part, out_dir, published=None, lang=None):
    """Partition FLAKY fails on its first try only, partition BROKEN on every try."""
    marker = Path(out_dir).parent / f"tried-{part.index}"
    if part.index == FLAKY and not marker.exists():
        marker.touch()
        raise OSError("the disk hiccuped (injected)")
    if part.index == BROKEN:
        raise RuntimeError("this partition always fails (injected)")
    return extract_task(part, out_dir, published, lang)
