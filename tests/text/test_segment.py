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


def test_overlong_sentence_is_cut_at_clause_marks_then_commas_then_spaces():
    from ghatna.text.segment import sentence_bounds

    clause = "भारत ने रूस से बात की; " * 10  # 230 characters, clause marks every 23
    commas = "और फिर चीन, " * 30  # commas only
    bounds = sentence_bounds(clause + commas + "अंत।", max_chars=100)
    assert all(e - s <= 100 for s, e, *_ in bounds)
    assert all(cut for *_, cut in bounds)
    texts = [(clause + commas + "अंत।")[s:e] for s, e, *_ in bounds]
    assert texts[0].endswith(";") and texts[-1].endswith("अंत।")
    assert any(t.endswith(",") for t in texts)


def test_text_without_any_break_is_cut_between_letters_not_inside_one():
    from ghatna.text.segment import cut_points

    text = "कि" * 500  # a consonant and its vowel sign, 1,000 characters, no space
    pieces = cut_points(text, 0, len(text), 99)
    assert all(e - s <= 99 for s, e in pieces)
    assert all(text[s] == "क" for s, _ in pieces)  # no piece starts with a stranded vowel sign
    assert "".join(text[s:e] for s, e in pieces) == text


def test_cut_pieces_are_sentences_with_offsets_and_never_headlines():
    raw = ("भारत ने रूस से बातचीत की, " * 200).strip()  # 5,000 characters without a sentence end
    sents, toks = _seg(raw)
    assert len(sents) > 1 and all(s.cut and not s.is_headline for s in sents)
    assert all(len(s.text) <= 2000 for s in sents)
    assert "".join(t.text for t in toks) == raw.replace(" ", "")
    for s in sents:
        assert raw[s.start : s.end] == s.text


def test_ordinary_sentences_are_not_cut():
    sents, _ = _seg("मोदी ने पुतिन से बात की। " * 50)
    assert len(sents) == 50 and not any(s.cut for s in sents)


def test_hindi_titles_and_initials_do_not_split():
    raw = ("मंत्री ने ब्राज़ील के राष्ट्रपति डॉ. लुइस सिल्वा और प्रो. एस. के. वर्मा से बात की. "
           "वह कल लौटे.इसके बाद डॉ.वर्मा ने बयान दिया.")
    sents, _ = _seg(raw)
    assert [s.text for s in sents] == [
        "मंत्री ने ब्राज़ील के राष्ट्रपति डॉ. लुइस सिल्वा और प्रो. एस. के. वर्मा से बात की.",
        "वह कल लौटे.",
        "इसके बाद डॉ.वर्मा ने बयान दिया.",
    ]
