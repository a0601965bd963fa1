"""Hindi expressions counted from the publication date: आज/कल/परसों, weekdays, पिछले/इस/अगले."""

from __future__ import annotations

from datetime import date

import pytest

from ghatna.timex import TimeTagger
from tests.timex.helpers import PUB, find, one


def test_today(hi: TimeTagger) -> None:
    e = one(hi, "रक्षा मंत्री ने आज अमरीकी समकक्ष से फोन पर बात की।")
    assert (e.text, e.value, e.granularity, e.basis) == ("आज", "2025-03-28", "day", "relative")
    assert (e.begin, e.finish) == (PUB, PUB)
    assert one(hi, "विदेश मंत्री आज शाम दिल्ली पहुंचेंगे।").text == "आज शाम"


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("मंत्री ने कल संसद में बयान दिया।", "कल", "2025-03-27"),
        ("पेंटागन ने कल कहा कि सैनिक भेजे जाएंगे।", "कल", "2025-03-27"),
        ("कल रात हुए हमले में दो जवान घायल हो गए थे।", "कल रात", "2025-03-27"),
        ("अधिकारियों ने कल आंदोलनकारियों से अपील की, कि वे शांत रहें।", "कल", "2025-03-27"),
        ("मंत्री कल संसद में बयान देंगे।", "कल", "2025-03-29"),
        ("यह विधेयक कल लोकसभा में पेश किया जाएगा।", "कल", "2025-03-29"),
        ("कल वार्ता के बाद प्रतिनिधिमंडल की यात्रा समाप्त होगी।", "कल", "2025-03-29"),
        ("राष्ट्रपति कल सुबह ढाका पहुंच रहे हैं।", "कल सुबह", "2025-03-29"),
        ("परसों दोनों पक्षों के बीच बैठक हुई थी।", "परसों", "2025-03-26"),
        ("परसों दोनों पक्षों के बीच बैठक होगी।", "परसों", "2025-03-30"),
    ],
)
def test_kal_and_parson_follow_the_verb(hi: TimeTagger, text: str, span: str, value: str) -> None:
    e = one(hi, text)
    assert (e.text, e.value, e.basis) == (span, value, "relative")


def test_kal_is_not_inside_other_words(hi: TimeTagger) -> None:
    assert find(hi, "आजकल कलकत्ता में सकल घरेलू उत्पाद पर चर्चा होती है।") == []


@pytest.mark.parametrize(
    ("text", "published", "span", "value"),
    [
        ("गुरुवार को दोनों देशों के बीच वार्ता हुई।", PUB, "गुरुवार", "2025-03-27"),
        ("बृहस्पतिवार को दोनों देशों के बीच वार्ता हुई।", PUB, "बृहस्पतिवार", "2025-03-27"),
        # published on a Friday, "शुक्रवार को ... हुई" is the Friday before (that day would be आज)
        ("शुक्रवार को संसद में हंगामा हुआ।", PUB, "शुक्रवार", "2025-03-21"),
        ("रविवार की रात उग्रवादियों ने चौकी पर हमला किया था।", PUB, "रविवार की रात", "2025-03-23"),
        ("सोमवार को प्रधानमंत्री जापान जाएंगे।", PUB, "सोमवार", "2025-03-31"),
        ("बुधवार को होने वाली बैठक में सभी दल शामिल होंगे।", PUB, "बुधवार", "2025-04-02"),
        # across a year boundary, both ways, and onto a leap day
        ("सोमवार को राजदूत ने विदेश मंत्री से भेंट की।", date(2025, 1, 1), "सोमवार", "2024-12-30"),
        ("रविवार को चुनाव होंगे।", date(2024, 12, 30), "रविवार", "2025-01-05"),
        ("गुरुवार को बैठक हुई थी।", date(2024, 3, 1), "गुरुवार", "2024-02-29"),
        ("पिछले शनिवार को रैली हुई।", PUB, "पिछले शनिवार", "2025-03-22"),
        ("अगले मंगलवार को रैली होगी।", PUB, "अगले मंगलवार", "2025-04-01"),
        ("पिछले सप्ताह गुरुवार को समझौता हुआ।", PUB, "पिछले सप्ताह गुरुवार", "2025-03-20"),
    ],
)
def test_weekdays(hi: TimeTagger, text: str, published: date, span: str, value: str) -> None:
    e = one(hi, text, published)
    assert (e.text, e.value, e.granularity, e.basis) == (span, value, "day", "relative")


