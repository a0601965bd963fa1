from ghatna.text.normalize import normalize
from ghatna.text.segment import segment


def _seg(raw):
    norm, mapping = normalize(raw)
    return segment(raw, norm, mapping)


def test_danda_question_and_lines_split_sentences():
    raw = "पहला शीर्षक बिना डंडे के\nमोदी ने बात की। क्या वे आएंगे? हाँ!"
    sents, toks = _seg(raw)
    assert [s.text for s in sents] == ["पहला शीर्षक बिना डंडे के", "मोदी ने बात की।", "क्या वे आएंगे?", "हाँ!"]
    assert sents[0].is_headline and not sents[1].is_headline
    for s in sents:
        assert raw[s.start : s.end] == s.text
    for t in toks:
        assert raw[t.start : t.end] == t.text


def test_closing_quote_stays_with_its_sentence():
    raw = "उन्होंने कहा, “हम तैयार हैं।” फिर वे चले गए।"
    sents, _ = _seg(raw)
    assert sents[0].text.endswith("।”")
    assert sents[1].text == "फिर वे चले गए।"


def test_english_abbreviations_do_not_split():
    raw = "Mr. Blinken met U.S. officials on Jan. 5. They discussed Ukraine."
    sents, _ = _seg(raw)
    assert len(sents) == 2
    assert sents[1].text == "They discussed Ukraine."


def test_tokens_carry_offsets_through_zero_width_joiners():
    raw = "अमरीकी हमले में हत्\u200dया"
    _, toks = _seg(raw)
    assert [t.text for t in toks] == ["अमरीकी", "हमले", "में", "हत्\u200dया"]
    assert toks[-1].norm == "हत्या"


def test_full_stop_without_space_in_hindi_web_text():
    raw = "पुलिस ने आरोप लगाया है.चीन के मीडिया ने कहा कि वे जांच करेंगे."
    sents, _ = _seg(raw)
    assert [s.text for s in sents] == ["पुलिस ने आरोप लगाया है.", "चीन के मीडिया ने कहा कि वे जांच करेंगे."]


def test_decimal_numbers_do_not_split():
    sents, _ = _seg("विकास दर 7.5 प्रतिशत रही। अगला वाक्य।")
    assert len(sents) == 2
