"""Names that are also common words become actors only with evidence of the political reading
(issue 12): each word read both ways, in sentences written for these tests."""

from datetime import date

import pytest

from ghatna.actors.ambiguous import Ambiguity
from ghatna.actors.tagger import pick
from ghatna.gazetteer.matcher import Entry, Match

DAY = date(2024, 5, 1)


def _named(pipeline, text, lang="hi"):
    """(words, kind, entity ids) of every mention that names someone."""
    doc = pipeline.extract(text, published=DAY, lang=lang)
    return {(m.text, m.kind, tuple(e.id for e in m.entities)) for m in doc.mentions if m.entities}


def _words(pipeline, text, lang="hi"):
    return {w for w, _, _ in _named(pipeline, text, lang)}


# the common word: no actor, no place
COMMON = [
    ("चीनी मिलों पर किसानों ने प्रदर्शन किया।", "चीनी"),  # sugar mills
    ("चाय में चीनी कम डालें।", "चीनी"),
    ("माली ने बगीचे में नए पौधे लगाए।", "माली"),  # the gardener
    ("होटल ने चिली पनीर का दाम बढ़ाया।", "चिली"),  # chilli
    ("किसानों ने मक्का की खेती बढ़ाई।", "मक्का"),  # maize
    ("यूनानी चिकित्सा पद्धति पर सम्मेलन हुआ।", "यूनानी"),  # Unani medicine
    ("पर्यटकों ने विक्टोरिया मेमोरियल देखा।", "विक्टोरिया"),
    ("रमजान के पाक महीने में लोगों ने रोजे रखे।", "पाक"),  # holy
    ("यह एक सोची समझी चाल थी।", "सोची"),  # thought out
    ("गिनी चुनी सीटों पर मुकाबला है।", "गिनी"),  # few, counted
    ("कबीर के दोहा में गहरी सीख है।", "दोहा"),  # a couplet
    ("बैंक ने खातों के मिलान में गलती पकड़ी।", "मिलान"),  # matching
    ("बल्लेबाज ने आतिशी पारी खेली।", "आतिशी"),  # a fiery innings
    ("इस कबीला के लोग जंगल में रहते हैं।", "कबीला"),  # a tribe
    ("किसी भी सूरत में समझौता नहीं होगा।", "सूरत"),  # in any case
    ("भारतीय अमीर लोगों ने दान दिया।", "भारतीय अमीर"),  # rich Indians, not India's emir
]

# the name: an actor or a place
POLITICAL = [
    ("चीनी राष्ट्रपति ने भारत की यात्रा की।", "चीनी राष्ट्रपति"),  # a title after it
    ("माली में सेना ने सत्ता पर कब्जा कर लिया।", "माली"),  # a place's marker
    ("माली सरकार ने चुनाव टाल दिए।", "माली सरकार"),  # a government word after it
    ("चिली के राष्ट्रपति ने अर्जेंटीना की यात्रा की।", "चिली के राष्ट्रपति"),
    ("सऊदी अरब के अधिकारियों ने कहा कि मक्का में हज शुरू हो गया है।", "मक्का"),  # its country named
    ("यूनानी प्रधानमंत्री ने तुर्की की आलोचना की।", "यूनानी प्रधानमंत्री"),
    ("पाक ने भारत पर आरोप लगाया।", "पाक"),  # an adjective that acts is its country
    ("भारत-पाक सीमा पर गोलीबारी हुई।", "पाक"),  # joined to another country
    ("सोची में पुतिन और एर्दोआन ने बातचीत की।", "सोची"),
    ("गिनी में सेना ने तख्तापलट किया।", "गिनी"),
    ("कतर के अमीर ने भारत की यात्रा की।", "कतर के अमीर"),  # a country that has an emir
    ("आतिशी ने केंद्र सरकार की आलोचना की।", "आतिशी"),  # an adjective never takes ने
    ("मुख्यमंत्री योगी आदित्यनाथ ने बैठक की। योगी ने निर्देश दिए।", "योगी"),  # named plainly before
    ("माली, नाइजर और बुर्किना फासो ने गठबंधन बनाया।", "माली"),  # among other countries
]


@pytest.mark.parametrize(("text", "word"), COMMON)
def test_a_common_word_is_no_actor(pipeline, text, word):
    assert word not in _words(pipeline, text)


@pytest.mark.parametrize(("text", "word"), POLITICAL)
def test_a_name_read_politically_is_an_actor(pipeline, text, word):
    assert word in _words(pipeline, text)


def test_sugar_mills_give_the_farmers_no_foreign_country(pipeline):
    doc = pipeline.extract("चीनी मिलों पर किसानों ने प्रदर्शन किया।", published=DAY, lang="hi")
    assert all(a.country != "CHN" for ev in doc.events for a in ev.actors + ev.recipients)


def test_georgia_or_the_us_state(pipeline):
    assert "जॉर्जिया" not in _words(pipeline, "अमेरिका के जॉर्जिया में चुनाव के नतीजे आए।")
    assert "जॉर्जिया" in _words(pipeline, "जॉर्जिया और आर्मेनिया ने सीमा समझौता किया।")
    assert "जॉर्जिया" in _words(pipeline, "रूस ने जॉर्जिया पर आरोप लगाया।")  # beside a country named plainly


def test_another_country_in_the_sentence_is_evidence_for_a_thing_word(pipeline):
    assert "चीनी" in _words(pipeline, "नेपाल ने चीनी जहाज को रुकने की अनुमति देने से इनकार किया।")
    assert "चिली" in _words(pipeline, "अर्जेंटीना के राष्ट्रपति की चिली की यात्रा शुरू हुई।")
    assert "चीनी" not in _words(pipeline, "चीनी की कीमतें बढ़ने पर व्यापारियों ने विरोध किया।")


def test_the_data_says_what_else_each_name_is(resources):
    g = resources.gazetteer
    marked = {(name, k) for c in g.countries.values() for name, k in c.ambiguous.items()}
    assert {("चीनी", "thing"), ("माली", "person"), ("पाक", "adjective")} <= marked
    assert g.offices["emir"].ambiguous == {"अमीर": "adjective"}


def test_an_ambiguous_reading_keeps_a_plain_one_to_fall_back_on():
    match = Match(0, 1, (Entry("office", "monarch", "राजा", "person"), Entry("agent", "kings", "राजा")))
    it = pick(match)
    assert (it.kind, it.ambiguous) == ("office", "person")
    assert it.plain is not None and (it.plain.kind, it.plain.ref, it.plain.ambiguous) == ("agent", "kings", None)


def test_a_document_without_ambiguous_names_is_left_as_it_is(resources):
    amb = Ambiguity(resources.gazetteer, resources.grammar("hi"), markers_after=True)
    items = [pick(Match(0, 1, (Entry("country", "IND", "भारत"),)))]
    assert amb([], items) is items
