"""Date expressions in news text, resolved against the publication date.

News rarely writes a full date beside a figure. It writes ``as of the 9th``,
``on Monday``, ``May 13`` or ``Dec. 17, 2025``, and leaves the month and year
to the reader, who knows when the article came out. This module finds those
expressions and resolves each to a calendar day on or before the
publication date (figures describe the past; a forecast is not a fact).

Full dates are parsed by dateparser; the relative forms (ordinal days,
weekdays, today/yesterday) by the rules below, because dateparser would
resolve ``the 9th`` and ``Monday`` forward or into the wrong month.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import dateparser

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"

# One alternation, tried left to right at each position; every branch is
# anchored on a month name, a digit run of fixed width or a keyword, so the
# scan stays linear. Every branch starts a word with a digit or one of a few
# letters (months, weekdays, the/that/this/today/yesterday/on/at), so that
# test is made once up front and elsewhere no branch is tried (4x faster).
_DATE_RE = re.compile(
    r"\b(?=[0-9ADFJMNOSTWYadfjmnostwy])(?:"
    r"(?P<iso>\b(?P<iy>" + _YEAR + r")[-./](?P<im>0?[1-9]|1[0-2])[-./](?P<id>[12][0-9]|3[01]|0?[1-9])\b)"
    r"|(?P<eom>\b(?:the\s+)?end\s+of\s+(?:(?P<em>" + _MONTH + r")(?:,?\s+(?P<ey>" + _YEAR + r"))?|(?P<eyo>" + _YEAR + r")|(?P<elast>last\s+year|the\s+previous\s+year))\b"
    r"|\b(?:at|as\s+of|by)\s+(?:the\s+)?(?P<ye>year-?end|end\s+of\s+the\s+year)\b)"
    r"|(?P<us>(?<![\d/.])\b(?P<um>1[0-2]|0?[1-9])/(?P<ud>[12][0-9]|3[01]|0?[1-9])/(?P<uy>(?:19|20)?\d\d)\b(?![/\d]))"
    r"|(?P<ordlast>\bthe\s+(?P<d5>[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)\s+of\s+(?:last|the\s+previous)\s+month\b)"
    r"|(?P<ordthis>\bthe\s+(?P<d6>[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)\s+of\s+(?:this|the\s+current)\s+month\b)"
    r"|(?P<mdy>\b(?P<m1>" + _MONTH + r")\s+(?P<d1>" + _DAY + r")\b(?!\s*[-–]\s*\d{1,2}(?![\d.,]))(?:,?\s+(?P<y1>" + _YEAR + r")\b)?)"
    r"|(?P<dmy>(?<![\d.,])\b(?P<d2>" + _DAY + r")\s+(?P<m2>" + _MONTH + r")(?!\s+\d{1,2}\b(?!,?\s*\d{4}))(?:,?\s+(?P<y2>" + _YEAR + r"))?\b)"
    r"|(?P<md>(?<![\d/.])(?<!\d\s)\b(?P<m3>1[0-2]|0?[1-9])/(?P<d3>[12][0-9]|3[01]|0?[1-9])\b(?![/\d]))"
    r"|(?P<ord>\bthe\s+(?P<d4>[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)\b(?!\s*[-–])"
    # "the 10th consecutive session", "the 3rd-largest", "the 2nd straight day": a count, not a day
    r"(?!\s+(?:consecutive|straight|successive|largest|biggest|highest|lowest|time|times|day|days|session|sessions|week|weeks|month|months|year|years|quarter|place|spot|round|consecutively|in\s+a\s+row)\b))"
    r"|(?P<wd>\b(?P<w>Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)"
    r"|(?P<wa>(?-i:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri)\b\.?(?!\s*[-,]?\s*\d))"
    r"|(?P<rel>\b(?:today|yesterday)\b)"
    r"|(?P<ref>\b(?:that|this|the\s+same)\s+day\b|\bon\s+the\s+day\b|\bat\s+the\s+time\b"
    r"|\bthe\s+(?:previous|prior)\s+(?:trading\s+)?(?:session|day)\b)"
    r")",
    re.IGNORECASE,
)
_PREVIOUS = re.compile(r"\b(?:previous|prior)\b", re.I)
_IN_BEFORE = re.compile(r"\b(?:in|on|during|at|as\s+of)\s+$", re.I)
_ROLE_BEFORE = re.compile(r"(?:\b(as\s+of|since|from|until|through|by|before|after)\s+(?:the\s+)?(?:end\s+of\s+)?(?:(?:last|this|next)\s+)?)$", re.I)


@dataclass(frozen=True)
class DateMention:
    """A date expression at start..end. ``day`` is None for references back
    (``that day``, ``at the time``), which take the day the text last named.
    ``role`` is the preposition that governs it (``as of``, ``since``, ...)."""

    start: int
    end: int
    text: str
    day: date | None
    role: str | None = None

    @property
    def is_reference(self) -> bool:
        return self.day is None

    @property
    def is_previous_session(self) -> bool:
        """"the previous session", "the prior trading day": the session before the one reported."""
        return self.is_reference and bool(_PREVIOUS.search(self.text))


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """Every date expression in ``text`` resolved against ``published``.

    Without a publication date only expressions with a year resolve; the
    others are still returned, with ``day`` None, unless they are references.
    """
    found = []
    for m in _DATE_RE.finditer(text):
        kind = next(k for k in ("iso", "eom", "us", "ordlast", "ordthis", "mdy", "dmy", "md", "ord", "wd", "wa", "rel", "ref") if m.group(k))
        day = _resolve(kind, m, published)
        if day is None and kind != "ref":
            continue
        if kind == "ref" and _PREVIOUS.search(m.group(0)) and not _IN_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            continue  # "up 1% from / compared with the previous session" names the baseline, not the day
        before = _ROLE_BEFORE.search(text, max(0, m.start() - 24), m.start())
        role = re.sub(r"\s+", " ", before.group(1).lower()) if before else None
        found.append(DateMention(m.start(), m.end(), m.group(0), day, role))
    return found


def _resolve(kind: str, m: re.Match, published: date | None) -> date | None:
    if kind == "iso":
        return _safe_date(int(m["iy"]), int(m["im"]), int(m["id"]))
    if kind == "us":
        # "3/31/25": American month/day/year, as US research notes write it.
        year = int(m["uy"])
        return _safe_date(year + 2000 if year < 100 else year, int(m["um"]), int(m["ud"]))
    if kind == "eom":
        return _end_of(m, published)
    if kind == "ordlast" and published is not None:
        # "the 21st of last month"
        year, month = (published.year - 1, 12) if published.month == 1 else (published.year, published.month - 1)
        return _safe_date(year, month, int(m["d5"]))
    if kind == "ordthis" and published is not None:
        # "the 8th of this month"
        return _safe_date(published.year, published.month, int(m["d6"]))
    if kind in ("mdy", "dmy"):
        month_text, day_text, year_text = (m["m1"], m["d1"], m["y1"]) if kind == "mdy" else (m["m2"], m["d2"], m["y2"])
        if year_text:
            return _parse_full(f"{month_text} {day_text} {year_text}")
        return _month_day_before(MONTHS[month_text.lower()[:3]], int(re.sub(r"\D", "", day_text)), published)
    if published is None:
        return None
    if kind == "md":
        return _month_day_before(int(m["m3"]), int(m["d3"]), published)
    if kind == "ord":
        return _day_of_month_before(int(m["d4"]), published)
    if kind in ("wd", "wa"):
        # "Tuesday", or "Tue" in a compact note (capitalized only: "wed" is a word)
        wanted = next(i for i, day in enumerate(WEEKDAYS) if day.startswith(m.group(0).rstrip(".").lower()[:3]))
        return published - timedelta(days=(published.weekday() - wanted) % 7)
    if kind == "rel":
        return published if m.group(0).lower() == "today" else published - timedelta(days=1)
    return None


def _end_of(m: re.Match, published: date | None) -> date | None:
    """"the end of March" (the latest one before publication), "the end of
    2024", "the end of last year", "at yearend" (the last one before publication)."""
    if m["em"]:
        month = MONTHS[m["em"].lower()[:3]]
        if m["ey"]:
            year = int(m["ey"])
        elif published is None:
            return None
        else:
            year = published.year if (published.month, published.day) > (month, _last_day(published.year, month)) else published.year - 1
        return date(year, month, _last_day(year, month))
    if m["eyo"]:
        return date(int(m["eyo"]), 12, 31)
    if published is None:
        return None
    return date(published.year - 1, 12, 31)


def _last_day(year: int, month: int) -> int:
    return ((date(year + (month == 12), month % 12 + 1, 1)) - timedelta(days=1)).day


@lru_cache(maxsize=4096)
def _parse_full(text: str) -> date | None:
    """A date with day, month and year, parsed by dateparser (cached: the
    same handful of dates recur across an archive)."""
    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past", "STRICT_PARSING": True},
    )
    return parsed.date() if parsed else None


def _month_day_before(month: int, day: int, published: date | None) -> date | None:
    """``May 13`` in an article: the latest such day not after publication
    (a January article naming Dec. 17 means last December)."""
    if published is None:
        return None
    candidate = _safe_date(published.year, month, day)
    if candidate is None or candidate > published + timedelta(days=1):
        candidate = _safe_date(published.year - 1, month, day)
    return candidate


def _day_of_month_before(day: int, published: date) -> date | None:
    """``the 9th``: this month's 9th, or last month's when that is still ahead."""
    year, month = published.year, published.month
    if day > published.day:
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return _safe_date(year, month, day)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
