"""Highlighting (nesting, splitting, escaping) and the SVG drawings, without a server."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ghatna.web.spans import article_spans, highlight
from ghatna.web.svg import network, timeline


def strip_tags(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_nested_spans_become_nested_marks():
    text = "अमरीका ने ईरान पर नए प्रतिबंध लगाए।"
    events = [{"id": 7, "evidence": [{"start": 0, "end": len(text), "trigger_start": 21, "trigger_end": 34}]}]
    mentions = [{"start": 0, "end": 6, "kind": "country", "entities": [{"id": "USA", "name": "United States"}]}]
    spans = article_spans(text, events, [], mentions)
    assert [s["kind"] for s in spans] == ["evidence", "mention", "trigger"]
    html = str(highlight(text, spans, {7: "#7 SANCTION"}))
    ET.fromstring(f"<div>{html}</div>")  # well-formed
    assert html.startswith('<mark class="hl hl-evidence" data-kind="evidence"')
    assert 'data-events="7"' in html and 'title="#7 SANCTION"' in html and 'data-actors="USA"' in html
    assert strip_tags(html) == text


def test_crossing_spans_are_split_and_text_escaped():
    text = "a <b> & c d"
    spans = [{"start": 0, "end": 6, "kind": "quote", "events": [], "entities": [], "mention_kind": None},
             {"start": 4, "end": 9, "kind": "mention", "events": [], "mention_kind": "person",
              "entities": [{"id": 'x"y', "name": "<i>"}]}]
    html = str(highlight(text, spans))
    ET.fromstring(f"<div>{html}</div>")
    assert 'data-part="cont"' in html and "&lt;b" in html and "&amp; c" in html and "<i>" not in html
    assert strip_tags(html).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") == text


def test_shared_evidence_is_one_span_and_bad_offsets_are_dropped():
    text = "one sentence."
    ev = {"start": 0, "end": 13, "trigger_start": 4, "trigger_end": 12}
    spans = article_spans(text, [{"id": 1, "evidence": [ev]}, {"id": 2, "evidence": [ev]},
                                 {"id": 3, "evidence": [{"start": 5, "end": 99}]}], [], [])
    assert [(s["kind"], s["events"]) for s in spans] == [("evidence", [1, 2]), ("trigger", [1, 2])]


def test_timeline_fills_missing_months_and_escapes():
    summary = {"by_type": {"CONSULT": 2, "<ATTACK>": 1}, "months": [
        {"month": "2024-11", "events": 2, "cooperation": 2, "conflict": 0, "by_type": {"CONSULT": 2}},
        {"month": "2025-02", "events": 1, "cooperation": 0, "conflict": 1, "by_type": {"<ATTACK>": 1}}]}
    svg = str(timeline(summary))
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    for m in ("2024-11", "2024-12", "2025-01", "2025-02"):
        assert m in svg
    assert "&lt;ATTACK&gt;" in svg and "<ATTACK>" not in svg
    assert svg.count('class="bar cooperation"') == 1 and svg.count('class="bar conflict"') == 1
    assert "no dated events" in str(timeline({"months": []}))


def test_network_links_partners_and_escapes_names():
    center = {"query": "IND", "name": "India", "name_hi": "भारत"}
    partners = [{"id": "RUS", "name": "Russia", "name_hi": "रूस", "events": 3, "cooperation": 3, "conflict": 0},
                {"id": "a/b", "name": "<Bad & co>", "name_hi": None, "events": 1, "cooperation": 0, "conflict": 1}]
    svg = str(network(center, partners))
    ET.fromstring(svg)
    assert 'href="/actors/RUS"' in svg and 'href="/dyads/IND/a%2Fb"' in svg
    assert "&lt;Bad &amp; co&gt;" in svg and "रूस" in svg and "भारत" in svg
    assert "no partners yet" in str(network(center, []))
