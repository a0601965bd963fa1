"""Hindi quotes and their speakers: sentences written for these tests, one case each.

Every quote's offsets and every speaker's offsets point at the text they claim (assert_spans).
"""

from datetime import date

import pytest

from tests.conftest import assert_spans

DAY = date(2023, 5, 1)


def _quotes(pipeline, text):
    doc = pipeline.extract(text, published=DAY, lang="hi")
    assert_spans(doc)
    for q in doc.quotes:
        assert doc.text[q.start:q.end] == q.text
        assert q.speaker is not None and q.speaker_span is not None
        assert doc.text[q.speaker_span.start:q.speaker_span.end] == q.speaker_span.text
    return doc.quotes


def _said(pipeline, text):
    """{quote text: (speaker country, speaker span text)}"""
    return {q.text: (q.speaker.country, q.speaker_span.text) for q in _quotes(pipeline, text)}


# -- where the speaker stands ----------------------------------------------------------------

def test_speaker_before_the_quote(pipeline):
    text = "रूसी विदेश मंत्री सर्गेई लावरोव ने कहा, 'भारत के साथ हमारे रिश्ते मजबूत हैं।'"
    [q] = _quotes(pipeline, text)
    assert (q.text, q.speaker.name) == ("भारत के साथ हमारे रिश्ते मजबूत हैं।", "Sergey Lavrov")
    assert q.speaker_span.text == "रूसी विदेश मंत्री सर्गेई लावरोव"


def test_speaker_after_the_quote(pipeline):
    text = "''हम बातचीत जारी रखेंगे,'' जापान के प्रधानमंत्री ने कहा।"
    assert _said(pipeline, text) == {"हम बातचीत जारी रखेंगे,": ("JPN", "जापान के प्रधानमंत्री")}


def test_speaker_around_the_quote(pipeline):
    text = "चीन के विदेश मंत्री वांग यी दिल्ली पहुंचे। “सीमा पर शांति है,” उन्होंने कहा, “और हम इसे बनाए रखेंगे।”"
    quotes = _quotes(pipeline, text)
    assert [(q.text, q.speaker.name, q.speaker_span.text) for q in quotes] == [
        ("सीमा पर शांति है,", "Wang Yi", "उन्होंने"), ("और हम इसे बनाए रखेंगे।", "Wang Yi", "उन्होंने")]


def test_speaker_of_a_present_tense_verb(pipeline):
    text = "नेपाल में चुनाव हुए। काठमांडू के कारोबारी रमेश गुप्ता कहते हैं, ‘‘बाजार खुल गए हैं।’’"
    [q] = _quotes(pipeline, text)
    assert q.text == "बाजार खुल गए हैं।" and q.speaker.country == "NPL" and q.speaker.kind == "person"
    assert q.speaker_span.text.endswith("रमेश गुप्ता")


def test_speaker_of_a_verbal_noun(pipeline):
    text = "बांग्लादेश में बाढ़ आई। ढाका के डॉक्टर अनवर हुसैन का कहना है, \"अस्पताल भर गए हैं।\""
    [q] = _quotes(pipeline, text)
    assert q.text == "अस्पताल भर गए हैं।" and q.speaker.country == "BGD"
    assert q.speaker_span.text.endswith("अनवर हुसैन")


def test_speaker_by_according_to_and_by_what_they_said_it_in(pipeline):
    text = ("संयुक्त राष्ट्र के मुताबिक, “राहत सामग्री पहुंच गई है।” "
            "विश्व बैंक की रिपोर्ट के अनुसार, \"विकास दर घटेगी।\"")
    quotes = _quotes(pipeline, text)
    assert [(q.text, q.speaker.name, q.speaker_span.text) for q in quotes] == [
        ("राहत सामग्री पहुंच गई है।", "United Nations", "संयुक्त राष्ट्र"),
        ("विकास दर घटेगी।", "World Bank", "विश्व बैंक")]


def test_a_passive_verb_of_saying_is_said_by_the_owner_of_the_statement(pipeline):
    text = "भारतीय विदेश मंत्रालय के बयान में कहा गया है कि ‘दोनों देश सहयोग बढ़ाएंगे।’"
    assert _said(pipeline, text) == {"दोनों देश सहयोग बढ़ाएंगे।": ("IND", "भारतीय विदेश मंत्रालय")}


