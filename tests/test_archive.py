"""Archive readers: WARC and WARC.gz, JSON lines, gzip of one input; bad records reported with file@offset.

The archives are built here from the fixtures (warcio writes the WARCs), so
no binary test data is kept; the helpers are shared with the parallel,
merge and Dask tests.
"""

from __future__ import annotations

import gzip
import io
import json
import re
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from extractor.documents import Document
from extractor.errors import ReadError
from extractor.readers import read, read_all, read_bytes
from extractor.readers.archive import ArchiveStats, archive_kind, read_archive, split
from extractor.readers import warc
from extractor.readers.sniff import sniff_archive

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
PAGES = sorted(FIXTURES.glob("*.html"))
TEXTS = sorted(FIXTURES.glob("*.txt"))


# -- builders (imported by test_parallel, test_merge, test_dask) ------------------


def warc_record(writer: WARCWriter, url: str, payload: bytes, *, date_: str = "2026-01-02T03:04:05Z",
                content_type: str = "text/html; charset=utf-8", status: str = "200 OK", kind: str = "response"):
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1") if kind == "response" else None
    record = writer.create_warc_record(
        url, kind, payload=io.BytesIO(payload), http_headers=http, warc_headers_dict={"WARC-Date": date_}
    )
    writer.write_record(record)


def write_warc(path: Path, n: int, *, gz: bool = True, first: int = 0, extras: bool = True, later: int = 0) -> list[int]:
    """A WARC of ``n`` fixture pages with distinct URLs (plus a request and an image record
    every few pages when ``extras``); returns the offset of every record. ``later``
    re-captures: other pages under the same URLs, that many days later."""
    offsets = []
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=gz)
        for i in range(first, first + n):
            offsets.append(f.tell())
            day = f"2026-01-{i % 28 + 1:02d}T03:04:05Z".replace("2026-01", f"2026-{1 + later:02d}")
            page = PAGES[(i + later) % len(PAGES)]
            warc_record(writer, f"https://news.example/{i}", page.read_bytes(), date_=day)
            if extras and i % 5 == 0:
                offsets.append(f.tell())
                warc_record(writer, f"https://news.example/{i}", b"GET / HTTP/1.1\r\n\r\n", kind="request")
                offsets.append(f.tell())
                warc_record(writer, f"https://news.example/{i}.png", b"\x89PNG....", content_type="image/png")
    return offsets


def write_jsonl(path: Path, n: int, *, first: int = 0, compress: bool = False) -> None:
    lines = []
    for i in range(first, first + n):
        text = TEXTS[i % len(TEXTS)].read_text(encoding="utf-8")
        row = {"url": f"https://lines.example/{i}", "title": f"Story {i}", "published": f"2026-02-{i % 28 + 1:02d}", "text": text}
        if i % 3 == 0:  # some carry HTML instead of text
            row = {"url": row["url"], "published": row["published"], "html": PAGES[i % len(PAGES)].read_text(encoding="utf-8")}
        lines.append(json.dumps(row, ensure_ascii=False))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(data) if compress else data)


def split_items(items):
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, ReadError)]
    return docs, errors


# -- WARC ---------------------------------------------------------------------------


@pytest.fixture(params=["fastwarc", "warcio"])
def reader(request, monkeypatch):
    """Each WARC test runs with FastWARC first (warcio from the first damage on) and with warcio alone."""
    monkeypatch.setattr(warc, "READER", request.param)
    return request.param


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_warc_html_responses_become_documents_and_other_records_are_counted(tmp_path, gz, reader):
    path = tmp_path / ("news.warc.gz" if gz else "news.warc")
    write_warc(path, 6, gz=gz)
    stats = ArchiveStats()
    docs, errors = split_items(list(read_archive(path, stats=stats)))
    assert errors == []
    assert [d.url for d in docs] == [f"https://news.example/{i}" for i in range(6)]
    assert stats.records == 6 + 2 * 2
    assert stats.skipped == {"WARC request record": 2, "not HTML (image/png)": 2}
    first = docs[0]
    assert first.source == str(path) and first.text and first.title
    assert first.fetched_at == datetime(2026, 1, 1, 3, 4, 5, tzinfo=timezone.utc)  # WARC-Date, so re-runs store the same row
    assert archive_kind(path) == ("warc.gz" if gz else "warc")


