"""The SQLite fact store: schema, migrations, idempotent writes, queries.

The schema is an interface (other tools read the file directly), so it is
versioned with ``PRAGMA user_version`` and changed only by appending a
migration to ``MIGRATIONS``. One writer at a time; WAL so readers (datasette,
an analyst's sqlite3 shell) are never blocked by an ingest.

Idempotence: an article is identified by ``key`` (guid, else URL, else the
hash of its content). Writing a document whose key is stored with the same
content hash and extractor version changes nothing; a changed text (or a
newer extractor) replaces the article's row and all its facts in the same
transaction, so no reader ever sees an article without its facts.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

import sqlite_utils

from .documents import Document, published_date_iso
from .errors import QueryError, StoreError
from .model import FACT_FIELDS, Fact
from .schema import MIGRATIONS, SCHEMA_VERSION  # noqa: F401  (SCHEMA_VERSION: tests and tools ask this module)

DEFAULT_DB = "facts.db"
#: How long a write waits for another connection's lock before it fails.
BUSY_SECONDS = 120.0




@dataclass(frozen=True)
class WriteResult:
    """What writing one document did: 'inserted', 'replaced' or 'unchanged'."""

    action: str
    article_id: int
    facts: int


def _run_to_end(conn: sqlite3.Connection, sql: str) -> list:
    """Run one statement, read all it returns, and close its cursor."""
    cursor = conn.execute(sql)
    try:
        return cursor.fetchall()
    finally:
        cursor.close()


def _when_unlocked(step, attempts: int = 40):
    """Run ``step``, again after a pause while SQLite says the database is
    locked: two processes opening a new file at once can each hold what the
    other waits for (switching to WAL, the first migration), and SQLite then
    answers one of them "locked" at once rather than wait."""
    import random
    import time

    for attempt in range(attempts):
        try:
            return step()
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or attempt == attempts - 1:
                raise
            time.sleep(min(2.0, 0.05 * 2 ** min(attempt, 6)) * (0.5 + random.random() / 2))


class Store:
    """The fact database. Use as a context manager or call close()."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, wal: bool = True):
        """Open (creating and migrating) the database at ``path``. ``wal``
        puts it in write-ahead-log mode, which lets readers in while a
        backfill writes; a scratch file that is renamed into place when done
        is better without it (one self-contained file, nothing to move)."""
        self.path = str(path)
        try:
            # Another process writing (a backfill's batch, a second ingest)
            # holds the lock for a while: wait for it up to BUSY_SECONDS
            # rather than give up after sqlite3's default of 5 s.
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_SECONDS)
            self.db = sqlite_utils.Database(conn)
            # Each pragma's cursor is read to the end and closed here: a
            # "PRAGMA journal_mode" statement left open (its cursor not yet
            # collected, as under Dask's sampling profiler) counts as a write
            # in progress, and the migration's savepoint then fails with
            # "cannot open savepoint - SQL statements in progress".
            # Under WAL, synchronous=NORMAL syncs at checkpoints, not at every
            # commit: an ingest that commits once per article no longer waits
            # ~3 ms for the disk each time. A killed process loses nothing
            # committed; a power cut or OS crash can roll back the last
            # commits before it (the file stays consistent, and running the
            # same ingest again stores them).
            pragmas = ("PRAGMA foreign_keys = ON",)
            if wal:
                pragmas += ("PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL")
            _when_unlocked(lambda: [_run_to_end(conn, pragma) for pragma in pragmas])
            _when_unlocked(self._migrate)
        except sqlite3.DatabaseError as e:
            raise StoreError(self.path, f"cannot open database: {e}") from e

    @classmethod
    def for_reading(cls, path: str | Path) -> Store:
        """The database at ``path`` for queries only. Opened as usual when it
        can be (a writable file is migrated and put in WAL mode); in a
        directory or file that cannot be written (a shared read-only copy),
        opened read-only without any write, where an ordinary open fails."""
        try:
            return cls(path)
        except StoreError as error:
            if not re.search(r"readonly|read-only|unable to open|cannot open|disk I/O", str(error)):
                raise
            first = error
        store = cls.__new__(cls)
        store.path = str(path)
        uri = Path(path).resolve().as_uri()
        # A WAL file's readers need its -shm file, which a read-only directory
        # cannot hold once the last writer closed: then the file is read as
        # immutable (nobody can be writing it there).
        for suffix in ("?mode=ro", "?immutable=1"):
            try:
                conn = sqlite3.connect(uri + suffix, uri=True, timeout=BUSY_SECONDS)
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlite3.Error:
                continue
            store.db = sqlite_utils.Database(conn)
            if store.schema_version != SCHEMA_VERSION:
                conn.close()
                raise StoreError(store.path, f"schema version {store.schema_version}, and the file cannot be written to bring it to {SCHEMA_VERSION}")
            return store
        raise first

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.db.conn.close()

    @property
    def schema_version(self) -> int:
        return _run_to_end(self.db.conn, "PRAGMA user_version")[0][0]

    def _migrate(self) -> None:
        current = self.schema_version
        if current > SCHEMA_VERSION:
            raise StoreError(
                self.path,
                f"schema version {current} is newer than this marketfacts ({SCHEMA_VERSION}); upgrade marketfacts",
            )
        for version in range(current + 1, SCHEMA_VERSION + 1):
            with self._transaction():
                # Read again under the write lock: two processes opening a new
                # database at once both saw version 0; the second to get the
                # lock finds the first one's work done.
                if self.schema_version >= version:
                    continue
                MIGRATIONS[version - 1](self.db)
                # PRAGMA takes no parameters; version is our own integer.
                self.db.execute(f"PRAGMA user_version = {int(version)}")

    def _transaction(self):
        return _Transaction(self.db.conn, self.path)

    def batch(self) -> _Transaction:
        """One transaction around many writes (``with store.batch(): ...``):
        a backfill commits every few hundred articles instead of each one.
        Each write inside is its own savepoint, so a failing article is
        rolled back alone."""
        return _Transaction(self.db.conn, self.path)

    # -- writes -------------------------------------------------------------

    def source_id(self, source: str | None, kind: str | None = None) -> int | None:
        """Id of a source row, created on first sight."""
        if not source:
            return None
        row = self.db.execute("SELECT id FROM sources WHERE source = ?", [source]).fetchone()
        if row:
            return row[0]
        return self.db["sources"].insert({"source": source, "kind": kind}).last_pk

    def record_source(self, source: str, *, kind: str | None = None, error: str | None = None, changed: bool = True) -> None:
        """Note the outcome of reading a source: status, last error, and when.

        Re-reading a source that gave nothing new with the same status writes
        nothing, so ingesting the same input twice leaves the file as it was.
        """
        status = "error" if error else "ok"
        with self._transaction():
            sid = self.source_id(source, kind)
            row = self.db["sources"].get(sid)
            if not changed and row["last_status"] == status and row["last_error"] == error:
                return
            now = _now()
            update = {"last_attempt": now, "last_status": status, "last_error": error}
            if not error:
                update["last_success"] = now
            if kind:
                update["kind"] = kind
            self.db["sources"].update(sid, update)

    def write(self, document: Document, facts: Iterable[Fact], *, extractor_version: str) -> WriteResult:
        """Store one article and its facts in one transaction (see module doc)."""
        content_hash = document.content_hash
        try:
            with self._transaction():
                row = self.db.execute(
                    "SELECT id, content_hash, extractor_version FROM articles WHERE key = ?", [document.key]
                ).fetchone()
                if row and row[1] == content_hash and row[2] == extractor_version:
                    return WriteResult("unchanged", row[0], 0)
                record = {
                    "source_id": self.source_id(document.source),
                    "key": document.key,
                    "url": document.url,
                    "guid": document.guid,
                    "title": document.title,
                    "published": published_date_iso(document.published) or None,
                    "fetched_at": _iso(document.fetched_at) or _now(),
                    "text": document.text,
                    "content_hash": content_hash,
                    "extractor_version": extractor_version,
                }
                if row:
                    article_id = row[0]
                    self.db.execute("DELETE FROM facts WHERE article_id = ?", [article_id])
                    self.db["articles"].update(article_id, record)
                    action = "replaced"
                else:
                    article_id = self.db.execute(_INSERT_ARTICLE, record).lastrowid
                    action = "inserted"
                count = self._insert_facts(article_id, facts)
                return WriteResult(action, article_id, count)
        except sqlite3.Error as e:
            raise StoreError(self.path, f"cannot store article {document.key!r}: {e}") from e

    def _insert_facts(self, article_id: int, facts: Iterable[Fact]) -> int:
        # Many rows to a statement: the full-text trigger on facts flushes
        # the index once per statement, so one INSERT a row cost four times
        # as much (measured: 43 against 11 microseconds a fact). Plain
        # prepared statements, not sqlite-utils' insert_all, which inspects
        # the table and each value on every call.
        rows = [(article_id, *fact.values()) for fact in facts]
        for i in range(0, len(rows), _FACTS_PER_INSERT):
            chunk = rows[i : i + _FACTS_PER_INSERT]
            self.db.conn.execute(_insert_facts_sql(len(chunk)), [value for row in chunk for value in row])
        return len(rows)

    # -- reads --------------------------------------------------------------

    def facts(
        self,
        *,
        subject: str | None = None,
        ticker: str | None = None,
        metric: str | None = None,
        investor: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
        query: str | None = None,
    ) -> Iterator[dict]:
        """Facts matching every given filter, newest as_of first, with their article.

        ``query`` is a full-text query (SQLite FTS5 syntax: words, "phrases",
        AND/OR/NOT, prefix*) over each fact's evidence and subject and over its
        article's title and text. Every value is bound as a parameter; no
        input is ever pasted into the SQL.
        """
        where, params = [], []
        if query is not None and query.strip():
            tables = _fts_tables(query)
            parts = []
            if "facts_fts" in tables:
                parts.append("f.id IN (SELECT rowid FROM facts_fts WHERE facts_fts MATCH ?)")
            if "articles_fts" in tables:
                parts.append("f.article_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            where.append("(" + " OR ".join(parts) + ")")
            params += [query] * len(parts)
        for column, value in (("subject", subject), ("ticker", ticker), ("metric", metric), ("investor", investor)):
            if value is not None:
                # Subjects are names a user types: match them without regard to case.
                where.append(f"f.{column} = ? COLLATE NOCASE")
                params.append(value)
        if since is not None:
            where.append("f.as_of >= ?")
            params.append(since.isoformat())
        if until is not None:
            where.append("f.as_of <= ?")
            params.append(until.isoformat())
        columns = ", ".join(f"f.[{name}]" for name in FACT_FIELDS)
        sql = (
            f"SELECT {columns}, f.rule, f.article_id, a.title AS article_title, a.url AS article_url, "
            "a.published AS article_published FROM facts f JOIN articles a ON a.id = f.article_id"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY f.as_of IS NULL, f.as_of DESC, a.published DESC, f.article_id, f.start, f.id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        try:
            cursor = self.db.execute(sql, params)
        except sqlite3.OperationalError as e:
            if query is not None and not re.search(r"locked|busy|disk|readonly", str(e)):
                raise QueryError(query, str(e)) from e
            raise StoreError(self.path, f"cannot query facts: {e}") from e
        except sqlite3.Error as e:
            raise StoreError(self.path, f"cannot query facts: {e}") from e
        names = [d[0] for d in cursor.description]
        for values in cursor:
            yield _tidy(dict(zip(names, values)))

    def replace_companies(self, companies) -> int:
        """Make the companies table the given gazetteer (one transaction)."""
        rows = [
            {
                "ticker": c.code,
                "name": c.name,
                "name_ko": c.name_ko,
                "market": c.market,
                "common_ticker": c.common_code,
                "aliases": "; ".join(c.aliases),
            }
            for c in companies
        ]
        with self._transaction():
            self.db.execute("DELETE FROM companies")
            self.db["companies"].insert_all(rows)
        return len(rows)

    def counts(self) -> dict[str, int]:
        return {name: self.db[name].count for name in ("sources", "articles", "facts")}

    # -- backfill: captures, progress, re-extraction, parts ------------------

    def write_capture(self, document: Document, facts: Iterable[Fact], *, extractor_version: str) -> WriteResult:
        """Like :meth:`write`, for one capture among many of the same article.

        Archives hold the same URL more than once (re-crawls, dumps that
        overlap) and parallel workers hand captures over in any order, so
        which one a plain write keeps would depend on timing. Here the
        latest capture wins, by ``fetched_at`` and then content hash, in
        whatever order they arrive: an earlier one is 'superseded' and
        changes nothing, so every run stores the same rows.
        """
        fetched, content_hash = _iso(document.fetched_at) or "", document.content_hash
        try:
            with self._transaction():
                row = self.db.execute(
                    "SELECT id, fetched_at, content_hash, extractor_version FROM articles WHERE key = ?", [document.key]
                ).fetchone()
                if row is not None:
                    article_id, stored_fetched, stored_hash, stored_version = row[0], row[1] or "", row[2], row[3]
                    if stored_hash != content_hash and (stored_fetched, stored_hash) > (fetched, content_hash):
                        return WriteResult("superseded", article_id, 0)
                    if stored_hash == content_hash and stored_fetched > fetched:
                        document.fetched_at = self._parse_iso(stored_fetched)  # same text: keep the later date
                    elif stored_hash == content_hash and stored_version == extractor_version and stored_fetched < fetched:
                        self.db.execute("UPDATE articles SET fetched_at = ? WHERE id = ?", [fetched, article_id])
                        return WriteResult("unchanged", article_id, 0)
                return self.write(document, facts, extractor_version=extractor_version)
        except sqlite3.Error as e:
            raise StoreError(self.path, f"cannot store article {document.key!r}: {e}") from e

    def progress(self) -> dict[str, dict]:
        """Every row of the backfill progress table, by source."""
        return {row["source"]: row for row in self.db["progress"].rows}

    def set_progress(self, source: str, *, size: int, mtime: float, records: int, offset: int, done: bool) -> None:
        """Where a backfill of ``source`` stands; call it inside the batch whose writes it covers."""
        row = {
            "source": source,
            "size": size,
            "mtime": mtime,
            "records": records,
            "offset": offset,
            "done": int(done),
            "updated_at": _now(),
        }
        try:
            self.db.execute(
                "INSERT OR REPLACE INTO progress (source, size, mtime, records, offset, done, updated_at) "
                "VALUES (:source, :size, :mtime, :records, :offset, :done, :updated_at)",
                row,
            )
        except sqlite3.Error as e:
            raise StoreError(self.path, f"cannot record progress of {source}: {e}") from e

    def stale_articles(self, extractor_version: str, *, after_id: int = 0, limit: int = 500) -> list[dict]:
        """Articles extracted by another rule set than ``extractor_version``, by id, after ``after_id``."""
        cursor = self.db.execute(
            "SELECT id, title, text, published FROM articles "
            "WHERE (extractor_version IS NULL OR extractor_version != ?) AND id > ? ORDER BY id LIMIT ?",
            [extractor_version, after_id, limit],
        )
        return [dict(zip(("id", "title", "text", "published"), row)) for row in cursor]

    def count_stale(self, extractor_version: str) -> int:
        return self.db.execute(
            "SELECT count(*) FROM articles WHERE extractor_version IS NULL OR extractor_version != ?", [extractor_version]
        ).fetchone()[0]

    def replace_facts(self, article_id: int, facts: Iterable[Fact], *, extractor_version: str) -> int:
        """An article's facts replaced by a re-extraction of its stored text; returns their number."""
        try:
            with self._transaction():
                self.db.execute("DELETE FROM facts WHERE article_id = ?", [article_id])
                count = self._insert_facts(article_id, facts)
                self.db.execute("UPDATE articles SET extractor_version = ? WHERE id = ?", [extractor_version, article_id])
                return count
        except sqlite3.Error as e:
            raise StoreError(self.path, f"cannot replace the facts of article {article_id}: {e}") from e

    def captures(self) -> Iterator[tuple[Document, list[Fact], str]]:
        """Every stored article as (Document, its facts, extractor version): what a merge copies."""
        fact_columns = ("subject", "metric", "value", "unit", "text", "start", "end", "ticker", "investor", "as_of", "qualifier", "rule")
        articles = self.db.execute(
            "SELECT a.id, a.url, a.guid, a.title, a.published, a.fetched_at, a.text, a.extractor_version, s.source "
            "FROM articles a LEFT JOIN sources s ON s.id = a.source_id ORDER BY a.id"
        )
        for article_id, url, guid, title, published, fetched_at, text, version, source in articles:
            document = Document(
                text=text,
                url=url,
                guid=guid,
                title=title,
                published=self._parse_iso(published),
                source=source,
                fetched_at=self._parse_iso(fetched_at),
            )
            rows = self.db.execute(
                f"SELECT {', '.join(f'[{c}]' for c in fact_columns)} FROM facts WHERE article_id = ? ORDER BY id",
                [article_id],
            )
            facts = []
            for values in rows:
                fact = dict(zip(fact_columns, values))
                fact["as_of"] = date.fromisoformat(fact["as_of"]) if fact["as_of"] else None
                facts.append(Fact(**fact))
            yield document, facts, version

    def article_state(self, key: str) -> tuple[str, str | None] | None:
        """(content hash, extractor version) of the stored article with ``key``, or None."""
        row = self.db.execute("SELECT content_hash, extractor_version FROM articles WHERE key = ?", [key]).fetchone()
        return (row[0], row[1]) if row else None

    @staticmethod
    def _parse_iso(value: str | None) -> datetime | date | None:
        """A stored ISO date or timestamp back as the date or datetime it was written from."""
        if not value:
            return None
        return datetime.fromisoformat(value) if "T" in value or " " in value else date.fromisoformat(value)

    # -- watch: per-source state for polling -----------------------------------

    def source_row(self, source: str) -> dict | None:
        """The ``sources`` row of ``source`` (etag, last_modified, last_status, ...), or None."""
        cursor = self.db.execute("SELECT * FROM sources WHERE source = ?", [source])
        row = cursor.fetchone()
        return dict(zip([d[0] for d in cursor.description], row)) if row else None

    def record_poll(
        self,
        source: str,
        *,
        kind: str | None = None,
        error: str | None = None,
        changed: bool = True,
        validators: tuple[str | None, str | None] | None = None,
    ) -> None:
        """:meth:`record_source`, plus the (ETag, Last-Modified) to send next
        time when ``validators`` is given, in one transaction. Like
        record_source it writes nothing when nothing changed, so a feed that
        answers 304 leaves the file as it was."""
        try:
            with self._transaction():
                self.record_source(source, kind=kind, error=error, changed=changed)
                if validators is None:
                    return
                row = self.db.execute("SELECT id, etag, last_modified FROM sources WHERE source = ?", [source]).fetchone()
                if (row[1], row[2]) != tuple(validators):
                    self.db["sources"].update(row[0], {"etag": validators[0], "last_modified": validators[1]})
        except sqlite3.Error as e:
            raise StoreError(self.path, f"cannot record the state of {source}: {e}") from e

    def clear_source_error(self, source: str) -> None:
        """Mark a source that failed before as ok again; a source never seen stays unseen."""
        row = self.source_row(source)
        if row is not None and row["last_status"] == "error":
            self.record_source(source, changed=False)

    def sources(self, *, errors_only: bool = False) -> list[dict]:
        """Every source with its state and how many articles it gave, by name."""
        sql = (
            "SELECT s.source, s.kind, s.last_status, s.last_error, s.last_attempt, s.last_success, "
            "s.etag, s.last_modified, (SELECT count(*) FROM articles a WHERE a.source_id = s.id) AS articles "
            "FROM sources s"
        )
        if errors_only:
            sql += " WHERE s.last_status = 'error'"
        cursor = self.db.execute(sql + " ORDER BY s.source")
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, values)) for values in cursor]


