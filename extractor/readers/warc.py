"""WARC and WARC.gz archives (e.g. Common Crawl's CC-NEWS): records to Documents.

A ``response`` (or ``resource``) record whose payload is HTML with a 2xx
status becomes a Document through the HTML reader: its URL is the record's
``WARC-Target-URI``, its ``fetched_at`` the ``WARC-Date``. Every other
record (requests, metadata, redirects, images, PDFs) is skipped and counted.

Records are read with FastWARC when it is installed (:mod:`.warc_fast`:
several times faster, which counts when most records are skipped) and with
warcio from the first sign of damage on: warcio reports a damaged record
with its offset and, after a damaged gzip member, looks for the next record
that really starts a WARC record and resumes there.
"""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import BinaryIO

from ..documents import Document
from ..errors import ReadError
from . import warc_fast
from .records import GZIP_MAGIC, MAX_RECORD_BYTES, ArchiveStats, Item, html_document, one_line
from .relevance import Gate

#: "fastwarc" (when installed; warcio takes over at the first sign of damage) or "warcio".
READER = "fastwarc"

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_ARTICLE_RECORDS = ("response", "resource")
_WARC_TYPES = {"warcinfo", "response", "resource", "request", "metadata", "revisit", "conversion", "continuation"}
_SCAN_BLOCK = 256 * 1024


def read_warc(
    f: BinaryIO, source: str, published, start: int, end: int | None, stats: ArchiveStats, gate: Gate | None = None
) -> Iterator[Item]:
    """The records of a WARC; an input with no readable record at all is one error naming the input."""
    items = _read_warc_records(f, source, published, start, end, stats, gate)
    first = next(items, None)
    if start == 0 and isinstance(first, ReadError) and first.source == f"{source}@0":
        second = next(items, None)
        if second is None:
            yield ReadError(source, f"not a readable WARC archive ({first.reason})")
            return
        yield first
        first = second
    if first is not None:
        yield first
        yield from items


def _read_warc_records(
    f: BinaryIO, source: str, published, start: int, end: int | None, stats: ArchiveStats, gate: Gate | None
) -> Iterator[Item]:
    size = f.seek(0, io.SEEK_END)
    limit = size if end is None else min(end, size)
    pos = start
    if READER == "fastwarc" and pos < limit and _has_fileno(f) and warc_fast.available():
        gzipped = _is_gzip_at(f, pos)
        try:
            yield from _read_warc_fast(f, source, published, pos, limit, stats, gate, gzipped)
            return
        except warc_fast.Doubt as doubt:
            pos = doubt.pos  # warcio reads on from the first record not yet handed out
    while pos < limit:
        f.seek(pos)
        iterator = _archive_iterator(f)
        failure = None
        try:
            for record in iterator:
                warnings = iterator.err_count
                item, offset = _warc_item(record, iterator, source, published, stats, limit, gate)
                if offset >= limit:
                    return  # the record belongs to the next range
                if iterator.err_count > warnings:  # warcio found no blank line where the record should end
                    item = ReadError(f"{source}@{offset}", "damaged WARC record: its length does not match its Content-Length")
                length = iterator.get_record_length()
                if offset < pos - 4 or length < 0:  # warcio lost its place in damaged data
                    raise ValueError(f"record positions out of order at {offset}")
                stats.records += 1
                pos = stats.end = offset + length
                if item is not None:
                    yield item
        except Exception as e:  # warcio and zlib raise assorted errors on damaged data
            failure = f"unreadable WARC record: {one_line(e)}"
        if failure is None and _rest_is_blank(f, pos, limit):
            return
        # warcio stops without a word at a truncated gzip member or record, so
        # the position it stopped at is checked against the end of the file.
        bad = _skip_blank(f, pos, limit)
        resume = next_warc_record(f, bad + 1, limit)
        reason = failure or "truncated or damaged WARC record"
        if resume is not None:
            reason += f"; {resume - bad} bytes skipped"
        yield ReadError(f"{source}@{bad}", reason)
        if resume is None:
            stats.end = limit
            return
        pos = resume


