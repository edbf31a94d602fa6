"""Backfill: worker processes extract, the parent alone writes SQLite.

    marketfacts ingest ARCHIVE ... --workers N

The inputs are cut into *units*: a whole file for a page, a feed or a text
file, and byte ranges of about :data:`CHUNK_BYTES` (cut at record starts)
for a WARC or a plain JSON-lines dump, so that two workers share even one
big archive. Each worker process builds the spaCy pipeline once and runs
:func:`run_unit`: read the unit, extract every article, and hand back plain
data (Documents and Facts, never spaCy Docs: pickling a Doc costs more than
our rules, which is why ``nlp.pipe(n_process=...)`` is slower here than one
process).

The parent writes the results in transactions of about :data:`BATCH_SIZE`
articles (``Store.batch``), and in the *same* transaction records in the
``progress`` table how far each file is done, so the two never disagree:

- **Idempotent.** Articles are written with ``Store.write_capture``: an
  article stored with the same content hash and extractor version is left
  as it is, and of two captures of one URL the later one wins whatever the
  order they arrive in. Running the same backfill twice, or redoing a unit,
  changes nothing.
- **Resumable.** A file whose size and mtime match a ``done`` progress row
  is skipped without being read; one that was partly done starts again at
  its committed ``offset``: the end of the longest run of finished units
  from its start (units finish out of order; those past the run are redone
  and come out 'unchanged'). A run stopped at any point (Ctrl-C,
  ``kill -9``, a full disk) loses at most the uncommitted batch, and the
  next run ends with exactly the rows of an uninterrupted one.

A worker that dies (killed, out of memory) breaks the pool: the pool is
started again and the units it held are retried once; a unit that kills a
worker twice is reported as an error and skipped.

The library never prints: progress and errors go to the callbacks.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from .budget import DEFAULT_SECONDS
from .children import die_with_parent
from .documents import Document
from .errors import MarketfactsError, ReadError, StoreError
from .ingest import IngestSummary, extract_record
from .model import Fact
from .readers.archive import ArchiveStats, archive_kind, read_archive, split
from .readers import is_url
from .readers.directory import walk
from .store import Store

#: Bytes of archive per unit of work: small enough that a stopped run
#: loses little and the progress bar moves, large enough that a unit's
#: overhead (a task, an open, a seek) does not show.
CHUNK_BYTES = 256 * 1024
#: Articles per write transaction.
BATCH_SIZE = 500
#: ... or this many seconds since the last commit, whichever comes first.
BATCH_SECONDS = 2.0
#: Units handed to the pool ahead of the workers, per worker.
UNITS_AHEAD = 3

#: Archive kinds that split() cuts into byte ranges; the others are one unit.
SPLITTABLE = ("warc", "warc.gz", "jsonl")


@dataclass(frozen=True)
class Unit:
    """One piece of work: a whole input, or the records of a file that start in [start, end)."""

    source: str
    kind: str  # "input" (read whole by the ordinary readers) or an archive kind
    start: int = 0
    end: int | None = None


@dataclass
class UnitResult:
    """What a worker hands back for one unit: plain data only."""

    unit: Unit
    articles: list[tuple[Document, list[Fact]]] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (where, reason)
    records: int = 0
    skipped: int = 0
    unrelated: int = 0  # archive records not kept: stopped by the gate, or naming nothing


@dataclass
class Progress:
    """Passed to ``on_progress`` after every commit."""

    bytes_done: int
    bytes_total: int
    documents: int
    facts: int
    errors: int
    elapsed: float
    records: int = 0  # archive records read (every WARC record, every JSON line)
    unrelated: int = 0  # of them, skipped as unrelated


@dataclass
class BackfillSummary(IngestSummary):
    superseded: int = 0
    records: int = 0  # archive records read, of every kind
    records_skipped: int = 0  # archive records that are not articles (requests, images, redirects)
    sources_skipped: int = 0  # files already done in an earlier run, not read again
    interrupted: bool = False

    def line(self) -> str:
        extra = []
        if self.records:
            extra.append(f"{self.records} archive records read")
        if self.superseded:
            extra.append(f"{self.superseded} older captures")
        if self.records_skipped:
            extra.append(f"{self.records_skipped} non-article records skipped")
        if self.sources_skipped:
            extra.append(f"{self.sources_skipped} files already done")
        return super().line() + "".join(f"; {e}" for e in extra)


# -- the worker side -----------------------------------------------------------


def init_worker(parent: int | None = None) -> None:
    """Once per worker process: the parent handles Ctrl-C; the worker ends
    when the parent does, however it dies; build the pipeline now."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)
    from .nlp.pipeline import extractor_version, load_pipeline

    load_pipeline()
    extractor_version()


