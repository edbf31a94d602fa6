"""Processes we start end with us: backfill workers, the datasette of `serve`."""

from __future__ import annotations

import os
import signal
import sys

PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int | None = None) -> None:
    """Ask Linux to send this process SIGTERM when its parent dies (even by
    kill -9, when no handler of the parent's runs); elsewhere a no-op. If
    the parent ``parent`` is already gone, end now. Called in the child:
    a worker's initializer, or a subprocess's preexec_fn."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except OSError:
        return
    if parent is not None and os.getppid() != parent:
        os._exit(1)
