import json
import subprocess
import sys

import pytest

from ghatna.eval.score import actor_key, participants_agree, roles_agree, score
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


def test_roles_need_each_side_in_its_place():
    g = {"actors": [IND], "recipients": [RUS]}
    assert roles_agree(g, {"actors": [IND], "recipients": [RUS]})
    assert not roles_agree(g, {"actors": [RUS], "recipients": [IND]})  # sides swapped
    assert not roles_agree(g, {"actors": [IND], "recipients": []})  # the recipient is missing
    assert not roles_agree(g, {"actors": [IND, RUS], "recipients": []})  # coded as reciprocal
    assert not roles_agree(g, {"actors": [IND], "recipients": [RUS, CHN]})  # a side the gold lacks


def test_roles_of_reciprocal_and_one_sided_events():
    talks = {"actors": [IND, RUS], "recipients": []}
    assert roles_agree(talks, {"actors": [RUS, IND], "recipients": []})
    assert roles_agree(talks, {"actors": [IND], "recipients": [RUS]})  # both covered, none foreign
    assert not roles_agree(talks, {"actors": [IND], "recipients": []})
    one_sided = {"actors": [IND], "recipients": []}
    assert roles_agree(one_sided, {"actors": [IND], "recipients": []})
    assert not roles_agree(one_sided, {"actors": [IND], "recipients": [CHN]})


def test_international_organisations_fold_their_spellings():
    un = [{"name": "U.N.", "kind": "organization", "country": None}]
    assert actor_key(un[0]) == actor_key({"name": "United Nations Security Council", "country": None})
    assert actor_key({"name": "North Atlantic Treaty Organization"}) == actor_key({"name": "NATO"})
    assert actor_key({"name": "World Health Organisation"}) == actor_key({"name": "WHO"})
    assert actor_key({"name": "Who Knows Party"}) != actor_key({"name": "WHO"})
    assert roles_agree({"actors": [IND], "recipients": un},
                       {"actors": [IND], "recipients": [{"name": "United Nations", "kind": "organization"}]})


def test_role_f1_is_reported_beside_event_f1():
    gold = [{"article_id": "a", "lang": "en", "events": [
        {"type": "ASSAULT", "actors": [IND], "recipients": [CHN]}], "quotes": []}]
    rep, per = score(gold, [{"article_id": "a", "events": [{"type": "ASSAULT", "actors": [IND, CHN]}]}])
    assert rep["all"]["event_f1"] == 1.0 and rep["all"]["role_f1"] == 0.0 and rep["all"]["strict_f1"] == 0.0
    assert per[0].matched == 1 and per[0].role_matched == 0 and len(per[0].wrong_roles) == 1
