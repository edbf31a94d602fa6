"""marketfacts watch: conditional GET, skipping what is stored, bad servers, clean stops.

Every feed and page is served by the `http_server` fixture on 127.0.0.1.
Waits are injected (milliseconds, or a recorder), and tests count what the
server saw rather than timing anything. Every loop and wait is bounded.
"""

from __future__ import annotations

import os
import queue
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import Route

from extractor.cli import main
from extractor.errors import ReadError
from extractor.feeds import load_feed_list, parse_feed_list
from extractor.fetch import HttpClient
from extractor.store import Store
from extractor.watch import PollResult, Watcher, watch

LIVE = Path(__file__).parent / "data" / "live"
ROOT = Path(__file__).resolve().parents[1]
RSS = {"Content-Type": "application/rss+xml; charset=utf-8"}
HTML = {"Content-Type": "text/html; charset=utf-8"}


def live(name: str) -> bytes:
    return (LIVE / name).read_bytes()


class Sleeps(list):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "facts.db") as s:
        yield s


@pytest.fixture
def client():
    with HttpClient(timeout=2, backoff=0.001, host_delay=0.0, deadline=10) as c:
        yield c


def poll(store, client, *feeds, **options) -> PollResult:
    return Watcher(feeds, store, client, **options).poll()


def table(store, name):
    return store.db.execute(f"SELECT * FROM {name} ORDER BY id").fetchall()


def snapshot(store):
    return {name: table(store, name) for name in ("sources", "articles", "facts")}


# --- conditional GET ------------------------------------------------------------


def test_first_poll_stores_every_item_with_its_facts_and_the_feeds_validators(http_server, store, client):
    url = http_server.route("/rss", live("markets_full.rss"), headers=RSS, etag='"v1"',
                            last_modified="Thu, 14 May 2026 07:20:00 GMT")
    result = poll(store, client, url)
    assert (result.new, result.skipped, result.errors) == (2, 0, [])
    assert result.facts >= 6
    row = store.source_row(url)
    assert (row["kind"], row["last_status"], row["last_error"]) == ("feed", "ok", None)
    assert (row["etag"], row["last_modified"]) == ('"v1"', "Thu, 14 May 2026 07:20:00 GMT")
    assert row["last_success"]
    keys = {r[0] for r in store.db.execute("SELECT key FROM articles")}
    assert keys == {"markets-desk-2026-05-14-close", "markets-desk-2026-05-14-kosdaq"}


def test_unchanged_feed_answers_304_costs_one_request_and_writes_nothing(http_server, store, client):
    url = http_server.route("/rss", live("markets_full.rss"), headers=RSS, etag='"v1"')
    poll(store, client, url)
    before, changes = snapshot(store), store.db.conn.total_changes
    result = poll(store, client, url)
    assert result.not_modified == 1 and result.feeds[0].status == "not modified"
    assert (result.new, result.skipped, result.facts) == (0, 0, 0)
    assert http_server.count("/rss") == 2
    assert http_server.requests[-1]["If-None-Match"] == '"v1"'
    assert store.db.conn.total_changes == changes
    assert snapshot(store) == before


def test_last_modified_alone_gives_a_304_too(http_server, store, client):
    stamp = "Thu, 14 May 2026 07:20:00 GMT"
    url = http_server.route("/rss", live("markets_full.rss"), headers=RSS, last_modified=stamp)
    poll(store, client, url)
    assert poll(store, client, url).not_modified == 1
    assert http_server.requests[-1]["If-Modified-Since"] == stamp


def test_a_feed_without_validators_is_read_again_but_stored_items_are_skipped(http_server, store, client):
    url = http_server.route("/rss", live("markets_full.rss"), headers=RSS)
    poll(store, client, url)
    before, changes = snapshot(store), store.db.conn.total_changes
    result = poll(store, client, url)
    assert (result.new, result.updated, result.skipped, result.facts) == (0, 0, 2, 0)
    assert store.db.conn.total_changes == changes
    assert snapshot(store) == before


def test_a_changed_feed_gives_only_its_new_item(http_server, store, client):
    feed = live("markets_full.rss")
    first_item_only = feed[: feed.index(b"<item>", feed.index(b"<item>") + 1)] + b"</channel></rss>"
    url = http_server.sequence("/rss", Route(first_item_only, headers=RSS, etag='"v1"'),
                               Route(feed, headers=RSS, etag='"v2"'))
    assert poll(store, client, url).new == 1
    result = poll(store, client, url)
    assert (result.new, result.skipped) == (1, 1)
    assert store.source_row(url)["etag"] == '"v2"'


