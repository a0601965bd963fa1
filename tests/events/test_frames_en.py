"""English case frames: who acts and who is acted upon, in sentences written for these tests.

Each row: a sentence, the event type, the actor side and the recipient side (ISO3, or the
normalised name of a body without a country, e.g. "EU"). An empty recipient list means the act
has none to check.
"""

import pytest

from ghatna.events.lexicon import PLOVER_TYPES
from tests.events.sides import PUB, check, keys

# one act of each PLOVER type, with the one acted upon where the type has one
TYPES = [
    ("China and Japan agreed on a new trade pact on Monday.", "AGREE", ["CHN", "JPN"], []),
    ("Russia invited the Turkish President to visit Moscow.", "AGREE", ["RUS"], ["TUR"]),
    ("The Brazilian President visited Argentina last week.", "CONSULT", ["BRA"], ["ARG"]),
    ("The Canadian Prime Minister spoke by phone with the Mexican President.", "CONSULT", ["CAN", "MEX"], []),
    ("Nepal congratulated Sri Lanka on its independence day.", "SUPPORT", ["NPL"], ["LKA"]),
    ("France endorsed Ukraine's peace proposal.", "SUPPORT", ["FRA"], ["UKR"]),
    ("Italy extradited a suspect to Albania under the treaty.", "COOPERATE", ["ITA"], ["ALB"]),
    ("Japan sent humanitarian aid to the Philippines after the typhoon.", "AID", ["JPN"], ["PHL"]),
    ("Britain apologised to Kenya for colonial-era abuses.", "CONCEDE", ["GBR"], ["KEN"]),
    ("Pakistan released seven Afghan fishermen.", "RETREAT", ["PAK"], ["AFG"]),
    ("Egypt urged Ethiopia to resume talks on the dam.", "REQUEST", ["EGY"], ["ETH"]),
    ("Iran sharply criticised Saudi Arabia.", "ACCUSE", ["IRN"], ["SAU"]),
    ("Venezuela accused Colombia of plotting a coup.", "ACCUSE", ["VEN"], ["COL"]),
    ("China rejected Taiwan's offer of talks.", "REJECT", ["CHN"], []),
    ("North Korea threatened South Korea with grave consequences.", "THREATEN", ["PRK"], ["KOR"]),
    ("Bangladeshi students protested against the government in Dhaka.", "PROTEST", ["BGD"], ["BGD"]),
    ("The European Union imposed fresh economic sanctions on Belarus.", "SANCTION", ["~EU"], ["BLR"]),
    ("The United States expelled two Cuban diplomats.", "SANCTION", ["USA"], ["CUB"]),
    ("Russia deployed thousands of troops along the Ukrainian border.", "MOBILIZE", ["RUS"], []),
    ("Turkish police arrested a Greek journalist.", "COERCE", ["TUR"], ["GRC"]),
    ("Israel carried out air strikes on Iranian targets in Syria.", "ASSAULT", ["ISR"], ["IRN"]),
]
# the same frames through other forms: a noun, a participle, a relative clause, the passive, a
# phrase framing another clause, a clause of its own after ", as"
FORMS = [
    ("The American attack on Iran raised tensions in the Gulf.", "ASSAULT", ["USA"], ["IRN"]),
    ("The Japanese Prime Minister's visit to India will take place next month.", "CONSULT", ["JPN"], ["IND"]),
    ("Congratulating France, Germany said the two countries would work together.", "SUPPORT", ["DEU"], ["FRA"]),
    ("Russia, which attacked Ukraine in 2022, now says it wants talks.", "ASSAULT", ["RUS"], ["UKR"]),
    ("Two Iranian diplomats were expelled by Britain.", "SANCTION", ["GBR"], ["IRN"]),
    ("Missiles were fired at American bases in Iraq by Iran.", "ASSAULT", ["IRN"], ["USA"]),
    ("In a meeting with the Japanese Prime Minister, the Brazilian President discussed trade.", "CONSULT", ["BRA", "JPN"], []),
    ("The German Chancellor made the offer to the French President during a telephone call.", "CONSULT", ["DEU", "FRA"], []),
    ("The talks stalled, as Iran vowed harsh retaliation against the United States.", "THREATEN", ["IRN"], ["USA"]),
    ("Students in Bangladesh protested against the government in Dhaka.", "PROTEST", ["BGD"], ["BGD"]),
    # the owner of what is praised or condemned is the one it is aimed at; "continued" after a
    # possessive is no light verb
    ("Japan condemned North Korea's missile launch.", "ACCUSE", ["JPN"], ["PRK"]),
    # the noun of an act without an object takes its doer after "of"; the target as the subject
    ("The withdrawal of Kenyan troops from Somalia ended in June.", "RETREAT", ["KEN"], ["SOM"]),
    ("Azerbaijani positions came under heavy fire from Armenian troops.", "ASSAULT", ["ARM"], ["AZE"]),
    # a name in the gap of a phrase is its argument; verb classes of debt relief, call-ups, pauses
    ("Norway wrote off Malawi's bilateral debt.", "AID", ["NOR"], ["MWI"]),
    ("Israel called up thousands of reservists.", "MOBILIZE", ["ISR"], []),
    ("Canada paused all military aid to Ukraine.", "SANCTION", ["CAN"], ["UKR"]),
    ("Canada expressed appreciation for Norway’s continued support for Sudanese refugees.", "SUPPORT", ["CAN"],
     ["NOR"]),
    ("Canada expressed appreciation for Norway’s continued support for Sudanese refugees.", "SUPPORT", ["NOR"],
     ["SDN"]),
    ("Kenya condemned the rebels who attacked Somali villages.", "ACCUSE", ["KEN"], []),
    # an adverb before a verb in -s leaves it a verb (not "strong supports", a noun)
    ("Chile firmly backs Peru in the dispute.", "SUPPORT", ["CHL"], ["PER"]),
    ("Ghana strongly supports Togo's bid.", "SUPPORT", ["GHA"], ["TGO"]),
    # people or a person freed are captives; a capital as the passive's agent is its government
    ("Belarus freed three Lithuanians on Sunday.", "RETREAT", ["BLR"], ["LTU"]),
    ("Four Estonians were released by Moscow on Monday.", "RETREAT", ["RUS"], ["EST"]),
    # giving in, and a truce declared by one side, concede to the other
    ("Greece dropped its objections to North Macedonia's membership.", "CONCEDE", ["GRC"], ["MKD"]),
    ("Sudan's army announced a three-day ceasefire with Chad.", "CONCEDE", ["SDN"], ["TCD"]),
    ("The Eritrean President ordered a 72-hour truce in Ethiopia.", "CONCEDE", ["ERI"], ["ETH"]),
    ("Kosovo returned two villages to Serbia.", "RETREAT", ["XKX"], ["SRB"]),
    # judging another's act: a copula opens a predicate; the owner of an unnamed subject is judged
    ("Peru said Chile's actions were unacceptable.", "ACCUSE", ["PER"], ["CHL"]),
    # a relative "that" after a noun stands for it; a demonym before a named person qualifies them
    ("Talks stalled after a Turkish drone strike that killed Syrian General Ali Mahmoud.", "ASSAULT", ["TUR"],
     ["SYR"]),
    # a capital addressed or judged is its government; a plan dismissed
    ("The Dutch Prime Minister called on Pretoria to free the detained activists.", "REQUEST", ["NLD"], ["ZAF"]),
    ("Manila dismissed Hanoi's proposal on Friday.", "REJECT", ["PHL"], ["VNM"]),
    # a drill by two countries together is military exchange; by one alone, a show of force
    ("Egypt and Greece held a naval drill in the Mediterranean.", "COOPERATE", ["EGY", "GRC"], []),
    ("Iran held a naval drill near Bahrain.", "MOBILIZE", ["IRN"], ["BHR"]),
    # a country's possessive before a head no dictionary names takes the phrase's preposition;
    # weapon systems and rescue teams sent are aid
    ("Turkish drones struck a fuel depot in Syria's Idlib province.", "ASSAULT", ["TUR"], ["SYR"]),
    ("Canada delivered air defence systems to the Ukrainian army.", "AID", ["CAN"], ["UKR"]),
    # a charge with no one named to bring it is the state's prosecutors'
    ("Two Nepali activists were charged with sedition in Kathmandu.", "ACCUSE", ["NPL"], ["NPL"]),
    # a protest outside a body is aimed at it
    ("Hundreds of Serbs protested outside the Croatian embassy in Belgrade.", "PROTEST", ["SRB"], ["HRV"]),
    # a deployment faces the side across the border
    ("Cambodia deployed extra troops along its border with Thailand.", "MOBILIZE", ["KHM"], ["THA"]),
]


