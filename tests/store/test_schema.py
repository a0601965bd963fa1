import sqlite3

import pytest

import ghatna
from ghatna.store import Store
from ghatna.store.db import connect
from ghatna.store.schema import LATEST, SchemaError, current_version, migrate

from .conftest import visit_doc


def test_store_is_importable_lazily_from_ghatna():
    assert ghatna.Store is Store


def test_migrations_are_recorded_once(tmp_path):
    path = tmp_path / "e.db"
    with Store(path) as st:
        rows = st.conn.execute("SELECT version, name FROM schema_migrations").fetchall()
        assert [r["version"] for r in rows] == list(range(1, LATEST + 1))
    with Store(path) as st:  # reopening applies nothing again
        assert migrate(st.conn) == []
        assert current_version(st.conn) == LATEST


def test_file_store_uses_wal_and_foreign_keys(file_store):
    assert file_store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert file_store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with pytest.raises(sqlite3.IntegrityError):
        file_store.conn.execute("INSERT INTO evidence (report_id, article_pk, position, start, \"end\", text) "
                                "VALUES (999, 999, 0, 0, 1, 'x')")


def test_read_only_store_reads_but_cannot_write(tmp_path):
    path = tmp_path / "e.db"
    with Store(path) as st:
        st.ingest([visit_doc("a1")])
    with Store(path, read_only=True) as ro:
        assert ro.count() == 1
        with pytest.raises(sqlite3.OperationalError):
            ro.conn.execute("DELETE FROM articles")
        report = ro.ingest([visit_doc("a2")])  # a write failure is a reported failure, not a crash
        assert report.failed == 1 and "readonly" in report.failures[0].message


def test_read_only_refuses_missing_or_foreign_databases(tmp_path):
    with pytest.raises(FileNotFoundError):
        Store(tmp_path / "missing.db", read_only=True)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(SchemaError, match="not a ghatna store"):
        Store(other, read_only=True)
    with pytest.raises(ValueError):
        connect(":memory:", read_only=True)


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "e.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_migrations VALUES (?, 'from the future', '2099-01-01')", (LATEST + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(SchemaError, match="newer"):
        Store(path)
