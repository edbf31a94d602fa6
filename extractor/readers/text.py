"""Plain-text articles, and the date parsing every reader shares.

A text file is one article. Its publication date is, in order:

1. the ``published`` the caller passes (the CLI's ``--published``): the user
   knows better than any heuristic;
2. a date line in the article's header, the lines before the body prose
   starts (at most :data:`HEADER_LINES` lines, and only until
   :data:`HEADER_PROSE_LINES` long prose lines have gone by, so navigation
   scraped above the article doesn't hide its dateline). Recognised, best
   first:

   - ``Published: 07 Jan. 2026, 18:38`` (also ``Posted``; an ``Updated:``
     on the same line is cut off), as a datetime when it has a time;
   - a leading ``date 2026-01-07`` token (how our scrapes mark the day);
   - a dateline: ``RESEARCH — Nov. 25, 2025``, or a line that is only a date;
   - ``Updated: ...``, only when nothing above is there.

Dates inside sentences are never taken, and neither is a photo caption's
``July 11, 2025/News1``: a caption dates the photo, and News1 pieces are
often published days after the photo they reuse (our seed 001 captions a
photo of the 11th in an article of the 13th).

Date strings are parsed conservatively: a four-digit year must be there,
and all-numeric day/month orders that differ between countries
(``07/01/2026``) are refused rather than guessed.
"""

from __future__ import annotations

import email.utils
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from ..documents import Document
from ..errors import ReadError
from .sniff import decode_text

#: How many lines from the top a dateline may be on.
HEADER_LINES = 50
#: The header ends after this many prose lines.
HEADER_PROSE_LINES = 2
#: A line at least this long is body prose, not a header line.
PROSE_CHARS = 120
#: A first line shorter than this can be the title.
MAX_TITLE_CHARS = 200
#: ... but not if it is longer than this and ends in a full stop.
MAX_SENTENCE_TITLE_CHARS = 100

_DATE_TOKEN = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*", re.I)
_LABELLED = re.compile(
    r"^\s*(?P<label>published|posted|updated|modified|date)\b\s*(?:on\b|at\b)?\s*[:：]?\s*(?P<value>.+)$", re.I
)
_SECOND_LABEL = re.compile(r"\s*[|·]?\s*\b(?:updated|modified|published|posted)\b.*$", re.I)
_DATELINE = re.compile(r"^\s*[A-Z][A-Z&/.' ]{1,40}\s*[—–-]+\s*(?P<value>.+)$")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_AMBIGUOUS_NUMERIC = re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b")
_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
_RFC822 = re.compile(
    r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?\s+(?:[+-]\d{4}|GMT|UTC?)$"
)
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")

# Ranks of the date lines: lower wins.
_RANK = {"published": 0, "posted": 0, "date": 1, "token": 1, "dateline": 2, "updated": 3, "modified": 3}


def read_text(
    data: bytes, source: str, *, published: date | datetime | None = None
) -> Iterator[Document]:
    """The one Document of a text file; ReadError at once if it is not text or is empty."""
    raw = decode_text(data)
    if raw is None:
        raise ReadError(source, "binary or unknown format: not UTF-8 or CP949 text")
    text = normalize_text(raw)
    if not text:
        raise ReadError(source, "no text: the file is empty")
    lines = text.split("\n")
    document = Document(
        text=text,
        url=file_url(source),
        title=_title(lines),
        published=published if published is not None else (find_published(lines) or infer_published(text, source)),
        source=source,
    )
    return iter((document,))


def file_url(source: str) -> str | None:
    """A file's own URI, the identity of a one-article file that names no
    URL: re-reading a changed file then replaces its facts, not adds to them."""
    if re.match(r"^[a-z][a-z0-9+.-]*://", source, re.I) or source.startswith("<"):
        return None
    return Path(source).resolve().as_uri()


