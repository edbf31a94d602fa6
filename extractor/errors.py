"""The exception tree. Every error a user can cause is a MarketfactsError.

    MarketfactsError
    ├── ReadError      an input could not be read or understood (file, feed, page)
    │   └── FetchError an http(s) request failed
    ├── PatternError   a line of patterns/*.jsonl is broken
    ├── StoreError     the SQLite store refused a read or a write
    └── QueryError     a search query is malformed

Each message names the input (path, URL, pattern file and line, database)
and says what is wrong, so the CLI can print it as one line.
"""

from __future__ import annotations


class MarketfactsError(Exception):
    """Root of every error marketfacts raises on purpose."""


class ReadError(MarketfactsError):
    """An input could not be read: missing, unreadable, not a format we know."""

    def __init__(self, source: str, reason: str):
        self.source = str(source)
        self.reason = reason
        super().__init__(f"{self.source}: {reason}")


class FetchError(ReadError):
    """An http(s) fetch failed: timeout, connection error, bad status."""


class PatternError(MarketfactsError):
    """A pattern file is broken; the message names the file and line."""

    def __init__(self, file: str, line: int | None, reason: str):
        self.file = file
        self.line = line
        self.reason = reason
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {reason}")


class StoreError(MarketfactsError):
    """The fact store could not be opened, migrated or written."""

    def __init__(self, db: str, reason: str):
        self.db = str(db)
        self.reason = reason
        super().__init__(f"{self.db}: {reason}")


class QueryError(MarketfactsError):
    """A full-text search query that SQLite's FTS5 cannot parse."""

    def __init__(self, query: str, reason: str):
        self.query = query
        self.reason = reason
        super().__init__(
            f"bad search query {query!r}: {reason.removeprefix('fts5: ')} "
            '(quote phrases with double quotes, e.g. \'"margin loan"\'; AND, OR and NOT need words on both sides)'
        )


class FeedWarning(UserWarning):
    """A feed was read despite a flaw (not well-formed, wrong Content-Type).

    The message names the feed. Readers never print: the CLI shows these,
    and ``marketfacts watch`` reports them with the poll of that feed.
    """
