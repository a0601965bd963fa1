"""Whole real English corpora: no exception, and every reported span is exactly the text it claims."""

import json

import pytest

from ghatna.reader import article_from_record
from tests.conftest import assert_spans, need_shared


@pytest.mark.parametrize("name", ["whitehouse_readouts.jsonl", "air_english_2020_01.jsonl"])
def test_english_corpus_spans(pipeline, name):
    path = need_shared("corpus", name)
    n_events = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        rec.setdefault("lang", "en")
        doc = pipeline.run(article_from_record(rec))
        assert_spans(doc)
        n_events += len(doc.events)
    assert n_events > 0
