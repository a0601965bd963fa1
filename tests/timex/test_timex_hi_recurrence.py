"""Hindi: recurrences ("हर दो महीने में एक बार" -> P2M), durations that are not dates, and what
happens without a publication date."""

from __future__ import annotations

import pytest

from ghatna.timex import TimeTagger
from tests.timex.helpers import one


@pytest.mark.parametrize(
    ("text", "span", "period"),
    [
        ("दोनों नेता हर दो महीने में एक बार फोन पर बात करते हैं।", "हर दो महीने में एक बार", "P2M"),
        ("यह मेला हर साल लगता है।", "हर साल", "P1Y"),
        ("सम्मेलन प्रति वर्ष आयोजित होता है।", "प्रति वर्ष", "P1Y"),
        ("समिति हर महीने बैठक करती है।", "हर महीने", "P1M"),
        ("आयोग हर सप्ताह रिपोर्ट देता है।", "हर सप्ताह", "P1W"),
        ("वे हर हफ्ते मिलते हैं।", "हर हफ्ते", "P1W"),
        ("चुनाव हर तीन साल में होते हैं।", "हर तीन साल", "P3Y"),
        ("दोनों देशों की सालाना बैठक दिल्ली में हुई।", "सालाना", "P1Y"),
        ("वार्षिक रक्षा वार्ता के दौरान समझौते हुए।", "वार्षिक", "P1Y"),
        ("इस समिति की बैठक साल में दो बार होगी।", "साल में दो बार", "P6M"),
        ("बाजार हर गुरुवार बंद रहता है।", "हर गुरुवार", "P1W"),
    ],
)
def test_recurrence(hi: TimeTagger, text: str, span: str, period: str) -> None:
    e = one(hi, text)
    assert (e.text, e.kind, e.recurrence) == (span, "recurrence", period)
    assert (e.value, e.granularity, e.basis, e.begin, e.finish) == (None, None, None, None, None)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("मोदी ने लगभग पांच वर्षों में पहली बार रूस की यात्रा की।", "लगभग पांच वर्षों"),
        ("राष्ट्रपति दो दिन की यात्रा पर ढाका पहुंचे।", "दो दिन"),
        ("विदेश मंत्री तीन दिन के दौरे पर हैं।", "तीन दिन"),
        ("पिछले दो वर्षों में व्यापार दोगुना हुआ।", "पिछले दो वर्षों"),
        ("अगले पांच वर्षों में परियोजना पूरी होगी।", "अगले पांच वर्षों"),
        ("दिल्ली में दो दिवसीय सम्मेलन शुरू हुआ।", "दो दिवसीय"),
        ("कई वर्षों से यह विवाद चल रहा है।", "कई वर्षों"),
        ("रिपोर्ट 30 दिन के भीतर देनी होगी।", "30 दिन"),
        # a plural period after पिछले/हाल के has no length and no date
        ("पिछले वर्षों में व्यापार दोगुना हुआ।", "पिछले वर्षों"),
        ("हाल के महीनों में तनाव बढ़ा है।", "हाल के महीनों"),
    ],
)
def test_durations_are_not_dates(hi: TimeTagger, text: str, span: str) -> None:
    e = one(hi, text)
    assert (e.text, e.kind) == (span, "duration")
    assert (e.value, e.granularity, e.basis, e.recurrence, e.begin, e.finish) == (None,) * 6


@pytest.mark.parametrize(
    ("text", "granularity"),
    [
        ("24 मार्च को लावरोव ने बयान दिया।", "day"),
        ("मंत्री ने कल बयान दिया।", "day"),
        ("गुरुवार को वार्ता हुई।", "day"),
        ("पिछले साल समझौता हुआ।", "year"),
        ("पिछले सप्ताह समझौता हुआ।", "week"),
        ("जुलाई में समझौता हुआ।", "month"),
        ("दो दिन पहले समझौता हुआ।", "day"),
        ("15 तारीख को समझौता हुआ।", "day"),
        ("गणतंत्र दिवस पर परेड हुई।", "day"),
    ],
)
def test_without_publication_date_relative_values_stay_unknown(
    hi: TimeTagger, text: str, granularity: str
) -> None:
    e = one(hi, text, published=None)
    assert (e.value, e.basis, e.begin, e.finish, e.kind) == (None, None, None, None, "date")
    assert e.granularity == granularity


def test_without_publication_date_explicit_values_stay(hi: TimeTagger) -> None:
    assert one(hi, "24 मार्च 2019 को वार्ता हुई।", None).value == "2019-03-24"
    assert one(hi, "जुलाई 2024 में दौरा हुआ।", None).value == "2024-07"
    assert one(hi, "2019 में दौरा हुआ।", None).value == "2019"
    assert one(hi, "76वें गणतंत्र दिवस पर परेड हुई।", None).value == "2025-01-26"
    assert one(hi, "हर साल मेला लगता है।", None).recurrence == "P1Y"
