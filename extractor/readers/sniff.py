"""Which reader an input needs, decided from its bytes, not its file name.

Saved news rarely has honest extensions: an RSS feed saved as ``.txt``, an
article page saved without an extension, a text file called ``.html``. So
the first bytes decide:

- ``feed``: an XML document whose root element is ``<rss>``, ``<feed>`` or
  ``<rdf:RDF>``;
- ``html``: a document that starts like HTML (doctype, ``<html>``, ``<head>``,
  ``<body>``), or any text with several common HTML tags near its start (a
  saved fragment);
- ``text``: anything else that decodes as UTF-8 or CP949 (the superset of
  EUC-KR that Korean sites still serve);
- otherwise a :class:`ReadError`: binary data, a PDF or an archive, other
  XML, JSON.

Archives are told apart first, by :func:`sniff_archive` on a file's head,
and read by :mod:`.archive` as a stream (a WARC, a JSON-lines dump of
articles, gzip of any input); :func:`sniff` is for one document's bytes, so
it still names a WARC or gzip it is handed as a format it does not read.
"""

from __future__ import annotations

import json
import re
from typing import Literal

from ..errors import ReadError

Kind = Literal["feed", "html", "text"]
ArchiveKind = Literal["warc", "jsonl", "gzip"]

#: How far into the input the root element is looked for.
HEAD_BYTES = 4096

# Signatures of formats that are certainly not one article, with the name the
# error message gives them. WARC and gzip reach the archive reader through
# sniff_archive before any bytes come here.
_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"WARC/", "a WARC archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
)

_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")

# Prolog items that may come before the root element.
_PROLOG = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)", re.S | re.I)
_ROOT = re.compile(rb"\s*<([A-Za-z_][\w.:-]*)")
_FEED_ROOTS = {b"rss", b"feed", b"rdf"}
_HTML_ROOTS = {b"html", b"head", b"body"}
_HTML_TAG = re.compile(
    rb"<(?:p|div|br|span|a|table|tr|td|ul|ol|li|h[1-6]|article|section|strong|em|b|i|img|meta|title)[\s>/]",
    re.I,
)
#: A plain-text article may quote a tag or two; a saved fragment has many.
MIN_HTML_TAGS = 5

# Control characters that do not occur in text files (NUL is checked first).
_CONTROL = re.compile("[\x01-\x08\x0e-\x1a\x1c-\x1f\x7f]")
MAX_CONTROL_RATIO = 0.01
MAX_BAD_BYTE_RATIO = 0.001


def sniff(data: bytes, source: str) -> Kind:
    """The kind of ``data``; ReadError naming ``source`` if it is none we read."""
    for signature, name in _SIGNATURES:
        if data.startswith(signature):
            raise ReadError(source, f"binary or unknown format: {name}")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        # UTF-16 is legal for XML; re-encode so the byte patterns below apply.
        text = decode_text(data)
        if text is None:
            raise ReadError(source, "binary or unknown format: undecodable UTF-16")
        data = text.encode("utf-8")
    if b"\x00" in data[: HEAD_BYTES * 16] and (bomless := bomless_utf16(data)):
        # UTF-16 without a byte-order mark (Windows tools write it): read it.
        try:
            data = data.decode(bomless).encode("utf-8")
        except UnicodeDecodeError:
            raise ReadError(source, f"binary or unknown format: looks like {bomless.upper()} without a byte-order mark, but does not decode") from None
    if b"\x00" in data[: HEAD_BYTES * 16]:
        raise ReadError(source, "binary or unknown format: contains NUL bytes")
    head = _strip_bom(data[:HEAD_BYTES]).lstrip()
    root = _root_element(head)
    if root is not None:
        local = root.split(b":")[-1].lower()
        if local in _FEED_ROOTS:
            return "feed"
        if local in _HTML_ROOTS:
            return "html"
        if head.startswith(b"<?xml"):
            name = root.decode("ascii", "replace")
            raise ReadError(source, f"binary or unknown format: XML whose root is <{name}>, not RSS or Atom")
    if len(_HTML_TAG.findall(head)) >= MIN_HTML_TAGS:
        return "html"
    text = decode_text(data)
    if text is None:
        raise ReadError(source, "binary or unknown format: not UTF-8 or CP949 text")
    if _looks_like_json(text):
        raise ReadError(source, "binary or unknown format: JSON, which is not an input format")
    return "text"


# A JSON-lines dump of articles: the first line is an object with a "text" or
# "html" field. Other JSON (a stats file, rows of figures) stays an error.
_ARTICLE_FIELD = re.compile(rb'"(?:text|html)"\s*:\s*"')


def sniff_archive(head: bytes) -> ArchiveKind | None:
    """'warc', 'jsonl' or 'gzip' if the input starting with ``head`` is an archive, else None.

    ``head`` is the start of a file (64 KB is plenty): a JSON-lines line can
    be long, so when the first line is not complete in it, an article field
    near the start is taken as the sign.
    """
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith(b"WARC/"):
        return "warc"
    stripped = _strip_bom(head).lstrip()
    if not stripped.startswith(b"{"):
        return None
    first, newline, _ = stripped.partition(b"\n")
    if newline:
        try:
            obj = json.loads(first)
        except ValueError:
            return None
        return "jsonl" if isinstance(obj, dict) and ("text" in obj or "html" in obj) else None
    return "jsonl" if _ARTICLE_FIELD.search(first) else None


def bomless_utf16(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when ``data`` looks like UTF-16 text with no
    byte-order mark (a NUL in every other byte of its head: Latin text), else None."""
    head = data[:4096]
    if len(head) < 8 or len(head) % 2:
        head = head[: len(head) - len(head) % 2]
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) >= 0.6 * len(odd) and even.count(0) <= 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.6 * len(even) and odd.count(0) <= 0.05 * len(odd):
        return "utf-16-be"
    return None


def decode_text(data: bytes) -> str | None:
    """Text of ``data`` if it is text (UTF-8/16 with or without BOM, or CP949); else None.

    UTF-8 is tried first because it almost never decodes by accident; CP949
    next, for Korean sites that still write EUC-KR; then UTF-8 again,
    tolerating a few bad bytes. A file with control characters beyond a
    trace is binary, whatever it decodes as.
    """
    text = None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings: tuple[str, ...] = ("utf-16",)
    elif bomless := bomless_utf16(data):
        encodings = (bomless,)
    else:
        encodings = ("utf-8-sig", "cp949")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        # A UTF-8 file with a stray bad byte or two (a truncated download, a
        # pasted fragment) is still text; binary data has errors everywhere.
        text = data.decode("utf-8-sig", errors="replace")
        if text.count("\ufffd") > MAX_BAD_BYTE_RATIO * max(len(text), 1000):
            return None
    if "\x00" in text:
        return None
    if len(_CONTROL.findall(text)) > MAX_CONTROL_RATIO * max(len(text), 100):
        return None
    return text


def _strip_bom(data: bytes) -> bytes:
    for bom in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :]
    return data


def _root_element(head: bytes) -> bytes | None:
    """Name of the first element after the XML prolog, if the input starts with markup."""
    pos = 0
    while match := _PROLOG.match(head, pos):
        if match.end() == pos:
            break
        pos = match.end()
    root = _ROOT.match(head, pos)
    return root.group(1) if root else None


def _looks_like_json(text: str) -> bool:
    stripped = text.lstrip()
    if not stripped.startswith(("{", "[")):
        return False
    first_line = stripped.split("\n", 1)[0]
    for candidate in (stripped, first_line):  # a JSON document, or JSON Lines
        try:
            json.loads(candidate)
            return True
        except ValueError:
            continue
    return False
