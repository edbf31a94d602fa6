"""Merging SQLite parts: idempotent, order-free, the same rows as one database."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from test_archive import write_jsonl, write_warc
from test_parallel import rows

from extractor.cli import main
from extractor.ingest import ingest
from extractor.store import Store


@pytest.fixture
def parts(tmp_path):
    """Three parts; the third re-captures two URLs of the first with other text, a day later."""
    write_warc(tmp_path / "a.warc.gz", 6, extras=False)
    write_jsonl(tmp_path / "b.jsonl", 4)
    write_warc(tmp_path / "c.warc.gz", 6, first=4, extras=False, later=1)  # URLs 4, 5 again: other pages, a month later
    made = []
    for name in ("a.warc.gz", "b.jsonl", "c.warc.gz"):
        part = tmp_path / f"{name}.part.db"
        with Store(part) as store:
            assert ingest([tmp_path / name], store).ok
        made.append(str(part))
    whole = tmp_path / "whole.db"
    with Store(whole) as store:
        for name in ("a.warc.gz", "b.jsonl", "c.warc.gz"):
            ingest([tmp_path / name], store)
    return made, whole


def test_merged_parts_hold_the_rows_of_one_database_built_from_the_same_inputs(parts, tmp_path):
    made, whole = parts
    db = tmp_path / "merged.db"
    result = CliRunner().invoke(main, ["merge", *made, "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("3 parts merged: 16 articles read: 14 new, 2 updated")
    assert rows(db) == rows(whole)


def test_merge_is_idempotent_and_order_free(parts, tmp_path):
    made, whole = parts
    forward, backward = tmp_path / "forward.db", tmp_path / "backward.db"
    CliRunner().invoke(main, ["merge", *made, "--db", str(forward), "-q"])
    again = CliRunner().invoke(main, ["merge", *made, "--db", str(forward), "-q"])
    assert "0 new, 0 updated, 14 unchanged" in again.output and "2 older captures" in again.output
    CliRunner().invoke(main, ["merge", *reversed(made), "--db", str(backward), "-q"])
    assert rows(forward) == rows(backward) == rows(whole)


def test_missing_part_is_reported_and_the_others_merge(parts, tmp_path):
    made, _ = parts
    db = tmp_path / "merged.db"
    result = CliRunner().invoke(main, ["merge", str(tmp_path / "nope.db"), made[1], "--db", str(db), "-q"])
    assert result.exit_code == 1
    assert f"marketfacts: error: {tmp_path / 'nope.db'}: no such part" in result.output
    assert "1 parts merged: 4 articles read: 4 new" in result.output
