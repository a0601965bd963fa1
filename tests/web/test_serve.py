"""`ghatna serve` and `ghatna ingest example` (the server itself is not started here)."""

from __future__ import annotations

from typer.testing import CliRunner

from ghatna import service
from ghatna.cli import app

runner = CliRunner()


def test_ingest_example_word(tmp_path, monkeypatch, pipeline):
    monkeypatch.setattr("ghatna.pipeline.Pipeline", lambda *a, **k: pipeline)
    db = tmp_path / "demo.db"
    r = runner.invoke(app, ["ingest", "example", "--db", str(db), "--no-progress"])
    assert r.exit_code == 0, r.output
    assert "1 added" in r.output
    art = service.article_detail(db, "modi_putin_hi")
    assert art["published"] == "2025-03-28" and art["title"].startswith("मोदी और पुतिन") and len(art["events"]) >= 5


def test_serve_runs_uvicorn_with_the_token_from_the_environment(tmp_path, monkeypatch):
    db = tmp_path / "e.db"
    service.ingest_paths(db, [])
    calls = []
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: calls.append((app, kw)))
    monkeypatch.setenv("GHATNA_TOKEN", "from-env")
    r = runner.invoke(app, ["serve", "--db", str(db), "--port", "8123"])
    assert r.exit_code == 0, r.output
    [(web_app, kw)] = calls
    assert kw["host"] == "127.0.0.1" and kw["port"] == 8123
    assert web_app.state.ghatna.token == "from-env" and "writing enabled" in r.output
    r = runner.invoke(app, ["serve", "--db", str(db), "--token", "flag"])
    assert calls[-1][0].state.ghatna.token == "flag"


def test_serve_without_token_refuses_writes_and_needs_a_store(tmp_path, monkeypatch):
    monkeypatch.delenv("GHATNA_TOKEN", raising=False)
    calls = []
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: calls.append(app))
    db = tmp_path / "e.db"
    assert runner.invoke(app, ["serve", "--db", str(db)]).exit_code == 2  # no such database
    service.ingest_paths(db, [])
    r = runner.invoke(app, ["serve", "--db", str(db)])
    assert r.exit_code == 0 and "writing disabled" in r.output and calls[0].state.ghatna.token is None


def test_serve_refuses_other_interfaces_without_a_long_token(tmp_path, monkeypatch):
    monkeypatch.delenv("GHATNA_TOKEN", raising=False)
    calls = []
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: calls.append(kw))
    db = tmp_path / "e.db"
    service.ingest_paths(db, [])
    for host, token in (("0.0.0.0", None), ("0.0.0.0", "x"), ("192.0.2.7", "short-token"), ("example.org", None)):
        r = runner.invoke(app, ["serve", "--db", str(db), "--host", host, *(["--token", token] if token else [])])
        assert r.exit_code == 2 and "refusing to listen" in r.output, (host, r.output)
    assert calls == []
    r = runner.invoke(app, ["serve", "--db", str(db), "--host", "0.0.0.0", "--token", "a" * 16])
    assert r.exit_code == 0 and calls[-1]["host"] == "0.0.0.0"
    r = runner.invoke(app, ["serve", "--db", str(db), "--host", "::1", "--token", "abc"])
    assert r.exit_code == 0 and "easy to guess" in r.output


def test_serve_explains_stores_it_cannot_open(tmp_path, monkeypatch):
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: None)
    junk = tmp_path / "notes.db"
    junk.write_bytes(b"these are my notes, not a database" * 100)
    r = runner.invoke(app, ["serve", "--db", str(junk)])
    assert r.exit_code == 2 and "not a ghatna store" in r.output and r.exception is None or isinstance(
        r.exception, SystemExit)
    folder = tmp_path / "a-folder.db"
    folder.mkdir()
    r = runner.invoke(app, ["events", "--db", str(folder)])
    assert r.exit_code == 2 and "folder" in r.output