def test_redirects_and_errors_are_skipped_not_read(tmp_path, reader):
    path = tmp_path / "mixed.warc.gz"
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        warc_record(writer, "https://a.example/moved", b"<html>moved</html>", status="301 Moved Permanently")
        warc_record(writer, "https://a.example/gone", b"<html>gone</html>", status="404 Not Found")
        warc_record(writer, "https://a.example/ok", PAGES[0].read_bytes())
    stats = ArchiveStats()
    docs, errors = split_items(list(read_archive(path, stats=stats)))
    assert [d.url for d in docs] == ["https://a.example/ok"] and not errors
    assert stats.skipped == {"HTTP status 301": 1, "HTTP status 404": 1}


def test_corrupt_gzip_member_is_reported_with_its_offset_and_the_records_after_it_are_read(tmp_path, reader):
    path = tmp_path / "damaged.warc.gz"
    offsets = write_warc(path, 5, extras=False)
    data = bytearray(path.read_bytes())
    for i in range(offsets[2] + 30, offsets[2] + 60):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))
    docs, errors = split_items(list(read_all([path])))
    assert [d.url for d in docs] == [f"https://news.example/{i}" for i in (0, 1, 3, 4)]
    (error,) = errors
    assert error.source == f"{path}@{offsets[2]}"
    assert "unreadable WARC record" in error.reason and "bytes skipped" in error.reason


def test_truncated_last_member_is_reported_not_silently_dropped(tmp_path, reader):
    path = tmp_path / "cut.warc.gz"
    offsets = write_warc(path, 3, extras=False)
    path.write_bytes(path.read_bytes()[: offsets[2] + 100])
    docs, errors = split_items(list(read_all([path])))
    assert len(docs) == 2
    assert [e.source for e in errors] == [f"{path}@{offsets[2]}"]


def test_truncated_plain_warc_record_is_reported(tmp_path, reader):
    path = tmp_path / "cut.warc"
    offsets = write_warc(path, 3, gz=False, extras=False)
    path.write_bytes(path.read_bytes()[: offsets[2] + 900])
    docs, errors = split_items(list(read_all([path])))
    assert len(docs) == 2
    assert [e.source for e in errors] == [f"{path}@{offsets[2]}"]


def test_input_with_no_readable_record_is_one_error_naming_the_input():
    with pytest.raises(ReadError) as caught:
        list(read_bytes(b"WARC/1.0\r\nnothing else", "in.warc"))
    assert caught.value.source == "in.warc" and caught.value.reason.startswith("not a readable WARC archive")


