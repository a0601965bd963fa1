from ghatna import service
from ghatna.store import Store

from .conftest import visit_doc


def test_service_reads_a_store_while_it_is_open_for_writing(tmp_path):
    path = tmp_path / "e.db"
    with Store(path) as writer:
        writer.ingest([visit_doc("a1"), visit_doc("a2", source="X")])
        writer.conn.execute("BEGIN IMMEDIATE")  # a write in progress does not block readers (WAL)
        try:
            [ev] = service.query_events(path, actor="Modi")
            assert ev["num_articles"] == 2
            assert service.actor_counts(path, limit=1)[0]["events"] == 1
            assert service.dyad_summary(path, "IND", "RUS")["events"] == 1
            assert service.export(path, "jsonl", tmp_path / "e.jsonl") == 1
        finally:
            writer.conn.execute("ROLLBACK")


def test_service_accepts_an_open_store_and_ingests_paths(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("भारत ने पाकिस्तान की निंदा की।", encoding="utf-8")
    with Store() as st:
        report = service.ingest_paths(st, [src])
        assert report.added == 1 and report.ok
        assert service.query_events(st) == st.events()
        png = tmp_path / "d.png"
        service.dyad_summary(st, "IND", "PAK", plot=png)
        assert png.exists()
