import itertools
from datetime import date

import pytest

from ghatna.store import Store
from ghatna.store.dates import compatible, day_span

from .conftest import IND, MODI, PAK, PUTIN, RUS, assert_consistent, doc, event, visit_doc


def clusters(store: Store) -> set[frozenset[str]]:
    """The stored events as sets of the article ids reporting them."""
    rows = store.conn.execute("SELECT r.event_id, a.article_id FROM event_reports r "
                              "JOIN articles a ON a.pk = r.article_pk").fetchall()
    by_event: dict[int, set[str]] = {}
    for r in rows:
        by_event.setdefault(r["event_id"], set()).add(r["article_id"])
    return {frozenset(v) for v in by_event.values()}


@pytest.mark.parametrize(("a", "b", "same"), [
    (("2024-07-09", "explicit"), ("2024-07-09", "relative"), True),
    (("2024-07", "explicit"), ("2024-07-09", "explicit"), True),  # prefix
    (("2024", "explicit"), ("2024-07-09", "relative"), True),
    (("2024-07-10", "publication"), ("2024-07-09", "explicit"), True),  # published the next day
    (("2024-07-08", "publication"), ("2024-07-09", "explicit"), True),
    (("2024-07-11", "publication"), ("2024-07-09", "explicit"), False),
    (("2024-07-10", "explicit"), ("2024-07-09", "explicit"), False),
    (("2024-08", "publication"), ("2024-07-31", "explicit"), True),
    (("2024-06", "explicit"), ("2024-07-09", "explicit"), False),
    ((None, None), ("2024-07-09", "explicit"), False),
    ((None, None), (None, None), False),
])
def test_date_compatibility(a, b, same):
    sa, sb = day_span(*a), day_span(*b)
    assert compatible(sa, sb) is same and compatible(sb, sa) is same


def test_day_span_falls_back_to_start_and_end():
    s = day_span("2024-W28", "explicit", "2024-07-08", "2024-07-14")
    assert (s.lo, s.hi) == (date(2024, 7, 8), date(2024, 7, 14))
    assert day_span("someday", "explicit") is None


def test_reports_from_several_articles_become_one_event_with_counts(store):
    store.ingest([visit_doc("a1", source="PTI", twice=True), visit_doc("a2", source="ANI"),
                  visit_doc("a3", source="PTI")])
    [ev] = store.events()
    assert (ev["num_articles"], ev["num_sources"], ev["num_mentions"]) == (3, 2, 4)
    assert {e["article_id"] for e in ev["evidence"]} == {"a1", "a2", "a3"}
    assert [a["article_id"] for a in ev["articles"]] == ["a1", "a2", "a3"]
    assert store.conn.execute("SELECT count(*) FROM event_reports").fetchone()[0] == 3
    assert_consistent(store.conn)


def test_sources_fall_back_to_the_url_host(store):
    store.ingest([visit_doc("a1", url="https://www.example.in/1"), visit_doc("a2", url="https://example.in/2"),
                  visit_doc("a3", url="https://other.org/x"), visit_doc("a4")])
    [ev] = store.events()
    assert (ev["num_articles"], ev["num_sources"]) == (4, 3)  # example.in, other.org, and a4 on its own


def test_prefix_date_merges_and_the_precise_date_wins(store):
    store.ingest([visit_doc("a1", "2024-07"), visit_doc("a2", "2024-07-09", "relative")])
    [ev] = store.events()
    assert ev["date"]["value"] == "2024-07-09" and ev["num_articles"] == 2


def test_publication_dates_merge_within_one_day_only(store):
    store.ingest([visit_doc("x", "2024-07-09"), visit_doc("p1", "2024-07-10", "publication"),
                  visit_doc("p2", "2024-07-12", "publication")])
    assert clusters(store) == {frozenset({"x", "p1"}), frozenset({"p2"})}


def test_complete_linkage_does_not_chain_publication_days(store):
    store.ingest([visit_doc(f"d{d}", f"2024-07-{d:02d}", "publication") for d in (9, 10, 11)])
    got = clusters(store)
    assert len(got) == 2 and frozenset({"d9", "d11"}) not in got and all(len(c) <= 2 for c in got)
    assert_consistent(store.conn)


def test_different_days_participants_types_and_undated_reports_stay_apart(store):
    text = "भारत ने पाकिस्तान की निंदा की।"
    accuse = doc("c1", text, [event(text, text, "निंदा", "ACCUSE", [IND], [PAK], "2024-07-09",
                                    mode="disapprove")])
    store.ingest([visit_doc("a1", "2024-07-09"), visit_doc("a2", "2024-07-10"), visit_doc("a3", recipient=PAK),
                  visit_doc("u1", None), visit_doc("u2", None), accuse])
    assert len(clusters(store)) == 6


def test_two_reports_of_one_article_are_never_merged_with_each_other(store):
    text = "मोदी ने रूस का दौरा किया। मोदी ने फिर रूस का दौरा किया।"
    s1, s2 = "मोदी ने रूस का दौरा किया।", "मोदी ने फिर रूस का दौरा किया।"
    d = doc("one", text, [event(text, s1, "दौरा", "CONSULT", [MODI], [RUS], "2024-07", mode="visit"),
                          event(text, s2, "दौरा", "CONSULT", [MODI], [RUS], "2024-07-09", mode="visit")])
    store.ingest([d, visit_doc("other", "2024-07-09")])
    assert store.count() == 2
    assert sorted(e["num_articles"] for e in store.events()) == [1, 2]


