"""fetch(): one GET against a local server; every failure is a FetchError naming the URL.

The `http_server` fixture (tests/conftest.py) serves on 127.0.0.1 only.
"""

from __future__ import annotations

import pytest

from conftest import closed_port_url

from extractor.errors import FetchError, ReadError
from extractor.fetch import USER_AGENT, Response, fetch, parse_content_type


def test_fetch_returns_body_headers_status_and_final_url_after_redirects(http_server):
    target = http_server.route("/story", b"<p>Kospi 5,120.35</p>", headers={"Content-Type": "text/html; charset=utf-8"})
    http_server.route("/old", status=301, headers={"Location": "/story"})
    start = http_server.route("/short", status=302, headers={"Location": "/old"})

    response = fetch(start)

    assert isinstance(response, Response)
    assert response.status == 200
    assert response.url == target
    assert response.content == b"<p>Kospi 5,120.35</p>"
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert (response.content_type, response.charset) == ("text/html", "utf-8")


def test_fetch_identifies_itself_with_the_marketfacts_user_agent(http_server):
    fetch(http_server.route("/ua", b"ok"))
    assert http_server.requests[-1]["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("marketfacts/")


def test_http_404_is_a_fetch_error_naming_url_and_status(http_server):
    url = http_server.url("/missing")
    with pytest.raises(FetchError) as caught:
        fetch(url)
    assert str(caught.value) == f"{url}: HTTP 404 Not Found"
    assert caught.value.source == url
    assert isinstance(caught.value, ReadError)


def test_http_500_is_a_fetch_error(http_server):
    url = http_server.route("/boom", b"oops", status=500)
    with pytest.raises(FetchError, match=r": HTTP 500 Internal Server Error$"):
        fetch(url)


def test_slow_server_times_out_with_the_timeout_in_the_message(http_server):
    url = http_server.route("/slow", b"late", delay=1.5)
    # The server answers after 1.5 s; only the 0.5 s timeout makes this raise.
    with pytest.raises(FetchError) as caught:
        fetch(url, timeout=0.5)
    assert str(caught.value) == f"{url}: timed out after 0.5s"


def test_server_trickling_the_body_is_cut_off_at_the_deadline(http_server):
    # Each byte arrives well within the timeout; only the overall deadline stops it.
    url = http_server.route("/trickle", b"x" * 40, trickle=0.05)
    # The whole body takes 2 s to arrive; the 0.5 s deadline must cut it off.
    with pytest.raises(FetchError, match=r": timed out after 0\.5s$"):
        fetch(url, timeout=0.5)


def test_closed_port_is_connection_refused():
    url = closed_port_url()
    with pytest.raises(FetchError) as caught:
        fetch(url, timeout=2)
    assert str(caught.value) == f"{url}: connection refused"


def test_redirect_loop_stops_after_five_redirects(http_server):
    url = http_server.route("/loop", status=302, headers={"Location": "/loop"})
    with pytest.raises(FetchError, match=r"too many redirects \(more than 5\)"):
        fetch(url)


def test_body_over_the_size_limit_is_refused(http_server):
    url = http_server.route("/huge", b"x" * 5000)
    with pytest.raises(FetchError, match="response too large"):
        fetch(url, max_bytes=1000)


@pytest.mark.parametrize("url", ["ftp://example.invalid/feed.xml", "http://", "not a url"])
def test_unusable_url_is_a_fetch_error_not_a_crash(url):
    with pytest.raises(FetchError) as caught:
        fetch(url, timeout=1)
    assert caught.value.source == url


@pytest.mark.parametrize(
    "header, expected",
    [
        ("text/html; charset=EUC-KR", ("text/html", "euc-kr")),
        ('application/rss+xml; charset="utf-8"', ("application/rss+xml", "utf-8")),
        ("text/plain", ("text/plain", None)),
        ("", ("application/octet-stream", None)),
    ],
)
def test_content_type_header_gives_media_type_and_charset(header, expected):
    assert parse_content_type(header) == expected
