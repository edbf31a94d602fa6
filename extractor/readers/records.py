"""What the archive readers share: a record's limits, their tally, a page record made a Document."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..documents import Document
from ..errors import ReadError

#: A record whose payload is larger than this is reported and skipped
#: (news pages are well under 1 MB; a 50 MB "page" is a data dump or an attack).
MAX_RECORD_BYTES = 8 * 1024 * 1024
#: A page whose text is longer than this is reported and skipped: extraction
#: time grows faster than linearly with the length of one text.
MAX_TEXT_CHARS = 200_000
GZIP_MAGIC = b"\x1f\x8b\x08"

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



def html_document(data: bytes, where: str, source: str, *, url, charset, published, fetched_at) -> Item:
    from .html import read_html

    try:
        (document,) = read_html(data, where, url=url, charset=charset)
    except ReadError as e:
        return e
    except Exception as e:  # a parser bug on hostile markup: report the record, go on
        return ReadError(where, f"unreadable HTML: {one_line(e)}")
    if len(document.text) > MAX_TEXT_CHARS:
        return ReadError(where, f"text too long ({len(document.text)} characters; the limit is {MAX_TEXT_CHARS})")
    document.source = source
    document.origin = where
    document.fetched_at = fetched_at
    if document.published is None:
        document.published = published
    return document


def one_line(error: BaseException) -> str:
    """An exception's message fit for one line of a report: printable, short."""
    text = "".join(c if c.isprintable() else " " for c in str(error))
    text = " ".join(text.split()) or type(error).__name__
    return text if len(text) <= 100 else text[:97] + "..."
