"""Fixtures for the web tests: a store file with a Hindi article, the bundled example, an English
article and a hostile one, and TestClients over it (with and without a write token)."""

from __future__ import annotations

import warnings
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("jinja2")
warnings.filterwarnings("ignore", message=".*httpx2.*")  # starlette prefers httpx2 now; httpx works

from fastapi.testclient import TestClient  # noqa: E402

from ghatna import service  # noqa: E402
from ghatna.model import Article  # noqa: E402
from ghatna.web import create_app  # noqa: E402

TOKEN = "s3cret-test-token"
HINDI_ID = "hi-sanctions-call"
HINDI = ("अमरीका ने ईरान पर नए प्रतिबंध लगाए। प्रधानमंत्री नरेंद्र मोदी ने मंगलवार को रूस के राष्ट्रपति व्लादिमीर पुतिन "
         "से फोन पर बातचीत की।")
ENGLISH_ID = "en-condemn"
ENGLISH = "India on Tuesday condemned Pakistan. Prime Minister Narendra Modi met Russian President Vladimir Putin in Moscow."
XSS_ID = "xss/<b>1</b>"
XSS = "भारत ने पाकिस्तान की निंदा की। <script>alert('xss')</script> \"><img src=x onerror=alert(1)>"


@pytest.fixture(scope="session")
def web_db(tmp_path_factory, pipeline) -> Path:
    path = tmp_path_factory.mktemp("web") / "events.db"
    articles = [
        Article(HINDI, HINDI_ID, "प्रतिबंध और फोन वार्ता", date(2025, 3, 28), "hi", "test", "https://example.org/hi"),
        Article(ENGLISH, ENGLISH_ID, "India condemns", date(2025, 3, 28), "en", "test", "https://example.org/en"),
        Article(XSS, XSS_ID, "<script>alert('title')</script>", date(2025, 3, 29), "hi", "<i>src</i>",
                "javascript:alert(1)"),
    ]
    report = service.ingest_paths(path, ["example"], pipeline=pipeline)
    assert report.ok and report.added == 1
    with service.open_store(path, read_only=False) as st:
        report = st.ingest(articles, pipeline)
    assert report.ok and report.added == 3, report.failures
    return path


@pytest.fixture(scope="session")
def client(web_db, pipeline) -> TestClient:
    return TestClient(create_app(web_db, token=TOKEN, pipeline=pipeline))


@pytest.fixture(scope="session")
def open_client(web_db, pipeline) -> TestClient:
    """No token configured: reading works, writing is refused."""
    return TestClient(create_app(web_db, pipeline=pipeline))


@pytest.fixture()
def scratch(tmp_path, pipeline) -> TestClient:
    """A fresh, empty store that the tests may write to."""
    return TestClient(create_app(tmp_path / "scratch.db", token=TOKEN, pipeline=pipeline))
