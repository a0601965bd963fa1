from datetime import date

from ghatna.stages.quotes import pair_quotes
from tests.conftest import assert_spans


def test_the_stage_still_offers_the_pairing_others_use():
    text = 'उन्होंने कहा, “हम तैयार हैं।” और "ठीक है"'
    spans, unpaired = pair_quotes(text)
    assert [text[s:e] for s, e in spans] == ["हम तैयार हैं।", "ठीक है"]
    assert unpaired == []


def test_speaker_before_and_after_the_quote(pipeline):
    text = ("रूसी विदेश मंत्री सर्गेई लावरोव ने कहा, “भारत हमारा मित्र है।” "
            "“हम शांति चाहते हैं,” चीन के विदेश मंत्री वांग यी ने कहा।")
    doc = pipeline.extract(text, published=date(2023, 5, 1), lang="hi")
    assert_spans(doc)
    got = {q.text: q.speaker.name if q.speaker else None for q in doc.quotes}
    assert got == {"भारत हमारा मित्र है।": "Sergey Lavrov", "हम शांति चाहते हैं,": "Wang Yi"}


def test_unbalanced_quote_flag_lowers_confidence(pipeline):
    text = "अमरीका ने ईरान पर नए प्रतिबंध लगाए। राष्ट्रपति ने कहा, “यह जरूरी था।"
    doc = pipeline.extract(text, published=date(2020, 1, 3), lang="hi")
    assert any(f.code == "unbalanced_quotes" for f in doc.flags)


def test_speaker_by_according_to_and_by_verbal_noun(pipeline):
    text = ("संयुक्त राष्ट्र के मुताबिक, “राहत सामग्री पहुंच गई है।” "
            "ईरान के विदेश मंत्री का कहना है, “हम बातचीत के लिए तैयार हैं।”")
    doc = pipeline.extract(text, published=date(2020, 1, 9), lang="hi")
    assert_spans(doc)
    got = {q.text: q.speaker.country if q.speaker else None for q in doc.quotes}
    assert got["हम बातचीत के लिए तैयार हैं।"] == "IRN"
    assert [q.speaker.name for q in doc.quotes if q.text.startswith("राहत")] == ["United Nations"]
