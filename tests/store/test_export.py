import csv
import json

import pytest

from ghatna.store import Store
from ghatna.store.export import FLAT_COLUMNS
from ghatna.store.gdelt import COLUMNS

from .conftest import IND, MODI, PAK, PUTIN, doc, event, visit_doc


@pytest.fixture
def st():
    text = "मोदी और पुतिन ने बातचीत की।\tदोनों नेता मिले।"
    talk = doc("t1", text, [event(text, "मोदी और पुतिन ने बातचीत की।", "बातचीत", "CONSULT", [MODI, PUTIN], [],
                                  "2024-07")], url="https://example.in/t1")
    accuse = doc("c1", "भारत ने पाकिस्तान की निंदा की।", [event("भारत ने पाकिस्तान की निंदा की।",
                 "भारत ने पाकिस्तान की निंदा की।", "निंदा", "ACCUSE", [IND], [PAK], None, mode="disapprove")])
    with Store() as s:
        s.ingest([visit_doc("v1", url="https://www.example.in/v1", twice=True),
                  visit_doc("v2", url="https://news.example.org/v2"), talk, accuse])
        yield s


def test_jsonl_round_trip(st, tmp_path):
    out = tmp_path / "e.jsonl"
    assert st.export("jsonl", out) == 3
    back = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert back == st.events()
    visit = next(r for r in back if r["mode"] == "visit")
    assert visit["num_articles"] == 2 and len(visit["evidence"]) == 3


def test_csv_reads_back_with_the_csv_module(st, tmp_path):
    out = tmp_path / "e.csv"
    st.export("csv", out)
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == [name for name, _ in FLAT_COLUMNS]
    assert len(rows) == 3
    visit = next(r for r in rows if r["mode"] == "visit")
    assert visit["day"] == "2024-07-09" and visit["actor_ids"] == "narendra-modi" and visit["num_articles"] == "2"
    assert visit["article_ids"] == "v1; v2" and visit["lat"] == "55.7558"
    talk = next(r for r in rows if r["date"] == "2024-07")
    assert talk["actor_names"] == "Narendra Modi; Vladimir Putin" and talk["day"] == "2024-07-01"
    undated = next(r for r in rows if r["type"] == "ACCUSE")
    assert undated["day"] == "" and undated["quad_class"] == "3"


