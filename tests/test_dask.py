"""The Dask engine on a LocalCluster (127.0.0.1): the same rows as the local engine, resumable by part."""

from __future__ import annotations

import pytest
from test_archive import write_jsonl, write_warc
from test_parallel import rows

from extractor.parallel import backfill
from extractor.store import Store

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        yield client


def test_dask_tasks_writing_parts_then_merged_give_the_rows_of_the_local_engine(cluster, tmp_path):
    from extractor.dask_engine import ingest_dask

    write_warc(tmp_path / "news.warc.gz", 30)
    write_jsonl(tmp_path / "lines.jsonl", 20)
    (tmp_path / "bad.warc.gz").write_bytes((tmp_path / "news.warc.gz").read_bytes()[:5000])  # cut short
    sources = [str(tmp_path / name) for name in ("news.warc.gz", "lines.jsonl", "bad.warc.gz")]
    local = tmp_path / "local.db"
    with Store(local) as store:
        expected = backfill(sources, store, workers=2, chunk_bytes=16_384)
    distributed_db = tmp_path / "dask.db"
    with Store(distributed_db) as store:
        summary = ingest_dask(sources, store, client=cluster, chunk_bytes=16_384)
    assert rows(distributed_db) == rows(local)
    assert summary.inserted == expected.inserted == 50
    assert [str(e) for e in summary.errors] == [str(e) for e in expected.errors] and len(summary.errors) == 1
    parts = sorted((tmp_path / "dask.db.parts").glob("*.db"))
    assert len(parts) > 4  # one per unit: the big files were split

    # A second run submits no task (every part is done) and changes nothing.
    before = {p: p.stat().st_mtime_ns for p in parts}
    with Store(distributed_db) as store:
        again = ingest_dask(sources, store, client=cluster, chunk_bytes=16_384)
    assert again.inserted == again.replaced == 0 and again.unchanged == summary.documents
    assert {p: p.stat().st_mtime_ns for p in parts} == before
    assert rows(distributed_db) == rows(local)


def test_ingest_engine_dask_on_the_command_line_uses_the_given_scheduler(cluster, tmp_path):
    from click.testing import CliRunner

    from extractor.cli import main

    write_jsonl(tmp_path / "lines.jsonl", 8)
    db, parts = tmp_path / "facts.db", tmp_path / "parts"
    address = cluster.scheduler.address
    result = CliRunner().invoke(
        main, ["ingest", str(tmp_path / "lines.jsonl"), "--db", str(db), "--engine", "dask", "--scheduler", address, "--parts", str(parts), "-q"]
    )
    assert result.exit_code == 0, result.output
    assert "8 articles read: 8 new" in result.output
    assert len(list(parts.glob("lines.jsonl.*.db"))) == 1
