"""Hindi case frames: who acts and who is acted upon, in sentences written for these tests.

Each row: a sentence, the event type, the actor side and the recipient side (ISO3, or the
normalised name of a body without a country, e.g. "UN"). An empty recipient list means the act
has none to check.
"""

import pytest

from ghatna.events.lexicon import PLOVER_TYPES
from tests.events.sides import PUB, check, keys

# one act of each PLOVER type, with the one acted upon where the type has one
TYPES = [
    ('चीन ने जापान के साथ नए व्यापार समझौते पर सहमति जताई।', 'AGREE', ['CHN', 'JPN'], []),
    ('रूस ने तुर्की के राष्ट्रपति को मॉस्को आने का न्योता दिया।', 'AGREE', ['RUS'], ['TUR']),
    ('ब्राज़ील के राष्ट्रपति ने अर्जेंटीना का दौरा किया।', 'CONSULT', ['BRA'], ['ARG']),
    ('जर्मनी की चांसलर की फ्रांस यात्रा अगले हफ्ते होगी।', 'CONSULT', ['DEU'], ['FRA']),
    ('कनाडा के प्रधानमंत्री ने मेक्सिको के राष्ट्रपति से फोन पर बात की।', 'CONSULT', ['CAN', 'MEX'], []),
    ('नेपाल ने श्रीलंका को स्वतंत्रता दिवस की बधाई दी।', 'SUPPORT', ['NPL'], ['LKA']),
    ('फ्रांस ने यूक्रेन के शांति प्रस्ताव का समर्थन किया।', 'SUPPORT', ['FRA'], ['UKR']),
    ('इटली ने अल्बानिया को प्रत्यर्पण संधि के तहत एक आरोपी सौंपा।', 'COOPERATE', ['ITA'], ['ALB']),
    ('जापान ने फिलीपींस को तूफान के बाद मानवीय सहायता भेजी।', 'AID', ['JPN'], ['PHL']),
    ('भारत सरकार ने बाढ़ पीड़ित किसानों के लिए पांच सौ करोड़ रुपये जारी किए।', 'AID', ['IND'], ['IND']),
    ('ब्रिटेन ने केन्या से औपनिवेशिक अत्याचारों के लिए माफी मांगी।', 'CONCEDE', ['GBR'], ['KEN']),
    ('पाकिस्तान ने अफगानिस्तान के सात मछुआरों को रिहा कर दिया।', 'RETREAT', ['PAK'], ['AFG']),
    ('मिस्र ने इथियोपिया से बांध पर बातचीत फिर शुरू करने की अपील की।', 'REQUEST', ['EGY'], ['ETH']),
    ('संयुक्त राष्ट्र ने म्यांमार से राजनीतिक बंदियों को छोड़ने को कहा।', 'REQUEST', ['~UN'], ['MMR']),
    ('ईरान ने सऊदी अरब की कड़ी आलोचना की।', 'ACCUSE', ['IRN'], ['SAU']),
    ('वेनेजुएला ने कोलंबिया पर तख्तापलट की साजिश रचने का आरोप लगाया।', 'ACCUSE', ['VEN'], ['COL']),
    ('चीन ने ताइवान के साथ बातचीत के प्रस्ताव को ठुकरा दिया।', 'REJECT', ['CHN'], []),
    ('उत्तर कोरिया ने दक्षिण कोरिया को गंभीर परिणामों की धमकी दी।', 'THREATEN', ['PRK'], ['KOR']),
    ('बांग्लादेश के छात्रों ने ढाका में सरकार के खिलाफ प्रदर्शन किया।', 'PROTEST', ['BGD'], ['BGD']),
    ('यूरोपीय संघ ने बेलारूस पर नए आर्थिक प्रतिबंध लगाए।', 'SANCTION', ['~EU'], ['BLR']),
    ('अमरीका ने क्यूबा के दो राजनयिकों को निष्कासित कर दिया।', 'SANCTION', ['USA'], ['CUB']),
    ('रूस ने यूक्रेन की सीमा पर हजारों सैनिक तैनात किए।', 'MOBILIZE', ['RUS'], []),
    ('तुर्की की पुलिस ने एक यूनानी पत्रकार को गिरफ्तार किया।', 'COERCE', ['TUR'], ['GRC']),
    ('इस्राइल ने सीरिया में ईरानी ठिकानों पर हवाई हमले किए।', 'ASSAULT', ['ISR'], ['IRN']),
]

