"""Fixtures for the scale-out tests: a synthetic corpus in several shapes (JSON Lines with bad
lines, a folder of .txt files, a glob, repeated article ids) and its serial extraction."""

from __future__ import annotations

import glob
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from ghatna.reader import ReadError
from ghatna.store import Store
from ghatna.store.inputs import iter_inputs

from .synthetic import records, write_jsonl

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
AIR_HINDI = SHARED / "corpus" / "air_hindi_2020_01.jsonl"


@dataclass
class Serial:
    """What a serial run over ``paths`` gives: every document's dict, the failures, the store."""

    paths: list[str]
    docs: list[dict]
    failures: list[tuple[str, str]]
    stats: dict[str, int]
    events: list[dict]


def make_corpus(root: Path, n: int = 300) -> tuple[list[str], list[str]]:
    """The corpus under ``root``: the paths to give (with a glob) and the same paths expanded."""
    recs = records(n + 60)
    write_jsonl(root / "syn.jsonl", recs[:n], bad_lines=True)
    folder = root / "folder"
    (folder / "sub").mkdir(parents=True)
    for r in recs[n:n + 25]:
        (folder / f"{r['id']}.txt").write_text(r["text"], encoding="utf-8")
    write_jsonl(folder / "sub" / "nested.jsonl", recs[n + 25:n + 40])
    same = dict(recs[0])  # the same id and text again: unchanged
    changed = {**recs[1], "text": recs[2]["text"]}  # the same id, another text: replaced
    write_jsonl(root / "d1.jsonl", [same, changed, *recs[n + 40:n + 50]])
    write_jsonl(root / "d2.jsonl", recs[n + 50:n + 60])
    given = [str(root / "syn.jsonl"), str(folder), str(root / "d*.jsonl")]
    expanded = [given[0], given[1], *sorted(glob.glob(given[2]))]
    return given, expanded


def serial_run(paths: list[str], pipeline) -> Serial:
    docs = [pipeline.run(inp.item).to_dict() for inp in iter_inputs(paths) if not isinstance(inp.item, ReadError)]
    with Store() as st:
        report = st.ingest(paths, pipeline)
        return Serial(paths, docs, [(f.where, f.message) for f in report.failures], st.stats(), comparable(st))


def comparable(st: Store) -> list[dict]:
    """The store's merged events without what depends on when they were ingested."""
    out = []
    for rec in st.events():
        rec = json.loads(json.dumps(rec))
        for a in rec["articles"]:
            a.pop("ingested_at", None)
        out.append(rec)
    return out


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> tuple[list[str], list[str]]:
    return make_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="session")
def serial(corpus, pipeline) -> Serial:
    return serial_run(corpus[1], pipeline)
