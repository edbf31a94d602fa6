"""The command line end to end: ingest, extract, facts, eval; exit codes and errors."""

from __future__ import annotations

import csv
import os
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import query_rows as rows
from click.testing import CliRunner

from extractor.cli import main

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SEEDS = ROOT.parent / "shared" / "seeds"
CONTRACT_FIELDS = {"subject", "ticker", "metric", "value", "unit", "investor", "as_of", "text", "start", "end", "qualifier"}


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "facts.db")


def test_ingest_without_sources_stores_the_bundled_sample(runner, db):
    result = runner.invoke(main, ["ingest", "--db", db])
    assert result.exit_code == 0, result.output
    assert "0 errors" in result.output
    found = rows(
        db,
        "SELECT metric, investor, value, as_of, text FROM facts WHERE subject = 'KOSPI' AND as_of = '2026-05-13'",
    )
    by_metric = {(m, i, v) for m, i, v, _, _ in found}
    assert ("index_close", None, 7844.01) in by_metric
    assert ("index_change_pct", None, 2.63) in by_metric
    assert ("net_buy", "foreign", -3760000000000) in by_metric
    evidence = {m: t for m, i, v, _, t in found if (m, v) in (("index_close", 7844.01), ("net_buy", -3760000000000))}
    assert "7,844.01" in evidence["index_close"]
    assert "3.76tn" in evidence["net_buy"] or "3,760bn" in evidence["net_buy"]


def test_ingesting_twice_leaves_the_database_as_it_was(runner, db):
    assert runner.invoke(main, ["ingest", "--db", db, str(FIXTURES / "articles")]).exit_code == 0
    tables = ("sources", "articles", "facts")
    before = {t: rows(db, f"SELECT * FROM {t} ORDER BY id") for t in tables}
    second = runner.invoke(main, ["ingest", "--db", db, str(FIXTURES / "articles")])
    assert second.exit_code == 0
    assert "0 new, 0 updated" in second.output
    assert {t: rows(db, f"SELECT * FROM {t} ORDER BY id") for t in tables} == before


def test_bad_inputs_in_a_batch_are_reported_and_the_good_ones_land(runner, db, tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    for name in ("yonhap_close_2025-08-01.txt", "koreaherald_close_2025-11-04.html"):
        (batch / name).write_bytes((FIXTURES / "articles" / name).read_bytes())
    (batch / "broken.xml").write_bytes((FIXTURES / "bad" / "malformed_feed.xml").read_bytes())
    (batch / "blob.bin").write_bytes((FIXTURES / "bad" / "binary.bin").read_bytes())
    result = runner.invoke(main, ["ingest", "--db", db, str(batch), str(tmp_path / "missing.xml")])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("marketfacts: error:")]
    assert len(errors) == 3, result.stderr
    assert any("broken.xml" in e for e in errors)
    assert any("blob.bin" in e for e in errors)
    assert any("missing.xml" in e and "no such file" in e for e in errors)
    assert rows(db, "SELECT count(*) FROM articles")[0][0] == 2
    assert rows(db, "SELECT count(*) FROM facts")[0][0] > 10
    statuses = dict(rows(db, "SELECT source, last_status FROM sources"))
    assert statuses[str(batch / "broken.xml")] == "error"


