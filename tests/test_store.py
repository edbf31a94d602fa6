"""The SQLite store: schema, idempotent writes, replacement, transactions."""

from __future__ import annotations

import os
import sys
import sqlite3
from pathlib import Path
from datetime import date, datetime, timedelta, timezone

import pytest

from extractor import Document, Fact, StoreError
from extractor.store import SCHEMA_VERSION, Store

KST = timezone(timedelta(hours=9))


def _doc(text="The KOSPI closed at 2,500.12.", guid="item-1"):
    return Document(
        text=text,
        url="https://news.example/kospi",
        guid=guid,
        title="KOSPI closes higher",
        published=datetime(2026, 5, 14, 11, 0, tzinfo=KST),
        source="fixtures/feed.xml",
    )


def _fact(value=2500.12, start=4):
    return Fact(
        subject="KOSPI",
        metric="index_close",
        value=value,
        unit="points",
        text="The KOSPI closed at 2,500.12.",
        start=0,
        end=29,
        as_of=date(2026, 5, 13),
        rule="index_close.cue",
    )


def _dump(path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        return {
            table: conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
            for table in ("sources", "articles", "facts")
        }
    finally:
        conn.close()


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "facts.db"


def test_new_database_has_schema_version_wal_and_indexes(db_path):
    with Store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        # NORMAL under WAL: commits do not wait for the disk; checkpoints do (README, "Durability")
        assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 1
        indexed = {tuple(index.columns) for index in store.db["facts"].indexes}
    assert {("subject",), ("ticker",), ("metric",), ("as_of",)} <= indexed


def test_a_scratch_store_without_wal_is_one_file_that_can_be_moved_once_closed(tmp_path):
    scratch = tmp_path / "part.tmp"
    with Store(scratch, wal=False) as store:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL: no log beside it to recover from
        with store.batch():
            store.db["sources"].insert({"source": "https://example.test/a", "kind": "html"})
    moved = tmp_path / "part.db"
    scratch.rename(moved)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["part.db"]
    with Store(moved) as store:
        assert store.db.execute("SELECT source FROM sources").fetchall() == [("https://example.test/a",)]


def test_facts_table_has_every_field_of_the_contract(db_path):
    with Store(db_path) as store:
        columns = {c.name for c in store.db["facts"].columns}
    assert {
        "subject", "ticker", "metric", "value", "unit", "investor", "as_of",
        "text", "start", "end", "qualifier", "article_id", "rule",
    } <= columns  # fmt: skip


def test_writing_the_same_article_twice_changes_nothing(db_path):
    with Store(db_path) as store:
        first = store.write(_doc(), [_fact()], extractor_version="v1")
        store.record_source("fixtures/feed.xml", changed=True)
    before = _dump(db_path)
    with Store(db_path) as store:
        second = store.write(_doc(), [_fact()], extractor_version="v1")
        store.record_source("fixtures/feed.xml", changed=False)
    assert (first.action, second.action) == ("inserted", "unchanged")
    assert _dump(db_path) == before


def test_changed_text_replaces_the_articles_facts_in_place(db_path):
    with Store(db_path) as store:
        store.write(_doc(), [_fact(), _fact(value=1.0)], extractor_version="v1")
        result = store.write(_doc(text="The KOSPI closed at 2,611.00."), [_fact(value=2611.0)], extractor_version="v1")
        facts = list(store.facts())
        assert store.counts()["articles"] == 1
    assert result.action == "replaced"
    assert [f["value"] for f in facts] == [2611]
    assert facts[0]["article_title"] == "KOSPI closes higher"


def test_newer_extractor_version_re_extracts_an_unchanged_article(db_path):
    with Store(db_path) as store:
        store.write(_doc(), [_fact()], extractor_version="v1")
        result = store.write(_doc(), [_fact(), _fact(value=3.0)], extractor_version="v2")
        assert result.action == "replaced"
        assert store.counts()["facts"] == 2


def test_a_failed_write_leaves_the_stored_article_and_facts_intact(db_path):
    with Store(db_path) as store:
        store.write(_doc(), [_fact()], extractor_version="v1")
    before = _dump(db_path)
    broken = Fact(subject=None, metric="index_close", value=1, unit="points", text="", start=0, end=0)  # type: ignore[arg-type]
    with Store(db_path) as store:
        with pytest.raises(StoreError, match="cannot store article"):
            store.write(_doc(text="changed text"), [broken], extractor_version="v1")
    assert _dump(db_path) == before


def test_filters_select_facts_and_subject_ignores_case(db_path):
    with Store(db_path) as store:
        store.write(_doc(), [_fact()], extractor_version="v1")
        assert len(list(store.facts(subject="kospi", metric="index_close"))) == 1
        assert list(store.facts(subject="KOSDAQ")) == []
        assert len(list(store.facts(since=date(2026, 5, 13), until=date(2026, 5, 13)))) == 1
        assert list(store.facts(since=date(2026, 5, 14))) == []


def test_database_from_a_newer_marketfacts_is_refused(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer than this marketfacts"):
        Store(db_path)


def test_a_file_that_is_not_sqlite_is_refused_with_its_name(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not a database file at all" * 100)
    with pytest.raises(StoreError, match="notes.db"):
        Store(path)


def test_a_batch_commits_many_articles_and_a_failed_one_rolls_back_alone(db_path):
    broken = Fact(subject=None, metric="index_close", value=1, unit="points", text="", start=0, end=0)  # type: ignore[arg-type]
    with Store(db_path) as store:
        with store.batch():
            store.write(_doc(guid="a"), [_fact()], extractor_version="v1")
            with pytest.raises(StoreError):
                store.write(_doc(guid="b"), [broken], extractor_version="v1")
            store.write(_doc(guid="c"), [_fact()], extractor_version="v1")
    keys = [row[0] for row in sqlite3.connect(db_path).execute("SELECT key FROM articles ORDER BY key")]
    assert keys == ["a", "c"]


def test_an_interrupted_batch_stores_nothing_of_it(db_path):
    with Store(db_path) as store:
        with pytest.raises(KeyboardInterrupt):
            with store.batch():
                store.write(_doc(guid="a"), [_fact()], extractor_version="v1")
                raise KeyboardInterrupt
        assert store.counts()["articles"] == 0


def test_an_article_with_more_facts_than_one_insert_holds_stores_them_all_in_order(db_path):
    # Facts go in 64 to a statement; 150 is two full statements and a short one.
    facts = [
        Fact(
            subject=f"Company {i}",
            metric="close_price",
            value=1000 + i,
            unit="KRW",
            text=f"Company {i} closed at {1000 + i} won.",
            start=0,
            end=20,
            as_of=date(2026, 5, 13),
            rule="close_price.cue",
        )
        for i in range(150)
    ]
    with Store(db_path) as store:
        written = store.write(_doc(), facts, extractor_version="v1")
        assert written.facts == 150
        rows = store.db.execute("SELECT subject, value, as_of, rule, article_id FROM facts ORDER BY id").fetchall()
        assert rows == [(f"Company {i}", 1000 + i, "2026-05-13", "close_price.cue", written.article_id) for i in range(150)]
        # the full-text index holds every one of them
        hits = store.db.execute("SELECT rowid FROM facts_fts WHERE facts_fts MATCH '\"Company 149\"'").fetchall()
        assert len(hits) == 1
        assert store.db.execute("SELECT count(*) FROM facts_fts WHERE facts_fts MATCH 'closed'").fetchone()[0] == 150


def test_a_stored_fact_row_is_the_facts_to_dict(db_path):
    fact = Fact(subject="Samsung Electronics", metric="net_buy", value=-1.5e11, unit="KRW", text="t", start=1, end=2,
                ticker="005930", investor="foreign", as_of=date(2026, 5, 13), qualifier="approx", rule="net_buy.cue")
    undated = Fact(subject="KOSPI", metric="index_close", value=2500.12, unit="points", text="u", start=0, end=1)
    with Store(db_path) as store:
        written = store.write(_doc(), [fact, undated], extractor_version="v1")
        store.db.conn.row_factory = sqlite3.Row
        rows = [dict(r) for r in store.db.conn.execute("SELECT * FROM facts ORDER BY id")]
    for row, expected in zip(rows, (fact, undated)):
        assert row.pop("id") and row.pop("article_id") == written.article_id
        want = expected.to_dict(with_rule=True)
        assert row == {**want, "value": int(want["value"]) if float(want["value"]).is_integer() else want["value"]}


def _open_at_once(path: str, start, errors) -> None:
    start.wait()
    try:
        Store(path).close()
    except Exception as e:  # reported to the parent
        errors.put(f"{type(e).__name__}: {e}")


def test_processes_opening_a_new_database_at_once_all_succeed(tmp_path):
    import multiprocessing

    context = multiprocessing.get_context("fork")
    for attempt in range(4):
        path = str(tmp_path / f"race{attempt}.db")
        start, errors = context.Event(), context.Queue()
        processes = [context.Process(target=_open_at_once, args=(path, start, errors)) for _ in range(4)]
        for p in processes:
            p.start()
        start.set()
        for p in processes:
            p.join(timeout=60)
        found = []
        while not errors.empty():
            found.append(errors.get())
        assert found == [], found
        with Store(path) as store:
            assert store.schema_version == SCHEMA_VERSION


def test_a_write_waits_for_another_connections_lock_instead_of_failing(db_path):
    import sqlite3
    import threading

    with Store(db_path):
        pass
    holder = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # another process's long batch
    release = threading.Timer(6.0, holder.execute, args=("COMMIT",))  # longer than sqlite3's default 5 s
    release.start()
    try:
        with Store(db_path) as store:
            with store.batch():
                store.db["sources"].insert({"source": "https://example.test/late", "kind": "html"})
            assert store.db.execute("SELECT count(*) FROM sources WHERE source = 'https://example.test/late'").fetchone()[0] == 1
    finally:
        release.join()
        holder.close()


def test_a_database_that_fails_stops_an_ingest_with_one_report(tmp_path, monkeypatch):
    from extractor.errors import StoreError
    from extractor.ingest import ingest

    calls = []
    real_write = Store.write

    def failing_write(self, document, facts, **kwargs):
        calls.append(document.key)
        if len(calls) >= 2:
            raise StoreError(self.path, f"cannot store article {document.key!r}: database or disk is full")
        return real_write(self, document, facts, **kwargs)

    monkeypatch.setattr(Store, "write", failing_write)
    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
    with Store(tmp_path / "f.db") as store:
        summary = ingest([fixtures], store)
        stored = store.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert len(calls) == 2 and stored == 1  # stopped at the failure, not 40 more "cannot store" lines
    assert [("disk is full" in str(e)) for e in summary.errors] == [True]
    assert "stopped early" in summary.line()


def _copy_with_facts(tmp_path) -> Path:
    from extractor.ingest import ingest

    path = tmp_path / "shared" / "facts.db"
    path.parent.mkdir()
    with Store(path) as store:
        ingest([Path(__file__).resolve().parents[1] / "fixtures" / "articles" / "yonhap_close_2025-08-01.txt"], store)
    return path


def test_a_database_that_cannot_be_written_is_still_read(tmp_path, monkeypatch):
    from extractor.errors import StoreError

    path = _copy_with_facts(tmp_path)

    def cannot_write(self, *args, **kwargs):
        raise StoreError(str(path), "cannot open database: attempt to write a readonly database")

    monkeypatch.setattr(Store, "__init__", cannot_write)  # as opening a file in a read-only directory does
    with Store.for_reading(path) as store:
        facts = list(store.facts(metric="index_close"))
    assert ("KOSPI", 3119.41) in [(f["subject"], f["value"]) for f in facts]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads and writes through permissions")
def test_a_database_in_a_read_only_directory_is_read(tmp_path):
    path = _copy_with_facts(tmp_path)
    path.chmod(0o444)
    path.parent.chmod(0o555)
    try:
        with Store.for_reading(path) as store:
            assert list(store.facts(metric="index_close"))
    finally:
        path.parent.chmod(0o755)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_FSIZE stands in for a full disk")
@pytest.mark.parametrize("extra, limit", [([], 1_500_000), (["--workers", "1", "--batch-size", "5"], 700_000)], ids=["ingest", "backfill"])
def test_a_full_disk_is_reported_once_as_what_it_is(tmp_path, extra, limit):
    import resource
    import subprocess

    def small_disk():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
    result = subprocess.run(
        [sys.executable, "-m", "extractor", "ingest", str(fixtures), str(fixtures), "--db", str(tmp_path / "f.db"), "-q", *extra],
        capture_output=True, text=True, preexec_fn=small_disk, timeout=300,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    failures = [line for line in result.stderr.splitlines() if "cannot" in line]
    assert len(failures) == 1 and "disk" in failures[0] and "rollback" not in failures[0]
    assert "articles read" in result.stdout  # and the summary of what landed before
