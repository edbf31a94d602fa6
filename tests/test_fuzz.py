"""Fuzzing: no bytes or text from the outside world raise anything but our own errors.

Readers (feed, HTML page, sniffing), the charset decoder, the feed-list
parser, `extract`, and a whole watch poll of a feed whose bytes and headers
are arbitrary: each either works or raises a MarketfactsError naming its
input. Anything else (a KeyError from deep in a parser, a UnicodeError) is
a bug that would stop a long-running watch.
"""

from __future__ import annotations

import warnings
from datetime import date
from urllib.parse import quote

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.documents import Document
from extractor.errors import MarketfactsError, ReadError
from extractor.feeds import parse_feed_list
from extractor.fetch import HttpClient, parse_content_type, parse_retry_after
from extractor.nlp.pipeline import extract
from extractor.readers import read_bytes
from extractor.readers.feed import read_feed
from extractor.readers.html import decode_html, read_html
from extractor.store import Store
from extractor.watch import Watcher

FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces real feeds and pages are made of, so that generated documents get
# past the first check and into the parsers' insides.
_MARKUP = st.sampled_from([
    "<p>", "</p>", "<b>", "</b>", "<br/>", "<table>", "<tr>", "<td>", "</td>", "</tr>", "</table>",
    "<script>", "</script>", "<![CDATA[", "]]>", "&amp;", "&", "&nbsp;", "&#x0;", "&#1234567;", "<", ">",
    "<?xml version='1.0'?>", "<!DOCTYPE html>", "<meta charset='euc-kr'>", "<meta charset='bogus'>",
    "<!--", "-->", '"', "'", "\x00", "\ufeff", "\r\n", "\t",
])
_WORDS = st.sampled_from([
    "KOSPI", "KOSDAQ", "closed at", "2,650.12", "up 1.2 percent", "fell", "Foreign investors", "net bought",
    "350 billion won", "₩3.76tn", "-1.68%", "Samsung Electronics", "(005930)", "short-selling balance",
    "margin loans", "record", "on Thursday", "May 14", "2026", "코스피", "외국인", "순매수", "억원", "|", "—",
    "...", "1,000,000,000,000,000,000,000", "0.0000001", "%", "trillion", "tn", "bn", "won", "\n\n",
])
_PIECES = st.lists(st.one_of(_MARKUP, _WORDS, st.text(max_size=12)), max_size=40).map("".join)


def _item(parts: tuple[str, str, str, str]) -> str:
    title, body, date_text, link = parts
    return (f"<item><title>{title}</title><link>{link}</link><pubDate>{date_text}</pubDate>"
            f"<description>{body}</description></item>")


_FEEDS = st.builds(
    lambda items, head: f'{head}<rss version="2.0"><channel><title>t</title>{"".join(items)}</channel></rss>',
    st.lists(st.tuples(_PIECES, _PIECES, st.one_of(_PIECES, st.just("Thu, 14 May 2026 16:10:00 +0900")),
                       st.one_of(_PIECES, st.just("/news/1.html"))).map(_item), max_size=4),
    st.sampled_from(["", '<?xml version="1.0" encoding="utf-8"?>', '<?xml version="1.0" encoding="euc-kr"?>',
                     '<?xml version="1.0" encoding="nonsense"?>']),
)
_PAGES = st.builds(lambda head, body: f"<html><head>{head}</head><body><article>{body}</article></body></html>",
                   _PIECES, _PIECES)
_ENCODINGS = st.sampled_from(["utf-8", "cp949", "latin-1", "utf-16"])
# Charsets as a server can send them: through the Content-Type parser, which
# also sees the RFC 2231 form (charset*=utf-8''%00), where anything goes.
_CHARSETS = st.one_of(
    st.none(),
    st.sampled_from(["utf-8", "euc-kr", "EUC-KR", "iso-8859-1", "bogus", "utf-16", ""]),
    st.text(max_size=10).map(lambda t: parse_content_type(f"text/html; charset={t}")[1]),
    st.text(max_size=10).map(lambda t: parse_content_type(f"text/html; charset*=us-ascii''{quote(t)}")[1]),
)


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


@FUZZ
@given(st.binary(max_size=2000))
def test_feed_reader_on_arbitrary_bytes(data):
    _only_read_errors(lambda: list(read_feed(data, "fuzz.xml")), "fuzz.xml")


