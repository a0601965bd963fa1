"""The tagger's contract: spans point at their text, expressions are ordered and apart, the
pre-filter never changes what is found, and the result type is what callers rely on."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest

from ghatna.timex import TimeExpression, TimeTagger

SENTENCES = {
    "hi": [
        "विदेश सचिव ने 24 मार्च 2019 को वाशिंगटन में वार्ता की थी और कल वे लौट आए।",
        "जनवरी में भारत के 76 वें गणराज्य दिवस के अवसर पर राष्ट्रपति ने बधाई दी।",
        "पीएम ने जुलाई 2024 में रूस का दौरा किया, लगभग पांच वर्षों में पहली यात्रा।",
        "दोनों नेता हर दो महीने में एक बार फोन पर बात करते हैं।",
        "पिछले सप्ताह गुरुवार को और फिर शनिवार की रात हमले हुए, आज सुबह शांति रही।",
        "  गुरुवार\nको   वार्ता हुई, 1990 के   दशक  की तरह।",
        "इस वर्ष 12 से 15 मार्च तक आयोजन किया जाएगा, पिछले साल यह दो दिन का था।",
        "“कल हम मिलेंगे,” उन्होंने कहा; 2000 से अधिक लोग थे, वर्ष 2019-20 में भी।",
    ],
    "en": [
        "On Monday, the President met the King; they will meet again on January 15, 2026.",
        "The leaders, who spoke yesterday evening, hold calls every two months.",
        "India celebrated its 76th Republic Day, and a two-day visit began last week.",
        "Trade rose in the 1990s and again in early 2019, about 2019 people said.",
        "Talks resume on Thursday of next week, later this year, or in March.",
        "  On\nWednesday   the   envoy met Xi, two days ago.",
    ],
}
PUB = date(2025, 3, 28)


@pytest.fixture(scope="module", params=sorted(SENTENCES))
def lang(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture(scope="module")
def tagger(lang: str) -> TimeTagger:
    return TimeTagger.load(lang)


def test_spans_point_at_their_text_in_order_and_apart(lang: str, tagger: TimeTagger) -> None:
    for text in SENTENCES[lang]:
        for published in (PUB, None):
            found = tagger.find(text, published=published)
            assert found, text
            end = 0
            for e in found:
                assert text[e.start : e.end] == e.text
                assert end <= e.start < e.end
                end = e.end


def test_prefilter_finds_what_the_whole_pattern_finds(lang: str, tagger: TimeTagger) -> None:
    grammar = tagger._grammar
    for text in SENTENCES[lang]:
        assert [m.span() for m in grammar.finditer(text)] == [
            m.span() for m in grammar.pattern.finditer(text)
        ]


def test_value_and_span_agree(lang: str, tagger: TimeTagger) -> None:
    for text in SENTENCES[lang]:
        for e in tagger.find(text, published=PUB):
            if e.kind != "date" or e.value is None:
                assert e.begin is None and e.finish is None
                continue
            assert e.begin is not None and e.finish is not None and e.begin <= e.finish
            if e.granularity in ("day", "month", "year"):
                assert e.begin.isoformat().startswith(e.value)
            assert e.basis in ("explicit", "relative")


def test_recurrence_only_on_recurrences(lang: str, tagger: TimeTagger) -> None:
    for text in SENTENCES[lang]:
        for e in tagger.find(text, published=PUB):
            if e.recurrence is not None:
                assert e.kind == "recurrence" and e.value is None


def test_datetime_publication_is_read_as_its_day() -> None:
    tagger = TimeTagger.load("hi")
    (e,) = tagger.find("मंत्री ने कल बयान दिया।", published=datetime(2025, 3, 28, 23, 30))
    assert e.value == "2025-03-27"


def test_expressions_are_frozen_values() -> None:
    (e,) = TimeTagger.load("en").find("They met today.", published=PUB)
    assert isinstance(e, TimeExpression)
    with pytest.raises(dataclasses.FrozenInstanceError):
        e.value = "2000"  # type: ignore[misc]
    assert not hasattr(e, "__dict__")
    assert e == dataclasses.replace(e)


def test_empty_text() -> None:
    assert TimeTagger.load("hi").find("", published=PUB) == []
    assert TimeTagger.load("en").find("   ", published=None) == []
