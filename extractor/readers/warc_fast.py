"""WARC records through FastWARC, for archives whose records are mostly skipped.

In a news crawl nearly every record is skipped (requests, metadata, pages
on other topics), so reading them is most of the cost. FastWARC (resiliparse's
C++ WARC reader) reads records several times faster than warcio. warcio
stays the reader of record for damaged data: it reports a damaged record
with its offset and resumes at the next good one. So this reader checks as
it goes, and at the first sign of damage it stops with :class:`Doubt`,
naming the offset of the first record it has not handed out; the caller
reads on from there with warcio. A record is handed out only once the next
one has been found where it should start, so a record that runs into its
neighbour is never handed out by this reader:

- FastWARC raised (a gzip data error, an invalid header), or gave a record
  of unknown type (a header cut short);
- a payload read came out shorter than the record says (a truncated file);
- in a plain WARC, the next record does not start right after this one's
  header, Content-Length bytes and blank line; in a WARC.gz, not at a gzip
  member's start;
- the last record of the range does not end at the range's end (or the
  file's, with only blank bytes after it);
- an HTTP payload with a transfer or content encoding (warcio decodes those
  and FastWARC's decoding differs in detail): warcio reads it.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

_GZIP_MAGIC = b"\x1f\x8b\x08"
_HEAD_BYTES = 64 * 1024
_KNOWN_TYPES = frozenset({"warcinfo", "response", "resource", "request", "metadata", "revisit", "conversion", "continuation"})


class Doubt(Exception):
    """The data looks damaged at or after ``pos``: read on from there with warcio."""

    def __init__(self, pos: int, why: str):
        super().__init__(f"{why} at {pos}")
        self.pos = pos


@dataclass
class RawRecord:
    """What the archive reader needs of one WARC record."""

    offset: int
    kind: str  # WARC-Type
    warc_length: int  # the WARC Content-Length (HTTP headers and payload)
    url: str | None
    date: str | None
    is_http: bool
    status: str = ""  # HTTP status code, "" without HTTP
    content_type: str = ""  # HTTP Content-Type, else the record's own
    payload: bytes | None = None  # read only when the caller asked for it
    end: int = 0  # offset just past the record, once known


def available() -> bool:
    try:
        import fastwarc.warc  # noqa: F401  (only whether it imports)
    except ImportError:
        return False
    return True


def records(
    f: BinaryIO,
    start: int,
    limit: int,
    *,
    gzipped: bool,
    wants_payload: Callable[[RawRecord], bool],
    max_bytes: int,
) -> Iterator[RawRecord]:
    """The records that start in [start, limit), checked; raises Doubt (see the module doc)."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    fd = f.fileno()
    f.seek(start)
    pending: RawRecord | None = None
    expected_end: int | None = None  # where the next record must start (plain WARC)
    position = start
    try:
        for record in ArchiveIterator(f, record_types=WarcRecordType.any_type, parse_http=False, auto_decode="none"):
            position = record.stream_pos
            if pending is not None:
                _check_next(fd, pending, position, expected_end, gzipped)
                pending.end = position
                yield pending
                pending = None
            elif position != start:
                raise Doubt(start, "the first record is not where the range starts")
            if position >= limit:
                return
            kind = str(record.record_type)  # "response", "request", ...
            if kind not in _KNOWN_TYPES:
                raise Doubt(position, "a record of unknown type")
            headers = record.headers
            try:
                warc_length = int(headers.get("Content-Length", "-1"))
            except ValueError:
                raise Doubt(position, "a record without a valid Content-Length") from None
            raw = RawRecord(position, kind, warc_length, headers.get("WARC-Target-URI"), headers.get("WARC-Date"), record.is_http)
            raw.content_type = headers.get("Content-Type", "")
            if kind in ("response", "resource") and record.is_http:
                record.parse_http()
                http = record.http_headers
                raw.status = str(http.status_code or "")
                raw.content_type = http.get("Content-Type", "")
                encodings = (http.get("Transfer-Encoding", "") + http.get("Content-Encoding", "")).strip().lower()
                if encodings and encodings != "identity":
                    raise Doubt(position, "an encoded HTTP payload")
            if warc_length <= max_bytes and wants_payload(raw):
                payload = record.reader.read(max_bytes + 1)
                if len(payload) < record.content_length:
                    raise Doubt(position, "a payload shorter than its record says")
                raw.payload = payload
            expected_end = _plain_end(fd, position, warc_length) if not gzipped else None
            pending = raw
    except Doubt:
        raise
    except Exception as e:  # FastWARC's errors on damaged data (OSError and others)
        raise Doubt(pending.offset if pending is not None else position, f"FastWARC: {e}") from e
    if pending is not None:
        end = expected_end if not gzipped else _member_end(fd, pending.offset)
        if end is None or not _blank(fd, end, limit if end < limit else os.fstat(fd).st_size):
            raise Doubt(pending.offset, "the last record does not end the range")
        pending.end = end
        yield pending


def _check_next(fd: int, pending: RawRecord, position: int, expected_end: int | None, gzipped: bool) -> None:
    if gzipped:
        if os.pread(fd, 3, position) != _GZIP_MAGIC:
            raise Doubt(pending.offset, "the next record is not at a gzip member's start")
    elif expected_end is None or position != expected_end:
        raise Doubt(pending.offset, "the next record is not where this one ends")


def _plain_end(fd: int, offset: int, warc_length: int) -> int | None:
    """Where a plain WARC record ends: its header, the block, the blank line after."""
    head = os.pread(fd, _HEAD_BYTES, offset)
    blank = head.find(b"\r\n\r\n")
    if blank < 0 or warc_length < 0:
        return None
    end = offset + blank + 4 + warc_length
    return end + 4 if os.pread(fd, 4, end) == b"\r\n\r\n" else None


def _member_end(fd: int, offset: int) -> int | None:
    """Where the gzip member at ``offset`` ends, or None if it is damaged or cut short."""
    inflater = zlib.decompressobj(31)
    position = offset
    try:
        while not inflater.eof:
            chunk = os.pread(fd, 256 * 1024, position)
            if not chunk:
                return None
            inflater.decompress(chunk)
            position += len(chunk)
    except zlib.error:
        return None
    return position - len(inflater.unused_data)


def _blank(fd: int, position: int, end: int) -> bool:
    """Only blank bytes (or none) from ``position`` to ``end``."""
    while position < end:
        chunk = os.pread(fd, min(256 * 1024, end - position), position)
        if not chunk:
            return True
        if chunk.strip(b"\r\n\x00 "):
            return False
        position += len(chunk)
    return True