def _has_fileno(f: BinaryIO) -> bool:
    """A file on disk (FastWARC's checks read it by offset), not bytes in memory."""
    try:
        f.fileno()
    except (OSError, ValueError):
        return False
    return True


def _is_gzip_at(f: BinaryIO, pos: int) -> bool:
    f.seek(pos)
    return f.read(3) == GZIP_MAGIC


def _read_warc_fast(
    f: BinaryIO, source: str, published, start: int, limit: int, stats: ArchiveStats, gate: Gate | None, gzipped: bool
) -> Iterator[Item]:
    """The records of [start, limit) through FastWARC (:mod:`.warc_fast`), turned
    into items exactly as :func:`_warc_item` turns warcio's; raises Doubt."""
    for raw in warc_fast.records(f, start, limit, gzipped=gzipped, wants_payload=_wants_payload, max_bytes=MAX_RECORD_BYTES):
        stats.records += 1
        stats.end = raw.end
        item = _raw_item(raw, source, published, stats, gate)
        if item is not None:
            yield item


def _wants_payload(raw: warc_fast.RawRecord) -> bool:
    return _classify(raw.kind, raw.status if raw.is_http else None, raw.content_type)[0] is None


def _raw_item(raw: warc_fast.RawRecord, source: str, published, stats: ArchiveStats, gate: Gate | None) -> Item | None:
    skip, media_type, charset = _classify(raw.kind, raw.status if raw.is_http else None, raw.content_type)
    if skip:
        stats.skip(skip)
        return None
    where = f"{source}@{raw.offset}"
    if raw.warc_length > MAX_RECORD_BYTES:
        return ReadError(where, f"record too large ({raw.warc_length} bytes; the limit is {MAX_RECORD_BYTES})")
    return _page_item(raw.payload or b"", media_type, charset, where, source, raw.url, raw.date, published, stats, gate)


def _archive_iterator(f: BinaryIO):
    """warcio's ArchiveIterator, minus the warning it writes to stderr about
    a record whose length is wrong: the library never prints, and such a
    record is reported as a bad record instead (``err_count``)."""
    from warcio.archiveiterator import ArchiveIterator  # imported on use: readers stay light

    class _Quiet(ArchiveIterator):
        INC_RECORD = ""

    return _Quiet(f)


def _warc_item(
    record, iterator, source: str, published, stats: ArchiveStats, limit: int, gate: Gate | None
) -> tuple[Item | None, int]:
    """(Document, ReadError or None; the record's offset) of one WARC record.

    warcio knows a record's offset only once the record has been read to
    its end, so the payload is read first and parsed only if the record
    starts inside the range.
    """
    kind = record.rec_type
    if kind not in _WARC_TYPES:
        # warcio hands on a record whose header is damaged or cut short with no type.
        offset = iterator.get_record_offset()
        return ReadError(f"{source}@{offset}", "damaged WARC header (no valid WARC-Type)"), offset
    http = record.http_headers
    status = (http.get_statuscode() or "") if http is not None else None
    content_type = (http if http is not None else record.rec_headers).get_header("Content-Type") or ""
    skip, media_type, charset = _classify(kind, status, content_type)
    if skip:
        return _skipped(iterator, stats, skip, limit)
    if record.length is not None and record.length > MAX_RECORD_BYTES:
        offset = iterator.get_record_offset()  # warcio streams past the payload
        error = ReadError(f"{source}@{offset}", f"record too large ({record.length} bytes; the limit is {MAX_RECORD_BYTES})")
        return error, offset
    payload = record.content_stream().read(MAX_RECORD_BYTES + 1)
    offset = iterator.get_record_offset()
    if offset >= limit:
        return None, offset
    where = f"{source}@{offset}"
    if getattr(record.raw_stream, "limit", 0):  # bytes the header promised and the file lacks
        return ReadError(where, "truncated WARC record (the file ends inside it)"), offset
    url = record.rec_headers.get_header("WARC-Target-URI")
    date = record.rec_headers.get_header("WARC-Date")
    return _page_item(payload, media_type, charset, where, source, url, date, published, stats, gate), offset


