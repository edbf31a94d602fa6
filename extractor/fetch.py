"""HTTP for readers and the feed watcher: one polite, bounded client.

Every byte marketfacts parses from the web comes through :class:`HttpClient`
(or :func:`fetch`, a one-shot use of it). Parsers never fetch anything
themselves: feedparser's own HTTP code has no timeout, and newer versions
drop its etag/modified arguments, so it only ever sees bytes plus the
response headers.

What one :meth:`HttpClient.get` does:

- connect and read timeouts for each network wait, and a total deadline
  for the whole call, retries and their waits included; a body that
  trickles in is cut off when the deadline passes;
- retries, with exponential backoff and jitter, on timeouts, connection
  errors (refused, reset), 429 and 5xx; a ``Retry-After`` is honoured, and
  one that asks for longer than the deadline allows ends the call at once
  and keeps further requests off that host until the time it named; other
  4xx are never retried;
- at most five redirects; a size cap on the (decoded) body; gzip/deflate;
  a User-Agent naming the tool;
- a delay between requests to the same host (more if its robots.txt asks
  for a Crawl-delay);
- with ``robots=True`` (article pages), robots.txt is honoured for our
  User-Agent and ``*``: fetched once per host and trusted for a day (a
  5xx one for ten minutes; a host that does not answer at all fails the
  page with the connection error, and is asked again next time);
- conditional GET: given the ETag / Last-Modified of the last response,
  a ``304 Not Modified`` comes back as a :class:`Response` whose
  ``not_modified`` is true, with no body.

Every failure is a :class:`~extractor.errors.FetchError` whose message says
which URL and why (``"<url>: HTTP 404 Not Found"``); a page robots.txt
keeps us from is the subclass :class:`RobotsDisallowed`, so a caller can
tell "may never fetch" from "failed this time".
"""

from __future__ import annotations

import random
import re
import socket
import ssl
import threading
import time
import urllib.robotparser
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.message import Message
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import httpx

from .errors import FetchError
from .version import __version__

#: Seconds for each network wait: connecting, and each read of the response.
DEFAULT_TIMEOUT = 20.0
DEFAULT_CONNECT_TIMEOUT = 10.0
#: Seconds for one get(), retries and their waits included.
DEFAULT_DEADLINE = 60.0
#: Retries after the first attempt (so four attempts in all).
DEFAULT_RETRIES = 3
#: First backoff wait in seconds; it doubles on each retry, up to MAX_BACKOFF.
DEFAULT_BACKOFF = 1.0
MAX_BACKOFF = 30.0
#: Seconds between the end of one request to a host and the start of the next.
DEFAULT_HOST_DELAY = 1.0
#: A robots.txt Crawl-delay is honoured up to this many seconds.
MAX_CRAWL_DELAY = 60.0
#: How long a host's robots.txt is trusted before it is fetched again.
ROBOTS_TTL = 24 * 3600.0
#: A robots.txt that could not be fetched (5xx, network) blocks the host's
#: pages for this long, then is asked for again (RFC 9309 section 2.3.1.4).
ROBOTS_ERROR_TTL = 600.0
#: RFC 9309 asks crawlers to parse at least 500 KiB of a robots.txt.
ROBOTS_MAX_BYTES = 512 * 1024
MAX_REDIRECTS = 5
#: Larger responses are refused: no news article or feed is this big, and
#: reading one into memory must not be a way to exhaust it.
MAX_BYTES = 32 * 1024 * 1024

RETRY_STATUSES = frozenset({429}) | frozenset(range(500, 600))


USER_AGENT = f"marketfacts/{__version__} (+https://github.com/marketfacts)"

_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, "
    "text/html;q=0.8, application/xhtml+xml;q=0.8, text/plain;q=0.5, */*;q=0.1"
)


class RobotsDisallowed(FetchError):
    """robots.txt does not allow our User-Agent to fetch this URL."""


@dataclass(frozen=True)
class Response:
    """What a reader needs from a fetch."""

    url: str  #: final URL, after redirects
    status: int
    content: bytes
    headers: Mapping[str, str] = field(default_factory=dict)  #: case-insensitive
    attempts: int = 1  #: requests it took, retries included

    @property
    def not_modified(self) -> bool:
        """True for a 304 answer to a conditional GET: nothing changed, no body."""
        return self.status == 304

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag") or None

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified") or None

    @property
    def content_type(self) -> str:
        """Media type without parameters, lower case: ``text/html``."""
        return parse_content_type(self.headers.get("content-type", ""))[0]

    @property
    def charset(self) -> str | None:
        """The charset the server declared, if any."""
        return parse_content_type(self.headers.get("content-type", ""))[1]


