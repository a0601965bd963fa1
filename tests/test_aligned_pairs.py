"""The same news in English and in Hindi codes to the same event: type, actors' countries, date.

The pairs were written for this test (each Hindi sentence translates its English one); the
publication date is Friday 2025-03-28.
"""

from datetime import date

import pytest

from tests.conftest import assert_spans

PUB = date(2025, 3, 28)

PAIRS = [
    # English, Hindi, event type
    ("Prime Minister Narendra Modi visited Russia on Thursday.",
     "प्रधानमंत्री नरेंद्र मोदी ने गुरुवार को रूस का दौरा किया।", "CONSULT"),
    ("Russian President Vladimir Putin spoke with Prime Minister Modi by phone yesterday.",
     "रूसी राष्ट्रपति व्लादिमीर पुतिन ने कल प्रधानमंत्री मोदी से फोन पर बात की।", "CONSULT"),
    ("The United States imposed new sanctions on Iran on Monday.",
     "अमरीका ने सोमवार को ईरान पर नए प्रतिबंध लगाए।", "SANCTION"),
    ("China accused the United States of interfering in its internal affairs.",
     "चीन ने अमरीका पर अपने आंतरिक मामलों में हस्तक्षेप करने का आरोप लगाया।", "ACCUSE"),
    ("External Affairs Minister S. Jaishankar met Chinese Foreign Minister Wang Yi in Beijing.",
     "विदेश मंत्री एस जयशंकर ने बीजिंग में चीन के विदेश मंत्री वांग यी से मुलाकात की।", "CONSULT"),
    ("Japan and India will hold a joint military exercise next month.",
     "जापान और भारत अगले महीने संयुक्त सैन्य अभ्यास करेंगे।", "COOPERATE"),
    ("President Droupadi Murmu congratulated the President of France.",
     "राष्ट्रपति द्रौपदी मुर्मू ने फ्रांस के राष्ट्रपति को बधाई दी।", "SUPPORT"),
    ("Pakistan threatened India with retaliation.",
     "पाकिस्तान ने भारत को जवाबी कार्रवाई की धमकी दी।", "THREATEN"),
    ("Israel launched air strikes on Gaza on Sunday.",
     "इस्राइल ने रविवार को गाजा पर हवाई हमले किए।", "ASSAULT"),
    ("Modi invited Putin to visit India.",
     "मोदी ने पुतिन को भारत आने के लिए आमंत्रित किया।", "AGREE"),
    ("Police arrested opposition leader Imran Khan in Islamabad on Tuesday.",
     "पुलिस ने मंगलवार को इस्लामाबाद में विपक्षी नेता इमरान खान को गिरफ्तार किया।", "COERCE"),
    ("The UN Secretary-General urged Russia and Ukraine to agree to a ceasefire.",
     "संयुक्त राष्ट्र महासचिव ने रूस और यूक्रेन से युद्धविराम पर सहमत होने की अपील की।", "REQUEST"),
]


def _event(pipeline, text, lang, etype):
    doc = pipeline.extract(text, published=PUB, lang=lang)
    assert_spans(doc)
    evs = [e for e in doc.events if e.type == etype]
    assert evs, f"{lang}: no {etype} in {[e.type for e in doc.events]}"
    return evs[0]


def _sides(ev):
    return (sorted(a.country or a.name for a in ev.actors), sorted(r.country or r.name for r in ev.recipients))


@pytest.mark.parametrize("en,hi,etype", PAIRS, ids=[p[2] + "-" + str(i) for i, p in enumerate(PAIRS)])
def test_both_languages_give_the_same_event(pipeline, en, hi, etype):
    e_en, e_hi = _event(pipeline, en, "en", etype), _event(pipeline, hi, "hi", etype)
    assert _sides(e_en)[0] == _sides(e_hi)[0]
    assert e_en.date.value == e_hi.date.value
    assert e_en.modality == e_hi.modality
    if e_en.recipients and e_hi.recipients:
        assert _sides(e_en)[1] == _sides(e_hi)[1]


def test_arrested_person_is_the_recipient_in_both(pipeline):
    en, hi, etype = PAIRS[10]
    assert _sides(_event(pipeline, en, "en", etype))[1] == _sides(_event(pipeline, hi, "hi", etype))[1] == ["PAK"]