def test_reciprocal_and_directed_events_are_different_keys(store):
    text = "मोदी और पुतिन ने मुलाकात की।"
    met = doc("r1", text, [event(text, text, "मुलाकात", "CONSULT", [MODI, PUTIN], [], "2024-07-09")])
    met2 = doc("r2", text + " ", [event(text + " ", text, "मुलाकात", "CONSULT", [PUTIN, MODI], [], "2024-07-09")])
    store.ingest([met, met2, visit_doc("v1")])
    assert clusters(store) == {frozenset({"r1", "r2"}), frozenset({"v1"})}  # actor order does not matter


def test_clusters_do_not_depend_on_ingest_order():
    docs = [("d9", "2024-07-09", "publication"), ("d10", "2024-07-10", "publication"),
            ("d11", "2024-07-11", "publication"), ("m", "2024-07", "explicit"), ("x", "2024-07-10", "explicit"),
            ("y", "2024", "relative")]
    results = set()
    for order in itertools.islice(itertools.permutations(docs), 0, None, 37):
        with Store() as st:
            st.ingest([visit_doc(i, when, basis) for i, when, basis in order])
            results.add(frozenset(clusters(st)))
            assert_consistent(st.conn)
    assert len(results) == 1


def test_replacing_an_article_dissolves_its_part_of_a_cluster(store):
    store.ingest([visit_doc("a1", source="S1"), visit_doc("a2", source="S2"), visit_doc("a3", source="S3")])
    [before] = store.events()
    store.ingest([visit_doc("a2", recipient=PAK, source="S2")])  # a2 now reports something else
    assert clusters(store) == {frozenset({"a1", "a3"}), frozenset({"a2"})}
    kept = store.events(dyad=("IND", "RUS"))[0]
    assert kept["id"] == before["id"]  # the surviving event keeps its id
    assert (kept["num_articles"], kept["num_sources"], kept["num_mentions"]) == (2, 2, 2)
    assert_consistent(store.conn)


def test_replacing_an_article_can_join_a_cluster_and_empty_events_disappear(store):
    store.ingest([visit_doc("a1"), visit_doc("a2", recipient=PAK)])
    assert store.count() == 2
    store.ingest([visit_doc("a2", twice=True)])  # now the same visit as a1, told twice
    [ev] = store.events()
    assert ev["num_articles"] == 2 and ev["num_mentions"] == 3
    assert store.conn.execute("SELECT count(*) FROM events").fetchone()[0] == 1
    assert_consistent(store.conn)


def test_removing_a_bridge_splits_a_segment_correctly(store):
    # the month report bridges nothing here, but the day reports around it must be re-clustered
    store.ingest([visit_doc("m", "2024-07"), visit_doc("a", "2024-07-03"), visit_doc("b", "2024-07-20")])
    assert len(clusters(store)) == 2
    text = "कुछ नहीं हुआ।"
    store.ingest([doc("m", text, [])])
    assert clusters(store) == {frozenset({"a"}), frozenset({"b"})}
    assert_consistent(store.conn)


def test_unrelated_ingests_keep_event_ids(store):
    store.ingest([visit_doc("a1"), visit_doc("a2", recipient=PAK)])
    ids = {(e["recipients"][0]["id"], e["id"]) for e in store.events()}
    store.ingest([visit_doc("a3", "2024-08-01")])
    assert ids <= {(e["recipients"][0]["id"], e["id"]) for e in store.events()}


def _random_doc(rng, article_id: str, version: int):
    recipient = rng.choice([RUS, PAK])
    roll = rng.random()
    if roll < 0.1:
        when, basis = None, None
    elif roll < 0.2:
        when, basis = "2024-07", "explicit"
    else:
        when, basis = f"2024-07-{rng.randint(1, 12):02d}", rng.choice(["explicit", "relative", "publication"])
    d = visit_doc(article_id, when, basis or "explicit", recipient=recipient, twice=rng.random() < 0.3)
    d.article.text += f" v{version}"
    if rng.random() < 0.1:
        d.events = []
    return d


@pytest.mark.parametrize("seed", range(6))
def test_incremental_merge_equals_a_fresh_build(seed):
    import random

    rng = random.Random(seed)
    final = {}
    with Store() as st:
        for step in range(90):
            article_id = f"a{rng.randint(0, 40)}"  # ids repeat: replacements in the middle of the timeline
            d = _random_doc(rng, article_id, step)
            final[article_id] = (step, d)
            st.ingest([d])
        assert_consistent(st.conn)
        with Store() as fresh:  # the final versions only, in another order
            for _, d in sorted(final.values(), key=lambda sd: sd[1].article.article_id, reverse=True):
                fresh.ingest([d])
            assert clusters(st) == clusters(fresh)
            shape = [(e["num_articles"], e["num_mentions"], e["date"]["value"]) for e in st.events()]
            assert sorted(shape, key=str) == sorted(((e["num_articles"], e["num_mentions"], e["date"]["value"])
                                                     for e in fresh.events()), key=str)