def test_fifty_megabyte_page_is_reported_and_skipped_without_stopping_the_archive(tmp_path, reader):
    path = tmp_path / "huge.warc.gz"
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        warc_record(writer, "https://a.example/1", PAGES[0].read_bytes())
        huge_at = f.tell()
        warc_record(writer, "https://a.example/huge", b"<html><body>" + b"<p>KOSPI rose.</p>" * (50 * 1024 * 1024 // 18) + b"</body></html>")
        warc_record(writer, "https://a.example/2", PAGES[1].read_bytes())
    docs, errors = split_items(list(read_all([path])))
    assert [d.url for d in docs] == ["https://a.example/1", "https://a.example/2"]
    (error,) = errors
    assert error.source == f"{path}@{huge_at}" and "record too large" in error.reason


def test_page_with_no_text_is_one_error_among_documents(tmp_path, reader):
    path = tmp_path / "broken.warc.gz"
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        warc_record(writer, "https://a.example/1", PAGES[0].read_bytes())
        broken_at = f.tell()
        warc_record(writer, "https://a.example/empty", b"<html><body><script>x()</script></body></html>")
        warc_record(writer, "https://a.example/bad", b"<ht\xff\xfe<<<<>>\x00\x01 </p")
        warc_record(writer, "https://a.example/2", PAGES[1].read_bytes())
    docs, errors = split_items(list(read_all([path])))
    assert [d.url for d in docs][0] == "https://a.example/1" and docs[-1].url == "https://a.example/2"
    assert errors[0].source == f"{path}@{broken_at}" and "no text" in errors[0].reason


def test_read_of_an_archive_raises_at_its_first_bad_record(tmp_path, reader):
    path = tmp_path / "damaged.warc.gz"
    offsets = write_warc(path, 3, extras=False)
    path.write_bytes(path.read_bytes()[: offsets[1] + 10])
    with pytest.raises(ReadError) as caught:
        list(read(path))
    assert caught.value.source == f"{path}@{offsets[1]}"


@pytest.mark.parametrize("name, gz", [("news.warc.gz", True), ("news.warc", False)])
def test_split_ranges_start_at_records_and_read_every_record_once(tmp_path, name, gz, reader):
    path = tmp_path / name
    offsets = write_warc(path, 40, gz=gz)
    ranges = split(path, archive_kind(path), 20_000)
    assert len(ranges) > 3
    assert ranges[0][0] == 0 and ranges[-1][1] == path.stat().st_size
    assert all(a in offsets for a, _ in ranges) and all(b == c for (_, b), (c, _) in zip(ranges, ranges[1:]))
    urls = [d.url for a, b in ranges for d in read_archive(path, start=a, end=b)]
    assert urls == [f"https://news.example/{i}" for i in range(40)]


def _read_with(reader: str, path: Path, monkeypatch) -> tuple[list, ArchiveStats]:
    monkeypatch.setattr(warc, "READER", reader)
    stats = ArchiveStats()
    items = list(read_archive(path, stats=stats))
    return [(type(i).__name__, getattr(i, "url", None), getattr(i, "title", None), getattr(i, "text", None), getattr(i, "fetched_at", None),
             getattr(i, "source", None), getattr(i, "reason", None)) for i in items], stats


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_fastwarc_and_warcio_read_the_same_documents_and_skips(tmp_path, gz, monkeypatch):
    path = tmp_path / ("news.warc.gz" if gz else "news.warc")
    write_warc(path, 12, gz=gz)
    fast, fast_stats = _read_with("fastwarc", path, monkeypatch)
    slow, slow_stats = _read_with("warcio", path, monkeypatch)
    assert fast == slow and len(fast) == 12
    assert (fast_stats.records, fast_stats.skipped) == (slow_stats.records, slow_stats.skipped)


def test_a_clean_archive_is_read_by_fastwarc_alone(tmp_path, monkeypatch):
    path = tmp_path / "news.warc.gz"
    write_warc(path, 10)

    def no_warcio(f):
        raise AssertionError("warcio was asked to read a clean archive")

    monkeypatch.setattr(warc, "_archive_iterator", no_warcio)
    monkeypatch.setattr(warc, "READER", "fastwarc")
    docs, errors = split_items(list(read_archive(path)))
    assert len(docs) == 10 and not errors


@pytest.mark.parametrize("delta", [-50, 50], ids=["too short", "too long"])
@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_a_record_whose_content_length_is_wrong_is_reported_the_same_by_both_readers(tmp_path, gz, delta, monkeypatch):
    plain = tmp_path / "plain.warc"
    offsets = write_warc(plain, 4, gz=False, extras=False)
    data = plain.read_bytes()
    records = [data[a:b] for a, b in zip(offsets, offsets[1:] + [len(data)])]
    length = re.search(rb"Content-Length: (\d+)", records[1])
    records[1] = records[1].replace(length.group(0), b"Content-Length: " + str(int(length.group(1)) + delta).encode(), 1)
    path = tmp_path / ("bad.warc.gz" if gz else "bad.warc")
    path.write_bytes(b"".join(gzip.compress(r) for r in records) if gz else b"".join(records))
    fast, _ = _read_with("fastwarc", path, monkeypatch)
    slow, _ = _read_with("warcio", path, monkeypatch)
    assert fast == slow
    assert [kind for kind, *_ in fast].count("ReadError") >= 1
    assert fast[0][1] == "https://news.example/0" and fast[-1][1] == "https://news.example/3"  # the records around it are read


# -- JSON lines -------------------------------------------------------------------------


def test_jsonl_lines_become_documents_with_their_own_fields(tmp_path):
    path = tmp_path / "dump.jsonl"
    write_jsonl(path, 4)
    docs, errors = split_items(list(read_all([path])))
    assert errors == [] and [d.url for d in docs] == [f"https://lines.example/{i}" for i in range(4)]
    assert docs[1].title == "Story 1" and docs[1].published == date(2026, 2, 2)
    assert docs[0].title and docs[0].text  # the html line: title from the page
    mtime = datetime.fromtimestamp(path.stat().st_mtime, timezone.utc).replace(microsecond=0)
    assert {d.fetched_at for d in docs} == {mtime}  # no fetched_at in the dump: the file's time, the same every run


def test_published_option_fills_in_records_without_a_date_only(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_text(
        json.dumps({"url": "https://x.example/1", "text": "KOSPI closed at 2,500.12.", "published": "2026-03-02"}) + "\n"
        + json.dumps({"url": "https://x.example/2", "text": "KOSPI closed at 2,510.12."}) + "\n"
    )
    docs = list(read(path, published=date(2026, 1, 5)))
    assert [d.published for d in docs] == [date(2026, 3, 2), date(2026, 1, 5)]


def test_jsonl_bad_lines_are_reported_with_their_offsets(tmp_path):
    good = json.dumps({"url": "https://x.example/1", "text": "KOSPI closed at 2,500.12.", "fetched_at": "2026-03-01T00:00:00Z"}).encode()
    lines = [good, b'{"url": "https://x.example/2", "text": "caf\xe9"}', b"{not json", b"[1, 2]", b'{"url": "u"}', b"", good.replace(b"/1", b"/3")]
    path = tmp_path / "dump.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    docs, errors = split_items(list(read_all([path])))
    assert [d.url for d in docs] == ["https://x.example/1", "https://x.example/3"]
    assert docs[0].fetched_at == datetime(2026, 3, 1, tzinfo=timezone.utc)
    starts = [sum(len(line) + 1 for line in lines[:i]) for i in range(len(lines))]
    assert [e.source for e in errors] == [f"{path}@{starts[i]}" for i in (1, 2, 3, 4)]
    assert [e.reason.split(":")[0] for e in errors] == [
        "invalid UTF-8 at byte 43 of the line", "not valid JSON", "not a JSON object", 'no "text" or "html" field with text in it'
    ]


def test_jsonl_gz_is_streamed_and_a_truncated_stream_keeps_the_lines_before(tmp_path):
    path = tmp_path / "dump.jsonl.gz"
    write_jsonl(path, 6, compress=True)
    assert archive_kind(path) == "jsonl.gz"
    assert len(list(read(path))) == 6
    path.write_bytes(path.read_bytes()[:-200])
    docs, errors = split_items(list(read_all([path])))
    assert 0 < len(docs) < 6 and len(errors) == 1 and "unreadable gzip data" in errors[0].reason


def test_gzip_of_one_page_is_read_as_that_page(tmp_path):
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(PAGES[0].read_bytes()))
    assert archive_kind(path) == "gzip"
    (doc,) = read(path)
    assert doc.text and doc.source == str(path)


def test_directory_of_archives_and_pages_reads_them_all(tmp_path):
    write_warc(tmp_path / "a.warc.gz", 3, extras=False)
    write_jsonl(tmp_path / "b.jsonl", 2)
    (tmp_path / "c.html").write_bytes(PAGES[2].read_bytes())
    docs, errors = split_items(list(read_all([tmp_path])))
    assert not errors and len(docs) == 6


def test_bytes_of_an_archive_are_read_like_the_file():
    buffer = io.BytesIO()
    warc_record(WARCWriter(buffer, gzip=True), "https://a.example/1", PAGES[0].read_bytes())
    (doc,) = read_bytes(buffer.getvalue(), "in.warc.gz")
    assert doc.url == "https://a.example/1"


@pytest.mark.parametrize(
    "head, kind",
    [
        (b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", "warc"),
        (b"\x1f\x8b\x08\x00", "gzip"),
        (b'{"url": "u", "text": "KOSPI"}\n{"url": "v"', "jsonl"),
        (b'{"url": "u", "html": "<p>very long', "jsonl"),
        (b'{"a": 1}\n{"a": 2}\n', None),
        (b'{\n  "text": "pretty-printed JSON is not JSON lines"\n}', None),
        (b"<html><body>x</body></html>", None),
    ],
)
def test_sniff_archive_tells_archives_from_other_inputs(head, kind):
    assert sniff_archive(head) == kind


@pytest.mark.parametrize("compress", [False, True], ids=["jsonl", "jsonl.gz"])
def test_a_run_of_blank_lines_is_skipped_and_offsets_stay_exact(tmp_path, compress):
    first = (json.dumps({"url": "https://lines.example/a", "published": "2026-02-03", "text": "The KOSPI rose 1.1% on Tuesday."}) + "\n").encode()
    second = (json.dumps({"url": "https://lines.example/b", "published": "2026-02-03", "text": "The KOSPI fell 0.4% on Wednesday."}) + "\n").encode()
    blank = b"\n" * 2_000_000 + b"  \r\n\t\n"
    path = tmp_path / ("blank.jsonl.gz" if compress else "blank.jsonl")
    data = first + blank + second + b"\n\n"
    path.write_bytes(gzip.compress(data) if compress else data)
    stats = ArchiveStats()
    docs, errors = split_items(list(read_archive(path, stats=stats)))
    assert not errors and [d.url for d in docs] == ["https://lines.example/a", "https://lines.example/b"]
    assert docs[1].origin == f"{path}@{len(first) + len(blank)}"  # the record's own offset, past the blank run
    assert stats.records == 2 and stats.end == len(data)
