"""marketfacts reextract: extract again, in worker processes, every stored
article that an older rule set read, and replace its facts."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from .errors import MarketfactsError, ReadError, StoreError
from .ingest import Outcome
from .model import Fact
from .parallel import UNITS_AHEAD, Progress, _context, _Pool, current_version
from .store import Store


@dataclass
class ReextractSummary(Outcome):
    articles: int = 0
    facts: int = 0

    def line(self) -> str:
        return f"{self.articles} articles re-extracted; {self.facts} facts stored; {len(self.errors)} errors"


def extract_rows(rows: list[dict]) -> list[tuple[int, list[Fact] | None, str | None]]:
    """Worker side of re-extraction: (article id, facts or None, error) for stored rows."""
    from .nlp.pipeline import extract

    out = []
    for row in rows:
        try:
            published = Store._parse_iso(row["published"])
            out.append((row["id"], extract(row["text"], published, title=row["title"]), None))
        except Exception as e:  # one article's failure is reported, the others go on
            out.append((row["id"], None, f"{type(e).__name__}: {e}"))
    return out


def reextract(
    store: Store,
    *,
    workers: int = 2,
    chunk: int = 100,
    start_method: str | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    on_error: Callable[[MarketfactsError], None] | None = None,
) -> ReextractSummary:
    """Extract again every stored article whose extractor version is not the current one.

    Articles go to the workers ``chunk`` at a time, in id order; each
    chunk's facts replace the old ones in one transaction that also stamps
    the new version, so a stopped run picks up with the articles still stale.
    """
    pool = _Pool(workers, _context(start_method))
    version = pool.submit(current_version).result()
    summary = ReextractSummary()
    total = store.count_stale(version)
    started = time.monotonic()

    def chunks() -> Iterator[list[dict]]:
        after = 0
        while rows := store.stale_articles(version, after_id=after, limit=chunk):
            after = rows[-1]["id"]
            yield rows

    try:
        pending = chunks()
        inflight: set[Future] = set()
        exhausted = False
        while True:
            while not exhausted and len(inflight) < workers * UNITS_AHEAD:
                rows = next(pending, None)
                if rows is None:
                    exhausted = True
                else:
                    inflight.add(pool.submit(extract_rows, rows))
            if not inflight:
                break
            done, inflight = wait(inflight, return_when=FIRST_COMPLETED)
            for future in done:
                try:
                    results = future.result()
                except BrokenProcessPool as e:
                    raise MarketfactsError("a worker died during re-extraction; run it again to go on") from e
                try:
                    with store.batch():
                        for article_id, facts, error in results:
                            if facts is None:
                                _report_plain(summary, ReadError(f"article {article_id}", f"extraction failed: {error}"), on_error)
                                continue
                            summary.facts += store.replace_facts(article_id, facts, extractor_version=version)
                            summary.articles += 1
                except sqlite3.Error as e:
                    raise StoreError(store.path, f"cannot commit a batch: {e}") from e
            if on_progress:
                on_progress(Progress(summary.articles, total, summary.articles, summary.facts, len(summary.errors), time.monotonic() - started))
    finally:
        pool.close()
    return summary


def _report_plain(summary, error: MarketfactsError, on_error) -> None:
    summary.errors.append(error)
    if on_error:
        on_error(error)
