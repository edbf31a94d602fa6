"""Past one machine: the backfill's units as Dask tasks, each writing its own SQLite part.

    marketfacts ingest ARCHIVE ... --engine dask --scheduler tcp://HOST:8786

Needs the optional extra ``marketfacts[dask]`` (dask.distributed) on the
client and on every worker, and a filesystem that the workers and this
machine share: tasks read the inputs by path and write their parts under
``parts`` (default ``DB.parts/`` beside the database).

Each unit (a file, or a byte range of a big archive: the same units and the
same :func:`extractor.parallel.run_unit` as the local engine) is one task.
The task writes the unit's articles into a part of its own, named after the
unit, and marks it done in the part's ``progress`` table in the same
transaction; a part already marked done is not submitted again, so a
stopped run resumes. The parts are then merged into the database
(:mod:`extractor.merge`), which is idempotent: ``marketfacts merge`` does
the same for parts brought from elsewhere.

Give each Dask worker one thread (``--nthreads 1``): spaCy does not gain
from threads, and one pipeline per process is what the local engine does.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from .errors import MarketfactsError, ReadError, StoreError
from .merge import MergeSummary, merge
from .budget import DEFAULT_SECONDS
from .parallel import CHUNK_BYTES, BackfillSummary, Progress, Unit, _units, plan_files, run_unit
from .store import Store


@dataclass
class PartResult:
    """What a task returns: its part and its tally (small; the articles stay in the part)."""

    part: str
    documents: int = 0
    facts: int = 0
    skipped: int = 0
    unrelated: int = 0
    records: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)


def part_name(unit: Unit) -> str:
    """A part's file name: the input's name and the unit's range, unique per unit."""
    digest = hashlib.sha256(f"{unit.source}\0{unit.kind}\0{unit.start}\0{unit.end}".encode()).hexdigest()[:10]
    return f"{Path(unit.source).name}.{unit.start}.{digest}.db"


def unit_key(unit: Unit) -> str:
    return f"{unit.source}@{unit.start}-{unit.end}"


def write_part(
    unit: Unit, part: str, published: date | datetime | None = None, keep_all: bool = False, budget: float | None = DEFAULT_SECONDS
) -> PartResult:
    """The task: run one unit, write its articles into ``part``; done-marked in one transaction."""
    from .nlp.pipeline import extractor_version

    result = run_unit(unit, published, keep_all, budget)
    version = extractor_version()
    records = result.records if unit.kind != "input" else 0
    out = PartResult(part, skipped=result.skipped, unrelated=result.unrelated, records=records, errors=result.errors)
    # Written under a name of its own, then renamed into place: Dask may run
    # a task twice at once (a worker thought lost), and two writers must not
    # share one SQLite file; a reader never sees a half-written part.
    scratch = f"{part}.{os.getpid()}.{threading.get_ident()}.tmp"
    try:
        # Without write-ahead log: the file is whole once committed, with no
        # journal-mode switch at the end (which any statement still open,
        # such as one the worker's profiler keeps alive, would refuse).
        with Store(scratch, wal=False) as store:
            with store.batch():
                for document, facts in result.articles:
                    written = store.write_capture(document, facts, extractor_version=version)
                    out.documents += 1
                    out.facts += written.facts
                end = unit.end if unit.end is not None else 0
                store.set_progress(unit_key(unit), size=end - unit.start, mtime=0.0, records=result.records, offset=end, done=True)
        os.replace(scratch, part)
    finally:
        for leftover in (scratch, f"{scratch}-journal"):
            with contextlib.suppress(FileNotFoundError):
                os.remove(leftover)
    return out


def part_is_done(part: Path, unit: Unit) -> bool:
    if not part.is_file():
        return False
    try:
        with Store(part) as store:
            row = store.progress().get(unit_key(unit))
    except StoreError:
        return False
    return bool(row and row["done"])


def ingest_dask(
    sources: Iterable[str | Path],
    store: Store,
    *,
    parts: str | Path | None = None,
    scheduler: str | None = None,
    client=None,
    n_workers: int = 2,
    published: date | datetime | None = None,
    keep_all: bool = False,
    record_budget: float | None = DEFAULT_SECONDS,
    chunk_bytes: int = CHUNK_BYTES,
    on_progress: Callable[[Progress], None] | None = None,
    on_error: Callable[[MarketfactsError], None] | None = None,
) -> MergeSummary:
    """Run every unit of ``sources`` as a Dask task, then merge the parts into ``store``.

    ``client`` is an existing ``distributed.Client``; else one connects to
    ``scheduler``, or starts a LocalCluster of ``n_workers`` processes.
    """
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as e:
        raise MarketfactsError("the dask engine needs the optional extra: pip install 'marketfacts[dask]'") from e

    parts_dir = Path(parts) if parts is not None else Path(store.path + ".parts")
    parts_dir.mkdir(parents=True, exist_ok=True)
    summary = BackfillSummary()
    files, others, listing_errors = plan_files(sources, {}, summary, store.path)
    errors: list[MarketfactsError] = list(listing_errors)
    skipped_records = unrelated = records = 0
    for error in listing_errors:
        if on_error:
            on_error(error)
    jobs = [(unit, parts_dir / part_name(unit)) for _, unit in _units(files, others, chunk_bytes)]
    all_parts = [str(part) for _, part in jobs]
    todo = [(unit, part) for unit, part in jobs if not part_is_done(part, unit)]

    cluster = None
    own_client = client is None
    if own_client:
        if scheduler:
            client = Client(scheduler)
        else:
            cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None)
            client = Client(cluster)
    try:
        futures = [
            client.submit(write_part, unit, str(part), published, keep_all, record_budget, key=f"marketfacts-{part.name}", pure=False)
            for unit, part in todo
        ]
        for future in as_completed(futures):
            try:
                result: PartResult = future.result()
            except Exception as e:  # the task failed on its worker: report the unit, go on
                error = MarketfactsError(f"dask task {future.key}: {type(e).__name__}: {e}")
                errors.append(error)
                if on_error:
                    on_error(error)
                continue
            skipped_records += result.skipped
            unrelated += result.unrelated
            records += result.records
            for where, reason in result.errors:
                error = ReadError(where, reason)
                errors.append(error)
                if on_error:
                    on_error(error)
    finally:
        if own_client:
            client.close()
            if cluster is not None:
                cluster.close()
    merged = merge([p for p in all_parts if Path(p).is_file()], store, on_progress=on_progress, on_error=on_error)
    merged.errors[:0] = errors
    merged.records_skipped = skipped_records
    merged.unrelated = unrelated
    merged.records = records
    return merged
