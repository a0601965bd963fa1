"""Hindi conflict events (issue 13): each attack, bombing, shooting and riot trigger class with its
mode, claims of responsibility, dates of past attacks, and the non-political readings that are
no attack. Sentences written for these tests (publication date 2025-03-28, a Friday)."""

from datetime import date

import pytest

from tests.conftest import assert_spans

PUB = date(2025, 3, 28)


def _events(pipeline, text, unattributed=False):
    doc = pipeline.extract(text, published=PUB, lang="hi", unattributed=unattributed)
    assert_spans(doc)
    return doc.events


def _countries(ents):
    return sorted(e.country or e.name for e in ents)


CLASSES = [
    # text, pattern (trigger class), type, mode, actor countries or names
    ("इस्राइल ने गुरुवार को गाजा में हवाई हमला किया।", "air-strike", "ASSAULT", "aerial", ["ISR"]),
    ("अमरीका ने सोमालिया में अल-शबाब के ठिकाने पर ड्रोन हमला किया।", "drone-strike", "ASSAULT", "drone", ["USA"]),
    ("रूस ने यूक्रेन के शहरों पर मिसाइलें दागीं।", "shell", "ASSAULT", "heavy-weapons", ["RUS"]),
    ("पाकिस्तानी सेना ने नियंत्रण रेखा पर भारी गोलाबारी की।", "shell", "ASSAULT", "heavy-weapons", ["PAK"]),
    ("माओवादियों ने पुलिस दल पर ताबड़तोड़ फायरिंग की।", "shoot", "ASSAULT", "firearms", ["IND"]),
    ("माओवादियों ने पुलिस दल पर फायर किया।", "shoot", "ASSAULT", "firearms", ["IND"]),
    ("तालिबान ने काबुल में पुलिस थाने के बाहर धमाका किया।", "bomb", "ASSAULT", "explosives", ["AFG"]),
    ("माओवादियों ने पंचायत भवन को विस्फोटकों से उड़ा दिया।", "bomb", "ASSAULT", "explosives", ["IND"]),
    ("तालिबान के आत्मघाती हमलावर ने सेना के काफिले के पास खुद को उड़ा लिया।", "suicide-attack", "ASSAULT",
     "suicide-attack", ["AFG"]),
    ("भारत और चीन के सैनिकों के बीच सीमा पर हिंसक झड़प हुई।", "clash", "ASSAULT", None, ["CHN", "IND"]),
    ("इस्लामिक स्टेट ने इराक में तीन पत्रकारों की हत्या कर दी।", "kill", "ASSAULT", "assassinate",
     ["Islamic State"]),
    ("बोको हराम ने नाइजीरिया में बीस छात्राओं का अपहरण कर लिया।", "abduct", "ASSAULT", "abduct", ["NGA"]),
    ("रूसी सेना ने यूक्रेन के एक पुल को ध्वस्त कर दिया।", "destroy", "ASSAULT", "destroy", ["RUS"]),
    ("म्यांमार की सेना ने गांव में नरसंहार किया।", "massacre", "ASSAULT", "massacre", ["MMR"]),
    ("हमास ने इस्राइल पर हमला किया।", "attack", "ASSAULT", None, ["PSE"]),
    ("हमास ने इस्राइल पर आतंकी अटैक किया।", "attack", "ASSAULT", None, ["PSE"]),
    ("प्रदर्शनकारियों ने ढाका में थाने पर पथराव किया और आगजनी की।", "riot", "PROTEST", "riot", ["BGD"]),
    ("ढाका में पुलिस ने प्रदर्शनकारियों पर लाठीचार्ज किया।", "beat", "ASSAULT", "crowd-control", ["BGD"]),
    ("लश्कर-ए-तैयबा ने हमले की जिम्मेदारी ली।", "claim-attack", "ASSAULT", None, ["PAK"]),
    ("तालिबान ने काबुल में एक और आत्मघाती हमले को अंजाम दिया।", "carry-out-attack", "ASSAULT", "suicide-attack",
     ["AFG"]),
]


