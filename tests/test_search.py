"""Analysts' side: full-text search, filters, views, export, plot, datasette."""

from __future__ import annotations

import csv
import io
import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import psutil
import pytest
from conftest import query_rows as rows
from click.testing import CliRunner

from extractor.cli import main
from extractor.store import Store

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("search") / "facts.db"
    runner = CliRunner()
    for sources in ([str(ROOT / "fixtures" / "articles"), str(ROOT / "fixtures" / "feeds")], []):  # [] = the sample
        result = runner.invoke(main, ["ingest", "--db", str(path), "--quiet", *sources])
        assert result.exit_code == 0, result.output
    return str(path)


def run(*args):
    result = CliRunner().invoke(main, list(args))
    return result


def test_query_finds_facts_by_their_evidence_newest_first(db):
    result = run("search", '"margin loan"', "--db", db, "--metric", "margin_loan_balance", "--format", "json")
    found = json.loads(result.stdout)
    assert found and all(f["metric"] == "margin_loan_balance" for f in found)
    assert all(f["article_title"] and f["article_published"] for f in found)
    days = [f["as_of"] for f in found if f["as_of"]]
    assert days == sorted(days, reverse=True)


def test_each_filter_narrows_the_facts(db):
    def search(*args):
        return json.loads(run("search", "--db", db, "--format", "json", "--limit", "1000", *args).stdout)

    assert {f["ticker"] for f in search("--ticker", "005930")} == {"005930"}
    assert {f["subject"] for f in search("--subject", "kosdaq")} == {"KOSDAQ"}
    assert {(f["metric"], f["investor"]) for f in search("--metric", "net_buy", "--investor", "pension")} == {("net_buy", "pension")}
    window = search("--since", "2026-05-13", "--until", "2026-05-14")
    assert window and all("2026-05-13" <= f["as_of"] <= "2026-05-14" for f in window)
    assert len(search("--limit", "3")) == 3


def test_search_formats_table_and_csv(db):
    table = run("search", "KOSPI", "--db", db, "--metric", "index_close", "--limit", "5")
    assert table.exit_code == 0 and "index_close" in table.output and "5 facts" in table.output
    as_csv = run("search", "--db", db, "--metric", "fx_rate", "--format", "csv")
    records = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert records and {r["unit"] for r in records} == {"KRW_per_USD"}


@pytest.mark.parametrize("query", ['"unbalanced', "AND OR", "NEAR(", "*"])
def test_malformed_query_is_one_clear_line(db, query):
    result = run("search", query, "--db", db)
    assert result.exit_code == 1
    assert "bad search query" in result.output and "Traceback" not in result.output


INJECTIONS = ["'; DROP TABLE facts; --", "KOSPI' OR '1'='1", '") OR 1=1 --', "x); DELETE FROM articles; --"]


@pytest.mark.parametrize("attack", INJECTIONS)
def test_no_option_can_change_the_database(db, attack):
    before = rows(db, "SELECT count(*) FROM facts")[0][0], rows(db, "SELECT count(*) FROM articles")[0][0]
    for option in ("--subject", "--ticker"):
        result = run("search", "--db", db, option, attack)
        assert result.exit_code == 0 and "no facts match" in result.output
    run("search", attack, "--db", db)  # as a query: an FTS error at worst
    run("export", "--db", db, "--query", attack)
    assert (rows(db, "SELECT count(*) FROM facts")[0][0], rows(db, "SELECT count(*) FROM articles")[0][0]) == before


def test_empty_result_says_so_and_succeeds(db):
    result = run("search", "Nikkei", "--db", db, "--subject", "KOSPI", "--metric", "fx_rate")
    assert result.exit_code == 0 and result.output.strip() == "no facts match"
    as_json = CliRunner().invoke(main, ["search", "--db", db, "--subject", "Nikkei", "--format", "json"])
    assert as_json.stdout.strip() == "[]"


def test_daily_flows_view_gives_one_net_buy_per_day_market_investor(db):
    flows = rows(db, "SELECT as_of, market, investor, net_buy FROM daily_flows WHERE as_of = '2026-05-13' AND market = 'KOSPI'")
    assert ("2026-05-13", "KOSPI", "foreign", -3760000000000) in flows
    keys = rows(db, "SELECT as_of, market, investor, count(*) FROM daily_flows GROUP BY 1, 2, 3 HAVING count(*) > 1")
    assert keys == []


def test_index_levels_view_pivots_a_day(db):
    (row,) = rows(db, "SELECT close, change_pct FROM index_levels WHERE as_of = '2026-05-13' AND \"index\" = 'KOSPI'")
    assert row == (7844.01, 2.63)


def test_short_positions_view_lists_company_ratios(db):
    found = rows(db, "SELECT subject, ticker, short_balance_ratio FROM short_positions WHERE short_balance_ratio IS NOT NULL AND ticker IS NOT NULL")
    assert found and all(isinstance(r[2], float) for r in found)


