"""The CLI options of the scale-out: --engine, --scheduler, --workers, --parquet-out on ingest and
--parquet on events (the Dask runs themselves are in test_dask.py)."""

import json
import sys

import pytest
from typer.testing import CliRunner

from ghatna.cli import app
from ghatna.store import Store

from .synthetic import records, write_jsonl

runner = CliRunner()


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    d = tmp_path_factory.mktemp("cli-scale")
    return write_jsonl(d / "news.jsonl", records(40), bad_lines=True)


def test_parquet_out_without_db_leaves_parquet_only(small, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "pq"
    r = runner.invoke(app, ["ingest", str(small), "--parquet-out", str(out), "--no-progress"])
    assert r.exit_code == 1, r.output  # the bad lines
    assert f"failed {small}:7: " in r.output and "4 failed input(s)" in r.output
    assert "Parquet left in" in r.output and not (tmp_path / "events.db").exists()
    assert sorted(p.name for p in out.iterdir()) == ["_manifest.json", "articles", "errors", "events", "evidence",
                                                     "participants", "quotes"]
    r = runner.invoke(app, ["events", "--parquet", str(out), "--dyad", "IND", "PAK", "--format", "jsonl"])
    assert r.exit_code == 0, r.output
    recs = [json.loads(line) for line in r.stdout.splitlines()]
    assert recs and all(rec["num_articles"] == 1 for rec in recs)
    r = runner.invoke(app, ["events", "--parquet", str(out), "--type", "ACCUSE", "--format", "csv", "--limit", "2"])
    assert r.exit_code == 0 and len(r.stdout.strip().splitlines()) == 3
    r = runner.invoke(app, ["events", "--parquet", str(out), "--limit", "1"])
    assert r.exit_code == 0 and "1 event(s)" in r.output


def test_parquet_out_with_db_also_loads_the_store(small, tmp_path):
    db = tmp_path / "e.db"
    r = runner.invoke(app, ["ingest", str(small), "--parquet-out", str(tmp_path / "pq"), "--db", str(db),
                            "--no-progress"])
    assert r.exit_code == 1, r.output
    assert "40 added" in r.output and "4 failed" in r.output
    serial = tmp_path / "serial.db"
    runner.invoke(app, ["ingest", str(small), "--db", str(serial), "--no-progress"])
    with Store(db, read_only=True) as a, Store(serial, read_only=True) as b:
        assert a.stats() == b.stats()


def test_usage_errors(small, tmp_path):
    cases = [(["--scheduler", "tcp://127.0.0.1:1"], "for --engine dask"),
             (["--engine", "dask", "--scheduler", "tcp://127.0.0.1:1", "--workers", "2"], "not both"),
             (["--engine", "dask", "--scheduler", "127.0.0.1:8786"], "tcp://HOST"),
             (["--engine", "dask", "--workers", "0"], "at least 1")]
    for extra, message in cases:
        r = runner.invoke(app, ["ingest", str(small), *extra, "--db", str(tmp_path / "x.db")])
        assert r.exit_code == 2 and message in r.output, (extra, r.output)
    r = runner.invoke(app, ["ingest", "-", "--engine", "dask"])
    assert r.exit_code == 2 and "serial engine only" in r.output
    r = runner.invoke(app, ["ingest", str(tmp_path / "nope.jsonl"), "--engine", "dask"])
    assert r.exit_code == 2 and "no such file or folder" in r.output
    r = runner.invoke(app, ["events", "--parquet", str(tmp_path)])
    assert r.exit_code == 2 and "no ghatna Parquet output" in r.output


def test_without_dask_the_engine_says_how_to_install_it(small, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    r = runner.invoke(app, ["ingest", str(small), "--engine", "dask", "--db", str(tmp_path / "x.db")])
    assert r.exit_code == 2
    assert "pip install 'ghatna[scale]'" in r.output


def test_without_duckdb_events_parquet_says_how_to_install_it(tmp_path, monkeypatch):
    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "part-00000.parquet").write_bytes(b"")
    monkeypatch.setitem(sys.modules, "duckdb", None)
    r = runner.invoke(app, ["events", "--parquet", str(tmp_path)])
    assert r.exit_code == 2 and "pip install 'ghatna[scale]'" in r.output
