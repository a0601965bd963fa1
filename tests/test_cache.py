from ghatna import cache


def test_cache_round_trip_and_rebuild_on_new_fingerprint(tmp_path, monkeypatch):
    monkeypatch.setenv("GHATNA_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("GHATNA_NO_CACHE", raising=False)
    calls = []

    def build():
        calls.append(1)
        return {"answer": 42}

    assert cache.load_or_build("thing", build) == {"answer": 42}
    assert cache.load_or_build("thing", build) == {"answer": 42}
    assert len(calls) == 1  # second time from disk
    monkeypatch.setattr(cache, "data_fingerprint", lambda: "other")
    cache.load_or_build("thing", build)
    assert len(calls) == 2  # a changed data fingerprint rebuilds
    # and the file built from the older data is removed, so the cache does not grow forever
    assert [p.name for p in tmp_path.glob("thing-*.pickle")] == ["thing-other.pickle"]


def test_corrupt_cache_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("GHATNA_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("GHATNA_NO_CACHE", raising=False)
    (tmp_path / f"thing-{cache.data_fingerprint()}.pickle").write_bytes(b"not a pickle")
    assert cache.load_or_build("thing", lambda: 7) == 7


def test_unwritable_cache_dir_only_means_no_cache(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("GHATNA_CACHE_DIR", str(blocker / "sub"))
    monkeypatch.delenv("GHATNA_NO_CACHE", raising=False)
    assert cache.load_or_build("thing", lambda: 5) == 5


def test_cached_resources_match_a_fresh_build(tmp_path, monkeypatch):
    from ghatna.resources import Resources

    monkeypatch.setenv("GHATNA_CACHE_DIR", str(tmp_path))
    first = Resources().gazetteer
    second = Resources().gazetteer  # from the pickle
    assert set(first.persons) == set(second.persons)
    assert second.holder("prime_minister", "IND", None) is not None
