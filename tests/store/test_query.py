import pytest

from ghatna.store import Store

from .conftest import IND, IRN, MODI, PAK, PUTIN, RUS, USA, doc, event, visit_doc


def _doc(article_id, sentence, trigger, type_, actors, recipients, when, mode=None, basis="explicit"):
    return doc(article_id, sentence, [event(sentence, sentence, trigger, type_, actors, recipients, when, basis,
                                            mode=mode)])


@pytest.fixture(scope="module")
def st():
    with Store() as s:
        report = s.ingest([
            visit_doc("v1", "2024-07-09", source="A"),
            visit_doc("v2", "2024-07-09", source="B"),  # merges with v1
            _doc("m1", "मोदी और पुतिन ने मास्को में बातचीत की।", "बातचीत", "CONSULT", [MODI, PUTIN], [], "2024-07-09"),
            _doc("s1", "अमरीका ने ईरान पर नए प्रतिबंध लगाए।", "प्रतिबंध", "SANCTION", [USA], [IRN], "2024-08-02"),
            _doc("c1", "भारत ने पाकिस्तान की निंदा की।", "निंदा", "ACCUSE", [IND], [PAK], "2024-09-15", "disapprove"),
            _doc("c2", "रूस ने भारत की निंदा की।", "निंदा", "ACCUSE", [RUS], [IND], "2024-09", "disapprove"),
            _doc("g1", "भारत और रूस ने समझौता किया।", "समझौता", "AGREE", [IND, RUS], [], "2023-12-30"),
            _doc("u1", "भारत ने रूस से बातचीत की।", "बातचीत", "CONSULT", [IND], [RUS], None),
        ])
        assert report.ok
        yield s


def ids(recs):
    return {a["article_id"] for r in recs for a in r["articles"]}


def test_all_events(st):
    assert st.count() == 7
    recs = st.events()
    assert len(recs) == 7
    assert recs[0]["date"]["value"] == "2023-12-30" and recs[-1]["date"]["value"] is None  # by date, undated last


@pytest.mark.parametrize(("who", "expected"), [
    ("IND", {"v1", "v2", "m1", "c1", "c2", "g1", "u1"}),  # ISO3: Modi acts for India
    ("ind", {"v1", "v2", "m1", "c1", "c2", "g1", "u1"}),
    ("vladimir-putin", {"m1"}),
    ("Putin", {"m1"}),  # part of the English name
    ("पुतिन", {"m1"}),  # part of the Hindi name
    ("iran", {"s1"}),
    ("PAK", {"c1"}),
    ("nobody", set()),
])
def test_actor_filter(st, who, expected):
    assert ids(st.events(actor=who)) == expected


def test_dyad_filter_needs_both_sides(st):
    assert ids(st.events(dyad=("IND", "RUS"))) == {"v1", "v2", "m1", "c2", "g1", "u1"}
    assert ids(st.events(dyad=("RUS", "IND"))) == ids(st.events(dyad=["IND", "RUS"]))
    assert ids(st.events(dyad=("USA", "IRN"))) == {"s1"}
    assert ids(st.events(dyad=("IND", "IRN"))) == set()
    assert ids(st.events(dyad=("narendra-modi", "Putin"))) == {"m1"}  # reciprocal: both are actors


def test_type_and_mode_filters(st):
    assert ids(st.events(type="consult")) == {"v1", "v2", "m1", "u1"}
    assert ids(st.events(type="CONSULT", mode="visit")) == {"v1", "v2"}
    assert ids(st.events(mode="disapprove")) == {"c1", "c2"}


def test_date_filters_overlap_the_event_date(st):
    assert ids(st.events(since="2024-08")) == {"s1", "c1", "c2"}
    assert ids(st.events(until="2024-07-09")) == {"v1", "v2", "m1", "g1"}
    assert ids(st.events(since="2024-09-20", until="2024-09-30")) == {"c2"}  # month "2024-09" overlaps
    assert ids(st.events(since="2024", until="2024")) == {"v1", "v2", "m1", "s1", "c1", "c2"}
    with pytest.raises(ValueError, match="YYYY"):
        st.events(since="last week")