class HttpClient:
    """One long-lived HTTP client: connection reuse, politeness state, robots cache.

    Every parameter has a production default; tests pass milliseconds for
    ``backoff`` and ``host_delay`` and a recording ``sleep`` instead of
    waiting. Safe to share between threads. Use as a context manager or
    call :meth:`close`.
    """

    def __init__(
        self,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        connect_timeout: float | None = None,
        deadline: float = DEFAULT_DEADLINE,
        retries: int = DEFAULT_RETRIES,
        backoff: float = DEFAULT_BACKOFF,
        max_backoff: float = MAX_BACKOFF,
        host_delay: float = DEFAULT_HOST_DELAY,
        max_redirects: int = MAX_REDIRECTS,
        max_bytes: int = MAX_BYTES,
        user_agent: str = USER_AGENT,
        robots_ttl: float = ROBOTS_TTL,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
    ):
        self.timeout = float(timeout)
        self.connect_timeout = float(connect_timeout if connect_timeout is not None else min(timeout, DEFAULT_CONNECT_TIMEOUT))
        self.deadline = float(deadline)
        self.retries = max(0, int(retries))
        self.backoff = float(backoff)
        self.max_backoff = float(max_backoff)
        self.host_delay = float(host_delay)
        self.max_redirects = int(max_redirects)
        self.max_bytes = int(max_bytes)
        self.user_agent = user_agent
        self.robots_ttl = float(robots_ttl)
        self._sleep = sleep
        self._http = httpx.Client(
            follow_redirects=True,
            max_redirects=self.max_redirects,
            # Explicit, so the answer does not depend on whether brotli or
            # zstandard happen to be installed.
            headers={"User-Agent": user_agent, "Accept": _ACCEPT, "Accept-Encoding": "gzip, deflate"},
            transport=transport,
        )
        self._lock = threading.Lock()
        self._next_slot: dict[str, float] = {}  # host -> earliest start of its next request
        self._not_before: dict[str, float] = {}  # host -> wall time a Retry-After asked us to wait for
        self._robots: dict[str, tuple[_Robots, float]] = {}  # origin -> (rules, expiry)
        self._robots_locks: dict[str, threading.Lock] = {}
        self._crawl_delays: dict[str, float] = {}  # host -> its robots.txt Crawl-delay

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    # -- the one public request ----------------------------------------------

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        robots: bool = False,
    ) -> Response:
        """GET ``url`` with retries, politeness and the deadline (see module doc).

        ``etag`` / ``last_modified`` make it a conditional GET: the answer may
        then be a 304 :class:`Response` (``not_modified``). ``robots=True``
        first checks the host's robots.txt. Raises FetchError.
        """
        host = _host(url)
        if robots:
            try:
                rules = self._robots_for(url)
            except _Unreachable as e:
                raise FetchError(url, e.reason) from e.__cause__
            if not rules.allows(url):
                if rules.reason:
                    raise FetchError(url, f"not fetched: {rules.reason}, so the host's pages are off limits for now")
                raise RobotsDisallowed(url, f"disallowed by robots.txt for {_agent_token(self.user_agent)}")
        self._check_not_before(url, host)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        raw = self._request(url, headers, self.max_bytes)
        if 200 <= raw.status < 300 or (raw.status == 304 and headers):
            return Response(raw.url, raw.status, raw.content, raw.headers, raw.attempts)
        raise FetchError(url, _after(raw.reason, raw.attempts))

    def _request(self, url: str, headers: dict[str, str], max_bytes: int, *, polite: bool = True) -> _Raw:
        """Attempts until an answer that is not worth retrying, or the retries
        are spent: that answer, whatever its status. Raises FetchError for
        failures with no answer (timeouts, connection errors, too large, the
        deadline, a Retry-After beyond it). ``polite=False`` (robots.txt)
        skips the per-host delay before the first attempt and does not count
        toward it."""
        host = _host(url)
        if polite:
            self._wait_turn(host)
        deadline = time.monotonic() + self.deadline  # politeness waits are not network time
        attempt = 0
        while True:
            attempt += 1
            if attempt > 1:
                self._wait_turn(host)
            retry_after: float | None = None
            error: BaseException | None = None
            try:
                raw = self._once(url, headers, deadline, max_bytes)
            except _Permanent as e:
                raise FetchError(url, _after(e.reason, attempt)) from e.__cause__
            except (httpx.TimeoutException, httpx.TransportError) as e:
                if time.monotonic() >= deadline:
                    raise FetchError(url, _after(f"took longer than the {self.deadline:g}s deadline", attempt)) from e
                reason, retryable = self._transport_reason(e)
                error = e
            else:
                raw = _Raw(raw.url, raw.status, f"HTTP {raw.status} {raw.reason}".rstrip(), raw.content, raw.headers, attempt)
                if raw.status not in RETRY_STATUSES or attempt > self.retries:
                    return raw
                reason, retryable = raw.reason, True
                retry_after = _retry_after(raw.headers.get("retry-after"))
            finally:
                if polite or attempt > 1:
                    self._done(host)
            if not retryable or attempt > self.retries:
                raise FetchError(url, _after(reason, attempt)) from error
            wait = self._backoff_wait(attempt)
            if retry_after is not None:
                wait = max(wait, retry_after)
            if time.monotonic() + wait >= deadline:
                if retry_after is not None:
                    # The server named a time; keep away from it until then.
                    with self._lock:
                        self._not_before[host] = time.time() + retry_after
                    raise FetchError(
                        url,
                        _after(f"{reason}; the server asks to wait {retry_after:g}s (Retry-After), "
                               f"beyond the {self.deadline:g}s deadline", attempt),
                    ) from error
                raise FetchError(url, _after(f"{reason}; no time left for a retry within the {self.deadline:g}s deadline", attempt)) from error
            self._sleep(wait)

    # -- robots.txt ----------------------------------------------------------

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets our User-Agent fetch ``url`` (fetched once per host);
        False too when the host cannot be reached."""
        try:
            return self._robots_for(url).allows(url)
        except _Unreachable:
            return False

    def _robots_for(self, url: str) -> _Robots:
        parts = urlsplit(url)
        origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        with self._lock:
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:  # one fetch per host, even with several threads asking at once
            cached = self._robots.get(origin)
            if cached is not None and cached[1] > time.monotonic():
                return cached[0]
            rules, ttl = self._fetch_robots(origin)
            self._robots[origin] = (rules, time.monotonic() + ttl)
            if rules.crawl_delay:
                host = _host(url)
                with self._lock:
                    # Seen by _done(): the host's own Crawl-delay, where larger than ours.
                    self._crawl_delays[host] = min(rules.crawl_delay, MAX_CRAWL_DELAY)
            return rules

    def _fetch_robots(self, origin: str) -> tuple[_Robots, float]:
        """Rules and how long to trust them. RFC 9309: 4xx means no rules,
        5xx keeps off; 401/403 keep off too, as Python's robotparser does.
        A host that cannot be reached at all raises _Unreachable, and is
        not cached: the page would not have loaded either, and its error
        then says why in the same words."""
        robots_url = origin + "/robots.txt"
        try:
            # Outside the per-host delay: a small file asked for once a day,
            # and the request it guards follows right after.
            raw = self._request(robots_url, {}, ROBOTS_MAX_BYTES, polite=False)
        except FetchError as e:
            if isinstance(e.__cause__, (httpx.TimeoutException, httpx.TransportError)):
                raise _Unreachable(e.reason) from e
            if isinstance(e.__cause__, httpx.TooManyRedirects):
                return _Robots.parse(self.user_agent, b""), self.robots_ttl  # RFC 9309: as if there were none
            # Too large, undecodable, or a Retry-After past the deadline.
            return _Robots.unavailable(self.user_agent, f"robots.txt unusable ({e.reason})"), ROBOTS_ERROR_TTL
        status = raw.status
        if 200 <= status < 300:
            return _Robots.parse(self.user_agent, raw.content), self.robots_ttl
        if status in (401, 403):
            return _Robots.unavailable(self.user_agent, f"robots.txt answered HTTP {status}"), self.robots_ttl
        if 400 <= status < 500:
            return _Robots.parse(self.user_agent, b""), self.robots_ttl
        return _Robots.unavailable(self.user_agent, f"robots.txt answered {_after(raw.reason, raw.attempts)}"), ROBOTS_ERROR_TTL

    # -- one attempt ---------------------------------------------------------

    def _once(self, url: str, headers: dict[str, str], deadline: float, max_bytes: int) -> _Raw:
        """One request; httpx errors pass through, permanent failures are _Permanent."""
        remaining = max(deadline - time.monotonic(), 0.001)
        timeout = httpx.Timeout(min(self.timeout, remaining), connect=min(self.connect_timeout, remaining))
        try:
            with self._http.stream("GET", url, headers=headers, timeout=timeout) as response:
                if not 200 <= response.status_code < 300:
                    # An error page's body is of no use; 304 has none.
                    return _Raw(str(response.url), response.status_code, response.reason_phrase, b"", response.headers)
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > max_bytes:
                    raise _Permanent(f"response too large ({int(declared)} bytes; the limit is {max_bytes})")
                chunks: list[bytes] = []
                size = 0
                # Decoded bytes: the cap also stops a small gzip bomb from growing large.
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise _Permanent(f"response too large (over {max_bytes} bytes)")
                    if time.monotonic() > deadline:
                        raise httpx.ReadTimeout("deadline passed while reading the body")
                    chunks.append(chunk)
                return _Raw(str(response.url), response.status_code, response.reason_phrase, b"".join(chunks), response.headers)
        except httpx.TooManyRedirects as e:
            raise _Permanent(f"too many redirects (more than {self.max_redirects})") from e
        except (httpx.UnsupportedProtocol, httpx.InvalidURL) as e:
            raise _Permanent(f"invalid URL: {e}") from e
        except httpx.DecodingError as e:
            raise _Permanent(f"cannot decode the response: {e}") from e
        except (httpx.TimeoutException, httpx.TransportError):
            raise
        except (httpx.HTTPError, httpx.StreamError, OSError, ValueError, UnicodeError) as e:
            # ValueError/UnicodeError: httpx on URLs it cannot even split.
            raise _Permanent(f"request failed: {e or type(e).__name__}") from e

    def _transport_reason(self, error: Exception) -> tuple[str, bool]:
        """(plain reason, worth retrying) for a timeout or connection failure."""
        if isinstance(error, httpx.ConnectTimeout):
            return f"connect timed out after {self.connect_timeout:g}s", True
        if isinstance(error, httpx.TimeoutException):
            return f"timed out after {self.timeout:g}s", True
        cause: BaseException | None = error
        while cause is not None:
            if isinstance(cause, ConnectionRefusedError):
                return "connection refused", True
            if isinstance(cause, ConnectionResetError):
                return "connection reset by the server", True
            if isinstance(cause, socket.gaierror):
                # A name that does not exist will not exist in a second either.
                return f"cannot resolve host name ({cause.strerror or cause})", cause.errno == socket.EAI_AGAIN
            if isinstance(cause, ssl.SSLCertVerificationError):
                return f"TLS certificate error: {cause.verify_message or cause}", False
            if isinstance(cause, ssl.SSLError):
                return f"TLS error: {cause}", True
            cause = cause.__cause__ or cause.__context__
        if isinstance(error, httpx.RemoteProtocolError):
            return f"the server broke off the response ({error})", True
        if isinstance(error, httpx.ConnectError):
            return f"connection failed: {error}", True
        return f"network error: {error or type(error).__name__}", True

    # -- politeness ----------------------------------------------------------

    def _check_not_before(self, url: str, host: str) -> None:
        with self._lock:
            until = self._not_before.get(host)
        if until is not None and time.time() < until:
            stamp = datetime.fromtimestamp(until, timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
            raise FetchError(url, f"not requested: the server asked us to wait until {stamp} (Retry-After)")

    def _wait_turn(self, host: str) -> None:
        """Wait until ``host`` may be asked again, and book the slot."""
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next_slot.get(host, now))
            self._next_slot[host] = start + self._delay(host)
        if start > now:
            self._sleep(start - now)

    def _done(self, host: str) -> None:
        """A request to ``host`` ended: the delay counts from its end."""
        with self._lock:
            end = time.monotonic() + self._delay(host)
            self._next_slot[host] = max(self._next_slot.get(host, end), end)

    def _delay(self, host: str) -> float:
        return max(self.host_delay, self._crawl_delays.get(host, 0.0))

    def _backoff_wait(self, attempt: int) -> float:
        """Exponential backoff with jitter: between half and all of backoff·2^(n-1)."""
        ceiling = min(self.max_backoff, self.backoff * 2 ** (attempt - 1))
        return ceiling * (0.5 + random.random() / 2)


@dataclass(frozen=True)
class _Raw:
    url: str
    status: int
    reason: str
    content: bytes
    headers: Mapping[str, str]
    attempts: int = 1


class _Unreachable(Exception):
    """robots.txt could not be asked for at all; the page's FetchError says why."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class _Permanent(Exception):
    """A failure no retry can fix (too large, too many redirects, bad URL)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class _Robots:
    """The robots.txt rules of one host for our User-Agent."""

    def __init__(self, user_agent: str, parser: urllib.robotparser.RobotFileParser | None, reason: str | None = None):
        self.user_agent = user_agent
        self.parser = parser
        self.reason = reason  # why everything is refused, when the file could not be read
        self.crawl_delay: float | None = None
        if parser is not None:
            try:
                delay = parser.crawl_delay(_agent_token(user_agent))
                self.crawl_delay = float(delay) if delay is not None else None
            except (TypeError, ValueError):
                self.crawl_delay = None

    @classmethod
    def parse(cls, user_agent: str, data: bytes) -> _Robots:
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(data.decode("utf-8", errors="replace").splitlines())
        return cls(user_agent, parser)

    @classmethod
    def unavailable(cls, user_agent: str, reason: str) -> _Robots:
        return cls(user_agent, None, reason)

    def allows(self, url: str) -> bool:
        if self.parser is None:
            return False
        return self.parser.can_fetch(_agent_token(self.user_agent), url)


def fetch(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    client: HttpClient | None = None,
    max_bytes: int = MAX_BYTES,
    etag: str | None = None,
    last_modified: str | None = None,
    robots: bool = False,
    **options,
) -> Response:
    """GET ``url`` once-off: :meth:`HttpClient.get` on a client made for this call.

    ``timeout`` bounds each network wait; ``options`` are any other
    :class:`HttpClient` parameters (``deadline``, ``retries``, ``backoff``,
    ...). With ``client``, that client and its settings are used instead.
    Raises :class:`FetchError` (``"<url>: <reason>"``).
    """
    if client is not None:
        return client.get(url, etag=etag, last_modified=last_modified, robots=robots)
    with HttpClient(timeout=timeout, max_bytes=max_bytes, **options) as own:
        return own.get(url, etag=etag, last_modified=last_modified, robots=robots)


_default: HttpClient | None = None
_default_lock = threading.Lock()


def default_client() -> HttpClient:
    """The process-wide client, with production settings, made on first use.

    Shared so that the per-host delay and the robots.txt cache hold across
    every URL one run reads (``marketfacts ingest URL URL ...``).
    """
    global _default
    with _default_lock:
        if _default is None:
            _default = HttpClient()
        return _default


_CHARSET_NAME = re.compile(r"[a-z0-9!#$%&'+^_`{}~.:-]{1,64}")  # RFC 2978 mime-charset


def parse_content_type(value: str) -> tuple[str, str | None]:
    """``("text/html", "euc-kr")`` from ``"text/html; charset=EUC-KR"``."""
    message = Message()
    message["content-type"] = value or "application/octet-stream"
    charset = message.get_param("charset")
    if isinstance(charset, tuple):  # RFC 2231 form: (charset, language, value)
        charset = charset[2]
    charset = str(charset or "").strip().lower()
    # Only a name a charset can have: the RFC 2231 form percent-decodes to
    # anything, and a NUL in a codec name makes bytes.decode raise ValueError.
    return message.get_content_type(), charset if _CHARSET_NAME.fullmatch(charset) else None


def parse_retry_after(value: str | None) -> float | None:
    """Seconds a ``Retry-After`` value asks for (delta-seconds or an HTTP date); None if unreadable."""
    return _retry_after(value)


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"[0-9]+", value):  # not str.isdigit(): that takes '¹' and int() does not
        return float(min(int(value), 10**9))
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def _host(url: str) -> str:
    """``host:port`` of ``url``, the unit of politeness; '' when there is none."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return ""
    hostname = (parts.hostname or "").lower()
    return f"{hostname}:{port}" if port else hostname


def _agent_token(user_agent: str) -> str:
    """``marketfacts`` from ``marketfacts/0.1.0 (+https://...)``: the name robots.txt groups use."""
    return user_agent.split("/")[0].strip() or user_agent


def _after(reason: str, attempts: int) -> str:
    return f"{reason} ({attempts} attempts)" if attempts > 1 else reason
