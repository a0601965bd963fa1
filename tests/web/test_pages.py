"""The HTML pages: search, event, article (highlighted spans), dyad (timeline SVG), actor
(network SVG); escaping, 404s and security headers."""

from __future__ import annotations

import re
from urllib.parse import quote

from .conftest import ENGLISH_ID, HINDI_ID, XSS_ID


def marks(html: str, kind: str) -> list[str]:
    return re.findall(rf'<mark class="[^"]*" data-kind="{kind}"[^>]*>', html)


def test_search_page_lists_and_filters_events(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "<form" in r.text and 'name="dyad"' in r.text
    r = client.get("/events", params={"type": "SANCTION"})
    assert "SANCTION" in r.text and "United States" in r.text and "अमेरिका" in r.text  # English beside Hindi
    assert "1 event(s)" in r.text
    r = client.get("/events", params={"dyad": ["IND", "RUS"], "per": "2"})
    assert 'rel="next"' in r.text and "dyad=IND&amp;dyad=RUS" in r.text


def test_search_page_reports_bad_filters_without_failing(client):
    r = client.get("/events", params={"since": "yesterday", "page": "x", "per": "-3"})
    assert r.status_code == 400 and "expected a date" in r.text
    r = client.get("/events", params={"dyad": ["IND", ""]})
    assert r.status_code == 400 and "two actors" in r.text
    assert client.get("/events", params={"dyad": ["", ""]}).status_code == 200


def test_article_page_highlights_evidence_triggers_and_mentions(client):
    r = client.get(f"/articles/{HINDI_ID}")
    assert r.status_code == 200
    html = r.text
    assert 'id="article-text" lang="hi"' in html
    assert len(marks(html, "evidence")) == 2 and len(marks(html, "trigger")) == 2
    mentions = marks(html, "mention")
    assert any('data-actors="narendra-modi"' in m and 'data-mention-kind="person"' in m for m in mentions)
    assert any('data-actors="USA"' in m for m in mentions)
    assert "प्रतिबंध लगाए</mark>" in html
    assert 'class="event-list"' in html and "SANCTION" in html and "Narendra Modi" in html and "नरेंद्र मोदी" in html


def test_article_page_lists_quotes(client):
    html = client.get("/articles/modi_putin_hi").text
    assert len(marks(html, "quote")) == 1 and "Sergey Lavrov" in html and 'href="#quote-' in html


def test_english_article_page(client):
    html = client.get(f"/articles/{ENGLISH_ID}").text
    assert 'lang="en"' in html and "condemned</mark>" in html and marks(html, "mention")


def test_article_text_title_and_url_are_escaped(client):
    r = client.get(f"/articles/{quote(XSS_ID, safe='')}")
    assert r.status_code == 200
    html = r.text
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>1</b>" not in html
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in html
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in html
    assert 'href="javascript:' not in html  # an unsafe URL is shown, never linked
    assert "<i>src</i>" not in html
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_event_page(client):
    first = client.get("/api/events", params={"type": "SANCTION"}).json()["events"][0]
    html = client.get(f"/events/{first['id']}").text
    assert "SANCTION" in html and f"/articles/{HINDI_ID}#evidence-" in html and "CAMEO" in html
    assert client.get("/events/999999").status_code == 404
    assert client.get("/events/x").status_code == 404


def test_dyad_page_draws_a_monthly_timeline(client):
    r = client.get("/dyads/IND/RUS")
    assert r.status_code == 200
    html = r.text
    assert "India" in html and "भारत" in html and "Russia" in html and "रूस" in html
    svg = html[html.index("<svg"):html.index("</svg>")]
    assert 'class="bar type"' in svg and 'data-type="CONSULT"' in svg and 'class="bar cooperation"' in svg
    assert "2025-03" in svg
    assert client.get("/dyads/USA/IRN").text.count('class="bar conflict"') == 1
    assert client.get("/dyads/IND/RUS", params={"since": "soon"}).status_code == 400
    assert "no dated events" in client.get("/dyads/BRA/ARG").text


def test_actor_pages_draw_the_partner_network(client):
    html = client.get("/actors/narendra-modi").text
    assert "Narendra Modi" in html and "नरेंद्र मोदी" in html
    svg = html[html.index("<svg"):html.index("</svg>")]
    assert 'class="chart network"' in svg and 'data-actor="vladimir-putin"' in svg
    assert 'href="/dyads/narendra-modi/vladimir-putin"' in svg and "व्लादिमीर पुतिन" in svg
    listing = client.get("/actors").text
    assert 'href="/actors/narendra-modi"' in listing
    assert client.get("/actors/nobody-at-all").status_code == 404


def test_unknown_pages_are_html_404s_and_api_404s_are_json(client):
    r = client.get("/articles/does-not-exist")
    assert r.status_code == 404 and "does-not-exist" in r.text and r.headers["content-type"].startswith("text/html")
    r = client.get("/nowhere")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    r = client.get("/api/nowhere")
    assert r.status_code == 404 and r.json() == {"detail": "Not Found"}


def test_static_files(client):
    css = client.get("/static/style.css")
    assert css.status_code == 200 and '"Noto Sans Devanagari"' in css.text
    assert client.get("/static/app.js").status_code == 200
