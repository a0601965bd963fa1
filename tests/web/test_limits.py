"""Issue 14: extraction cannot tie up the server. Requests are limited in size and rate, and
extraction runs within a time budget (in worker processes for `ghatna serve`)."""

from __future__ import annotations

import os
import time

import pytest
from fastapi.testclient import TestClient

from ghatna.web import create_app
from ghatna.web.extraction import ExtractionTimeout, ProcessExtractor

from .conftest import TOKEN


@pytest.fixture()
def limited(web_db, pipeline) -> TestClient:
    return TestClient(create_app(web_db, token=TOKEN, pipeline=pipeline, extract_per_minute=3))


def test_each_client_may_extract_a_few_times_a_minute(limited):
    codes = [limited.post("/api/extract", json={"text": "भारत ने चीन की निंदा की।"}).status_code for _ in range(5)]
    assert codes[:3] == [200, 200, 200] and codes[3:] == [429, 429]
    r = limited.post("/api/extract", json={"text": "x"})
    assert int(r.headers["retry-after"]) >= 1 and "too many requests" in r.json()["detail"]
    assert limited.get("/api/events").status_code == 200  # reading is not limited


def test_long_texts_need_the_token(client):
    text = "भारत ने चीन की निंदा की। " * 5000  # 125,000 characters
    r = client.post("/api/extract", json={"text": text})
    assert r.status_code == 413 and "token" in r.json()["detail"]
    r = client.post("/api/extract", json={"text": text}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200 and r.json()["events"]


def test_publication_dates_out_of_range_are_refused_not_failed(client):
    for published in ("0001-01-01", "9999-12-31"):
        r = client.post("/api/extract", json={"text": "भारत ने कल चीन की निंदा की।", "published": published})
        assert r.status_code == 422 and "out of range" in r.text


def test_a_slow_extraction_is_a_clear_503(web_db, pipeline):
    class Slow:
        def start(self):
            pass

        def extract(self, text, **kw):
            raise ExtractionTimeout("extraction took longer than its budget of 1 s and was stopped")

        def close(self):
            pass

    c = TestClient(create_app(web_db, token=TOKEN, pipeline=pipeline, extractor=Slow()))
    r = c.post("/api/extract", json={"text": "भारत"})
    assert r.status_code == 503 and "budget" in r.json()["detail"] and r.headers["retry-after"]
    r = c.get("/articles/hi-sanctions-call")  # the page still shows, without the mentions
    assert r.status_code == 200


def test_a_deleted_store_is_a_503_not_a_traceback(tmp_path, pipeline):
    from ghatna import service

    db = tmp_path / "gone.db"
    service.ingest_paths(db, [])
    c = TestClient(create_app(db, pipeline=pipeline), raise_server_exceptions=False)
    assert c.get("/api/events").status_code == 200
    for f in tmp_path.glob("gone.db*"):
        f.unlink()
    r = c.get("/api/events")
    assert r.status_code == 503 and "no such database" in r.json()["detail"]
    r = c.get("/events")
    assert r.status_code == 503 and "unavailable" in r.text


def _sleepy_pipeline():
    """A pipeline whose extraction of "SLEEP" never ends (for the worker-process test)."""
    from ghatna.pipeline import Pipeline

    class Sleepy(Pipeline):
        def extract(self, text, **kw):
            if text == "SLEEP":
                time.sleep(60)
            return super().extract(text, **kw)

    return Sleepy()


@pytest.mark.skipif(os.environ.get("GHATNA_SKIP_PROCESS_TESTS") == "1", reason="no worker processes here")
def test_worker_process_is_stopped_at_the_budget_and_replaced():
    ex = ProcessExtractor(budget=3, factory=_sleepy_pipeline, start_method="fork")
    try:
        doc = ex.extract("भारत ने चीन की निंदा की।", lang="hi")  # starts the worker, loads the dictionaries
        assert doc.events and doc.tokens == []  # lean: only what was found crosses over
        started = time.monotonic()
        with pytest.raises(ExtractionTimeout, match="budget"):
            ex.extract("SLEEP", lang="hi")
        assert time.monotonic() - started < 10
        assert ex.extract("भारत ने चीन की निंदा की।", lang="hi").events  # a fresh worker took over
    finally:
        ex.close()
