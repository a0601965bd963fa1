"""The Parquet schema: it holds everything the extraction found (documents rebuild exactly), it
shares the export's column names and types, and docs/scale.md documents every column."""

import re
from pathlib import Path

import pytest

from ghatna.reader import ReadError, iter_articles
from ghatna.scale import parquet
from ghatna.scale.schema import TABLES, add_document, documents, empty_rows
from ghatna.store.export import FLAT_COLUMNS

from .conftest import AIR_HINDI

DOCS = Path(__file__).resolve().parents[2] / "docs" / "scale.md"


def _articles(corpus):
    out = []
    for path in corpus[1][:1]:
        out += [a for a in iter_articles(path) if not isinstance(a, ReadError)]
    if AIR_HINDI.exists():
        out += [a for a in iter_articles(AIR_HINDI) if not isinstance(a, ReadError)][:150]
    return out


def test_documents_rebuild_from_the_parquet_files(corpus, pipeline, tmp_path):
    docs = [pipeline.run(a) for a in _articles(corpus)]
    rows = empty_rows()
    for i, d in enumerate(docs):
        add_document(rows, d, f"00003-{i:06d}", f"x.jsonl:{i + 1}", 3)
    parquet.write_tables(rows, tmp_path, 3)
    assert parquet.part_indexes(tmp_path) == [3]
    back = list(documents(parquet.read_tables(tmp_path, 3)))
    assert [d.to_dict() for d in back] == [d.to_dict() for d in docs]
    assert [d.text for d in back] == [d.text for d in docs]
    assert [[e.sentence for ev in d.events for e in ev.evidence] for d in back] == \
        [[e.sentence for ev in d.events for e in ev.evidence] for d in docs]
    assert sum(len(d.events) for d in docs) > 100 and sum(len(d.quotes) for d in docs) >= 0


def test_every_table_is_written_even_when_empty(tmp_path):
    parquet.write_tables(empty_rows(), tmp_path, 0)
    for table in TABLES:
        assert (tmp_path / table / "part-00000.parquet").is_file()
    assert all(rows == [] for rows in parquet.read_tables(tmp_path, 0).values())
    assert not list(tmp_path.rglob("*.tmp"))


def test_columns_shared_with_the_export_have_its_types():
    flat = dict(FLAT_COLUMNS)
    events = dict(TABLES["events"])
    shared = {name for name in events if name in flat}
    assert {"day", "date", "type", "mode", "actor_ids", "recipient_countries", "goldstein", "flags"} <= shared
    assert {name: events[name] for name in shared} == {name: flat[name] for name in shared}


def test_docs_describe_every_table_and_column():
    if not DOCS.exists():
        pytest.fail("docs/scale.md is missing")
    text = DOCS.read_text(encoding="utf-8")
    for table, columns in TABLES.items():
        section = re.search(rf"^### `{table}`\n(.*?)(?=^### |\Z)", text, re.S | re.M)
        assert section, f"docs/scale.md has no section for the {table} table"
        for name, _ in columns:
            assert f"`{name}`" in section.group(1), f"{table}.{name} is not documented"
