import json

from ghatna.model import Article
from ghatna.reader import ReadError, iter_articles


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
