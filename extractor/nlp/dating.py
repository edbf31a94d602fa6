"""The day each figure describes: its ``as_of``.

dates.py finds the date expressions and resolves each to a calendar day;
this module decides which of them a figure takes, the way a reader keeps
track of the day while working through a report:

- a date in the figure's own sentence: the nearest one before it, else one
  right after it with no other figure between ("fell 2.18% on the 1st");
  a report date ("according to the Korea Exchange on the 23rd") gives way
  to any other date in the sentence;
- figures listed after an explicitly dated figure of their family share
  its day; ratios keep it across paragraphs, trading figures only within one;
- "as of" dates (and dated headings) carry across paragraphs, other
  leading dates only to the end of their paragraph;
- references back ("that day", "on the day", "at the time") take the day
  the text last named or the day of the trading it reports;
- otherwise the article's trading day: a date in its title, else the first
  date in its opening lines, else its publication day.

A figure read as a level "from" which a period began takes the day that
period started ("since March 4").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

from ..model import Quantity
from .dates import DateMention, find_dates
from .mentions import Candidate, metric_family

#: A report describes a trading day at most this many days before it is published.
_REPORT_LAG_DAYS = 10
_CARRIED_FAMILIES = ("short", "borrowing_ratio", "lending_balance", "margin_loan_balance")
_ACTIVITY_METRICS = {
    "index_close", "index_open", "index_high", "index_low", "index_change", "index_change_pct", "price",
    "price_change_pct", "net_buy", "short_volume", "advancers", "decliners", "fx_rate",
}  # fmt: skip
_PUBLICATION_LINE = re.compile(r"\s*(?:published|updated|posted|modified|date|input|write|written|registered|edited)\b", re.I)
#: "SEOUL, Aug. 29 (Yonhap) --", "SEOUL, Jan 21 (Reuters) -": the wire's place and day of filing.
_DATELINE = re.compile(r"\s*[A-Z][A-Za-z .]{1,30},\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?\s*(?:\([^)]{2,30}\)\s*)?(?:--|—|–|-)?")
_DATE_WORDS = re.compile(
    r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|[\d:.,/-]+|\b[AaPp]\.?[Mm]\.?\b|\bKST\b|\bGMT\b"
)
_STAMP = re.compile(r"\S+@\S+\.\w+")
_SINCE = re.compile(r"\bsince\b", re.I)
#: A conversion in brackets between a figure and its date: "371,000 won ($332.5) on Monday".
_CONVERSION = re.compile(r"\((?:US)?\s?\$[^()]{1,30}\)|\([^()]{0,30}(?:dollars?|USD)\)")
#: Between a date and the figure it dates: "the Feb. 3 closing level of 2,318.06".
_ATTRIBUTIVE = re.compile(r"(?:'s)?\s+(?:closing|close|opening|intraday)?\s*(?:level|price|record|high|low|figure|balance|close)?\s*(?:of|at|was|stood at)\s+", re.I)
#: A past figure: "record of", "high of", "since", "since topping", "since reaching a record high of".
_PAST_BEFORE = re.compile(r"\b(?:from|(?:record|high|peak|low|close)\s+(?:of|at)|since(?:\s+(?:\w+ing|it\s+\w+ed))?(?:\s+an?\s+(?:record|high|peak|low|all-time\s+high))?(?:\s+of)?)\s*$", re.I)
#: ... and its day right after it: "2,988.7 points from April 6", "1,104.5 won per dollar recorded on Aug. 9, 2019", "1.8 percent jump on Sept. 2".
_RECORD_FROM = re.compile(
    r"\s*(?:(?:points?|won|percent)\s+)?(?:per\s+(?:U\.?S\.?\s+)?dollar\s+)?(?:\w+\s+)?(?:from|on|set\s+on|reached\s+on|recorded\s+on|seen\s+on|posted\s+on|recorded|set)\s+(?:on\s+)?",
    re.I,
)
#: "July 27, when the index closed at": a clause about the day just named.
_WHEN_CLAUSE = re.compile(r",?\s+when\b[^.;!?]{0,80}?(?:at|of|to|saw|recorded|with)\s+", re.I)
#: "since May 26, 2010, at", "since Dec. 19, 2013 with", "since July 27, 2020 (".
_SINCE_AT = re.compile(r"\s*(?:,\s*(?:at|with)|\s+(?:at|with)|\s*\()\s*", re.I)
#: "from the previous trading day on Sept. 29": the date of the baseline.
_BASELINE = re.compile(r"\s*(?:points?|percent|%)?\s*(?:from|than|compared\s+(?:with|to))\s+(?:the\s+)?(?:previous|prior|last)\s+(?:trading\s+)?(?:day|session)(?:'s\s+close)?\s*(?:on|of)?\s*", re.I)
#: Words after which a date is another event's: "... dating to March 5", "after falling 3% on Monday".
_OTHER_EVENT = r"\b(?:after|before|following|since|from|compared|than|versus|dating|through|until)\b"
_BASELINE_PHRASE = re.compile(r"\b(?:from|than|compared\s+(?:with|to))\s+(?:the\s+)?(?:previous|prior)\s+(?:trading\s+)?(?:day|session)(?:'s\s+close)?", re.I)
#: "25.91 trillion won a week earlier": a baseline that many days before.
RELATIVE_AFTER_PATTERN = r"\s*(?:points?\s+|won\s+|percent\s+)?an?\s+(day|week)\s+(?:earlier|before)\b"
_RELATIVE_AFTER = re.compile(RELATIVE_AFTER_PATTERN, re.I)
_PREVIOUS_DAY_AFTER = re.compile(r"\s*(?:points?\s+|won\s+)?(?:on\s+|in\s+)?the\s+(?:previous|prior)\s+(?:trading\s+)?(?:day|session)\b(?!'s)", re.I)
#: "previous close of 1,128.2": the close of the trading day before.
_PREVIOUS_CLOSE = re.compile(r"\b(?:previous|prior|last)\s+(?:day['’]s\s+|session['’]s\s+|trading\s+day['’]s\s+)?(?:close|closing(?:\s+(?:level|price))?)\s+(?:of|at)\s*$", re.I)
_RECENTLY = re.compile(r"\b(?:recently|lately)\b", re.I)
#: A remark's day: "Jerome Powell said Wednesday", "the ministry announced on Tuesday".
_SAID_BEFORE = re.compile(r"\b(?:said|says|told\s+\w+|announced|warned|noted|stated|added|signaled|signalled)\s+(?:on\s+)?$", re.I)
#: An aside a date may sit in: ", which ... ," or " — ... — ".
_DATE_ASIDE = re.compile(
    r",\s*(?:which|who|when|where)\b(?:[^,;.!?\n]|[.,](?=\d)){3,160},|\s[—–]\s(?:[^—–.!?\n]|\.(?=\d)){3,160}\s[—–]\s|\s--\s(?:[^-.!?\n]|\.(?=\d)){3,160}\s--\s"
)


def _earlier(day: date | None, unit: str) -> date | None:
    """The day a week before ``day``; a day before is the weekday before."""
    if day is None:
        return None
    if unit == "day":
        return previous_weekday(day)
    return day - timedelta(days=7)


def previous_weekday(day: date | None) -> date | None:
    """The weekday before ``day`` (holidays aside: news calendars are not ours to keep)."""
    if day is None:
        return None
    day -= timedelta(days=1)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


class AsOf:
    """The dates of one article and the days the reader has seen so far."""

    def __init__(self, text: str, published: date | None, title: str | None, figure_between: Callable[[int, int], bool]):
        self.text = text
        self.published = published
        self.dates = find_dates(text, published)
        self.date_starts = [d.start for d in self.dates]
        self._stamp_lines: dict[int, bool] = {}  # line start -> is it a stamp line
        self._figure_between = figure_between
        self.data_day: date | None = None  # set by "as of" dates; carries across paragraphs
        self.paragraph_day: date | None = None  # set by other explicit dates; reset per paragraph
        self.period_start_day: date | None = None
        self.last_day_mentioned: date | None = None
        self.activity_day: date | None = None  # the day of the last dated trading figure
        self.family_day: dict[str, date] = {}  # metric family -> its last explicit day
        self.default_day = self._default_day(title)

    # -- what the reader tells it ------------------------------------------------

    def enter_paragraph(self) -> None:
        self.paragraph_day = None
        # Ratios are published as of a day and keep it; trading figures
        # share a day only within their paragraph.
        self.family_day = {k: v for k, v in self.family_day.items() if k in _CARRIED_FAMILIES}

    def remember(self, sentence_dates: list[DateMention], figures: list[int], s_start: int, *, heading: bool) -> None:
        """The days a sentence sets for what follows; ``figures`` are the
        starts of its quantities."""
        line_start = self.text.rfind("\n", 0, s_start) + 1
        stamp = bool(_PUBLICATION_LINE.match(self.text, line_start)) or self._stamp_line(line_start)
        if heading and not stamp and all(d.day is None or self._not_after_publication(d.day) for d in sentence_dates):
            days = [d.day for d in sentence_dates if d.day and d.role not in ("since", "from", "until", "before", "after")]
            if days:
                self.data_day = days[-1]
        if any(d.day is not None and not self._not_after_publication(d.day) for d in sentence_dates) and self._stamp_line(self.text.rfind("\n", 0, s_start) + 1):
            return  # "Wednesday, December 24, 2025": a crawler's stamp above the story
        for d in sentence_dates:
            if d.day is None or not self._not_after_publication(d.day):
                continue
            self.last_day_mentioned = d.day
            if self._is_period_start(d, s_start):
                self.period_start_day = d.day
            elif d.role == "as of":
                self.data_day = d.day
                self.paragraph_day = d.day
            elif d.role is None or d.role == "on":
                # A date that leads a figure ("On the 28th, ... was 15.15%") or
                # opens a sentence dates what follows; one trailing a figure
                # ("a record set on Tuesday") dates only that figure.
                leads = any(f > d.end for f in figures) if figures else d.start - s_start < 60
                if leads and not figures and _SAID_BEFORE.search(self.text, max(0, d.start - 30), d.start):
                    continue  # "Powell said Wednesday that ...": the day of a remark, not of the trading reported
                if leads:
                    self.paragraph_day = d.day

    def note_fact(self, cand: Candidate, day: date | None, explicit: bool) -> None:
        """An explicitly dated figure dates the figures of its family listed after it."""
        if day is not None and explicit and cand.anchor and not cand.period_start:
            self.family_day[metric_family(cand.metric)] = day
            if cand.metric in _ACTIVITY_METRICS:
                self.activity_day = day

    # -- the day of a figure -------------------------------------------------------

    def day_of_candidate(self, cand: Candidate, s_start: int, sentence_dates: list[DateMention]) -> tuple[date | None, bool]:
        """The candidate's day and whether the text dates it explicitly. A
        period's starting level takes the day the period began, None when
        no such day was named (then no fact is made)."""
        if cand.day_override is not None:
            day, explicit = cand.day_override, True
        else:
            day, explicit = self._day_for(cand.quantity, cand.metric, s_start, sentence_dates)
        if cand.metric == "target_price" and not sentence_dates:
            day = self.published or day  # a target is set the day the note comes out
        if cand.period_start:
            day = self.period_start_day
        if cand.undated:
            own = self.own_date(cand.quantity, s_start)
            day, explicit = (own.day, True) if own is not None else (None, False)
        return day, explicit

    def _day_for(self, q: Quantity, metric: str, s_start: int, sentence_dates: list[DateMention]) -> tuple[date | None, bool]:
        """The day a figure describes, and whether its own sentence says so:
        a date in its sentence (the nearest one before it, else one right
        after it with no other figure between, else one closing its clause),
        else the day the paragraph or the article's data is "as of", else the
        article's trading day."""
        usable = [d for d in sentence_dates if not self._is_report_date(d, s_start) and not self._in_aside(d, q)] or [
            d for d in sentence_dates if not self._in_aside(d, q)
        ]
        usable = [d for d in usable if not self._baseline_date(d, q)]
        relative = _RELATIVE_AFTER.match(self.text, q.end)
        if relative:
            # "up from 25.91 trillion won a week earlier": a week before the day
            # the sentence (or the figure before it) is about
            base = [d.day for d in usable if d.end <= q.start and d.day is not None]
            return _earlier(base[-1] if base else self._family_day(metric) or self.paragraph_day or self.data_day or self.default_day, relative.group(1).lower()), False
        own = self._own_date(q, [d for d in usable if d.day is not None])
        if own is not None:
            return self._day_of(own), not own.is_reference
        before = [d for d in usable if d.end <= q.start and not self._is_period_start(d, s_start)]
        recently = _RECENTLY.search(self.text, max([s_start] + [d.end for d in before]), q.start)
        if recently and not any(d.start >= q.end and d.start - q.end < 30 for d in usable):
            # "stood at 1,992,174 won on Dec. 1, but ... recently increased the
            # target to 2,079,565 won": not the day named before; as of the report.
            return self.published or self.default_day, False
        after = [d for d in usable if d.start >= q.end]
        adjacent_after = None
        if after and not self._is_period_start(after[0], s_start):
            gap = _CONVERSION.sub(" ", self.text[q.end : after[0].start])
            if (not any(ch.isdigit() for ch in gap) and not re.search(_OTHER_EVENT, gap, re.I)) or (not before and self._closes_clause(q, after[0])):
                adjacent_after = after[0]
        # "fell 2.18% on the 1st": a date right after the figure binds tighter
        # than one before it ("ratio was 8.21% as of the 31st, fell ...").
        tight_after = adjacent_after is not None and re.fullmatch(r"\s*(?:(?:on|as of)\s+)?", self.text[q.end : adjacent_after.start])
        if before and not tight_after and not (adjacent_after and self._figure_between(before[-1].end, q.start)):
            return self._day_of(before[-1]), not before[-1].is_reference
        if adjacent_after:
            return self._day_of(adjacent_after), not adjacent_after.is_reference
        if _PREVIOUS_CLOSE.search(self.text, max(0, q.start - 40), q.start) or _PREVIOUS_DAY_AFTER.match(self.text, q.end):
            # "0.37 per cent firmer than its previous close of 1,311.6", "up
            # from 27.18 trillion won the previous trading day": the trading
            # day before the one just reported
            return previous_weekday(self._family_day(metric) or self.activity_day or self.paragraph_day or self.published or self.default_day), False
        if self._family_day(metric):
            # Figures listed after one explicitly dated figure share its day:
            # "CHA Biotech, with a ratio of 10.94%, dropped 1.66%" is as of the
            # day the ratios before it were, not the day of the fall.
            return self._family_day(metric), False
        if metric in _ACTIVITY_METRICS and self.data_day and self.activity_day and self.activity_day > self.data_day:
            # Trading figures take the later day of the trading last dated,
            # not the "as of" day of balances that lag it ("margin loans as
            # of the 26th ... On Tuesday the KOSPI ended at ...").
            return self.paragraph_day or self.activity_day, False
        return self.paragraph_day or self.data_day or self.default_day, False

    def own_date(self, q: Quantity, s_start: int) -> DateMention | None:
        """The date a past figure carries in its own phrase, which no period
        word around it takes away: "the Feb. 3 closing level of 2,318.06",
        "its previous record of 2,988.7 points from April 6", "since March 4,
        when the index closed at 2,517.60", "the lowest closing price since
        Oct. 14, 2011, at 1,644.81 points", "since 1,104.5 won per dollar
        recorded on Aug. 9, 2019", "since topping 64.8 trillion won on
        March 10"."""
        end = self.text.find("\n", q.end)
        dates = self.dates_in(s_start, end if end >= 0 else len(self.text))
        return self._own_date(q, [d for d in dates if d.day is not None])

    def _own_date(self, q: Quantity, dates: list[DateMention]) -> DateMention | None:
        for d in dates:
            if d.end <= q.start and (_ATTRIBUTIVE.fullmatch(self.text, d.end, q.start) or _WHEN_CLAUSE.fullmatch(self.text, d.end, q.start)):
                return d
            if d.end <= q.start and d.role == "since" and _SINCE_AT.fullmatch(self.text, d.end, q.start):
                return d
            if d.start >= q.end and _PAST_BEFORE.search(self.text, max(0, q.start - 40), q.start) and _RECORD_FROM.fullmatch(self.text, q.end, d.start):
                return d
        return None

    def _in_aside(self, d: DateMention, q: Quantity) -> bool:
        """A date inside an aside the figure is not in: "(the exchange rate),
        which fell below 1,100 won on Thursday, ... closed at 1,082.1",
        "Kia — which traded at 118,500 won on Monday — from ..."."""
        lo, hi = min(d.start, q.start), max(d.end, q.end)
        for aside in _DATE_ASIDE.finditer(self.text, max(0, lo - 200), min(len(self.text), hi + 200)):
            inside_date = aside.start() < d.start and d.end <= aside.end()
            inside_figure = aside.start() < q.start and q.end <= aside.end()
            if inside_date and not inside_figure:
                return True
        return False

    def _baseline_date(self, d: DateMention, q: Quantity) -> bool:
        """"went up 1.12 percent from the previous trading day on Oct. 6":
        the date of the day compared with, not of the figure."""
        if d.start < q.end:
            return False
        return bool(_BASELINE.fullmatch(self.text, q.end, d.start))

    def _closes_clause(self, q: Quantity, d: DateMention) -> bool:
        """A date that ends the figure's clause dates it ("increased by 11.26
        points (0.93%) and closed at 962.18 points on Monday"), unless the
        clause turns to another event before it ("after falling 3% on Monday")."""
        between = _BASELINE_PHRASE.sub(" ", self.text[q.end : d.start])
        if re.search(r"[;!?]|[,.](?!\d)|" + _OTHER_EVENT, between, re.I):
            return False
        return bool(re.match(r"\s*(?:[.;,\n]|$|\(|\s*(?:while|but|and|as|,))", self.text[d.end : d.end + 8]))

    def _family_day(self, metric: str) -> date | None:
        return self.family_day.get(metric_family(metric))

    def _is_report_date(self, d: DateMention, s_start: int) -> bool:
        """"According to the Korea Exchange on the 23rd": the day the data was
        published, not the day it describes."""
        if d.role == "as of":
            return False
        before = self.text[max(s_start, d.start - 90) : d.start].lower()
        return bool(re.search(r"\b(?:according to|said|announced|reported|released|showed|data from)\b[^,;]*$", before))

    def _day_of(self, d: DateMention) -> date | None:
        if d.day is not None:
            return d.day
        if d.text.lower() == "at the time":
            return self.last_day_mentioned
        if d.is_previous_session:
            # "had gained 0.64% in the previous session": the trading day before the one reported
            return previous_weekday(self.activity_day or self.paragraph_day or self.published or self.default_day)
        if d.role == "as of":
            return self.data_day or self.paragraph_day or self.default_day  # "as of the same day"
        # "on the day", "that day": the day of the trading the text reports
        return self.activity_day or self.paragraph_day or self.default_day

    def _is_period_start(self, d: DateMention, s_start: int) -> bool:
        if d.role in ("since", "from"):
            return True
        before = self.text[max(s_start, d.start - 80) : d.start]
        return bool(_SINCE.search(before)) and not re.search(r"[,;]", before[before.lower().rfind("since") :])

    def _default_day(self, title: str | None) -> date | None:
        """The trading day a report describes: a date in its title, else the
        first date in its opening prose ("Korean shares ended higher
        Tuesday"), else the date of its dateline ("SEOUL, Aug. 29 (Yonhap)
        --"), else its publication day. Lines that only stamp the page
        ("Jan 24,2018", "Input 2025-11-28 15:59", "Published: ...") and days
        after publication (a crawler's "Wednesday, December 24, 2025" above
        a November story) date nothing."""
        title_day = None
        if title:
            for d in find_dates(title, self.published):
                if d.day and d.role not in ("since", "from", "until", "before", "after") and self._not_after_publication(d.day):
                    title_day = d.day
                    break
        published = self.published.date() if isinstance(self.published, datetime) else self.published
        if title_day is not None and title_day != published:
            return title_day
        # A title's date that is the publication date may be a stamp
        # ("... for the first time. March. 11, 2021 08:12."): the prose says
        # which day the story is about.
        prose, dateline = self._prose_day()
        return prose or title_day or dateline or self.published

    def _prose_day(self) -> tuple[date | None, date | None]:
        """The first date of the opening prose, and the wire dateline's date."""
        dateline = None
        for d in self.dates:
            if d.start > 600:
                break
            line_start = self.text.rfind("\n", 0, d.start) + 1
            if _PUBLICATION_LINE.match(self.text, line_start) or self._is_report_date(d, line_start):
                continue  # "Published: 10 Mar. 2026", "according to the exchange on the 1st"
            if self.text.startswith("|", line_start):
                continue  # a table column's own day ("Lending bal. 5/12") dates that column only
            if not d.day or d.role in ("since", "from", "until", "before", "after") or not self._not_after_publication(d.day):
                continue
            if self.published is not None and (self.published - d.day).days > _REPORT_LAG_DAYS:
                continue  # "the strongest since ... recorded on May 9, 2023": a past day named, not the day reported
            if self._stamp_line(line_start):
                continue
            if _DATELINE.match(self.text, line_start) and d.end <= _DATELINE.match(self.text, line_start).end():
                dateline = dateline or d.day
                continue
            return d.day, dateline
        return None, dateline

    def _not_after_publication(self, day: date) -> bool:
        return self.published is None or day <= self.published + timedelta(days=1)

    def _stamp_line(self, line_start: int) -> bool:
        """A line that is a date and a time, a byline or an e-mail, with no prose:
        "Jan 24,2018", "December. 05, 2020 07:46. yunjng@donga.com."."""
        # Asked once per date on the line: looked at once per line (a page
        # whose text is one long line made this grow with its square).
        if (known := self._stamp_lines.get(line_start)) is not None:
            return known
        line_end = self.text.find("\n", line_start)
        line = self.text[line_start : line_end if line_end >= 0 else len(self.text)]
        rest = _DATE_WORDS.sub(" ", line)
        stamp = self._stamp_lines[line_start] = len(re.findall(r"[A-Za-z]{3,}", rest)) <= 1 or bool(_STAMP.search(line))
        return stamp

    # -- lookups -------------------------------------------------------------------

    def dates_in(self, start: int, end: int) -> list[DateMention]:
        i = bisect.bisect_left(self.date_starts, start)
        out = []
        while i < len(self.dates) and self.dates[i].start < end:
            out.append(self.dates[i])
            i += 1
        return out

    def day_in_text(self, text: str | None) -> date | None:
        """The day a header or caption names ("Close (Feb. 13)", "(3/20)")."""
        if not text:
            return None
        days = [d.day for d in find_dates(text, self.published) if d.day]
        return days[-1] if days else None