# --- summary items and their pages ---------------------------------------------------------


def serve_summaries(http_server, **page_routes):
    http_server.route("/news/kospi-close.html", live("kospi_close.html"), headers=HTML)
    http_server.route("/news/kosdaq-close.html", live("kosdaq_close.html"), headers=HTML)
    for path, route in page_routes.items():
        http_server.routes[path] = route
    return http_server.route("/rss", live("markets_summaries.rss"), headers=RSS)


def test_summary_items_are_stored_from_the_pages_they_link_to(http_server, store, client):
    url = serve_summaries(http_server)
    result = poll(store, client, url)
    assert (result.new, result.errors) == (2, [])
    assert result.feeds[0].pages == 2
    link = http_server.url("/news/kospi-close.html")
    article = store.db.execute("SELECT key, url, title, text, source_id FROM articles WHERE key = ?", [link]).fetchone()
    assert article is not None
    assert article[2] == "KOSPI ends higher on chip rally"  # the feed's title, without " | Seoul Wire"
    assert "Foreign investors net bought 350 billion won" in article[3]
    assert "Copyright" not in article[3]
    assert store.db["sources"].get(article[4])["source"] == url  # the page's article belongs to the feed
    facts = {(r[0], r[1]) for r in store.db.execute("SELECT metric, value FROM facts")}
    assert ("index_close", 2650.12) in facts and ("index_close", 870.55) in facts


def test_a_page_already_stored_is_not_fetched_again(http_server, store, client):
    url = serve_summaries(http_server)  # no ETag: every poll reads the feed again
    poll(store, client, url)
    before = snapshot(store)
    result = poll(store, client, url)
    assert (result.new, result.skipped, result.feeds[0].pages) == (0, 2, 0)
    assert http_server.count("/news/kospi-close.html") == 1
    assert http_server.count("/news/kosdaq-close.html") == 1
    assert http_server.count("/rss") == 2
    assert snapshot(store) == before


def test_robots_txt_is_asked_once_and_a_disallowed_page_leaves_the_summary(http_server, store, client):
    http_server.route("/robots.txt", b"User-agent: *\nDisallow: /news/kosdaq\n")
    url = serve_summaries(http_server)
    result = poll(store, client, url)
    assert (result.new, result.errors) == (2, [])
    assert http_server.count("/robots.txt") == 1
    assert http_server.count("/news/kosdaq-close.html") == 0
    text = store.db.execute("SELECT text FROM articles WHERE key = ?", [http_server.url("/news/kosdaq-close.html")]).fetchone()[0]
    assert text == "Biotech shares led the secondary market lower."
    assert http_server.count("/rss") == 1  # the feed itself is not subject to robots.txt


def test_a_page_that_fails_is_an_error_and_is_tried_again_next_poll(http_server, store, client):
    url = serve_summaries(
        http_server,
        **{"/news/kosdaq-close.html": [Route(status=404), Route(live("kosdaq_close.html"), headers=HTML)]},
    )
    http_server.routes["/rss"].etag = '"v1"'
    first = poll(store, client, url)
    assert first.new == 1
    (error,) = first.errors
    page = http_server.url("/news/kosdaq-close.html")
    assert str(error) == f"{page}: HTTP 404 Not Found"
    assert http_server.count("/news/kosdaq-close.html") == 1  # 404 is not retried
    assert store.source_row(url)["etag"] is None  # not saved: the next poll must read the whole feed
    assert (store.source_row(page)["kind"], store.source_row(page)["last_status"]) == ("page", "error")
    second = poll(store, client, url)
    assert (second.new, second.skipped, second.errors) == (1, 1, [])
    assert store.source_row(url)["etag"] == '"v1"'
    assert store.source_row(page)["last_status"] == "ok"
    assert store.db["articles"].count == 2


def test_a_page_500_then_200_is_retried_within_the_poll(http_server, store, client):
    url = serve_summaries(
        http_server, **{"/news/kospi-close.html": [Route(status=500), Route(live("kospi_close.html"), headers=HTML)]}
    )
    result = poll(store, client, url)
    assert (result.new, result.errors) == (2, [])
    assert http_server.count("/news/kospi-close.html") == 2