def test_a_noun_of_saying_with_a_light_verb(pipeline):
    text = "अमेरिकी राष्ट्रपति ने ट्वीट किया, “हम अपने साथियों के साथ हैं।”"
    assert _said(pipeline, text) == {"हम अपने साथियों के साथ हैं।": ("USA", "अमेरिकी राष्ट्रपति")}
    text = "ढाका में छात्रों का आंदोलन तेज हुआ। प्रदर्शनकारी लगातार बयान दे रहे हैं, जैसे 'हम पीछे नहीं हटेंगे', 'सरकार जवाब दे'।"
    assert _said(pipeline, text) == {"हम पीछे नहीं हटेंगे": ("BGD", "प्रदर्शनकारी"),
                                     "सरकार जवाब दे": ("BGD", "प्रदर्शनकारी")}


# -- speakers by description, unknown names, pronouns ------------------------------------------

def test_a_spokesperson_described_not_named(pipeline):
    text = "नेपाल में बाढ़ आई है। नेपाल के गृह मंत्रालय के एक प्रवक्ता ने कहा, \"राहत का काम जारी है।\""
    [q] = _quotes(pipeline, text)
    assert q.speaker.country == "NPL" and q.speaker.kind == "person" and "spokesperson" in q.speaker.name
    assert q.speaker_span.text == "नेपाल के गृह मंत्रालय के एक प्रवक्ता"


def test_a_senior_official_described_not_named(pipeline):
    text = "श्रीलंका में बंदरगाह पर हड़ताल हुई। एक वरिष्ठ अधिकारी ने पत्रकारों से कहा, ‘हालात काबू में हैं।’"
    [q] = _quotes(pipeline, text)
    assert q.text == "हालात काबू में हैं।" and q.speaker.country == "LKA" and q.speaker.sector == "GOV"
    assert "अधिकारी" in q.speaker_span.text


def test_unknown_name_then_surname_then_pronoun_are_one_speaker(pipeline):
    text = ("श्रीलंका में बंदरगाह पर हड़ताल हुई। मछुआरे सुनील परेरा कहते हैं, “हमारी नावें लौट आईं।” "
            "बाद में परेरा ने कहा, 'अब काम शुरू होगा।' वह कहते हैं, 'सरकार ने मदद की।'")
    quotes = _quotes(pipeline, text)
    assert [q.speaker_span.text for q in quotes] == ["सुनील परेरा", "परेरा", "वह"]
    assert len({q.speaker.id for q in quotes}) == 1
    assert quotes[0].speaker.country == "LKA" and "Sunil" in quotes[0].speaker.name


def test_an_unknown_name_takes_the_country_its_phrase_names(pipeline):
    text = "भारत और पाकिस्तान में बातचीत हुई। पाकिस्तान के पत्रकार हामिद अली ने कहा, “बातचीत जरूरी है।”"
    [q] = _quotes(pipeline, text)
    assert q.speaker.country == "PAK" and q.speaker_span.text.endswith("हामिद अली")


def test_the_spoken_pronoun_means_the_last_speaker(pipeline):
    text = ("नेपाल में चुनाव हुए। काठमांडू के कारोबारी रमेश गुप्ता कहते हैं, “बाजार खुल गए हैं।” "
            "वो कहते हैं, “अब निवेश आएगा।”")
    quotes = _quotes(pipeline, text)
    assert [q.speaker_span.text for q in quotes][1] == "वो"
    assert quotes[0].speaker == quotes[1].speaker and quotes[1].speaker.country == "NPL"


def test_a_newspaper_is_no_person_and_no_pronoun_means_it(pipeline):
    text = ("अमरीका में तूफ़ान आया। लॉस एंजिलिस टाइम्स के अनुसार, 'सैकड़ों घर टूटे हैं।' "
            "वो कहते हैं, 'मदद पहुंच रही है।'")
    quotes = _quotes(pipeline, text)
    assert quotes[0].speaker.kind == "organization" and quotes[0].speaker.sector == "MED"
    assert quotes[0].speaker.country == "USA" and quotes[0].speaker_span.text.endswith("टाइम्स")
    assert all(q.speaker != quotes[0].speaker for q in quotes[1:])


def test_a_pronoun_resolved_as_the_actors_stage_resolved_it(pipeline):
    text = "प्रधानमंत्री नरेंद्र मोदी ने मंगलवार को रैली की। उन्होंने कहा, 'देश आगे बढ़ रहा है।'"
    doc = pipeline.extract(text, published=DAY, lang="hi")
    [q] = doc.quotes
    [pron] = [m for m in doc.mentions if m.kind == "pronoun"]
    assert q.speaker == pron.entities[0] and q.speaker.name == "Narendra Modi"
    assert (q.speaker_span.start, q.speaker_span.end) == (pron.start, pron.end)


