"""Conflict events in the web API and pages (issue 13): the extract endpoint's `unattributed`
option, casualties in the JSON and on the article and event pages."""

from .conftest import TOKEN

ATTACK = "क्वेटा में एक बम धमाके में 30 लोगों की मौत हो गई और 45 अन्य घायल हो गए।"


def test_extract_codes_unclaimed_attacks_only_when_asked(client):
    off = client.post("/api/extract", json={"text": ATTACK, "published": "2025-03-28"}).json()
    assert [e["type"] for e in off["events"]] == []
    on = client.post("/api/extract", json={"text": ATTACK, "published": "2025-03-28", "unattributed": True}).json()
    [ev] = on["events"]
    assert ev["actors"][0]["name"] == "unidentified attackers" and "unattributed_actor" in ev["flags"]
    c = ev["casualties"]
    assert (c["killed"], c["injured"]) == (30, 45) and ATTACK[c["start"] : c["end"]] == c["text"]


def test_an_unknown_option_is_refused(client):
    r = client.post("/api/extract", json={"text": ATTACK, "unattributed": "perhaps"})
    assert r.status_code == 422


def test_stored_attack_shows_its_casualties_on_its_pages(scratch):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = scratch.post("/api/articles", headers=auth, json={"text": ATTACK, "published": "2025-03-28",
                                                          "article_id": "quetta", "unattributed": True})
    assert r.status_code == 201 and r.json()["events"] == 1
    [ev] = scratch.get("/api/events").json()["events"]
    assert ev["casualties"]["killed"] == 30 and ev["casualties"]["article_id"] == "quetta"
    page = scratch.get("/articles/quetta").text
    assert "30 killed, 45 injured" in page
    event_page = scratch.get(f"/events/{ev['id']}").text
    assert "30 killed, 45 injured" in event_page and "casualties" in event_page
