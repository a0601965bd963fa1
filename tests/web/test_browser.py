"""The article page in real headless Chromium (Debian's /usr/bin/chromium driven by Playwright; no
browser download): the highlighted spans are there, the script works under the page's CSP, the
Devanagari text is drawn with a Devanagari font, and a screenshot is saved.

Skips when chromium or playwright is missing. GHATNA_SCREENSHOT=path also saves a screenshot of
the bundled example's page there; docs/screenshot-article.png is made so:

    GHATNA_SCREENSHOT=docs/screenshot-article.png pytest tests/web/test_browser.py
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ghatna.web import create_app

from .conftest import HINDI_ID

CHROMIUM = Path("/usr/bin/chromium")
DEVANAGARI_FONT = Path("/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(web_db, pipeline) -> Iterator[str]:
    uvicorn = pytest.importorskip("uvicorn")
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(web_db, pipeline=pipeline), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=5)


@pytest.fixture()
def page(tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=str(CHROMIUM), headless=True, args=ARGS,
            viewport={"width": 1280, "height": 900}, device_scale_factor=1)
        try:
            yield context.new_page()
        finally:
            context.close()


def test_article_page_in_chromium(page, base_url, tmp_path):
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{base_url}/articles/{HINDI_ID}", wait_until="load")
    text = page.locator("#article-text")
    assert text.get_attribute("lang") == "hi"
    assert page.locator("#article-text mark[data-kind=evidence]").count() == 2
    assert page.locator("#article-text mark[data-kind=trigger]").all_inner_texts() == ["प्रतिबंध लगाए",
                                                                                        "फोन पर बातचीत"]
    modi = page.locator('#article-text mark[data-kind=mention][data-actors="narendra-modi"]')
    assert modi.inner_text() == "प्रधानमंत्री नरेंद्र मोदी" and modi.is_visible()
    assert page.locator('#article-text mark[data-kind=mention][data-actors="USA"]').inner_text() == "अमरीका"
    background = page.locator("#article-text mark[data-kind=evidence]").first.evaluate(
        "m => getComputedStyle(m).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")  # the stylesheet loaded

    # the page's script (allowed by its CSP) links the side list to the text
    sanction = page.locator(".event-list li", has_text="SANCTION")
    event_id = sanction.get_attribute("data-event")
    sanction.hover()
    lit = page.locator("#article-text mark.active")
    assert lit.count() >= 1 and all(event_id in (m.get_attribute("data-events") or "").split() for m in lit.all())

    if DEVANAGARI_FONT.exists():  # what Chromium actually drew the Hindi text with
        cdp = page.context.new_cdp_session(page)
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "#article-text mark[data-kind=trigger]"})
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
        assert any("Devanagari" in f["familyName"] for f in fonts), fonts

    shot = tmp_path / "article.png"
    page.mouse.move(0, 0)
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    assert not errors, errors


@pytest.mark.skipif(not os.environ.get("GHATNA_SCREENSHOT"), reason="set GHATNA_SCREENSHOT=path to save one")
def test_screenshot_of_the_bundled_example(page, base_url):
    page.set_viewport_size({"width": 1280, "height": 1200})  # the side list scrolls within the window
    page.goto(f"{base_url}/articles/modi_putin_hi", wait_until="load")
    assert page.locator("#article-text mark[data-kind=quote]").count() == 1
    page.screenshot(path=os.environ["GHATNA_SCREENSHOT"], full_page=True)
