import json
from datetime import date

import pytest

from ghatna.model import Article, Quote
from ghatna.store import Store
from ghatna.store import merge as merge_module
from ghatna.store.ingest import ADDED, FAILED, REPLACED, UNCHANGED, content_hash

from .conftest import IND, PAK, RUS, assert_consistent, doc, dump, event, visit_doc

HINDI = [  # short sentences written for these tests, each with its publication date
    ("अमरीका ने ईरान पर नए प्रतिबंध लगाए।", date(2020, 1, 3)),
    ("भारत ने पाकिस्तान की निंदा की।", date(2020, 1, 4)),
    ("प्रधानमंत्री नरेंद्र मोदी ने रूस का दौरा किया।", date(2020, 1, 5)),
    ("ईरान ने अमरीका को धमकी दी। भारत ने नेपाल को सहायता भेजी।", date(2020, 1, 6)),
]


class ExplodingPipeline:
    """Stands in for the pipeline where it must not run, or must fail on some articles."""

    def __init__(self, real=None, fail_on: str | None = None) -> None:
        self.real, self.fail_on, self.calls = real, fail_on, 0

    def run(self, article):
        self.calls += 1
        if self.real is None or article.article_id == self.fail_on or self.fail_on in article.text:
            raise RuntimeError("extraction exploded")
        return self.real.run(article)


def _articles():
    return [Article(text, f"hi-{i}", None, pub, "hi") for i, (text, pub) in enumerate(HINDI)]


def test_pipeline_output_is_stored_as_extracted(store, pipeline):
    docs = [pipeline.run(a) for a in _articles()]
    report = store.ingest(_articles(), pipeline)
    assert report.ok and report.added == len(HINDI)
    assert report.events == sum(len(d.events) for d in docs)
    for d in docs:
        pk = store.conn.execute("SELECT pk FROM articles WHERE article_id = ?", (d.article.article_id,)).fetchone()[0]
        stored = store.conn.execute("SELECT type, mode, modality FROM event_reports WHERE article_pk = ? "
                                    "ORDER BY seq", (pk,)).fetchall()
        assert [tuple(r) for r in stored] == [(e.type, e.mode, e.modality) for e in d.events]
        assert store.conn.execute("SELECT count(*) FROM evidence WHERE article_pk = ?", (pk,)).fetchone()[0] \
            == sum(len(e.evidence) for e in d.events)
    assert store.article("hi-0")["text"] == HINDI[0][0]
    assert_consistent(store.conn)


def test_reingesting_the_same_text_changes_nothing(file_store, pipeline):
    file_store.ingest(_articles(), pipeline)
    before = dump(file_store.conn)
    guard = ExplodingPipeline()  # the text is stored: it must not even be extracted again
    report = file_store.ingest(_articles(), guard)
    assert (report.unchanged, report.added, report.replaced, report.failed, guard.calls) == (len(HINDI), 0, 0, 0, 0)
    assert dump(file_store.conn) == before


def test_reingesting_the_same_document_changes_nothing(store):
    docs = [visit_doc("a1", twice=True), visit_doc("a2", source="X")]
    store.ingest(docs)
    before = dump(store.conn)
    report = store.ingest([visit_doc("a1", twice=True), visit_doc("a2", source="X")])
    assert report.unchanged == 2 and report.events == 0
    assert dump(store.conn) == before


def test_articles_without_id_are_keyed_by_content_hash(store, pipeline):
    text = HINDI[1][0]
    store.ingest([Article(text, published=date(2020, 1, 4))], pipeline)
    store.ingest([Article(text, published=date(2020, 1, 4))], pipeline)
    store.ingest([Article(text + " भारत ने पाकिस्तान की निंदा की।", published=date(2020, 1, 4))], pipeline)
    rows = store.conn.execute("SELECT article_id, content_hash FROM articles ORDER BY pk").fetchall()
    assert len(rows) == 2
    assert rows[0]["content_hash"] == content_hash(text) and rows[0]["article_id"] == Article(text).article_id


def test_changed_text_under_the_same_id_replaces_its_events(store):
    outcomes = []
    store.ingest([visit_doc("a1", twice=True)], progress=lambda r, o: outcomes.append(o))
    text = "भारत ने पाकिस्तान की निंदा की। यह बयान कल आया। मोदी ने कहा 'शांति ज़रूरी है'।"
    quote = Quote(text.index("शांति"), text.index("शांति") + len("शांति ज़रूरी है"), "शांति ज़रूरी है", None, 2)
    new = doc("a1", text, [event(text, "भारत ने पाकिस्तान की निंदा की।", "निंदा", "ACCUSE", [IND], [PAK],
                                 "2024-07-10", "publication", mode="disapprove")], quotes=[quote])
    store.ingest([new], progress=lambda r, o: outcomes.append(o))
    assert outcomes == [ADDED, REPLACED]
    assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    [ev] = store.events()
    assert ev["type"] == "ACCUSE" and ev["num_mentions"] == 1
    assert [e["text"] for e in ev["evidence"]] == ["भारत ने पाकिस्तान की निंदा की।"]
    assert not store.events(type="CONSULT")
    assert store.conn.execute("SELECT text FROM quotes").fetchone()[0] == "शांति ज़रूरी है"
    assert store.article("a1")["content_hash"] == content_hash(text)
    assert_consistent(store.conn)


