import re

from ghatna.eval.score import igo_keys
from ghatna.gazetteer.load import data_root, read_yaml


def test_every_igo_key_entry_is_a_valid_pattern_with_a_key():
    rows = read_yaml(data_root() / "eval" / "igo_keys.yaml")
    assert rows and len(rows) == len(igo_keys())
    keys = [r["key"] for r in rows]
    assert len(keys) == len(set(keys))
    for r in rows:
        assert set(r) == {"key", "pattern"}
        assert r["key"] == r["key"].upper() and r["key"].strip()
        pattern = re.compile(r["pattern"])
        assert not pattern.search("india"), r  # no pattern folds an ordinary name