@pytest.mark.parametrize(("text", "pattern", "etype", "mode", "actors"), CLASSES)
def test_each_conflict_class_codes_its_type_mode_and_doer(pipeline, text, pattern, etype, mode, actors):
    evs = [e for e in _events(pipeline, text) if e.type == etype]
    assert evs, text
    ev = evs[0]
    assert (ev.pattern, ev.mode, _countries(ev.actors)) == (pattern, mode, actors)
    assert "unattributed_actor" not in ev.flags


def test_a_claim_of_responsibility_names_the_attacker_with_the_mode_of_what_is_claimed(pipeline):
    ev = _events(pipeline, "तहरीक-ए-तालिबान पाकिस्तान ने पेशावर में हुए आत्मघाती हमले की जिम्मेदारी ली।")[0]
    assert (ev.type, ev.mode, [a.name for a in ev.actors]) == ("ASSAULT", "suicide-attack",
                                                                 ["Tehrik-i-Taliban Pakistan"])


@pytest.mark.parametrize("text", [
    "प्रधानमंत्री ने चुनाव में हार की जिम्मेदारी ली।",
    "नए मंत्री ने मंत्रालय की जिम्मेदारी ली।",
])
def test_responsibility_for_anything_but_an_attack_is_no_attack(pipeline, text):
    assert not [e for e in _events(pipeline, text) if e.type == "ASSAULT"]


def test_a_past_attack_takes_its_date_from_the_text(pipeline):
    ev = _events(pipeline, "लश्कर-ए-तैयबा ने 13 दिसंबर 2001 को संसद पर हमला किया था।")[0]
    assert (ev.type, ev.date.value, ev.date.basis) == ("ASSAULT", "2001-12-13", "explicit")


def test_an_unattributed_past_attack_takes_its_date_from_the_text(pipeline):
    ev = _events(pipeline, "मुंबई में 26 नवंबर 2008 को हुए हमले में 166 लोग मारे गए थे।", unattributed=True)[0]
    assert (ev.date.value, ev.date.basis, ev.casualties.killed) == ("2008-11-26", "explicit", 166)


NOT_POLITICAL = [
    # weather warnings, relief deployments, volcanoes, power plants, cylinders, murder charges,
    # police cordons, negated arson, road accidents, scuffles, storms
    "मौसम विभाग ने अगले 48 घंटों में भारी बारिश की चेतावनी दी है।",
    "बाढ़ प्रभावित इलाकों में राहत कार्य के लिए सेना के जवानों को तैनात किया गया है।",
    "इंडोनेशिया में ज्वालामुखी में जोरदार विस्फोट हुआ, जिससे आसपास के गांव खाली कराए गए।",
    "दिल्ली में बिजली संयंत्र में विस्फोट से तीन कर्मचारियों की मौत हो गई।",
    "दिल्ली में रसोई गैस सिलेंडर फटने से घर में धमाका हुआ।",
    "गुजरात की एक केमिकल फैक्ट्री में बॉयलर फटने से धमाका हुआ।",
    "मुंबई पुलिस ने हत्या के आरोप में दो युवकों को गिरफ्तार किया।",
    "दिल्ली पुलिस ने पूरे इलाके की घेराबंदी कर ली।",
    "दिल्ली में प्रदर्शन के दौरान कोई आगजनी नहीं हुई।",
    "दिल्ली में सड़क हादसे में ट्रक ने बाइक को टक्कर मार दी, जिसमें दो लोगों की मौत हो गई।",
    "जयपुर में बाइकों की भिड़ंत में दो युवक घायल हो गए।",
    "ओडिशा में आंधी ने सैकड़ों घरों को तबाह कर दिया।",
    "भारत में राहत कार्य युद्ध स्तर पर जारी है।",
    "उनके पिता ने बताया कि वह दिल्ली में रहते हैं।",
]


@pytest.mark.parametrize("text", NOT_POLITICAL)
@pytest.mark.parametrize("unattributed", [False, True])
def test_non_political_readings_are_no_conflict_events(pipeline, text, unattributed):
    evs = _events(pipeline, text, unattributed)
    assert not [e for e in evs if e.type in ("ASSAULT", "THREATEN", "MOBILIZE")
                or (e.type == "PROTEST" and e.mode == "riot")], [(e.type, e.mode, e.trigger) for e in evs]
