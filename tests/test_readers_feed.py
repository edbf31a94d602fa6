"""Feeds: RSS and Atom items become Documents, their HTML tables kept as rows."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.documents import Document
from extractor.errors import ReadError
from extractor.readers import read, read_all
from extractor.readers.feed import read_feed

DATA = Path(__file__).parent / "data" / "readers"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
KST = timezone(timedelta(hours=9))


def read_docs(name: str, **kwargs) -> list[Document]:
    return list(read(DATA / name, **kwargs))


def test_rss_item_becomes_document_with_link_guid_title_and_source():
    first = read_docs("market_wrap.rss")[0]
    assert first.url == "https://seoulclose.example/2026/03/05/close"
    assert first.guid == "seoulclose-2026-03-05"
    assert first.title == "Kospi 5,204 & Kosdaq 1,031: foreigners buy for a third day"
    assert first.source == str(DATA / "market_wrap.rss")
    assert first.text.startswith(
        "The Kospi rose 1.63 percent to 5,204.18 on Thursday as foreign investors bought a net 1.31 trillion won."
    )


def test_feed_item_table_is_kept_as_pipe_rows_with_offsets():
    doc = read_docs("market_wrap.rss")[0]
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert table.rows == [
        ["Market", "Close", "Change", "Net buy", "Net buy"],  # colspan=2 repeats the header
        ["Kospi", "5,204.18", "+1.63%", "Foreigners +₩1,310bn", "Retail -₩902bn"],
        ["Kosdaq", "1,031.07", "+0.48%", "Foreigners +₩88bn", "Retail / Institutions -₩61bn"],
    ]
    assert doc.text[table.start : table.end] == (
        "| Market | Close | Change | Net buy | Net buy |\n"
        "| Kospi | 5,204.18 | +1.63% | Foreigners +₩1,310bn | Retail -₩902bn |\n"
        "| Kosdaq | 1,031.07 | +0.48% | Foreigners +₩88bn | Retail / Institutions -₩61bn |"
    )
    # The table is a block of its own, between the heading and the next paragraph.
    assert doc.text[: table.start].endswith("Flows by investor\n\n")
    assert doc.text[table.end :].startswith("\n\nSamsung Electronics added 2.2 percent to 221,500 won.\nSK hynix")


def test_rss_pubdate_keeps_korean_offset_and_calendar_day():
    # 08:10 KST on the 6th is still the 5th in UTC: the Korean day must survive.
    published = read_docs("market_wrap.rss")[0].published
    assert published == datetime(2026, 3, 6, 8, 10, tzinfo=KST)
    assert published.utcoffset() == timedelta(hours=9)
    assert published.date() == date(2026, 3, 6)


def test_content_encoded_is_preferred_over_description():
    margin = read_docs("market_wrap.rss")[1]
    assert "Short teaser" not in margin.text
    assert margin.text == (
        "Outstanding margin loans reached 29.4 trillion won as of Tuesday, according to the "
        "Korea Financial Investment Association.\n\n"
        "Kospi: 18.2 trillion won\n\n"
        "Kosdaq: 11.2 trillion won"
    )
    assert margin.guid == margin.url == "https://seoulclose.example/2026/03/04/margin"


def test_item_with_empty_body_is_skipped_without_error():
    items = list(read_all([DATA / "market_wrap.rss"]))
    assert [type(item) for item in items] == [Document, Document]
    assert all("Photo" not in (item.title or "") for item in items)


def test_atom_entries_are_read_with_html_and_plain_text_content():
    lending, short = read_docs("lending.atom")
    assert lending.title == "Lending balance hits record 101 trillion won"  # type="html" title
    assert lending.url == "https://lendingdesk.example/lending-0305"
    assert lending.guid == "tag:lendingdesk.example,2026:lending-0305"
    assert lending.published == datetime(2026, 3, 5, 15, 40, tzinfo=KST)  # published, not updated
    assert lending.tables[0].rows == [["Stock", "Borrowing ratio"], ["Ecopro", "11.8%"], ["HLB", "7.9%"]]
    # type="text": used as written, not parsed as markup
    assert short.text == (
        "The net short balance on the Kosdaq fell to 4.1 trillion won, or 0.98 percent of market value, "
        "as of Monday.\n\nTraders said the decline followed a rally in battery makers & biotech shares."
    )
    assert short.tables == []


def test_atom_entry_without_published_uses_updated():
    short = read_docs("lending.atom")[1]
    assert short.published == datetime(2026, 3, 4, 17, 5, tzinfo=KST)


def test_published_argument_only_fills_items_without_a_date():
    feed = b"""<rss version="2.0"><channel><title>t</title>
      <item><title>dated</title><pubDate>Wed, 04 Mar 2026 18:45:00 +0900</pubDate>
        <description>Kospi fell 0.4 percent.</description></item>
      <item><title>undated</title><description>Kosdaq rose 1.1 percent.</description></item>
    </channel></rss>"""
    dated, undated = read_feed(feed, "f.xml", published=date(2026, 3, 9))
    assert dated.published == datetime(2026, 3, 4, 18, 45, tzinfo=KST)
    assert undated.published == date(2026, 3, 9)


def test_zone_name_kst_is_read_as_plus_nine_hours():
    feed = b"""<rss version="2.0"><channel><title>t</title><item><title>x</title>
      <pubDate>Thu, 05 Mar 2026 07:30:00 KST</pubDate><description>Kospi opened higher.</description>
    </item></channel></rss>"""
    (doc,) = read_feed(feed, "kst.xml")
    assert doc.published == datetime(2026, 3, 5, 7, 30, tzinfo=KST)


def test_malformed_feed_without_items_is_a_read_error_naming_the_path():
    path = DATA / "broken.rss"
    with pytest.raises(ReadError) as caught:
        read(path)
    assert str(caught.value).startswith(f"{path}: not an RSS or Atom feed: ")


def test_bozo_feed_with_items_still_yields_them():
    # An unescaped '&' makes the XML ill-formed; feedparser still finds the item.
    feed = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Flows & more</title>
      <item><title>Kospi</title><link>https://x.example/1</link>
      <description>Foreigners bought 1.2 trillion won & retail sold.</description></item>
    </channel></rss>"""
    (doc,) = read_feed(feed, "bozo.xml")
    assert "Foreigners bought 1.2 trillion won" in doc.text


