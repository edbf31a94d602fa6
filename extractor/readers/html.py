"""Article pages: one Document per HTML page.

trafilatura finds the main content (dropping navigation, sidebars, footers)
and the page's title and date. We ask it for its *HTML* output rather than
its text, and put that through the same :func:`~.htmltext.html_to_text` as
feed items, so that a page's tables come out as pipe rows with offsets just
like a feed's. When trafilatura finds no main content (very short pages,
odd markup), the page's ``<article>``, ``<main>`` or ``<body>`` is converted
instead, minus navigation.

The page is parsed once (trafilatura's loader, lxml): our own reading of its
metadata comes first, then the same tree goes to trafilatura.

Dates: trafilatura (via htmldate) gives the day, which is what extraction
needs; when the page's own metadata (``article:published_time``,
``datePublished``) gives a timestamp on that same day, the timestamp is kept
for its time and zone.
"""

from __future__ import annotations

import functools
import json
import re
import warnings
from collections.abc import Iterator
from datetime import date, datetime
from types import ModuleType

import lxml.html
from bs4 import BeautifulSoup
from bs4.dammit import EncodingDetector, UnicodeDammit
from lxml.html import HtmlElement

from ..documents import Document, Table
from ..errors import ReadError
from .htmltext import html_to_text, soup_to_text
from .text import file_url, parse_timestamp

