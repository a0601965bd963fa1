"""HTTP for the watcher, against a server on the loopback interface: validators and 304s,
redirects, errors that are final and errors that are retried, time-outs, the size limit, the
per-host delay, and a stop that interrupts a wait."""

from __future__ import annotations

import threading
import time

import pytest

from ghatna.watch.fetch import Fetcher, FetchError, FetchOptions, HostPacer, Stopped, parse_size

FAST = dict(timeout=0.5, retries=2, backoff=0.01, host_delay=0.0)


@pytest.fixture
def fetcher():
    f = Fetcher(FetchOptions(**FAST))
    yield f
    f.close()


def test_a_page_with_its_validators_then_not_modified(server, fetcher):
    server.route("/a", body="<p>नमस्ते</p>", etag='"v1"', last_modified="Tue, 11 Feb 2025 09:00:00 GMT")
    got = fetcher.get(server.url("/a"))
    assert (got.status, got.body.decode(), got.etag, got.last_modified) == (
        200, "<p>नमस्ते</p>", '"v1"', "Tue, 11 Feb 2025 09:00:00 GMT")
    assert (got.content_type, got.charset) == ("text/html", "utf-8")
    again = fetcher.get(server.url("/a"), etag=got.etag, last_modified=got.last_modified)
    assert again.status == 304 and again.body == b"" and again.etag == '"v1"'
    assert server.conditional["/a"] == 1


def test_redirects_are_followed_to_the_final_url(server, fetcher):
    server.route("/old", redirect="/mid")
    server.route("/mid", redirect="/new")
    server.route("/new", body="<p>here</p>")
    got = fetcher.get(server.url("/old"))
    assert got.url == server.url("/new") and got.body == b"<p>here</p>"


def test_a_redirect_loop_is_a_final_error(server, fetcher):
    server.route("/loop", redirect="/loop")
    with pytest.raises(FetchError, match="redirects") as exc:
        fetcher.get(server.url("/loop"))
    assert exc.value.permanent


@pytest.mark.parametrize("status", [404, 410, 403])
def test_client_errors_are_final_and_not_retried(server, fetcher, status):
    if status != 404:
        server.route("/x", status=status)
    with pytest.raises(FetchError, match=f"HTTP {status}") as exc:
        fetcher.get(server.url("/x"))
    assert exc.value.permanent and exc.value.status == status
    assert server.hits["/x"] == 1


def test_a_busy_server_is_asked_again_with_backoff(server, fetcher):
    server.route("/busy", body="<p>ok</p>", fail_first=2)
    assert fetcher.get(server.url("/busy")).body == b"<p>ok</p>"
    assert server.hits["/busy"] == 3


def test_retries_end_in_an_error_that_may_pass_later(server, fetcher):
    server.route("/down", body="<p>ok</p>", fail_first=10)
    with pytest.raises(FetchError, match="HTTP 503") as exc:
        fetcher.get(server.url("/down"))
    assert not exc.value.permanent and server.hits["/down"] == 3  # one try and two retries


def test_a_long_retry_after_is_left_to_the_next_pass(server, fetcher):
    server.route("/later", status=503, headers={"Retry-After": "600"})
    with pytest.raises(FetchError, match="come back in 600 s") as exc:
        fetcher.get(server.url("/later"))
    assert not exc.value.permanent and server.hits["/later"] == 1


def test_a_server_that_does_not_answer_times_out(server):
    server.route("/slow", body="<p>late</p>", delay=3)
    f = Fetcher(FetchOptions(timeout=0.2, retries=1, backoff=0.01, host_delay=0))
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out") as exc:
        f.get(server.url("/slow"))
    assert not exc.value.permanent and time.monotonic() - started < 2
    assert server.hits["/slow"] == 2


def test_a_trickling_answer_is_cut_at_the_time_limit(server):
    server.route("/drip", body="x" * 6400, trickle=0.05)  # 100 chunks: 5 s in all, each well within the limit
    f = Fetcher(FetchOptions(timeout=0.4, retries=0, host_delay=0))
    with pytest.raises(FetchError, match="timed out"):
        f.get(server.url("/drip"))


def test_the_size_limit_from_the_header_or_while_reading(server):
    f = Fetcher(FetchOptions(max_bytes=1000, **FAST))
    server.route("/big", body="x" * 5000)
    server.route("/big-unannounced", body="x" * 5000, send_length=False)
    server.route("/small", body="x" * 1000)
    for path in ("/big", "/big-unannounced"):
        with pytest.raises(FetchError, match="size limit of 1,000") as exc:
            f.get(server.url(path))
        assert exc.value.permanent, path
    assert len(f.get(server.url("/small")).body) == 1000


def test_not_a_url(fetcher):
    with pytest.raises(FetchError, match="not a URL") as exc:
        fetcher.get("ftp://127.0.0.1/x")
    assert exc.value.permanent


def test_nobody_listening_may_pass_later():
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # a port with nobody listening: connection refused
    f = Fetcher(FetchOptions(**FAST))
    with pytest.raises(FetchError) as exc:
        f.get(f"http://127.0.0.1:{port}/")
    assert not exc.value.permanent


def test_requests_to_one_host_keep_their_distance():
    now = [100.0]
    slept: list[float] = []

    class Clock(threading.Event):
        def wait(self, timeout=None):
            slept.append(timeout)
            now[0] += timeout
            return False

    pacer = HostPacer(2.0, clock=lambda: now[0])
    stop = Clock()
    pacer.wait("a.example", stop)
    pacer.wait("b.example", stop)  # another host: no wait
    now[0] += 0.5
    pacer.wait("a.example", stop)
    assert slept == [1.5]


def test_a_stop_interrupts_the_wait_between_retries(server):
    server.route("/down", fail_first=10)
    stop = threading.Event()
    f = Fetcher(FetchOptions(timeout=0.5, retries=5, backoff=30, host_delay=0), stop=stop)
    threading.Timer(0.2, stop.set).start()
    started = time.monotonic()
    with pytest.raises(Stopped):
        f.get(server.url("/down"))
    assert time.monotonic() - started < 5


def test_parse_size():
    assert parse_size("10MB") == 10 * 1024 ** 2
    assert parse_size("500kb") == 500 * 1024
    assert parse_size("1234") == 1234
    for bad in ("", "ten", "0", "5 TB"):
        with pytest.raises(ValueError):
            parse_size(bad)
