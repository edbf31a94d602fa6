"""Readers: inputs (files, directories, http(s) URLs) → :class:`Document`.

Two entry points:

- :func:`read` reads one input and raises :class:`ReadError` for it;
- :func:`read_all` reads many and yields each failure as a ReadError
  *value* between the Documents, so one bad input never stops a run.

The format is decided by content (:mod:`.sniff`), not by file name: an RSS
feed saved as ``.txt`` is read as a feed. Archives (WARC, JSON lines, gzip;
:mod:`.archive`) are streamed record by record, and like a directory each
bad record in them is one error among the Documents. Every reader turns any bad input
into a ReadError naming the path or URL; nothing else escapes for bad
bytes.

``published`` (the CLI's ``--published``) is the publication date for inputs
that are one article, text files and HTML pages, and overrides what they say
themselves; for a feed it only fills in items that have no date, since a
feed's items each carry their own and one date for all would be wrong.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from pathlib import Path

from ..documents import Document
from ..errors import FetchError, ReadError
from ..fetch import HttpClient, default_client, fetch
from .archive import ArchiveStats, archive_kind, read_archive, read_archive_bytes
from .directory import walk
from .relevance import Gate
from .sniff import Kind, sniff, sniff_archive
from .single import read_document_bytes

__all__ = ["FetchError", "ReadError", "read", "is_url", "read_all", "read_bytes", "read_file", "read_response", "read_url"]

Published = date | datetime | None

#: Larger files are refused rather than read into memory.
MAX_FILE_BYTES = 64 * 1024 * 1024

_URL = re.compile(r"^https?://", re.I)


def is_url(source: str | Path) -> bool:
    """An http(s) URL, not a path."""
    return isinstance(source, str) and _URL.match(source) is not None
_HTML_MEDIA_TYPES = ("text/html", "application/xhtml+xml")


def read(source: str | Path, *, published: Published = None) -> Iterator[Document]:
    """Documents of one input: a file, a directory (recursively) or an http(s) URL.

    Raises ReadError (FetchError for URLs) naming the input when it cannot
    be read: a missing path, no permission, an unknown format, a failed
    fetch. Files and URLs are read and checked before this returns; a
    directory is read lazily, and its first bad file raises during
    iteration (use :func:`read_all` to go on past it).
    """
    if is_url(source):
        return read_url(source, published=published)
    path = Path(source)
    if path.is_dir():
        return _read_directory_strict(path, published)
    return read_file(path, published=published)


def read_all(
    sources: Iterable[str | Path],
    *,
    published: Published = None,
    gate: Gate | None = None,
    stats: ArchiveStats | None = None,
) -> Iterator[Document | ReadError]:
    """Documents of all inputs, with a ReadError in their place for each input that failed.

    Inside a directory each file counts as an input of its own: a bad one
    is reported and the others are read. ``gate`` screens the records of
    archive files (only those: a page or feed named is read whatever it
    holds), and ``stats`` adds up what the archives held.
    """
    for source in sources:
        url = is_url(source)
        if not url and Path(source).is_dir():
            yield from _read_directory(Path(source), published, gate, stats)
            continue
        if not url and (kind := archive_kind(source)):
            yield from _read_archive(source, kind, published, gate, stats)
            continue
        try:
            yield from read(source, published=published)
        except ReadError as error:
            yield error


def read_file(path: str | Path, *, published: Published = None) -> Iterator[Document]:
    """Documents of one file, whatever its format (feed, HTML page or text)."""
    source = str(path)
    if kind := archive_kind(path):
        return _strict(_read_archive(path, kind, published))
    data = _read_bytes_from(Path(path))
    return read_bytes(data, source, published=published)


def read_url(
    url: str,
    *,
    published: Published = None,
    timeout: float | None = None,
    client: HttpClient | None = None,
    robots: bool = True,
) -> Iterator[Document]:
    """Documents of a feed or article page fetched from ``url``.

    The fetch goes through ``client``, by default the process-wide one
    (:func:`extractor.fetch.default_client`), so the per-host delay and the
    robots.txt cache hold across a whole run; a ``timeout`` without a client
    gets a client of its own. ``robots`` checks the host's robots.txt
    first: a URL named by hand may well be an article page. Only a caller
    that knows ``url`` is a feed (``marketfacts watch``) turns it off.
    """
    if client is None and timeout is not None:
        response = fetch(url, timeout=timeout, robots=robots)
    else:
        response = fetch(url, client=client or default_client(), robots=robots)
    return read_response(response, url, published=published)


def read_response(response, url: str, *, published: Published = None) -> Iterator[Document]:
    """Documents of a fetched feed or page (``response`` from :mod:`extractor.fetch`)."""
    kind = sniff(response.content, url)
    if kind == "text" and response.content_type in _HTML_MEDIA_TYPES:
        kind = "html"  # a page with little markup, served as HTML: trust the server
    headers = {
        "content-type": response.headers.get("content-type", ""),
        "content-location": response.url,  # lets feedparser resolve relative links
    }
    return read_bytes(
        response.content, url, kind=kind, url=response.url, headers=headers, published=published
    )


def read_bytes(
    data: bytes,
    source: str,
    *,
    kind: Kind | None = None,
    url: str | None = None,
    headers: Mapping[str, str] | None = None,
    published: Published = None,
) -> Iterator[Document]:
    """Documents of ``data`` (sniffed unless ``kind`` is given); ``source`` names it in errors."""
    if kind is None and sniff_archive(data[:65536]):
        return _strict(read_archive_bytes(data, source, published=published))
    return read_document_bytes(data, source, kind=kind, url=url, headers=headers, published=published)


def _read_bytes_from(path: Path) -> bytes:
    return read_local_bytes(path, MAX_FILE_BYTES)


def read_local_bytes(path: str | Path, limit: int, *, what: str = "file") -> bytes:
    """The bytes of a local file of at most ``limit`` bytes; ReadError naming
    the path and what is wrong otherwise (missing, a directory, unreadable,
    too large)."""
    source = str(path)
    try:
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > limit:
                raise ReadError(source, f"{what} too large ({size} bytes; the limit is {limit})")
            return f.read()
    except FileNotFoundError as e:
        raise ReadError(source, "no such file or directory") from e
    except PermissionError as e:
        raise ReadError(source, "permission denied") from e
    except IsADirectoryError as e:
        raise ReadError(source, "is a directory") from e
    except OSError as e:
        raise ReadError(source, f"cannot read: {e.strerror or e}") from e
    except ValueError as e:  # a NUL byte in the path
        raise ReadError(source, f"invalid path: {e}") from e


def _read_directory(
    root: Path, published: Published, gate: Gate | None = None, stats: ArchiveStats | None = None
) -> Iterator[Document | ReadError]:
    for item in walk(root):
        if isinstance(item, ReadError):
            yield item
            continue
        if kind := archive_kind(item):
            yield from _read_archive(item, kind, published, gate, stats)
            continue
        try:
            yield from read_file(item, published=published)
        except ReadError as error:
            yield error


def _read_archive(
    path: str | Path, kind, published: Published, gate: Gate | None = None, stats: ArchiveStats | None = None
) -> Iterator[Document | ReadError]:
    try:
        yield from read_archive(path, kind=kind, published=published, gate=gate, stats=stats)
    except ReadError as error:
        yield error


def _strict(items: Iterator[Document | ReadError]) -> Iterator[Document]:
    for item in items:
        if isinstance(item, ReadError):
            raise item
        yield item


def _read_directory_strict(root: Path, published: Published) -> Iterator[Document]:
    for item in _read_directory(root, published):
        if isinstance(item, ReadError):
            raise item
        yield item