def test_a_changed_article_gets_its_facts_replaced(runner, db, tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("Published: 07 Jan. 2026, 18:38\n\nThe KOSPI closed at 4,551.06 on Wednesday.\n")
    runner.invoke(main, ["ingest", "--db", db, str(article)])
    article.write_text("Published: 07 Jan. 2026, 18:38\n\nThe KOSPI closed at 4,560.10 on Wednesday.\n")
    result = runner.invoke(main, ["ingest", "--db", db, str(article)])
    assert "1 updated" in result.output
    assert rows(db, "SELECT subject, metric, value, as_of FROM facts") == [("KOSPI", "index_close", 4560.1, "2026-01-07")]


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds is not beside the repository")
def test_extract_prints_contract_shaped_json_lines_for_a_seed(runner):
    seed = next(SEEDS.glob("001_*.txt"))
    result = runner.invoke(main, ["extract", str(seed), "--published", "2025-07-13", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    facts = [json.loads(line) for line in result.output.splitlines()]
    assert facts and all(CONTRACT_FIELDS <= set(f) for f in facts)
    kospi_short = [f for f in facts if f["subject"] == "KOSPI" and f["metric"] == "short_balance" and f["value"] == 9445000000000]
    assert kospi_short and kospi_short[0]["as_of"] == "2025-07-09" and kospi_short[0]["unit"] == "KRW"
    text = seed.read_text(encoding="utf-8")
    assert all(f["text"] in text for f in facts)


def test_extract_reads_standard_input_and_lists_quantities(runner):
    text = "Foreign investors net-sold 3.76 trillion won on the KOSPI, which closed at 7,844.01."
    facts = runner.invoke(main, ["extract", "-", "--published", "2026-05-13"], input=text)
    got = {(f["metric"], f["investor"], f["value"]) for f in map(json.loads, facts.output.splitlines())}
    assert got == {("net_buy", "foreign", -3760000000000), ("index_close", None, 7844.01)}
    quantities = runner.invoke(main, ["extract", "-", "--quantities"], input=text)
    found = [json.loads(line) for line in quantities.output.splitlines()]
    assert [(q["text"], q["value"], q["unit"]) for q in found] == [
        ("3.76 trillion won", 3760000000000, "KRW"),
        ("7,844.01", 7844.01, None),
    ]
    assert text[found[0]["start"] : found[0]["end"]] == "3.76 trillion won"


def test_facts_filters_and_formats(runner, db):
    runner.invoke(main, ["ingest", "--db", db])
    as_json = runner.invoke(main, ["facts", "--db", db, "--metric", "net_buy", "--investor", "foreign", "--subject", "kospi", "--format", "json"])
    facts = json.loads(as_json.output)
    assert facts and all((f["metric"], f["investor"], f["subject"]) == ("net_buy", "foreign", "KOSPI") for f in facts)
    days = [f["as_of"] for f in facts if f["as_of"]]
    assert days == sorted(days, reverse=True)
    as_csv = runner.invoke(main, ["facts", "--db", db, "--since", "2026-05-14", "--until", "2026-05-14", "--format", "csv"])
    records = list(csv.DictReader(io.StringIO(as_csv.output)))
    assert records and {r["as_of"] for r in records} == {"2026-05-14"}
    table = runner.invoke(main, ["facts", "--db", db, "--ticker", "000660", "--limit", "3"])
    assert table.exit_code == 0 and "SK hynix" in table.output and "3 facts" in table.output


def test_no_match_is_a_clear_message_and_success(runner, db):
    runner.invoke(main, ["ingest", "--db", db])
    result = runner.invoke(main, ["facts", "--db", db, "--subject", "Nikkei"])
    assert result.exit_code == 0
    assert result.output.strip() == "no facts match"


def test_usage_errors_exit_2_and_missing_database_exits_1_in_one_line(runner, tmp_path):
    bad_date = runner.invoke(main, ["extract", "-", "--published", "13/05/2026"], input="x")
    assert bad_date.exit_code == 2 and "YYYY-MM-DD" in bad_date.output
    missing = runner.invoke(main, ["facts", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1
    assert missing.output.count("\n") == 1 and "none.db" in missing.output
    unreadable = runner.invoke(main, ["extract", str(tmp_path / "nope.txt")])
    assert unreadable.exit_code == 1 and "nope.txt" in unreadable.output and "Traceback" not in unreadable.output


def test_eval_prints_scores_per_metric(runner):
    result = runner.invoke(main, ["eval", str(ROOT / "extractor" / "sample")])
    assert result.exit_code == 0, result.output
    assert "overall" in result.output and "net_buy" in result.output


def test_eval_matches_a_company_by_ticker_whatever_its_spelling(tmp_path):
    from extractor.evaluation import evaluate

    (tmp_path / "note.txt").write_text("Published: 2026-05-14\n\nEcoPro BM's borrowing balance ratio was 11.24% as of the 13th.\n")
    fact = {"subject": "EcoPro BM", "ticker": "247540", "metric": "borrowing_ratio", "value": 11.24, "unit": "pct",
            "investor": None, "as_of": "2026-05-13", "qualifier": None, "evidence": "11.24%"}  # fmt: skip
    expected = {"published": "2026-05-14", "documents": [{"match": {}, "published": "2026-05-14", "facts": [fact]}]}
    (tmp_path / "note.txt.expected.json").write_text(json.dumps(expected))
    report = evaluate(tmp_path)
    assert (report.overall.found, report.overall.matched) == (1, 1)  # found as "Ecopro BM", the listing's spelling
    fact["ticker"] = "086520"  # another company's code: no match
    (tmp_path / "note.txt.expected.json").write_text(json.dumps(expected))
    assert evaluate(tmp_path).overall.matched == 0


def test_every_command_has_help_and_is_in_the_readme(runner):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in main.commands:
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output
        assert f"marketfacts {name}" in readme, f"README does not document `marketfacts {name}`"


def test_python_dash_m_runs_the_same_program():
    result = subprocess.run([sys.executable, "-m", "extractor", "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "marketfacts" in result.stdout


def test_companies_search_shows_the_ticker_a_name_resolves_to(runner):
    result = runner.invoke(main, ["companies", "search", "ECOPRO BM"])
    assert result.exit_code == 0
    first = result.output.splitlines()[2]
    assert "Ecopro BM" in first and "247540" in first
    assert "no listed company" in runner.invoke(main, ["companies", "search", "KOSPI"]).output


def test_companies_import_reports_bad_rows_with_their_line_and_keeps_the_good(runner, tmp_path, db):
    out = tmp_path / "companies.jsonl"
    listing = ROOT / "tests" / "data" / "companies" / "listing_bad_rows.csv"
    refused = runner.invoke(main, ["companies", "import", str(listing), "--db", db, "--gazetteer", str(out)])
    assert refused.exit_code == 1 and "refusing to shrink" in refused.output and not out.exists()
    result = runner.invoke(main, ["companies", "import", str(listing), "--db", db, "--gazetteer", str(out), "--force"])
    assert result.exit_code == 1
    assert "listing_bad_rows.csv:3: missing code" in result.stderr
    assert "listing_bad_rows.csv:5: unknown market 'NYSE'" in result.stderr
    stored = rows(db, "SELECT ticker, name FROM companies ORDER BY ticker")
    assert ("005930", "Samsung Electronics") in stored
    assert '"code":"005930"' in out.read_text(encoding="utf-8")


def test_ingest_fills_the_companies_table_that_fact_tickers_join(runner, db):
    runner.invoke(main, ["ingest", "--db", db])
    orphans = rows(db, "SELECT count(*) FROM facts f LEFT JOIN companies c ON c.ticker = f.ticker WHERE f.ticker IS NOT NULL AND c.ticker IS NULL")
    assert orphans == [(0,)]
    assert rows(db, "SELECT count(*) FROM companies")[0][0] > 2500


# -- messages, not tracebacks ------------------------------------------------------------


def _marketfacts(*args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extractor", *args], capture_output=True, text=True, timeout=300, **kwargs)


@pytest.fixture(scope="module")
def small_db(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("small") / "f.db")
    assert _marketfacts("ingest", "--db", db, "-q").returncode == 0
    return db


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["facts"], ["sources"], ["export", "--out", "/dev/full"], ["search", "KOSPI"]])
def test_output_that_cannot_be_written_is_one_line_not_a_traceback(small_db, args):
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "extractor", *args, "--db", small_db], stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip() == "marketfacts: error: cannot write the output: No space left on device"


def test_a_limit_sqlite_cannot_hold_is_a_usage_error(small_db):
    result = _marketfacts("facts", "--db", small_db, "--limit", "99999999999999999999")
    assert result.returncode == 2 and "Traceback" not in result.stderr and "--limit" in result.stderr


def test_a_text_too_long_for_one_article_says_so_and_how_to_go_on(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("The KOSPI rose 1.2% on Tuesday. " * 40_000, encoding="utf-8")
    result = _marketfacts("extract", str(big), "--published", "2026-03-03")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "text too long for one article" in result.stderr and "1,000,000" in result.stderr and "split" in result.stderr


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_text_without_a_byte_order_mark_is_read(tmp_path, encoding):
    page = tmp_path / "note.txt"
    page.write_bytes("date 2026-03-03\n\nThe KOSPI rose 1.2% to 2,611.05 on Tuesday.\n".encode(encoding))
    result = _marketfacts("extract", str(page))
    assert result.returncode == 0, result.stderr
    facts = [json.loads(line) for line in result.stdout.splitlines()]
    assert {(f["metric"], f["value"], f["as_of"]) for f in facts} == {("index_change_pct", 1.2, "2026-03-03"), ("index_close", 2611.05, "2026-03-03")}


@pytest.mark.parametrize(
    "value, shown",
    [(3_760_000_000_000, "₩3.76tn"), (-2_410_000_000_000, "-₩2.41tn"), (209_200_000_000, "₩209.2bn"), (318_000_000_000, "₩318bn"), (1_976_000, "₩1,976,000"), (71_300.5, "₩71,300.50")],
)
def test_tables_show_won_in_the_units_people_read(value, shown):
    from extractor.cli_output import won

    assert won(value) == shown


def test_a_table_fits_its_width_with_numbers_right_aligned_and_csv_stays_exact():
    from extractor.cli_output import table

    rows = [
        {"as_of": "2026-05-13", "subject": "KOSPI", "metric": "net_buy", "investor": "foreign", "value": -3_760_000_000_000, "unit": "KRW",
         "ticker": None, "qualifier": None, "text": "Foreign investors sold a net 3.76 trillion won of shares on the main board, the most since March. " * 3},
        {"as_of": "2026-05-13", "subject": "KOSPI", "metric": "index_close", "investor": None, "value": 7844.01, "unit": "points",
         "ticker": None, "qualifier": None, "text": "The KOSPI closed at 7,844.01."},
    ]
    out = table(rows, ("as_of", "subject", "ticker", "metric", "investor", "value", "unit", "qualifier", "text"), width=100).splitlines()
    assert max(len(line) for line in out) <= 100
    assert "ticker" not in out[0] and "qualifier" not in out[0]  # columns no row fills
    edge = out[0].index("value") + len("value")  # right-aligned: every value ends where the header does
    assert out[2][:edge].endswith("-₩3.76tn") and out[3][:edge].endswith("7,844.01")
    assert out[2].rstrip().endswith("...")  # the evidence shortened to fit


def test_companies_import_writes_to_the_users_data_directory_never_into_the_package(runner, tmp_path, db, monkeypatch):
    import hashlib

    from extractor.rules import pattern_dir

    shipped = pattern_dir() / "companies.jsonl"
    before = hashlib.sha256(shipped.read_bytes()).hexdigest()
    home = tmp_path / "home"
    monkeypatch.setenv("MARKETFACTS_HOME", str(home))
    listing = ROOT / "tests" / "data" / "companies" / "listing_bad_rows.csv"
    result = runner.invoke(main, ["companies", "import", str(listing), "--db", db, "--force"])
    assert (home / "companies.jsonl").is_file() and str(home / "companies.jsonl") in result.output
    assert hashlib.sha256(shipped.read_bytes()).hexdigest() == before
    # A new process uses the imported gazetteer: Samsung Electronics is in it, Celltrion (shipped) is not.
    env = dict(os.environ, MARKETFACTS_HOME=str(home))
    samsung = subprocess.run([sys.executable, "-m", "extractor", "companies", "search", "Samsung Electronics"], capture_output=True, text=True, env=env)
    celltrion = subprocess.run([sys.executable, "-m", "extractor", "companies", "search", "Celltrion"], capture_output=True, text=True, env=env)
    assert "005930" in samsung.stdout and "no listed company" in celltrion.stdout


def test_a_shortened_evidence_shows_its_figure():
    from extractor.cli_output import table

    row = {"as_of": "2026-05-13", "subject": "KOSPI", "metric": "net_buy", "investor": "foreign", "value": -3_760_000_000_000, "unit": "KRW",
           "text": "On a day when the index set another record and turnover rose to its highest level this year, foreign investors sold a net 3.76 trillion won of shares."}
    shown = table([row], ("as_of", "subject", "metric", "investor", "value", "unit", "text"), width=90).splitlines()[2]
    assert "3.76 trill" in shown and shown.rstrip().endswith("...")
