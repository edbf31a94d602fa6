"""Plain-text articles: text, title and the publication date from header lines."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from extractor.errors import ReadError
from extractor.readers import read
from extractor.readers.text import normalize_text, parse_timestamp, read_text

DATA = Path(__file__).parent / "data" / "readers"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
KST = timezone(timedelta(hours=9))


def read_one(text: str, **kwargs):
    (doc,) = read_text(text.encode("utf-8"), "article.txt", **kwargs)
    return doc


BODY = (
    "The Kospi rose 1.1 percent to 5,031.77 on Tuesday as chipmakers extended gains, while foreign "
    "investors bought a net 412.6 billion won of shares on the main board, according to the exchange.\n"
    "Retail investors sold a net 388.0 billion won, and institutions were little changed on the day, "
    "with the Kosdaq ending 0.3 percent higher at 1,004.15 after trading in a narrow range all session.\n"
)


def test_date_token_line_gives_the_day_and_is_stripped_from_the_title():
    (doc,) = read(DATA / "margin_loans.txt")
    assert doc.published == date(2026, 2, 11)
    assert doc.title == "Margin loans top 28 trillion won as retail investors chase chip rally"
    assert doc.text.startswith("date 2026-02-11 Margin loans top")  # the text itself is kept as written
    assert doc.source == str(DATA / "margin_loans.txt")
    assert doc.url == (DATA / "margin_loans.txt").resolve().as_uri()  # a file's identity is its path
    assert doc.tables == []


def test_published_line_gives_date_and_time_and_updated_is_ignored():
    (doc,) = read(DATA / "short_balance.txt")
    assert doc.published == datetime(2026, 2, 12, 17, 20)
    assert doc.title == "Short-selling balance on Kospi rises to 10.2 trillion won"


def test_published_argument_wins_over_date_lines():
    (doc,) = read(DATA / "short_balance.txt", published=date(2026, 2, 13))
    assert doc.published == date(2026, 2, 13)
    stamp = datetime(2026, 2, 13, 9, 0, tzinfo=KST)
    assert read_one("date 2026-01-02 Title\n" + BODY, published=stamp).published == stamp


def test_updated_line_is_used_when_there_is_no_published_line():
    doc = read_one("Kosdaq edges up\nUpdated: Feb. 3, 2026 16:10\n" + BODY)
    assert doc.published == datetime(2026, 2, 3, 16, 10)


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Published 2026-01-07", date(2026, 1, 7)),
        ("Posted on Jan 7, 2026", date(2026, 1, 7)),
        ("Published : Jan. 7, 2026 - 18:38", datetime(2026, 1, 7, 18, 38)),
        ("2026.01.07 18:38 KST", datetime(2026, 1, 7, 18, 38, tzinfo=KST)),
        ("MARKETS — Jan. 7, 2026", date(2026, 1, 7)),
    ],
)
def test_header_date_line_styles(line, expected):
    assert read_one(f"Kospi hits record\n{line}\n" + BODY).published == expected


def test_dateline_below_scraped_navigation_is_found():
    navigation = "\n".join(["Markets", "Economy", "Companies", "Opinion"] * 8)
    doc = read_one(navigation + "\nRESEARCH — Nov. 25, 2025\nShort interest eases on Kospi\n" + BODY)
    assert doc.published == date(2025, 11, 25)


def test_photo_caption_date_dates_a_story_with_no_date_line_but_never_beats_one():
    # News1 captions date the photo, which is often days older than the story:
    # a date line wins, and a report day the story names moves the caption's on.
    (doc,) = read(DATA / "short_balance.txt")
    assert doc.published.date() == date(2026, 2, 12)  # its Published line, not the caption's Feb. 10
    caption = "The dealing room in Jung-gu, Seoul. Feb. 10, 2026/News1\n"
    assert read_one(BODY + caption).published == date(2026, 2, 10)
    reported = "According to the Korea Exchange on the 12th, the balance rose.\n"
    assert read_one(caption + reported + BODY).published == date(2026, 2, 12)


def test_wire_dateline_without_a_year_takes_the_year_from_the_file_name(tmp_path):
    story = "SEOUL, May 15 (Yonhap) -- South Korean stocks closed higher Friday as chipmakers rebounded.\n\n" + BODY
    named = tmp_path / "yonhap_close_2026-05-15.txt"
    named.write_text(story, encoding="utf-8")
    assert next(iter(read(named))).published == date(2026, 5, 15)
    unnamed = tmp_path / "close.txt"
    unnamed.write_text(story, encoding="utf-8")
    assert next(iter(read(unnamed))).published is None  # the day without its year: not guessed from the clock


def test_dates_inside_sentences_are_not_taken():
    doc = read_one("Margin loans hit a record\nThe previous record was set on Dec. 17, 2025.\n" + BODY)
    assert doc.published is None


def test_ambiguous_numeric_date_is_not_guessed():
    assert read_one("Kospi slips\nPublished: 07/01/2026\n" + BODY).published is None


def test_date_after_the_article_body_starts_is_not_a_dateline():
    assert read_one(BODY + BODY + "Jan. 7, 2026\n").published is None


def test_first_sentence_is_not_taken_as_title():
    assert read_one(BODY).title is None
    lede = "The Kospi rose 1.1 percent on Tuesday as chipmakers extended their gains for a third straight trading day."
    assert read_one(lede + "\nMore.").title is None


def test_file_written_one_paragraph_per_line_gets_blank_line_paragraphs():
    assert normalize_text("Title\r\nFirst para.  \r\nSecond para.\r\n") == "Title\n\nFirst para.\n\nSecond para."


def test_file_with_blank_lines_keeps_its_line_breaks():
    raw = "\ufeffTitle\n\n\n\nA paragraph that\nwraps here.\n\nNext.\n\n"
    assert normalize_text(raw) == "Title\n\nA paragraph that\nwraps here.\n\nNext."


def test_cp949_text_file_decodes():
    data = "코스피 5,031.77 마감\n외국인 4126억원 순매수\n".encode("cp949")
    (doc,) = read_text(data, "kr.txt")
    assert doc.title == "코스피 5,031.77 마감"


def test_empty_file_is_a_read_error(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"\n  \n")
    with pytest.raises(ReadError, match=r"empty\.txt: no text: the file is empty$"):
        read(path)


def test_missing_file_is_a_read_error_naming_it(tmp_path):
    path = tmp_path / "nowhere.txt"
    with pytest.raises(ReadError) as caught:
        read(path)
    assert str(caught.value) == f"{path}: no such file or directory"


@pytest.mark.parametrize(
    "value, expected",
    [
        ("Thu, 14 May 2026 11:00:00 +0900", datetime(2026, 5, 14, 11, 0, tzinfo=KST)),
        ("Thu, 14 May 2026 02:00:00 GMT", datetime(2026, 5, 14, 2, 0, tzinfo=timezone.utc)),
        ("Thu, 14 May 2026 11:00:00 KST", datetime(2026, 5, 14, 11, 0, tzinfo=KST)),
        ("2026-05-14T11:00:00+09:00", datetime(2026, 5, 14, 11, 0, tzinfo=KST)),
        ("2026-05-14T02:00:00Z", datetime(2026, 5, 14, 2, 0, tzinfo=timezone.utc)),
        ("2026-05-14", date(2026, 5, 14)),
        ("14 May 2026", date(2026, 5, 14)),
        ("07/01/2026", None),
        ("yesterday 2026", None),
        ("May 2026", None),
        ("no date here", None),
    ],
)
def test_parse_timestamp(value, expected):
    parsed = parse_timestamp(value)
    assert parsed == expected
    assert type(parsed) is type(expected)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/seeds is not beside the repository")
def test_seed_text_with_date_token_and_published_line():
    (path,) = SEEDS.glob("002_*.txt")
    (doc,) = read(path)
    assert doc.published == datetime(2026, 1, 7, 18, 38)
    assert doc.title.startswith("Kospi breaks 4,600 during trading")
