"""The schema of the fact database, as a list of migrations.

The schema is an interface (other tools read the file directly): it is
versioned with ``PRAGMA user_version`` and changed only by appending a
migration to ``MIGRATIONS``; :class:`extractor.store.Store` applies them.
"""

from __future__ import annotations

import sqlite_utils


def _migration_1(db: sqlite_utils.Database) -> None:
    db["sources"].create(
        {
            "id": int,
            "source": str,
            "kind": str,
            "etag": str,
            "last_modified": str,
            "last_status": str,
            "last_error": str,
            "last_attempt": str,
            "last_success": str,
        },
        pk="id",
        not_null={"source"},
    )
    db["sources"].create_index(["source"], unique=True)
    db["articles"].create(
        {
            "id": int,
            "source_id": int,
            "key": str,
            "url": str,
            "guid": str,
            "title": str,
            "published": str,
            "fetched_at": str,
            "text": str,
            "content_hash": str,
            "extractor_version": str,
        },
        pk="id",
        not_null={"key", "text", "content_hash"},
        foreign_keys=[("source_id", "sources", "id")],
    )
    db["articles"].create_index(["key"], unique=True)
    db["articles"].create_index(["published"])
    # Raw SQL for one reason: NUMERIC affinity keeps whole won amounts as
    # integers (3760000000000, not 3.76e12 as REAL) for tools reading the file.
    db.execute(
        """
        CREATE TABLE facts (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id),
            subject TEXT NOT NULL,
            ticker TEXT,
            metric TEXT NOT NULL,
            value NUMERIC NOT NULL,
            unit TEXT NOT NULL,
            investor TEXT,
            as_of TEXT,
            text TEXT,
            start INTEGER,
            "end" INTEGER,
            qualifier TEXT,
            rule TEXT
        )
        """
    )
    for column in ("article_id", "subject", "ticker", "metric", "as_of"):
        db["facts"].create_index([column])


def _migration_2(db: sqlite_utils.Database) -> None:
    """Per-source progress of a backfill, so a stopped run resumes where it was."""
    db["progress"].create(
        {"source": str, "size": int, "mtime": float, "records": int, "offset": int, "done": int, "updated_at": str},
        pk="source",
    )


def _migration_3(db: sqlite_utils.Database) -> None:
    """The company gazetteer the facts' tickers point into."""
    db["companies"].create(
        {"ticker": str, "name": str, "name_ko": str, "market": str, "common_ticker": str, "aliases": str},
        pk="ticker",
        not_null={"name"},
    )
    db["companies"].create_index(["name"])


def _migration_4(db: sqlite_utils.Database) -> None:
    """Full-text search over articles and facts, kept in step by triggers,
    and the views analysts ask for most (see README, "Views")."""
    db["articles"].enable_fts(["title", "text"], create_triggers=True, tokenize="porter")
    db["facts"].enable_fts(["text", "subject"], create_triggers=True, tokenize="porter")
    for name, sql in VIEWS.items():
        db.create_view(name, sql)


#: The latest-published article's figure wins when several report the same one.
_LATEST = """
    SELECT f.*, a.published AS article_published,
           ROW_NUMBER() OVER (
               PARTITION BY f.as_of, f.subject, f.metric, f.investor
               ORDER BY a.published DESC, f.id DESC
           ) AS rank_in_day
    FROM facts f JOIN articles a ON a.id = f.article_id
    WHERE f.as_of IS NOT NULL
"""

VIEWS = {
    "facts_with_articles": """
        SELECT f.id, f.subject, f.ticker, f.metric, f.value, f.unit, f.investor, f.as_of,
               f.qualifier, f.text, f.start, f."end", f.rule, f.article_id,
               a.title AS article_title, a.url AS article_url, a.published AS article_published
        FROM facts f JOIN articles a ON a.id = f.article_id
    """,
    "daily_flows": f"""
        SELECT as_of, subject AS market, investor, value AS net_buy, article_id
        FROM ({_LATEST})
        WHERE metric = 'net_buy' AND ticker IS NULL AND rank_in_day = 1
    """,
    "index_levels": f"""
        SELECT as_of, subject AS "index",
               MAX(CASE WHEN metric = 'index_close' THEN value END) AS close,
               MAX(CASE WHEN metric = 'index_open' THEN value END) AS open,
               MAX(CASE WHEN metric = 'index_high' THEN value END) AS high,
               MAX(CASE WHEN metric = 'index_low' THEN value END) AS low,
               MAX(CASE WHEN metric = 'index_change' THEN value END) AS change,
               MAX(CASE WHEN metric = 'index_change_pct' THEN value END) AS change_pct
        FROM ({_LATEST})
        WHERE metric LIKE 'index_%' AND rank_in_day = 1
        GROUP BY as_of, subject
    """,
    "short_positions": f"""
        SELECT as_of, subject, ticker,
               MAX(CASE WHEN metric = 'short_balance' THEN value END) AS short_balance,
               MAX(CASE WHEN metric = 'short_balance_ratio' THEN value END) AS short_balance_ratio,
               MAX(CASE WHEN metric = 'lending_balance' THEN value END) AS lending_balance,
               MAX(CASE WHEN metric = 'borrowing_ratio' THEN value END) AS borrowing_ratio,
               MAX(CASE WHEN metric = 'short_interest_pct' THEN value END) AS short_interest_pct
        FROM ({_LATEST})
        WHERE metric IN ('short_balance', 'short_balance_ratio', 'lending_balance', 'borrowing_ratio', 'short_interest_pct')
          AND rank_in_day = 1
        GROUP BY as_of, subject, ticker
    """,
}


#: Append only. Migration i (1-based) brings user_version from i-1 to i.
MIGRATIONS = [_migration_1, _migration_2, _migration_3, _migration_4]
SCHEMA_VERSION = len(MIGRATIONS)
