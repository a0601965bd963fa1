"""Casualties and unattributed attacks in the store and its exports (issue 13)."""

import csv
import json
from datetime import date

import pytest

from ghatna.events.unattributed import FLAG, unidentified_attackers
from ghatna.model import Casualties, Location
from ghatna.store import Store
from ghatna.store.export import FLAT_COLUMNS
from ghatna.store.schema import LATEST, MIGRATIONS

from .conftest import doc, event

KABUL = Location("Kabul", "AFG", 34.5553, 69.2075)
S1 = "काबुल में एक बाजार में धमाका हुआ, जिसमें 12 लोग मारे गए और 30 घायल हुए।"
S2 = "काबुल के बाजार में हुए धमाके में 14 लोगों की मौत हो गई।"


def _attack(article_id: str, sentence: str, trigger: str, words: str, killed: int, injured: int | None,
            published: date):
    """A report of a Kabul blast no one claimed, counting ``words`` (a part of ``sentence``)."""
    text = f"{sentence} ({article_id})"
    ev = event(text, sentence, trigger, "ASSAULT", [unidentified_attackers("AFG")], [], "2024-07-09",
               mode="explosives", location=KABUL)
    start = text.index(words)
    ev.casualties = Casualties(killed, injured, None, None, start, start + len(words), words)
    ev.flags = [FLAG]
    return doc(article_id, text, [ev], published=published)


@pytest.fixture
def st():
    with Store() as s:
        s.ingest([_attack("a1", S1, "धमाका", "12 लोग मारे गए और 30 घायल", 12, 30, date(2024, 7, 10)),
                  _attack("a2", S2, "धमाके", "14 लोगों की मौत", 14, None, date(2024, 7, 11))])
        yield s


def test_the_casualties_migration_is_the_latest_or_before_it():
    assert any(m.name == "casualties of conflict events" for m in MIGRATIONS)
    assert max(m.version for m in MIGRATIONS) == LATEST


def test_reports_of_one_attack_merge_keeping_the_fullest_count_with_its_article(st):
    [rec] = st.events()
    assert rec["num_articles"] == 2 and rec["flags"] == [FLAG]
    assert [a["name"] for a in rec["actors"]] == ["unidentified attackers"]
    c = rec["casualties"]
    assert (c["killed"], c["injured"], c["article_id"]) == (12, 30, "a1")
    text = st.article("a1")["text"]
    assert text[c["start"] : c["end"]] == c["text"]


def test_exports_carry_the_counts(st, tmp_path):
    out = tmp_path / "e.jsonl"
    st.export("jsonl", out)
    assert json.loads(out.read_text(encoding="utf-8"))["casualties"]["killed"] == 12
    out = tmp_path / "e.csv"
    st.export("csv", out)
    with out.open(encoding="utf-8", newline="") as fh:
        row = next(csv.DictReader(fh))
    assert (row["killed"], row["injured"], row["abducted"], row["arrested"]) == ("12", "30", "", "")
    assert row["casualties_text"].startswith("12 लोग मारे गए")
    assert {"killed", "injured", "abducted", "arrested", "casualties_text"} <= {n for n, _ in FLAT_COLUMNS}


def test_parquet_export_has_integer_counts(st, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "e.parquet"
    st.export("parquet", out)
    table = pq.read_table(out)
    assert str(table.schema.field("killed").type) == "int64"
    assert table.column("killed").to_pylist() == [12]


def test_a_pipeline_document_with_casualties_round_trips(pipeline):
    text = "क्वेटा में एक बम धमाके में 30 लोगों की मौत हो गई और 45 अन्य घायल हो गए।"
    d = pipeline.extract(text, published=date(2025, 3, 28), lang="hi", article_id="q1", unattributed=True)
    with Store() as s:
        s.ingest([d])
        [rec] = s.events()
    c = rec["casualties"]
    assert (c["killed"], c["injured"], rec["flags"]) == (30, 45, [FLAG])
    assert text[c["start"] : c["end"]] == c["text"]