def test_force_reextracts_stored_texts(store):
    store.ingest([visit_doc("a1")])
    report = store.ingest([visit_doc("a1")], force=True)
    assert report.replaced == 1
    assert store.count() == 1
    assert_consistent(store.conn)


def test_a_failing_write_leaves_no_trace_of_the_article(store, monkeypatch):
    store.ingest([visit_doc("a1")])
    before = dump(store.conn)
    real = merge_module.update_clusters

    def fail_for_a2(conn, windows, *args, **kw):
        if any(r[0] == "a2" for r in conn.execute(
                "SELECT article_id FROM articles WHERE pk = (SELECT max(pk) FROM articles)")):
            raise RuntimeError("disk on fire")
        return real(conn, windows, *args, **kw)

    monkeypatch.setattr("ghatna.store.ingest.update_clusters", fail_for_a2)
    report = store.ingest([visit_doc("a2"), visit_doc("a1", recipient=PAK)])  # a new one fails, a replacement works
    assert report.failed == 1 and report.replaced == 1 and "disk on fire" in str(report.failures[0])
    assert store.conn.execute("SELECT count(*) FROM articles WHERE article_id = 'a2'").fetchone()[0] == 0
    assert dump(store.conn)["articles"] != before["articles"]
    assert_consistent(store.conn)


def _write_inputs(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    lines = [
        json.dumps({"id": "j1", "text": HINDI[0][0], "date": "2020-01-03"}, ensure_ascii=False),
        "",
        "{not json",
        json.dumps({"id": "j2", "text": "   "}),
        json.dumps({"id": "j3", "text": "बम फटा। BOOM", "date": "2020-01-04"}, ensure_ascii=False),
        "[1, 2]",
        json.dumps({"id": "j4", "text": HINDI[1][0], "date": "2020-01-04"}, ensure_ascii=False),
    ]
    (d / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (d / "latin1.txt").write_bytes("café".encode("latin-1"))
    (d / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (d / "empty.txt").write_text("", encoding="utf-8")
    (d / "huge.txt").write_text("क" * 7_000_000, encoding="utf-8")  # a 21 MB text
    (d / "ok.txt").write_text(HINDI[2][0], encoding="utf-8")
    return d


def test_failures_are_reported_with_file_and_line_and_never_stop_the_run(tmp_path, pipeline):
    d = _write_inputs(tmp_path)
    boom = ExplodingPipeline(pipeline, fail_on="BOOM")
    with Store(tmp_path / "e.db") as st:
        seen = []
        report = st.ingest([d], boom, progress=lambda r, o: seen.append(o), published=date(2020, 1, 5))
        stored = {r[0] for r in st.conn.execute("SELECT article_id FROM articles")}
    where = {f.where: f.message for f in report.failures}
    a = str(d / "a.jsonl")
    assert where.keys() == {f"{a}:3", f"{a}:4", f"{a}:5", f"{a}:6", str(d / "latin1.txt"),
                            str(d / "binary.txt"), str(d / "empty.txt"), str(d / "huge.txt")}
    assert "extraction exploded" in where[f"{a}:5"] and "j3" in where[f"{a}:5"]
    assert "UTF-8" in where[str(d / "latin1.txt")] and "binary" in where[str(d / "binary.txt")]
    assert "exceeds" in where[str(d / "huge.txt")] and "empty" in where[str(d / "empty.txt")]
    assert stored == {"j1", "j4", "ok"}
    assert (report.added, report.failed, report.processed) == (3, 8, 11)
    assert len(seen) == 11 and seen.count(FAILED) == 8
    assert not report.ok and "8 failed" in report.summary()


def test_missing_paths_and_wrong_objects(store):
    report = store.ingest(["/nonexistent/news.jsonl"])
    assert report.failed == 1 and "no such file" in report.failures[0].message
    with pytest.raises(TypeError):
        store.ingest([42])


def test_a_single_path_string_is_one_source(tmp_path, store, pipeline):
    p = tmp_path / "one.txt"
    p.write_text(HINDI[1][0], encoding="utf-8")
    report = store.ingest(str(p), pipeline, published=date(2020, 1, 4))
    assert report.added == 1 and report.ok
    assert store.article("one")["published"] == "2020-01-04"


def test_unchanged_reingest_is_reported(store):
    store.ingest([visit_doc("a1")])
    outcomes = []
    store.ingest([visit_doc("a1")], progress=lambda r, o: outcomes.append(o))
    assert outcomes == [UNCHANGED]


def test_bad_offsets_are_a_failure_not_a_stored_lie(store):
    d = visit_doc("a1")
    d.article.text = d.article.text.replace("प्रधानमंत्री", "पीएम")
    report = store.ingest([d])
    assert report.failed == 1 and "offsets" in report.failures[0].message
    assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0


def test_ingest_report_rates():
    from ghatna.store.ingest import IngestReport

    r = IngestReport(added=10, seconds=2.0)
    assert r.articles_per_second == 5.0 and r.ok
    assert IngestReport().articles_per_second == 0.0


def test_actor_table_is_filled(store):
    store.ingest([visit_doc("a1")])
    ids = {r[0] for r in store.conn.execute("SELECT id FROM actors")}
    assert {"narendra-modi", "RUS"} <= ids
    assert RUS.name in {r[0] for r in store.conn.execute("SELECT name FROM actors")}
