"""Fixtures for the watch tests: a loopback web server, and no proxy between it and the client."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.watch.server import LoopbackServer

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")


@pytest.fixture
def server(monkeypatch) -> Iterator[LoopbackServer]:
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    with LoopbackServer() as srv:
        yield srv
