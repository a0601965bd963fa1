from datetime import date


def test_repeated_ngram_flags_the_sentence_and_its_events(pipeline):
    text = ("अमरीका ने ईरान पर प्रतिबंध लगाए, राष्ट्रपति ने कहा कि ईरान पर प्रतिबंध लगाए राष्ट्रपति ने कहा कि "
            "ईरान पर प्रतिबंध लगाए।")
    doc = pipeline.extract(text, published=date(2020, 1, 3), lang="hi")
    assert any(f.code == "repeated_ngram" for f in doc.flags)
    clean = pipeline.extract("अमरीका ने ईरान पर प्रतिबंध लगाए।", published=date(2020, 1, 3), lang="hi")
    assert doc.events and clean.events
    assert "repeated_ngram" in doc.events[0].flags
    assert doc.events[0].confidence < clean.events[0].confidence


def test_mixed_script_sentence(pipeline):
    doc = pipeline.extract("यह एक test sentence है which has many English words in it", lang="hi")
    assert any(f.code == "mixed_script" for f in doc.flags)


def test_legacy_font_text_is_flagged(pipeline):
    doc = pipeline.extract("Hkkjr ds iz/kkuea=h us dgk fd ;g ,d egRoiw.kZ fnu gS] vkSj ;g [kcj gS ^^vPNh** ckr", lang="hi")
    assert any(f.code == "legacy_font" for f in doc.flags)


def test_overlong_sentence_is_flagged_once_and_lowers_confidence_of_its_events(pipeline):
    clause = "अमरीका ने ईरान पर प्रतिबंध लगाए, "
    text = clause * 120 + "अंत।\nभारत ने चीन की निंदा की।"  # one sentence of 4,000 characters, then a short one
    doc = pipeline.extract(text, published=date(2020, 1, 3), lang="hi")
    flags = [f for f in doc.flags if f.code == "long_sentence"]
    assert len(flags) == 1
    assert flags[0].start == 0 and text[flags[0].end - 4 : flags[0].end] == "अंत।"
    long_events = [e for e in doc.events if e.evidence[0].start < flags[0].end]
    assert long_events and all("long_sentence" in e.flags for e in long_events)
    assert not any("long_sentence" in e.flags for e in doc.events if e.evidence[0].start > flags[0].end)
