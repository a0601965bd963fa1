"""Operation counts of the pipeline's stages: the Python lines each stage executes (a loop's body
counts once per turn, comprehensions included), by ``sys.settrace``. Unlike wall time this does not
depend on the machine or its load, so growth can be asserted exactly."""

from __future__ import annotations

import sys
from datetime import date
from types import FrameType
from typing import Any

from ghatna.model import Article, Document
from ghatna.pipeline import Pipeline


class LineCounter:
    def __init__(self) -> None:
        self.lines = 0

    def _call(self, frame: FrameType, event: str, arg: Any) -> Any:
        return self._line

    def _line(self, frame: FrameType, event: str, arg: Any) -> Any:
        if event == "line":
            self.lines += 1
        return self._line

    def __enter__(self) -> LineCounter:
        self._previous = sys.gettrace()
        sys.settrace(self._call)
        return self

    def __exit__(self, *exc: object) -> None:
        sys.settrace(self._previous)


def stage_operations(pipe: Pipeline, text: str, lang: str, published: date | None = None) -> dict[str, int]:
    """Lines executed by each stage of ``pipe`` on ``text`` (and the stages' own total)."""
    doc = Document(Article(text, "ops", None, published, lang))
    doc.lang = lang
    counts: dict[str, int] = {}
    for name, fn in pipe.stages_for(lang):
        with LineCounter() as c:
            doc = fn(doc)
        doc.done.add(name)
        counts[name] = c.lines
    counts["total"] = sum(counts.values())
    return counts
