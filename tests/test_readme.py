"""Every `marketfacts` command the README shows runs as written, and prints what the README says it prints.

The session runs in a scratch directory beside links to fixtures/, so the
relative paths resolve as in a checkout and the database lands in the
scratch directory. `serve` runs until stopped and is tested in
test_search.py; lines with placeholders (SOURCE, ARCHIVE, [...]) are
usage, not examples.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _session() -> list[tuple[str, list[str]]]:
    """($ commands, the lines shown under each) of the README's console blocks, in order."""
    steps: list[tuple[str, list[str]]] = []
    blocks, current = [], None
    for line in README.split("\n"):
        if line.startswith("```"):
            if current is None:
                current = []
            else:
                blocks.append(current)
                current = None
        elif current is not None:
            current.append(line)
    for lines in blocks:
        i = 0
        while i < len(lines):
            if lines[i].startswith("$ "):
                command = lines[i][2:]
                i += 1
                while i < len(lines) and lines[i].startswith("      "):  # a continued command
                    command += " " + lines[i].strip()
                    i += 1
                shown = []
                while i < len(lines) and lines[i].strip() and not lines[i].startswith("$ "):
                    shown.append(lines[i])
                    i += 1
                steps.append((command, shown))
            else:
                i += 1
    return steps


STEPS = _session()


def test_the_readme_shows_a_session():
    assert any(command.startswith("marketfacts ingest") for command, _ in STEPS)
    assert any(command.startswith("marketfacts extract") for command, _ in STEPS)


def test_every_command_of_the_readme_runs_and_prints_what_it_shows(tmp_path):
    os.symlink(ROOT / "fixtures", tmp_path / "fixtures")
    binary = Path(sys.executable).parent / "marketfacts"
    ran = 0
    for command, shown in STEPS:
        words = shlex.split(command.split("  #")[0])
        if words[0] == "sqlite3":
            if shutil.which("sqlite3") is None:
                continue
        elif words[0] != "marketfacts" or words[1] == "serve":
            continue
        else:
            words[0] = str(binary)
        result = subprocess.run(words, cwd=tmp_path, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, f"{command}\n{result.stderr}"
        ran += 1
        out = result.stdout.splitlines()
        for line in shown:
            row = re.match(r"(\d{4}-\d\d-\d\d)\s+(\S+)", line)
            if row:  # a table row: its day and subject with the figures shown, in some row printed
                figures = re.findall(r"-?[\d,]+\.?\d*(?=\s)", line[len(row.group(0)):])
                assert any(row.group(1) in o and row.group(2) in o and all(f in o for f in figures[:1]) for o in out), (command, line)
            elif not set(line.strip()) <= {"-", " "} and not line.startswith(("as_of", "...")):
                assert line.strip() in (o.strip() for o in out), f"{command}: README shows {line.strip()!r}, got {out[-3:]}"
    assert ran >= 5


def test_every_python_example_of_the_readme_runs_and_prints_what_it_says(capsys):
    blocks = re.findall(r"```python\n(.*?)```", README, re.S)
    assert blocks
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})
        printed = capsys.readouterr().out.split("\n")
        for line, said in zip(printed, re.findall(r"#\s*(.+)$", block, re.M)):
            assert line.strip() == said.strip()
