"""Names the dictionary does not know, found by their title or honorific."""

from datetime import date

from ghatna.text.romanize import romanize


def _persons(pipeline, text):
    doc = pipeline.extract(text, published=date(2020, 1, 2), lang="hi")
    return [(m.text, m.entities[0]) for m in doc.mentions if m.kind == "person"]


def test_romanize_keeps_nukta_sounds_and_drops_final_schwa():
    assert romanize("वसीम रिज़वी") == "Vasim Rizvi"
    assert romanize("फ़ैज़ अहमद") == "Faiz Ahmad"


def test_unknown_name_after_a_title_is_a_person(pipeline):
    got = _persons(pipeline, "केरल के राज्यपाल आरिफ़ुद्दीन ख़ानज़ादा ने बयान दिया।")
    assert len(got) == 1
    text, ent = got[0]
    assert text.endswith("ख़ानज़ादा") and ent.id.startswith("name:") and ent.office == "governor"


def test_known_holder_wins_when_the_name_is_theirs(pipeline):
    got = _persons(pipeline, "रूस के राष्ट्रपति व्लादिमर ने बयान दिया।")
    assert got[0][1].name == "Vladimir Putin"


def test_honorific_and_surname_point_to_the_same_unknown_person(pipeline):
    text = "संगठन के अध्यक्ष सलीम बख़्शी ने आरोप लगाया। श्री बख़्शी ने कहा कि वे अदालत जाएंगे।"
    got = _persons(pipeline, text)
    ids = {e.id for _, e in got}
    assert len(got) >= 2 and len(ids) == 1


def test_time_words_are_not_names(pipeline):
    got = _persons(pipeline, "जापान के विदेश मंत्री हर दो महीने में भारत आते हैं।")
    assert all("महीने" not in t for t, _ in got)
