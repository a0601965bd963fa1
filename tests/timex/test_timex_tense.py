"""infer_tense: the verb's tense, which decides कल (yesterday/tomorrow) and bare weekdays."""

from __future__ import annotations

import pytest

from ghatna.timex import TimeTagger, infer_tense


@pytest.mark.parametrize(
    ("text", "tense"),
    [
        ("संसद में बयान दिया।", "past"),
        ("संसद में बयान देंगे।", "future"),
        ("कहा कि वे जल्द मिलेंगे।", "past"),  # the verb of the clause comes first
        ("दिल्ली पहुंचेंगे और वार्ता करेंगे।", "future"),
        ("विधेयक पेश किया जाएगा।", "future"),
        ("मामले की जांच की जा रही है।", "present"),
        ("प्रतिनिधिमंडल दिल्ली पहुंच रहा है।", "present"),
        ("रैली में भाग लेने वाले हैं।", "future"),
        ("हमले में दो जवान मारे गए थे।", "past"),
        ("सुबह मुलाकात की, फिर लौट आए।", "past"),
        ("भारत की विदेश नीति पर चर्चा होगी।", "future"),  # "की" before a noun is "of"
        ("सहयोगी देशों के साथ बैठक होगी।", "future"),  # सहयोगी is not a future verb
        ("योगी आदित्यनाथ लखनऊ में", None),
        ("", None),
    ],
)
def test_hindi(text: str, tense: str | None) -> None:
    assert infer_tense(text, "hi") == tense


@pytest.mark.parametrize(
    ("text", "tense"),
    [
        ("The President will travel to Paris.", "future"),
        ("The President is to visit Japan.", "future"),
        ("He plans to visit Japan.", "future"),
        ("The leaders met in Paris.", "past"),
        ("The two sides signed an agreement.", "past"),
        ("The minister said talks would resume.", "past"),
        ("The United Nations armed forces", None),
        ("The envoy is in Geneva.", "present"),
    ],
)
def test_english(text: str, tense: str | None) -> None:
    assert infer_tense(text, "en") == tense


def test_the_tagger_and_the_function_agree() -> None:
    tagger = TimeTagger.load("hi")
    for text in ("बयान देंगे।", "बयान दिया।", "बयान दे रहे हैं।"):
        assert tagger.infer_tense(text) == infer_tense(text, "hi")
