"""Hindi calendar dates: given in full, or with the year (or month) left to the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from ghatna.timex import TimeTagger
from tests.timex.helpers import PUB, find


def dates(tagger: TimeTagger, text: str, published: date | None = PUB) -> list[tuple[str, str | None]]:
    return [(e.text, e.value) for e in find(tagger, text, published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("विदेश सचिव ने 24 मार्च 2019 को वाशिंगटन में वार्ता की थी।", ("24 मार्च 2019", "2019-03-24")),
        ("समझौते पर 24 मार्च, 2019 को हस्ताक्षर हुए।", ("24 मार्च, 2019", "2019-03-24")),
        ("नया कानून 1 जनवरी से लागू हुआ।", ("1 जनवरी", "2025-01-01")),
        ("संधि पंद्रह अगस्त 1947 को लागू हुई थी।", ("पंद्रह अगस्त 1947", "1947-08-15")),
        ("नई दरें पहली अप्रैल से लागू होंगी।", ("पहली अप्रैल", "2025-04-01")),
        ("आयोग की रिपोर्ट 05/02/2021 को जारी हुई।", ("05/02/2021", "2021-02-05")),
        ("बैठक 2023-11-07 को हुई थी।", ("2023-11-07", "2023-11-07")),
    ],
)
def test_day_month_year(hi: TimeTagger, text: str, expected: tuple[str, str]) -> None:
    (e,) = find(hi, text)
    assert (e.text, e.value) == expected
    assert (e.granularity, e.basis, e.kind) == ("day", "explicit", "date")
    assert e.begin == e.finish == date.fromisoformat(expected[1])


def test_day_and_month_take_the_year_from_publication(hi: TimeTagger) -> None:
    (e,) = find(hi, "24 मार्च को राजदूत ने प्रधानमंत्री से मुलाकात की।")
    assert (e.text, e.value, e.basis) == ("24 मार्च", "2025-03-24", "explicit")
    # a past event dated after the publication day belongs to last year ...
    assert dates(hi, "28 दिसंबर को दोनों नेताओं ने फोन पर बात की थी।", date(2025, 1, 10)) == [
        ("28 दिसंबर", "2024-12-28")
    ]
    # ... and a coming one dated before it to next year
    assert dates(hi, "5 जनवरी को विदेश मंत्री ढाका जाएंगे।", date(2024, 12, 20)) == [("5 जनवरी", "2025-01-05")]
    # "समाप्त हो रहा है": present tense, the nearer 22 February
    assert dates(hi, "संसद का कार्यकाल 22 फरवरी को समाप्त हो रहा है।", date(2025, 1, 15)) == [
        ("22 फरवरी", "2025-02-22")
    ]


def test_ranges_cover_every_day(hi: TimeTagger) -> None:
    (e,) = find(hi, "सम्मेलन 24-25 मार्च 2019 को दिल्ली में हुआ।")
    assert (e.text, e.value, e.begin, e.finish) == (
        "24-25 मार्च 2019",
        "2019-03-24",
        date(2019, 3, 24),
        date(2019, 3, 25),
    )
    (e,) = find(hi, "प्रदर्शनी 30 नवंबर से 2 दिसंबर 2024 तक चली।")
    assert (e.begin, e.finish) == (date(2024, 11, 30), date(2024, 12, 2))
    (e,) = find(hi, "7 और 8 जनवरी को बारिश हुई थी।")
    assert (e.value, e.finish) == ("2025-01-07", date(2025, 1, 8))


def test_year_named_with_the_date(hi: TimeTagger) -> None:
    assert dates(hi, "पिछले वर्ष 19 दिसंबर को हिंसा हुई थी।") == [("पिछले वर्ष 19 दिसंबर", "2024-12-19")]
    assert dates(hi, "इस साल 12 से 15 मई तक मेला लगेगा।") == [("इस साल 12 से 15 मई", "2025-05-12")]
    assert dates(hi, "आगामी 13 अप्रैल को मतदान होगा।") == [("आगामी 13 अप्रैल", "2025-04-13")]


def test_month_and_year(hi: TimeTagger) -> None:
    (e,) = find(hi, "प्रधानमंत्री ने जुलाई 2024 में मास्को का दौरा किया।")
    assert (e.text, e.value, e.granularity, e.basis) == ("जुलाई 2024", "2024-07", "month", "explicit")
    assert (e.begin, e.finish) == (date(2024, 7, 1), date(2024, 7, 31))
    assert dates(hi, "फरवरी, 2024 में चुनाव हुए।") == [("फरवरी, 2024", "2024-02")]
    (e,) = find(hi, "फरवरी 2024 में चुनाव हुए।")
    assert e.finish == date(2024, 2, 29)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("जुलाई में दोनों देशों ने समझौता किया था।", PUB, "2024-07"),  # past: last July
        ("जुलाई में शिखर सम्मेलन होगा।", PUB, "2025-07"),
        ("जनवरी में दोनों नेता मिले थे।", PUB, "2025-01"),
        ("फरवरी में चुनाव होंगे।", date(2025, 10, 5), "2026-02"),  # future: next February
        ("नवम्बर में पदभार ग्रहण करने के बाद उन्होंने भारत यात्रा की थी।", date(2020, 1, 8), "2019-11"),
        ("पिछले नवंबर में उन्होंने अर्जी दी थी।", PUB, "2024-11"),
        ("अगले वर्ष मार्च में मेला लगेगा।", PUB, "2026-03"),
        ("पिछले साल जुलाई के अंत में बाढ आई थी।", PUB, "2024-07"),
    ],
)
def test_month_alone(hi: TimeTagger, text: str, published: date, expected: str) -> None:
    (e,) = find(hi, text, published)
    assert (e.value, e.granularity, e.basis) == (expected, "month", "explicit")


def test_a_month_name_needs_a_cue(hi: TimeTagger) -> None:
    assert find(hi, "किसानों ने संसद तक मार्च निकाला।") == []
    assert find(hi, "सरकार ने मई दिवस पर छुट्टी दी।") == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("उन्होंने 2019 में एक सम्मेलन में भाग लिया।", "2019", "2019"),
        ("वर्ष 2019 में व्यापार बढ़ा।", "वर्ष 2019", "2019"),
        ("सन 1971 में युद्ध हुआ।", "सन 1971", "1971"),
        ("सन् 1857 की क्रांति", "सन् 1857", "1857"),
        ("साल 2010 में नेटवर्क शुरू हुआ।", "साल 2010", "2010"),
        ("यह सिलसिला 2014 से जारी है।", "2014", "2014"),
        ("लक्ष्य 2030 तक पूरा होगा।", "2030", "2030"),
    ],
)
def test_year(hi: TimeTagger, text: str, span: str, value: str) -> None:
    (e,) = find(hi, text)
    assert (e.text, e.value, e.granularity, e.basis) == (span, value, "year", "explicit")
    assert (e.begin, e.finish) == (date(int(value), 1, 1), date(int(value), 12, 31))


@pytest.mark.parametrize(
    "text",
    [
        "रैली में 2000 से अधिक लोग शामिल हुए।",
        "हादसे में 2019 लोगों को बचाया गया।",
        "खाड़ी में 750 और सैनिक भेजे जा रहे हैं।",
        "वर्ष 2019-20 के बजट में वृद्धि हुई।",
        "उन्होंने 1500 में से 900 वोट जीते।",
    ],
)
def test_numbers_that_are_not_years(hi: TimeTagger, text: str) -> None:
    assert find(hi, text) == []


def test_decade(hi: TimeTagger) -> None:
    (e,) = find(hi, "1990 के दशक में उदारीकरण हुआ।")
    assert (e.text, e.value, e.granularity) == ("1990 के दशक", "199", "decade")
    assert (e.begin, e.finish) == (date(1990, 1, 1), date(1999, 12, 31))


def test_day_of_the_month(hi: TimeTagger) -> None:
    (e,) = find(hi, "इस विवाद पर 15 तारीख को बैठक हुई थी।")
    assert (e.text, e.value, e.basis) == ("15 तारीख", "2025-03-15", "relative")
    assert dates(hi, "इस महीने की 30 तारीख को परिणाम घोषित किए जाएंगे।") == [
        ("इस महीने की 30 तारीख", "2025-03-30")
    ]
    assert dates(hi, "पिछले महीने की 26 तारीख को बैठक हुई।") == [("पिछले महीने की 26 तारीख", "2025-02-26")]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("भारत के 76 वें गणतंत्र दिवस पर बधाई दी गई।", "76 वें गणतंत्र दिवस", "2025-01-26"),
        ("76वें गणराज्य दिवस के अवसर पर परेड हुई।", "76वें गणराज्य दिवस", "2025-01-26"),
        ("देश ने 78वां स्वतंत्रता दिवस मनाया।", "78वां स्वतंत्रता दिवस", "2024-08-15"),
        ("150वीं गांधी जयंती पर कार्यक्रम हुए।", "150वीं गांधी जयंती", "2019-10-02"),
        ("गणतंत्र दिवस के मौके पर राष्ट्रपति ने भाषण दिया।", "गणतंत्र दिवस", "2025-01-26"),
    ],
)
def test_named_days(hi: TimeTagger, text: str, span: str, value: str) -> None:
    (e,) = find(hi, text)
    assert (e.text, e.value, e.granularity, e.basis) == (span, value, "day", "explicit")


def test_named_day_without_ordinal_by_tense(hi: TimeTagger) -> None:
    before = date(2025, 1, 10)
    assert dates(hi, "वह गणतंत्र दिवस परेड में मुख्य अतिथि होंगे।", before) == [("गणतंत्र दिवस", "2025-01-26")]
    assert dates(hi, "वह गणतंत्र दिवस परेड में मुख्य अतिथि थे।", before) == [("गणतंत्र दिवस", "2024-01-26")]
    assert dates(hi, "नए साल के मौके पर आतिशबाजी हुई।", date(2025, 1, 2)) == [("नए साल", "2025-01-01")]
    assert dates(hi, "नववर्ष की पूर्व संध्या पर जश्न मनाया गया।", date(2025, 1, 2)) == [
        ("नववर्ष की पूर्व संध्या", "2024-12-31")
    ]


def test_lunar_festivals_are_not_dated(hi: TimeTagger) -> None:
    assert find(hi, "होली और दिवाली पर बाजारों में रौनक रही।") == []
