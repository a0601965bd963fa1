"""A corpus of bad inputs, written for the tests: each bad JSON line or file of issue 14 between
good articles, so that a test can check that every good one around it is kept."""

from __future__ import annotations

import json
from pathlib import Path

from tests.generated import news_text

GOOD_AROUND = 20  # good articles around each bad line: ten before, ten after

# lines that are no article: each must be reported (with its line) and skipped
BAD_LINES: dict[str, bytes] = {
    "invalid_utf8": b'{"id": "latin1", "text": "caf\xe9 au lait"}',
    "raw_nul": b'{"id": "nul", "text": "a\x00b"}',
    "escaped_nul": b'{"id": "nul2", "text": "a\\u0000b"}',
    "deep_array": b"[" * 2500 + b"]" * 2500,
    "deep_object": b'{"a": ' * 2500 + b"1" + b"}" * 2500,
    "deep_in_field": b'{"id": "x", "text": "ok", "extra": ' + b"[" * 3000 + b"]" * 3000 + b"}",
    "not_object": b"[1, 2, 3]",
    "string": b'"just a string"',
    "truncated": b'{"id": "cut", "text": "half a li',
    "no_text": b'{"id": "no-text", "title": "x"}',
    "text_not_string": b'{"id": "five", "text": 5}',
    "empty_text": b'{"id": "blank", "text": "   "}',
    "impossible_date": b'{"id": "feb30", "text": "\xe0\xa4\x95", "date": "2020-02-30"}',
    "year_one": b'{"id": "y1", "text": "\xe0\xa4\x95\xe0\xa4\xb2", "published": "0001-01-01"}',
    "unreadable_date": b'{"id": "when", "text": "x", "date": "sometime soon"}',
    "title_not_string": b'{"id": "t", "text": "x", "title": {"a": 1}}',
}

# lines that look odd but are articles: each must be read and extracted without a traceback
ODD_GOOD: dict[str, dict] = {
    "markup_in_text": {"id": "markup", "text": "भारत ने [/red] चीन [bold]की[/bold] निंदा की। [link=x]y[/link]"},
    "markup_in_id": {"id": "[/bold]", "text": "India condemned China [/red]."},
    "day_first": {"id": "dmy", "text": "भारत ने कल चीन की निंदा की।", "date": "07/01/2020"},
    "month_name": {"id": "mdy", "text": "India condemned China yesterday.", "date": "Jan 7, 2020"},
    "one_digit_iso": {"id": "iso1", "text": "India condemned China yesterday.", "date": "2020-1-7"},
    "devanagari_digits": {"id": "deva", "text": "भारत ने कल चीन की निंदा की।", "published": "२०२०-०१-०७"},
    "epoch": {"id": "epoch", "text": "India condemned China yesterday.", "published": 1578355200},
    "hindi_month": {"id": "hmonth", "text": "भारत ने कल चीन की निंदा की।", "date": "7 जनवरी 2020"},
}


def good_records(n: int, seed: int = 0) -> list[dict]:
    """``n`` short articles, Hindi and English by turns, with ids good-SEED-I."""
    out = []
    for i in range(n):
        lang = "hi" if i % 2 == 0 else "en"
        out.append({"id": f"good-{seed}-{i}", "text": news_text(lang, 300, seed=seed * 100 + i),
                    "date": "2020-01-07", "lang": lang})
    return out


def jsonl_around(bad: bytes, seed: int = 0) -> tuple[bytes, list[str], int]:
    """A JSON Lines file: ten good lines, ``bad``, ten good lines. Returns (the bytes, the good
    ids, the bad line's number)."""
    recs = good_records(GOOD_AROUND, seed)
    lines = [json.dumps(r, ensure_ascii=False).encode() for r in recs]
    half = GOOD_AROUND // 2
    data = b"\n".join([*lines[:half], bad, *lines[half:]]) + b"\n"
    return data, [r["id"] for r in recs], half + 1


def write_bad_corpus(folder: Path) -> dict[str, tuple[Path, list[str], int]]:
    """One file per bad line: name -> (path, good ids, bad line number)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for k, (name, bad) in enumerate(BAD_LINES.items()):
        data, ids, line = jsonl_around(bad, seed=k + 1)
        path = folder / f"{name}.jsonl"
        path.write_bytes(data)
        out[name] = (path, ids, line)
    return out


def write_bad_text_folder(folder: Path) -> tuple[list[str], list[str]]:
    """A folder of .txt articles, good ones among bad ones. Returns (good stems, bad stems)."""
    folder.mkdir(parents=True, exist_ok=True)
    good = []
    for i, rec in enumerate(good_records(GOOD_AROUND, seed=99)):
        (folder / f"good{i:02d}.txt").write_text(rec["text"], encoding="utf-8")
        good.append(f"good{i:02d}")
    bad = {"latin1": "caf\xe9".encode("latin-1"), "binary": b"\x00\x01\x02\x03",
           "empty": b"", "blank": b" \n\t\n", "nul_late": "भारत ने कहा।\n".encode() * 50 + b"\x00"}
    for name, data in bad.items():
        (folder / f"{name}.txt").write_bytes(data)
    return good, sorted(bad)
