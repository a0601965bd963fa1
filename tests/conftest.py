"""Shared fixtures: one pipeline per test session (dictionaries load once)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ghatna.pipeline import Pipeline

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def resources(pipeline: Pipeline):
    return pipeline.res


def need_shared(*parts: str) -> Path:
    """A path under ../shared, or skip the test when the development data is not there."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"development data not present: {p}")
    return p


def assert_spans(doc) -> None:
    """Every offset the document reports points at the text it claims."""
    t = doc.text
    for ev in doc.events:
        for e in ev.evidence:
            assert t[e.start : e.end] == e.text
            assert e.start <= e.trigger_start < e.trigger_end <= e.end
    for q in doc.quotes:
        assert t[q.start : q.end] == q.text
        if q.speaker_span is not None:
            assert t[q.speaker_span.start : q.speaker_span.end] == q.speaker_span.text
    for m in doc.mentions:
        assert t[m.start : m.end] == m.text
    for s in doc.sentences:
        assert t[s.start : s.end] == s.text
    for tok in doc.tokens:
        assert t[tok.start : tok.end] == tok.text