def run_unit(
    unit: Unit, published: date | datetime | None = None, keep_all: bool = False, budget: float | None = DEFAULT_SECONDS
) -> UnitResult:
    """Read one unit and extract its articles: the function every engine runs.

    Unless ``keep_all``, an archive's records go through the relevance
    gate, and one that yields no fact and names no company or market is
    left out of the result (counted in ``unrelated``). A record whose
    extraction takes over ``budget`` seconds is reported and skipped.
    """
    from .readers import read_all
    from .readers.relevance import default_gate

    result = UnitResult(unit)
    stats = ArchiveStats()
    gate = None if keep_all else default_gate()
    if unit.kind == "input":
        items: Iterable[Document | ReadError] = read_all([unit.source], published=published, gate=gate, stats=stats)
    else:
        items = _archive_items(unit, published, stats, gate)
    for item in items:
        if isinstance(item, ReadError):
            result.errors.append((item.source, item.reason))
            continue
        try:
            facts = extract_record(item, budget)
        except MarketfactsError as e:
            result.errors.append((item.report_name, str(e)))
            continue
        except Exception as e:  # a bug on one article must not sink the unit
            result.errors.append((item.report_name, f"extraction failed: {type(e).__name__}: {e}"))
            continue
        if facts is None:
            result.unrelated += 1
            continue
        item.tables = []  # not stored; no need to send them back
        result.articles.append((item, facts))
    result.records = stats.records if unit.kind != "input" else len(result.articles) + len(result.errors)
    result.skipped = sum(stats.skipped.values())
    result.unrelated += stats.unrelated
    return result


def _archive_items(unit: Unit, published, stats: ArchiveStats, gate) -> Iterator[Document | ReadError]:
    try:
        yield from read_archive(
            unit.source, kind=unit.kind, published=published, start=unit.start, end=unit.end, stats=stats, gate=gate  # type: ignore[arg-type]
        )
    except ReadError as e:
        yield e


# -- planning: files, what is left of them, units ----------------------------------


@dataclass
class _FilePlan:
    source: str
    size: int
    mtime: float
    start: int = 0
    records: int = 0  # records before ``start``, from the progress row
    ranges: list[tuple[int, int]] = field(default_factory=list)
    finished: dict[int, int] = field(default_factory=dict)  # start of a finished range -> its records
    committed: int = 0  # ranges[:committed] are finished and recorded
    errors: list[str] = field(default_factory=list)
    changed: bool = False


