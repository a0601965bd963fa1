import json

from typer.testing import CliRunner

from ghatna.cli import app

runner = CliRunner()


def test_extract_bundled_example_table():
    r = runner.invoke(app, ["extract", "example"])
    assert r.exit_code == 0, r.output
    assert "CONSULT" in r.output


def test_extract_jsonl_output(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"id": "t1", "text": "अमरीका ने ईरान पर नए प्रतिबंध लगाए।", "date": "2020-01-03"},
                            ensure_ascii=False) + "\n", encoding="utf-8")
    r = runner.invoke(app, ["extract", str(p), "--format", "jsonl"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout.strip().splitlines()[-1])
    assert out["article_id"] == "t1" and out["events"][0]["type"] == "SANCTION"


def test_missing_file_and_bad_date_are_clear_errors(tmp_path):
    r = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert r.exit_code == 2 and "no such file" in r.output
    r = runner.invoke(app, ["extract", "example", "--published", "28-03-2025"])
    assert r.exit_code != 0 and "YYYY-MM-DD" in r.output


def test_failed_inputs_set_the_exit_status(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text('{"text": "भारत"}\nnot json\n', encoding="utf-8")
    r = runner.invoke(app, ["extract", str(p), "--format", "jsonl"])
    assert r.exit_code == 1
