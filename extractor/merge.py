"""Merge: SQLite parts written elsewhere (Dask tasks, other machines) into one store.

    marketfacts merge PART ... --db facts.db

Each part is a fact database of its own (same schema). Its articles are
written with ``Store.write_capture``, facts and extractor version as they
are, so a merge is idempotent and order-free: merging a part twice changes
nothing, and parts merged in any order give the same rows (of two captures
of one URL the later one wins). An article the store already has with the
same text under the current rule set is not replaced by a part's older
extraction of it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import MarketfactsError, StoreError
from .parallel import BackfillSummary, Progress
from .store import Store

#: Articles per write transaction.
BATCH_SIZE = 500


@dataclass
class MergeSummary(BackfillSummary):
    parts: int = 0

    def line(self) -> str:
        return f"{self.parts} parts merged: " + super().line()


def merge(
    parts: Iterable[str | Path],
    store: Store,
    *,
    batch_size: int = BATCH_SIZE,
    on_progress: Callable[[Progress], None] | None = None,
    on_error: Callable[[MarketfactsError], None] | None = None,
) -> MergeSummary:
    """Copy every article and its facts from each part into ``store``."""
    from .nlp.pipeline import extractor_version

    current = extractor_version()
    summary = MergeSummary()
    parts = [str(p) for p in parts]
    started = time.monotonic()
    for index, part in enumerate(parts):
        if not Path(part).is_file():
            _report(summary, StoreError(part, "no such part"), on_error)
            continue
        if Path(part).resolve() == Path(store.path).resolve():
            _report(summary, StoreError(part, "is the database being merged into"), on_error)
            continue
        try:
            with Store(part) as source:
                _merge_one(source, store, current, summary, batch_size)
        except StoreError as e:
            _report(summary, e, on_error)
            continue
        summary.parts += 1
        if on_progress:
            on_progress(Progress(index + 1, len(parts), summary.documents, summary.facts, len(summary.errors), time.monotonic() - started))
    return summary


def _merge_one(source: Store, store: Store, current: str, summary: MergeSummary, batch_size: int) -> None:
    captures = source.captures()
    while True:
        with store.batch():
            n = 0
            for document, facts, version in captures:
                summary.documents += 1
                state = store.article_state(document.key)
                if state == (document.content_hash, current) and version != current:
                    summary.unchanged += 1  # ours is the newer extraction of the same text
                else:
                    written = store.write_capture(document, facts, extractor_version=version or "")
                    setattr(summary, written.action, getattr(summary, written.action) + 1)
                    summary.facts += written.facts
                n += 1
                if n >= batch_size:
                    break
        if n < batch_size:
            return


def _report(summary: BackfillSummary, error: MarketfactsError, on_error) -> None:
    summary.errors.append(error)
    if on_error:
        on_error(error)
