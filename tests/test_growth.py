"""Every stage's work grows linearly with the length of the text (issue 14).

The work is counted in Python lines executed (tests/opcount.py), not in seconds: the count is the
same on any machine, so the bound can be tight. Texts of 4,000 and 32,000 characters, written by
tests/generated.py, in both languages, with sentence ends and without any (one line of clauses run
together: the segmenter's length cap must keep each piece's work bounded). A linear stage does
8× the work on the 8× longer text, an n log n one about 10×, a quadratic one 64×; the bound
allows 1.5 × 8 = 12×.
"""

from __future__ import annotations

from datetime import date

import pytest

from ghatna.pipeline import default_stages
from tests.generated import news_text
from tests.opcount import stage_operations

SMALL, LARGE = 4_000, 32_000
MAX_GROWTH = 1.5  # work per character on the large text over work per character on the small one
CASES = [("hi", True), ("hi", False), ("en", True), ("en", False)]

# Stages still quadratic at the time of writing, being rewritten (issue 14 lists them): the test
# reports them as expected failures until they pass.
# (The actor stage is linear since pronouns look back by sentence and by bisection.)
QUADRATIC = {
    # each event is compared with at most MAX_COMPARED (100) kept events of its type, modality and
    # actors: linear past that bound, which the generated texts of 32,000 characters do not reach
    ("merge", "hi"): "up to 100 comparisons per event, the bound not reached at 32,000 characters",
    ("merge", "en"): "up to 100 comparisons per event, the bound not reached at 32,000 characters",
}


@pytest.fixture(scope="module")
def operations(pipeline) -> dict[tuple[str, bool], tuple[dict[str, int], dict[str, int]]]:
    out = {}
    for lang, ends in CASES:
        small, large = (news_text(lang, n, sentence_ends=ends) for n in (SMALL, LARGE))
        out[lang, ends] = (stage_operations(pipeline, small, lang, date(2025, 3, 28)),
                           stage_operations(pipeline, large, lang, date(2025, 3, 28)))
    return out


def _params():
    for lang, ends in CASES:
        for spec in default_stages():
            marks = []
            why = QUADRATIC.get((spec.name, lang))
            if why:
                marks.append(pytest.mark.xfail(reason=f"not yet linear: {why}", strict=False))
            yield pytest.param(lang, ends, spec.name, marks=marks,
                               id=f"{lang}-{'ends' if ends else 'no_ends'}-{spec.name}")


@pytest.mark.parametrize(("lang", "ends", "stage"), list(_params()))
def test_stage_work_grows_linearly_with_the_text(operations, lang, ends, stage):
    small, large = operations[lang, ends]
    assert small[stage] > 0 or stage == "normalize"
    growth = (large[stage] / max(small[stage], 1)) / (LARGE / SMALL)
    assert growth <= MAX_GROWTH, (f"{stage} did {large[stage]:,} operations on {LARGE:,} characters and "
                                  f"{small[stage]:,} on {SMALL:,}: {growth:.2f}× the work per character")


def test_generated_texts_exercise_every_stage(pipeline):
    text = news_text("hi", SMALL)
    doc = pipeline.extract(text, published=date(2025, 3, 28), lang="hi")
    assert doc.mentions and doc.times and doc.events and doc.quotes
    run_on = news_text("hi", SMALL, sentence_ends=False)
    assert "।" not in run_on and "\n" not in run_on
