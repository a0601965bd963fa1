"""ASGI middleware: a cap on request bodies (413), a rate limit on the requests that extract
(429), and security headers on every response."""

from __future__ import annotations

import json
import threading
import time
from collections import OrderedDict
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Pages are server-rendered and load only their own static files; the API docs page (Swagger UI)
# loads its script from a CDN and is left without this policy.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


class BodyLimit:
    """Refuses request bodies over ``max_bytes`` with 413: at once when Content-Length says so,
    else as soon as the streamed body passes the limit (the body is read before the app runs,
    so the app never sees a partial one)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.max_bytes
            except ValueError:
                await _reply(send, 400, "invalid Content-Length header")
                return
            if too_big:
                await _reply(send, 413, f"request body over {self.max_bytes} bytes")
                return
        if scope["method"] in ("GET", "HEAD", "OPTIONS") and declared is None \
                and b"transfer-encoding" not in headers:
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > self.max_bytes:
                await _reply(send, 413, f"request body over {self.max_bytes} bytes")
                return
            chunks.append(body)
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _reply(send: Send, status: int, detail: str, extra: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close"), *(extra or [])]})
    await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """nosniff, no referrer, and a strict Content-Security-Policy on everything but the API docs."""

    def __init__(self, app: ASGIApp, docs_paths: tuple[str, ...] = ()) -> None:
        self.app = app
        self.docs_paths = docs_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        strict = not scope["path"].startswith(self.docs_paths) if self.docs_paths else True

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra: list[Any] = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]
                if strict:
                    extra.append((b"content-security-policy", CSP.encode()))
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class RateLimit:
    """At most ``per_minute`` requests a minute from one client to the ``paths`` that do work
    (extraction), as a token bucket per client address; over it, 429 with Retry-After. The
    buckets live on this object (no module state) and the least recently seen clients are
    forgotten past ``max_clients``."""

    def __init__(self, app: ASGIApp, per_minute: int, paths: tuple[str, ...], max_clients: int = 10_000) -> None:
        self.app = app
        self.rate = per_minute / 60.0
        self.burst = float(per_minute)
        self.paths = paths
        self.max_clients = max_clients
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # client -> (tokens, when)
        self._lock = threading.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"] not in self.paths:
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("unknown", 0))[0]
        wait = self._take(client)
        if wait > 0:
            await _reply(send, 429, f"too many requests: at most {int(self.burst)} a minute from one client",
                         [(b"retry-after", str(max(1, round(wait))).encode())])
            return
        await self.app(scope, receive, send)

    def _take(self, client: str) -> float:
        """0 when the client may go ahead (a token is spent), else the seconds until it may."""
        now = time.monotonic()
        with self._lock:
            tokens, when = self._buckets.pop(client, (self.burst, now))
            tokens = min(self.burst, tokens + (now - when) * self.rate)
            wait = 0.0
            if tokens >= 1:
                tokens -= 1
            else:
                wait = (1 - tokens) / self.rate
            self._buckets[client] = (tokens, now)
            while len(self._buckets) > self.max_clients:
                self._buckets.popitem(last=False)
            return wait
