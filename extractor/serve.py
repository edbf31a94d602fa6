"""Browsing the fact database in datasette (``marketfacts serve``).

datasette is an optional extra (``pip install marketfacts[serve]``). The
metadata below titles every table and view, describes each column and its
unit, and offers canned queries for the questions analysts ask most.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from .children import die_with_parent
from .errors import MarketfactsError

COLUMN_DOCS = {
    "subject": "Index or market (KOSPI, KOSDAQ, KOSPI 200, KOSPI 50, KRX), a company's usual English name, or USD/KRW",
    "ticker": "Six-character KRX code of a company; empty for indexes and markets",
    "metric": "One word of the metric vocabulary (docs/FACTS.md)",
    "value": "In base units: won (not trillions of won), percent as a number (2.63), index points, counts",
    "unit": "KRW, USD, pct, points, count, shares, KRW_per_USD",
    "investor": "For net_buy: foreign, retail, institution, pension, financial_investment, insurance, trust, other_corporation",
    "as_of": "The day the figure describes (ISO date)",
    "text": "The sentence or clause of the article that carries the figure",
    "qualifier": "approx, more_than, less_than, estimated, or empty when exact",
    "rule": "The extraction rule that made the fact",
    "net_buy": "Net buying in won; negative for net selling",
    "close": "Closing level, index points",
    "change_pct": "Change from the previous close, percent",
    "short_balance": "Net short-selling balance, won",
    "short_balance_ratio": "Short-selling balance as a percent of market capitalization",
    "lending_balance": "Stock lending balance, won",
    "borrowing_ratio": "Borrowing balance ratio, percent",
}

CANNED_QUERIES = {
    "foreign_flows": {
        "title": "Foreign net flows by day",
        "description": "Foreign investors' net buying (won; negative = net selling) on a market, one row a day",
        "sql": "SELECT as_of, market, net_buy FROM daily_flows WHERE investor = 'foreign' "
        "AND market = :market AND as_of BETWEEN :since AND :until ORDER BY as_of",
    },
    "top_short_ratios": {
        "title": "Highest short-balance ratios",
        "description": "Stocks with the highest short-selling balance relative to market capitalization on or after a day",
        "sql": "SELECT as_of, subject, ticker, short_balance_ratio FROM short_positions "
        "WHERE ticker IS NOT NULL AND short_balance_ratio IS NOT NULL AND as_of >= :since "
        "ORDER BY short_balance_ratio DESC LIMIT 50",
    },
    "margin_loan_records": {
        "title": "Articles on record margin-loan balances",
        "description": "Margin-loan facts whose evidence calls the level a record",
        "sql": "SELECT as_of, subject, value, article_title, article_url FROM facts_with_articles "
        "WHERE metric = 'margin_loan_balance' AND (text LIKE '%record%' OR text LIKE '%all-time high%') ORDER BY as_of DESC",
    },
}


def metadata(db_name: str) -> dict:
    """datasette metadata for a database file named ``db_name`` (without .db)."""
    described = {name: doc for name, doc in COLUMN_DOCS.items()}
    return {
        "title": "marketfacts",
        "description": "Facts about the Korean stock market from English-language news",
        "databases": {
            db_name: {
                "tables": {
                    "facts": {"title": "Facts", "description": "One figure about one day", "columns": described},
                    "articles": {"title": "Articles", "description": "Every article read, with its plain text"},
                    "sources": {"title": "Sources", "description": "Feeds, pages and files, with their last status"},
                    "companies": {"title": "Companies", "description": "KRX-listed companies and their aliases"},
                    "facts_with_articles": {"title": "Facts with their articles", "columns": described},
                    "daily_flows": {"title": "Daily investor flows", "description": "as_of x market x investor -> net_buy (won)", "columns": described},
                    "index_levels": {"title": "Index levels", "description": "as_of x index -> close, open, high, low, change", "columns": described},
                    "short_positions": {"title": "Short positions", "description": "as_of x subject -> short balance, ratio, lending balance, borrowing ratio", "columns": described},
                },
                "queries": CANNED_QUERIES,
            }
        },
    }


def serve(db_path: str, *, host: str = "127.0.0.1", port: int = 8001) -> int:
    """Run datasette on the database until it stops; returns its exit status."""
    try:
        import datasette  # noqa: F401
    except ImportError:
        raise MarketfactsError("datasette is not installed: pip install 'marketfacts[serve]'") from None
    path = Path(db_path)
    if not path.exists():
        raise MarketfactsError(f"{db_path}: no such database (run `marketfacts ingest` first)")
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(metadata(path.stem), handle)
    command = [sys.executable, "-m", "datasette", "serve", str(path), "--metadata", handle.name,
               "--host", host, "--port", str(port), "--setting", "sql_time_limit_ms", "5000"]  # fmt: skip
    # datasette runs as our child and goes with us: on Ctrl-C, on SIGTERM
    # (a service manager stopping us) and, on Linux, even on kill -9.
    process = subprocess.Popen(command, preexec_fn=die_with_parent if sys.platform.startswith("linux") else None)
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: process.terminate())
    try:
        return process.wait()
    except KeyboardInterrupt:
        process.terminate()
        process.wait()
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        if process.poll() is None:
            process.kill()
            process.wait()
        Path(handle.name).unlink(missing_ok=True)