def test_text_filter_needs_every_word(st):
    assert ids(st.events(text="निंदा")) == {"c1", "c2"}
    assert ids(st.events(text="निंदा पाकिस्तान")) == {"c1"}
    assert ids(st.events(text="मास्को बातचीत")) == {"m1"}
    assert st.events(text="100%") == []


def test_limit_offset_and_combined_filters(st):
    everything = st.events()
    assert [r["id"] for r in st.events(limit=2)] == [r["id"] for r in everything[:2]]
    assert [r["id"] for r in st.events(limit=2, offset=2)] == [r["id"] for r in everything[2:4]]
    assert ids(st.events(actor="IND", type="ACCUSE", since="2024-09-01", text="पाकिस्तान")) == {"c1"}
    assert st.count(actor="IND") == 6


def test_records_are_plover_style_with_evidence_from_every_article(st):
    [r] = st.events(mode="visit")
    assert r["actors"][0]["id"] == "narendra-modi" and r["recipients"][0]["country"] == "RUS"
    assert r["cameo"] == "042" and r["quad_class"] == 1 and r["trigger"] == "दौरा"
    assert r["location"] == {"name": "Moscow", "country": "RUS", "lat": 55.7558, "lon": 37.6173}
    assert (r["num_articles"], r["num_sources"], r["num_mentions"]) == (2, 2, 2)
    for e in r["evidence"]:
        text = st.article(e["article_id"])["text"]
        assert text[e["start"]:e["end"]] == e["text"]
        assert e["text"][e["trigger_start"] - e["start"]:e["trigger_end"] - e["start"]] == "दौरा"


def test_unknown_filters_are_refused(st):
    with pytest.raises(TypeError, match="known"):
        st.events(country="IND")


def test_as_frame(st):
    pd = pytest.importorskip("pandas")
    df = st.events(as_frame=True, type="ACCUSE")
    assert isinstance(df, pd.DataFrame) and len(df) == 2
    assert set(df["cameo"]) == {"111"} and "actor_names" in df.columns


def test_actors_are_ranked_by_events(st):
    rows = st.actors()
    assert [(r["id"], r["events"]) for r in rows[:2]] == [("IND", 4), ("RUS", 4)]  # ties by id
    by_id = {r["id"]: r for r in rows}
    assert by_id["narendra-modi"]["events"] == 2 and by_id["narendra-modi"]["as_actor"] == 2
    assert by_id["IND"]["as_actor"] == 3 and by_id["IND"]["as_recipient"] == 1
    assert by_id["vladimir-putin"]["name_hi"] == "व्लादिमीर पुतिन"
    assert [r["events"] for r in rows] == sorted((r["events"] for r in rows), reverse=True)
    assert len(st.actors(limit=3)) == 3


def test_dyad_summary(st):
    s = st.dyad("IND", "RUS")
    assert s["events"] == 5 and s["undated"] == 1
    assert s["by_type"] == {"CONSULT": 3, "ACCUSE": 1, "AGREE": 1}
    assert (s["cooperation"], s["conflict"]) == (4, 1) and s["balance"] == 0.6
    months = {m["month"]: m for m in s["months"]}
    assert set(months) == {"2023-12", "2024-07", "2024-09"}
    assert months["2024-07"]["events"] == 2 and months["2024-07"]["by_type"] == {"CONSULT": 2}
    assert months["2024-09"]["conflict"] == 1 and months["2024-09"]["balance"] == -1.0
    assert s["goldstein_mean"] == round((1.9 + 1.0 + 4.0 - 2.0 + 1.0) / 5, 3)
    assert st.dyad("IND", "RUS", since="2024")["events"] == 3
    assert st.dyad("USA", "PAK")["events"] == 0 and st.dyad("USA", "PAK")["balance"] is None
