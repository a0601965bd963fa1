"""A web server on the loopback interface for the watch tests: each path answers as its ``Route``
says (a body, a status, a redirect, a delay, a slow trickle, ETag and Last-Modified), and every
request is counted. Nothing leaves 127.0.0.1."""

from __future__ import annotations

import contextlib
import threading
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Route:
    body: bytes | str = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None  # answered with 304 to a matching If-None-Match
    last_modified: str | None = None  # answered with 304 to an equal If-Modified-Since
    redirect: str | None = None  # a path or URL: 301 to it
    delay: float = 0.0  # seconds before the answer
    trickle: float = 0.0  # seconds between chunks of 64 bytes
    fail_first: int = 0  # answer 503 to this many requests first
    send_length: bool = True  # Content-Length header (else the body ends with the connection)
    headers: dict[str, str] = field(default_factory=dict)

    def data(self) -> bytes:
        return self.body.encode("utf-8") if isinstance(self.body, str) else self.body


class LoopbackServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.conditional: Counter[str] = Counter()  # requests that carried If-None-Match or If-Modified-Since
        self.lock = threading.Lock()
        self.closing = threading.Event()
        self.httpd = _QuietServer(("127.0.0.1", 0), _handler(self))
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, **kw: Any) -> Route:
        r = Route(**kw)
        with self.lock:
            self.routes[path] = r
        return r

    def page_hits(self) -> Counter[str]:
        with self.lock:
            return Counter({p: n for p, n in self.hits.items() if not p.startswith("/feeds/")})

    def __enter__(self) -> LoopbackServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.closing.set()
        self.httpd.shutdown()
        self.httpd.server_close()


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that hung up (a time-out under test) is no error of the server


def _handler(server: LoopbackServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # quiet
            pass

        def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
            path = self.path.split("?", 1)[0]
            with server.lock:
                server.hits[path] += 1
                route = server.routes.get(path)
                if self.headers.get("If-None-Match") or self.headers.get("If-Modified-Since"):
                    server.conditional[path] += 1
                failing = route is not None and route.fail_first > 0
                if failing:
                    route.fail_first -= 1
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up (a time-out)
                self._answer(route, failing)

        def _answer(self, route: Route | None, failing: bool) -> None:
            if route is None:
                return self._send(404, b"not found", "text/plain")
            if route.delay and server.closing.wait(route.delay):
                return None
            if failing:
                return self._send(503, b"busy", "text/plain")
            if route.redirect:
                target = route.redirect if "://" in route.redirect else server.base + route.redirect
                return self._send(301, b"", "text/plain", {"Location": target})
            if route.status != 200:
                return self._send(route.status, b"error page", "text/html", route.headers)
            validators = {k: v for k, v in (("ETag", route.etag), ("Last-Modified", route.last_modified)) if v}
            if (route.etag and self.headers.get("If-None-Match") == route.etag) or (
                    route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified):
                return self._send(304, b"", None, validators)
            return self._send(200, route.data(), route.content_type, {**validators, **route.headers}, route)

        def _send(self, status: int, body: bytes, content_type: str | None, headers: dict[str, str] | None = None,
                  route: Route | None = None) -> None:
            self.send_response(status)
            if content_type:
                self.send_header("Content-Type", content_type)
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            if route is not None and not route.send_length:
                self.send_header("Connection", "close")
                self.close_connection = True
            elif status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status == 304:
                return
            if route is not None and route.trickle:
                for i in range(0, len(body), 64):
                    if server.closing.wait(route.trickle):
                        return
                    self.wfile.write(body[i:i + 64])
                    self.wfile.flush()
                return
            self.wfile.write(body)

    return Handler
