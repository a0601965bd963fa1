from ghatna.gazetteer.matcher import Entry, PhraseMatcher
from ghatna.text.normalize import normalize
from ghatna.text.segment import segment


def _tokens(raw):
    norm, mapping = normalize(raw)
    return segment(raw, norm, mapping)[1]


def _found(matcher, raw):
    toks = _tokens(raw)
    return [(" ".join(t.text for t in toks[m.tok_start : m.tok_end]), m.entries[0].ref) for m in matcher.find(toks)]


MATCHER = PhraseMatcher([
    Entry("country", "RUS", "रूस"),
    Entry("adjective", "RUS", "रूसी"),
    Entry("office", "prime_minister", "प्रधानमंत्री"),
    Entry("country", "USA", "US"),
    Entry("country", "TUR", "Turkey"),
    Entry("person", "putin", "व्लादिमीर पुतिन"),
])


def test_word_boundaries_are_respected():
    assert _found(MATCHER, "रूसी सेना") == [("रूसी", "RUS")]
    assert _found(MATCHER, "रूस की सेना") == [("रूस", "RUS")]


def test_compounds_match_across_spaces():
    assert _found(MATCHER, "प्रधान मंत्री ने कहा") == [("प्रधान मंत्री", "prime_minister")]


def test_phonetic_variants_match():
    assert _found(MATCHER, "व्लादिमीर पुतिन ने") == [("व्लादिमीर पुतिन", "putin")]


def test_acronyms_are_case_sensitive_and_names_capitalised():
    assert _found(MATCHER, "the US said") == [("US", "USA")]
    assert _found(MATCHER, "let us go") == []
    assert _found(MATCHER, "roast turkey in Turkey") == [("Turkey", "TUR")]


def test_no_match_across_sentences():
    m = PhraseMatcher([Entry("office", "pm", "प्रधान मंत्री")])
    assert _found(m, "प्रधान\nमंत्री") == []


def test_entries_with_nukta_and_zero_width_joiners_match_plain_text():
    m = PhraseMatcher([Entry("person", "imran-khan", "इमरान ख़ान"), Entry("country", "GBR", "ब्रिट\u200dेन")])
    assert _found(m, "इमरान खान ने कहा") == [("इमरान खान", "imran-khan")]
    assert _found(m, "इमरान ख़ान ने कहा") == [("इमरान ख़ान", "imran-khan")]
    assert _found(m, "ब्रिटेन में") == [("ब्रिटेन", "GBR")]