def normalize_text(raw: str) -> str:
    """Newlines unified, trailing spaces and outer blank lines dropped, paragraphs blank-separated.

    A file with blank lines already uses them between paragraphs, and its
    single newlines may be hard wraps inside one: it is kept as it is. A
    file with none (a scrape written one paragraph per line) gets a blank
    line between its lines, so every Document separates paragraphs the same
    way.
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    lines = [line.rstrip() for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    if "\n\n" not in text:
        text = "\n\n".join(line for line in text.split("\n") if line.strip())
    return text


def find_published(lines: list[str]) -> date | datetime | None:
    """The publication date named in the header lines, or None (see module doc)."""
    best: tuple[int, date | datetime] | None = None
    prose = 0
    for line in [line for line in lines if line.strip()][:HEADER_LINES]:
        found = _date_line(line)
        if found is not None and (best is None or found[0] < best[0]):
            best = found
        if len(line) >= PROSE_CHARS:
            prose += 1
            if prose >= HEADER_PROSE_LINES:
                break
    return best[1] if best else None


_CAPTION_DATE = re.compile(
    r"\b(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?\s+(?P<day>\d{1,2}),\s*(?P<year>(?:19|20)\d\d)\s*/\s*[A-Z][\w.]+"
)
_WIRE_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .]{1,30},\s+(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?\s+(?P<day>\d{1,2})(?:,\s*(?P<year>(?:19|20)\d\d))?\s*\([A-Z][\w .]{1,30}\)\s*(?:--|—|–|-)",
    re.M,
)
_REPORT_DAY = re.compile(
    r"\b(?:according\s+to|data\s+from|data\s+released\s+by|announced|said)\b[^.;]{0,80}?\bon\s+the\s+(?P<day>[12]?\d|3[01])(?:st|nd|rd|th)\b",
    re.I,
)
_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}


def infer_published(text: str, source: str = "") -> date | None:
    """The publication day of an article with no date line, from what its
    text and name still say (None when they say nothing):

    - a wire dateline, "SEOUL, March 17 (Yonhap) --", gives the day; its
      year comes from the article's other dates or from a date in the file
      name ("yonhap_close_2026-05-15.txt"), never from the clock;
    - a photo caption's date, "July 11, 2025/News1", is a day on or before
      publication: the story may run days later, and a report day it names
      ("according to the Korea Exchange on the 13th") moves it on;
    - else a date in the file name.
    """
    head = text[:4000]
    named = _name_date(source)
    wire = _WIRE_DATELINE.search(head)
    if wire:
        month, day = _MONTHS[wire["month"].lower()[:3]], int(wire["day"])
        years = [int(wire["year"])] if wire["year"] else [y for y in (named.year if named else None, _year_near(head)) if y]
        for year in years:
            try:
                return date(year, month, day)
            except ValueError:
                continue
        return None
    caption = _CAPTION_DATE.search(head)
    if caption:
        try:
            shot = date(int(caption["year"]), _MONTHS[caption["month"].lower()[:3]], int(caption["day"]))
        except ValueError:
            shot = None
        if shot is not None:
            report = _REPORT_DAY.search(head)
            if report and shot.day <= int(report["day"]) <= shot.day + 10:
                try:
                    return shot.replace(day=int(report["day"]))
                except ValueError:
                    return shot
            return shot
    return named


def _name_date(source: str) -> date | None:
    m = _NAME_DATE.search(Path(source).name) if source and not source.startswith("<") else None
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _year_near(text: str) -> int | None:
    """The one year the article's dates agree on, if they do."""
    years = {int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", text)}
    return years.pop() if len(years) == 1 else None


def _date_line(line: str) -> tuple[int, date | datetime] | None:
    """(rank, value) if ``line`` is one of the date lines we trust."""
    if token := _DATE_TOKEN.match(line):
        value = parse_timestamp(token.group(1))
        return (_RANK["token"], value) if value else None
    if len(line) >= PROSE_CHARS:
        return None
    if labelled := _LABELLED.match(line):
        label = labelled.group("label").lower()
        # "Published: 07 Jan. 2026, 18:38 Updated: 07 Jan. 2026, 19:53"
        value = parse_timestamp(_SECOND_LABEL.sub("", labelled.group("value")))
        return (_RANK[label], value) if value else None
    if dateline := _DATELINE.match(line):
        value = parse_timestamp(dateline.group("value"))
        return (_RANK["dateline"], value) if value else None
    value = parse_timestamp(line)
    return (_RANK["dateline"], value) if value else None


def _title(lines: list[str]) -> str | None:
    """The first line, if it reads like a headline rather than the first sentence."""
    nonblank = [line for line in lines if line.strip()]
    if len(nonblank) < 2:
        return None  # one paragraph: all body, no headline
    line = nonblank[0]
    title = _DATE_TOKEN.sub("", line).strip()
    if not title or len(title) >= MAX_TITLE_CHARS:
        return None
    if title.endswith(".") and len(title) > MAX_SENTENCE_TITLE_CHARS:
        return None  # a long line ending in a full stop is the lede sentence
    if title == line.strip() and _date_line(line) is not None:
        return None  # "RESEARCH — Nov. 25, 2025" is a dateline, not a headline
    return title


def parse_timestamp(value: str) -> date | datetime | None:
    """A date or datetime from a timestamp string; None if it is not one we trust.

    ISO 8601 and RFC 822 (feeds, meta tags) are read exactly, keeping their
    zone; anything else goes to dateparser with strict settings. A value with
    a time becomes a datetime (aware only when a zone is written); a bare
    day becomes a date.
    """
    value = value.strip().strip(",;|").strip()
    if not value or len(value) > 100 or not _YEAR.search(value):
        return None
    if _ISO.match(value):
        return _parse_iso(value)
    if rfc822 := _parse_rfc822(value):
        return rfc822
    if _AMBIGUOUS_NUMERIC.search(value) and not re.search(r"\b\d{4}[./-]\d{1,2}[./-]\d{1,2}\b", value):
        return None
    return _parse_loose(value)


def _parse_iso(value: str) -> date | datetime | None:
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        # Python 3.10's fromisoformat knows neither "Z" nor "+0900".
        value = re.sub(r"Z$", "+00:00", value)
        value = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", value)
        return datetime.fromisoformat(value.replace(" ", "T"))
    except ValueError:
        return None


def _parse_rfc822(value: str) -> datetime | None:
    """``Thu, 14 May 2026 11:00:00 +0900``, the RSS form, zone kept as written."""
    # Only with a numeric zone or GMT/UTC: email.utils reads an unknown zone
    # name such as KST as UTC, which would shift a Korean morning by nine hours.
    if not _RFC822.match(value):
        return None
    try:
        return email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None


def _parse_loose(value: str) -> date | datetime | None:
    import dateparser  # slow to import; only plain-text and odd feed dates need it

    settings = {
        "STRICT_PARSING": True,
        "REQUIRE_PARTS": ["day", "month", "year"],
        "DATE_ORDER": "YMD",
        "PREFER_DATES_FROM": "past",
    }
    try:
        parsed = dateparser.parse(value, languages=["en"], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input; none is ours to report
        return None
    if parsed is None:
        return None
    # dateparser fills gaps from today ("yesterday 2026"): keep only dates
    # whose year and day are written in the value.
    if str(parsed.year) not in value or not re.search(rf"(?<!\d)0?{parsed.day}(?!\d)", value):
        return None
    if parsed.tzinfo is not None:  # dateparser's own tz classes → a plain fixed offset
        parsed = parsed.replace(tzinfo=timezone(parsed.utcoffset() or timedelta(0)))
    return parsed if _TIME.search(value) else parsed.date()