#: The columns of each full-text table a search may name ("subject:samsung").
_FTS_COLUMNS = {"facts_fts": {"text", "subject"}, "articles_fts": {"title", "text"}}
_COLUMN_FILTER = re.compile(r'"[^"]*"|\{([^}]*)\}\s*:|\b([A-Za-z_]\w*)\s*:')


def _fts_tables(query: str) -> list[str]:
    """The full-text tables a query can run on: both, unless it names columns
    ("title:record", "{subject text}:hynix") only one of them has."""
    named: set[str] = set()
    for m in _COLUMN_FILTER.finditer(query):
        if m.group(1) is not None:
            named.update(m.group(1).split())
        elif m.group(2) is not None:
            named.add(m.group(2))
    if not named:
        return list(_FTS_COLUMNS)
    unknown = named - set().union(*_FTS_COLUMNS.values())
    if unknown:
        raise QueryError(query, f"no column {', '.join(sorted(unknown))} to search; the columns are subject, text (the evidence) and title")
    tables = [table for table, columns in _FTS_COLUMNS.items() if named <= columns]
    if not tables:
        raise QueryError(query, "subject is a fact's and title an article's: search one of them at a time")
    return tables


class _Transaction:
    """BEGIN IMMEDIATE .. COMMIT, or ROLLBACK on any exception.

    Inside a batch (an open transaction) it is a SAVEPOINT instead, so one
    failing article rolls back alone and the batch goes on.
    """

    def __init__(self, conn: sqlite3.Connection, path: str):
        self.conn = conn
        self.path = path
        self.nested = False

    def __enter__(self):
        self.nested = self.conn.in_transaction
        try:
            self.conn.execute("SAVEPOINT article" if self.nested else "BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            raise StoreError(self.path, f"cannot start a write: {e}") from e
        return self

    def __exit__(self, exc_type, exc, tb):
        if self.nested:
            if exc_type is not None:
                self.conn.execute("ROLLBACK TO article")
            self.conn.execute("RELEASE article")
        elif exc_type is None:
            try:
                self.conn.execute("COMMIT")
            except sqlite3.Error as e:  # a full disk, an I/O error: the writes of this transaction are lost
                if self.conn.in_transaction:
                    try:
                        self.conn.execute("ROLLBACK")
                    except sqlite3.Error:
                        pass
                raise StoreError(self.path, f"cannot commit: {e}{_disk_hint(e)}") from e
        elif self.conn.in_transaction:
            # After some errors (a full disk, an I/O error) SQLite has rolled
            # back already; a ROLLBACK then would fail and hide the cause.
            self.conn.execute("ROLLBACK")
        return False


def _disk_hint(error: sqlite3.Error) -> str:
    """What an I/O error from SQLite most likely means, for the one line the user reads."""
    text = str(error).lower()
    if "disk" in text or "full" in text or "too large" in text or "i/o" in text:
        return " (is the disk full, or a file size limit reached? what was committed before is kept)"
    return ""


_ARTICLE_COLUMNS = (
    "source_id", "key", "url", "guid", "title", "published", "fetched_at", "text", "content_hash", "extractor_version",
)  # fmt: skip
_INSERT_ARTICLE = (
    f"INSERT INTO articles ({', '.join(f'[{c}]' for c in _ARTICLE_COLUMNS)}) "
    f"VALUES ({', '.join(':' + c for c in _ARTICLE_COLUMNS)})"
)
_FACT_COLUMNS = ("article_id", *FACT_FIELDS, "rule")
#: Facts per INSERT: 64 rows of 13 values stay under the 999 variables
#: that SQLite builds before 3.32 allow a statement.
_FACTS_PER_INSERT = 64


@functools.lru_cache(maxsize=_FACTS_PER_INSERT)
def _insert_facts_sql(rows: int) -> str:
    """INSERT of ``rows`` facts in one statement."""
    row = f"({', '.join('?' * len(_FACT_COLUMNS))})"
    return f"INSERT INTO facts ({', '.join(f'[{c}]' for c in _FACT_COLUMNS)}) VALUES {', '.join([row] * rows)}"


def _tidy(row: dict) -> dict:
    # SQLite REAL gives 7844.01 back exactly, but whole won amounts read
    # better as integers: 3760000000000, not 3760000000000.0.
    value = row.get("value")
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        row["value"] = int(value)
    return row


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()
