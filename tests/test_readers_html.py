"""HTML: the fragment converter (text + tables) and the article-page reader."""

from __future__ import annotations

import warnings
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.errors import ReadError
from extractor.readers import read
from extractor.readers.html import _trafilatura, decode_html, read_html
from extractor.readers.htmltext import html_to_text

DATA = Path(__file__).parent / "data" / "readers"
KST = timezone(timedelta(hours=9))

with warnings.catch_warnings():
    warnings.simplefilter("ignore", RuntimeWarning)
    HAS_TRAFILATURA = _trafilatura() is not None


def pipe_lines(rows: list[list[str]]) -> str:
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


# --- html_to_text -----------------------------------------------------------


def test_blocks_are_separated_by_blank_lines_and_whitespace_collapsed():
    text, tables = html_to_text(
        "<h2>Market\n  close</h2><p>The   Kospi\n rose <b>1.2</b>%.</p>"
        "<ul><li>Kosdaq up</li><li>Won &amp; bonds flat</li></ul><div>Turnover &gt; 20 trillion won</div>"
    )
    assert text == "Market close\n\nThe Kospi rose 1.2%.\n\nKosdaq up\n\nWon & bonds flat\n\nTurnover > 20 trillion won"
    assert tables == []


def test_br_is_a_line_break_and_double_br_a_paragraph_break():
    text, _ = html_to_text("<p>Kospi 5,120.35<br>Kosdaq 1,012.44<br><br>Won 1,432.5</p>")
    assert text == "Kospi 5,120.35\nKosdaq 1,012.44\n\nWon 1,432.5"


def test_pre_keeps_its_lines():
    pre = "<pre><code>09:00 open: -0.8%\n  low: \\~5,010\n\n15:30 close: +1.2%\n</code></pre>"
    text, _ = html_to_text("<p>Intraday:</p>" + pre)
    assert text == "Intraday:\n\n09:00 open: -0.8%\n  low: \\~5,010\n\n15:30 close: +1.2%"


def test_script_style_and_comments_are_not_text():
    text, _ = html_to_text("<p>Kospi<!-- hidden --> up</p><script>var x = 1;</script><style>p{}</style>")
    assert text == "Kospi up"


def test_table_rows_are_pipe_lines_with_exact_offsets():
    html = (
        "<p>Flows on Thursday:</p><table><thead><tr><th> Investor </th><th>Net buy</th></tr></thead>"
        "<tbody><tr><td>Foreigners</td><td>+₩1.3tn</td></tr><tr><td>Retail</td><td>-₩0.9tn</td></tr></tbody>"
        "</table><p>Source: KRX</p>"
    )
    text, tables = html_to_text(html)
    rows = [["Investor", "Net buy"], ["Foreigners", "+₩1.3tn"], ["Retail", "-₩0.9tn"]]
    assert text == "Flows on Thursday:\n\n" + pipe_lines(rows) + "\n\nSource: KRX"
    (table,) = tables
    assert table.rows == rows
    assert text[table.start : table.end] == pipe_lines(rows)


def test_header_rows_come_first_and_footer_rows_last():
    html = (
        "<table><tfoot><tr><td>Total</td><td>0.4</td></tr></tfoot>"
        "<tbody><tr><td>Kospi</td><td>0.3</td></tr></tbody>"
        "<thead><tr><th>Index</th><th>Change</th></tr></thead></table>"
    )
    (table,) = html_to_text(html)[1]
    assert table.rows == [["Index", "Change"], ["Kospi", "0.3"], ["Total", "0.4"]]


def test_pipe_in_a_cell_becomes_slash_and_cell_whitespace_collapses():
    (table,) = html_to_text("<table><tr><td>Retail | Institutions</td><td> -₩61bn\n <br> net </td></tr></table>")[1]
    assert table.rows == [["Retail / Institutions", "-₩61bn net"]]


def test_colspan_and_rowspan_repeat_the_cell_in_each_slot():
    html = (
        "<table><tr><th rowspan='2'>Market</th><th colspan='2'>Net buy (₩bn)</th></tr>"
        "<tr><th>Foreign</th><th>Retail</th></tr>"
        "<tr><td>Kospi</td><td>1,310</td><td>-902</td></tr></table>"
    )
    (table,) = html_to_text(html)[1]
    assert table.rows == [
        ["Market", "Net buy (₩bn)", "Net buy (₩bn)"],
        ["Market", "Foreign", "Retail"],
        ["Kospi", "1,310", "-902"],
    ]


def test_absurd_colspan_is_bounded():
    (table,) = html_to_text("<table><tr><td colspan='99999999'>x</td><td>y</td></tr></table>")[1]
    assert len(table.rows[0]) <= 101


