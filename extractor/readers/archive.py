"""Archives: WARC and JSON-lines dumps (plain or gzip), and gzip of one input.

Every archive is streamed: a record is read, turned into a Document and
dropped before the next one is read, so an archive of any size takes the
memory of its largest record (capped at :data:`MAX_RECORD_BYTES`).

- **WARC** (``.warc``, ``.warc.gz``, e.g. Common Crawl's CC-NEWS), read by
  :mod:`.warc`: each HTML page with a 2xx status becomes a Document; every
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
import zlib
from collections.abc import Iterator
from datetime import date, datetime, timezone
from pathlib import Path
from typing import BinaryIO, Literal

from ..documents import Document
from ..errors import ReadError
from .records import GZIP_MAGIC, MAX_RECORD_BYTES, MAX_TEXT_CHARS, ArchiveStats, Item, html_document, one_line
from .relevance import Gate
from .sniff import sniff_archive
from .text import normalize_text, parse_timestamp
from .warc import next_warc_record, read_warc

__all__ = ["MAX_RECORD_BYTES", "MAX_TEXT_CHARS", "ArchiveKind", "ArchiveStats", "archive_kind", "read_archive", "read_archive_bytes", "split"]

ArchiveKind = Literal["warc", "warc.gz", "jsonl", "jsonl.gz", "gzip"]

#: How much of a file is looked at to tell its kind.
HEAD_BYTES = 64 * 1024
#: gzip of a single input: the most it may decompress to.
MAX_GZIP_BYTES = 64 * 1024 * 1024
_SCAN_BLOCK = 256 * 1024


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
        while data.startswith(GZIP_MAGIC) and sum(map(len, out)) < HEAD_BYTES:
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
            yield from read_warc(f, source, published, start, end, stats, gate)
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
        return read_warc(f, source, published, 0, None, stats)
    if kind == "jsonl":
        return _read_jsonl(f, source, published, 0, None, stats, None)
    if kind == "jsonl.gz":
        return _read_jsonl(gzip.GzipFile(fileobj=f), source, published, 0, None, stats, None)
    return _read_gzip(f, source, published, stats)


def _mtime(f: BinaryIO) -> datetime:
    return datetime.fromtimestamp(os.fstat(f.fileno()).st_mtime, timezone.utc).replace(microsecond=0)


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
                cut = next_warc_record(f, target, size, gzipped=(kind == "warc.gz"))
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
            yield ReadError(f"{source}@{offset}", f"unreadable gzip data: {one_line(e)}")
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
            # A run of blank lines is skipped a block at a time, not a line
            # at a time (100 MB of newlines took 43 s).
            offset = stats.end = _skip_blank_lines(f, offset)
            continue
        stats.records += 1
        item = _jsonl_item(line, where, source, published, mtime, gate)
        if item is None:
            stats.unrelated += 1
            continue
        yield item


def _skip_blank_lines(f: BinaryIO, offset: int) -> int:
    """Read past the blank lines that follow; the offset after them."""
    peek = getattr(f, "peek", None)
    if peek is None:
        return offset
    try:
        while True:
            ahead = peek(_SCAN_BLOCK)[:_SCAN_BLOCK]
            blank = len(ahead) - len(ahead.lstrip(b" \t\r\n"))
            if blank == 0:
                return offset
            if blank < len(ahead):  # stop at the start of the line that has text
                blank = ahead.rfind(b"\n", 0, blank) + 1
                if blank == 0:
                    return offset
            f.read(blank)
            offset += blank
            if blank < len(ahead):
                return offset
    except (OSError, EOFError, zlib.error):
        return offset  # the next readline reports it


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
        item = html_document(html.encode("utf-8"), where, source, url=url, charset="utf-8", published=None, fetched_at=fetched_at)
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
    document.origin = where
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
        yield ReadError(source, f"unreadable gzip data: {one_line(e)}")
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

