"""The test run fails when a test leaves a process running (tests/conftest.py), as `.ci/run` relies on."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def _run_suite(tmp_path: Path, body: str) -> subprocess.CompletedProcess:
    """pytest on one test module beside a copy of our conftest.py, in a process of its own."""
    shutil.copy(TESTS / "conftest.py", tmp_path / "conftest.py")
    (tmp_path / "test_demo.py").write_text(body, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        capture_output=True, text=True, cwd=tmp_path, timeout=120,
    )


def test_a_test_that_leaves_a_process_running_fails_the_run(tmp_path):
    result = _run_suite(tmp_path, (
        "import subprocess, sys\n"
        "def test_leaves_a_sleeper():\n"
        "    subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(120)'])\n"
    ))
    assert result.returncode == 1, result.stdout
    assert "processes left running by the tests" in result.stdout and "time.sleep(120)" in result.stdout


def test_a_test_that_stops_what_it_starts_passes(tmp_path):
    result = _run_suite(tmp_path, (
        "import subprocess, sys\n"
        "def test_stops_its_sleeper():\n"
        "    p = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(120)'])\n"
        "    p.kill(); p.wait()\n"
    ))
    assert result.returncode == 0, result.stdout