def test_no_pages_stores_the_summaries_as_they_are(http_server, store, client):
    url = serve_summaries(http_server)
    assert poll(store, client, url, follow_links=False).new == 2
    assert http_server.count("/news/kospi-close.html") == 0


# --- encodings ------------------------------------------------------------------------------


def test_an_euc_kr_article_page_reads_right(http_server, store, client):
    feed = (
        b'<rss version="2.0"><channel><title>t</title><item><title>Foreigners buy Samsung</title>'
        b"<link>/kr/story.html</link><description>Short.</description></item></channel></rss>"
    )
    http_server.route("/kr/story.html", live("kospi_close_euckr.html"), headers={"Content-Type": "text/html; charset=EUC-KR"})
    url = http_server.route("/rss", feed, headers=RSS)
    result = poll(store, client, url)
    assert (result.new, result.errors) == (1, [])
    (text,) = store.db.execute("SELECT text FROM articles").fetchone()
    assert "코스피 마감, 외국인 순매수 3500억원" in text
    assert "똠방" in text  # a CP949-only syllable: EUC-KR read as CP949
    assert result.facts >= 2


def test_an_undeclared_cp949_page_reads_right(http_server, store, client):
    feed = b'<rss version="2.0"><channel><item><title>x</title><link>/kr/story.html</link><description>Short.</description></item></channel></rss>'
    http_server.route("/kr/story.html", live("kospi_close_euckr.html"), headers={"Content-Type": "text/html"})
    url = http_server.route("/rss", feed, headers=RSS)
    poll(store, client, url)
    assert "여의도" in store.db.execute("SELECT text FROM articles").fetchone()[0]


def test_an_euc_kr_feed_reads_right(http_server, store, client):
    url = http_server.route("/rss", live("korean_euckr.rss"), headers={"Content-Type": "application/rss+xml; charset=EUC-KR"})
    result = poll(store, client, url)
    assert (result.new, result.errors) == (1, [])
    (title, text) = store.db.execute("SELECT title, text FROM articles").fetchone()
    assert title == "KOSPI closes higher (코스피 상승 마감)"
    assert "외국인 순매수 3500억원" in text


# --- bad servers: each ends in a clear message, nothing lost or doubled ------------------------------


def assert_failed(store, result, url, message):
    (feed,) = result.feeds
    assert feed.status == "error"
    assert [str(e) for e in feed.errors] == [f"{url}: {message}"]
    row = store.source_row(url)
    assert (row["last_status"], row["last_error"]) == ("error", message)
    assert store.db["articles"].count == 0


def test_a_slow_feed_times_out(http_server, store):
    url = http_server.route("/rss", live("markets_full.rss"), headers=RSS, delay=1.5)
    with HttpClient(timeout=0.3, retries=1, backoff=0.001, host_delay=0.0) as client:
        result = poll(store, client, url)
    assert_failed(store, result, url, "timed out after 0.3s (2 attempts)")


def test_a_feed_server_that_resets_the_connection(http_server, store, client):
    url = http_server.route("/rss", reset=True)
    assert_failed(store, poll(store, client, url), url, "connection reset by the server (4 attempts)")
    assert http_server.count("/rss") == 4


def test_a_feed_500_then_200_is_retried(http_server, store, client):
    url = http_server.sequence("/rss", Route(status=500), Route(live("markets_full.rss"), headers=RSS))
    result = poll(store, client, url)
    assert (result.new, result.errors) == (2, [])
    assert http_server.count("/rss") == 2


def test_a_feed_404_is_not_retried(http_server, store, client):
    url = http_server.url("/gone.xml")
    assert_failed(store, poll(store, client, url), url, "HTTP 404 Not Found")
    assert http_server.count("/gone.xml") == 1


def test_429_with_retry_after_is_waited_out(http_server, store):
    sleeps = Sleeps()
    url = http_server.sequence("/rss", Route(status=429, headers={"Retry-After": "3"}), Route(live("markets_full.rss"), headers=RSS))
    with HttpClient(backoff=0.001, host_delay=0.0, sleep=sleeps) as client:
        result = poll(store, client, url)
    assert (result.new, result.errors) == (2, [])
    assert sleeps == [3.0]