# Servers send these by default, not because they know: a Korean page
# served as ISO-8859-1 with <meta charset="euc-kr"> is EUC-KR.
_WEAK_CHARSETS = {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"}
# EUC-KR as declared almost always means Microsoft's superset CP949: the
# strict EUC-KR codec fails on syllables such as 똠 that pages do contain.
_CHARSET_ALIASES = {"euc-kr": "cp949", "euc_kr": "cp949", "ks_c_5601-1987": "cp949", "ksc5601": "cp949"}

# Where pages put their publication time, most specific first.
_META_DATES = (
    ("property", "article:published_time"),
    ("name", "article:published_time"),
    ("itemprop", "datePublished"),
    ("name", "pubdate"),
    ("name", "publish-date"),
    ("name", "dcterms.created"),
    ("name", "date"),
)
_LD_JSON = re.compile(r"ld\+json", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# Page furniture the fallback drops. Not <form>: ASP.NET pages wrap the whole
# page in one. <header>/<footer> only outside the article, whose own header
# holds its headline and date.
_NEVER_CONTENT = ("nav", "aside", "script", "style", "noscript")
_PAGE_FURNITURE = ("header", "footer")


def read_html(
    data: bytes,
    source: str,
    *,
    url: str | None = None,
    charset: str | None = None,
    published: date | datetime | None = None,
) -> Iterator[Document]:
    """The one Document of the article page in ``data``.

    ``url`` is where the page was fetched from (else its canonical URL is
    used); ``charset`` is the one the HTTP response declared; ``published``,
    when given, overrides the page's own date. Raises ReadError at once if
    the page has no text.
    """
    html = decode_html(data, charset)
    # One parse serves our metadata and then trafilatura (which may prune
    # the tree, so our reading comes first); BeautifulSoup only for the
    # rare page trafilatura finds no content in.
    tree = _parse(html)
    page = _PageMeta(tree)
    text, tables, meta = _main_content(tree, url)
    document = Document(
        text=text,
        url=url or meta.get("url") or page.canonical_url() or file_url(source),
        title=meta.get("title") or page.title(),
        published=published if published is not None else _published(meta.get("date"), page),
        source=source,
        tables=tables,
    )
    if not document.text:
        document.text, document.tables = _fallback_content(BeautifulSoup(html, "lxml"))
    if not document.text:
        raise ReadError(source, "no text found in the HTML page")
    return iter((document,))


def decode_html(data: bytes, charset: str | None = None) -> str:
    """Page bytes to text: BOM, HTTP charset, <meta charset>, UTF-8, CP949, detection.

    Each candidate must decode the whole page without error to be taken;
    a weak HTTP charset (ISO-8859-1, ASCII) only counts after the page's own
    declaration and UTF-8/CP949 have failed.
    """
    header = (charset or "").strip().lower()
    declared = EncodingDetector.find_declared_encoding(data, is_html=True, search_entire_document=False)
    candidates = [
        _bom_encoding(data),
        None if header in _WEAK_CHARSETS else header,
        declared,
        "utf-8",
        "cp949",
        header,
    ]
    for encoding in filter(None, candidates):
        try:
            return data.decode(_CHARSET_ALIASES.get(encoding.lower(), encoding))
        except (LookupError, UnicodeError):  # UnicodeError: codecs such as "undefined" refuse everything
            continue
    guessed = UnicodeDammit(data, is_html=True).unicode_markup
    return guessed if guessed is not None else data.decode("utf-8", errors="replace")


def _bom_encoding(data: bytes) -> str | None:
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    return None


@functools.lru_cache(maxsize=1)
def _trafilatura() -> ModuleType | None:
    """trafilatura, or None (with a warning, once) if it cannot be imported."""
    try:
        import trafilatura
    except ImportError as e:
        # trafilatura >= 1.9 needs lxml's html cleaner, a separate package
        # since lxml 5.2; without it, pages still read, with less boilerplate removed.
        warnings.warn(
            f"trafilatura is unavailable ({' '.join(str(e).split())}); "
            "article pages are read without main-content detection",
            RuntimeWarning,
            stacklevel=2,
        )
        return None
    return trafilatura


def _parse(html: str) -> HtmlElement | None:
    """The page as an lxml tree (trafilatura's loader, which repairs common
    faults), or None when nothing parses."""
    trafilatura = _trafilatura()
    try:
        if trafilatura is not None:
            return trafilatura.load_html(html)
        return lxml.html.document_fromstring(_XML_DECLARATION.sub("", html, count=1))
    except Exception:  # lxml on hostile markup: the fallback reads the string
        return None


def _main_content(tree: HtmlElement | None, url: str | None) -> tuple[str, list[Table], dict[str, str]]:
    """(text, tables, metadata) of the page's main content per trafilatura.

    No tree means trafilatura's own loader (see :func:`_parse`) refused the
    page, so trafilatura would find nothing in it either."""
    trafilatura = _trafilatura()
    if trafilatura is None or tree is None:
        return "", [], {}
    try:
        meta = _metadata(tree, url)
        result = trafilatura.extract(
            tree,
            url=url,
            output_format="html",
            include_tables=True,
            include_comments=False,
            with_metadata=False,  # _metadata reads the little of it we store
            favor_recall=True,  # keeps figure lists that precision mode drops; checked: no furniture added on our pages
        )
    except Exception:  # trafilatura on hostile markup: fall back rather than fail the page
        return "", [], {}
    if not result:
        return "", [], {}
    text, tables = soup_to_text(BeautifulSoup(result, "lxml"))  # skips <head>
    return text, tables, meta


def _metadata(tree: HtmlElement, url: str | None) -> dict[str, str]:
    """Title, URL and date as trafilatura's ``with_metadata`` finds them,
    without the author, site name, categories and tags it also looks for,
    which we do not store and which cost three times the rest (2.5 against
    0.6 ms a page). The same steps in the same order as
    ``trafilatura.metadata.extract_metadata``."""
    from htmldate import find_date
    from trafilatura.metadata import examine_meta, extract_meta_json, extract_title, extract_url

    found = examine_meta(tree)
    try:
        found = extract_meta_json(tree, found)
    except Exception:  # trafilatura guards this call the same way
        pass
    title = found.title or extract_title(tree)
    page_url = found.url or extract_url(tree, url)
    day = find_date(tree, **{**_date_params(), "url": page_url})
    return {key: value for key, value in (("title", title), ("url", page_url), ("date", day)) if value}


@functools.lru_cache(maxsize=1)
def _date_params() -> dict:
    """htmldate's settings as trafilatura's default configuration sets them."""
    from trafilatura.settings import DEFAULT_CONFIG, set_date_params

    return set_date_params(DEFAULT_CONFIG.getboolean("DEFAULT", "EXTENSIVE_DATE_SEARCH"))


def _fallback_content(soup: BeautifulSoup) -> tuple[str, list[Table]]:
    """The page's article/main/body text, without navigation and page furniture."""
    for tag in soup.find_all(_NEVER_CONTENT + _PAGE_FURNITURE):
        if tag.name in _NEVER_CONTENT or tag.find_parent(("article", "main")) is None:
            tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    return html_to_text(str(root))


class _PageMeta:
    """What the page says about itself: <meta>, <title>, <h1>, canonical
    link, <time>, JSON-LD; each looked up in one pass over the lxml tree."""

    def __init__(self, tree: HtmlElement | None) -> None:
        self.tree = tree
        self.meta: dict[tuple[str, str], str | None] = {}  # (attribute, value) -> content of the first such tag
        if tree is None:
            return
        for tag in tree.iter("meta"):
            content = tag.get("content")
            for attribute in ("property", "name", "itemprop"):
                if (value := tag.get(attribute)) is not None:
                    self.meta.setdefault((attribute, value), content.strip() if content else None)

    def content(self, attribute: str, value: str) -> str | None:
        return self.meta.get((attribute, value)) or None

    def _first_text(self, tag: str) -> str | None:
        element = next(self.tree.iter(tag), None) if self.tree is not None else None
        return element.text_content() if element is not None else None

    def title(self) -> str | None:
        for candidate in (
            self.content("property", "og:title"),
            # <title> before <h1>: a " | Site" suffix beats a page whose first <h1> is the site's name.
            self._first_text("title"),
            self._first_text("h1"),
        ):
            if candidate and candidate.split():
                return " ".join(candidate.split())
        return None

    def canonical_url(self) -> str | None:
        if self.tree is not None:
            for link in self.tree.iter("link"):
                href = link.get("href")
                if href is not None and "canonical" in (link.get("rel") or "").split():
                    if href.startswith(("http://", "https://")):
                        return href
                    break
        og = self.content("property", "og:url")
        return og if og and og.startswith(("http://", "https://")) else None

    def timestamps(self) -> Iterator[str | None]:
        """Candidate publication times, most specific first."""
        for attribute, value in _META_DATES:
            yield self.content(attribute, value)
        if self.tree is None:
            return
        for tag in self.tree.iter("time"):
            if tag.get("itemprop") == "datePublished" and tag.get("datetime") is not None:
                yield tag.get("datetime")
                break
        for script in self.tree.iter("script"):
            if _LD_JSON.search(script.get("type") or ""):
                yield from _json_ld_dates(script.text or "")


def _published(day: str | None, page: _PageMeta) -> date | datetime | None:
    """trafilatura's day, refined to the page's own timestamp when they agree."""
    found = parse_timestamp(day) if day else None
    stamp = next((parsed for value in page.timestamps() if value and (parsed := parse_timestamp(value))), None)
    if isinstance(stamp, datetime) and (found is None or stamp.date() == found):
        return stamp
    return found or stamp


def _json_ld_dates(block: str) -> Iterator[str]:
    """``datePublished`` values in a JSON-LD block (NewsArticle and kin)."""
    try:
        data = json.loads(block)
    except ValueError:
        return
    stack, seen = [data], 0
    while stack and seen < 1000:  # bounded: JSON-LD graphs can be large
        item, seen = stack.pop(), seen + 1
        if isinstance(item, dict):
            if isinstance(item.get("datePublished"), str):
                yield item["datePublished"]
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