def test_a_generic_agent_takes_the_country_of_the_place_its_phrase_names(pipeline):
    text = "पाकिस्तान और भारत में तनाव है। पाकिस्तान ने बयान दिया। दिल्ली पुलिस के एक अधिकारी ने कहा, 'कोई खतरा नहीं है।'"
    assert _said(pipeline, text) == {"कोई खतरा नहीं है।": ("IND", "अधिकारी")}


def test_a_pronoun_after_reported_speech_means_its_speaker(pipeline):
    text = ("पाकिस्तान और भारत में तनाव है। पाकिस्तान ने बयान दिया। "
            "दिल्ली के एक पुलिस अधिकारी का मानना है कि हालात सामान्य हैं. वह कहते हैं, 'कोई खतरा नहीं है।'")
    assert _said(pipeline, text) == {"कोई खतरा नहीं है।": ("IND", "वह")}


# -- quotes over sentences, continued, reported, called ----------------------------------------

def test_a_quote_spanning_sentences_and_a_quote_that_continues_it(pipeline):
    text = "चीन के विदेश मंत्री वांग यी ने कहा, 'बातचीत अच्छी रही।' 'हम फिर मिलेंगे। दोनों पक्ष तैयार हैं।'"
    quotes = _quotes(pipeline, text)
    assert [(q.text, q.speaker.name) for q in quotes] == [
        ("बातचीत अच्छी रही।", "Wang Yi"), ("हम फिर मिलेंगे। दोनों पक्ष तैयार हैं।", "Wang Yi")]


def test_a_quote_in_reported_speech(pipeline):
    text = "चीन के विदेश मंत्री वांग यी ने कहा कि दोनों देश 'नए दौर' में हैं।"
    assert _said(pipeline, text) == {"नए दौर": ("CHN", "चीन के विदेश मंत्री वांग यी")}


def test_what_a_speaker_called_something(pipeline):
    assert _said(pipeline, "ईरान ने इस हमले को 'कायराना' बताया।") == {"कायराना": ("IRN", "ईरान")}


def test_a_quote_opening_its_sentence_after_a_verb_of_saying(pipeline):
    text = ("जर्मन चांसलर ने बर्लिन में यह भी कहा कि यूरोप को एकजुट रहना चाहिए. "
            "\"हम किसी को अकेला नहीं छोड़ेंगे और मिलकर आगे बढ़ेंगे.\"")
    [q] = _quotes(pipeline, text)
    assert q.speaker.country == "DEU" and q.speaker_span.text == "जर्मन चांसलर"


def test_nested_quotes_are_part_of_the_quote_that_holds_them(pipeline):
    text = "भारत के विदेश मंत्री ने कहा, “सरकार ने इसे ‘जरूरी कदम’ बताया है।”"
    quotes = _quotes(pipeline, text)
    assert [q.text for q in quotes] == ["सरकार ने इसे ‘जरूरी कदम’ बताया है।"]


# -- what is not a quote ------------------------------------------------------------------------

def test_titles_and_scare_quotes_have_no_speaker(pipeline):
    assert _quotes(pipeline, "'शांति की राह' नामक किताब का विमोचन हुआ। सरकार की 'नई नीति' पर बहस जारी है।") == []


def test_a_headline_before_a_reported_clause_is_not_what_it_reports(pipeline):
    text = "नेपाल में चुनाव हुए।\n'नतीजे कल आएंगे'उन्होंने आगे कहा कि मतगणना जारी है।"
    assert _quotes(pipeline, text) == []


@pytest.mark.parametrize("opening,closing", [
    ('"', '"'), ("'", "'"), ("''", "''"), ("“", "”"), ("‘", "’"), ("‘‘", "’’"), ("«", "»"), ('"', "''")])
def test_every_quotation_mark_style(pipeline, opening, closing):
    text = f"ब्रिटेन के प्रधानमंत्री ने लंदन में कहा, {opening}हम यूक्रेन के साथ हैं।{closing}"
    assert _said(pipeline, text) == {"हम यूक्रेन के साथ हैं।": ("GBR", "ब्रिटेन के प्रधानमंत्री")}


def test_unbalanced_quote_is_flagged(pipeline):
    doc = pipeline.extract("अमरीका ने ईरान पर नए प्रतिबंध लगाए। राष्ट्रपति ने कहा, “यह जरूरी था।", published=DAY, lang="hi")
    assert any(f.code == "unbalanced_quotes" for f in doc.flags) and doc.quotes == []