# the same frames through other forms of the predicate
FORMS = [
    ('अमरीका का ईरान पर हमला खाड़ी में तनाव बढ़ा सकता है।', 'ASSAULT', ['USA'], ['IRN']),
    ('सीरिया पर तुर्की के हमले में कई नागरिक मारे गए।', 'ASSAULT', ['TUR'], ['SYR']),
    ('जापान के प्रधानमंत्री की भारत यात्रा अगले महीने होगी।', 'CONSULT', ['JPN'], ['IND']),
    ('फ्रांस को बधाई देते हुए, जर्मनी ने कहा कि दोनों देश मिलकर काम करेंगे।', 'SUPPORT', ['DEU'], ['FRA']),
    ('इथियोपिया की निंदा करते हुए मिस्र ने संयुक्त राष्ट्र से हस्तक्षेप की मांग की।', 'ACCUSE', ['EGY'], ['ETH']),
    ('रूस, जिसने यूक्रेन पर हमला किया, अब बातचीत की बात कर रहा है।', 'ASSAULT', ['RUS'], ['UKR']),
    ('ईरान के दो राजनयिकों को ब्रिटेन द्वारा निष्कासित किया गया।', 'SANCTION', ['GBR'], ['IRN']),
    ('इराक में अमरीकी ठिकानों पर ईरान द्वारा मिसाइलें दागी गईं।', 'ASSAULT', ['IRN'], ['USA']),
    # a participle before its noun: the noun does the act (or, passive, undergoes it)
    ('मलेशिया के दौरे पर पहुंचे वियतनाम के राष्ट्रपति ने व्यापार पर जोर दिया।', 'CONSULT', ['VNM'], ['MYS']),
    ('सूडान में शांति सैनिकों पर हमला करने वाले इथियोपियाई विद्रोहियों की निंदा हुई।', 'ASSAULT', ['ETH'], []),
    # a person's genitive and the place's before the same noun, with a length of time between
    ('ब्राज़ील के राष्ट्रपति की पेरू की तीन दिन की यात्रा सोमवार को शुरू हुई।', 'CONSULT', ['BRA'], ['PER']),
    # a deed the speaker accuses someone of: the speaker acts, the doer is the recipient
    ('केन्या के राष्ट्रपति ने कहा कि सोमालिया दुनिया को गुमराह कर रहा है।', 'ACCUSE', ['KEN'], ['SOM']),
    ('पेरू ने बोलीविया के बयान को हास्यास्पद बताया।', 'ACCUSE', ['PER'], ['BOL']),
    # a capital that acts is its government; "Y से मिले" is a meeting
    ('बीजिंग ने वॉशिंगटन पर व्यापार नियम तोड़ने का आरोप लगाया।', 'ACCUSE', ['CHN'], ['USA']),
    ('नेपाल के प्रधानमंत्री काठमांडू में श्रीलंका के राष्ट्रपति से मिले।', 'CONSULT', ['NPL', 'LKA'], []),
    # an agreement concluded is signed support between the parties
    ('मिस्र और सूडान के बीच जल बंटवारे पर समझौता हुआ।', 'SUPPORT', ['EGY', 'SDN'], []),
    # goods sent are aid, troops sent a deployment
    ('जापान ने फिलीपींस को दवाइयां और तंबू भेजे।', 'AID', ['JPN'], ['PHL']),
    ('रूस ने सीरिया में और सैनिक भेजे।', 'MOBILIZE', ['RUS'], []),
    ('पाकिस्तान और भारत ने संघर्षविराम का ऐलान किया।', 'CONCEDE', ['IND', 'PAK'], []),
    # a truce declared by one side concedes to the side it is declared with
    ('कोलंबिया के विद्रोहियों ने सरकार के साथ दो हफ्ते के युद्धविराम की घोषणा की।', 'CONCEDE', ['COL'], ['COL']),
    ('सूडान की सेना ने चाड के साथ युद्धविराम की घोषणा की।', 'CONCEDE', ['SDN'], ['TCD']),
    # letting aid workers in is a retreat (access); a trigger noun before a plural noun qualifies it
    ('इथियोपिया ने संयुक्त राष्ट्र के राहत कर्मियों को तिग्रे जाने की अनुमति दी।', 'RETREAT', ['ETH'], ['~UN']),
    # a discussion with a partner is talks; after पिछले वर्षों में the subject keeps its place
    ('मलेशिया के प्रधानमंत्री ने इंडोनेशिया के राष्ट्रपति से सीमा पर चर्चा की।', 'CONSULT', ['MYS', 'IDN'], []),
    ('तुर्की पिछले वर्षों में इराकी ठिकानों पर कई बार हमला कर चुका है।', 'ASSAULT', ['TUR'], ['IRQ']),
    # a deployment faces the side across the border
    ('कंबोडिया ने थाईलैंड से लगी सीमा पर अतिरिक्त सैनिक तैनात किए।', 'MOBILIZE', ['KHM'], ['THA']),
    ('वेनेजुएला ने गुयाना से सटी सीमा पर टैंक तैनात किए।', 'MOBILIZE', ['VEN'], ['GUY']),
    # the owner of the land named by a place noun takes its marker; an attack in another
    # country's land with no target named hits that country
    ('फ्रांसीसी सेना ने नाइजर के उत्तरी इलाकों से अपने सैनिक वापस बुला लिए।', 'RETREAT', ['FRA'], ['NER']),
    ('तुर्की की वायुसेना ने सीरिया के इदलिब प्रांत में हवाई हमले किए।', 'ASSAULT', ['TUR'], ['SYR']),
    # a country before a place it acts in keeps its place as subject; withdrawing in any tense;
    # "के आसपास" is where
    ('ब्रिटेन हिंद महासागर में एक और युद्धपोत भेजेगा।', 'MOBILIZE', ['GBR'], []),
    ('अर्जेंटीना ने कहा कि वह पेरिस जलवायु समझौते से हट रहा है।', 'SANCTION', ['ARG'], []),
    ('कोरिया प्रायद्वीप के आसपास जापान द्वारा 20 युद्धपोत तैनात किए गए।', 'MOBILIZE', ['JPN'], []),
    # people sent back are deported (not aid); the internet shut is a restriction; a loan approved
    # is aid; "X का हाथ होने का आरोप" accuses X; harbouring militants, said of another, accuses it
    ('ब्रिटेन ने 40 अवैध अल्बानियाई प्रवासियों को विमान से वापस अल्बानिया भेजा।', 'COERCE', ['GBR'], ['ALB']),
    ('एशियाई विकास बैंक ने नेपाल के लिए 20 करोड़ डॉलर के ऋण को मंजूरी दी।', 'AID', ['~asian development bank'], ['NPL']),
    ('तुर्की ने तख्तापलट की कोशिश के पीछे अमेरिका का हाथ होने का आरोप लगाया।', 'ACCUSE', ['TUR'], ['USA']),
    ('अफगानिस्तान ने कहा कि पाकिस्तान आतंकवादियों को पनाह दे रहा है।', 'ACCUSE', ['AFG'], ['PAK']),
    # an exercise by one side alone is a show of force
    ('उत्तर कोरिया ने पीला सागर में युद्धाभ्यास किया।', 'MOBILIZE', ['PRK'], []),
    # a protest outside a body is aimed at it
    ('बांग्लादेशी छात्रों ने ढाका में म्यांमार दूतावास के बाहर प्रदर्शन किया।', 'PROTEST', ['BGD'], ['MMR']),
    # a case registered with no one named is the police's
    ('काठमांडू में दो नेपाली कार्यकर्ताओं पर मामला दर्ज किया गया।', 'ACCUSE', ['NPL'], ['NPL']),
    # a capital addressed is its government
    ('दक्षिण कोरिया के राष्ट्रपति ने प्योंगयांग से बातचीत शुरू करने का आग्रह किया।', 'REQUEST', ['KOR'], ['PRK']),
    # a capital opening a reported clause is its government
    ('प्रवक्ता ने कहा कि अंकारा यूनान के साथ बातचीत जारी रखेगा।', 'CONSULT', ['GRC', 'TUR'], []),
]