@pytest.mark.parametrize(
    ("text", "published", "span", "value", "granularity"),
    [
        ("पिछले साल दोनों देशों ने समझौता किया था।", PUB, "पिछले साल", "2024", "year"),
        ("पिछले वर्ष निर्यात घटा।", PUB, "पिछले वर्ष", "2024", "year"),
        ("इस साल चुनाव होंगे।", PUB, "इस साल", "2025", "year"),
        ("अगले साल शिखर सम्मेलन होगा।", PUB, "अगले साल", "2026", "year"),
        ("इस वर्ष की शुरुआत में दोनों नेता मिले।", PUB, "इस वर्ष की शुरुआत", "2025", "year"),
        ("पिछले महीने समझौता हुआ।", PUB, "पिछले महीने", "2025-02", "month"),
        ("पिछले माह समझौता हुआ।", date(2025, 1, 15), "पिछले माह", "2024-12", "month"),
        ("इस महीने संसद का सत्र शुरू होगा।", PUB, "इस महीने", "2025-03", "month"),
        ("अगले महीने चुनाव होंगे।", date(2024, 12, 5), "अगले महीने", "2025-01", "month"),
        ("दो दिन पहले सीमा पर गोलीबारी हुई।", PUB, "दो दिन पहले", "2025-03-26", "day"),
        ("तीन साल पहले यह पुल बना था।", PUB, "तीन साल पहले", "2022", "year"),
        ("दो महीने पहले दोनों नेता मिले थे।", PUB, "दो महीने पहले", "2025-01", "month"),
    ],
)
def test_periods_relative_to_publication(
    hi: TimeTagger, text: str, published: date, span: str, value: str, granularity: str
) -> None:
    e = one(hi, text, published)
    assert (e.text, e.value, e.granularity, e.basis, e.kind) == (span, value, granularity, "relative", "date")


def test_weeks_run_monday_to_sunday_and_belong_to_the_month_of_their_thursday(hi: TimeTagger) -> None:
    e = one(hi, "पिछले सप्ताह दोनों सेनाओं ने अभ्यास किया।")
    assert (e.value, e.granularity, e.begin, e.finish) == (
        "2025-03",
        "week",
        date(2025, 3, 17),
        date(2025, 3, 23),
    )
    assert one(hi, "पिछले हफ्ते अभ्यास हुआ।").begin == date(2025, 3, 17)
    e = one(hi, "इस सप्ताह वार्ता होगी।", date(2025, 1, 2))
    assert (e.value, e.begin, e.finish) == ("2025-01", date(2024, 12, 30), date(2025, 1, 5))
    e = one(hi, "पिछले सप्ताह वार्ता हुई।", date(2025, 1, 2))
    assert (e.value, e.begin, e.finish) == ("2024-12", date(2024, 12, 23), date(2024, 12, 29))
    e = one(hi, "दो सप्ताह पहले वार्ता हुई।")
    assert (e.value, e.granularity, e.begin) == ("2025-03", "week", date(2025, 3, 10))


@pytest.mark.parametrize(
    "text",
    [
        "हाल ही में दोनों देशों ने समझौता किया।",
        "पिछले दिनों सीमा पर तनाव बढा।",
        "हमले के दो दिन बाद सेना पहुंची।",
        "सम्मेलन से एक दिन पहले बैठक हुई।",
        "कुछ दिन पहले यह घोषणा की गई।",
    ],
)
def test_no_date_from_vague_or_anchored_phrases(hi: TimeTagger, text: str) -> None:
    assert [e for e in find(hi, text) if e.kind == "date"] == []
