"""An installed wheel works, not only this checkout: patterns/ and the sample ship inside it."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    # No build isolation: the test extra installs setuptools and wheel, so
    # building needs no network.
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(f"wheel build failed:\n{result.stderr}")
    BUILD_OUTPUT.append(result.stdout + result.stderr)
    (path,) = out.glob("marketfacts-*.whl")
    return path


BUILD_OUTPUT: list[str] = []


def test_the_build_warns_of_nothing_deprecated(wheel):
    # `make run` printed setuptools' deprecation of the license table four times.
    assert "deprecated" not in BUILD_OUTPUT[0].lower(), BUILD_OUTPUT[0]


def test_wheel_carries_every_pattern_file_and_the_sample(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for pattern in (ROOT / "patterns").glob("*.jsonl"):
        assert f"extractor/patterns/{pattern.name}" in names
    for sample in (ROOT / "extractor" / "sample").iterdir():
        if sample.suffix in (".xml", ".txt"):
            assert f"extractor/sample/{sample.name}" in names


def test_installed_wheel_ingests_the_sample_outside_the_checkout(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = dict(os.environ, PYTHONPATH=str(site))
    # Run from an empty directory so nothing of the checkout is importable.
    result = subprocess.run(
        [sys.executable, "-m", "extractor", "ingest", "--db", str(tmp_path / "facts.db"), "--quiet"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "0 errors" in result.stdout
    probe = subprocess.run(
        [sys.executable, "-c", "import extractor.rules as r; print(r.pattern_dir())"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert probe.stdout.strip().startswith(str(site))
