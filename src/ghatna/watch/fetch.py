"""HTTP for ``ghatna watch``: one GET with a time limit, a size limit, conditional headers,
redirects followed, retries with exponential backoff for what may pass (time-outs, refused
connections, 5xx, 429), and a delay between two requests to the same host.

Every wait (the host delay, a backoff) ends early when the ``stop`` event is set: ``Stopped`` is
raised, and the caller leaves the item as it was, to be done after a restart.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import httpx

from ghatna import __version__

RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
MAX_REDIRECTS = 5
MAX_RETRY_AFTER = 120.0  # seconds: a longer Retry-After is left to the next pass


def parse_size(value: str) -> int:
    """Bytes in '10MB', '500KB', '2MiB' or '1000000'; ValueError otherwise."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?\s*", value, re.IGNORECASE)
    if not m:
        raise ValueError(f"not a size: {value!r} (e.g. 10MB, 500KB)")
    unit = (m.group(2) or "b").lower().rstrip("b").rstrip("i")
    size = int(float(m.group(1)) * {"": 1, "k": 1024, "m": 1024 ** 2, "g": 1024 ** 3}[unit])
    if size < 1:
        raise ValueError(f"the size limit must be at least one byte: {value!r}")
    return size


class FetchError(Exception):
    """A request that failed. ``permanent``: asking again for the same thing will not help (404,
    a page over the size limit, not a web page); else it may pass on a later try."""

    def __init__(self, message: str, *, permanent: bool, status: int | None = None) -> None:
        super().__init__(message)
        self.permanent = permanent
        self.status = status


class Stopped(Exception):
    """The stop event was set while waiting."""


@dataclass(frozen=True, slots=True)
class Fetched:
    status: int  # 200, or 304 (not modified: no body)
    url: str  # after redirects
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""  # media type, lower case, without parameters
    charset: str | None = None


@dataclass(slots=True)
class FetchOptions:
    timeout: float = 20.0  # seconds for the whole request: connecting, waiting, reading
    max_bytes: int = 10 * 1024 * 1024
    retries: int = 2  # further tries after the first, within one request
    backoff: float = 1.0  # seconds before the first retry; doubled before each next one
    host_delay: float = 1.0  # seconds between two requests to the same host
    user_agent: str = f"ghatna/{__version__} (news event coder; feed reader)"


@dataclass(slots=True)
class HostPacer:
    """Keeps ``delay`` seconds between two requests to one host."""

    delay: float
    clock: Callable[[], float] = time.monotonic
    last: dict[str, float] = field(default_factory=dict)

    def wait(self, host: str, stop: threading.Event) -> None:
        if host in self.last:
            pause = self.last[host] + self.delay - self.clock()
            if pause > 0 and stop.wait(pause):
                raise Stopped
        self.last[host] = self.clock()


class Fetcher:
    """GET with the limits of ``FetchOptions``. ``transport`` replaces the network (tests)."""

    def __init__(self, options: FetchOptions | None = None, *, stop: threading.Event | None = None,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.options = options or FetchOptions()
        self.stop = stop or threading.Event()
        self.pacer = HostPacer(self.options.host_delay)
        self.client = httpx.Client(follow_redirects=True, max_redirects=MAX_REDIRECTS, transport=transport,
                                   timeout=httpx.Timeout(self.options.timeout),
                                   headers={"User-Agent": self.options.user_agent})

    def close(self) -> None:
        self.client.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            accept: str = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5") -> Fetched:
        """The resource at ``url``; FetchError when it cannot be had after the retries."""
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        pause = self.options.backoff
        for attempt in range(self.options.retries + 1):
            self.pacer.wait(urlsplit(url).netloc.lower(), self.stop)
            try:
                return self._once(url, headers)
            except _Retry as exc:
                if attempt == self.options.retries:
                    raise FetchError(str(exc), permanent=False, status=exc.status) from None
                if exc.retry_after is not None and exc.retry_after > MAX_RETRY_AFTER:
                    raise FetchError(f"{exc} (asked to come back in {exc.retry_after:.0f} s)", permanent=False,
                                     status=exc.status) from None
                wait = exc.retry_after if exc.retry_after is not None else pause
                if self.stop.wait(wait):
                    raise Stopped from None
                pause *= 2
        raise AssertionError("unreachable")

    def _once(self, url: str, headers: dict[str, str]) -> Fetched:
        o = self.options
        started = time.monotonic()
        try:
            with self.client.stream("GET", url, headers=headers) as resp:
                status = resp.status_code
                if status == 304:
                    return Fetched(304, str(resp.url), etag=resp.headers.get("etag") or headers.get("If-None-Match"),
                                   last_modified=resp.headers.get("last-modified"))
                if status in RETRY_STATUS:
                    raise _Retry(f"HTTP {status} {resp.reason_phrase}", status, _retry_after(resp))
                if status >= 400:
                    raise FetchError(f"HTTP {status} {resp.reason_phrase}", permanent=True, status=status)
                if status != 200:
                    raise FetchError(f"HTTP {status}: not a page", permanent=True, status=status)
                declared = resp.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > o.max_bytes:
                    raise FetchError(f"{int(declared):,} bytes exceed the size limit of {o.max_bytes:,}",
                                     permanent=True, status=status)
                chunks, size = [], 0
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > o.max_bytes:
                        raise FetchError(f"more than the size limit of {o.max_bytes:,} bytes", permanent=True,
                                         status=status)
                    if time.monotonic() - started > o.timeout:
                        raise _Retry(f"timed out after {o.timeout:g} s (still reading)", status)
                    chunks.append(chunk)
                media, _, params = resp.headers.get("content-type", "").partition(";")
                return Fetched(200, str(resp.url), b"".join(chunks), resp.headers.get("etag"),
                               resp.headers.get("last-modified"), media.strip().lower(), _charset(params))
        except httpx.TimeoutException:
            raise _Retry(f"timed out after {o.timeout:g} s", None) from None
        except httpx.TooManyRedirects:
            raise FetchError(f"more than {MAX_REDIRECTS} redirects", permanent=True) from None
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
            raise FetchError(f"not a URL that can be fetched: {exc}", permanent=True) from None
        except httpx.DecodingError as exc:
            raise FetchError(f"the answer cannot be decoded: {exc}", permanent=True) from None
        except httpx.TransportError as exc:
            raise _Retry(f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__, None) from None


class _Retry(Exception):
    def __init__(self, message: str, status: int | None, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


def _retry_after(resp: httpx.Response) -> float | None:
    value = resp.headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def _charset(params: str) -> str | None:
    for part in params.split(";"):
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"').lower()
    return None