def test_a_redirect_loop(http_server, store, client):
    url = http_server.route("/rss", status=302, headers={"Location": "/rss"})
    assert_failed(store, poll(store, client, url), url, "too many redirects (more than 5)")


def test_a_100_mb_feed_is_cut_off_at_the_cap(http_server, store, client):
    url = http_server.route("/rss", stream=100 * 1024 * 1024, content_length=False, headers=RSS)
    assert_failed(store, poll(store, client, url), url, f"response too large (over {client.max_bytes} bytes)")


def test_a_feed_served_with_a_wrong_content_type_is_read_with_a_warning(http_server, store, client):
    url = http_server.route("/rss", live("markets_full.rss"), headers={"Content-Type": "text/html"})
    result = poll(store, client, url)
    assert (result.new, result.errors) == (2, [])
    assert result.warnings == [f"{url}: text/html is not an XML media type; read 2 items anyway"]


def test_an_html_page_where_the_feed_should_be_is_an_error(http_server, store, client):
    url = http_server.route("/rss", live("kospi_close.html"), headers=RSS)
    message = "not an RSS or Atom feed: the server sent an HTML page (application/rss+xml)"
    assert_failed(store, poll(store, client, url), url, message)


def test_invalid_xml_is_an_error_naming_the_feed(http_server, store, client):
    url = http_server.route("/rss", live("invalid.xml"), headers=RSS)
    result = poll(store, client, url)
    (error,) = result.errors
    assert str(error).startswith(f"{url}: not an RSS or Atom feed: ")
    assert "not well-formed" in str(error)
    assert store.source_row(url)["last_status"] == "error"


def test_a_broken_item_among_good_ones(http_server, store, client):
    url = http_server.route("/rss", live("broken_item.rss"), headers=RSS)
    result = poll(store, client, url)
    assert result.errors == []
    (warning,) = result.warnings
    assert warning.startswith(f"{url}: not well-formed XML at line ")
    keys = {r[0] for r in store.db.execute("SELECT key FROM articles")}
    assert {"good-1", "good-4"} <= keys and "empty-3" not in keys
    metrics = {r[0] for r in store.db.execute("SELECT a.key FROM facts f JOIN articles a ON a.id = f.article_id")}
    assert {"good-1", "good-4"} <= metrics
    before = snapshot(store)
    assert poll(store, client, url).new == 0  # nothing doubled on the next poll
    assert snapshot(store) == before


def test_a_failing_feed_keeps_its_error_until_it_recovers(http_server, store, client):
    url = http_server.sequence("/rss", Route(status=404), Route(live("markets_full.rss"), headers=RSS))
    poll(store, client, url)
    assert store.source_row(url)["last_error"] == "HTTP 404 Not Found"
    assert store.source_row(url)["last_success"] is None
    poll(store, client, url)
    row = store.source_row(url)
    assert (row["last_status"], row["last_error"]) == ("ok", None) and row["last_success"]


def test_one_bad_feed_does_not_stop_the_others(http_server, store, client):
    bad = http_server.url("/missing.xml")
    good = http_server.route("/rss", live("markets_full.rss"), headers=RSS)
    result = poll(store, client, bad, good)
    assert [f.status for f in result.feeds] == ["error", "ok"]
    assert result.new == 2 and len(result.errors) == 1
    assert result.line() == f"poll 1: 2 feeds (0 not modified); 2 new, 0 updated, 0 already stored; {result.facts} facts; 1 error"


def test_a_store_error_on_one_feed_is_reported_and_the_poll_goes_on(http_server, store, client, monkeypatch):
    from extractor.errors import StoreError

    bad = http_server.url("/missing.xml")
    good = http_server.route("/rss", live("markets_full.rss"), headers=RSS)
    real = store.record_poll

    def record_poll(source, **kwargs):
        if source == bad:
            raise StoreError(store.path, "database is locked")
        return real(source, **kwargs)

    monkeypatch.setattr(store, "record_poll", record_poll)
    result = poll(store, client, bad, good)
    assert [str(e) for e in result.errors] == [f"{store.path}: database is locked"]
    assert result.new == 2


# --- stopping ------------------------------------------------------------------------------------


