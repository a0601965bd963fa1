"""Whole real corpora: no exception, and every reported span is exactly the text it claims."""

import json

import pytest

from ghatna.reader import article_from_record
from tests.conftest import assert_spans, need_shared


@pytest.mark.parametrize("name,lang", [
    ("air_hindi_2020_01.jsonl", "hi"),
    ("bbc_hindi_international.jsonl", "hi"),
    ("whitehouse_readouts.jsonl", "en"),
    ("air_english_2020_01.jsonl", "en"),
])
def test_corpus_spans(pipeline, name, lang):
    path = need_shared("corpus", name)
    n_events = 0
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        rec = json.loads(line)
        rec.setdefault("lang", lang)
        doc = pipeline.run(article_from_record(rec))
        assert_spans(doc)
        n_events += len(doc.events)
    assert n_events > 0
