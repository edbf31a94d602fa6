"""HTTP for readers: one GET with a deadline, a size cap and plain-English errors.

This is deliberately small. Retries, per-host politeness (robots.txt, rate
limits) and conditional GET (ETag, Last-Modified) belong to a later issue;
they will wrap :func:`fetch` or pass their own long-lived ``client``, so the
contract here is only: bytes plus headers plus final URL, or a
:class:`FetchError` that says what went wrong with which URL.

Readers never let a parser fetch anything itself (feedparser would if given
a URL): every byte we parse came through here or from a local file.
"""

from __future__ import annotations

import socket
import ssl
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.message import Message
from importlib import metadata

import httpx

from .errors import FetchError

DEFAULT_TIMEOUT = 20.0
MAX_REDIRECTS = 5
#: Larger responses are refused: no news article or feed is this big, and
#: reading one into memory must not be a way to exhaust it.
MAX_BYTES = 32 * 1024 * 1024


def _version() -> str:
    # Not `from . import __version__`: extractor/__init__ may one day import
    # the readers, and that would make this import circular.
    try:
        return metadata.version("marketfacts")
    except metadata.PackageNotFoundError:
        return "dev"


USER_AGENT = f"marketfacts/{_version()} (+https://github.com/marketfacts)"


@dataclass(frozen=True)
class Response:
    """What a reader needs from a fetch."""

    url: str  #: final URL, after redirects
    status: int
    content: bytes
    headers: Mapping[str, str] = field(default_factory=dict)  #: case-insensitive

    @property
    def content_type(self) -> str:
        """Media type without parameters, lower case: ``text/html``."""
        return parse_content_type(self.headers.get("content-type", ""))[0]

    @property
    def charset(self) -> str | None:
        """The charset the server declared, if any."""
        return parse_content_type(self.headers.get("content-type", ""))[1]


def fetch(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    client: httpx.Client | None = None,
    max_bytes: int = MAX_BYTES,
) -> Response:
    """GET ``url``, following up to five redirects.

    ``timeout`` bounds each network wait (connect, each read), and the body
    stops being read once ``timeout`` seconds have passed since the request
    started, so a server that trickles a byte a second cannot hold a reader.
    ``client`` lets a caller reuse connections (its own redirect limit and
    headers then apply). Raises :class:`FetchError` (``"<url>: <reason>"``)
    on timeout, connection failure, a non-2xx status or a body over
    ``max_bytes``.
    """
    own_client = client is None
    if client is None:
        client = httpx.Client(
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            headers={"User-Agent": USER_AGENT},
        )
    try:
        return _get(client, url, timeout, max_bytes)
    except FetchError:
        raise
    except httpx.TimeoutException as e:
        raise FetchError(url, f"timed out after {timeout:g}s") from e
    except httpx.TooManyRedirects as e:
        raise FetchError(url, f"too many redirects (more than {MAX_REDIRECTS})") from e
    except httpx.ConnectError as e:
        raise FetchError(url, _connect_reason(e)) from e
    except (httpx.UnsupportedProtocol, httpx.InvalidURL) as e:
        raise FetchError(url, f"invalid URL: {e}") from e
    except (httpx.HTTPError, httpx.StreamError, OSError, ValueError) as e:
        raise FetchError(url, f"request failed: {e or type(e).__name__}") from e
    finally:
        if own_client:
            client.close()


def _get(client: httpx.Client, url: str, timeout: float, max_bytes: int) -> Response:
    deadline = time.monotonic() + timeout
    with client.stream("GET", url, timeout=timeout, follow_redirects=True) as response:
        if not 200 <= response.status_code < 300:
            raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise FetchError(url, f"response too large ({int(declared)} bytes; the limit is {max_bytes})")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(url, f"response too large (over {max_bytes} bytes)")
            if time.monotonic() > deadline:
                raise httpx.ReadTimeout("deadline passed while reading the body")
            chunks.append(chunk)
        return Response(
            url=str(response.url),
            status=response.status_code,
            content=b"".join(chunks),
            headers=response.headers,
        )


def _connect_reason(error: httpx.ConnectError) -> str:
    """Name the usual causes plainly; the raw message for anything else."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, ConnectionRefusedError):
            return "connection refused"
        if isinstance(cause, socket.gaierror):
            return f"cannot resolve host name ({cause.strerror or cause})"
        if isinstance(cause, ssl.SSLError):
            return f"TLS error: {cause}"
        cause = cause.__cause__ or cause.__context__
    return f"connection failed: {error}"


def parse_content_type(value: str) -> tuple[str, str | None]:
    """``("text/html", "euc-kr")`` from ``"text/html; charset=EUC-KR"``."""
    message = Message()
    message["content-type"] = value or "application/octet-stream"
    charset = message.get_param("charset")
    if isinstance(charset, tuple):  # RFC 2231 form: (charset, language, value)
        charset = charset[2]
    return message.get_content_type(), (str(charset).strip().lower() or None) if charset else None
