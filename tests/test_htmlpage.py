"""Saved web pages as articles: main text without boilerplate, title, canonical URL, date, language;
broken markup never crashes, and a page without text is an error that says so."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from typer.testing import CliRunner

from ghatna.cli import app
from ghatna.htmlpage import NoText, looks_like_html, read_page
from ghatna.model import Article
from ghatna.reader import ReadError, iter_located
from ghatna.store import Store
from tests.store.conftest import assert_consistent
from tests.webpages import ENGLISH, HINDI, page


@pytest.mark.parametrize("story", [*HINDI, *ENGLISH], ids=lambda s: s.slug)
def test_main_text_title_url_date_and_language(story):
    p = read_page(page(story).encode("utf-8"))
    assert p.text == f"{story.title}\n{story.body}"  # the headline first, as in a .txt article; no boilerplate
    assert p.title == story.title
    assert p.url == f"https://news.example/{story.slug}"
    assert p.published == story.published
    assert p.lang == story.lang


def test_a_page_without_canonical_link_date_or_language():
    p = read_page(page(HINDI[0], canonical=False, dated=False, declare_lang=None), url="http://x.example/a")
    assert p.url == "http://x.example/a"  # where it was fetched
    assert p.published is None
    assert p.lang is None  # left to detection


def test_a_declared_language_in_another_script_is_not_believed():
    assert read_page(page(HINDI[1], declare_lang="en")).lang is None
    assert read_page(page(ENGLISH[0], declare_lang="hi")).lang is None
    assert read_page(page(ENGLISH[0], declare_lang="en-GB")).lang == "en"


def test_encoding_from_the_http_header_or_the_page():
    story = ENGLISH[1]
    text = page(story).replace('<meta charset="utf-8">', "").replace("condemned", "condemned — “firmly”")
    assert "“firmly”" in read_page(text.encode("cp1252"), charset="windows-1252").text
    no_meta = page(HINDI[2]).replace('<meta charset="utf-8">', "").encode("utf-8")
    assert read_page(no_meta).text.startswith(HINDI[2].title)
    assert read_page(no_meta, charset="no-such-charset").text.startswith(HINDI[2].title)


GOOD = page(HINDI[0])
BROKEN = {
    "truncated": GOOD[: len(GOOD) * 2 // 3],
    "unclosed tags": GOOD.replace("</p>", "").replace("</article>", "").replace("</ul>", ""),
    "stray closing tags": GOOD.replace("<p>", "</div></span><p>", 2),
    "bad bytes": GOOD.encode("utf-8")[:400] + b"\xff\xfe\x80" + GOOD.encode("utf-8")[400:],
    "angle soup": "<<<>>><p>>>" + GOOD,
    "nul bytes": GOOD.replace("<p>", "<p>\x00", 1),
    "nested too deep": "<div>" * 3000 + "भारत ने पाकिस्तान से बातचीत की अपील की और सीमा पर शांति की मांग की।",
    "not html": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
    "empty": "",
    "only white space": " \n\t ",
}


@pytest.mark.parametrize("name", BROKEN)
def test_broken_markup_never_crashes(name):
    data = BROKEN[name]
    try:
        p = read_page(data if isinstance(data, bytes) else data.encode("utf-8"))
    except ValueError as exc:  # NoText included: a clear message, never a crash
        assert str(exc)
        return
    assert p.text.strip() and "<" not in p.text


def test_broken_pages_keep_their_readable_text():
    for name in ("truncated", "unclosed tags", "stray closing tags", "bad bytes", "nul bytes"):
        data = BROKEN[name]
        p = read_page(data if isinstance(data, bytes) else data.encode("utf-8"))
        assert HINDI[0].paragraphs[0] in p.text, name


@pytest.mark.parametrize("html", [
    "<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav><footer>© 2025</footer></body></html>",
    '<html lang="en"><head><title>Watch: the speech</title></head><body><h1>Watch: the speech</h1>'
    '<video src="v.mp4"></video></body></html>',
    "<html><head><script>var a = 1;</script></head><body><div id='root'></div></body></html>",
])
def test_a_page_without_main_text_is_no_article(html):
    with pytest.raises(NoText, match="no main text"):
        read_page(html.encode())


def test_looks_like_html():
    assert looks_like_html(b"\xef\xbb\xbf\n  <!DOCTYPE html><html>")
    assert looks_like_html(b"<html lang='hi'>")
    assert not looks_like_html("भारत ने <b> कहा".encode())
    assert not looks_like_html(b'{"text": "<html>"}')


def test_a_folder_of_saved_pages(tmp_path):
    (tmp_path / "nepal.html").write_text(page(HINDI[0]), encoding="utf-8")
    (tmp_path / "tokyo.HTM").write_text(page(ENGLISH[0], dated=False), encoding="utf-8")
    (tmp_path / "menu.html").write_text("<html><body><nav>Home World Sport</nav></body></html>", encoding="utf-8")
    (tmp_path / "note.txt").write_text("भारत ने पाकिस्तान की निंदा की।", encoding="utf-8")
    found = {loc.source.rsplit("/", 1)[-1]: loc.item for loc in iter_located(tmp_path, published=date(2025, 3, 1))}
    assert sorted(found) == ["menu.html", "nepal.html", "note.txt", "tokyo.HTM"]
    nepal, tokyo, menu = found["nepal.html"], found["tokyo.HTM"], found["menu.html"]
    assert isinstance(nepal, Article) and nepal.article_id == "nepal"
    assert (nepal.title, nepal.url, nepal.published, nepal.lang) == (
        HINDI[0].title, "https://news.example/nepal-border-talks", date(2025, 2, 11), "hi")
    assert tokyo.published == date(2025, 3, 1)  # the default fills in only what the page lacks
    assert isinstance(menu, ReadError) and "no main text" in menu.message and menu.source.endswith("menu.html")


def test_a_page_on_standard_input():
    [loc] = iter_located("-", stdin=io.BytesIO(page(ENGLISH[1]).encode("utf-8")))
    assert isinstance(loc.item, Article) and loc.item.text.startswith(ENGLISH[1].title + "\n")


def test_extract_codes_the_page_text_with_offsets_into_it(tmp_path):
    f = tmp_path / "jammu.html"
    f.write_text(page(HINDI[1]), encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(f), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rec = json.loads(result.stdout)
    text = read_page(f.read_bytes()).text
    assert rec["article_id"] == "jammu" and rec["lang"] == "hi" and rec["published"] == "2025-02-12"
    assert "ACCUSE" in {e["type"] for e in rec["events"]}
    for ev in rec["events"]:
        for span in ev["evidence"]:
            assert text[span["start"]:span["end"]] == span["text"]


def test_ingest_stores_the_extracted_text_and_reports_empty_pages(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for s in (*HINDI, *ENGLISH):
        (pages / f"{s.slug}.html").write_text(page(s), encoding="utf-8")
    (pages / "video.html").write_text("<html><body><h1>Watch</h1><video></video></body></html>", encoding="utf-8")
    db = tmp_path / "events.db"
    result = CliRunner().invoke(app, ["ingest", str(pages), "--db", str(db), "--no-progress"])
    assert result.exit_code == 1  # something failed: the empty page, named
    assert "video.html: no main text found in the page" in result.output
    assert f"{len(HINDI) + len(ENGLISH)} added" in result.output
    with Store(db) as st:
        art = st.article("iran-sanctions")
        assert art["text"] == read_page(page(HINDI[2])).text and art["url"] == "https://news.example/iran-sanctions"
        assert st.stats()["events"] > 0
        assert_consistent(st.conn)