def test_an_interrupt_inside_an_article_write_loses_only_that_article(http_server, store, client, monkeypatch):
    url = http_server.route("/rss", live("markets_full.rss"), headers=RSS, etag='"v1"')
    real_insert_facts = Store._insert_facts
    calls = []

    def insert_facts(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt  # Ctrl-C after the second article's row went in, before its facts
        return real_insert_facts(self, *args, **kwargs)

    monkeypatch.setattr(Store, "_insert_facts", insert_facts)
    with pytest.raises(KeyboardInterrupt):
        watch([url], store, client=client, max_polls=1)
    assert store.db["articles"].count == 1  # the second article rolled back whole
    assert store.db.execute("SELECT count(*) FROM articles a WHERE NOT EXISTS "
                            "(SELECT 1 FROM facts f WHERE f.article_id = a.id)").fetchone()[0] == 0
    assert store.source_row(url)["etag"] is None  # so the next run does not get a 304
    monkeypatch.setattr(Store, "_insert_facts", real_insert_facts)
    result = poll(store, client, url)
    assert (result.new, result.skipped) == (1, 1)
    assert store.db["articles"].count == 2 and store.source_row(url)["etag"] == '"v1"'


def test_stop_event_stops_between_articles(http_server, store, client):
    url = http_server.route("/rss", live("markets_full.rss"), headers=RSS, etag='"v1"')
    stop = threading.Event()
    polls = watch([url], store, client=client, every=0.01, max_polls=5, stop=stop,
                  on_document=lambda doc, written: stop.set())
    assert polls == 1
    assert store.db["articles"].count == 1
    assert store.source_row(url)["etag"] is None
    assert poll(store, client, url).new == 1


def test_watch_polls_max_polls_times_waiting_every_between(http_server, store, client):
    url = http_server.route("/rss", live("markets_full.rss"), headers=RSS, etag='"v1"')
    sleeps, results = Sleeps(), []
    polls = watch([url], store, client=client, every=900, max_polls=3, sleep=sleeps, on_poll=results.append)
    assert polls == 3 and [r.number for r in results] == [1, 2, 3]
    assert len(sleeps) == 2 and all(890 < s <= 900 for s in sleeps)
    assert [r.new for r in results] == [2, 0, 0] and [r.not_modified for r in results] == [0, 1, 1]
    assert http_server.count("/rss") == 3


# --- feed lists ------------------------------------------------------------------------------------


def test_a_text_feed_list_gives_urls_in_order_without_repeats():
    assert load_feed_list(LIVE / "feeds.txt") == [
        "https://markets-desk.example/rss/markets.xml",
        "https://seoulwire.example/feeds/markets.rss",
    ]


def test_an_opml_export_gives_every_feed_outline():
    assert load_feed_list(LIVE / "feeds.opml") == [
        "https://markets-desk.example/rss/markets.xml",
        "https://seoulwire.example/feeds/markets.rss",
    ]


@pytest.mark.parametrize(
    "data, message",
    [
        (b"https://a.example/rss\nftp://b.example/rss\n", "feeds.txt:2: not an http(s) feed URL: 'ftp://b.example/rss'"),
        (b"# nothing\n\n", "feeds.txt: lists no feed URLs"),
        (b"<opml><body><outline text='x' xmlUrl='file:///etc/passwd'/></body></opml>",
         "feeds.txt: outline 'x': not an http(s) feed URL: 'file:///etc/passwd'"),
        (b"<opml><body><outline", "feeds.txt: not well-formed OPML: "),
        (b"\x00\x01\x02binary", "feeds.txt: not a feed list: binary data"),
    ],
)
def test_a_bad_feed_list_names_the_file_and_line(data, message):
    with pytest.raises(ReadError) as caught:
        parse_feed_list(data, "feeds.txt")
    assert str(caught.value).startswith(message)


def test_a_missing_feed_list_is_a_read_error(tmp_path):
    with pytest.raises(ReadError, match="no such file"):
        load_feed_list(tmp_path / "nope.txt")


# --- the command line ---------------------------------------------------------------------------------


def test_cli_watch_prints_one_line_per_poll_and_sources_lists_the_feed(http_server, tmp_path):
    db = str(tmp_path / "facts.db")
    url = http_server.route("/rss", live("markets_full.rss"), headers=RSS, etag='"v1"')
    runner = CliRunner()
    result = runner.invoke(main, ["watch", url, "--db", db, "--polls", "1"])
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    assert "poll 1: 1 feeds (0 not modified); 2 new, 0 updated, 0 already stored;" in line
    listed = runner.invoke(main, ["sources", "--db", db])
    assert listed.exit_code == 0
    assert url in listed.output and "feed" in listed.output and "ok" in listed.output
    as_json = runner.invoke(main, ["sources", "--db", db, "--format", "json"])
    assert '"articles": 2' in as_json.output


def test_cli_watch_reports_errors_on_stderr_and_exits_1_after_its_polls(http_server, tmp_path):
    db = str(tmp_path / "facts.db")
    bad = http_server.url("/missing.xml")
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# one bad feed\n{bad}\n")
    result = CliRunner().invoke(main, ["watch", "--feeds", str(feeds), "--db", db, "--polls", "1"])
    assert result.exit_code == 1
    assert "1 error" in result.stdout
    assert f"marketfacts: error: {bad}: HTTP 404 Not Found" in result.stderr
    errors = CliRunner().invoke(main, ["sources", "--db", db, "--errors"])
    assert bad in errors.output and "HTTP 404 Not Found" in errors.output


@pytest.mark.parametrize(
    "args, message",
    [
        ([], "name at least one FEED URL"),
        (["feed.xml"], "is not an http(s) feed URL"),
        (["http://127.0.0.1:9/rss", "--every", "5s"], "too often"),
        (["http://127.0.0.1:9/rss", "--every", "soon"], "not a duration"),
    ],
)
def test_cli_watch_usage_errors(args, message, tmp_path):
    result = CliRunner().invoke(main, ["watch", *args, "--db", str(tmp_path / "f.db")])
    assert result.exit_code == 2 and message in result.output


# --- Ctrl-C on a real process ----------------------------------------------------------------------------


def start_watch(url: str, db: str) -> tuple[subprocess.Popen, queue.Queue]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "extractor", "watch", url, "--db", db, "--every", "1h"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT,
    )
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in proc.stdout], daemon=True).start()
    return proc, lines


