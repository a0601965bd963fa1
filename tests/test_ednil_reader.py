"""The reader of FIRE EDNIL's inline XML (bench/ednil.py), on a document written for this test and,
when ../shared is there, on the shared half: text rebuilt from the words, every span an offset
into it, attack mentions joined by their coreference links."""

import sys
from datetime import date
from pathlib import Path

from tests.conftest import need_shared

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import ednil  # noqa: E402

XML = """<?xml version="1.0" encoding="UTF-8"?>
<DOCUMENT><DESC/><TIME>12</TIME><P><PLACE-ARG ID="5"><LINK EVENT_ARG="1" ID="20" TYPE_REL="EVENT_ARG"/><W> कोहाट </W></PLACE-ARG><W> में </W><MAN_MADE_EVENT ID="1" TYPE="NORMAL_BOMBING"><W> धमाका, </W></MAN_MADE_EVENT><CASUALTIES-ARG ID="6"><LINK EVENT_ARG="1" ID="21" TYPE_REL="EVENT_ARG"/><W> चार </W><W> घायल </W></CASUALTIES-ARG></P>
<P><W> सुबह </W><W> हुए </W><W> इस </W><MAN_MADE_EVENT ID="2" TYPE="NORMAL_BOMBING"><EVENT-COREF-LINK EVENT_ID="1" ID="22" TYPE_REL="EVENT_COREF"/><W> विस्फोट </W></MAN_MADE_EVENT><W> के </W><W> बाद </W><W> बाजार </W><W> में </W><NATURAL_EVENT ID="3" TYPE="STORM"><W> आंधी </W></NATURAL_EVENT><W> भी </W><W> आई। </W></P></DOCUMENT>"""


def test_text_offsets_clusters_and_arguments():
    art = ednil.parse_article("navbharat_2019_3_4_123", XML)
    assert art.text == "कोहाट में धमाका, चार घायल\nसुबह हुए इस विस्फोट के बाद बाजार में आंधी भी आई।"
    assert art.published == date(2019, 3, 4)
    for x in [*art.events, *art.arguments]:
        assert art.text[x.start : x.end] == x.text
    assert [(e.text, e.type, e.is_attack) for e in art.events] == [
        ("धमाका,", "NORMAL_BOMBING", True), ("विस्फोट", "NORMAL_BOMBING", True), ("आंधी", "STORM", False)]
    assert [[e.text for e in c] for c in art.attack_clusters()] == [["धमाका,", "विस्फोट"]]
    assert [(a.role, a.text, a.events) for a in art.arguments] == [("PLACE", "कोहाट", ["1"]),
                                                                   ("CASUALTIES", "चार घायल", ["1"])]


def test_dates_in_file_names():
    assert ednil.published_from_name("news5.txt_30_08_2018.xml") == date(2018, 8, 30)
    assert ednil.published_from_name("volcanic-eruption-58874765.txt.xml") is None


def test_the_shared_half_reads_with_every_span_in_place():
    tar = need_shared("corpus", "ednil_hindi_attacks_gold_xml.tar.gz")
    arts = list(ednil.read_articles(tar))
    assert len(arts) == 415
    assert sum(len(a.attack_clusters()) for a in arts) > 150
    for a in arts:
        for x in [*a.events, *a.arguments]:
            assert a.text[x.start : x.end] == x.text
