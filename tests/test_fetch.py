"""The HTTP client against a local server: every failure is one FetchError naming the URL.

The `http_server` fixture (tests/conftest.py) serves on 127.0.0.1 only.
Waits are injected, never measured: backoff and host delay are a few
milliseconds, or `sleep` is a recorder that only notes what it was asked to
wait. What a test checks is what the server saw (`http_server.count`).
"""

from __future__ import annotations

import gzip
from pathlib import Path
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest
from conftest import Route, closed_port_url, serving

from extractor.errors import FetchError, ReadError
from extractor.fetch import (
    MAX_BYTES,
    USER_AGENT,
    HttpClient,
    Response,
    default_client,
    fetch,
    parse_content_type,
    parse_retry_after,
)

FAST = {"backoff": 0.001, "host_delay": 0.0}


class Sleeps(list):
    """A stand-in for time.sleep that records each wait and returns at once."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def client():
    with HttpClient(**FAST) as c:
        yield c


@pytest.fixture
def other_server():
    with serving() as server:
        yield server


# --- the plain path ----------------------------------------------------------


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
    assert response.attempts == 1 and not response.not_modified


def test_fetch_identifies_itself_with_the_marketfacts_user_agent_and_asks_for_gzip(http_server):
    fetch(http_server.route("/ua", b"ok"))
    sent = http_server.requests[-1]
    assert sent["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("marketfacts/")
    assert sent["Accept-Encoding"] == "gzip, deflate"


def test_gzip_body_arrives_decoded(http_server, client):
    body = b"<rss version='2.0'><channel><title>Kospi</title></channel></rss>"
    url = http_server.route("/z", gzip.compress(body), headers={"Content-Encoding": "gzip"})
    assert client.get(url).content == body


def test_the_size_cap_counts_decoded_bytes_so_a_gzip_bomb_is_refused(http_server):
    bomb = gzip.compress(b"\0" * 2_000_000)  # about 2 KB on the wire
    url = http_server.route("/bomb", bomb, headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchError, match=r"response too large \(over 100000 bytes\)$"):
        HttpClient(max_bytes=100_000, **FAST).get(url)


def test_default_client_is_one_shared_client():
    assert default_client() is default_client()


# --- statuses: what is retried and what is not -----------------------------------


def test_http_404_is_not_retried_and_names_url_and_status(http_server, client):
    url = http_server.url("/missing")
    with pytest.raises(FetchError) as caught:
        client.get(url)
    assert str(caught.value) == f"{url}: HTTP 404 Not Found"
    assert caught.value.source == url
    assert isinstance(caught.value, ReadError)
    assert http_server.count("/missing") == 1


@pytest.mark.parametrize("status", [400, 401, 403, 410, 451])
def test_other_4xx_are_not_retried(http_server, client, status):
    url = http_server.route("/no", status=status)
    with pytest.raises(FetchError, match=rf": HTTP {status} "):
        client.get(url)
    assert http_server.count("/no") == 1


def test_500_then_200_is_retried_and_succeeds(http_server, client):
    url = http_server.sequence("/flaky", Route(b"oops", status=500), Route(b"<rss/>"))
    response = client.get(url)
    assert (response.status, response.content, response.attempts) == (200, b"<rss/>", 2)
    assert http_server.count("/flaky") == 2


def test_a_500_that_persists_gives_up_after_the_retries(http_server):
    url = http_server.route("/boom", b"oops", status=500)
    with pytest.raises(FetchError) as caught:
        HttpClient(retries=2, **FAST).get(url)
    assert str(caught.value) == f"{url}: HTTP 500 Internal Server Error (3 attempts)"
    assert http_server.count("/boom") == 3


def test_retries_zero_means_one_request(http_server):
    url = http_server.route("/boom", status=503)
    with pytest.raises(FetchError, match=r": HTTP 503 Service Unavailable$"):
        HttpClient(retries=0, **FAST).get(url)
    assert http_server.count("/boom") == 1


def test_backoff_doubles_with_jitter_between_half_and_all_of_each_step(http_server):
    sleeps = Sleeps()
    url = http_server.route("/down", status=502)
    with pytest.raises(FetchError, match=r"\(4 attempts\)$"):
        HttpClient(retries=3, backoff=1.0, host_delay=0.0, sleep=sleeps).get(url)
    assert len(sleeps) == 3
    for wait, step in zip(sleeps, (1.0, 2.0, 4.0)):
        assert step / 2 <= wait <= step


def test_backoff_is_capped(http_server):
    sleeps = Sleeps()
    url = http_server.route("/down", status=502)
    with pytest.raises(FetchError):
        HttpClient(retries=4, backoff=10.0, max_backoff=12.0, deadline=1000, host_delay=0.0, sleep=sleeps).get(url)
    assert max(sleeps) <= 12.0


def test_429_with_retry_after_waits_what_the_server_asked_then_succeeds(http_server):
    sleeps = Sleeps()
    url = http_server.sequence(
        "/busy", Route(status=429, headers={"Retry-After": "7"}), Route(b"<rss/>")
    )
    response = HttpClient(backoff=0.001, host_delay=0.0, sleep=sleeps).get(url)
    assert response.status == 200
    assert sleeps == [7.0]
    assert http_server.count("/busy") == 2


def test_503_with_retry_after_as_an_http_date_is_honoured(http_server):
    sleeps = Sleeps()
    when = format_datetime(datetime.now(timezone.utc) + timedelta(seconds=30), usegmt=True)
    url = http_server.sequence("/maint", Route(status=503, headers={"Retry-After": when}), Route(b"ok"))
    assert HttpClient(backoff=0.001, host_delay=0.0, sleep=sleeps).get(url).content == b"ok"
    assert len(sleeps) == 1 and 20 <= sleeps[0] <= 31


def test_retry_after_beyond_the_deadline_ends_the_call_and_keeps_off_the_host(http_server):
    sleeps = Sleeps()
    client = HttpClient(deadline=60, backoff=0.001, host_delay=0.0, sleep=sleeps)
    url = http_server.route("/busy", status=429, headers={"Retry-After": "3600"})
    with pytest.raises(FetchError) as caught:
        client.get(url)
    assert "HTTP 429 Too Many Requests; the server asks to wait 3600s (Retry-After)" in str(caught.value)
    assert sleeps == []  # no hour-long sleep
    # The next request to that host is not even sent.
    other = http_server.route("/feed.xml", b"<rss/>")
    with pytest.raises(FetchError, match=r"not requested: the server asked us to wait until .*Z \(Retry-After\)$"):
        client.get(other)
    assert http_server.count("/busy") == 1 and http_server.count("/feed.xml") == 0


@pytest.mark.parametrize(
    "value, expected",
    [("120", 120.0), ("0", 0.0), (" 5 ", 5.0), ("soon", None), ("", None), (None, None), ("-3", None),
     ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0)],  # a date in the past: go ahead now
)
def test_retry_after_values(value, expected):
    assert parse_retry_after(value) == expected


# --- network failures ------------------------------------------------------------------


def test_slow_server_times_out_and_is_retried_with_the_timeout_in_the_message(http_server):
    url = http_server.route("/slow", b"late", delay=1.5)
    # The server answers after 1.5 s; only the 0.3 s read timeout makes this raise.
    with pytest.raises(FetchError) as caught:
        HttpClient(timeout=0.3, retries=1, **FAST).get(url)
    assert str(caught.value) == f"{url}: timed out after 0.3s (2 attempts)"
    assert http_server.count("/slow") == 2


def test_fetch_keeps_its_timeout_argument(http_server):
    url = http_server.route("/slow", b"late", delay=1.5)
    with pytest.raises(FetchError, match=r": timed out after 0\.3s$"):
        fetch(url, timeout=0.3, retries=0)


def test_server_trickling_the_body_is_cut_off_at_the_deadline(http_server):
    # Each byte arrives well within the read timeout; only the deadline stops it.
    url = http_server.route("/trickle", b"x" * 40, trickle=0.05)
    # The whole body takes 2 s to arrive; the 0.5 s deadline must cut it off, and not retry.
    with pytest.raises(FetchError) as caught:
        HttpClient(deadline=0.5, **FAST).get(url)
    assert str(caught.value) == f"{url}: took longer than the 0.5s deadline"
    assert http_server.count("/trickle") == 1


def test_closed_port_is_connection_refused_and_retried():
    url = closed_port_url()
    with pytest.raises(FetchError) as caught:
        HttpClient(timeout=2, retries=2, **FAST).get(url)
    assert str(caught.value) == f"{url}: connection refused (3 attempts)"


def test_connection_reset_is_retried_then_reported(http_server):
    url = http_server.route("/reset", reset=True)
    with pytest.raises(FetchError) as caught:
        HttpClient(retries=2, **FAST).get(url)
    assert str(caught.value) == f"{url}: connection reset by the server (3 attempts)"
    assert http_server.count("/reset") == 3


def test_a_reset_then_an_answer_succeeds(http_server, client):
    url = http_server.sequence("/reset", Route(reset=True), Route(b"<rss/>"))
    assert client.get(url).content == b"<rss/>"


def test_redirect_loop_stops_after_five_redirects_and_is_not_retried(http_server, client):
    url = http_server.route("/loop", status=302, headers={"Location": "/loop"})
    with pytest.raises(FetchError) as caught:
        client.get(url)
    assert str(caught.value) == f"{url}: too many redirects (more than 5)"
    assert http_server.count("/loop") == 6  # the first request and five redirects


def test_a_declared_100_mb_body_is_refused_before_it_is_read(http_server, client):
    url = http_server.route("/huge", stream=100 * 1024 * 1024)
    with pytest.raises(FetchError) as caught:
        client.get(url)
    assert str(caught.value) == f"{url}: response too large (104857600 bytes; the limit is {MAX_BYTES})"
    assert http_server.count("/huge") == 1


def test_an_undeclared_100_mb_body_is_cut_off_at_the_cap(http_server, client):
    url = http_server.route("/huge", stream=100 * 1024 * 1024, content_length=False)
    with pytest.raises(FetchError) as caught:
        client.get(url)
    assert str(caught.value) == f"{url}: response too large (over {MAX_BYTES} bytes)"
    assert http_server.count("/huge") == 1


@pytest.mark.parametrize("url", ["ftp://example.invalid/feed.xml", "http://", "not a url", "http://[::1"])
def test_unusable_url_is_a_fetch_error_not_a_crash(url):
    with pytest.raises(FetchError) as caught:
        fetch(url, timeout=1, **FAST)
    assert caught.value.source == url


# --- conditional GET -------------------------------------------------------------------


def test_etag_round_trip_gives_304_without_a_body(http_server, client):
    url = http_server.route("/feed.xml", b"<rss/>", etag='"v1"')
    first = client.get(url)
    assert (first.status, first.etag) == (200, '"v1"')
    second = client.get(url, etag=first.etag)
    assert second.not_modified and second.content == b""
    assert http_server.requests[-1]["If-None-Match"] == '"v1"'


def test_last_modified_round_trip_gives_304(http_server, client):
    stamp = "Thu, 14 May 2026 02:00:00 GMT"
    url = http_server.route("/feed.xml", b"<rss/>", last_modified=stamp)
    first = client.get(url)
    assert first.last_modified == stamp
    assert client.get(url, last_modified=stamp).not_modified
    assert http_server.requests[-1]["If-Modified-Since"] == stamp


def test_a_changed_etag_gives_the_new_body(http_server, client):
    url = http_server.route("/feed.xml", b"<rss>new</rss>", etag='"v2"')
    response = client.get(url, etag='"v1"')
    assert (response.status, response.content, response.etag) == (200, b"<rss>new</rss>", '"v2"')


def test_304_to_a_request_that_was_not_conditional_is_an_error(http_server, client):
    url = http_server.route("/odd", status=304)
    with pytest.raises(FetchError, match=r": HTTP 304 Not Modified$"):
        client.get(url)


# --- politeness ---------------------------------------------------------------------------


def test_requests_to_one_host_are_spaced_by_the_host_delay(http_server, other_server):
    sleeps = Sleeps()
    client = HttpClient(host_delay=5.0, sleep=sleeps)
    client.get(http_server.route("/a", b"a"))
    assert sleeps == []  # the first request to a host goes at once
    client.get(http_server.route("/b", b"b"))
    assert len(sleeps) == 1 and 4.0 < sleeps[0] <= 5.0
    client.get(other_server.route("/c", b"c"))
    assert len(sleeps) == 1  # another host is not held up


ROBOTS = b"""# comments are fine
User-agent: somebot
Disallow: /

