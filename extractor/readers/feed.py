"""RSS and Atom feeds: one Document per item.

feedparser parses bytes that we read (from a file or through
:mod:`extractor.fetch`); it is never handed a URL or a path, because it
would fetch or open it itself. Bytes are wrapped in a stream for the same
reason: feedparser treats a bare ``bytes`` value as a file name first.

An item's body is its full content (``content:encoded``, Atom
``<content>``) when it has one, else its summary/description. HTML bodies go
through :func:`~.htmltext.html_to_text`, so their tables are kept as rows and
rendered into the text as pipe lines.

Publication times come from the item's own date string, not from
feedparser's ``published_parsed``: that one is converted to UTC, and
``Thu, 14 May 2026 08:00:00 +0900`` would become the 13th, the wrong Korean
trading day.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Iterator, Mapping
from datetime import date, datetime, timezone

import feedparser

from ..documents import Document
from ..errors import FeedWarning, ReadError
from .htmltext import html_fragment_text, html_to_text
from .text import normalize_text, parse_timestamp

_HTML_TYPES = ("text/html", "application/xhtml+xml")

__all__ = ["FeedWarning", "read_feed"]


def read_feed(
    data: bytes,
    source: str,
    *,
    headers: Mapping[str, str] | None = None,
    published: date | datetime | None = None,
) -> Iterator[Document]:
    """Documents of the items of the feed in ``data``.

    ``source`` (path or URL) names the feed in Documents and errors;
    ``headers`` are the HTTP response headers when it was fetched (charset,
    and Content-Location for resolving relative links); ``published`` is
    used only for items that carry no date of their own. Raises ReadError at
    once if ``data`` is not a feed; items with an empty body are skipped.
    """
    parsed = _parse(data, source, headers)
    return _documents(parsed, source, published)


def _parse(data: bytes, source: str, headers: Mapping[str, str] | None) -> feedparser.FeedParserDict:
    try:
        parsed = feedparser.parse(io.BytesIO(data), response_headers=dict(headers or {}))
    except Exception as e:  # feedparser promises not to raise; if it does, the bytes are to blame
        raise ReadError(source, f"not an RSS or Atom feed: {type(e).__name__}: {e}") from e
    # A feed with items is read even if it is not well-formed (bozo): real
    # feeds often have a stray '&'. Without items, a parse error means it is
    # not a feed at all. (.get(): for empty input feedparser sets no `version`.)
    if not parsed.get("entries") and (parsed.get("bozo") or not parsed.get("version")):
        cause = parsed.get("bozo_exception")
        reason = str(cause) if cause else "no <rss> or <feed> element"
        raise ReadError(source, f"not an RSS or Atom feed: {reason}")
    if parsed.get("bozo"):
        count = len(parsed.get("entries", []))
        warnings.warn(
            f"{source}: {_flaw(parsed.get('bozo_exception'))}; read {count} item{'s' if count != 1 else ''} anyway",
            FeedWarning,
            stacklevel=3,
        )
    return parsed


def _flaw(cause: BaseException | None) -> str:
    """feedparser's complaint in words: expat's ``<unknown>:3:16: ...`` gets a line and column."""
    text = " ".join(str(cause or "").split())
    where = re.match(r"<unknown>:(\d+):(\d+): (.*)", text)
    if where:
        return f"not well-formed XML at line {where[1]}, column {where[2]}: {where[3]}"
    return text or "not well-formed"


def _documents(
    parsed: feedparser.FeedParserDict, source: str, published: date | datetime | None
) -> Iterator[Document]:
    for entry in parsed.get("entries", []):
        document = _entry_document(entry, source)
        if document is None:
            continue
        if document.published is None:
            document.published = published
        yield document


def _entry_document(entry: feedparser.FeedParserDict, source: str) -> Document | None:
    """The item as a Document; None if its body has no text."""
    body, is_html = _body(entry)
    if is_html:
        text, tables = html_to_text(body)
    else:
        text, tables = normalize_text(body), []
    if not text.strip():
        return None
    link = entry.get("link") or None
    return Document(
        text=text,
        url=link,
        guid=entry.get("id") or link,
        title=_title(entry),
        published=_published(entry),
        source=source,
        tables=tables,
    )


def _body(entry: feedparser.FeedParserDict) -> tuple[str, bool]:
    """(body, is_html): the HTML content if there is one, else the summary."""
    contents = [c for c in entry.get("content") or [] if c.get("value")]
    html_contents = [c for c in contents if c.get("type") in _HTML_TYPES]
    chosen = (html_contents or contents or [None])[0]
    if chosen is None and entry.get("summary"):
        chosen = entry.get("summary_detail") or {"value": entry["summary"], "type": "text/html"}
    if chosen is None:
        return "", False
    # feedparser leaves a missing type as text/html: most feeds are loose about it.
    return chosen.get("value") or "", chosen.get("type", "text/html") != "text/plain"


def _title(entry: feedparser.FeedParserDict) -> str | None:
    title = entry.get("title") or ""
    detail = entry.get("title_detail") or {}
    if detail.get("type") in _HTML_TYPES:
        title = html_fragment_text(title)
    return " ".join(title.split()) or None


def _published(entry: feedparser.FeedParserDict) -> date | datetime | None:
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if raw and (value := parse_timestamp(raw)) is not None:
            return value
    # A date string we can't read but feedparser could: its UTC time is
    # still the right instant, which beats no date.
    for key in ("published_parsed", "updated_parsed"):
        struct = entry.get(key)
        if struct:
            return datetime(*struct[:6], tzinfo=timezone.utc)
    return None
