import csv
import io
import json

import pytest
from typer.testing import CliRunner

from ghatna.cli import app

runner = CliRunner()

ARTICLES = [
    {"id": "n1", "text": "अमरीका ने ईरान पर नए प्रतिबंध लगाए।", "date": "2020-01-03", "url": "https://a.in/1"},
    {"id": "n2", "text": "भारत ने पाकिस्तान की निंदा की।", "date": "2020-01-04"},
    {"id": "n3", "text": "प्रधानमंत्री नरेंद्र मोदी ने रूस का दौरा किया।", "date": "2020-01-05"},
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    d = tmp_path_factory.mktemp("cli")
    src = d / "news.jsonl"
    lines = [json.dumps(a, ensure_ascii=False) for a in ARTICLES]
    src.write_text("\n".join([lines[0], "{broken", *lines[1:]]) + "\n", encoding="utf-8")
    path = d / "events.db"
    r = runner.invoke(app, ["ingest", str(src), "--db", str(path), "--no-progress"])
    assert r.exit_code == 1, r.output  # the broken line is a failure
    assert f"{src}:2" in r.output and "3 added" in r.output and "1 failed" in r.output
    return path


def test_ingest_again_is_unchanged_and_succeeds(db, tmp_path):
    ok = tmp_path / "ok.jsonl"
    ok.write_text(json.dumps(ARTICLES[0], ensure_ascii=False) + "\n", encoding="utf-8")
    r = runner.invoke(app, ["ingest", str(ok), "--db", str(db)])
    assert r.exit_code == 0, r.output
    assert "1 unchanged" in r.output and "articles/s" in r.output


def test_ingest_missing_path_is_a_usage_error(tmp_path):
    r = runner.invoke(app, ["ingest", str(tmp_path / "nope"), "--db", str(tmp_path / "e.db")])
    assert r.exit_code == 2 and "no such file" in r.output


def test_events_formats(db):
    r = runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl"])
    assert r.exit_code == 0, r.output
    recs = [json.loads(line) for line in r.stdout.splitlines() if line.startswith("{")]
    assert recs and all(rec["evidence"] for rec in recs)
    r = runner.invoke(app, ["events", "--db", str(db), "--format", "csv", "--actor", "USA"])
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert all("USA" in row["actor_countries"] + row["recipient_countries"] for row in rows)
    r = runner.invoke(app, ["events", "--db", str(db), "--dyad", "USA", "IRN", "--limit", "1"])
    assert r.exit_code == 0 and "event(s)" in r.output


def test_events_bad_date_and_missing_db(db, tmp_path):
    r = runner.invoke(app, ["events", "--db", str(db), "--since", "yesterday"])
    assert r.exit_code == 2 and "YYYY" in r.output
    r = runner.invoke(app, ["events", "--db", str(tmp_path / "none.db")])
    assert r.exit_code == 2 and "no such database" in r.output


def test_actors_and_dyad(db, tmp_path):
    r = runner.invoke(app, ["actors", "--db", str(db), "--json", "--limit", "3"])
    assert r.exit_code == 0
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert 0 < len(rows) <= 3 and rows[0]["events"] >= rows[-1]["events"]
    assert runner.invoke(app, ["actors", "--db", str(db)]).exit_code == 0
    png = tmp_path / "t.png"
    r = runner.invoke(app, ["dyad", "IND", "PAK", "--db", str(db), "--json", "--plot", str(png)])
    assert r.exit_code == 0, r.output
    summary = json.loads(r.stdout)
    assert summary["a"] == "IND" and "months" in summary and png.exists()
    r = runner.invoke(app, ["dyad", "IND", "PAK", "--db", str(db)])
    assert r.exit_code == 0 and "IND – PAK" in r.output


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "gdelt"])
def test_export(db, tmp_path, fmt):
    out = tmp_path / f"e.{fmt}"
    r = runner.invoke(app, ["export", "--format", fmt, "--out", str(out), "--db", str(db)])
    assert r.exit_code == 0, r.output
    assert out.stat().st_size > 0 and "written to" in r.output


def test_export_parquet_to_stdout_is_refused(db):
    r = runner.invoke(app, ["export", "--format", "parquet", "--out", "-", "--db", str(db)])
    assert r.exit_code == 2 and "binary" in r.output


def test_every_store_command_is_documented():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "store.md").read_text(encoding="utf-8")
    for command in ("ingest", "events", "actors", "dyad", "export"):
        assert f"ghatna {command} " in doc, command


def test_markup_in_ids_texts_and_failures_prints_as_it_is(tmp_path):
    src = tmp_path / "markup.jsonl"
    recs = [{"id": "[/bold]", "text": "भारत ने [/red] पाकिस्तान की निंदा की।", "date": "2020-01-03"},
            {"id": "[bold]x", "text": "अमरीका ने ईरान पर नए प्रतिबंध लगाए। [link=https://x]y[/link]", "date": "2020-01-04"}]
    lines = [json.dumps(r, ensure_ascii=False) for r in recs] + ['{"id": "[/red]", "text": 5}']
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "m.db"
    r = runner.invoke(app, ["ingest", str(src), "--db", str(db)])  # with the progress bar
    assert r.exit_code == 1 and r.exception is None or isinstance(r.exception, SystemExit), r.output
    assert "2 added" in r.output and "1 failed" in r.output
    r = runner.invoke(app, ["events", "--db", str(db)], env={"COLUMNS": "250"})
    assert r.exit_code == 0, r.output
    assert "[/bold]" in r.stdout and "[/red]" in r.stdout
    r = runner.invoke(app, ["actors", "--db", str(db)])
    assert r.exit_code == 0, r.output


def test_a_bad_line_among_good_ones_loses_none_of_them(tmp_path):
    from tests.badinputs import BAD_LINES, jsonl_around

    db = tmp_path / "b.db"
    for k, name in enumerate(("invalid_utf8", "raw_nul", "deep_array", "year_one")):
        data, ids, line = jsonl_around(BAD_LINES[name], seed=k)
        src = tmp_path / f"{name}.jsonl"
        src.write_bytes(data)
        r = runner.invoke(app, ["ingest", str(src), "--db", str(db), "--no-progress"])
        assert r.exit_code == 1 and "20 added" in r.output and f"{src}:{line}" in r.output, r.output
        assert "Traceback" not in r.output


def test_events_by_recipient(db):
    r = runner.invoke(app, ["events", "--db", str(db), "--recipient", "IRN", "--format", "jsonl"])
    assert r.exit_code == 0, r.output
    recs = [json.loads(line) for line in r.stdout.splitlines() if line.startswith("{")]
    assert recs and all(any(p["country"] == "IRN" for p in rec["recipients"]) for rec in recs)
    r = runner.invoke(app, ["events", "--db", str(db), "--recipient", "USA", "--format", "jsonl"])
    assert r.exit_code == 0 and not [line for line in r.stdout.splitlines() if line.startswith("{")]
