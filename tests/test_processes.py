"""A backfill's processes end with it, however it ends: kill -9, SIGTERM."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

ROOT = Path(__file__).resolve().parents[1]
TEXTS = sorted((ROOT / "fixtures" / "articles").glob("*.txt"))

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the parent-death signal is Linux's")


def _archive(path: Path, n: int = 600) -> None:
    """JSON lines of fixture texts: enough work for two workers for a while."""
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            text = TEXTS[i % len(TEXTS)].read_text(encoding="utf-8")
            f.write(json.dumps({"url": f"https://lines.example/{i}", "published": "2026-02-03", "text": text}) + "\n")


def _start_backfill(tmp_path: Path) -> tuple[subprocess.Popen, list[psutil.Process]]:
    _archive(tmp_path / "lines.jsonl")
    proc = subprocess.Popen(
        [sys.executable, "-m", "extractor", "ingest", str(tmp_path / "lines.jsonl"), "--db", str(tmp_path / "f.db"),
         "--workers", "2", "--chunk-size", "20000", "-q"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
    )
    deadline = time.monotonic() + 60
    family: list[psutil.Process] = []
    while time.monotonic() < deadline:  # until both workers are at work
        family = psutil.Process(proc.pid).children(recursive=True)
        if len(family) >= 2 and (tmp_path / "f.db").exists():
            break
        time.sleep(0.2)
    time.sleep(3)  # into the run: workers busy, batches committed
    family = psutil.Process(proc.pid).children(recursive=True)
    assert len(family) >= 2, "the workers did not start"
    return proc, family


def _reap(family: list[psutil.Process]) -> list[psutil.Process]:
    _, alive = psutil.wait_procs(family, timeout=10)
    for leftover in alive:  # do not leave them to the next test
        leftover.kill()
    return alive


def test_no_process_of_a_backfill_outlives_kill_9_of_its_parent(tmp_path):
    proc, family = _start_backfill(tmp_path)
    proc.kill()
    proc.communicate(timeout=10)
    assert _reap(family) == [], "workers (or the resource tracker) outlived their parent"


def test_sigterm_stops_a_backfill_as_ctrl_c_does(tmp_path):
    proc, family = _start_backfill(tmp_path)
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, err
    assert "articles read" in out and "interrupted" in err  # the summary, and how to go on
    assert _reap(family) == []
    again = subprocess.run(
        [sys.executable, "-m", "extractor", "ingest", str(tmp_path / "lines.jsonl"), "--db", str(tmp_path / "f.db"), "--workers", "2", "-q"],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )
    assert again.returncode == 0, again.stderr  # and a second run finishes the job
    import sqlite3

    with sqlite3.connect(tmp_path / "f.db") as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 600


def test_workers_killed_at_any_moment_cost_a_retry_not_the_run(tmp_path):
    proc, family = _start_backfill(tmp_path)
    killed = 0
    for pause in (0.0, 0.7, 1.9, 0.3):  # whatever the worker was doing: reading, extracting, handing back
        time.sleep(pause)
        workers = [p for p in psutil.Process(proc.pid).children() if "resource_tracker" not in " ".join(p.cmdline())]
        if workers:
            workers[killed % len(workers)].kill()
            killed += 1
    out, err = proc.communicate(timeout=300)
    assert killed >= 2
    assert "Traceback" not in err and proc.returncode == 0, err
    import sqlite3

    with sqlite3.connect(tmp_path / "f.db") as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 600
