"""Fixtures for the store tests: in-memory and file stores, and Documents built by hand."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date

import pytest

from ghatna.model import Article, Document, Entity, Event, EventDate, Evidence, Location, Quote
from ghatna.store import Store

IND = Entity("IND", "India", "country", "IND", name_hi="भारत")
RUS = Entity("RUS", "Russia", "country", "RUS", name_hi="रूस")
USA = Entity("USA", "United States", "country", "USA", name_hi="अमेरिका")
IRN = Entity("IRN", "Iran", "country", "IRN", name_hi="ईरान")
PAK = Entity("PAK", "Pakistan", "country", "PAK", name_hi="पाकिस्तान")
MODI = Entity("narendra-modi", "Narendra Modi", "person", "IND", "GOV", "prime_minister", "नरेंद्र मोदी")
PUTIN = Entity("vladimir-putin", "Vladimir Putin", "person", "RUS", "GOV", "president", "व्लादिमीर पुतिन")
MOSCOW = Location("Moscow", "RUS", 55.7558, 37.6173)

CODING = {  # type, mode -> cameo, quad class, goldstein (as the pipeline's coder would give)
    ("CONSULT", "visit"): ("042", 1, 1.9), ("CONSULT", None): ("040", 1, 1.0),
    ("ACCUSE", "disapprove"): ("111", 3, -2.0), ("SANCTION", None): ("163", 4, -8.0),
    ("AGREE", None): ("030", 1, 4.0), ("ASSAULT", None): ("190", 4, -10.0),
}


def event(text: str, sentence: str, trigger: str, type_: str, actors: list[Entity],
          recipients: list[Entity] | None = None, when: str | None = None, basis: str | None = "explicit",
          mode: str | None = None, location: Location | None = None, modality: str = "actual",
          extra_sentences: tuple[str, ...] = ()) -> Event:
    """An event whose evidence are the given sentences of ``text`` (offsets computed from it)."""
    evidence = []
    for s in (sentence, *extra_sentences):
        start = text.index(s)
        t = text.index(trigger, start) if trigger in s else start
        tlen = len(trigger) if trigger in s else len(s)
        evidence.append(Evidence(start, start + len(s), s, t, t + tlen, text[:start].count("।")))
    cameo, quad, gold = CODING.get((type_, mode), (None, None, None))
    return Event(type_, mode, modality, list(actors), list(recipients or []), evidence,
                 date=EventDate(when, "day" if when and len(when) == 10 else "month" if when else None,
                                basis if when else None),
                 location=location, cameo=cameo, quad_class=quad, goldstein=gold, confidence=0.8)


def doc(article_id: str, text: str, events: list[Event], *, published: date | None = date(2024, 7, 10),
        source: str | None = None, url: str | None = None, quotes: list[Quote] | None = None) -> Document:
    return Document(Article(text, article_id, f"title {article_id}", published, "hi", source, url),
                    events=events, quotes=quotes or [], lang="hi")


def visit_doc(article_id: str, when: str = "2024-07-09", basis: str = "explicit", *, source: str | None = None,
              url: str | None = None, published: date | None = date(2024, 7, 10), twice: bool = False,
              recipient: Entity = RUS) -> Document:
    """A report of Modi's visit to Russia (CONSULT/visit, Modi -> recipient) from one article."""
    s1 = f"प्रधानमंत्री नरेंद्र मोदी ने {recipient.name_hi} का दौरा किया।"
    s2 = "मोदी की यह यात्रा दो दिन की थी।"
    text = f"{s1} {s2} ({article_id})"
    ev = event(text, s1, "दौरा", "CONSULT", [MODI], [recipient], when, basis, mode="visit", location=MOSCOW,
               extra_sentences=(s2,) if twice else ())
    return doc(article_id, text, [ev], source=source, url=url, published=published)


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(":memory:") as st:
        yield st


@pytest.fixture
def file_store(tmp_path) -> Iterator[Store]:
    with Store(tmp_path / "events.db") as st:
        yield st


