"""Lenient parsing of the pages' query parameters (a page never answers a typo with JSON)."""

from __future__ import annotations

MAX_PARAM = 200


def text_param(value: str | None) -> str:
    return (value or "").strip()[:MAX_PARAM]


def int_param(value: str | None, default: int, lo: int, hi: int) -> int:
    try:
        n = int((value or "").strip())
    except ValueError:
        return default
    return min(max(n, lo), hi)
