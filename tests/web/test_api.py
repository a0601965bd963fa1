"""The JSON API: every endpoint, its errors (401/403, 404, 413, 422) and its OpenAPI document."""

from __future__ import annotations

from urllib.parse import quote

from .conftest import ENGLISH_ID, HINDI, HINDI_ID, TOKEN, XSS_ID

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_events_are_paginated_with_a_total(client):
    all_ = client.get("/api/events", params={"limit": 500}).json()
    assert all_["total"] == len(all_["events"]) >= 10
    page = client.get("/api/events", params={"limit": 3, "offset": 2}).json()
    assert page["total"] == all_["total"] and page["limit"] == 3 and page["offset"] == 2
    assert [e["id"] for e in page["events"]] == [e["id"] for e in all_["events"][2:5]]


def test_events_take_the_cli_filters(client):
    def ids(**params):
        return {e["id"] for e in client.get("/api/events", params=params).json()["events"]}

    sanctions = client.get("/api/events", params={"type": "sanction"}).json()
    assert sanctions["total"] == 1
    [ev] = sanctions["events"]
    assert ev["actors"][0]["id"] == "USA" and ev["recipients"][0]["id"] == "IRN"
    assert ev["evidence"][0]["article_id"] == HINDI_ID
    assert ids(actor="मोदी") == ids(actor="Modi") and ids(actor="Modi")
    assert ids(dyad=["IND", "RUS"]) <= ids(actor="IND")
    assert ids(mode="phone") and all(e["mode"] == "phone" for e in client.get("/api/events?mode=phone").json()["events"])
    assert ids(text="प्रतिबंध") == {ev["id"]}
    assert ids(since="2025-03-28", until="2025-03-28") <= ids()
    assert ids(since="2031") == set()


def test_event_filters_are_validated(client):
    assert client.get("/api/events", params={"since": "last week"}).status_code == 422
    r = client.get("/api/events", params={"since": "2024-02-30"})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["query", "since"]
    assert client.get("/api/events", params={"dyad": ["IND"]}).status_code == 422
    r = client.get("/api/events", params={"dyad": ["IND", " "]})
    assert r.status_code == 422 and "two actors" in r.json()["detail"][0]["msg"]
    assert client.get("/api/events", params={"dyad": ["IND", "RUS", "PAK"]}).status_code == 422
    assert client.get("/api/events", params={"limit": 0}).status_code == 422
    assert client.get("/api/events", params={"offset": -1}).status_code == 422


def test_one_event_and_404(client):
    first = client.get("/api/events", params={"limit": 1}).json()["events"][0]
    r = client.get(f"/api/events/{first['id']}")
    assert r.status_code == 200 and r.json() == first
    assert client.get("/api/events/999999").status_code == 404
    assert client.get("/api/events/99999999999999999999999").status_code == 422  # beyond SQLite integers
    assert client.get("/api/events/abc").status_code == 422


def test_article_has_text_events_quotes_and_spans(client):
    r = client.get(f"/api/articles/{HINDI_ID}")
    assert r.status_code == 200
    art = r.json()
    assert art["text"] == HINDI and art["lang"] == "hi" and art["published"] == "2025-03-28"
    assert {e["type"] for e in art["events"]} == {"SANCTION", "CONSULT"}
    assert all(v["article_id"] == HINDI_ID for e in art["events"] for v in e["evidence"])
    for s in art["spans"]:
        assert art["text"][s["start"]:s["end"]] == s["text"]
    kinds = {s["kind"] for s in art["spans"]}
    assert {"evidence", "trigger", "mention"} <= kinds
    mentions = {s["text"]: s for s in art["spans"] if s["kind"] == "mention"}
    assert mentions["अमरीका"]["entities"][0]["id"] == "USA"
    assert mentions["प्रधानमंत्री नरेंद्र मोदी"]["entities"][0]["name"] == "Narendra Modi"
    triggers = {s["text"] for s in art["spans"] if s["kind"] == "trigger"}
    assert {"प्रतिबंध लगाए", "फोन पर बातचीत"} <= triggers


def test_article_quotes_and_ids_with_slashes(client):
    art = client.get("/api/articles/modi_putin_hi").json()
    assert art["quotes"][0]["speaker_name"] == "Sergey Lavrov" and art["quotes"][0]["speaker_name_hi"]
    assert any(s["kind"] == "quote" for s in art["spans"])
    r = client.get(f"/api/articles/{quote(XSS_ID, safe='')}")
    assert r.status_code == 200 and r.json()["article_id"] == XSS_ID
    assert client.get("/api/articles/no-such-article").status_code == 404


def test_actors(client):
    rows = client.get("/api/actors", params={"limit": 5}).json()
    assert 0 < len(rows) <= 5 and rows[0]["events"] >= rows[-1]["events"]
    modi = client.get("/api/actors/narendra-modi").json()
    assert modi["name"] == "Narendra Modi" and modi["name_hi"] == "नरेंद्र मोदी" and modi["events"] >= 2
    assert "vladimir-putin" in {p["id"] for p in modi["partners"]}
    india = client.get("/api/actors/IND").json()
    assert india["name"] == "India" and all(p["country"] != "IND" for p in india["partners"])
    assert client.get("/api/actors/nobody-at-all").status_code == 404


def test_dyad_counts_by_month_and_type(client):
    d = client.get("/api/dyads/USA/IRN").json()
    assert d["events"] == 1 and d["by_type"] == {"SANCTION": 1} and d["conflict"] == 1
    assert d["months"] == [{"month": "2025-03", "events": 1, "cooperation": 0, "conflict": 1,
                            "by_type": {"SANCTION": 1}, "balance": -1.0, "goldstein_mean": d["goldstein_mean"]}]
    assert client.get("/api/dyads/IND/RUS").json()["cooperation"] >= 2
    assert client.get("/api/dyads/IND/RUS", params={"since": "someday"}).status_code == 422
    empty = client.get("/api/dyads/BRA/ARG").json()
    assert empty["events"] == 0 and empty["months"] == []