def test_facts_with_articles_view_joins_title_and_url(db):
    (count,) = rows(db, "SELECT count(*) FROM facts_with_articles WHERE article_title IS NULL")[0]
    assert count == 0
    assert rows(db, "SELECT count(*) FROM facts_with_articles")[0][0] == rows(db, "SELECT count(*) FROM facts")[0][0]


def test_fts_stays_in_step_when_an_article_is_replaced(tmp_path):
    db = str(tmp_path / "f.db")
    story = tmp_path / "story.txt"
    story.write_text("Published: 07 Jan. 2026, 18:38\n\nThe KOSPI closed at 4,551.06 as chipmakers rallied.\n")
    run("ingest", "--db", db, str(story))
    story.write_text("Published: 07 Jan. 2026, 18:38\n\nThe KOSPI closed at 4,560.10 as carmakers rallied.\n")
    run("ingest", "--db", db, str(story))
    assert json.loads(run("search", "chipmakers", "--db", db, "--format", "json").stdout) == []
    assert len(json.loads(run("search", "carmakers", "--db", db, "--format", "json").stdout)) == 1


def test_export_writes_csv_and_jsonl(db, tmp_path):
    out = tmp_path / "flows.csv"
    assert run("export", "--db", db, "--metric", "net_buy", "--out", str(out)).exit_code == 0
    records = list(csv.DictReader(out.open(encoding="utf-8")))
    assert records and {r["metric"] for r in records} == {"net_buy"}
    lines = run("export", "--db", db, "--metric", "price", "--format", "jsonl").stdout.splitlines()
    assert lines and all(json.loads(line)["unit"] == "KRW" for line in lines)


def test_plot_draws_a_png(db, tmp_path):
    out = tmp_path / "flows.png"
    result = run("plot", "net_buy", "--db", db, "--subject", "KOSPI", "--investor", "foreign", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 5000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(db: str, port: int) -> subprocess.Popen:
    """`marketfacts serve` on 127.0.0.1:port, as a user starts it."""
    return subprocess.Popen(
        [sys.executable, "-m", "extractor", "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def test_serve_answers_a_view_through_datasettes_json_api(db):
    pytest.importorskip("datasette")
    port = _free_port()
    proc = _serve(db, port)
    name = Path(db).stem
    url = f"http://127.0.0.1:{port}/{name}/daily_flows.json?_shape=array&market=KOSPI&investor=foreign"
    try:
        for _ in range(100):  # bounded: at most ~20 s for datasette to start
            try:
                response = httpx.get(url, timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            pytest.fail(f"datasette did not start: {proc.stderr.read().decode() if proc.poll() is not None else ''}")
        flows = response.json()
        assert any(r["as_of"] == "2026-05-13" and r["net_buy"] == -3760000000000 for r in flows)
        meta = httpx.get(f"http://127.0.0.1:{port}/-/metadata.json", timeout=2).json()
        assert "foreign_flows" in meta["databases"][name]["queries"]
        children = psutil.Process(proc.pid).children(recursive=True)
        assert children  # datasette runs as marketfacts serve's child
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    _, alive = psutil.wait_procs(children, timeout=10)
    assert alive == [], "datasette outlived marketfacts serve"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the parent-death signal is Linux's")
def test_datasette_goes_when_serve_is_killed_outright(db):
    pytest.importorskip("datasette")
    proc = _serve(db, _free_port())
    try:
        children: list = []
        for _ in range(100):  # bounded: until datasette has started as its child
            children = psutil.Process(proc.pid).children(recursive=True)
            if children:
                break
            time.sleep(0.1)
        assert children
    finally:
        proc.kill()  # kill -9: no handler of ours runs
        proc.wait(timeout=10)
    _, alive = psutil.wait_procs(children, timeout=10)
    for leftover in alive:
        leftover.kill()
    assert alive == [], "datasette outlived a killed marketfacts serve"


def test_a_search_may_name_the_columns_of_one_table(db):
    with Store(db) as store:
        by_subject = list(store.facts(query="subject:ecopro"))
        by_title = list(store.facts(query="title:margin"))
        both = list(store.facts(query="{subject text}:hynix"))
    assert by_subject and all("ecopro" in f["subject"].lower() for f in by_subject)
    assert by_title and all("margin" in (f["article_title"] or "").lower() for f in by_title)
    assert both


@pytest.mark.parametrize("query, says", [("subject:ecopro title:margin", "one of them at a time"), ("sector:chips", "no column sector")])
def test_a_search_naming_columns_no_table_has_is_one_clear_error(db, query, says):
    from extractor.errors import QueryError

    with Store(db) as store, pytest.raises(QueryError) as caught:
        list(store.facts(query=query))
    assert says in str(caught.value)