def plan_files(
    sources: Iterable[str | Path], progress: dict[str, dict], summary: BackfillSummary, database: str | None = None
) -> tuple[list[_FilePlan], list[Unit], list[ReadError]]:
    """Files to read (with where to start), inputs that are not files (URLs), and listing errors.

    ``database`` (and its -wal and -shm files) is left out: a backfill of
    the directory that holds its own database must not read it.
    """
    own = {str(Path(f"{database}{suffix}").resolve()) for suffix in ("", "-wal", "-shm", "-journal")} if database else set()
    files: list[_FilePlan] = []
    others: list[Unit] = []
    errors: list[ReadError] = []
    seen: set[str] = set()  # a file named twice (or inside a directory also named) is read once
    seen_files: set[tuple[int, int]] = set()  # (device, inode) of the files taken
    for source in sources:
        if is_url(source):
            others.append(Unit(source, "input"))
            continue
        path = Path(source)
        paths: Iterable[Path | ReadError] = walk(path) if path.is_dir() else [path]
        for item in paths:
            if isinstance(item, ReadError):
                errors.append(item)
                continue
            # Keyed on the resolved path: the same archive named as
            # "../data/x" and "/tmp/data/x" (or through a symlink) is one file,
            # read once and resumed wherever it is named from.
            try:
                name = str(item.resolve())
            except (OSError, RuntimeError):
                name = str(item)
            if name in seen or name in own:
                continue
            seen.add(name)
            try:
                st = item.stat()
            except OSError:
                others.append(Unit(str(item), "input"))  # the reader names the problem
                continue
            if (st.st_dev, st.st_ino) in seen_files:
                continue  # the same file under another name (a hard link): read once
            seen_files.add((st.st_dev, st.st_ino))
            row = progress.get(name) or progress.get(str(item))  # rows written before paths were resolved
            plan = _FilePlan(name, st.st_size, st.st_mtime)
            if row and row["size"] == st.st_size and row["mtime"] == st.st_mtime:
                if row["done"]:
                    summary.sources_skipped += 1
                    continue
                plan.start, plan.records = row["offset"] or 0, row["records"] or 0
            files.append(plan)
    return files, others, errors


def _units(files: list[_FilePlan], others: list[Unit], chunk_bytes: int) -> Iterator[tuple[_FilePlan | None, Unit]]:
    for unit in others:
        yield None, unit
    for plan in files:
        kind = archive_kind(plan.source)
        if kind is None:
            plan.ranges = [(0, plan.size)]
            yield plan, Unit(plan.source, "input", 0, plan.size)
            continue
        try:
            plan.ranges = split(plan.source, kind, chunk_bytes, plan.start)
        except OSError:
            plan.ranges = [(plan.start, plan.size)]  # the reader reports it
        if not plan.ranges:  # resumed exactly at the end
            plan.ranges = [(plan.start, plan.start)]
        if kind in SPLITTABLE:
            for start, end in plan.ranges:
                yield plan, Unit(plan.source, kind, start, end)
        else:  # one gzip stream: read to its end (its records' offsets are in the decompressed data)
            yield plan, Unit(plan.source, kind, 0, None)


# -- the parent: pool, batches, progress ----------------------------------------------


def current_version() -> str:
    """The extractor version, as a worker sees it."""
    from .nlp.pipeline import extractor_version

    return extractor_version()


def _context(start_method: str | None):
    method = start_method or default_context()
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(["extractor.parallel", "extractor.nlp.pipeline"])
    return context


def default_context() -> str:
    """spawn: each worker is a fresh interpreter that holds no SQLite handle,
    lock or thread of the parent. Measured on this 2-core machine, pools of
    two workers were ready (pipeline built) in the same ~2 s with spawn and
    forkserver (spaCy preloaded), forkserver costing one more process; fork
    was 0.4 s faster but copies the parent's SQLite connection and threads."""
    return "spawn"


def backfill(
    sources: Iterable[str | Path],
    store: Store,
    *,
    workers: int = 2,
    published: date | datetime | None = None,
    keep_all: bool = False,
    record_budget: float | None = DEFAULT_SECONDS,
    chunk_bytes: int = CHUNK_BYTES,
    batch_size: int = BATCH_SIZE,
    start_method: str | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    on_error: Callable[[MarketfactsError], None] | None = None,
    summary: BackfillSummary | None = None,
) -> BackfillSummary:
    """Ingest ``sources`` with ``workers`` processes; see the module doc.

    Archive records go through the relevance gate and only those that yield
    a fact or name a company or market are stored, unless ``keep_all``.

    ``summary``, when given, is filled in as the run goes, so a caller
    still has the tally when Ctrl-C (KeyboardInterrupt) ends the run.
    """
    from .companies import default_gazetteer

    summary = summary if summary is not None else BackfillSummary()
    files, others, listing_errors = plan_files(sources, store.progress(), summary, store.path)
    for error in listing_errors:
        _report(summary, error, on_error)
    if store.db["companies"].count == 0:  # as ingest() does: the table facts' tickers join
        store.replace_companies(default_gazetteer())
    pool = _Pool(workers, _context(start_method))
    try:
        # The version comes from a worker: the parent never loads spaCy (a
        # second and ~100 MB saved), and the workers' rules are what counts.
        writer = _Writer(store, pool.submit(current_version).result(), summary, batch_size, on_progress, on_error)
        writer.bytes_total = sum(plan.size - plan.start for plan in files)
        units = _units(files, others, chunk_bytes)
        _run(pool, units, writer, published, keep_all, record_budget)
        writer.flush()
    except KeyboardInterrupt:
        summary.interrupted = True
        if "writer" in locals():
            writer.flush()  # what is finished is kept; the next run starts after it
        raise
    finally:
        pool.close()
    return summary


