"""Directories: the files below one, in an order that is the same on every run.

The walk only lists; :mod:`extractor.readers` reads each file by its
content. What is skipped, and why:

- hidden files and directories (``.git``, ``.DS_Store``): never news;
- ``*.expected.json``: the expected-facts sidecars that test fixtures keep
  beside their articles, so a fixture directory reads as its articles.

Everything else is yielded, so that a file we cannot read (a PDF, a stray
JSON file, a broken link) is reported rather than silently dropped.
Symbolic links to directories are reported, not followed: following them
can loop.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from ..errors import ReadError

#: File name endings that are skipped without a report (see module doc).
SIDECAR_SUFFIXES = (".expected.json",)


def walk(root: Path) -> Iterator[Path | ReadError]:
    """Files under ``root``, depth first, entries in name order.

    A directory that cannot be listed, and an entry that is not a regular
    file, come out as a ReadError naming its path; the walk goes on.
    """
    listing = _list(root)
    if isinstance(listing, ReadError):
        yield listing
        return
    stack = [iter(listing)]  # iterative: deep trees must not hit the recursion limit
    while stack:
        path = next(stack[-1], None)
        if path is None:
            stack.pop()
            continue
        if _skipped(path.name):
            continue
        if path.is_symlink() and path.is_dir():
            yield ReadError(str(path), "symbolic link to a directory, not followed")
        elif path.is_dir():
            listing = _list(path)
            if isinstance(listing, ReadError):
                yield listing
            else:
                stack.append(iter(listing))
        elif path.is_file():
            yield path
        elif path.is_symlink():
            yield ReadError(str(path), "broken symbolic link")
        else:
            yield ReadError(str(path), "not a regular file")  # a FIFO would block a read forever


def _list(directory: Path) -> list[Path] | ReadError:
    try:
        with os.scandir(directory) as entries:
            names = sorted(entry.name for entry in entries)
    except PermissionError:
        return ReadError(str(directory), "permission denied")
    except OSError as e:
        return ReadError(str(directory), f"cannot list directory: {e.strerror or e}")
    return [directory / name for name in names]


def _skipped(name: str) -> bool:
    return name.startswith(".") or name.endswith(SIDECAR_SUFFIXES)
