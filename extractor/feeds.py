"""Feed lists for ``marketfacts watch --feeds FILE``: plain text or OPML.

A plain list has one feed URL a line; blank lines and ``#`` comments are
skipped. An OPML file (what feed readers export) gives every ``<outline>``
with an ``xmlUrl``, at any depth. Either way the URLs come back in file
order without repeats, and a line or outline that is not an http(s) URL is
a ReadError naming the file and line, so a typo is found before polling
starts rather than failing every poll.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from .errors import ReadError
from .readers import read_local_bytes
from .readers.sniff import decode_text

#: A feed list is a short file; anything bigger is not one.
MAX_LIST_BYTES = 4 * 1024 * 1024

_URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$", re.I)
_COMMENT = re.compile(r"(?:^|\s)#.*$")  # a '#' inside a URL is a fragment, not a comment
_OPML = re.compile(rb"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<opml[\s>]", re.S | re.I)


def load_feed_list(path: str | Path) -> list[str]:
    """The feed URLs listed in ``path`` (text or OPML); ReadError if it cannot be used."""
    return parse_feed_list(read_local_bytes(path, MAX_LIST_BYTES, what="feed list"), str(path))


def parse_feed_list(data: bytes, source: str) -> list[str]:
    """Feed URLs from the bytes of a feed list; ``source`` names it in errors."""
    urls = _opml_urls(data, source) if _OPML.match(data[:4096]) else _text_urls(data, source)
    if not urls:
        raise ReadError(source, "lists no feed URLs")
    return list(dict.fromkeys(urls))


def _text_urls(data: bytes, source: str) -> list[str]:
    text = decode_text(data)
    if text is None:
        raise ReadError(source, "not a feed list: binary data")
    urls = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = _COMMENT.sub("", line).strip()
        if not line:
            continue
        if not _URL.match(line):
            raise ReadError(f"{source}:{number}", f"not an http(s) feed URL: {line[:80]!r}")
        urls.append(line)
    return urls


def _opml_urls(data: bytes, source: str) -> list[str]:
    # Python's expat refuses entity expansion bombs (expat >= 2.4.1) and
    # ElementTree never fetches external entities.
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        raise ReadError(source, f"not well-formed OPML: {e}") from e
    urls = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if not url:
            continue  # a folder, or a link that is not a feed
        if not _URL.match(url):
            name = outline.get("title") or outline.get("text") or "untitled"
            raise ReadError(source, f"outline {name[:60]!r}: not an http(s) feed URL: {url[:80]!r}")
        urls.append(url)
    return urls
