"""Checking an event's sides in test sentences: each side as the reference scorer keys it (ISO3,
or the normalised name of a body without a country), without the scorer's "~" mark."""

from __future__ import annotations

from datetime import date

from ghatna.eval.score import actor_key

PUB = date(2025, 3, 28)


def keys(ents) -> list[str]:
    return sorted(actor_key(e.to_dict()).lstrip("~") for e in ents)


def check(pipeline, lang: str, text: str, etype: str, actors: list[str], recipients: list[str]) -> None:
    """An event of that type with exactly those actors (any when none are given) and at least
    those recipients comes out of the sentence."""
    doc = pipeline.extract(text, published=PUB, lang=lang)
    found = [(keys(e.actors), keys(e.recipients)) for e in doc.events if e.type == etype]
    want_a, want_r = sorted(x.lstrip("~") for x in actors), sorted(x.lstrip("~") for x in recipients)
    assert any((not actors or a == want_a) and set(want_r) <= set(r) for a, r in found), \
        f"{etype} {want_a} -> {want_r} not in {[(e.type, keys(e.actors), keys(e.recipients)) for e in doc.events]}"