# the clause's subject is not the participle's: "X ने … करने वाले Y की निंदा की"
PARTICIPLE_NOT_SUBJECT = 'केन्या ने सोमालिया में सैनिकों पर हमला करने वाले इथियोपियाई विद्रोहियों की निंदा की।'


def test_every_plover_type_has_a_case():
    assert {row[1] for row in TYPES} == PLOVER_TYPES


@pytest.mark.parametrize("text,etype,actors,recipients", TYPES)
def test_frame_of_each_type(pipeline, text, etype, actors, recipients):
    check(pipeline, "hi", text, etype, actors, recipients)


@pytest.mark.parametrize("text,etype,actors,recipients", FORMS)
def test_nominal_participial_relative_and_passive_forms(pipeline, text, etype, actors, recipients):
    check(pipeline, "hi", text, etype, actors, recipients)


def test_participle_noun_is_the_doer_not_the_clause_subject(pipeline):
    doc = pipeline.extract(PARTICIPLE_NOT_SUBJECT, published=PUB, lang="hi")
    attacks = [e for e in doc.events if e.type == "ASSAULT"]
    assert attacks and all(keys(e.actors) == ["ETH"] for e in attacks)


@pytest.mark.parametrize(("text", "recipients"), [
    # a condemnation is aimed at who did the deed ("X द्वारा")
    ('फ्रांस ने रूस द्वारा यूक्रेनी पत्रकार की हत्या की निंदा की।', ['RUS']),
    # with no doer named, at the side the deed hit, unless that is the judge's own
    ('तुर्की ने सीरियाई गांवों पर हमले की निंदा की।', ['SYR']),
    ('मिस्र के विदेश मंत्री ने मिस्री राजनयिक की हत्या की निंदा की।', []),
])
def test_a_condemned_deed_is_no_deed_of_the_judge(pipeline, text, recipients):
    doc = pipeline.extract(text, published=PUB, lang="hi")
    assert [e.type for e in doc.events] == ["ACCUSE"]  # "हत्या की निंदा": की is the genitive here
    assert keys(doc.events[0].recipients) == recipients


@pytest.mark.parametrize("text", [
    'शिक्षकों ने कक्षाओं के दरवाज़े बंद कर दिए।',  # closing doors is no sanction
    'गेंदबाजों ने मेहमान टीम को 150 रन पर रोक दिया।',  # nor holding a team to a score
])
def test_stopping_what_states_do_not_give_each_other_is_no_sanction(pipeline, text):
    doc = pipeline.extract(text, published=PUB, lang="hi")
    assert not [e for e in doc.events if e.type == "SANCTION"]


def test_halting_trade_is_a_sanction(pipeline):
    check(pipeline, "hi", 'कतर ने सऊदी अरब के साथ व्यापार बंद कर दिया।', 'SANCTION', ['QAT'], ['SAU'])