def dump(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    """Every row of every table except the ingest timestamps (to compare two states)."""
    out = {}
    for t in ("articles", "events", "event_reports", "participants", "evidence", "quotes", "actors"):
        rows = [dict(r) for r in conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2")]
        out[t] = [tuple(v for k, v in r.items() if k != "ingested_at") for r in rows]
    return out


# every event's keys as they follow from its reports' participants (what merge.file_keys files)
EXPECTED_KEYS = """
SELECT k.key, k.event_id, max(k.role = 'actor') | (max(k.role = 'recipient') * 2), e.day_sort, e.type
FROM (SELECT p.actor_id AS key, r.event_id, p.role FROM participants p JOIN event_reports r ON r.id = p.report_id
      WHERE p.actor_id IS NOT NULL
      UNION ALL SELECT upper(p.country), r.event_id, p.role FROM participants p
      JOIN event_reports r ON r.id = p.report_id WHERE p.country IS NOT NULL
      UNION ALL SELECT 'name:' || lower(p.name), r.event_id, p.role FROM participants p
      JOIN event_reports r ON r.id = p.report_id WHERE p.actor_id IS NULL AND p.name IS NOT NULL) k
JOIN events e ON e.id = k.event_id GROUP BY k.key, k.event_id"""

ORPHAN_CHECKS = {
    "reports without article": "SELECT count(*) FROM event_reports r LEFT JOIN articles a ON a.pk = r.article_pk "
                               "WHERE a.pk IS NULL",
    "reports without event": "SELECT count(*) FROM event_reports WHERE event_id IS NULL "
                             "OR event_id NOT IN (SELECT id FROM events)",
    "events without report": "SELECT count(*) FROM events e WHERE NOT EXISTS "
                             "(SELECT 1 FROM event_reports r WHERE r.event_id = e.id)",
    "events without representative": "SELECT count(*) FROM events WHERE rep_report_id IS NULL OR rep_report_id "
                                     "NOT IN (SELECT id FROM event_reports WHERE event_id = events.id)",
    "participants without report": "SELECT count(*) FROM participants WHERE report_id NOT IN "
                                   "(SELECT id FROM event_reports)",
    "evidence without report": "SELECT count(*) FROM evidence WHERE report_id NOT IN (SELECT id FROM event_reports)",
    "evidence of another article": "SELECT count(*) FROM evidence v JOIN event_reports r ON r.id = v.report_id "
                                   "WHERE r.article_pk != v.article_pk",
    "quotes without article": "SELECT count(*) FROM quotes WHERE article_pk NOT IN (SELECT pk FROM articles)",
    "evidence not in the text": 'SELECT count(*) FROM evidence v JOIN articles a ON a.pk = v.article_pk '
                                'WHERE substr(a.text, v.start + 1, v."end" - v.start) != v.text',
    "wrong mention counts": "SELECT count(*) FROM events e WHERE num_mentions != (SELECT count(*) FROM evidence v "
                            "JOIN event_reports r ON r.id = v.report_id WHERE r.event_id = e.id)",
    "wrong article counts": "SELECT count(*) FROM events e WHERE num_articles != (SELECT count(DISTINCT article_pk) "
                            "FROM event_reports r WHERE r.event_id = e.id)",
    # the query indexes (migration 2) agree with the rows they index
    "wrong listing order": "SELECT count(*) FROM events WHERE day_sort != COALESCE(day_lo, '~')",
    "event keys out of date": f"SELECT count(*) FROM (SELECT * FROM ({EXPECTED_KEYS}) EXCEPT "
                              "SELECT key, event_id, roles, day_sort, type FROM event_keys)",
    "stale event keys": f"SELECT count(*) FROM (SELECT key, event_id, roles, day_sort, type FROM event_keys EXCEPT "
                        f"SELECT * FROM ({EXPECTED_KEYS}))",
    "wrong key counts": "SELECT count(*) FROM (SELECT key, count(*) AS n FROM event_keys GROUP BY key) k "
                        "LEFT JOIN key_counts c ON c.key = k.key WHERE c.events IS NOT k.n",
    "key counts of gone keys": "SELECT count(*) FROM key_counts c WHERE c.events != 0 AND NOT EXISTS "
                               "(SELECT 1 FROM event_keys k WHERE k.key = c.key)",
    "names missing": "SELECT count(*) FROM event_keys k WHERE k.key NOT GLOB '[A-Z][A-Z][A-Z]' AND NOT EXISTS "
                     "(SELECT 1 FROM actor_names n WHERE n.key = k.key)",
}


def assert_consistent(conn: sqlite3.Connection) -> None:
    """No orphan rows, counts that agree with the rows, and SQLite's own checks pass."""
    problems = {name: n for name, sql in ORPHAN_CHECKS.items() if (n := conn.execute(sql).fetchone()[0])}
    assert not problems, problems
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