def test_caption_is_a_paragraph_before_the_table():
    text, (table,) = html_to_text("<table><caption>Top gainers</caption><tr><td>HLB</td><td>+8.1%</td></tr></table>")
    assert text == "Top gainers\n\n| HLB | +8.1% |"
    assert text[table.start : table.end] == "| HLB | +8.1% |"


def test_layout_table_is_read_as_paragraphs_and_its_inner_data_table_kept():
    html = (
        "<table><tr><td><p>Short balances rose on Monday.</p><p>Ecopro led the list.</p>"
        "<table><tr><th>Stock</th><th>Ratio</th></tr><tr><td>Ecopro</td><td>5.6%</td></tr></table>"
        "</td><td><p>Most read</p></td></tr></table>"
    )
    text, (table,) = html_to_text(html)
    assert text.startswith("Short balances rose on Monday.\n\nEcopro led the list.\n\n| Stock | Ratio |")
    assert table.rows == [["Stock", "Ratio"], ["Ecopro", "5.6%"]]
    assert text[table.start : table.end] == "| Stock | Ratio |\n| Ecopro | 5.6% |"


def test_one_cell_table_is_a_paragraph():
    text, tables = html_to_text("<table><tr><td>Note: figures are provisional.</td></tr></table>")
    assert (text, tables) == ("Note: figures are provisional.", [])


def test_footnote_marker_does_not_glue_onto_a_figure():
    text, _ = html_to_text("<p>Kospi closed at 5,120.35<sup>1</sup> on the 4<sup>th</sup>.</p>")
    assert text == "Kospi closed at 5,120.35 1 on the 4th."


def test_deeply_nested_markup_does_not_hit_the_recursion_limit():
    html = "<div>" * 5000 + "Kospi up 1%" + "</div>" * 5000
    assert html_to_text(html)[0] == "Kospi up 1%"


cells = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(cells, min_size=2, max_size=4), min_size=1, max_size=4), st.text(max_size=30))
def test_any_table_renders_at_its_offsets(grid, before):
    from html import escape

    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in grid)
    text, tables = html_to_text(f"<p>{escape(before)}</p><table>{body}</table><p>after</p>")
    for table in tables:
        assert text[table.start : table.end] == pipe_lines(table.rows)
        assert all("|" not in cell and "\n" not in cell for row in table.rows for cell in row)


