"""A time budget for one record: an article that takes too long is reported and skipped.

Extraction is linear in its input (bench/pathological.py), but a backfill
reads millions of pages nobody wrote for us, and one that finds a slow path
must not hold a worker for hours. ``time_budget(seconds)`` raises
:class:`OverBudget` in the code it wraps once ``seconds`` of wall time have
passed (SIGALRM; on a platform without it, or off the main thread, it does
nothing).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from .errors import MarketfactsError

#: Seconds one record may take to extract, unless the caller says otherwise.
DEFAULT_SECONDS = 30.0


class OverBudget(MarketfactsError):
    """A record took longer than its time budget."""


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    usable = seconds and seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum, frame):
        raise OverBudget(f"took over {seconds:g} s to extract (the --record-budget); skipped")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
