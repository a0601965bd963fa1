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
    r = runner.invoke(app, ["extract", "example", "--published", "2025-02-30"])
    assert r.exit_code == 2 and "impossible date" in r.output and "Traceback" not in r.output
    r = runner.invoke(app, ["extract", "example", "--published", "0001-01-01"])
    assert r.exit_code == 2 and "out of range" in r.output


def test_failed_inputs_set_the_exit_status(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text('{"text": "भारत"}\nnot json\n', encoding="utf-8")
    r = runner.invoke(app, ["extract", str(p), "--format", "jsonl"])
    assert r.exit_code == 1


def _markup_file(tmp_path):
    p = tmp_path / "markup.jsonl"
    recs = [{"id": "[/bold]", "text": "भारत ने [/red] चीन की कड़ी निंदा की। [link=x]y[/link]", "date": "2020-01-07"},
            {"id": "m2", "text": "India strongly condemned China [/red] on Tuesday.", "date": "Jan 7, 2020"}]
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\n", encoding="utf-8")
    return p


def test_markup_in_articles_prints_as_it_is(tmp_path):
    p = _markup_file(tmp_path)
    for fmt in ("table", "wide"):
        r = runner.invoke(app, ["extract", str(p), "--format", fmt])
        assert r.exit_code == 0, r.output
        assert r.exception is None and "[/bold]" in r.output and "[/red]" in r.output


def test_help_texts_show_brackets():
    r = runner.invoke(app, ["ingest", "--help"], env={"COLUMNS": "200"})
    assert r.exit_code == 0 and "ghatna[scale]" in r.output


def test_table_is_one_line_per_event_and_fits_the_width():
    r = runner.invoke(app, ["extract", "example", "--width", "80"])
    assert r.exit_code == 0, r.output
    from rich.cells import cell_len

    lines = r.stdout.splitlines()
    assert all(cell_len(line) <= 80 for line in lines)
    header = next(i for i, line in enumerate(lines) if line.split()[:2] == ["actor", "event"])
    events = [line for line in lines[header + 1:] if not line.startswith("  quote")]
    jsonl = runner.invoke(app, ["extract", "example", "--format", "jsonl"]).stdout
    assert len(events) == len(json.loads(jsonl)["events"])


def test_table_into_a_pipe_is_not_cut():
    r = runner.invoke(app, ["extract", "example"])
    doc = json.loads(runner.invoke(app, ["extract", "example", "--format", "jsonl"]).stdout)
    for ev in doc["events"]:
        assert " ".join(ev["evidence"][0]["text"].split()) in r.stdout


def test_publication_dates_in_common_formats(tmp_path):
    for given in ("28/03/2025", "2025-3-28", "Mar 28, 2025", "२०२५-०३-२८", "28 मार्च 2025"):
        r = runner.invoke(app, ["extract", "example", "--published", given, "--format", "jsonl"])
        assert r.exit_code == 0, (given, r.output)
        assert json.loads(r.stdout)["published"] == "2025-03-28"
    r = runner.invoke(app, ["extract", "example", "--published", "03/28/2025", "--monthfirst", "--format", "jsonl"])
    assert json.loads(r.stdout)["published"] == "2025-03-28"


def test_extract_keeps_only_events_above_the_confidence_asked(tmp_path):
    r = runner.invoke(app, ["extract", "example", "--format", "jsonl"])
    every = [e["confidence"] for e in json.loads(r.stdout.strip().splitlines()[-1])["events"]]
    cut = sorted(every)[len(every) // 2]
    r = runner.invoke(app, ["extract", "example", "--format", "jsonl", "--min-confidence", str(cut)])
    assert r.exit_code == 0, r.output
    kept = [e["confidence"] for e in json.loads(r.stdout.strip().splitlines()[-1])["events"]]
    assert kept == [c for c in every if c >= cut] and len(kept) < len(every)
    r = runner.invoke(app, ["extract", "example", "--min-confidence", "1.5"])
    assert r.exit_code == 2


def test_stored_events_and_exports_filtered_by_confidence(tmp_path):
    db = tmp_path / "events.db"
    assert runner.invoke(app, ["ingest", "example", "--db", str(db), "--no-progress"]).exit_code == 0
    every = [json.loads(line)["confidence"] for line in
             runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl"]).stdout.splitlines()]
    cut = sorted(every)[len(every) // 2]
    r = runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl", "--min-confidence", str(cut)])
    kept = [json.loads(line)["confidence"] for line in r.stdout.splitlines()]
    assert r.exit_code == 0 and len(kept) == sum(c >= cut for c in every) and all(c >= cut for c in kept)
    out = tmp_path / "high.jsonl"
    r = runner.invoke(app, ["export", "--db", str(db), "--out", str(out), "--min-confidence", str(cut)])
    assert r.exit_code == 0 and len(out.read_text(encoding="utf-8").splitlines()) == len(kept)
