import io
import json
from pathlib import Path

import pytest

from ghatna.model import Article
from ghatna.reader import MAX_JSON_DEPTH, ReadError, iter_articles, iter_located, json_too_deep, record_from_line
from tests.badinputs import BAD_LINES, ODD_GOOD, jsonl_around, write_bad_corpus, write_bad_text_folder


def test_txt_jsonl_and_folder(tmp_path):
    (tmp_path / "a.txt").write_text("भारत ने कहा।", encoding="utf-8")
    recs = [{"id": "x1", "text": "पहला", "date": "2020-01-02", "lang": "hi"}, {"article_id": "x2", "text": "दूसरा"}]
    (tmp_path / "b.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs), encoding="utf-8")
    items = list(iter_articles(tmp_path))
    assert all(isinstance(i, Article) for i in items)
    assert [i.article_id for i in items] == ["a", "x1", "x2"]
    assert str(items[1].published) == "2020-01-02"


def test_bad_inputs_are_reported_with_line(tmp_path):
    p = tmp_path / "bad.jsonl"
    p.write_text('{"text": "ठीक"}\n{not json\n{"text": ""}\n[1,2]\n', encoding="utf-8")
    items = list(iter_articles(p))
    errors = [i for i in items if isinstance(i, ReadError)]
    assert [e.line for e in errors] == [2, 3, 4]
    assert "bad.jsonl:2" in str(errors[0])


def test_binary_and_invalid_utf8(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02abc")
    (tmp_path / "latin.txt").write_bytes("caf\xe9".encode("latin-1"))
    items = list(iter_articles(tmp_path))
    assert all(isinstance(i, ReadError) for i in items)
    assert {"binary" in str(i) or "UTF-8" in str(i) for i in items} == {True}


def test_jsonl_lines_split_only_at_newlines(tmp_path):
    p = tmp_path / "sep.jsonl"
    rec = {"id": "a", "text": "पहला\u2028दूसरा\u0085तीसरा"}
    p.write_text(json.dumps(rec, ensure_ascii=False) + "\r\n" + json.dumps({"id": "b", "text": "x"}) + "\n",
                 encoding="utf-8")
    items = list(iter_articles(p))
    assert [i.article_id for i in items] == ["a", "b"]
    assert "\u2028" in items[0].text


@pytest.mark.parametrize("name", sorted(BAD_LINES))
def test_a_bad_line_loses_nothing_around_it(tmp_path, name):
    data, ids, bad_line = jsonl_around(BAD_LINES[name])
    p = tmp_path / "mixed.jsonl"
    p.write_bytes(data)
    items = list(iter_located(p))
    kept = [loc.item.article_id for loc in items if isinstance(loc.item, Article)]
    errors = [loc.item for loc in items if isinstance(loc.item, ReadError)]
    assert kept == ids  # all 20, in order
    assert len(errors) == 1 and errors[0].line == bad_line and errors[0].source == str(p)
    assert f"mixed.jsonl:{bad_line}:" in str(errors[0])
    good_lines = [loc.line for loc in items if isinstance(loc.item, Article)]
    assert good_lines == [n for n in range(1, 22) if n != bad_line]


def test_the_same_through_standard_input():
    data, ids, bad_line = jsonl_around(BAD_LINES["invalid_utf8"] + b"\n" + BAD_LINES["deep_array"])
    items = list(iter_located("-", stdin=io.BytesIO(b"\n  " + data)))
    assert [loc.item.article_id for loc in items if isinstance(loc.item, Article)] == ids
    assert [(loc.source, loc.line) for loc in items if isinstance(loc.item, ReadError)] == [
        ("<stdin>", bad_line + 1), ("<stdin>", bad_line + 2)]


def test_plain_text_on_standard_input_is_one_article():
    items = list(iter_located("-", stdin=io.BytesIO("भारत ने कहा।\n{not json}".encode())))
    assert len(items) == 1 and items[0].item.text == "भारत ने कहा।\n{not json}"
    assert isinstance(list(iter_located("-", stdin=io.BytesIO(b"  \n")))[0].item, ReadError)


def test_a_folder_of_text_files_keeps_every_good_one(tmp_path):
    good, bad = write_bad_text_folder(tmp_path / "news")
    items = list(iter_located(tmp_path / "news"))
    assert sorted(loc.item.article_id for loc in items if isinstance(loc.item, Article)) == good
    errors = {Path(loc.source).stem: loc.item.message for loc in items if isinstance(loc.item, ReadError)}
    assert sorted(errors) == bad
    assert "line 51" in errors["nul_late"] and "UTF-8" in errors["latin1"]


def test_every_bad_corpus_file_is_read_to_the_end(tmp_path):
    corpus = write_bad_corpus(tmp_path / "bad")
    items = list(iter_located(tmp_path / "bad"))
    kept = [loc.item.article_id for loc in items if isinstance(loc.item, Article)]
    assert sorted(kept) == sorted(i for _, ids, _ in corpus.values() for i in ids)
    assert sum(isinstance(loc.item, ReadError) for loc in items) == len(BAD_LINES)


@pytest.mark.parametrize("name", sorted(ODD_GOOD))
def test_odd_but_good_records_are_read(name):
    rec = ODD_GOOD[name]
    item = record_from_line(json.dumps(rec, ensure_ascii=False).encode(), "x.jsonl", 1)
    assert isinstance(item, Article) and item.article_id == rec["id"]
    if "date" in rec or "published" in rec:
        assert str(item.published) == "2020-01-07"


def test_day_first_or_month_first(tmp_path):
    line = json.dumps({"id": "a", "text": "x", "date": "07/01/2020"}).encode()
    assert str(record_from_line(line, "x", 1).published) == "2020-01-07"
    assert str(record_from_line(line, "x", 1, dayfirst=False).published) == "2020-07-01"


def test_json_depth_is_checked_without_parsing():
    assert not json_too_deep('{"text": "' + "[" * 5000 + '"}')  # brackets inside a string do not nest
    assert not json_too_deep("[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH)
    assert json_too_deep("[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1))
    assert json_too_deep('{"a": "\\"", "b": ' + "{" * 100)  # an escaped quote does not end the string


def test_an_overlong_line_is_skipped_without_holding_it(tmp_path, monkeypatch):
    import ghatna.reader as reader

    monkeypatch.setattr(reader, "MAX_LINE_BYTES", 1000)
    p = tmp_path / "long.jsonl"
    p.write_bytes(b'{"id": "a", "text": "x"}\n' + b'{"text": "' + b"y" * 5000 + b'"}\n{"id": "b", "text": "z"}\n')
    items = [loc.item for loc in iter_located(p)]
    assert [getattr(i, "article_id", None) for i in items] == ["a", None, "b"]
    assert items[1].line == 2 and "longer than" in items[1].message
