"""``--unattributed`` on ghatna extract and ghatna ingest (issue 13)."""

import json

from typer.testing import CliRunner

from ghatna.cli import app

runner = CliRunner()
ATTACK = {"id": "quetta", "text": "क्वेटा में एक बम धमाके में 30 लोगों की मौत हो गई और 45 अन्य घायल हो गए।",
          "date": "2025-03-28"}


def _input(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps(ATTACK, ensure_ascii=False) + "\n", encoding="utf-8")
    return p


def test_extract_codes_unclaimed_attacks_only_with_the_option(tmp_path):
    p = _input(tmp_path)
    off = runner.invoke(app, ["extract", str(p), "--format", "jsonl"])
    assert off.exit_code == 0 and json.loads(off.stdout)["events"] == []
    on = runner.invoke(app, ["extract", str(p), "--format", "jsonl", "--unattributed"])
    assert on.exit_code == 0, on.output
    [ev] = json.loads(on.stdout)["events"]
    assert ev["flags"] == ["unattributed_actor"] and ev["casualties"]["killed"] == 30


def test_ingest_stores_them_with_the_option(tmp_path):
    p, db = _input(tmp_path), tmp_path / "e.db"
    r = runner.invoke(app, ["ingest", str(p), "--db", str(db), "--no-progress", "--unattributed"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl"])
    [ev] = [json.loads(line) for line in r.stdout.splitlines() if line.strip()]
    assert ev["actors"][0]["name"] == "unidentified attackers" and ev["casualties"]["injured"] == 45


def test_the_dask_engine_says_it_does_not_take_the_option(tmp_path):
    r = runner.invoke(app, ["ingest", str(_input(tmp_path)), "--engine", "dask", "--unattributed"])
    assert r.exit_code == 2 and "serial engine only" in r.output