@FUZZ
@given(_FEEDS, _ENCODINGS, _CHARSETS)
def test_feed_reader_on_feed_like_documents(feed, encoding, charset):
    headers = {"content-type": f"application/rss+xml; charset={charset}" if charset is not None else "text/html"}
    _only_read_errors(lambda: list(read_feed(_encode(feed, encoding), "fuzz.xml", headers=headers)), "fuzz.xml")


@FUZZ
@given(st.binary(max_size=2000), _CHARSETS)
def test_html_reader_on_arbitrary_bytes(data, charset):
    _only_read_errors(lambda: list(read_html(data, "fuzz.html", charset=charset)), "fuzz.html")


@FUZZ
@given(_PAGES, _ENCODINGS, _CHARSETS)
def test_html_reader_on_page_like_documents(page, encoding, charset):
    _only_read_errors(lambda: list(read_html(_encode(page, encoding), "fuzz.html", charset=charset)), "fuzz.html")


@FUZZ
@given(st.one_of(st.binary(max_size=2000), _FEEDS.map(str.encode), _PAGES.map(str.encode)))
def test_sniffing_and_every_reader_on_arbitrary_bytes(data):
    _only_read_errors(lambda: list(read_bytes(data, "fuzz.bin")), "fuzz.bin")


@FUZZ
@given(st.binary(max_size=2000), _CHARSETS)
def test_decode_html_always_gives_text(data, charset):
    assert isinstance(decode_html(data, charset), str)


@FUZZ
@given(st.one_of(st.text(max_size=600), _PIECES), st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2040, 1, 1))))
def test_extract_on_arbitrary_text(text, published):
    try:
        facts = extract(text, published)
    except MarketfactsError:
        return
    for fact in facts:
        assert 0 <= fact.start <= fact.end <= len(text)


@FUZZ
@given(st.binary(max_size=1000))
def test_feed_list_parser_on_arbitrary_bytes(data):
    try:
        urls = parse_feed_list(data, "feeds.txt")
    except ReadError as e:
        assert str(e).startswith("feeds.txt")
        return
    assert urls and all(u.lower().startswith(("http://", "https://")) for u in urls)


@FUZZ
@given(st.one_of(st.none(), st.text(max_size=40)))
def test_retry_after_on_arbitrary_text(value):
    seconds = parse_retry_after(value)
    assert seconds is None or seconds >= 0


@pytest.mark.parametrize("charset, meta", [("undefined", ""), (None, '<meta charset="undefined">')])
def test_a_charset_whose_codec_refuses_everything_is_passed_over(charset, meta):
    # Python's "undefined" codec raises a plain UnicodeError: found by the fuzzing here.
    page = f"<html><head>{meta}</head><body><p>The KOSPI rose 1.2 percent.</p></body></html>".encode()
    _only_read_errors(lambda: list(read_html(page, "fuzz.html", charset=charset)), "fuzz.html")


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory):
    with Store(tmp_path_factory.mktemp("fuzz") / "facts.db") as store:
        yield store


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.one_of(st.binary(max_size=1500), _FEEDS.map(str.encode), _PAGES.map(str.encode)),
       st.sampled_from(["application/rss+xml", "text/html; charset=euc-kr", "text/xml; charset=bogus", "", "application/pdf"]),
       st.sampled_from([200, 200, 200, 304, 404, 500]))
def test_a_watch_poll_survives_any_answer(fuzz_store, body, content_type, status):
    """The whole pipeline: fetch (mocked transport), sniff, read, extract, store."""

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(status, content=body, headers={"Content-Type": content_type} if content_type else {})

    with HttpClient(transport=httpx.MockTransport(answer), retries=1, backoff=0.0001, host_delay=0.0) as client:
        watcher = Watcher(["http://feeds.example/rss"], fuzz_store, client)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = watcher.poll()
    (feed,) = result.feeds
    assert feed.status in ("ok", "not modified", "error")
    assert all(isinstance(e, MarketfactsError) for e in feed.errors)


def _only_read_errors(read, source: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # FeedWarnings are expected here
        try:
            documents = read()
        except ReadError as e:
            assert str(e).startswith(source)  # "fuzz.bin: ...", or "fuzz.bin@0: ..." for an archive record
            return
    for document in documents:
        assert isinstance(document, Document) and document.text
