"""Archives: WARC and JSON-lines dumps (plain or gzip), and gzip of one input.

Every archive is streamed: a record is read, turned into a Document and
dropped before the next one is read, so an archive of any size takes the
memory of its largest record (capped at :data:`MAX_RECORD_BYTES`).

- **WARC** (``.warc``, ``.warc.gz``, e.g. Common Crawl's CC-NEWS), read with
  warcio. A ``response`` (or ``resource``) record whose payload is HTML with
  a 2xx status becomes a Document through the HTML reader: its URL is the
  record's ``WARC-Target-URI``, its ``fetched_at`` the ``WARC-Date``. Every
  other record (requests, metadata, redirects, images, PDFs) is skipped and
  counted in :class:`ArchiveStats`.
- **JSON lines**: one article a line, an object with ``url``, ``title``,
  ``published`` and ``text`` or ``html`` (optional: ``guid``,
  ``fetched_at``). ``fetched_at`` defaults to the file's modification time,
  so a second run stores the same rows as the first.
- **gzip** of anything else (a page, a feed, a text file) is decompressed
  (up to the readers' file limit) and read as that input.

``--published`` fills in records that carry no date of their own, as for
feed items: an archive's records each have their own.

A bad record (unparseable JSON, invalid UTF-8, a page with no text, a
record over the size limit, a corrupt or truncated gzip member) comes out
as a :class:`ReadError` *value* whose source is ``path@offset``: the byte
offset of the record in the file (in the decompressed stream for
``.jsonl.gz``). The reader then goes on: after a damaged WARC member it
looks for the next record that really starts a WARC record and resumes
there.

``start``/``end`` restrict reading to the records that *start* in that byte
range; :func:`split` gives ranges whose ends are record boundaries, which is
how one big archive is shared between worker processes.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import BinaryIO, Literal

from ..documents import Document
from ..errors import ReadError
from .relevance import Gate
from .sniff import sniff_archive
from .text import normalize_text, parse_timestamp

ArchiveKind = Literal["warc", "warc.gz", "jsonl", "jsonl.gz", "gzip"]

#: A record whose payload is larger than this is reported and skipped
#: (news pages are well under 1 MB; a 50 MB "page" is a data dump or an attack).
MAX_RECORD_BYTES = 8 * 1024 * 1024
#: A page whose text is longer than this is reported and skipped: extraction
#: time grows faster than linearly with the length of one text.
MAX_TEXT_CHARS = 200_000
#: How much of a file is looked at to tell its kind.
HEAD_BYTES = 64 * 1024
#: gzip of a single input: the most it may decompress to.
MAX_GZIP_BYTES = 64 * 1024 * 1024

_GZIP_MAGIC = b"\x1f\x8b\x08"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_ARTICLE_RECORDS = ("response", "resource")
_WARC_TYPES = {"warcinfo", "response", "resource", "request", "metadata", "revisit", "conversion", "continuation"}
_SCAN_BLOCK = 256 * 1024

Item = Document | ReadError


@dataclass
class ArchiveStats:
    """What a read went through besides Documents and errors."""

    records: int = 0  # every record (WARC record, JSON line) read
    skipped: Counter = field(default_factory=Counter)  # reason -> records not articles
    unrelated: int = 0  # articles the relevance gate stopped
    end: int = 0  # offset just past the last record read

    def skip(self, reason: str) -> None:
        self.skipped[reason] += 1


# -- telling archives apart ----------------------------------------------------


def archive_kind(path: str | Path) -> ArchiveKind | None:
    """The archive kind of the file at ``path``, or None for any other input.

    Decided by content: a gzip file is looked into, so ``news.gz`` holding
    a WARC is ``warc.gz``. Unreadable files are None: the ordinary readers
    report them.
    """
    try:
        with open(path, "rb") as f:
            head = f.read(HEAD_BYTES)
    except (OSError, ValueError):
        return None
    kind = sniff_archive(head)
    if kind != "gzip":
        return kind
    inner = _gunzip_head(head)
    inner_kind = sniff_archive(inner) if inner else None
    if inner_kind == "warc":
        return "warc.gz"
    if inner_kind == "jsonl":
        return "jsonl.gz"
    return "gzip"


def _gunzip_head(head: bytes) -> bytes:
    """The first decompressed bytes of a gzip stream, across members; b'' if unreadable."""
    out, data = [], head
    try:
        while data.startswith(_GZIP_MAGIC) and sum(map(len, out)) < HEAD_BYTES:
            d = zlib.decompressobj(31)
            out.append(d.decompress(data, HEAD_BYTES))
            if not d.eof:
                break
            data = d.unused_data
    except zlib.error:
        pass
    return b"".join(out)


# -- reading -------------------------------------------------------------------


def read_archive(
    path: str | Path,
    *,
    kind: ArchiveKind | None = None,
    published: date | datetime | None = None,
    start: int = 0,
    end: int | None = None,
    stats: ArchiveStats | None = None,
    gate: Gate | None = None,
) -> Iterator[Item]:
    """Documents of the archive at ``path``, each bad record as a ReadError value.

    With a ``gate`` (:mod:`.relevance`), a record it finds unrelated is
    counted in ``stats.unrelated`` and dropped before its HTML is parsed,
    and every Document that comes out is marked ``screened``.
    Raises ReadError (naming the path) only when the file cannot be opened.
    """
    source = str(path)
    stats = stats if stats is not None else ArchiveStats()
    kind = kind or archive_kind(path)
    try:
        f = open(path, "rb")
    except OSError as e:
        raise ReadError(source, f"cannot read: {e.strerror or e}") from e
    with f:
        if kind in ("warc", "warc.gz"):
            yield from _read_warc(f, source, published, start, end, stats, gate)
        elif kind == "jsonl":
            yield from _read_jsonl(f, source, published, start, end, stats, _mtime(f), gate)
        elif kind == "jsonl.gz":
            yield from _read_jsonl(gzip.GzipFile(fileobj=f), source, published, start, end, stats, _mtime(f), gate)
        elif kind == "gzip":
            yield from _read_gzip(f, source, published, stats)
        else:
            raise ReadError(source, "not an archive (WARC, JSON lines or gzip)")


def read_archive_bytes(data: bytes, source: str, *, published: date | datetime | None = None) -> Iterator[Item]:
    """Like :func:`read_archive`, for an archive already in memory (a fetched URL)."""
    kind = sniff_archive(data[:HEAD_BYTES])
    if kind == "gzip":
        inner = sniff_archive(_gunzip_head(data[:HEAD_BYTES]))
        kind = {"warc": "warc.gz", "jsonl": "jsonl.gz"}.get(inner or "", "gzip")
    f = io.BytesIO(data)
    stats = ArchiveStats()
    if kind in ("warc", "warc.gz"):
        return _read_warc(f, source, published, 0, None, stats)
    if kind == "jsonl":
        return _read_jsonl(f, source, published, 0, None, stats, None)
    if kind == "jsonl.gz":
        return _read_jsonl(gzip.GzipFile(fileobj=f), source, published, 0, None, stats, None)
    return _read_gzip(f, source, published, stats)


def _mtime(f: BinaryIO) -> datetime:
    return datetime.fromtimestamp(os.fstat(f.fileno()).st_mtime, timezone.utc).replace(microsecond=0)


# -- WARC ----------------------------------------------------------------------


def _read_warc(
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
            failure = f"unreadable WARC record: {_one_line(e)}"
        if failure is None and _rest_is_blank(f, pos, limit):
            return
        # warcio stops without a word at a truncated gzip member or record, so
        # the position it stopped at is checked against the end of the file.
        bad = _skip_blank(f, pos, limit)
        resume = _next_warc_record(f, bad + 1, limit)
        reason = failure or "truncated or damaged WARC record"
        if resume is not None:
            reason += f"; {resume - bad} bytes skipped"
        yield ReadError(f"{source}@{bad}", reason)
        if resume is None:
            stats.end = limit
            return
        pos = resume


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
    if kind not in _ARTICLE_RECORDS:
        return _skipped(iterator, stats, f"WARC {kind} record", limit)
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return _skipped(iterator, stats, f"HTTP status {status or 'unknown'}", limit)
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    media_type, charset = _media_type(content_type)
    if media_type and media_type not in _HTML_TYPES:
        return _skipped(iterator, stats, f"not HTML ({media_type})", limit)
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
    if len(payload) > MAX_RECORD_BYTES:
        return ReadError(where, f"record too large (over {MAX_RECORD_BYTES} bytes)"), offset
    if not media_type and not _sniff_html(payload):
        return _skipped(iterator, stats, "not HTML (no Content-Type)", limit)
    if gate is not None and not gate.relevant(payload):
        stats.unrelated += 1
        return None, offset
    url = record.rec_headers.get_header("WARC-Target-URI")
    fetched = _warc_date(record.rec_headers.get_header("WARC-Date"))
    item = _html_document(payload, where, source, url=url, charset=charset, published=published, fetched_at=fetched)
    if gate is not None and isinstance(item, Document):
        item.screened = True
    return item, offset


def _skipped(iterator, stats: ArchiveStats, reason: str, limit: int) -> tuple[None, int]:
    offset = iterator.get_record_offset()
    if offset < limit:
        stats.skip(reason)
    return None, offset


def _html_document(data: bytes, where: str, source: str, *, url, charset, published, fetched_at) -> Item:
    from .html import read_html

    try:
        (document,) = read_html(data, where, url=url, charset=charset)
    except ReadError as e:
        return e
    except Exception as e:  # a parser bug on hostile markup: report the record, go on
        return ReadError(where, f"unreadable HTML: {_one_line(e)}")
    if len(document.text) > MAX_TEXT_CHARS:
        return ReadError(where, f"text too long ({len(document.text)} characters; the limit is {MAX_TEXT_CHARS})")
    document.source = source
    document.fetched_at = fetched_at
    if document.published is None:
        document.published = published
    return document


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


def split(path: str | Path, kind: ArchiveKind, chunk_bytes: int, start: int = 0) -> list[tuple[int, int]]:
    """Byte ranges [start, end) of ``path`` that each begin at a record, about ``chunk_bytes`` long.

    WARC files are cut at record starts (each gzip member of a ``.warc.gz``
    is one record), plain JSON lines at line starts; other kinds (one gzip
    stream) are one range.
    """
    size = os.path.getsize(path)
    if start >= size:
        return []
    if kind not in ("warc", "warc.gz", "jsonl") or size - start <= chunk_bytes:
        return [(start, size)]
    cuts = [start]
    with open(path, "rb") as f:
        while cuts[-1] + chunk_bytes < size:
            target = cuts[-1] + chunk_bytes
            if kind == "jsonl":
                cut = _next_line(f, target, size)
            else:
                cut = _next_warc_record(f, target, size, gzipped=(kind == "warc.gz"))
            if cut is None or cut >= size:
                break
            cuts.append(cut)
    return list(zip(cuts, cuts[1:] + [size]))


def _next_line(f: BinaryIO, pos: int, limit: int) -> int | None:
    f.seek(pos - 1)
    while pos < limit:
        block = f.read(_SCAN_BLOCK)
        if not block:
            return None
        i = block.find(b"\n")
        if i >= 0:
            return pos - 1 + i + 1
        pos += len(block)
    return None


def _next_warc_record(f: BinaryIO, pos: int, limit: int, gzipped: bool | None = None) -> int | None:
    """Offset of the first real WARC record starting at or after ``pos``, or None.

    A candidate (a gzip header, or ``WARC/1.``) counts only
    if it decodes to a WARC header with a record type and a length, so
    compressed bytes or a page that quotes a WARC header are never taken
    for a record.
    """
    if gzipped is None:
        f.seek(0)
        gzipped = f.read(2) == _GZIP_MAGIC[:2]
    needle = _GZIP_MAGIC if gzipped else b"WARC/1."
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


# -- JSON lines ------------------------------------------------------------------


def _read_jsonl(
    f: BinaryIO,
    source: str,
    published,
    start: int,
    end: int | None,
    stats: ArchiveStats,
    mtime: datetime | None,
    gate: Gate | None = None,
) -> Iterator[Item]:
    offset = start
    if start:
        f.seek(start)  # in a .jsonl.gz this decompresses up to there
    while end is None or offset < end:
        try:
            line = f.readline(MAX_RECORD_BYTES + 1)
        except (OSError, EOFError, zlib.error) as e:
            yield ReadError(f"{source}@{offset}", f"unreadable gzip data: {_one_line(e)}")
            return
        if not line:
            return
        where = f"{source}@{offset}"
        offset += len(line)
        if len(line) > MAX_RECORD_BYTES and not line.endswith(b"\n"):
            try:
                while (rest := f.readline(_SCAN_BLOCK)) and not rest.endswith(b"\n"):
                    offset += len(rest)
                offset += len(rest)
            except (OSError, EOFError, zlib.error):
                pass
            stats.records += 1
            stats.end = offset
            yield ReadError(where, f"record too large (over {MAX_RECORD_BYTES} bytes)")
            continue
        stats.end = offset
        if not line.strip():
            continue
        stats.records += 1
        item = _jsonl_item(line, where, source, published, mtime, gate)
        if item is None:
            stats.unrelated += 1
            continue
        yield item


def _jsonl_item(line: bytes, where: str, source: str, published, mtime: datetime | None, gate: Gate | None = None) -> Item | None:
    """The Document or ReadError of one line; None when ``gate`` finds it unrelated."""
    try:
        obj = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as e:
        return ReadError(where, f"invalid UTF-8 at byte {e.start} of the line")
    except ValueError as e:
        return ReadError(where, f"not valid JSON: {e}")
    if not isinstance(obj, dict):
        return ReadError(where, "not a JSON object")
    text, html = obj.get("text"), obj.get("html")
    if gate is not None:
        body = html if isinstance(html, str) and html.strip() else text
        title = obj.get("title")
        if isinstance(body, str) and not gate.relevant(f"{title}\n{body}" if isinstance(title, str) else body):
            return None
    url = _str_or_none(obj.get("url"))
    fetched_at = _timestamp(obj.get("fetched_at")) or mtime
    own_date = _published(obj.get("published"))
    if isinstance(html, str) and html.strip():
        item = _html_document(html.encode("utf-8"), where, source, url=url, charset="utf-8", published=None, fetched_at=fetched_at)
        if isinstance(item, ReadError):
            return item
        document = item
        if own_date is not None:
            document.published = own_date
    elif isinstance(text, str) and text.strip():
        document = Document(text=normalize_text(text), url=url, source=source, published=own_date, fetched_at=fetched_at)
        if len(document.text) > MAX_TEXT_CHARS:
            return ReadError(where, f"text too long ({len(document.text)} characters; the limit is {MAX_TEXT_CHARS})")
    else:
        return ReadError(where, 'no "text" or "html" field with text in it')
    document.guid = _str_or_none(obj.get("guid")) or document.guid
    document.title = _str_or_none(obj.get("title")) or document.title
    if document.published is None:
        document.published = published
    document.screened = gate is not None
    return document


def _published(value) -> date | datetime | None:
    return parse_timestamp(value) if isinstance(value, str) and value.strip() else None


def _timestamp(value) -> datetime | None:
    parsed = _published(value)
    if isinstance(parsed, datetime):
        return parsed.astimezone(timezone.utc) if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
    if isinstance(parsed, date):
        return datetime(parsed.year, parsed.month, parsed.day, tzinfo=timezone.utc)
    return None


def _str_or_none(value) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


# -- gzip of one input -------------------------------------------------------------


def _read_gzip(f: BinaryIO, source: str, published, stats: ArchiveStats) -> Iterator[Item]:
    from .single import read_document_bytes

    try:
        data = gzip.GzipFile(fileobj=f).read(MAX_GZIP_BYTES + 1)
    except (OSError, EOFError, zlib.error) as e:
        yield ReadError(source, f"unreadable gzip data: {_one_line(e)}")
        return
    if len(data) > MAX_GZIP_BYTES:
        yield ReadError(source, f"decompresses to more than {MAX_GZIP_BYTES} bytes")
        return
    stats.records += 1
    if sniff_archive(data[:65536]):
        yield from read_archive_bytes(data, source, published=published)  # an archive inside the gzip
        return
    try:
        yield from read_document_bytes(data, source, published=published)
    except ReadError as e:
        yield e


def _one_line(error: BaseException) -> str:
    """An exception's message fit for one line of a report: printable, short."""
    text = "".join(c if c.isprintable() else " " for c in str(error))
    text = " ".join(text.split()) or type(error).__name__
    return text if len(text) <= 100 else text[:97] + "..."
