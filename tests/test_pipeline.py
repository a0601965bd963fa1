from datetime import date

import pytest

from ghatna.pipeline import Pipeline, StageSpec, check_order, default_stages


def test_default_order_is_valid():
    check_order(default_stages())


def test_stage_before_its_requirements_is_refused():
    stages = list(default_stages())
    stages[0], stages[3] = stages[3], stages[0]
    with pytest.raises(ValueError, match="requires"):
        check_order(stages)


def test_unsupported_language_is_flagged_not_coded(pipeline):
    doc = pipeline.extract("मी आज शाळेत जाणार आहे आणि तिथे अभ्यास करणार आहे. सरकारने निर्णय घेतला.")
    assert doc.lang == "mr"
    assert doc.events == [] and doc.flags[0].code == "unsupported_language"


def test_language_is_detected(pipeline):
    doc = pipeline.extract("अमरीका ने ईरान पर नए प्रतिबंध लगाए।", published=date(2020, 1, 3))
    assert doc.lang == "hi" and doc.events


def test_to_dict_has_the_documented_fields(pipeline):
    d = pipeline.extract("अमरीका ने ईरान पर नए प्रतिबंध लगाए।", published=date(2020, 1, 3), lang="hi").to_dict()
    assert set(d) >= {"article_id", "lang", "published", "events", "quotes", "flags"}
    ev = d["events"][0]
    assert set(ev) >= {"type", "mode", "modality", "actors", "recipients", "date", "recurrence", "location",
                       "cameo", "quad_class", "goldstein", "confidence", "flags", "evidence"}
    assert set(ev["actors"][0]) == {"id", "name", "name_hi", "kind", "country", "sector", "office"}
    assert set(ev["date"]) >= {"value", "granularity", "basis", "start", "end"}
    assert ev["cameo"].startswith("16") and ev["quad_class"] == 4


def test_custom_stage_list_runs(resources):
    specs = [s for s in default_stages() if s.name in ("normalize", "segment")]
    extra = StageSpec("count", ("tokens",), ("count",), lambda res, lang: (lambda d: d))
    doc = Pipeline([*specs, extra], resources).extract("एक वाक्य।", lang="hi")
    assert doc.tokens and doc.done == {"normalize", "segment", "count"}