def stop(proc: subprocess.Popen) -> tuple[int, str]:
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)
        pytest.fail("watch did not stop within 60 s of SIGINT")
    return proc.returncode, proc.stderr.read()


def test_sigint_while_waiting_for_the_next_poll_exits_0(http_server, tmp_path):
    db = str(tmp_path / "facts.db")
    url = http_server.route("/rss", live("markets_full.rss"), headers=RSS, etag='"v1"')
    proc, lines = start_watch(url, db)
    try:
        line = lines.get(timeout=120)  # the first poll's line (startup loads spaCy)
    except queue.Empty:
        proc.kill()
        pytest.fail("no poll line within 120 s: " + proc.stderr.read())
    assert "poll 1: 1 feeds" in line and "2 new" in line
    code, stderr = stop(proc)
    assert code == 0, stderr
    assert "stopped after 1 polls" in stderr and "Traceback" not in stderr
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    assert conn.execute("SELECT etag FROM sources WHERE source = ?", [url]).fetchone()[0] == '"v1"'
    conn.close()


def test_sigint_in_the_middle_of_a_poll_keeps_whole_articles_only(http_server, tmp_path):
    db = str(tmp_path / "facts.db")
    http_server.route("/news/kospi-close.html", live("kospi_close.html"), headers=HTML)
    http_server.route("/news/kosdaq-close.html", live("kosdaq_close.html"), headers=HTML, delay=30)
    url = http_server.route("/rss", live("markets_summaries.rss"), headers=RSS, etag='"v1"')
    proc, _ = start_watch(url, db)
    deadline = time.monotonic() + 120
    while http_server.count("/news/kosdaq-close.html") == 0:  # bounded: 120 s
        if time.monotonic() > deadline or proc.poll() is not None:
            proc.kill()
            pytest.fail("watch never asked for the second page: " + proc.stderr.read())
        time.sleep(0.05)
    code, stderr = stop(proc)
    assert code == 0, stderr
    assert "stopped after 0 polls" in stderr and "Traceback" not in stderr
    conn = sqlite3.connect(db)
    assert [r[0] for r in conn.execute("SELECT title FROM articles")] == ["KOSPI ends higher on chip rally"]
    assert conn.execute("SELECT count(*) FROM facts").fetchone()[0] > 0
    assert conn.execute("SELECT etag FROM sources WHERE source = ?", [url]).fetchone()[0] is None
    conn.close()