def test_bytes_that_name_a_local_file_are_parsed_not_opened(tmp_path):
    # feedparser opens a bytes argument as a path; the reader must never let it.
    secret = tmp_path / "secret.xml"
    secret.write_text('<rss version="2.0"><channel><item><description>leak</description></item></channel></rss>')
    with pytest.raises(ReadError, match="not an RSS or Atom feed"):
        list(read_feed(str(secret).encode(), "x"))


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/seeds is not beside the repository")
def test_seed_rss_saved_as_txt_is_read_as_a_feed_with_its_tables():
    (path,) = SEEDS.glob("004_*.txt")
    (doc,) = read(path)
    assert doc.title.startswith("KOSPI May 13")
    assert doc.published == datetime(2026, 5, 14, 11, 0, tzinfo=KST)
    assert "| KOSPI | 7,844.01 | +2.63% | +₩1,890bn | +₩1,690bn | -₩3,760bn |" in doc.text
    assert doc.tables
    for table in doc.tables:
        assert doc.text[table.start : table.end] == "\n".join("| " + " | ".join(r) + " |" for r in table.rows)


def test_feed_is_read_over_http_from_its_url(http_server):  # noqa: F811
    url = http_server.route(
        "/feeds/markets.xml",
        (DATA / "market_wrap.rss").read_bytes(),
        headers={"Content-Type": "application/rss+xml; charset=utf-8"},
    )
    docs = list(read(url))
    assert [d.guid for d in docs] == ["seoulclose-2026-03-05", "https://seoulclose.example/2026/03/04/margin"]
    assert all(d.source == url for d in docs)
    assert docs[0].tables[0].rows[1][0] == "Kospi"


def test_relative_item_links_resolve_against_the_fetched_url(http_server):  # noqa: F811
    feed = b"""<rss version="2.0"><channel><title>t</title><item><title>x</title>
      <link>/posts/42</link><description>Kospi closed flat.</description></item></channel></rss>"""
    url = http_server.route("/blog/feed.xml", feed, headers={"Content-Type": "application/rss+xml"})
    (doc,) = read(url)
    assert doc.url == http_server.url("/posts/42")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=600))
def test_arbitrary_bytes_raise_only_read_error(data):
    try:
        for doc in read_feed(data, "fuzz.xml"):
            assert isinstance(doc, Document)
    except ReadError as e:
        assert str(e).startswith("fuzz.xml: ")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_any_item_body_converts_without_raising(body):
    escaped = body.replace("&", "&amp;").replace("<", "&lt;").replace("]]>", "")
    feed = f'<rss version="2.0"><channel><item><description>{escaped}</description></item></channel></rss>'
    try:
        docs = list(read_feed(feed.encode("utf-8", "surrogatepass"), "fuzz.xml"))
    except ReadError:
        return  # e.g. characters XML forbids
    for doc in docs:
        for table in doc.tables:
            assert doc.text[table.start : table.end].startswith("| ")
