import json
import subprocess
import sys

import pytest

from ghatna.eval.score import participants_agree, score
from tests.conftest import need_shared

IND = {"name": "India", "kind": "country", "country": "IND"}
RUS = {"name": "Russia", "kind": "country", "country": "RUS"}
CHN = {"name": "China", "kind": "country", "country": "CHN"}


def test_participants_directed_and_reciprocal():
    g = {"actors": [IND], "recipients": [RUS]}
    assert participants_agree(g, {"actors": [IND], "recipients": [RUS]})
    assert not participants_agree(g, {"actors": [IND], "recipients": [CHN]})
    assert participants_agree(g, {"actors": [IND, RUS], "recipients": []})
    assert not participants_agree(g, {"actors": [IND, CHN], "recipients": []})


def test_perfect_and_empty_output():
    gold = [{"article_id": "a", "lang": "hi", "events": [
        {"type": "CONSULT", "mode": "visit", "modality": "actual", "actors": [IND], "recipients": [RUS],
         "date": {"value": "2024-07"}}], "quotes": []}]
    rep, _ = score(gold, [{"article_id": "a", "events": gold[0]["events"]}])
    assert rep["all"]["event_f1"] == 1.0 and rep["all"]["strict_f1"] == 1.0
    rep, per = score(gold, [])
    assert rep["all"]["event_recall"] == 0.0 and len(per[0].missed) == 1


@pytest.mark.parametrize("name", ["seed", "dev_hi", "dev_en"])
def test_agrees_with_the_reference_scorer(pipeline, tmp_path, name):
    gold_path = need_shared("gold", f"{name}.jsonl")
    tool = need_shared("tools", "score_events.py")
    from ghatna.reader import article_from_record

    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    outs = [pipeline.run(article_from_record(a)).to_dict() for a in gold]
    out_path = tmp_path / "out.jsonl"
    out_path.write_text("\n".join(json.dumps(o, ensure_ascii=False) for o in outs), encoding="utf-8")
    ref = json.loads(subprocess.run([sys.executable, str(tool), str(gold_path), "--system", str(out_path), "--json"],
                                    capture_output=True, text=True, check=True).stdout.split("\nevent F1")[0])
    mine, _ = score(gold, outs)
    assert mine == ref
