"""One document's bytes, read by what they are: a feed, an HTML page or text.

The dispatch every reader shares once an input is known to be one document
(a file, a fetched page, a gzip of one input inside an archive); archives
themselves are archive.py's.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, datetime

from ..documents import Document
from ..fetch import parse_content_type
from .feed import read_feed
from .html import read_html
from .sniff import Kind, sniff
from .text import read_text


def read_document_bytes(
    data: bytes,
    source: str,
    *,
    kind: Kind | None = None,
    url: str | None = None,
    headers: Mapping[str, str] | None = None,
    published: date | datetime | None = None,
) -> Iterator[Document]:
    """Documents of one input's ``data`` (sniffed unless ``kind`` is given);
    ``source`` names it in errors."""
    kind = kind or sniff(data, source)
    if kind == "feed":
        return read_feed(data, source, headers=headers, published=published)
    if kind == "html":
        charset = parse_content_type((headers or {}).get("content-type", ""))[1]
        return read_html(data, source, url=url, charset=charset, published=published)
    return read_text(data, source, published=published)
