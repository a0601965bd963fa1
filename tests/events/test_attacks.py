"""One event per real attack (issue 13): later mentions ("इस हमले", "the blast") and claims of
responsibility join the attack reported first; other attacks stay apart. Articles written for
these tests (publication date 2025-03-28, a Friday)."""

from datetime import date

import pytest

from ghatna.events.unattributed import FLAG
from tests.conftest import assert_spans

PUB = date(2025, 3, 28)


def _attacks(pipeline, text, lang, unattributed=True):
    doc = pipeline.extract(text, published=PUB, lang=lang, unattributed=unattributed)
    assert_spans(doc)
    return [e for e in doc.events if e.type == "ASSAULT"]


HINDI = ("काबुल में गुरुवार को एक मस्जिद पर आत्मघाती हमला हुआ। इस हमले में 20 लोग मारे गए और 30 घायल हो गए। "
         "अस्पताल के अधिकारियों ने बताया कि धमाका नमाज के समय हुआ। तालिबान ने हमले की जिम्मेदारी ली है।")
ENGLISH = ("A suicide bomber blew himself up at a mosque in Kabul on Thursday. The blast killed 20 people and "
           "wounded 30. The Taliban claimed responsibility for the attack.")


@pytest.mark.parametrize(("text", "lang"), [(HINDI, "hi"), (ENGLISH, "en")])
def test_later_mentions_and_the_claim_are_one_attack_by_the_claimant(pipeline, text, lang):
    evs = _attacks(pipeline, text, lang)
    assert len(evs) == 1, [(e.trigger, [a.name for a in e.actors]) for e in evs]
    ev = evs[0]
    assert [a.name for a in ev.actors] == ["Taliban"] and FLAG not in ev.flags
    assert ev.mode == "suicide-attack" and ev.date.value == "2025-03-27"
    assert (ev.casualties.killed, ev.casualties.injured) == (20, 30)
    assert len({x.sentence for x in ev.evidence}) >= 3


def test_without_the_option_the_claim_alone_is_coded(pipeline):
    evs = _attacks(pipeline, HINDI, "hi", unattributed=False)
    assert [[a.name for a in e.actors] for e in evs] == [["Taliban"]]


def test_an_attack_of_another_date_is_another_attack(pipeline):
    text = ("काबुल में गुरुवार को एक मस्जिद पर आत्मघाती हमला हुआ, जिसमें 20 लोग मारे गए। "
            "इससे पहले जनवरी में हुए एक हमले में 90 लोगों की मौत हुई थी।")
    evs = _attacks(pipeline, text, "hi")
    assert [(e.date.value, e.casualties.killed) for e in evs] == [("2025-03-27", 20), ("2025-01", 90)]


def test_attacks_in_general_are_not_this_attack(pipeline):
    text = ("काबुल में गुरुवार को एक मस्जिद पर आत्मघाती हमला हुआ। "
            "संयुक्त राष्ट्र के अनुसार पिछले साल अफगानिस्तान में हमलों में तीन हजार लोग मारे गए।")
    evs = _attacks(pipeline, text, "hi")
    assert len(evs) == 2 and evs[0].mode == "suicide-attack"


def test_blasts_in_two_towns_are_two_attacks(pipeline):
    evs = _attacks(pipeline, "काबुल में बम धमाका हुआ। कंधार में भी एक बम धमाका हुआ।", "hi")
    assert sorted(e.location.name for e in evs) == ["Kabul", "Kandahar"]


def test_two_doers_in_one_sentence_are_two_attacks(pipeline):
    evs = _attacks(pipeline, "Israel struck Gaza and Hamas fired rockets at Israel on Thursday.", "en",
                   unattributed=False)
    assert sorted(a.name for e in evs for a in e.actors) == ["Hamas", "Israel"]
