"""Queries by actor, recipient, country pair, type and date are served by indexes (issue 14):
checked with EXPLAIN QUERY PLAN, and checked to return what the plain (scanning) filter returns."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from ghatna.model import Article, Document, Entity, Event, EventDate, Evidence
from ghatna.store import Store
from ghatna.store.query import EventFilter, count_events, plan, select_events, where_clause

from .conftest import assert_consistent

COUNTRIES = ["IND", "PAK", "CHN", "RUS", "USA", "NPL"]
TYPES = ["CONSULT", "ACCUSE", "SANCTION", "AGREE"]


def _entity(rng: random.Random) -> Entity:
    c = rng.choice(COUNTRIES)
    roll = rng.random()
    if roll < 0.5:
        return Entity(c, f"Country {c}", "country", c)
    if roll < 0.8:
        return Entity(f"leader-{c.lower()}", f"Leader of {c}", "person", c, "GOV", name_hi=f"नेता {c}")
    return Entity("", f"{c} army", "group", c, "MIL")  # a generic actor without an id


def _documents(n: int, seed: int = 14) -> list[Document]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        published = date(2020, 1, 1) + timedelta(days=rng.randrange(900))
        events, parts, pos = [], [], 0
        for k in range(rng.randint(1, 4)):
            actors = [_entity(rng) for _ in range(rng.choice([1, 1, 2]))]
            recipients = [_entity(rng)] if rng.random() < 0.7 else []
            sentence = f"वाक्य {i} {k}।"
            parts.append(sentence)
            roll = rng.random()
            if roll < 0.6:
                when = EventDate(published.isoformat(), "day", "relative", published.isoformat(), published.isoformat())
            elif roll < 0.85:
                when = EventDate(published.strftime("%Y-%m"), "month", "explicit")
            else:
                when = EventDate(None, None, None)
            events.append(Event(rng.choice(TYPES), None, "actual", actors, recipients,
                                [Evidence(pos, pos + len(sentence), sentence, pos, pos + 1, k)], when, quad_class=1))
            pos += len(sentence) + 1
        out.append(Document(Article(" ".join(parts), f"a{i}", None, published, "hi", f"s{i % 5}"), events=events,
                            lang="hi"))
    return out


@pytest.fixture(scope="module")
def st(tmp_path_factory):
    with Store(tmp_path_factory.mktemp("plan") / "e.db") as store:
        report = store.ingest(_documents(300))
        assert report.ok and report.added == 300
        assert_consistent(store.conn)
        yield store


FILTERS = [
    EventFilter(actor="IND"), EventFilter(actor="leader-rus"), EventFilter(actor="Leader of C"),
    EventFilter(actor="नेता PAK"), EventFilter(actor="army"), EventFilter(recipient="PAK"),
    EventFilter(dyad=("IND", "PAK")), EventFilter(dyad=("leader-chn", "USA")), EventFilter(dyad=("IND", "army")),
    EventFilter(type="SANCTION"), EventFilter(since="2021-03", until="2021-04"), EventFilter(since="2021"),
    EventFilter(actor="IND", type="CONSULT", since="2021-06"), EventFilter(actor="RUS", recipient="IND"),
    EventFilter(dyad=("NPL", "CHN"), until="2021"), EventFilter(actor="ind"), EventFilter(actor="nobody at all"),
    EventFilter(dyad=("IND", "PAK"), type="CONSULT"), EventFilter(actor="Leader of P", type="ACCUSE", since="2021"),
]


def _reference(conn, f: EventFilter) -> list[int]:
    where, params = where_clause(f)
    return [r[0] for r in conn.execute(f"SELECT e.id FROM events e{where} ORDER BY e.day_sort, e.id", params)]


@pytest.mark.parametrize("f", FILTERS, ids=lambda f: ",".join(f"{k}={v}" for k, v in f.__dict__.items() if v)
                         if hasattr(f, "__dict__") else repr(f))
def test_indexed_queries_return_what_a_scan_returns(st, f):
    got = [r["id"] for r in select_events(st.conn, f)]
    assert got == _reference(st.conn, f)
    assert count_events(st.conn, f) == len(got)
    assert count_events(st.conn, f, cap=3) == min(3, len(got))


def _plan_text(conn, f: EventFilter, counting: bool = False) -> str:
    p = plan(conn, f)
    sql = f"SELECT count(*) FROM {p.count_source}{p.where}" if counting else \
        f"SELECT e.* FROM {p.source}{p.where} ORDER BY {p.order} LIMIT 50"
    return "\n".join(r["detail"] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, p.params))


@pytest.mark.parametrize(("f", "index"), [
    (EventFilter(actor="IND"), "event_keys_order"),
    (EventFilter(recipient="IND"), "event_keys_order"),
    (EventFilter(actor="leader-rus"), "event_keys_order"),
    (EventFilter(dyad=("IND", "PAK")), "event_keys_order"),
    (EventFilter(actor="IND", since="2021", until="2021"), "event_keys_order (key=? AND day_sort>? AND day_sort<?)"),
    (EventFilter(type="SANCTION"), "events_type_order"),
    (EventFilter(dyad=("IND", "PAK"), type="CONSULT"), "event_keys_type"),
    (EventFilter(since="2021-03", until="2021-04"), "events_order (day_sort>? AND day_sort<?)"),
])
def test_each_filter_is_served_by_an_index(st, f, index):
    for counting in (False, True):
        text = _plan_text(st.conn, f, counting)
        assert index in text, text
        assert "SCAN" not in text, text  # no full scan of any table
    assert "TEMP B-TREE" not in _plan_text(st.conn, f)  # pages come in index order: no sort


def test_a_store_of_the_first_schema_is_upgraded_when_first_read(tmp_path, st):
    import sqlite3

    from ghatna.store.schema import LATEST, current_version

    path = tmp_path / "old.db"
    with Store(path) as writer:
        writer.ingest(_documents(60, seed=3))
        expected = {repr(f): [r["id"] for r in select_events(writer.conn, f)] for f in FILTERS}
    conn = sqlite3.connect(path)  # take it back to version 1: no query indexes
    for sql in ("DROP INDEX events_order", "DROP INDEX events_type_order", "ALTER TABLE events DROP COLUMN day_sort",
                "DROP TABLE event_keys", "DROP TABLE actor_names", "DROP TABLE key_counts", "DROP TABLE store_stats",
                "ALTER TABLE events DROP COLUMN casualties", "ALTER TABLE event_reports DROP COLUMN casualties",
                "DELETE FROM schema_migrations WHERE version > 1"):
        conn.execute(sql)
    conn.commit()
    conn.close()
    with Store(path, read_only=True) as reader:  # queries need the indexes: reading upgrades it first
        assert current_version(reader.conn) == LATEST
        assert {repr(f): [r["id"] for r in select_events(reader.conn, f)] for f in FILTERS} == expected
        assert_consistent(reader.conn)