def _run(
    pool: _Pool, units: Iterator[tuple[_FilePlan | None, Unit]], writer: _Writer, published, keep_all: bool = False, budget: float | None = None
) -> None:
    inflight: dict[Future, tuple[_FilePlan | None, Unit]] = {}
    # Units that were in the pool when a worker died run one at a time, so
    # the one that kills a worker is known; killing one twice skips it.
    suspects: list[tuple[_FilePlan | None, Unit]] = []
    deaths: dict[Unit, int] = {}
    exhausted = False
    empty_restarts = 0
    while True:
        while True:
            if suspects:
                if inflight:
                    break
                job = suspects.pop(0)
            elif exhausted or len(inflight) >= pool.workers * UNITS_AHEAD:
                break
            elif (job := next(units, None)) is None:
                exhausted = True
                break
            try:
                inflight[pool.submit(run_unit, job[1], published, keep_all, budget)] = job
            except BrokenProcessPool:  # a worker died since the last wait: the jobs below go to a new pool
                suspects.insert(0, job)
                break
        if not inflight and not suspects:
            return
        done, _ = wait(inflight, timeout=BATCH_SECONDS, return_when=FIRST_COMPLETED) if inflight else (set(), set())
        broken = []
        if not inflight and suspects:
            # The pool broke before any of these jobs got into it. A pool
            # whose workers die on start (a broken install) is not retried forever.
            empty_restarts += 1
            if empty_restarts > 3:
                raise MarketfactsError("worker processes die as they start; run with --workers 1 to see why, or without --workers")
            pool.restart()
        else:
            empty_restarts = 0
        for future in done:
            plan, unit = job = inflight.pop(future)
            try:
                result = future.result()
            except BrokenProcessPool:
                broken.append(job)
                continue
            except Exception as e:  # a bug outside the per-article guard: report the unit, go on
                result = UnitResult(unit, errors=[(_where(unit), f"unit failed: {type(e).__name__}: {e}")])
            writer.add(plan, result)
        if broken:
            jobs = broken + list(inflight.values())
            alone = len(jobs) == 1
            inflight.clear()
            pool.restart()
            for plan, unit in jobs:
                deaths[unit] = deaths.get(unit, 0) + alone
                if deaths[unit] >= 2:
                    writer.add(plan, UnitResult(unit, errors=[(_where(unit), "a worker died reading this; skipped")]))
                else:
                    suspects.append((plan, unit))
        writer.maybe_flush()


def _where(unit: Unit) -> str:
    return unit.source if unit.kind == "input" else f"{unit.source}@{unit.start}"


class _Pool:
    """A ProcessPoolExecutor that can be started again after a worker died."""

    def __init__(self, workers: int, context) -> None:
        self.workers = workers
        self.context = context
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=self.context, initializer=init_worker, initargs=(os.getpid(),))

    def submit(self, fn, *args) -> Future:
        return self.executor.submit(fn, *args)

    def restart(self) -> None:
        self.close()
        self.executor = self._start()

    def close(self) -> None:
        # shutdown(wait=True) would wait for the running units to finish;
        # after Ctrl-C or a failure nobody wants them, so the workers are ended.
        processes = list(getattr(self.executor, "_processes", {}).values())
        self.executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(timeout=5)