def _classify(kind: str, status: str | None, content_type: str) -> tuple[str | None, str, str | None]:
    """(why a record is no article page, or None; its media type; its charset).
    ``status`` is the HTTP status, None for a record without HTTP."""
    if kind not in _ARTICLE_RECORDS:
        return f"WARC {kind} record", "", None
    if status is not None and not status.startswith("2"):
        return f"HTTP status {status or 'unknown'}", "", None
    media_type, charset = _media_type(content_type)
    if media_type and media_type not in _HTML_TYPES:
        return f"not HTML ({media_type})", media_type, charset
    return None, media_type, charset


def _page_item(
    payload: bytes, media_type: str, charset: str | None, where: str, source: str, url, date, published, stats: ArchiveStats, gate: Gate | None
) -> Item | None:
    """The Document of a page record's payload (whichever reader read it), a
    ReadError, or None when it is no HTML page or the gate finds it unrelated."""
    if len(payload) > MAX_RECORD_BYTES:
        return ReadError(where, f"record too large (over {MAX_RECORD_BYTES} bytes)")
    if not media_type and not _sniff_html(payload):
        stats.skip("not HTML (no Content-Type)")
        return None
    if gate is not None and not gate.relevant(payload):
        stats.unrelated += 1
        return None
    item = html_document(payload, where, source, url=url, charset=charset, published=published, fetched_at=_warc_date(date))
    if gate is not None and isinstance(item, Document):
        item.screened = True
    return item


def _skipped(iterator, stats: ArchiveStats, reason: str, limit: int) -> tuple[None, int]:
    offset = iterator.get_record_offset()
    if offset < limit:
        stats.skip(reason)
    return None, offset


def _media_type(content_type: str) -> tuple[str, str | None]:
    parts = [p.strip() for p in content_type.split(";")]
    charset = None
    for p in parts[1:]:
        name, _, value = p.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"') or None
    return parts[0].lower(), charset


def _sniff_html(payload: bytes) -> bool:
    from .sniff import sniff

    try:
        return sniff(payload[:16384], "") == "html"
    except ReadError:
        return False


def _warc_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        stamp = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=timezone.utc)
    return stamp.astimezone(timezone.utc)


def next_warc_record(f: BinaryIO, pos: int, limit: int, gzipped: bool | None = None) -> int | None:
    """Offset of the first real WARC record starting at or after ``pos``, or None.

    A candidate (a gzip header, or ``WARC/1.``) counts only
    if it decodes to a WARC header with a record type and a length, so
    compressed bytes or a page that quotes a WARC header are never taken
    for a record.
    """
    if gzipped is None:
        f.seek(0)
        gzipped = f.read(2) == GZIP_MAGIC[:2]
    needle = GZIP_MAGIC if gzipped else b"WARC/1."
    while pos < limit:
        f.seek(pos)
        block = f.read(min(_SCAN_BLOCK, limit - pos) + len(needle))
        i = block.find(needle)
        while i >= 0 and pos + i < limit:
            if _is_warc_record(f, pos + i, gzipped):
                return pos + i
            i = block.find(needle, i + 1)
        pos += max(len(block) - len(needle), 1)
        if not block:
            break
    return None


def _is_warc_record(f: BinaryIO, pos: int, gzipped: bool) -> bool:
    f.seek(pos)
    head = f.read(8192)
    if gzipped:
        try:
            head = zlib.decompressobj(31).decompress(head, 8192)
        except zlib.error:
            return False
    header = head.split(b"\r\n\r\n", 1)[0]
    return (
        header.startswith(b"WARC/1.")
        and re.search(rb"\r\nWARC-Type:", header, re.I) is not None
        and re.search(rb"\r\nContent-Length:\s*\d+", header, re.I) is not None
    )


def _skip_blank(f: BinaryIO, pos: int, limit: int) -> int:
    f.seek(pos)
    data = f.read(min(64, max(limit - pos, 0)))
    return pos + len(data) - len(data.lstrip(b"\r\n"))


def _rest_is_blank(f: BinaryIO, pos: int, limit: int) -> bool:
    if limit - pos > 64:
        return False
    f.seek(pos)
    return not f.read(limit - pos).strip(b"\r\n\x00 ")
