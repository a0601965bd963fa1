"""Partitioning: line ranges of JSON Lines files, groups of files, folders and globs, read back
exactly as a serial run reads them (same articles, same errors, same file:line)."""

import json

import pytest

from ghatna.reader import ReadError
from ghatna.scale.partition import Partition, expand, plan, plan_file, read_partition
from ghatna.store.inputs import iter_inputs


def _serial_items(paths):
    return [(inp.item, inp.label) for inp in iter_inputs(paths)]


def _partition_items(paths, size):
    return [pair for part in plan(paths, size) for pair in read_partition(part)]


@pytest.mark.parametrize("size", [1, 7, 50, 10_000])
def test_partitions_read_back_the_serial_inputs(corpus, size):
    given, expanded = corpus
    assert _partition_items(given, size) == _serial_items(expanded)


def test_jsonl_is_split_by_line_ranges(tmp_path):
    f = tmp_path / "a.jsonl"
    lines = [json.dumps({"id": f"a{i}", "text": "भारत ने पाकिस्तान की निंदा की।"}) for i in range(10)]
    lines.insert(4, "   ")
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    parts = plan([f], 4)
    assert [p.index for p in parts] == [0, 1, 2]
    assert [(p.first_line, p.last_line, p.size) for p in parts] == [(1, 4, 4), (6, 9, 4), (10, 11, 2)]
    assert parts[1].label == f"{f}:6-9"
    assert [w for p in parts for _, w in read_partition(p)] == [f"{f}:{n}" for n in (1, 2, 3, 4, 6, 7, 8, 9, 10, 11)]


def test_txt_files_are_grouped(tmp_path):
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text("India condemned Pakistan.", encoding="utf-8")
    parts = plan([tmp_path], 2)
    assert [p.files for p in parts] == [(str(tmp_path / "0.txt"), str(tmp_path / "1.txt")),
                                        (str(tmp_path / "2.txt"), str(tmp_path / "3.txt")),
                                        (str(tmp_path / "4.txt"),)]
    assert "(2 files)" in parts[0].label


@pytest.mark.parametrize("content", [
    b'{"text": "a"}\n\x00\x01binary',  # NUL bytes: a binary file
    b'{"text": "ok"}\n{"text": "\xff\xfe"}\n',  # not UTF-8
    '{"text": "one\u2028two"}\n{"text": "x"}\n'.encode(),  # str.splitlines also splits at U+2028
    b'{"text": "old"}\r{"text": "mac"}\r',  # lone CR
])
def test_files_the_reader_takes_whole_stay_whole(tmp_path, content):
    f = tmp_path / "odd.jsonl"
    f.write_bytes(content)
    assert plan_file(str(f), 1) == [Partition(-1, files=(str(f),), size=1)]
    assert _partition_items([f], 1) == _serial_items([f])


def test_bom_crlf_and_blank_lines_match_the_reader(tmp_path):
    f = tmp_path / "win.jsonl"
    f.write_bytes(b'\xef\xbb\xbf{"id": "w1", "text": "India condemned Pakistan."}\r\n\r\n{"id": 3, "text": ""}\r\n'
                  b'{"id": "w3", "text": "Nepal condemned China."}\r\n')
    assert len(plan([f], 1)) == 3
    assert _partition_items([f], 1) == _serial_items([f])


def test_missing_paths_and_empty_globs_are_read_errors(tmp_path):
    missing, nothing = str(tmp_path / "gone.jsonl"), str(tmp_path / "none*.jsonl")
    assert expand([missing, nothing]) == [missing, nothing]
    items = _partition_items([missing, nothing], 10)
    assert [(type(i), w) for i, w in items] == [(ReadError, missing), (ReadError, nothing)]
    assert items[0][0] == [inp.item for inp in iter_inputs([missing])][0]


def test_standard_input_cannot_be_partitioned():
    with pytest.raises(ValueError, match="standard input"):
        plan(["-"])