def test_every_plover_type_has_a_case():
    assert {row[1] for row in TYPES} == PLOVER_TYPES


@pytest.mark.parametrize("text,etype,actors,recipients", TYPES)
def test_frame_of_each_type(pipeline, text, etype, actors, recipients):
    check(pipeline, "en", text, etype, actors, recipients)


@pytest.mark.parametrize("text,etype,actors,recipients", FORMS)
def test_nominal_participial_relative_passive_and_framing_forms(pipeline, text, etype, actors, recipients):
    check(pipeline, "en", text, etype, actors, recipients)


def test_a_rally_is_not_joined_by_whoever_acts_during_it(pipeline):
    doc = pipeline.extract("Kenyan police fired tear gas at protesters during a rally in Nairobi.", published=PUB,
                           lang="en")
    assert not [e for e in doc.events if e.type == "PROTEST" and "police" in e.actors[0].name.lower()]


def test_praise_of_a_possessor_is_not_also_aimed_at_what_it_supports(pipeline):
    doc = pipeline.extract("Canada expressed appreciation for Norway’s continued support for Sudanese refugees.",
                           published=PUB, lang="en")
    praise = [e for e in doc.events if keys(e.actors) == ["CAN"]]
    assert praise and all(keys(e.recipients) == ["NOR"] for e in praise)
