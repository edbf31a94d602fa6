"""Backfill with worker processes: same rows as one process, resumable after kill -9, bad records reported."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_archive import write_jsonl, write_warc

from extractor.cli import main
from extractor.documents import Document
from extractor.errors import StoreError
from extractor.ingest import ingest
from extractor.model import Fact
from extractor.parallel import backfill
from extractor.parallel import run_unit as _real_run_unit
from extractor.store import Store

ROOT = Path(__file__).resolve().parents[1]
# Big enough that a kill lands partway (after 40 of TOTAL stored), small enough to run fast.
PER_ARCHIVE = 100
TOTAL = 2 * PER_ARCHIVE


def rows(db: str | Path) -> tuple[list[tuple], list[tuple]]:
    """Articles and facts by content, not by id: ids depend on the order of writes."""
    conn = sqlite3.connect(db)
    try:
        articles = conn.execute(
            "SELECT a.key, a.url, a.guid, a.title, a.published, a.fetched_at, a.text, a.content_hash, "
            "a.extractor_version, s.source FROM articles a LEFT JOIN sources s ON s.id = a.source_id"
        ).fetchall()
        facts = conn.execute(
            "SELECT a.key, f.subject, f.ticker, f.metric, f.value, f.unit, f.investor, f.as_of, f.text, f.start, "
            "f.[end], f.qualifier, f.rule FROM facts f JOIN articles a ON a.id = f.article_id"
        ).fetchall()
    finally:
        conn.close()
    key = lambda row: tuple("" if v is None else str(v) for v in row)  # noqa: E731
    return sorted(articles, key=key), sorted(facts, key=key)


@pytest.fixture(scope="module")
def archives(tmp_path_factory) -> list[str]:
    root = tmp_path_factory.mktemp("archives")
    write_warc(root / "news.warc.gz", PER_ARCHIVE)
    write_jsonl(root / "lines.jsonl", PER_ARCHIVE)
    return [str(root / "news.warc.gz"), str(root / "lines.jsonl")]


@pytest.fixture(scope="module")
def uninterrupted(archives, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("clean") / "facts.db"
    with Store(db) as store:
        summary = backfill(archives, store, workers=2, chunk_bytes=16_384)
    assert summary.ok and summary.documents == TOTAL and summary.inserted == TOTAL
    return db


def test_workers_store_the_same_rows_as_the_one_process_ingest(archives, uninterrupted, tmp_path):
    db = tmp_path / "serial.db"
    with Store(db) as store:
        assert ingest(archives, store).ok
    assert rows(db) == rows(uninterrupted)
    assert len(rows(db)[1]) > 1000


def test_kill_9_partway_then_a_second_run_gives_exactly_the_rows_of_an_uninterrupted_run(archives, uninterrupted, tmp_path):
    db = tmp_path / "killed.db"
    command = [sys.executable, "-m", "extractor", "ingest", *archives, "--db", str(db), "--workers", "2", "--chunk-size", "16384", "--batch-size", "20", "-q"]
    run = subprocess.Popen(command, cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while _count(db) < 40 and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        os.killpg(run.pid, signal.SIGKILL)  # the parent and its workers, mid-batch
        run.wait()
    stored = _count(db)
    assert 40 <= stored < TOTAL, "the run was not stopped partway"
    with Store(db) as store:
        committed = sum(row["records"] for row in store.progress().values())
    assert committed > 0, "progress is committed with the articles it covers"

    resumed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert rows(db) == rows(uninterrupted)
    assert "0 errors" in resumed.stdout
    read_again = int(resumed.stdout.split(" articles read")[0])
    assert read_again < TOTAL, "the second run started over instead of resuming"


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def test_a_full_disk_stops_the_run_with_one_error_and_the_next_run_completes_it(archives, uninterrupted, tmp_path):
    db = tmp_path / "full.db"
    with Store(db) as store:
        # SQLite's own 'database or disk is full', at about half the pages the whole run needs
        full = sqlite3.connect(uninterrupted).execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {full // 2}")
        with pytest.raises(StoreError) as caught:
            backfill(archives, store, workers=2, chunk_bytes=16_384, batch_size=50)
        assert "full" in str(caught.value)
        assert 0 < store.db["articles"].count < TOTAL
    with Store(db) as store:
        summary = backfill(archives, store, workers=2, chunk_bytes=16_384)
    assert summary.ok
    assert rows(db) == rows(uninterrupted)


def test_a_second_run_skips_done_files_and_reads_a_changed_one_again(archives, uninterrupted, tmp_path):
    db = tmp_path / "again.db"
    with Store(db) as store:
        backfill(archives, store, workers=1, chunk_bytes=16_384)
        again = backfill(archives, store, workers=1, chunk_bytes=16_384)
        assert again.documents == 0 and again.sources_skipped == 2
        progress = store.progress()
        assert {p["done"] for p in progress.values()} == {1}
        assert progress[archives[1]]["records"] == PER_ARCHIVE and progress[archives[1]]["offset"] == Path(archives[1]).stat().st_size
        os.utime(archives[1])  # touched: read again, and every article comes out unchanged
        touched = backfill(archives, store, workers=1, chunk_bytes=16_384)
        assert touched.sources_skipped == 1 and touched.documents == PER_ARCHIVE and touched.unchanged == PER_ARCHIVE
    assert rows(db)[1] == rows(uninterrupted)[1]


def test_corrupted_warc_among_good_ones_is_reported_with_file_and_offset_and_the_rest_lands(tmp_path):
    good, bad, lines = tmp_path / "good.warc.gz", tmp_path / "bad.warc.gz", tmp_path / "lines.jsonl"
    write_warc(good, 8, extras=False)
    offsets = write_warc(bad, 8, first=100, extras=False)
    data = bytearray(bad.read_bytes())
    data[offsets[3] + 20 : offsets[3] + 60] = bytes(40)
    bad.write_bytes(bytes(data[: offsets[7] + 50]))  # and cut inside its last record
    write_jsonl(lines, 5)
    db = tmp_path / "facts.db"
    result = CliRunner().invoke(main, ["ingest", str(good), str(bad), str(lines), "--db", str(db), "--workers", "2", "-q"])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("marketfacts: error:")]
    assert sorted(e.split(": ")[2] for e in errors) == sorted([f"{bad}@{offsets[3]}", f"{bad}@{offsets[7]}"])
    assert "19 articles read: 19 new" in result.output and "2 errors" in result.output
    with Store(db) as store:
        sources = {row["source"]: row for row in store.db["sources"].rows}
        assert sources[str(bad)]["last_status"] == "error" and sources[str(good)]["last_status"] == "ok"


def test_a_gzip_json_lines_dump_is_one_unit_read_to_its_end(tmp_path):
    write_jsonl(tmp_path / "dump.jsonl.gz", 40, compress=True)
    with Store(tmp_path / "facts.db") as store:
        summary = backfill([tmp_path / "dump.jsonl.gz"], store, workers=1, chunk_bytes=1024)
        (progress,) = store.progress().values()
    assert summary.ok and summary.inserted == 40
    assert progress["done"] == 1 and progress["records"] == 40


def _deadly_run_unit(unit, *args):
    """run_unit, except that the worker reading poison.jsonl dies on the spot (as under the OOM killer)."""
    if unit.source.endswith("poison.jsonl"):
        os._exit(9)
    return _real_run_unit(unit, *args)


@pytest.mark.skipif(sys.platform == "win32", reason="needs fork to patch the workers")
def test_a_unit_that_kills_its_worker_is_reported_and_skipped_and_the_rest_lands(tmp_path, monkeypatch):
    import extractor.parallel as parallel

    for first, name in enumerate(("a.jsonl", "poison.jsonl", "b.jsonl")):
        write_jsonl(tmp_path / name, 6, first=100 * first)
    monkeypatch.setattr(parallel, "run_unit", _deadly_run_unit)
    with Store(tmp_path / "facts.db") as store:
        # fork: the children get the patched function; spawn would import the real one
        summary = backfill([tmp_path], store, workers=2, start_method="fork")
        progress = store.progress()
    assert [str(e) for e in summary.errors] == [f"{tmp_path / 'poison.jsonl'}@0: a worker died reading this; skipped"]
    assert summary.inserted == 12
    assert progress[str(tmp_path / "poison.jsonl")]["done"] == 1  # reported, not retried forever


def test_later_capture_of_an_article_wins_whatever_order_they_are_written_in(tmp_path):
    def capture(text: str, day: int) -> Document:
        return Document(text=text, url="https://a.example/1", fetched_at=datetime(2026, 1, day, tzinfo=timezone.utc))

    fact = Fact(subject="KOSPI", metric="index_close", value=1.0, unit="points", text="x", start=0, end=1)
    results = []
    for order in ((capture("old", 1), capture("new", 2)), (capture("new", 2), capture("old", 1))):
        with Store(tmp_path / f"{len(results)}.db") as store:
            actions = [store.write_capture(doc, [fact], extractor_version="v").action for doc in order]
            results.append((actions, store.db.execute("SELECT text, fetched_at FROM articles").fetchall()))
    assert results[0][0] == ["inserted", "replaced"] and results[1][0] == ["inserted", "superseded"]
    assert results[0][1] == results[1][1] == [("new", "2026-01-02T00:00:00+00:00")]


def test_reextract_replaces_the_facts_of_articles_from_an_older_rule_set(uninterrupted, tmp_path):
    db = tmp_path / "stale.db"
    db.write_bytes(uninterrupted.read_bytes())
    with Store(db) as store:
        store.db.execute("UPDATE articles SET extractor_version = 'old' WHERE id % 2 = 0")
        store.db.execute("DELETE FROM facts WHERE article_id IN (SELECT id FROM articles WHERE id % 2 = 0)")
        stale = store.count_stale(store.db.execute("SELECT extractor_version FROM articles WHERE id = 1").fetchone()[0])
        assert stale == PER_ARCHIVE
    result = CliRunner().invoke(main, ["reextract", "--db", str(db), "--workers", "2", "-q"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"{PER_ARCHIVE} articles re-extracted")
    assert rows(db) == rows(uninterrupted)
    again = CliRunner().invoke(main, ["reextract", "--db", str(db), "--workers", "1", "-q"])
    assert again.output.startswith("0 articles re-extracted")


def test_ingest_without_workers_reads_archives_too(tmp_path):
    write_warc(tmp_path / "a.warc.gz", 3, extras=False)
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "a.warc.gz"), "--db", str(tmp_path / "f.db"), "-q"])
    assert result.exit_code == 0 and result.output.startswith("3 articles read: 3 new")


def test_every_new_command_and_option_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for text in ("marketfacts reextract", "marketfacts merge", "--workers", "--engine dask", "--scheduler", "--parts", "--chunk-size", "--batch-size"):
        assert text in readme, text


class _PoolThatBreaksOnSubmit:
    """A pool whose workers died between two waits: the next submit raises
    BrokenProcessPool (as concurrent.futures does); after restart it runs units here."""

    workers = 1

    def __init__(self):
        self.broken, self.restarts = True, 0

    def submit(self, fn, *args):
        from concurrent.futures import Future
        from concurrent.futures.process import BrokenProcessPool

        if self.broken:
            raise BrokenProcessPool("a child process terminated abruptly")
        future = Future()
        future.set_result(fn(*args))
        return future

    def restart(self):
        self.broken, self.restarts = False, self.restarts + 1

    def close(self):
        pass


def test_a_pool_found_broken_at_submit_is_started_again_and_the_unit_read(tmp_path):
    from extractor import parallel

    write_jsonl(tmp_path / "a.jsonl", 4)
    pool = _PoolThatBreaksOnSubmit()
    with Store(tmp_path / "f.db") as store:
        summary = parallel.BackfillSummary()
        plans, others, _ = parallel.plan_files([tmp_path / "a.jsonl"], {}, summary)
        writer = parallel._Writer(store, "test", summary, 500, None, None)
        parallel._run(pool, parallel._units(plans, others, 1 << 20), writer, None)
        writer.flush()
    assert pool.restarts == 1 and summary.documents == 4 and summary.ok


def _slow_on_a_marker(real):
    def extract_article(text, published=None, *, title=None):
        if "SLOW-RECORD" in text:
            time.sleep(30)
        return real(text, published, title=title)

    return extract_article


@pytest.mark.skipif(sys.platform == "win32", reason="needs fork to patch the workers, and SIGALRM")
@pytest.mark.parametrize("workers", [None, 2], ids=["ingest", "backfill"])
def test_a_record_over_its_time_budget_is_named_with_its_offset_and_the_run_goes_on(tmp_path, monkeypatch, workers):
    import json

    import extractor.nlp.pipeline as pipeline

    monkeypatch.setattr(pipeline, "extract_article", _slow_on_a_marker(pipeline.extract_article))
    lines = tmp_path / "day.jsonl"
    rows = [{"url": f"https://lines.example/{i}", "published": "2026-03-04", "text": f"The KOSPI rose 1.{i}% to 2,611.05 on Tuesday."} for i in range(5)]
    rows[2]["text"] += " SLOW-RECORD"
    lines.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    slow_at = sum(len(json.dumps(r)) + 1 for r in rows[:2])
    with Store(tmp_path / "f.db") as store:
        if workers is None:
            summary = ingest([lines], store, record_budget=1.0)
        else:
            summary = backfill([lines], store, workers=workers, record_budget=1.0, start_method="fork")
        urls = {row[0] for row in store.db.execute("SELECT url FROM articles")}
    assert urls == {f"https://lines.example/{i}" for i in (0, 1, 3, 4)}
    (error,) = summary.errors
    assert str(error).startswith(f"{lines}@{slow_at}") and "took over 1 s to extract" in str(error)


def test_an_archive_named_by_two_paths_is_one_file_for_resume(tmp_path, monkeypatch):
    (tmp_path / "data").mkdir()
    write_jsonl(tmp_path / "data" / "lines.jsonl", 6)
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    with Store(tmp_path / "f.db") as store:
        first = backfill(["../data/lines.jsonl"], store, workers=1)
        again = backfill([str(tmp_path / "data" / "lines.jsonl")], store, workers=1)
        rows = store.db.execute("SELECT source FROM progress").fetchall()
    assert first.documents == 6 and again.sources_skipped == 1 and again.documents == 0
    assert rows == [(str((tmp_path / "data" / "lines.jsonl").resolve()),)]
    os.link(tmp_path / "data" / "lines.jsonl", tmp_path / "data" / "same.jsonl")  # one file, two names
    with Store(tmp_path / "g.db") as store:
        both = backfill([tmp_path / "data"], store, workers=1)
    assert both.documents == 6
