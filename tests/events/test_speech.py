"""Speech acts and intentions: the saying is the event, its content is not (sentences of our own).

Each row: a sentence, the type of the act it reports, its actor and recipient sides, and the
types that must not come out of it (the act only threatened, promised, refused or proposed).
"""

import pytest

from tests.events.sides import PUB, keys

HINDI = [
    ('ईरान ने कहा कि वह अमरीका पर हमला करेगा।', 'THREATEN', ['IRN'], ['USA'], ['ASSAULT']),
    ('भारत ने कहा कि वह श्रीलंका को आर्थिक सहायता देगा।', 'AGREE', ['IND'], ['LKA'], ['AID']),
    ('नाटो ने कहा है कि वह इराक से अपने कुछ सैनिक हटाएगा।', 'CONCEDE', ['NATO'], ['IRQ'], []),
    ('उत्तर कोरिया ने दक्षिण कोरिया पर हमला करने की धमकी दी।', 'THREATEN', ['PRK'], ['KOR'], ['ASSAULT']),
    ('चीन ने ताइवान से बातचीत करने से इनकार कर दिया।', 'REJECT', ['CHN'], ['TWN'], ['CONSULT']),
    ('जापान के प्रधानमंत्री अगले महीने भारत की यात्रा करेंगे।', 'CONSULT', ['JPN'], ['IND'], ['AGREE']),
    # a condition said aloud: a conditional threat or promise (the condition itself is no event)
    ('तुर्की ने कहा कि अगर सीरिया ने हमला किया तो तुर्की सीरिया पर हमला करेगा।', 'THREATEN', ['TUR'], ['SYR'],
     ['ASSAULT']),
    ('चीन ने कहा कि अगर ताइवान बातचीत करे तो चीन ताइवान को मदद देगा।', 'AGREE', ['CHN'], ['TWN'], ['AID', 'CONSULT']),
    # a promise to withdraw or release is a concession, and the withdrawal itself no event yet
    ('रूस ने तुर्की को सीरिया से अपने सैनिक हटाने का वादा किया।', 'CONCEDE', ['RUS'], ['TUR'], ['RETREAT', 'AGREE']),
    # a cooperative act its own side says it will not do is a refusal
    ('जापान ने कहा कि वह चीन से बात नहीं करेगा।', 'REJECT', ['JPN'], ['CHN'], ['CONSULT']),
    # the object of a refusal (को) is no act; its partner is whom the refusal concerns
    ('इसराइल ने हमास के साथ किसी भी वार्ता को खारिज कर दिया।', 'REJECT', ['ISR'], ['PSE'], ['CONSULT']),
]

ENGLISH = [
    ('Iran said it will strike US bases in the region.', 'THREATEN', ['IRN'], ['USA'], ['ASSAULT']),
    ('Japan threatened to impose sanctions on Russia.', 'THREATEN', ['JPN'], ['RUS'], ['SANCTION']),
    ('China refused to hold talks with Taiwan.', 'REJECT', ['CHN'], ['TWN'], ['CONSULT']),
    ('The Japanese Prime Minister will visit India next month.', 'CONSULT', ['JPN'], ['IND'], ['AGREE']),
    ('India said it would send aid to Sri Lanka.', 'AGREE', ['IND'], ['LKA'], ['AID']),
    ('Russia promised Turkey to withdraw its troops from northern Syria.', 'CONCEDE', ['RUS'], ['TUR'],
     ['RETREAT', 'AGREE']),
    # a demanded act is the demand's object, not an act that happened; a capital that speaks
    ('Peru demanded an apology from Chile.', 'REQUEST', ['PER'], ['CHL'], ['CONCEDE']),
    # a cooperative act its own side says it will not do is a refusal
    ('Austria said it would not support Serbia\'s bid.', 'REJECT', ['AUT'], ['SRB'], ['SUPPORT']),
    ('Beijing on Monday urged Manila to stop its patrols near the shoal.', 'REQUEST', ['CHN'], ['PHL'], []),
]


def _check(pipeline, lang, text, etype, actors, recipients, absent):
    evs = pipeline.extract(text, published=PUB, lang=lang).events
    got = [(e.type, keys(e.actors), keys(e.recipients)) for e in evs]
    assert any(t == etype and a == sorted(actors) and set(recipients) <= set(r) for t, a, r in got), got
    assert not [t for t, _, _ in got if t in absent], got


@pytest.mark.parametrize("text,etype,actors,recipients,absent", HINDI)
def test_hindi(pipeline, text, etype, actors, recipients, absent):
    _check(pipeline, "hi", text, etype, actors, recipients, absent)


@pytest.mark.parametrize("text,etype,actors,recipients,absent", ENGLISH)
def test_english(pipeline, text, etype, actors, recipients, absent):
    _check(pipeline, "en", text, etype, actors, recipients, absent)


def test_a_promise_is_made_now(pipeline):
    ev = next(e for e in pipeline.extract("भारत ने कहा कि वह श्रीलंका को आर्थिक सहायता देगा।", published=PUB,
                                          lang="hi").events if e.type == "AGREE")
    assert ev.modality == "actual" and ev.date.value == "2025-03-28"


def test_a_condition_no_one_says_is_no_event(pipeline):
    evs = pipeline.extract("अगर सीरिया ने हमला किया तो तुर्की सीरिया पर हमला करेगा।", published=PUB, lang="hi").events
    assert not evs


def test_a_condemned_attack_is_still_an_attack(pipeline):
    evs = pipeline.extract("Kenya condemned the attack on Somalia by the rebels of Ethiopia.", published=PUB,
                           lang="en").events
    assert any(e.type == "ASSAULT" and keys(e.recipients) == ["SOM"] for e in evs)
    assert any(e.type == "ACCUSE" and keys(e.actors) == ["KEN"] for e in evs)