class _Writer:
    """Writes unit results in batches, with the progress they cover, in one transaction."""

    def __init__(self, store: Store, version: str, summary: BackfillSummary, batch_size: int, on_progress, on_error):
        self.store = store
        self.version = version
        self.summary = summary
        self.batch_size = batch_size
        self.on_progress = on_progress
        self.on_error = on_error
        self.pending: list[tuple[_FilePlan | None, UnitResult]] = []
        self.pending_articles = 0
        self.last_commit = self.started = time.monotonic()
        self.bytes_done = 0
        self.bytes_total = 0

    def add(self, plan: _FilePlan | None, result: UnitResult) -> None:
        for where, reason in result.errors:
            _report(self.summary, ReadError(where, reason), self.on_error)
            if plan is not None:
                plan.errors.append(f"{where}: {reason}")
        self.pending.append((plan, result))
        self.pending_articles += len(result.articles)
        if self.pending_articles >= self.batch_size:
            self.flush()

    def maybe_flush(self) -> None:
        if self.pending and time.monotonic() - self.last_commit >= BATCH_SECONDS:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        summary = self.summary
        counts = {"inserted": 0, "replaced": 0, "unchanged": 0, "superseded": 0}
        facts = documents = skipped = done_bytes = unrelated = records = 0
        try:
            with self.store.batch():
                for plan, result in self.pending:
                    for document, found in result.articles:
                        written = self.store.write_capture(document, found, extractor_version=self.version)
                        counts[written.action] += 1
                        facts += written.facts
                        documents += 1
                        if written.action in ("inserted", "replaced") and plan is not None:
                            plan.changed = True
                    skipped += result.skipped
                    unrelated += result.unrelated
                    if result.unit.kind != "input":
                        records += result.records
                    if plan is not None:
                        done_bytes += self._finish(plan, result)
        except sqlite3.Error as e:  # COMMIT itself failed: a full disk, a locked file
            raise StoreError(self.store.path, f"cannot commit a batch: {e}") from e
        # Only now, with the batch committed, does the tally move.
        for action, n in counts.items():
            setattr(summary, action, getattr(summary, action) + n)
        summary.documents += documents
        summary.facts += facts
        summary.records_skipped += skipped
        summary.unrelated += unrelated
        summary.records += records
        self.bytes_done += done_bytes
        self.pending, self.pending_articles = [], 0
        self.last_commit = time.monotonic()
        if self.on_progress:
            self.on_progress(
                Progress(
                    self.bytes_done, self.bytes_total, summary.documents, summary.facts, len(summary.errors),
                    self.last_commit - self.started, summary.records, summary.unrelated,
                )
            )

    def _finish(self, plan: _FilePlan, result: UnitResult) -> int:
        """Mark a unit of ``plan`` finished; record the file's progress if its finished prefix grew."""
        unit = result.unit
        start, end = next((r for r in plan.ranges if r[0] == unit.start), (unit.start, unit.start))
        plan.finished[start] = result.records
        before = plan.committed
        while plan.committed < len(plan.ranges) and plan.ranges[plan.committed][0] in plan.finished:
            plan.records += plan.finished.pop(plan.ranges[plan.committed][0])
            plan.committed += 1
        if plan.committed > before:
            done = plan.committed == len(plan.ranges)
            offset = plan.size if done else plan.ranges[plan.committed][0]
            self.store.set_progress(plan.source, size=plan.size, mtime=plan.mtime, records=plan.records, offset=offset, done=done)
            if done:
                error = None
                if len(plan.errors) == 1:
                    error = plan.errors[0]
                elif plan.errors:
                    error = f"{len(plan.errors)} unreadable records; the first: {plan.errors[0]}"
                self.store.record_source(plan.source, error=error, changed=plan.changed)
        return end - start


def _report(summary: IngestSummary, error: MarketfactsError, on_error) -> None:
    summary.errors.append(error)
    if on_error:
        on_error(error)


def worker_count(value: int | None) -> int:
    """``--workers 0`` means one per CPU."""
    if value:
        return value
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


__all__ = ["BackfillSummary", "Progress", "Unit", "UnitResult", "backfill", "run_unit", "init_worker", "worker_count"]
