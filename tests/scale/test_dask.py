"""The scale-out on a real Dask cluster of two worker processes: the Parquet it writes holds
exactly what a serial extraction finds (same documents, events, errors and counts), each worker
process builds one pipeline, and a failing partition is retried, then reported, never dropped."""

from __future__ import annotations

from collections import defaultdict

import pytest
from typer.testing import CliRunner

from ghatna.cli import app
from ghatna.scale import extract_corpus, load_parquet
from ghatna.scale.parquet import iter_partitions, part_indexes, read_manifest
from ghatna.scale.schema import documents
from ghatna.store import Store

from .conftest import AIR_HINDI, comparable, serial_run
from .faulty import BROKEN, FLAKY, flaky_task

pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0") as cluster, \
            Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def big(corpus, serial, pipeline):
    """The synthetic corpus, plus All India Radio's Hindi January 2020 when ../shared has it."""
    given, expanded = corpus
    if not AIR_HINDI.exists():
        return given, serial
    return [*given, str(AIR_HINDI)], serial_run([*expanded, str(AIR_HINDI)], pipeline)


def _docs(out):
    return [d.to_dict() for _, tables in iter_partitions(out) for d in documents(tables)]


def test_parquet_from_two_workers_equals_the_serial_extraction(client, big, tmp_path):
    paths, serial = big
    out = tmp_path / "out"
    report = extract_corpus(paths, out, client=client, partition_size=50)
    assert report.failed == [] and report.workers == 2
    assert len(report.partitions) >= 8
    assert _docs(out) == serial.docs  # same documents, events, evidence, quotes, in input order
    assert report.errors == serial.failures and len(report.errors) == 4
    counts = report.counts()
    assert counts["articles"] == len(serial.docs)
    assert counts["events"] == sum(len(d["events"]) for d in serial.docs)
    assert counts["evidence"] == sum(len(e["evidence"]) for d in serial.docs for e in d["events"])
    assert counts["quotes"] == sum(len(d["quotes"]) for d in serial.docs)
    assert read_manifest(out)["counts"] == counts

    by_process = defaultdict(set)  # each worker process built one pipeline and used it for all its partitions
    for r in report.results:
        by_process[r.process].add(r.pipeline_id)
    assert len(by_process) == 2 and all(len(ids) == 1 for ids in by_process.values())
    again = extract_corpus(paths, tmp_path / "again", client=client, partition_size=500)
    assert {r.process: r.pipeline_id for r in again.results}.items() <= \
        {p: next(iter(ids)) for p, ids in by_process.items()}.items()

    db = tmp_path / "events.db"
    loaded = load_parquet(out, db)
    assert [(f.where, f.message) for f in loaded.failures] == serial.failures
    with Store(db, read_only=True) as st:
        assert st.stats() == serial.stats
        assert comparable(st) == serial.events


def test_a_failing_partition_is_retried_then_reported(client, corpus, tmp_path):
    out = tmp_path / "out"
    report = extract_corpus(corpus[0], out, client=client, partition_size=50, retries=2, task=flaky_task)
    assert (tmp_path / f"tried-{FLAKY}").exists()  # it failed once ...
    assert FLAKY in {r.index for r in report.results}  # ... and Dask's retry extracted it
    assert [f.index for f in report.failed] == [BROKEN] and not report.ok
    assert "always fails" in report.failed[0].error and "after 2 retries" in report.failed[0].error
    assert BROKEN not in part_indexes(out)
    assert read_manifest(out)["failed"][0]["index"] == BROKEN
    assert "1 PARTITION(S) FAILED" in report.summary()
    loaded = load_parquet(out, tmp_path / "e.db")  # the lost articles are a failure of the load too
    assert any(f.where.startswith(f"partition {BROKEN} ") and "not extracted" in f.message for f in loaded.failures)


def test_cli_ingest_on_an_existing_scheduler(client, corpus, serial, tmp_path):
    db = tmp_path / "cli.db"
    r = CliRunner().invoke(app, ["ingest", *corpus[0], "--engine", "dask", "--scheduler", client.scheduler.address,
                                 "--db", str(db), "--no-progress"])
    assert r.exit_code == 1, r.output  # the 4 bad lines
    assert "on 2 dask worker(s)" in r.output and "4 failed" in r.output
    with Store(db, read_only=True) as st:
        assert st.stats() == serial.stats
