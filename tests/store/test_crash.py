"""Kill an ingest with SIGKILL part-way, run it again, and check the store is exactly right."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from ghatna.reader import iter_articles
from ghatna.store import Store

from .conftest import assert_consistent

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
KILL_AFTER = 40  # committed articles

# The child slows every article's transaction down, so the kill lands inside one most of the time.
CHILD = """
import sys, time
import ghatna.store.ingest as ingest
real = ingest.update_clusters
def slow(*args, **kw):
    real(*args, **kw)
    time.sleep(0.01)
ingest.update_clusters = slow
from ghatna.store import Store
with Store(sys.argv[1]) as st:
    st.ingest([sys.argv[2]])
"""

COUNTRIES = ["भारत", "रूस", "अमरीका", "ईरान", "पाकिस्तान", "चीन", "जापान", "फ्रांस", "नेपाल"]
TEMPLATES = [
    "{a} ने {b} की निंदा की।",
    "{a} ने {b} पर नए प्रतिबंध लगाए।",
    "{a} ने {b} को धमकी दी।",
    "{a} ने {b} को सहायता भेजी।",
    "{a} और {b} ने रक्षा समझौते पर हस्ताक्षर किए।",
    "प्रधानमंत्री नरेंद्र मोदी ने {b} का दौरा किया।",
]


def synthetic_corpus(path: Path, n: int = 300) -> Path:
    """Short Hindi news items; every fifth repeats an earlier story (to be merged across articles)."""
    lines = []
    for i in range(n):
        k = i - 3 if i % 5 == 4 else i
        a, b = COUNTRIES[k % len(COUNTRIES)], COUNTRIES[(k * 7 + 1) % len(COUNTRIES)]
        if a == b:
            b = COUNTRIES[(k + 4) % len(COUNTRIES)]
        first = TEMPLATES[k % len(TEMPLATES)].format(a=a, b=b)
        second = TEMPLATES[(k + 2) % len(TEMPLATES)].format(a=b, b=a)
        text = f"{first} {second} यह समाचार संख्या {i} है।"
        published = date(2020, 1, 1) + timedelta(days=k // 25)
        lines.append(json.dumps({"id": f"syn-{i:04d}", "text": text, "date": published.isoformat(),
                                 "url": f"https://news{i % 3}.example/{i}"}, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def committed(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def kill_part_way(db: Path, corpus: Path) -> int:
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(db), str(corpus)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    try:
        while committed(db) < KILL_AFTER:
            if proc.poll() is not None:
                pytest.fail(f"ingest ended before it could be killed: {proc.stderr.read().decode()[-2000:]}")
            if time.monotonic() > deadline:
                pytest.fail("ingest made no progress")
            time.sleep(0.01)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    return committed(db)


@pytest.fixture(params=["synthetic", "air_hindi"])
def corpus(request, tmp_path) -> Path:
    if request.param == "synthetic":
        return synthetic_corpus(tmp_path / "synthetic.jsonl")
    path = SHARED / "corpus" / "air_hindi_2020_01.jsonl"
    if not path.exists():
        pytest.skip(f"development data not present: {path}")
    return path


def test_sigkill_then_rerun_stores_every_article_exactly_once(tmp_path, corpus, pipeline):
    db = tmp_path / "events.db"
    articles = [a for a in iter_articles(corpus) if not hasattr(a, "message")]
    before = kill_part_way(db, corpus)
    assert KILL_AFTER <= before < len(articles), "the kill must land part-way"

    with Store(db) as st:
        report = st.ingest([corpus], pipeline)
        assert report.ok, report.failures[:3]
        assert report.unchanged == before and report.added == len(articles) - before
        assert_consistent(st.conn)
        ids = Counter(r[0] for r in st.conn.execute("SELECT article_id FROM articles"))
        assert ids == Counter(a.article_id for a in articles)  # each exactly once
        for a in articles:
            expected = pipeline.run(a)
            rows = st.conn.execute(
                "SELECT r.type, r.mode, r.modality, r.num_evidence FROM event_reports r "
                "JOIN articles x ON x.pk = r.article_pk WHERE x.article_id = ? ORDER BY r.seq",
                (a.article_id,)).fetchall()
            assert [tuple(r) for r in rows] == [(e.type, e.mode, e.modality, len(e.evidence))
                                                for e in expected.events], a.article_id

    # the store is the same as one built in a single uninterrupted run
    with Store() as fresh, Store(db, read_only=True) as st:
        fresh.ingest([corpus], pipeline)
        assert fresh.stats() == st.stats()
        assert {_shape(e) for e in fresh.events()} == {_shape(e) for e in st.events()}


def _shape(rec: dict) -> tuple:
    return (rec["type"], rec["mode"], rec["date"]["value"], rec["num_articles"], rec["num_mentions"],
            tuple(sorted(a["article_id"] for a in rec["articles"])))