def test_parquet_reads_back_with_pyarrow(st, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "e.parquet"
    assert st.export("parquet", out) == 3
    table = pq.read_table(out)
    assert table.num_rows == 3 and table.column_names == [name for name, _ in FLAT_COLUMNS]
    rows = table.to_pylist()
    visit = next(r for r in rows if r["mode"] == "visit")
    assert visit["actor_ids"] == ["narendra-modi"] and visit["num_mentions"] == 3
    assert str(table.schema.field("day").type) == "date32[day]" and visit["day"].isoformat() == "2024-07-09"
    assert str(table.schema.field("goldstein").type) == "double"


def test_parquet_reads_back_with_duckdb(st, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    out = tmp_path / "e.parquet"
    st.export("parquet", out)
    rows = duckdb.sql(f"SELECT type, num_articles FROM '{out}' WHERE list_contains(actor_ids, 'narendra-modi') "
                      "ORDER BY num_articles DESC").fetchall()
    assert rows[0] == ("CONSULT", 2)


def test_empty_parquet_still_has_the_schema(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    with Store() as s:
        assert s.export("parquet", tmp_path / "none.parquet") == 0
    assert pq.read_table(tmp_path / "none.parquet").column_names[0] == "id"


def test_gdelt_tsv_has_61_columns_and_what_ghatna_knows(st, tmp_path):
    out = tmp_path / "e.tsv"
    assert st.export("gdelt", out) == 3
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3  # no header
    rows = [dict(zip(COLUMNS, line.split("\t"), strict=True)) for line in lines]
    assert all(len(line.split("\t")) == 61 for line in lines)
    visit = next(r for r in rows if r["EventCode"] == "042")
    assert (visit["Day"], visit["MonthYear"], visit["Year"]) == ("20240709", "202407", "2024")
    assert visit["FractionDate"] == f"{2024 + (7 * 30 + 9) / 365:.4f}"
    assert (visit["Actor1Code"], visit["Actor1Name"], visit["Actor1CountryCode"], visit["Actor1Type1Code"]) == \
        ("INDGOV", "NARENDRA MODI", "IND", "GOV")
    assert (visit["Actor2Code"], visit["Actor2CountryCode"]) == ("RUS", "RUS")
    assert (visit["EventBaseCode"], visit["EventRootCode"], visit["QuadClass"], visit["GoldsteinScale"]) == \
        ("042", "04", "1", "1.9")
    assert (visit["NumMentions"], visit["NumSources"], visit["NumArticles"]) == ("3", "2", "2")
    assert (visit["ActionGeo_Type"], visit["ActionGeo_FullName"], visit["ActionGeo_Lat"]) == ("4", "Moscow", "55.7558")
    assert visit["ActionGeo_CountryCode"] == "RS" and visit["AvgTone"] == ""  # FIPS 10-4: Russia is RS
    assert visit["SOURCEURL"] == "https://www.example.in/v1" and len(visit["DATEADDED"]) == 14
    assert visit["IsRootEvent"] == "1"
    talk = next(r for r in rows if r["EventCode"] == "040")
    assert talk["Actor2Name"] == "VLADIMIR PUTIN" and talk["Day"] == "20240701"
    undated = next(r for r in rows if r["EventCode"] == "111")
    assert undated["Day"] == "20240710" and undated["SOURCEURL"] == "c1"  # publication day, article id


def test_filtered_export_and_stdout(st, tmp_path, capsys):
    assert st.export("jsonl", tmp_path / "x.jsonl", type="ACCUSE") == 1
    st.export("csv", "-")
    assert capsys.readouterr().out.startswith("id,day,date,")
    with pytest.raises(ValueError, match="binary"):
        st.export("parquet", "-")
    with pytest.raises(ValueError, match="unknown export format"):
        st.export("xml", tmp_path / "x.xml")


def test_timeline_plot(st, tmp_path):
    pytest.importorskip("matplotlib")
    out = st.plot_dyad("IND", "RUS", tmp_path / "t.png")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    from ghatna.store.plot import month_range, timeline

    assert month_range("2023-11", "2024-02") == ["2023-11", "2023-12", "2024-01", "2024-02"]
    empty = timeline(st.dyad("USA", "PAK"), tmp_path / "none.svg")
    assert empty.read_text().lstrip().startswith("<?xml")


def test_fips_table_covers_the_gazetteer_but_the_uncertain_codes():
    from ghatna.gazetteer.load import Gazetteer
    from ghatna.store.gdelt import fips_codes

    fips = fips_codes()
    assert all(len(v) == 2 and v.isupper() and v.isalpha() for v in fips.values())
    assert len(set(fips.values())) == len(fips)  # one country, one code
    countries = set(Gazetteer.load().countries)
    assert set(fips) <= countries
    assert countries - set(fips) == {"ALA", "BES", "PSE", "SJM", "UMI"}  # named in the table's header
    # where FIPS differs from ISO 3166-1 alpha-2: the codes most often written wrong
    expected = {"DEU": "GM", "GBR": "UK", "CHN": "CH", "RUS": "RS", "ISR": "IS", "IRQ": "IZ", "JPN": "JA",
                "KOR": "KS", "PRK": "KN", "AUS": "AS", "AUT": "AU", "BGD": "BG", "LKA": "CE", "MMR": "BM",
                "NPL": "NP", "PAK": "PK", "ZAF": "SF", "ESP": "SP", "SWE": "SW", "CHE": "SZ", "UKR": "UP",
                "VNM": "VM", "PHL": "RP", "TUR": "TU", "IND": "IN", "USA": "US", "SRB": "RI", "XKX": "KV"}
    assert {k: fips[k] for k in expected} == expected
