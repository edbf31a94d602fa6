"""Directories and mixed inputs: readers chosen by content, bad inputs reported, the rest read."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.documents import Document
from extractor.errors import FetchError, ReadError
from extractor.readers import read, read_all, read_bytes
from extractor.readers.directory import walk
from extractor.readers.sniff import sniff
from conftest import closed_port_url

DATA = Path(__file__).parent / "data" / "readers"

PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"


@pytest.fixture
def news_dir(tmp_path: Path) -> Path:
    """A feed, a page, a text file, a malformed feed, and a binary file in a subfolder."""
    root = tmp_path / "news"
    (root / "2026" / "03").mkdir(parents=True)
    shutil.copy(DATA / "market_wrap.rss", root / "a_feed.xml")
    shutil.copy(DATA / "kospi_record.html", root / "2026" / "b_page")  # no extension
    shutil.copy(DATA / "margin_loans.txt", root / "2026" / "c_story.txt")
    shutil.copy(DATA / "broken.rss", root / "d_broken.rss")
    (root / "2026" / "03" / "chart.png").write_bytes(PNG_BYTES)
    return root


def split(items) -> tuple[list[Document], list[ReadError]]:
    items = list(items)
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, ReadError)]
    assert len(docs) + len(errors) == len(items)
    return docs, errors


def test_directory_yields_every_good_document_and_reports_each_bad_file(news_dir):
    docs, errors = split(read_all([news_dir]))
    assert len(docs) == 4  # two feed items, the page, the text file
    assert {d.source for d in docs} == {
        str(news_dir / "a_feed.xml"),
        str(news_dir / "2026" / "b_page"),
        str(news_dir / "2026" / "c_story.txt"),
    }
    assert sorted(e.source for e in errors) == [str(news_dir / "2026" / "03" / "chart.png"), str(news_dir / "d_broken.rss")]
    messages = {e.source: str(e) for e in errors}
    assert messages[str(news_dir / "2026" / "03" / "chart.png")].endswith(": binary or unknown format: a PNG image")
    assert "not an RSS or Atom feed" in messages[str(news_dir / "d_broken.rss")]


def test_directory_is_read_depth_first_in_name_order(news_dir):
    order = [item.source for item in read_all([news_dir])]
    assert order == [
        str(news_dir / "2026" / "03" / "chart.png"),
        str(news_dir / "2026" / "b_page"),
        str(news_dir / "2026" / "c_story.txt"),
        str(news_dir / "a_feed.xml"),
        str(news_dir / "a_feed.xml"),
        str(news_dir / "d_broken.rss"),
    ]


def test_reader_is_chosen_by_content_not_extension(news_dir):
    by_source = {d.source: d for d in split(read_all([news_dir]))[0]}
    page = by_source[str(news_dir / "2026" / "b_page")]
    assert page.title == "Kospi ends at record as chipmakers rally" and page.tables


def test_hidden_files_and_expected_facts_sidecars_are_skipped(tmp_path):
    shutil.copy(DATA / "margin_loans.txt", tmp_path / "story.txt")
    (tmp_path / "story.expected.json").write_text('[{"metric": "margin_loan_balance"}]')
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    assert [Path(p).name for p in walk(tmp_path)] == ["story.txt"]


def test_other_json_is_reported_not_read_as_an_article(tmp_path):
    (tmp_path / "facts.json").write_text('{"index": "KOSPI", "close": 5120.35}')
    (tmp_path / "rows.jsonl").write_text('{"a": 1}\n{"a": 2}\n')
    _, errors = split(read_all([tmp_path]))
    assert [str(e) for e in errors] == [
        f"{tmp_path / 'facts.json'}: binary or unknown format: JSON, which is not an input format",
        f"{tmp_path / 'rows.jsonl'}: binary or unknown format: JSON, which is not an input format",
    ]


def test_read_of_a_directory_raises_at_the_first_bad_file(news_dir):
    with pytest.raises(ReadError) as caught:
        list(read(news_dir))
    assert caught.value.source == str(news_dir / "2026" / "03" / "chart.png")


def test_failed_inputs_among_good_ones_never_lose_the_others(tmp_path):
    missing = tmp_path / "missing.rss"
    refused = closed_port_url()
    docs, errors = split(read_all([missing, DATA / "lending.atom", refused, DATA / "short_balance.txt"]))
    assert [d.source for d in docs] == [str(DATA / "lending.atom")] * 2 + [str(DATA / "short_balance.txt")]
    assert [str(e) for e in errors] == [f"{missing}: no such file or directory", f"{refused}: connection refused (4 attempts)"]
    assert isinstance(errors[1], FetchError)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX FIFOs")
def test_fifo_in_a_directory_is_reported_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    (error,) = list(read_all([tmp_path]))
    assert str(error) == f"{tmp_path / 'pipe'}: not a regular file"


def test_symlinked_directory_is_reported_not_followed(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "loop").symlink_to(tmp_path / "real")
    (error,) = list(walk(tmp_path))
    assert str(error) == f"{tmp_path / 'real' / 'loop'}: symbolic link to a directory, not followed"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_reported_as_permission_denied(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text("Kospi up")
    path.chmod(0)
    (error,) = list(read_all([path]))
    assert str(error) == f"{path}: permission denied"


# --- sniffing ---------------------------------------------------------------


@pytest.mark.parametrize(
    "data, kind",
    [
        (b'\xef\xbb\xbf  <?xml version="1.0"?>\n<!-- saved -->\n<rss version="2.0"><channel/></rss>', "feed"),
        (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>', "feed"),
        (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"></rdf:RDF>', "feed"),
        (b"<rss><channel></channel></rss>", "feed"),
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        (b"\n<html lang=ko><p>x</p></html>", "html"),
        (b'<?xml version="1.0"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"></html>', "html"),
        (b"<h2>Flows</h2><p>Kospi</p><table><tr><td>1</td></tr></table>", "html"),
        (b"Kospi closes at 5,120.35\n\nForeigners bought <b>more</b>.", "text"),
        ("코스피 마감".encode("cp949"), "text"),
        ("Kospi \u2014 up".encode("utf-16"), "text"),
    ],
)
def test_sniff_decides_by_content(data, kind):
    assert sniff(data, "x") == kind


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"%PDF-1.7\n...", "a PDF document"),
        (b"PK\x03\x04rest", "a ZIP archive"),
        (b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", "a WARC archive"),
        (b"Kospi\x00\x01\x02", "contains NUL bytes"),
        (bytes(range(128, 256)) * 4, "not UTF-8 or CP949 text"),
        (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', "XML whose root is <svg>, not RSS or Atom"),
    ],
)
def test_sniff_rejects_what_no_reader_reads(data, reason):
    with pytest.raises(ReadError) as caught:
        sniff(data, "in/put.bin")
    assert str(caught.value) == f"in/put.bin: binary or unknown format: {reason}"


SAMPLES = [p.read_bytes() for p in sorted(DATA.iterdir())]


@st.composite
def damaged_inputs(draw) -> bytes:
    """A real input cut short, with random bytes spliced in: what a bad download looks like."""
    sample = draw(st.sampled_from(SAMPLES))
    cut = draw(st.integers(0, len(sample)))
    at = draw(st.integers(0, cut))
    return sample[:at] + draw(st.binary(max_size=40)) + sample[at:cut]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=300), damaged_inputs()))
def test_any_bytes_give_documents_or_a_read_error_and_nothing_else(data):
    try:
        docs = list(read_bytes(data, "in.dat"))
    except ReadError as e:
        assert e.source == "in.dat"
        return
    for doc in docs:
        assert isinstance(doc, Document) and doc.text
        for table in doc.tables:
            assert doc.text[table.start : table.end].startswith("| ")
