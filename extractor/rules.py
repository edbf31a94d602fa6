"""Loading rule data from patterns/*.jsonl, found through importlib.resources.

Each pattern file is JSON lines. Lines that are blank or start with ``//`` or
``#`` are comments (every file opens with one saying what it matches). A
broken line raises PatternError naming the file and line number.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from .errors import PatternError

PACKAGE = "extractor.patterns"


def pattern_dir() -> Path:
    """Directory holding the shipped pattern files (checkout or installed wheel)."""
    return Path(str(resources.files(PACKAGE)))


def read_jsonl(name: str | Path, *, required: tuple[str, ...] = ()) -> Iterator[tuple[int, dict]]:
    """Yield (line number, object) for each rule line of a pattern file.

    ``name`` is a file name inside patterns/ or a path. Each object must be a
    JSON object holding every key in ``required``.
    """
    path = Path(name)
    if not path.is_absolute() and not path.exists():
        path = pattern_dir() / str(name)
    label = path.name if path.parent == pattern_dir() else str(path)
    try:
        handle = path.open(encoding="utf-8")
    except OSError as e:
        raise PatternError(label, None, f"cannot open pattern file: {e.strerror or e}") from e
    with handle:
        for lineno, raw in enumerate(handle, 1):
            line = raw.strip()
            if not line or line.startswith("//") or line.startswith("#"):
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise PatternError(label, lineno, f"not valid JSON ({e.msg} at column {e.colno})") from e
            if not isinstance(obj, dict):
                raise PatternError(label, lineno, f"expected a JSON object, got {type(obj).__name__}")
            missing = [k for k in required if k not in obj]
            if missing:
                raise PatternError(label, lineno, f"missing key(s): {', '.join(missing)}")
            yield lineno, obj