User-agent: marketfacts
Disallow: /members/
Crawl-delay: 9

User-agent: *
Disallow: /private/
"""


def test_robots_txt_is_honoured_for_pages_and_fetched_once_per_host(http_server):
    http_server.route("/robots.txt", ROBOTS, headers={"Content-Type": "text/plain"})
    open_page = http_server.route("/news/1.html", b"<p>ok</p>")
    members = http_server.route("/members/2.html", b"<p>no</p>")
    client = HttpClient(backoff=0.001, sleep=Sleeps())  # Sleeps: the file asks for a 9 s crawl delay
    assert client.get(open_page, robots=True).content == b"<p>ok</p>"
    with pytest.raises(FetchError) as caught:
        client.get(members, robots=True)
    assert str(caught.value) == f"{members}: disallowed by robots.txt for marketfacts"
    assert client.allowed(http_server.url("/private/3.html"))  # our own group replaces the * group
    assert http_server.count("/robots.txt") == 1
    assert http_server.count("/members/2.html") == 0
    # Feeds do not ask robots.txt.
    assert client.get(members).status == 200


def test_the_star_group_applies_when_none_names_us(http_server, client):
    http_server.route("/robots.txt", b"User-agent: *\nDisallow: /private/\n")
    url = http_server.route("/private/1.html", b"x")
    with pytest.raises(FetchError, match="disallowed by robots.txt"):
        client.get(url, robots=True)


def test_robots_crawl_delay_widens_the_host_delay(http_server):
    sleeps = Sleeps()
    http_server.route("/robots.txt", ROBOTS)
    client = HttpClient(host_delay=0.0, backoff=0.001, sleep=sleeps)
    client.get(http_server.route("/a", b"a"), robots=True)
    client.get(http_server.route("/b", b"b"), robots=True)
    assert len(sleeps) == 1 and 8.0 < sleeps[0] <= 9.0


def test_missing_robots_txt_allows_everything(http_server, client):
    url = http_server.route("/news/1.html", b"ok")
    assert client.get(url, robots=True).content == b"ok"
    assert http_server.count("/robots.txt") == 1


def test_robots_txt_server_error_keeps_pages_off_with_a_clear_message(http_server, client):
    http_server.route("/robots.txt", status=503)
    url = http_server.route("/news/1.html", b"ok")
    with pytest.raises(FetchError) as caught:
        client.get(url, robots=True)
    assert "robots.txt answered HTTP 503" in str(caught.value)
    assert http_server.count("/news/1.html") == 0


def test_a_host_that_cannot_be_reached_fails_with_the_connection_error_not_a_robots_message():
    url = closed_port_url().replace("/feed.xml", "/news/1.html")
    client = HttpClient(retries=1, **FAST)
    for _ in range(2):  # not cached: each try asks again
        with pytest.raises(FetchError) as caught:
            client.get(url, robots=True)
        assert str(caught.value) == f"{url}: connection refused (2 attempts)"
    assert not client.allowed(url)


def test_a_robots_txt_redirect_loop_counts_as_no_robots_txt(http_server, client):
    http_server.route("/robots.txt", status=302, headers={"Location": "/robots.txt"})
    url = http_server.route("/news/1.html", b"ok")
    assert client.get(url, robots=True).content == b"ok"


def test_robots_txt_5xx_is_retried_before_the_host_is_given_up(http_server, client):
    http_server.sequence("/robots.txt", Route(status=502), Route(b"User-agent: *\nAllow: /\n"))
    url = http_server.route("/news/1.html", b"ok")
    assert client.get(url, robots=True).content == b"ok"
    assert http_server.count("/robots.txt") == 2


@pytest.mark.parametrize(
    "header, expected",
    [
        ("text/html; charset=EUC-KR", ("text/html", "euc-kr")),
        ('application/rss+xml; charset="utf-8"', ("application/rss+xml", "utf-8")),
        ("text/plain", ("text/plain", None)),
        ("", ("application/octet-stream", None)),
        ("text/html; charset*=us-ascii''ut%00f", ("text/html", None)),  # a NUL would crash bytes.decode
        ('text/html; charset="utf 8"', ("text/html", None)),
    ],
)
def test_content_type_header_gives_media_type_and_charset(header, expected):
    assert parse_content_type(header) == expected


def test_ingest_of_a_feed_url_asks_again_with_its_validators_and_skips_an_unchanged_feed(http_server, tmp_path):
    from extractor.ingest import ingest
    from extractor.store import Store

    feed = (Path(__file__).resolve().parents[1] / "fixtures" / "feeds" / "kospi_notes_atom_2025-12.xml").read_bytes()
    url = http_server.route("/feed.xml", feed, etag='"v1"', headers={"Content-Type": "application/atom+xml"})
    with Store(tmp_path / "f.db") as store:
        first = ingest([url], store)
        second = ingest([url], store)  # as from cron, an hour later
        stored = store.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert first.documents > 0 and first.ok
    assert http_server.requests[-1].get("If-None-Match") == '"v1"'  # the second request was conditional
    assert second.not_modified == 1 and second.documents == 0 and "1 URLs not modified" in second.line()
    assert stored == first.documents