html_soup = st.lists(
    st.sampled_from(
        ["<p>", "</p>", "<table>", "</table>", "<tr>", "<td>", "</td>", "<th colspan=3>", "<td rowspan=2>",
         "<br>", "<pre>", "</pre>", "<li>", "<sup>1</sup>", "&amp;", "&#0;", "<!--", "-->", "<![CDATA[",
         "Kospi 5,120.35", " | ", "\u00ad", "\n", "<caption>", "<script>", "<div role=presentation>"]
    )
    | st.text(max_size=5),
    max_size=60,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(html_soup)
def test_any_markup_converts_and_table_offsets_hold(html):
    text, tables = html_to_text(html)
    for table in tables:
        assert text[table.start : table.end] == pipe_lines(table.rows)


# --- article pages ----------------------------------------------------------


def test_page_gives_title_date_canonical_url_text_and_table():
    (doc,) = read(DATA / "kospi_record.html")
    assert doc.title == "Kospi ends at record as chipmakers rally"
    assert doc.published == datetime(2026, 3, 4, 16, 5, tzinfo=KST)
    assert doc.url == "https://wire.example/markets/kospi-record-0304"
    assert doc.source == str(DATA / "kospi_record.html")
    assert "The Kospi closed at 5,120.35 on Wednesday, up 1.84 percent" in doc.text
    (table,) = doc.tables
    assert table.rows == [["Index", "Close", "Change"], ["Kospi", "5,120.35", "+1.84%"], ["Kosdaq", "1,012.44", "+0.62%"]]
    assert doc.text[table.start : table.end] == pipe_lines(table.rows)


def test_navigation_sidebar_and_footer_are_not_article_text():
    (doc,) = read(DATA / "kospi_record.html")
    for boilerplate in ("About us", "Most read", "Won weakens", "All rights reserved"):
        assert boilerplate not in doc.text


@pytest.mark.skipif(not HAS_TRAFILATURA, reason="trafilatura cannot be imported (needs lxml_html_clean)")
def test_trafilatura_drops_boilerplate_that_has_no_semantic_tags():
    related = "".join(f"<li><a href='/n{i}'>Related story number {i} about the won</a></li>" for i in range(12))
    html = (
        "<html><head><title>Kosdaq slips</title></head><body><div class='menu'><ul>" + related + "</ul></div>"
        "<div class='story'><p>" + "The Kosdaq fell 0.9 percent to 1,003.2 as retail investors sold. " * 6 + "</p>"
        "<p>" + "Battery makers led the decline while biotech shares were mixed. " * 5 + "</p></div></body></html>"
    )
    (doc,) = read_html(html.encode(), "page.html")
    assert "The Kosdaq fell 0.9 percent" in doc.text
    assert "Related story" not in doc.text


def test_published_argument_overrides_the_page_date():
    (doc,) = read(DATA / "kospi_record.html", published=date(2026, 3, 5))
    assert doc.published == date(2026, 3, 5)


def test_page_date_from_json_ld_when_no_meta_tag():
    html = (
        '<html><head><title>Won at 1,432</title><script type="application/ld+json">'
        '{"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle", '
        '"datePublished": "2026-02-27T09:12:00+09:00"}]}</script></head>'
        "<body><article><p>The won traded at 1,432.5 per dollar on Friday morning.</p></article></body></html>"
    )
    (doc,) = read_html(html.encode(), "won.html")
    assert doc.published.date() == date(2026, 2, 27)


def test_page_without_text_is_a_read_error():
    with pytest.raises(ReadError, match=r"^empty\.html: no text found in the HTML page$"):
        read_html(b"<html><head><title>x</title></head><body><script>1</script></body></html>", "empty.html")


KOREAN_PAGE = (
    "<html><head>{meta}<title>코스피 마감</title></head><body><article>"
    "<p>The Kospi (코스피) closed at 5,120.35, up 1.84 percent, as foreigners bought 1.2 trillion won.</p>"
    "<p>외국인 순매수 1조2000억원: foreigners net bought shares for a third day.</p>"
    "</article></body></html>"
)


def test_euc_kr_page_declared_in_meta_decodes_right(tmp_path):
    path = tmp_path / "kospi-euckr.html"
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">'
    path.write_bytes(KOREAN_PAGE.format(meta=meta).encode("euc-kr"))
    (doc,) = read(path)
    assert "The Kospi (코스피) closed at 5,120.35" in doc.text
    assert "외국인 순매수 1조2000억원" in doc.text


def test_euc_kr_label_is_read_as_cp949_so_extended_syllables_decode():
    # 똠 is in CP949 but not in strict EUC-KR; pages labelled euc-kr use it.
    page = KOREAN_PAGE.format(meta='<meta charset="euc-kr">').replace("마감", "똠방각하 마감")
    assert "똠방각하 마감" in decode_html(page.encode("cp949"))


def test_euc_kr_page_served_with_charset_header_decodes_right(http_server):  # noqa: F811
    url = http_server.route(
        "/kr/story", KOREAN_PAGE.format(meta="").encode("euc-kr"), headers={"Content-Type": "text/html; charset=EUC-KR"}
    )
    (doc,) = read(url)
    assert "외국인 순매수 1조2000억원" in doc.text


def test_lazy_latin1_header_does_not_override_the_pages_own_charset():
    data = KOREAN_PAGE.format(meta='<meta charset="euc-kr">').encode("euc-kr")
    assert "코스피 마감" in decode_html(data, "iso-8859-1")


def test_undeclared_cp949_page_decodes_right():
    data = KOREAN_PAGE.format(meta="").encode("cp949")
    assert "외국인 순매수 1조2000억원" in decode_html(data)


def test_page_is_read_over_http_with_the_final_url(http_server):  # noqa: F811
    target = http_server.route(
        "/markets/kospi-record", (DATA / "kospi_record.html").read_bytes(), headers={"Content-Type": "text/html"}
    )
    start = http_server.route("/s/abc", status=301, headers={"Location": "/markets/kospi-record"})
    (doc,) = read(start)
    assert doc.url == target
    assert doc.source == start
    assert doc.tables[0].rows[1] == ["Kospi", "5,120.35", "+1.84%"]


def test_figure_lists_in_a_short_mobile_article_are_kept():
    # trafilatura's precision mode drops these <ul>s as boilerplate; the
    # figures in them (flows by investor, top movers) are the article.
    (doc,) = read_html((DATA / "mobile_flash_lists.html").read_bytes(), "mobile_flash_lists.html")
    for line in ("Foreigners −₩902.3bn", "Retail +₩1.05tn", "SK hynix ₩1,105,000 (−4.10%)", "Hyundai Motor ₩288,500 (+1.23%)"):
        assert line in doc.text
    assert "Won nears 1,470" not in doc.text and "Log in" not in doc.text  # the page furniture stays out