def test_extract_stores_nothing(client, web_db):
    before = client.get("/api/events").json()["total"]
    r = client.post("/api/extract", json={"text": HINDI, "published": "2025-03-28"})
    assert r.status_code == 200
    out = r.json()
    assert [e["type"] for e in out["events"]] == ["SANCTION", "CONSULT"]
    assert out["events"][1]["date"]["value"] == "2025-03-25"  # मंगलवार before the publication date
    assert {m["text"] for m in out["mentions"]} >= {"अमरीका", "ईरान"}
    assert client.get("/api/events").json()["total"] == before
    assert client.post("/api/extract", json={"text": ""}).status_code == 422
    assert client.post("/api/extract", json={"text": "x", "lang": "fr"}).status_code == 422
    assert client.post("/api/extract", content=b"not json", headers={"content-type": "application/json"}
                       ).status_code == 422


def test_posting_articles_needs_a_configured_token(open_client):
    r = open_client.post("/api/articles", json={"text": HINDI}, headers=AUTH)
    assert r.status_code == 403 and "GHATNA_TOKEN" in r.json()["detail"]


def test_posting_articles_needs_the_right_bearer_token(scratch):
    r = scratch.post("/api/articles", json={"text": HINDI})
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert scratch.post("/api/articles", json={"text": HINDI}, headers={"Authorization": "Bearer wrong"}
                        ).status_code == 401
    assert scratch.post("/api/articles", json={"text": HINDI}, headers={"Authorization": f"Basic {TOKEN}"}
                        ).status_code == 401
    assert scratch.get("/api/events").json()["total"] == 0


def test_posting_an_article_stores_it_idempotently(scratch):
    body = {"text": HINDI, "published": "2025-03-28", "article_id": "posted/1", "title": "t", "url": "https://x.in"}
    r = scratch.post("/api/articles", json=body, headers=AUTH)
    assert r.status_code == 201, r.text
    out = r.json()
    assert out == {"article_id": "posted/1", "outcome": "added", "events": 2,
                   "api_url": "/api/articles/posted%2F1", "page_url": "/articles/posted%2F1"}
    again = scratch.post("/api/articles", json=body, headers=AUTH)
    assert again.status_code == 200 and again.json()["outcome"] == "unchanged"
    changed = scratch.post("/api/articles", json={**body, "text": "भारत ने पाकिस्तान की निंदा की।"}, headers=AUTH)
    assert changed.status_code == 200 and changed.json()["outcome"] == "replaced"
    assert scratch.get(out["api_url"]).json()["title"] == "t"
    assert scratch.get("/api/events").json()["total"] == 1
    assert scratch.post("/api/articles", json={"text": "x", "bogus": 1}, headers=AUTH).status_code == 422


def test_bodies_over_5_mb_are_refused(client):
    big = b'{"text": "' + b"a" * (5 * 1024 * 1024) + b'"}'
    r = client.post("/api/extract", content=big, headers={"content-type": "application/json"})
    assert r.status_code == 413
    r = client.post("/api/articles", content=big, headers={"content-type": "application/json", **AUTH})
    assert r.status_code == 413

    def chunks():  # no Content-Length: the streamed body is counted
        for _ in range(6):
            yield b"a" * (1024 * 1024)

    r = client.post("/api/extract", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413
    assert client.post("/api/extract", json={"text": "भारत ने पाकिस्तान की निंदा की।"}).status_code == 200


def test_a_false_content_length_is_refused(client):
    r = client.post("/api/extract", content=b"{}", headers={"content-type": "application/json",
                                                            "content-length": "99999999999"})
    assert r.status_code == 413


def test_openapi_document_lists_the_api(client):
    spec = client.get("/api/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/actors",
            "/api/dyads/{a}/{b}", "/api/extract", "/api/articles"} <= set(spec["paths"])
    assert not any(p.startswith(("/articles", "/dyads", "/actors/")) for p in spec["paths"])  # pages are not API
    assert client.get("/api/docs").status_code == 200


def test_other_articles_are_reachable(client):
    assert client.get(f"/api/articles/{ENGLISH_ID}").json()["lang"] == "en"


def test_an_article_whose_extraction_fails_still_shows_its_evidence(web_db, pipeline, monkeypatch):
    from fastapi.testclient import TestClient

    from ghatna.web import create_app

    c = TestClient(create_app(web_db, pipeline=pipeline))
    monkeypatch.setattr(pipeline, "extract", lambda *a, **k: 1 / 0)
    art = c.get(f"/api/articles/{HINDI_ID}").json()
    assert {s["kind"] for s in art["spans"]} == {"evidence", "trigger"}
    assert c.get(f"/articles/{HINDI_ID}").status_code == 200


def test_events_filtered_by_confidence(client):
    every = client.get("/api/events", params={"limit": 500}).json()["events"]
    confidences = sorted(e["confidence"] for e in every)
    cut = confidences[len(confidences) // 2]  # a threshold some events pass and some do not
    kept = client.get("/api/events", params={"limit": 500, "min_confidence": cut}).json()["events"]
    assert kept and all(e["confidence"] >= cut for e in kept)
    assert len(kept) == sum(c >= cut for c in confidences)
    assert client.get("/api/events", params={"min_confidence": 1.5}).status_code == 422
    page = client.get("/events", params={"min_confidence": "lots"})
    assert page.status_code == 400 and "min_confidence" in page.text
