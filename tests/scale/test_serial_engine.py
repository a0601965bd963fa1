"""The scale-out's own parts without a cluster: extraction to Parquet partition by partition in
this process, loading it into a store, and querying it in place with DuckDB."""

import sqlite3

import pytest

from ghatna.scale import extract_corpus, load_parquet, query_events
from ghatna.scale.parquet import iter_partitions, read_manifest
from ghatna.scale.schema import documents
from ghatna.store import Store

from .conftest import comparable


@pytest.fixture(scope="module")
def out(corpus, pipeline, tmp_path_factory):
    d = tmp_path_factory.mktemp("parquet")
    report = extract_corpus(corpus[0], d, partition_size=40, serial=True, pipeline=pipeline)
    return d, report


def test_serial_engine_output_equals_the_serial_extraction(out, serial):
    d, report = out
    assert [doc.to_dict() for _, t in iter_partitions(d) for doc in documents(t)] == serial.docs
    assert report.errors == serial.failures and len(report.errors) == 4
    assert report.counts()["articles"] == len(serial.docs)
    assert report.events == sum(len(doc["events"]) for doc in serial.docs)
    manifest = read_manifest(d)
    assert manifest["counts"] == report.counts() and manifest["failed"] == []
    assert [p["index"] for p in manifest["partitions"]] == list(range(len(report.partitions)))


def test_loaded_store_equals_the_serial_store(out, serial, tmp_path):
    d, _ = out
    report = load_parquet(d, tmp_path / "s.db")
    assert (report.added, report.replaced, report.unchanged) == (len(serial.docs) - 2, 1, 1)
    assert [(f.where, f.message) for f in report.failures] == serial.failures
    with Store(tmp_path / "s.db") as st:
        assert st.stats() == serial.stats
        assert comparable(st) == serial.events
    again = load_parquet(d, tmp_path / "s.db")  # like a serial re-ingest: only the id with two texts flips
    assert (again.added, again.replaced, again.unchanged) == (0, 2, len(serial.docs) - 2)


def test_a_new_run_replaces_the_old_files(corpus, pipeline, tmp_path):
    extract_corpus(corpus[0], tmp_path, partition_size=10, serial=True, pipeline=pipeline)
    many = len(list((tmp_path / "events").glob("part-*.parquet")))
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    report = extract_corpus(corpus[0], tmp_path, partition_size=1000, serial=True, pipeline=pipeline)
    assert len(list((tmp_path / "events").glob("part-*.parquet"))) == len(report.partitions) < many
    assert (tmp_path / "notes.txt").exists()


FILTERS = [dict(), dict(type="ACCUSE"), dict(actor="IND"), dict(actor="Modi"), dict(actor="पुतिन"),
           dict(dyad=("IND", "PAK")), dict(dyad=("RUS", "USA")), dict(text="sanctions"), dict(text="प्रतिबंध"),
           dict(mode="visit"), dict(since="2020-02", until="2020-02"), dict(type="CONSULT", since="2020-03-01")]
EXACT = {"type", "actor", "dyad"}  # what all reports of one merged event share (their merge key)


@pytest.fixture(scope="module")
def loaded(out, tmp_path_factory):
    db = tmp_path_factory.mktemp("duck") / "f.db"
    load_parquet(out[0], db)
    return db


@pytest.mark.parametrize("filters", FILTERS, ids=[str(f) for f in FILTERS])
def test_duckdb_filters_match_the_store_on_event_reports(out, loaded, filters):
    """The Parquet holds reports, the store merged events, which match when one of their reports
    does: every report DuckDB selects belongs to an event the store selects, and every such event
    has a selected report; for filters on what a merged event's reports share, the sets are equal."""
    recs = query_events(out[0], **filters)
    assert len(recs) == len({r["id"] for r in recs})  # an article given twice counts once, in its last version
    con = sqlite3.connect(loaded)
    with Store(loaded, read_only=True) as st:
        events = {e["id"] for e in st.events(**filters)}
    event_of = dict(con.execute("SELECT a.article_id || '/' || r.seq, r.event_id FROM event_reports r "
                                "JOIN articles a ON a.pk = r.article_pk").fetchall())
    selected = {r["id"] for r in recs}
    if "since" in filters:  # a merged event takes the date of its most precise report
        assert selected and all(r["date"]["value"] >= filters["since"] for r in recs)
        return
    assert {event_of[i] for i in selected} == events
    if set(filters) <= EXACT:
        assert selected == {i for i, e in event_of.items() if e in events}
    if filters:
        assert recs


def test_duckdb_records_have_the_store_shape(out):
    d, _ = out
    recs = query_events(d, dyad=("IND", "PAK"), limit=3)
    assert len(recs) == 3
    keys = {"id", "type", "mode", "modality", "actors", "recipients", "date", "location", "cameo", "quad_class",
            "goldstein", "confidence", "flags", "trigger", "num_articles", "num_sources", "num_mentions",
            "first_published", "articles", "evidence", "recurrence", "casualties"}
    assert set(recs[0]) == keys
    assert recs[0]["evidence"][0]["text"] and recs[0]["actors"][0]["name"]
    days = [r["date"]["value"] for r in query_events(d)]
    dated = [x for x in days if x]
    assert dated == sorted(dated) and days[:len(dated)] == dated
