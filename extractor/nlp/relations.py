"""The fact layer: attach each quantity to a subject, metric, investor and day.

Reading order is how a careful reader works through a market report:

1. The text is cut into sentences (the segmenter) and sentences into clauses
   (at ``;``, ``while``, ``but``, ``, and``, dashes), because one clause
   carries one subject's figures: "individual investors sold X while
   institutions offloaded Y".
2. Every sentence's mentions are laid out in text order: quantities, subjects
   (indexes, companies, the won), investor groups, flow verbs, directions,
   level cues (closed at, opened at, as low as), metric cues (short-selling
   balance, margin loans), blockers (year-to-date, combined, above) and dates.
3. Each quantity is read by the rule family of its unit (money, percent,
   points, counts) against its *local* context (the words since the previous
   figure: directions and blockers bind tightly) and its *clause* context
   (subject, investor and flow verb may stand further left).
4. Tables rendered as pipe lines are read by column headers instead.
5. Facts describing the same thing twice (a headline's rounded figure beside
   the exact one) are merged, keeping the precise figure.

Precision before recall: when the subject, metric or sign is unclear the
quantity stays in the quantity layer and no fact is made.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from functools import lru_cache

from spacy.tokens import Doc

from ..model import Fact, Quantity
from ..rules import read_jsonl
from .dates import DateMention, find_dates
from .tables import TableRow, find_table_rows

INDEXES = {"KOSPI", "KOSDAQ", "KOSPI 200", "KOSPI 50", "KRX"}
SUBJECT_KINDS = {"SUBJECT", "FX", "ANAPHOR", "COMPANY"}
#: Metrics of market-wide balances: their subject defaults to the whole market.
BALANCE_METRICS = {
    "short_balance", "short_volume", "short_interest_pct", "lending_balance", "margin_loan_balance",
    "short_balance_ratio", "borrowing_ratio",
}  # fmt: skip
_CLAUSE_BREAK = re.compile(r";|\s\|\s|\s[—–]\s|\s--\s|\bwhile\b|\bwhereas\b|,?\s\bbut\b|,\s+and\b|,\s+with\b(?=[^,]*\b(?:foreign|institution|individual|retail)\w*\b)")
_ANAPHORIC_OPENER = re.compile(
    r"^\W*(?:this|that|these|it|its|by\s+(?:market|board|stock)|of\s+(?:that|this|which|the\s+total)|the\s+(?:figure|proportion|ratio|balance|share|previous\s+record|prior\s+record))\b",
    re.I,
)
#: "This proportion reaches 5.55%": the subject is the one the sentence before named.
_SUBJECT_ANAPHOR = re.compile(r"^\W*(?:this|that|these|it|its|the\s+(?:figure|proportion|ratio|share))\b", re.I)
_FROM_BEFORE = re.compile(r"\bfrom\s*$", re.I)
_TO_BEFORE = re.compile(r"\bto\s*$", re.I)
_SINCE = re.compile(r"\bsince\b", re.I)
_SAME_PERIOD = re.compile(r"\b(?:same|that)\s+period\b", re.I)
_WORTH_OF = re.compile(r"^\s*(?:\([^)]{0,30}\)\s*)?(?:[\w]+\s+){0,2}?(?:worth\s+)?(?:of|in)\s+$", re.I)
_OPEN_PAREN = re.compile(r"^\s*\(?\s*$")
_PHRASE_END = re.compile(r"[,;—–]")
#: An aside: ", which ... ," or " - the proportion of ... - " or "(...)".
_ASIDE = re.compile(r",\s*(?:which|that|who|whose|where)\b[^,;]*,|\s[-–—]\s[^-–—]{3,160}\s[-–—]\s|\([^()]{3,160}\)")
_LEVEL_NOUNS = {"level", "mark", "threshold", "barrier", "milestone", "the line", "line"}
_RISE_WORDS = {"rose", "advanced", "gained", "climbed", "higher", "up"}
_BREADTH_WORD = re.compile(
    r"\s*(?:stocks|issues|shares|companies|names)?\s*(?:ending|ended|closing|closed|finishing|finished)?\s*"
    r"(rose|advanced|gained|climbed|higher|up|fell|declined|dropped|lost|slid|lower|down)\b",
    re.I,
)


@dataclass
class Mention:
    kind: str
    start: int
    end: int
    id: str = ""
    ticker: str | None = None
    quantity: Quantity | None = None


@dataclass
class Candidate:
    """A fact before dating and merging: what, about whom, from which words."""

    quantity: Quantity
    metric: str
    subject: str
    ticker: str | None
    investor: str | None
    value: int | float
    unit: str
    rule: str
    qualifier: str | None = None
    day_override: date | None = None
    period_start: bool = False
    anchor: bool = True  # may date the figures listed after it


@dataclass
class _State:
    """What the reader remembers while walking the article."""

    default_day: date | None
    focus_index: str | None = None
    data_day: date | None = None  # set by "as of" dates; carries across paragraphs
    paragraph_day: date | None = None  # set by other explicit dates; reset per paragraph
    paragraph: int = -1
    period_start_day: date | None = None
    last_day_mentioned: date | None = None
    metric_subject: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    previous_sentence_subject: Mention | None = None
    previous_ratio_metric: str | None = None
    previous_balance_metric: str | None = None
    flow_market: str | None = None  # the market of the last market-wide flow
    focus_company: tuple[str, str | None] | None = None
    document_company: tuple[str, str | None] | None = None  # "Samsung Electronics (005930) — BUY"
    section_scale: int | None = None  # "(₩bn)" in a heading: bare figures below are billions
    section_metric: str | None = None  # "Margin loans by market (₩ trillion)": what they measure
    activity_day: date | None = None  # the day of the last dated trading figure
    family_day: dict[str, date] = field(default_factory=dict)  # metric family -> its last explicit day
    paragraph_company: tuple[str, str | None] | None = None  # "KB Financial: ..." opens the paragraph


def build_facts(doc: Doc) -> list[Fact]:
    """The fact layer's entry point: doc._.quantities and doc.spans -> facts."""
    return _Reader(doc).read()


class _Reader:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc.text
        published: date | None = doc.user_data.get("published")
        self.published = published
        self.dates = find_dates(self.text, published)
        self.date_starts = [d.start for d in self.dates]
        self.mentions = _collect_mentions(doc)
        self.mention_starts = [m.start for m in self.mentions]
        self.paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", self.text)]
        self.rows = find_table_rows(self.text)
        self.state = _State(default_day=self._default_day(doc.user_data.get("title")))
        self.state.document_company = self._document_company()
        self.facts: list[tuple[Fact, Decimal]] = []

    # -- the walk --------------------------------------------------------------

    def read(self) -> list[Fact]:
        for segment in self._segments():
            self._enter_paragraph(segment[0])
            if isinstance(segment[2], TableRow):
                self._read_row(segment[2])
            else:
                self._read_sentence(segment[0], segment[1])
        return _merge(self.facts)

    def _segments(self) -> list[tuple[int, int, TableRow | None]]:
        """Sentences and table rows in text order; a table row is one segment
        even when a cell holds a full stop."""
        row_starts = [row.start for row in self.rows]
        segments = [(row.start, row.end, row) for row in self.rows]
        headline_end = self._headline_end()
        for sent in self.doc.sents:
            if sent.start_char < headline_end:
                continue  # the headline restates the body's figures, rounded
            i = bisect.bisect_right(row_starts, sent.start_char) - 1
            if i >= 0 and self.rows[i].start <= sent.start_char < self.rows[i].end:
                continue
            if _PIPE_LINE.match(self.text, self.text.rfind("\n", 0, sent.start_char) + 1):
                continue  # a table's header or caption row: read with the table
            segments.append((sent.start_char, sent.end_char, None))
        segments.sort(key=lambda s: s[0])
        return segments

    def _document_company(self) -> tuple[str, str | None] | None:
        """A research note names its company with its code near the top:
        "Samsung Electronics (005930) — BUY". Label lines ("Close: ₩141,300")
        are about that company."""
        for m in self.mentions:
            if m.start > 600:
                break
            if m.kind == "COMPANY" and re.match(r"\s*\(A?\d{6}\)", self.text[m.end : m.end + 12]):
                return m.id, m.ticker
        return None

    def _headline_end(self) -> int:
        """End of the first line when it is the article's title."""
        title = (self.doc.user_data.get("title") or "").strip()
        first_line = self.text.split("\n", 1)[0]
        if title and len(title) > 10 and title in first_line:
            return len(first_line)
        return 0

    def _enter_paragraph(self, start: int) -> None:
        index = bisect.bisect_right(self.paragraph_starts, start) - 1
        if index != self.state.paragraph:
            self.state.paragraph = index
            self.state.paragraph_day = None
            self.state.previous_sentence_subject = None
            self.state.previous_ratio_metric = None
            self.state.previous_balance_metric = None
            # Ratios are published as of a day and keep it; trading figures
            # share a day only within their paragraph.
            self.state.family_day = {k: v for k, v in self.state.family_day.items() if k in _CARRIED_FAMILIES}
            opener = next((m for m in self.mentions[bisect.bisect_left(self.mention_starts, start):][:1]), None)
            self.state.paragraph_company = (
                (opener.id, opener.ticker)
                if opener is not None and opener.kind == "COMPANY" and opener.start == start and self.text[opener.end : opener.end + 1] == ":"
                else None
            )

    def _read_sentence(self, start: int, end: int, *, row_subject: Mention | None = None, column=None) -> None:
        mentions = self._mentions_in(start, end)
        sentence_dates = self._dates_in(start, end)
        produced: list[Candidate] = []
        for c_start, c_end in _clauses(self.text, start, end):
            clause = [m for m in mentions if c_start <= m.start and m.end <= c_end]
            self._read_clause(clause, c_start, c_end, mentions, start, row_subject, produced)
        for cand in produced:
            self._emit(cand, start, end, sentence_dates)
        self._remember(mentions, sentence_dates, produced, start)

    def _read_row(self, row: TableRow) -> None:
        subject = self._row_subject(row)
        if subject is None:
            return
        dates = self._dates_in(row.start, row.end)
        table_day = self._day_in_text(row.caption)
        for cell, column in zip(row.cells[1:], row.columns[1:]):
            cell_start, cell_end = cell
            if column is None:
                # Free text in a cell ("Foreign -₩1.55tn, institutions +₩456.1bn"):
                # read it as a sentence about the row's subject.
                self._read_sentence(cell_start, cell_end, row_subject=subject)
                continue
            for m in self._mentions_in(cell_start, cell_end):
                if m.kind == "QTY":
                    cand = _table_candidate(m.quantity, column, subject, self.state.section_scale)
                    if cand:
                        cand.day_override = self._day_in_text(column.day_text) or table_day
                        self._emit(cand, row.start, row.end, dates)

    def _day_in_text(self, text: str | None) -> date | None:
        """The day a header or caption names ("Close (Feb. 13)", "(3/20)")."""
        if not text:
            return None
        days = [d.day for d in find_dates(text, self.published) if d.day]
        return days[-1] if days else None

    # -- clauses ---------------------------------------------------------------

    def _read_clause(self, clause, c_start, c_end, sentence, s_start, row_subject, out: list[Candidate]) -> None:
        """Read one clause; candidates are appended to ``out``, the sentence's
        list, so later clauses see what earlier ones found."""
        quantities = [m for m in clause if m.kind == "QTY"]
        done: set[int] = set()
        for cand in self._breadth(clause):
            out.append(cand)
            done.add(cand.quantity.start)
        if any(m.kind == "BLOCK" and m.id == "respectively" for m in clause):
            for cand in self._respectively(clause, sentence):
                out.append(cand)
                done.add(cand.quantity.start)
        previous_end = c_start
        for i, qm in enumerate(quantities):
            next_start = quantities[i + 1].start if i + 1 < len(quantities) else c_end
            if qm.start not in done:
                ctx = _Context(self, qm, clause, sentence, previous_end, next_start, c_start, s_start, row_subject, out)
                cand = ctx.read()
                if cand:
                    out.append(cand)
            previous_end = qm.end

    def _breadth(self, clause: list[Mention]) -> list[Candidate]:
        """Market breadth written as a pair: "1,203 stocks rose and 436 fell",
        "gainers outnumbering losers 612 to 287"."""
        numbers = [
            m for m in clause
            if m.kind == "QTY" and m.quantity.unit in ("count", None) and m.quantity.sign is None
            and float(m.quantity.value).is_integer()
        ]  # fmt: skip
        if len(numbers) != 2:
            return []
        first, second = numbers
        gap = self.text[first.end : second.start]
        cues = [m for m in clause if m.kind == "METRIC" and m.id in ("advancers", "decliners") and m.end <= first.start]
        if len(cues) == 2 and cues[0].id != cues[1].id and re.fullmatch(r"\s*(?:to|vs\.?|versus|against|-|:)\s*", gap):
            order = [cues[0].id, cues[1].id]
        else:
            nouns = _count_nouns()
            named = [nouns.get(re.sub(r"^[\d,.\s]+", "", m.quantity.text).lower()) for m in numbers]
            if all(named) and named[0] != named[1]:
                since = max((m.end for m in clause if m.kind == "QTY" and m.end <= first.start), default=0)
                subject = self.breadth_subject([m for m in clause if since <= m.start and m.end <= first.start], clause, None)
                return [
                    Candidate(m.quantity, metric, subject, None, None, int(m.quantity.value), "count", f"{metric}.pair", m.quantity.qualifier)
                    for m, metric in zip(numbers, named)
                ]
            a = _BREADTH_WORD.match(self.text, first.end, first.end + 25)
            b = _BREADTH_WORD.match(self.text, second.end, second.end + 12)
            counted = first.quantity.unit != "count" or re.search(r"stocks|issues|companies|names", first.quantity.text)
            if not (a and b and counted):
                return []
            order = ["advancers" if m.group(1).lower() in _RISE_WORDS else "decliners" for m in (a, b)]
            if order[0] == order[1]:
                return []
        since = max((m.end for m in clause if m.kind == "QTY" and m.end <= first.start), default=0)
        subject = self.breadth_subject([m for m in clause if since <= m.start and m.end <= first.start], clause, None)
        return [
            Candidate(m.quantity, metric, subject, None, None, int(m.quantity.value), "count", f"{metric}.pair", m.quantity.qualifier)
            for m, metric in zip(numbers, order)
        ]

    def breadth_subject(self, local: list[Mention], clause: list[Mention], row_subject: Mention | None) -> str:
        """Advancers and decliners: of the market named just before them
        ("On the KOSDAQ, 1,203 stocks rose"), of the whole market when the
        text says so ("across both boards", "breadth"), else of the index
        the report is about."""
        for mentions in (local, clause):
            index = next((m.id for m in reversed(mentions) if m.kind == "SUBJECT" and m.id in INDEXES), None)
            if index:
                return index
            if any(m.kind == "MARKETWIDE" for m in mentions):
                return "KRX"
            if row_subject is not None and row_subject.kind == "SUBJECT":
                return row_subject.id
        return self.state.focus_index or "KRX"

    def _respectively(self, clause: list[Mention], sentence: list[Mention]) -> list[Candidate]:
        """"X and Y recorded net purchases of A and B, respectively": pair
        investors (or subjects) with amounts in order."""
        investors = _dedupe_ids([m for m in clause if m.kind == "INVESTOR"])
        amounts = [m for m in clause if m.kind == "QTY" and m.quantity.unit == "KRW"]
        flows = [m for m in clause if m.kind == "FLOW"]
        if len(investors) < 2 or len(investors) != len(amounts) or not flows:
            return []
        if any(m.kind == "BLOCK" and m.id in ("period", "combined") for m in clause):
            return []
        sign = 1 if flows[0].id == "buy" else -1
        subject = self._market_subject(clause, sentence, amounts[0].start)
        if subject is None:
            return []
        out = []
        for inv, qm in zip(investors, amounts):
            q = qm.quantity
            value = q.value if q.sign is not None else sign * q.value
            out.append(Candidate(q, "net_buy", subject[0], subject[1], inv.id, value, "KRW", "flow.respectively", q.qualifier))
        return out

    # -- subjects --------------------------------------------------------------

    def _row_subject(self, row: TableRow) -> Mention | None:
        start, end = row.cells[0]
        for m in self._mentions_in(start, end):
            if m.kind in ("SUBJECT", "COMPANY"):
                return m
            if m.kind == "MARKETWIDE":
                return Mention("SUBJECT", m.start, m.end, "KRX")  # a "KRX total" row
        return None

    def _market_subject(self, clause: list[Mention], sentence: list[Mention], before: int) -> tuple[str, str | None] | None:
        """The market of a flow: named in its clause (before, then after the
        figure), else in its sentence, else the market of the flows just
        reported, else the index the article is about."""

        def market(mentions):
            return next((m.id for m in mentions if m.kind == "SUBJECT" and m.id in INDEXES), None)

        found = (
            market(reversed([m for m in clause if m.end <= before]))
            or market([m for m in clause if m.start >= before])
            or market(sentence)
            or self.state.flow_market
            or self.state.focus_index
        )
        return (found, None) if found else None

    def resolve(self, m: Mention) -> tuple[str, str | None] | None:
        """A subject mention as (subject, ticker); anaphors take the focus index."""
        if m.kind == "MARKETWIDE":
            return "KRX", None
        if m.kind == "ANAPHOR" and m.id == "company":
            return self.state.focus_company
        if m.kind == "ANAPHOR":
            return (self.state.focus_index, None) if self.state.focus_index else None
        if m.kind == "FX":
            return "USD/KRW", None
        return m.id, m.ticker

    # -- dating and emitting ---------------------------------------------------

    def _emit(self, cand: Candidate, s_start: int, s_end: int, sentence_dates: list[DateMention]) -> None:
        if cand.day_override is not None:
            day, explicit = cand.day_override, True
        else:
            day, explicit = self._day_for(cand.quantity, cand.metric, s_start, sentence_dates)
        if cand.metric == "target_price" and not sentence_dates:
            day = self.published or day  # a target is set the day the note comes out
        if cand.period_start:
            day = self.state.period_start_day
            if day is None:
                return
        ev_start, ev_end = _evidence_span(self.text, s_start, s_end, cand.quantity)
        fact = Fact(
            subject=cand.subject,
            ticker=cand.ticker,
            metric=cand.metric,
            value=cand.value,
            unit=cand.unit,
            investor=cand.investor,
            as_of=day,
            text=self.text[ev_start:ev_end],
            start=ev_start,
            end=ev_end,
            qualifier=cand.qualifier,
            rule=cand.rule,
        )
        self.facts.append((fact, _precision(cand.quantity)))
        if day is not None and explicit and cand.anchor and not cand.period_start:
            self.state.family_day[_family(cand.metric)] = day
            if cand.metric in _ACTIVITY_METRICS:
                self.state.activity_day = day
        if cand.metric in BALANCE_METRICS and not cand.rule.endswith(".part"):
            # A breakdown ("Of that, 17.9 trillion won ... Kospi") does not
            # change whose balance the text is about.
            self.state.metric_subject[_family(cand.metric)] = (cand.subject, cand.ticker)
        if cand.metric == "net_buy" and cand.subject in INDEXES:
            self.state.flow_market = cand.subject

    def _day_for(self, q: Quantity, metric: str, s_start: int, sentence_dates: list[DateMention]) -> tuple[date | None, bool]:
        """The day a figure describes, and whether its own sentence says so:
        a date in its sentence (the nearest one before it, else one right
        after it with no other figure between), else the day the paragraph or
        the article's data is "as of", else the article's trading day."""
        usable = [d for d in sentence_dates if not self._is_report_date(d, s_start)] or sentence_dates
        before = [d for d in usable if d.end <= q.start and not self._is_period_start(d, s_start)]
        after = [d for d in usable if d.start >= q.end]
        adjacent_after = None
        if after and not self._is_period_start(after[0], s_start):
            gap = self.text[q.end : after[0].start]
            if not any(ch.isdigit() for ch in gap):
                adjacent_after = after[0]
        # "fell 2.18% on the 1st": a date right after the figure binds tighter
        # than one before it ("ratio was 8.21% as of the 31st, fell ...").
        tight_after = adjacent_after is not None and re.fullmatch(r"\s*(?:on|as of)\s+", self.text[q.end : adjacent_after.start])
        if before and not tight_after and not (adjacent_after and self._figure_between(before[-1].end, q.start)):
            return self._day_of(before[-1]), not before[-1].is_reference
        if adjacent_after:
            return self._day_of(adjacent_after), not adjacent_after.is_reference
        if self._family_day(metric):
            # Figures listed after one explicitly dated figure share its day:
            # "CHA Biotech, with a ratio of 10.94%, dropped 1.66%" is as of the
            # day the ratios before it were, not the day of the fall.
            return self._family_day(metric), False
        return self.state.paragraph_day or self.state.data_day or self.state.default_day, False

    def _family_day(self, metric: str) -> date | None:
        return self.state.family_day.get(_family(metric))

    def _is_report_date(self, d: DateMention, s_start: int) -> bool:
        """"According to the Korea Exchange on the 23rd": the day the data was
        published, not the day it describes."""
        if d.role == "as of":
            return False
        before = self.text[max(s_start, d.start - 90) : d.start].lower()
        return bool(re.search(r"\b(?:according to|said|announced|reported|released|showed|data from)\b[^,;]*$", before))

    def _figure_between(self, start: int, end: int) -> bool:
        return any(m.kind == "QTY" for m in self._mentions_in(start, end))

    def _day_of(self, d: DateMention) -> date | None:
        if d.day is not None:
            return d.day
        if d.text.lower() == "at the time":
            return self.state.last_day_mentioned
        if d.role == "as of":
            return self.state.data_day or self.state.paragraph_day or self.state.default_day  # "as of the same day"
        # "on the day", "that day": the day of the trading the text reports
        return self.state.activity_day or self.state.paragraph_day or self.state.default_day

    def _is_period_start(self, d: DateMention, s_start: int) -> bool:
        if d.role in ("since", "from"):
            return True
        before = self.text[max(s_start, d.start - 80) : d.start]
        return bool(_SINCE.search(before)) and not re.search(r"[,;]", before[before.lower().rfind("since") :])

    def _remember(self, mentions, sentence_dates, produced, s_start) -> None:
        figures = [m.start for m in mentions if m.kind == "QTY"]
        line_start = self.text.rfind("\n", 0, s_start) + 1
        line_end = self.text.find("\n", s_start)
        line = self.text[line_start : line_end if line_end >= 0 else len(self.text)]
        if (_is_heading(line) or _heading_scale(line)) and not self._figure_between(line_start, line_start + len(line)):
            # "1. Market wrap: Wednesday, Dec. 10", "2. Investor flows, KOSPI (₩bn)":
            # a heading dates, and gives the unit of, the section under it.
            days = [d.day for d in sentence_dates if d.day]
            if days:
                self.state.data_day = days[-1]
            scale = _heading_scale(line)
            if scale or _is_heading(line):
                self.state.section_scale = scale
            # "[Margin loans by market, daily (₩ trillion)]": what the bare
            # figures under it measure.
            cues = [m.id for m in mentions if m.kind == "METRIC" and m.id in ("margin_loan_balance", "lending_balance", "short_balance", "short_volume")]
            self.state.section_metric = cues[-1] if cues and scale else None
        for d in sentence_dates:
            if d.day is None:
                continue
            self.state.last_day_mentioned = d.day
            if self._is_period_start(d, s_start):
                self.state.period_start_day = d.day
            elif d.role == "as of":
                self.state.data_day = d.day
                self.state.paragraph_day = d.day
            elif d.role is None or d.role == "on":
                # A date that leads a figure ("On the 28th, ... was 15.15%") or
                # opens a sentence dates what follows; one trailing a figure
                # ("a record set on Tuesday") dates only that figure.
                leads = any(f > d.end for f in figures) if figures else d.start - s_start < 60
                if leads:
                    self.state.paragraph_day = d.day
        for m in mentions:
            self.note_subject(m)
        subjects = [m for m in mentions if m.kind in ("SUBJECT", "COMPANY")]
        if subjects:
            self.state.previous_sentence_subject = subjects[-1]
        balances = [c.metric for c in produced if c.unit == "KRW" and c.metric in BALANCE_METRICS]
        if balances:
            self.state.previous_balance_metric = balances[-1]
        ratio = [c.metric for c in produced if c.metric in _RATIO_METRICS]
        if ratio:
            self.state.previous_ratio_metric = ratio[-1]
        elif produced:
            self.state.previous_ratio_metric = None

    def _default_day(self, title: str | None) -> date | None:
        """The trading day a report describes: a date in its title, else the
        first date in its opening lines, else its publication day."""
        if title:
            for d in find_dates(title, self.published):
                if d.day and d.role not in ("since", "from"):
                    return d.day
        for d in self.dates:
            if d.start > 600:
                break
            line_start = self.text.rfind("\n", 0, d.start) + 1
            if _PUBLICATION_LINE.match(self.text, line_start) or self._is_report_date(d, line_start):
                continue  # "Published: 10 Mar. 2026", "according to the exchange on the 1st"
            if d.day and d.role not in ("since", "from", "until", "before", "after"):
                return d.day
        return self.published

    # -- lookup helpers ----------------------------------------------------------

    def _mentions_in(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self.mention_starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def _dates_in(self, start: int, end: int) -> list[DateMention]:
        i = bisect.bisect_left(self.date_starts, start)
        out = []
        while i < len(self.dates) and self.dates[i].start < end:
            out.append(self.dates[i])
            i += 1
        return out

    def note_subject(self, m: Mention) -> None:
        """Keep the market and the company the text is talking about. Only
        the two boards count as a focus market: flows and breadth are never
        reported for KOSPI 200."""
        if m.kind == "SUBJECT" and m.id in ("KOSPI", "KOSDAQ"):
            self.state.focus_index = m.id
        elif m.kind == "COMPANY" and not _is_broker(m.id):
            self.state.focus_company = (m.id, m.ticker)


class _Context:
    """One quantity in its clause, and the rules that read it."""

    def __init__(self, reader: _Reader, qm: Mention, clause, sentence, previous_end, next_start, c_start, s_start, row_subject, produced):
        self.r = reader
        self.qm = qm
        self.q: Quantity = qm.quantity
        self.text = reader.text
        self.clause = clause
        self.sentence = sentence
        self.left = [m for m in clause if m.end <= qm.start]
        self.local = [m for m in self.left if m.start >= previous_end]
        self.right = [m for m in clause if m.start >= qm.end and m.end <= next_start]
        self.c_start = c_start
        self.s_start = s_start
        self.previous_end = previous_end
        self.row_subject = row_subject
        self.produced = produced
        for m in self.left:
            reader.note_subject(m)

    # mention queries
    def last(self, kinds, mentions=None):
        """The nearest mention of these kinds before the figure. A metric cue
        inside an aside (", which tracks shares borrowed to sell short,")
        does not label the figure."""
        for m in reversed(self.left if mentions is None else mentions):
            if m.kind in kinds and not (m.kind == "METRIC" and self._in_aside(m)):
                return m
        return None

    def _in_aside(self, m: Mention) -> bool:
        for aside in _ASIDE.finditer(self.text, self.c_start, self.q.start):
            if aside.start() < m.start and m.end <= aside.end():
                return True
        return False

    def blocked(self, *reasons) -> bool:
        if "prior" in reasons and self._dated_record():
            reasons = tuple(r for r in reasons if r != "prior")
        if any(m.kind == "BLOCK" and m.id in reasons for m in self.local):
            return True
        # Periods bind to the figure even past other numbers ("gained 7.9
        # percent in the first four trading sessions of the year"), but not
        # past a comma: ", marking the highest level since March" is another phrase.
        stop = _PHRASE_END.search(self.text, self.q.end, self.q.end + 45)
        limit = stop.start() if stop else self.q.end + 45
        near_right = [m for m in self.clause if self.q.end <= m.start and m.end <= limit]
        return any(m.kind == "BLOCK" and m.id in reasons and m.id in ("period", "cross", "combined") for m in near_right)

    def _dated_record(self) -> bool:
        """"the previous record of 27.5288 trillion won set on Dec. 17, 2025":
        a prior figure with its own day is a fact about that day."""
        clause_end = self.clause[-1].end if self.clause else self.q.end
        return any(d.day is not None and d.start >= self.q.end for d in self.r._dates_in(self.q.end, clause_end + 40))

    def crossed(self) -> bool:
        """"rose above 2,400", "the 3,920 level": a level crossed is no fact.
        So is a balance that "surpassed 9 trillion won": a crossing verb is
        not a size ("was more than 12 trillion won" is, with more_than)."""
        before = [m for m in self.local if m.kind == "BLOCK" and m.id == "cross" and self.q.start - m.end <= 12]
        after = [
            m for m in self.right
            if m.kind == "BLOCK" and m.id == "cross" and m.start - self.q.end <= 3
            and self.text[m.start : m.end].lower() in _LEVEL_NOUNS
        ]  # fmt: skip
        return bool(before or after)

    def sign_from_words(self) -> int | None:
        d = self.last({"DIR"}, self.local)
        if d is not None:
            return 1 if d.id == "up" else -1
        for m in self.right:
            if m.kind != "DIR" or m.start - self.q.end > 2:
                continue
            # "2.87 percent higher", "after a 1.64% decline on the day"
            if self.text[m.start : m.end].lower() in ("higher", "lower") or re.search(r"\ban?\s*$", self.text[self.previous_end : self.q.start]):
                return 1 if m.id == "up" else -1
        return None

    def subject(self):
        """Nearest subject before the figure in its clause (or the table row's)."""
        m = self.last(SUBJECT_KINDS)
        if m is not None:
            resolved = self.r.resolve(m)
            if resolved is None:
                return None, None
            if m.kind == "ANAPHOR" and resolved[1]:
                m = Mention("COMPANY", m.start, m.end, resolved[0], resolved[1])
            return m, resolved
        if self.row_subject is not None:
            return self.row_subject, self.r.resolve(self.row_subject)
        return None, None

    # the rule families
    def read(self) -> Candidate | None:
        q = self.q
        if self.blocked("period", "forecast", "prior") or self.crossed():
            return None
        if q.unit == "KRW":
            return self.money()
        if q.unit == "pct":
            return self.percent()
        if q.unit is None and q.sign is not None and self._scale():
            return self.flow()
        if q.unit is None and q.sign is None and self.r.state.section_metric and self._scale():
            return self.section_figure()
        if q.unit in ("points", None):
            return self.points() or self.count()
        if q.unit == "count":
            return self.count()
        return None

    def money(self) -> Candidate | None:
        q = self.q
        if self.blocked("combined"):
            return None
        subj_m, subj = self.subject()
        metric = self.metric_cue({"short_balance", "short_volume", "lending_balance", "margin_loan_balance", "target_price", "balance"})
        if metric == "balance":
            metric = self._which_balance()
        continued = False
        if metric is None and (subj_m is None or subj_m.end <= self.previous_end) and self._opens_anaphorically():
            metric = self.r.state.previous_balance_metric
            continued = metric is not None
        cap = self.last({"METRIC"}, self.local)
        if cap is not None and cap.id == "market_cap":
            return None  # "a market value of more than 10 trillion won"
        if metric is None and not self.last({"DIR", "INVESTOR"}, self.local):
            # "drew the most short selling at 121.5 billion won, followed by
            # SK hynix with 98.3 billion won": the list goes on with the metric.
            listed = [c for c in self.produced if c.unit == "KRW" and c.metric in BALANCE_METRICS]
            if listed and (subj_m is None or subj_m.start >= self.previous_end or self._subject_after()):
                metric, continued = listed[-1].metric, True
        if subj_m is not None and subj_m.kind == "FX" and metric is None:
            return self.fx_rate(subj)
        if metric is not None:
            cand = self.balance(metric, q.unit)
            if cand is not None and continued:
                part = re.match(r"\W*(?:of\s+(?:that|this|which|the\s+total)|by\s+(?:market|board|stock))", self.text[self.s_start : self.s_start + 30], re.I)
                cand.rule = f"{metric}.part" if part else f"{metric}.continued"
            return cand
        flow = self.flow()
        if flow is not None:
            return flow
        if subj_m is not None and subj_m.kind == "COMPANY" and not self.intraday():
            if self.level_kind() == "close" or self._quoted(subj_m):
                return Candidate(q, "price", subj[0], subj[1], None, q.value, "KRW", "price.close", q.qualifier)
        prev = self.r.state.previous_sentence_subject
        if subj_m is None and prev is not None and prev.kind == "COMPANY" and self.level_kind() == "close" and not self.intraday():
            # "Samsung Electronics (005930 KS) - OUTPERFORM. Last close KRW268,500 (-1.5%)."
            return Candidate(q, "price", prev.id, prev.ticker, None, q.value, "KRW", "price.close", q.qualifier)
        if subj_m is None and self.r.state.document_company and self._label() == "close":
            company = self.r.state.document_company
            return Candidate(q, "price", company[0], company[1], None, q.value, "KRW", "price.label", q.qualifier)
        return None

    def _subject_after(self) -> Mention | None:
        return next((m for m in self.right if m.kind in ("SUBJECT", "COMPANY")), None)

    def _quoted(self, subj_m: Mention) -> bool:
        """A quote: a name, its level, and the day's change in brackets:
        "KOSPI 4,104.35 (-1.21%)", "Samsung Electronics ₩107,600 (-2.18%)"."""
        return (
            re.fullmatch(r"\s*:?\s*", self.text[subj_m.end : self.q.start]) is not None
            and re.match(r"\s*(?:\(\s*[+\-−–▲▼]?\s*\d[\d.,]*\s*%|,\s*[+\-−–▲▼]\s*\d[\d.,]*\s*(?:pts?|points|p\b|%))", self.text[self.q.end : self.q.end + 24]) is not None
        )

    def _label(self) -> str | None:
        """The label of a "Label: value" line ("Close: ₩141,300"), as a level kind."""
        line_start = self.text.rfind("\n", 0, self.q.start) + 1
        m = re.fullmatch(r"\s*(open|opening|high|low|close|closing(?: price)?)\s*(?:\([^)]*\))?\s*:\s*", self.text[line_start : self.q.start], re.I)
        if not m:
            return None
        word = m.group(1).lower()
        return "close" if word.startswith("clos") else "open" if word.startswith("open") else word

    def fx_rate(self, subj) -> Candidate | None:
        q = self.q
        if self.last({"DIR"}, self.local) and not self.last({"LEVEL"}, self.local):
            return None  # "up 5.4 won": a change, not the rate
        if not 500 <= q.value <= 3000:
            return None
        return Candidate(q, "fx_rate", "USD/KRW", None, None, q.value, "KRW_per_USD", "fx.level", q.qualifier)

    def bare_fx_rate(self) -> Candidate | None:
        """"The won closed at 1,447.3 per dollar": a rate written without "won"."""
        q = self.q
        after = self.text[q.end : q.end + 30].lower()
        reached = self.last({"LEVEL"}, self.local) is not None
        quoted = re.fullmatch(r"\s*:?\s*", self.text[self.last(SUBJECT_KINDS).end : q.start]) is not None
        if q.sign is not None or not (reached or quoted or self.level_kind() or re.match(r"\s*(?:won\s+)?(?:per|against|to)\s+(?:the\s+)?(?:u\.?s\.?\s+)?dollar", after)):
            return None
        return self.fx_rate(("USD/KRW", None))

    def metric_cue(self, metrics: set[str]) -> str | None:
        """The metric a cue before the figure (or right after it) names."""
        m = self.last({"METRIC"})
        if m is not None and m.id in metrics:
            if m.id == "target_price" and self.r.text[m.start : m.end].lower() == "target" and not self._company_near(m):
                return None
            return m.id
        for m in self.right:
            # "1.97 trillion won worth of KOSPI stocks were shorted on the day"
            if m.kind == "METRIC" and m.id in metrics and m.start - self.q.end <= 45:
                return m.id
        return None

    def _which_balance(self) -> str | None:
        """A bare "balance" ("SK hynix's balance was more than 12 trillion
        won") is the balance the text named last."""
        window_start = max(0, self.s_start - 400)
        for m in reversed(self.r._mentions_in(window_start, self.q.start)):
            if m.kind == "METRIC" and m.id in ("lending_balance", "margin_loan_balance", "short_balance"):
                return m.id
        return None

    def _opens_anaphorically(self) -> bool:
        return bool(_ANAPHORIC_OPENER.search(self.text[self.s_start : self.s_start + 40]))

    def _company_near(self, cue: Mention) -> bool:
        return any(m.kind == "COMPANY" for m in self.clause)

    def balance(self, metric: str, unit: str) -> Candidate | None:
        q = self.q
        d = self.last({"DIR"}, self.local)
        lv = self.last({"LEVEL"}, self.local)
        if d is not None and (lv is None or lv.start < d.start):
            return None  # "rose 1.2 trillion won": a change of the balance
        if _FROM_BEFORE.search(self.text[self.previous_end : q.start]) and metric == "target_price":
            return None  # the old target in "to X from Y"
        if q.sign is not None:
            return None  # "+₩6.4tn": a change of the balance, not the balance
        subject = self.balance_subject(metric)
        if subject is None:
            return None
        if metric == "target_price" and subject[1] is None:
            return None
        return Candidate(q, metric, subject[0], subject[1], None, q.value, unit, f"{metric}.cue", q.qualifier)

    def balance_subject(self, metric: str) -> tuple[str, str | None] | None:
        """Explicit in the clause (before, then after), else the sentence
        before when this one opens with "This"/"The proportion", else the
        subject this metric last had, else the whole market."""
        subjects = ("SUBJECT", "COMPANY", "MARKETWIDE")
        if metric == "target_price":
            # "Kiwoom Securities set a target of 300,000 won on Hanmi
            # Semiconductor": the broker is not the subject.
            subjects = ("COMPANY",)
        # Nearest first: since the previous figure, then up to the next one
        # ("17.9 trillion won was borrowed to buy Kospi shares and 9.81
        # trillion won to buy Kosdaq shares"), then the rest of the clause.
        order = [list(reversed(self.local)), self.right, list(reversed(self.left)), self.clause]
        before = next((m for m in reversed(self.local) if m.kind in subjects), None)
        if before is not None and re.search(r"\b(?:and|while|but|along with|versus|against)\b", self.text[before.end : self.q.start]):
            # "17.9 trillion won ... Kospi shares and 9.81 trillion won to buy
            # Kosdaq shares": the name before belongs to the previous item.
            order = [self.right] + order
        for mentions in order:
            for m in mentions:
                if m.kind in subjects and (m.end <= self.q.start or m.start >= self.q.end):
                    if metric == "target_price" and _is_broker(m.id):
                        continue
                    return self.r.resolve(m)
        if self.row_subject is not None:
            return self.r.resolve(self.row_subject)
        prev = self.r.state.previous_sentence_subject
        if prev is not None and _SUBJECT_ANAPHOR.search(self.text[self.s_start : self.s_start + 40]):
            return self.r.resolve(prev)
        if self.r.state.paragraph_company:
            return self.r.state.paragraph_company  # "KB Financial: ... Short interest was 0.21%"
        remembered = self.r.state.metric_subject.get(_family(metric))
        if remembered:
            return remembered
        if self.r.state.document_company:
            return self.r.state.document_company  # a research note's own company
        if metric == "target_price":
            return None
        return "KRX", None

    def section_figure(self) -> Candidate | None:
        """A bare figure right after a market name under a heading that says
        what and in which unit: "KOSPI 20.4418 / KOSDAQ 10.7725 / total 31.2143"."""
        subj = self.last({"SUBJECT", "MARKETWIDE", "COMPANY"}, self.local)
        if subj is None or not re.fullmatch(r"\s*:?\s*", self.text[subj.end : self.q.start]):
            return None
        subject = self.r.resolve(subj)
        if subject is None:
            return None
        metric = self.r.state.section_metric
        value = _scaled(self.q.value, self._scale())
        return Candidate(self.q, metric, subject[0], subject[1], None, value, "KRW", f"{metric}.section", self.q.qualifier)

    def _scale(self) -> int | None:
        """The scale of bare figures here: "KOSPI flows (KRWbn): Foreign
        -1,482.3" on this line, else a "(₩bn)" heading above."""
        line_start = self.text.rfind("\n", 0, self.q.start) + 1
        return _heading_scale(self.text[line_start : self.q.start]) or self.r.state.section_scale

    def flow(self) -> Candidate | None:
        """Investor flows: an investor group and a verb or a written sign."""
        q = self.q
        inv = self.last({"INVESTOR"})
        flow = self.last({"FLOW"})
        if inv is not None and flow is None:
            # "pension funds were an estimated KRW120bn net buyers"
            flow = next((m for m in self.right if m.kind == "FLOW" and m.start - q.end <= 12), None)
        if flow is not None and inv is not None and flow.end <= inv.start and re.search(r"\bto\s+$", self.text[flow.end : inv.start]):
            return None  # "sold to retail clients": the investor is a buyer of something else
        if inv is None:
            inv = next((m for m in self.right if m.kind == "INVESTOR" and m.start - q.end <= 3), None)
            flow = next((m for m in self.right if m.kind == "FLOW" and m.start - q.end <= 25), None) if inv else None
        if inv is None:
            return None
        if flow is not None and flow.start < inv.start and _between_other_figure(self, flow, inv):
            flow = None
        if flow is None and self.produced and self.produced[-1].metric == "net_buy" and self.produced[-1].quantity.start >= self.c_start:
            # "financial investment companies net bought 433.5 billion won and
            # pension funds 96.7 billion won": the verb covers both.
            prev = self.produced[-1]
            flow = Mention("FLOW", prev.quantity.start, prev.quantity.start, "buy" if prev.value > 0 else "sell")
        if flow is None:
            # "institutions added ₩145.2bn": added right after the investor is buying.
            d = self.last({"DIR"}, self.local)
            if d is not None and d.start > inv.start and self.text[d.start : d.end].lower() == "added":
                flow = Mention("FLOW", d.start, d.end, "buy")
        if q.sign is not None:
            value = q.value
            if q.unit is None:  # "Foreigners -812.4" under a "(₩bn)" heading
                value = _scaled(q.value, self._scale())
        elif flow is not None:
            value = q.value if flow.id == "buy" else -q.value
        else:
            return None
        subject = self.flow_subject(inv)
        if subject is None:
            return None
        return Candidate(q, "net_buy", subject[0], subject[1], inv.id, value, "KRW", "flow.investor", q.qualifier)

    def flow_subject(self, inv: Mention) -> tuple[str, str | None] | None:
        """Flows into one stock name it ("net-bought 300 billion won of
        Samsung Electronics"); otherwise they are flows on a market."""
        for m in self.left:
            if m.kind == "COMPANY" and m.start > inv.start:
                return self.r.resolve(m)
        for m in self.right:
            if m.kind == "COMPANY" and _WORTH_OF.match(self.text[self.q.end : m.start]):
                return self.r.resolve(m)
        if self.row_subject is not None:
            return self.r.resolve(self.row_subject)
        return self.r._market_subject(self.clause, self.sentence, self.q.start)

    def level_kind(self) -> str | None:
        """close/open/high/low for a figure after a level cue; "reach" cues
        ("reaching", "at") take the kind of an earlier cue in the clause."""
        word = re.search(r"\b(open|opening|high|low|close|closing)\s*:?\s*$", self.text[self.previous_end : self.q.start], re.I)
        if word:
            w = word.group(1).lower()
            return "close" if w.startswith("clos") else "open" if w.startswith("open") else w
        letter = re.search(r"(?:^|[|/,]\s*)([OHLC])\s+$", self.text[self.previous_end : self.q.start])
        if letter:
            return {"O": "open", "H": "high", "L": "low", "C": "close"}[letter.group(1)]  # "H 7,004.88 / L 6,901.15"
        lv = self.last({"LEVEL"})
        if lv is None:
            return None
        if lv.start < self.previous_end and lv.id in ("reach", "record"):
            return None
        if lv.id == "record" and not self._dated_record():
            return None  # "the previous record of 3,305.21" with no day: no fact
        if lv.id not in ("reach", "record"):
            between = self.text[lv.end : self.q.start]
            if lv.start < self.previous_end and not re.search(r"\b(?:at|to)\s*$", between):
                return None
            return lv.id
        earlier = [m for m in self.left if m.kind == "LEVEL" and m.id not in ("reach", "record") and m.start < lv.start]
        if earlier:
            return earlier[-1].id
        in_clause = [c for c in self.produced if c.quantity.start >= self.c_start]
        if any(c.metric in ("index_change", "index_change_pct", "price_change_pct") for c in in_clause):
            return "close"
        return None

    def intraday(self) -> bool:
        """An intraday figure ("during the session", "in the morning"), unless
        a close cue comes after the marker: "traded near 141,000 won in the
        morning before ending 2.87 percent higher at 139,700 won"."""
        stop = _PHRASE_END.search(self.text, self.q.end, self.q.end + 200)
        phrase_end = stop.start() if stop else self.q.end + 200
        after = [m for m in self.right if m.end <= phrase_end]
        marks = [m for m in self.left + after if m.kind == "BLOCK" and m.id == "intraday"]
        if not marks:
            return False
        closes = [m for m in self.left if m.kind == "LEVEL" and m.id == "close"]
        return not closes or max(m.start for m in marks) > max(m.start for m in closes)

    def percent(self) -> Candidate | None:
        q = self.q
        ratio = self.ratio_metric()
        if ratio is not None:
            return ratio
        # A cue right after the previous figure labels that figure ("with a
        # 11.40% ratio, dropped by 2.70%"), not this one.
        cue = self.last({"METRIC"}, [m for m in self.local if m.start - self.previous_end > 3 or self.previous_end == self.c_start])
        if cue is not None and cue.id not in ("target_price", "advancers", "decliners"):
            return None  # a change of a balance or ratio, not of a price
        quoted = self._change_after_level()
        if quoted is not None:
            return quoted
        subj_m, subj = self.subject()
        if subj is None and q.sign is None:
            paired = self._sign_of_paired_change()
            if paired is not None:
                # "... closing at 5,879.33, down 92.19 points, or 1.54 percent"
                last = self.produced[-1]
                return Candidate(q, "index_change_pct", last.subject, None, None, abs(q.value) * paired, "pct", "index_change_pct.paired", q.qualifier)
        if subj is None or subj_m.kind == "FX":
            return self.continuation()
        lv = next((m for m in reversed(self.left) if m.kind == "LEVEL" and m.id not in ("reach", "record")), None)
        if lv is not None and lv.id == "open":
            return None  # "opened 0.21% higher": change against the open
        if self.intraday():
            return None
        d = self.last({"DIR"}, self.local)
        if q.sign is None and d is not None and _TO_BEFORE.search(self.text[d.end : q.start]):
            return self.continuation()  # "rose to 2.1%": a level reached, not a change
        if re.match(r"\s+(?:below|above|short of|off|under|over)\b", self.text[q.end : q.end + 12]):
            return None  # "sits 3.9 percent below the record close": a distance, not a change
        if any(c.metric in BALANCE_METRICS and c.unit == "KRW" for c in self.produced if c.quantity.start >= self.c_start):
            return None  # "lending balance ... 17.8 trillion won, up about 17%": the balance's change
        sign = q.sign if q.sign is not None else self.sign_from_words()
        if sign is None:
            sign = self._sign_of_paired_change()
        if sign is None:
            return self.continuation()
        if subj_m.start < self.c_start and self.row_subject is None:
            return None
        metric = "index_change_pct" if subj[1] is None and subj[0] in INDEXES else "price_change_pct"
        if metric == "price_change_pct" and subj[1] is None:
            return None
        value = abs(q.value) * sign
        return Candidate(q, metric, subj[0], subj[1], None, value, "pct", f"{metric}.dir", q.qualifier)

    def _change_after_level(self) -> Candidate | None:
        """"Last close KRW268,500 (-1.5%)": a signed percent in brackets right
        after a close is that subject's change on the day."""
        if self.q.sign is None or not self.produced:
            return None
        prev = self.produced[-1]
        if prev.metric not in ("price", "index_close") or not re.fullmatch(r"\s*\(\s*", self.text[prev.quantity.end : self.q.start]):
            return None
        metric = "price_change_pct" if prev.metric == "price" else "index_change_pct"
        return Candidate(self.q, metric, prev.subject, prev.ticker, None, self.q.value, "pct", f"{metric}.quote", self.q.qualifier)

    def _sign_of_paired_change(self) -> int | None:
        """"down 151.59 points (3.79%)": the percent shares the points' sign."""
        if not self.produced:
            return None
        last = self.produced[-1]
        gap = self.text[last.quantity.end : self.q.start]
        if last.metric in ("index_change", "index_change_pct") and re.fullmatch(r"[\s(,]*(?:or|and)?[\s(]*", gap):
            return 1 if last.value > 0 else -1
        return None

    def ratio_metric(self) -> Candidate | None:
        """Short-balance ratios, borrowing ratios, short interest."""
        q = self.q
        cue = self.last({"METRIC"})
        after = next((m for m in self.right if m.kind == "METRIC" and m.start - q.end <= 20 and m.id != "market_cap"), None)
        if after is not None and after.id == "short_ratio" or cue is None or cue.id not in (
            "short_ratio", "borrowing_ratio", "short_interest_pct", "short_balance", "balance"
        ):
            cue = after
        if cue is None:
            return self._ratio_of_previous_balance()
        metric = self._ratio_family(cue)
        if metric is None:
            return None
        d = self.last({"DIR"}, self.local)
        lv = self.last({"LEVEL"}, self.local)
        between = self.text[self.previous_end : q.start]
        from_level = _FROM_BEFORE.search(between)
        dated_from = False
        if from_level:
            # "increased from 0.19% to 0.35% during the same period": the first
            # figure is the level when that period began; "up from 1.87% on
            # Feb. 13" names its own day.
            dated_from = bool(re.match(r"\s*(?:on|as of)\s", self.text[q.end : q.end + 8]))
            if not dated_from and not _SAME_PERIOD.search(self.text[q.end : q.end + 120]):
                return None
        elif d is not None and (lv is None or lv.start < d.start) and not _TO_BEFORE.search(between):
            return None  # "rose 5%": a change of the ratio
        subject = self.balance_subject(metric)
        if subject is None:
            return None
        cand = Candidate(q, metric, subject[0], subject[1], None, q.value, "pct", f"{metric}.cue", q.qualifier)
        cand.period_start = bool(from_level) and not dated_from
        cand.anchor = not from_level
        return cand

    def _ratio_of_previous_balance(self) -> Candidate | None:
        """"The KOSDAQ balance was 6.127 trillion won (1.38%)": a percent in
        brackets right after a short-selling balance is its ratio to market cap."""
        if not self.produced or self.q.sign is not None:
            return None
        prev = self.produced[-1]
        if prev.metric != "short_balance" or not re.fullmatch(r"\s*\(\s*", self.text[prev.quantity.end : self.q.start]):
            return None
        return Candidate(self.q, "short_balance_ratio", prev.subject, prev.ticker, None, self.q.value, "pct", "short_balance_ratio.paren", self.q.qualifier)

    def _ratio_family(self, cue: Mention) -> str | None:
        if cue.id == "borrowing_ratio":
            return "borrowing_ratio"
        if cue.id == "short_interest_pct" or re.search(r"short interest", self.text[self.s_start : self.q.start], re.I):
            return "short_interest_pct"
        sentence = self.text[self.s_start : self.q.start].lower()
        if cue.id == "short_balance":
            return "short_balance_ratio" if re.search(r"proportion|ratio|market cap|share of", sentence + self.text[self.q.end : self.q.end + 60].lower()) else None
        # a bare "proportion"/"ratio": whose ratio is it? The sentence says, or the text just before.
        window = self.text[max(0, self.s_start - 400) : self.q.start].lower()
        short = max(window.rfind("short selling balance"), window.rfind("short-selling balance"), window.rfind("short balance"))
        borrow = window.rfind("borrowing balance")
        if short < 0 and borrow < 0:
            return None
        return "short_balance_ratio" if short > borrow else "borrowing_ratio"

    def continuation(self) -> Candidate | None:
        """"Ecopro was at 12.62%" after "ECOPRO BM's borrowing balance ratio
        was 15.15%": the metric carries from the sentence before."""
        listed = [c.metric for c in self.produced if c.metric in _RATIO_METRICS]
        metric = listed[-1] if listed else self.r.state.previous_ratio_metric
        q = self.q
        if metric is None or q.sign is not None or self.last({"DIR"}, self.local):
            return None
        subj_m, subj = self.subject()
        if subj_m is None or subj_m.kind != "COMPANY":
            return None
        return Candidate(q, metric, subj[0], subj[1], None, q.value, "pct", f"{metric}.continued", q.qualifier)

    def points(self) -> Candidate | None:
        q = self.q
        subj_m, subj = self.subject()
        if subj_m is None:
            named = any(m.kind == "SUBJECT" and m.id == self.r.state.focus_index for m in self.sentence)
            if self.row_subject is None and self.r.state.focus_index and (
                self.last({"LEVEL"}) is not None or (named and self.level_kind() is not None)
            ):
                subj = (self.r.state.focus_index, None)
            else:
                return None
        elif subj_m.kind == "FX":
            return self.bare_fx_rate()
        elif subj_m.kind == "COMPANY":
            return None
        if subj is None or subj[0] not in INDEXES or subj[0] == "KRX":
            return None
        sign = q.sign if q.sign is not None else None
        d = self.last({"DIR"}, self.local)
        if q.unit == "points" and d is None and sign is None:
            sign = self._sign_of_paired_change()  # "down 1.12 percent, or 10.23 points"
        if q.unit == "points" and (d is not None or sign is not None):
            if self.last({"LEVEL"}, self.local) and self.last({"LEVEL"}, self.local).id == "open":
                return None
            s = sign if sign is not None else (1 if d.id == "up" else -1)
            return Candidate(q, "index_change", subj[0], None, None, abs(q.value) * s, "points", "index_change.dir", q.qualifier)
        kind = self.level_kind()
        if kind is None and subj_m is not None and self._quoted(subj_m):
            kind = "close"
        if kind is None or q.sign is not None:
            return None
        if any(m.kind == "MARKETWIDE" for m in self.local) or re.match(r"\s*(?:issues|stocks|shares|companies)\b", self.text[q.end : q.end + 12]):
            return None  # "breadth was 955 up", "586 issues": a count, not a level
        if kind == "close" and self.intraday() and not self.last({"LEVEL"}, self.local):
            return None
        if not 50 <= q.value <= 100000:
            return None
        metric = {"close": "index_close", "open": "index_open", "high": "index_high", "low": "index_low"}[kind]
        return Candidate(q, metric, subj[0], None, None, q.value, "points", f"{metric}.cue", q.qualifier)

    def count(self) -> Candidate | None:
        q = self.q
        if q.sign is not None or not float(q.value).is_integer():
            return None
        if q.unit == "count":
            # "955 advancers": the quantity layer keeps the counted noun.
            noun = re.sub(r"^[\d,.\s]+", "", q.text).lower()
            metric = _count_nouns().get(noun)
            if metric:
                return Candidate(q, metric, self._count_subject(), None, None, int(q.value), "count", f"{metric}.count", q.qualifier)
        moved = _BREADTH_WORD.match(self.text, q.end, q.end + 25)
        counted = q.unit == "count" and re.search(r"stocks|issues|companies|names", q.text)
        breadth_before = any(c.metric in ("advancers", "decliners") for c in self.produced)
        counting = re.search(r"\b(?:issues|stocks|companies|names)\b", self.text[self.c_start : q.start], re.I)
        if moved and (counted or (q.unit is None and (breadth_before or counting))):
            # "Only 65 stocks rose on the main bourse, while 847 fell"
            metric = "advancers" if moved.group(1).lower() in _RISE_WORDS else "decliners"
            return Candidate(q, metric, self._count_subject(), None, None, int(q.value), "count", f"{metric}.verb", q.qualifier)
        cue = next((m for m in self.right if m.kind == "METRIC" and m.id in ("advancers", "decliners") and m.start - q.end <= 2), None)
        if cue is None:
            before = self.last({"METRIC"}, self.local)
            if before is not None and before.id in ("advancers", "decliners") and re.fullmatch(r"\s*:?\s*", self.text[before.end : q.start]):
                cue = before
        if cue is None:
            return None
        return Candidate(q, cue.id, self._count_subject(), None, None, int(q.value), "count", f"{cue.id}.count", q.qualifier)

    def _count_subject(self) -> str:
        return self.r.breadth_subject(self.local, self.clause, self.row_subject)


@lru_cache(maxsize=1)
def _count_nouns() -> dict[str, str]:
    """Counted nouns that make a count a breadth figure (metrics.jsonl)."""
    return {
        obj["pattern"].lower(): obj["id"]
        for _, obj in read_jsonl("metrics.jsonl", required=("pattern", "id"))
        if obj["id"] in ("advancers", "decliners") and isinstance(obj["pattern"], str)
    }


_KRW_COLUMNS = ("net_buy", "short_balance", "lending_balance", "margin_loan_balance", "target_price", "short_volume")


def _scaled(value: int | float, scale: int) -> int | float:
    exact = Decimal(str(value)) * scale
    return int(exact) if exact == exact.to_integral_value() else float(exact)


_CARRIED_FAMILIES = ("short", "borrowing_ratio")
_RATIO_METRICS = ("short_balance_ratio", "borrowing_ratio", "short_interest_pct")
_BROKER = re.compile(r"(?:securities|investment|asset management|capital)$", re.I)
_HEADING = re.compile(r"""^\s*(?:\d+(?:\.\d+)*[.)]?\s+)?[A-Z].{0,90}(?<![.!?:"'”’])$""")
_PIPE_LINE = re.compile(r"[ \t]*\|.*\|[ \t]*$", re.M)
_PUBLICATION_LINE = re.compile(r"\s*(?:published|updated|posted|modified|date)\b", re.I)
_ACTIVITY_METRICS = {
    "index_close", "index_open", "index_high", "index_low", "index_change", "index_change_pct", "price",
    "price_change_pct", "net_buy", "short_volume", "advancers", "decliners", "fx_rate",
}  # fmt: skip
_SCALES = {"bn": 10**9, "billion": 10**9, "bil": 10**9, "tn": 10**12, "trillion": 10**12, "mn": 10**6, "million": 10**6}


def _is_broker(name: str) -> bool:
    return bool(_BROKER.search(name))


def _is_heading(line: str) -> bool:
    """A short line with no sentence punctuation: a section heading."""
    return len(line) <= 90 and bool(_HEADING.match(line.strip()))


def _heading_scale(line: str) -> int | None:
    """"(₩bn)", "(KRW bn)", "(bil. won)", "(Unit: KRW billion; ...)" in a
    heading: the scale of bare figures below."""
    m = re.search(
        r"\((?:unit:\s*)?(?:₩|krw|w)?\s*(bn|billion|bil|tn|trillion|mn|million)\.?(?:\s*won)?\s*[);]"
        r"|\bunit:\s*(?:₩|krw|w)?\s*(bn|billion|bil|tn|trillion|mn|million)\b",
        line,
        re.I,
    )
    return _SCALES[(m.group(1) or m.group(2)).lower()] if m else None


def _table_candidate(q: Quantity, column, subject: Mention, section_scale: int | None = None) -> Candidate | None:
    """A table cell under a known column header."""
    kind, investor = column.kind, column.investor
    is_company = subject.kind == "COMPANY"
    name, ticker = subject.id, subject.ticker
    qual = q.qualifier or column.qualifier
    scale = column.scale or section_scale
    if q.unit is None and scale and kind in _KRW_COLUMNS:
        # "Short selling (KRW bn)" over "1,287.4", or a "Net buy (₩bn)" caption: billions of won.
        q = Quantity(q.text, q.start, q.end, _scaled(q.value, scale), "KRW", q.sign, q.qualifier)
    elif q.unit is None and column.unit in ("pct", "points"):
        q = Quantity(q.text, q.start, q.end, q.value, column.unit, q.sign, q.qualifier)  # "Borrowing ratio (%)"
    elif q.unit is None and kind == "change" and q.sign is not None and not is_company:
        q = Quantity(q.text, q.start, q.end, q.value, "points", q.sign, q.qualifier)  # "Chg" over "+58.61"
    elif q.unit is None and kind in ("level", "target_price") and is_company and q.sign is None:
        q = Quantity(q.text, q.start, q.end, q.value, "KRW", q.sign, q.qualifier)  # "Close (₩)" over "341,500"
    if name == "KRX" and kind in ("level", "change", "open", "high", "low"):
        return None  # a total row has no index level
    if kind in ("advancers", "decliners") and q.unit in (None, "count") and q.sign is None and not is_company:
        return Candidate(q, kind, name, None, None, int(q.value), "count", f"table.{kind}", qual)
    if kind in ("open", "high", "low") and not is_company and q.unit in (None, "points") and q.sign is None:
        return Candidate(q, f"index_{kind}", name, None, None, q.value, "points", f"table.{kind}", qual)
    if kind == "level":
        if is_company and q.unit == "KRW":
            return Candidate(q, "price", name, ticker, None, q.value, "KRW", "table.close", qual)
        if not is_company and q.unit in (None, "points") and q.sign is None and name != "KRX":
            return Candidate(q, "index_close", name, None, None, q.value, "points", "table.close", qual)
    elif kind == "change":
        if q.unit == "pct":
            metric = "price_change_pct" if is_company else "index_change_pct"
            return Candidate(q, metric, name, ticker, None, q.value, "pct", "table.change", qual)
        if q.unit == "points" and not is_company:
            return Candidate(q, "index_change", name, None, None, q.value, "points", "table.change", qual)
    elif kind == "net_buy" and q.unit == "KRW" and investor:
        return Candidate(q, "net_buy", name, ticker, investor, q.value, "KRW", "table.flow", qual)
    elif kind in _KRW_COLUMNS and kind != "net_buy" and q.unit == "KRW":
        return Candidate(q, kind, name, ticker, None, q.value, "KRW", f"table.{kind}", qual)
    elif kind in ("short_balance_ratio", "borrowing_ratio", "short_interest_pct") and q.unit == "pct":
        return Candidate(q, kind, name, ticker, None, q.value, "pct", f"table.{kind}", qual)
    return None


def _collect_mentions(doc: Doc) -> list[Mention]:
    out: list[Mention] = []
    occupied: list[tuple[int, int]] = []
    # An index name holds a number ("KOSPI 200"): the name wins over the figure.
    names = [(s.start_char, s.end_char) for s in doc.spans.get("cues", ()) if s.label_ == "SUBJECT" and any(c.isdigit() for c in s.text)]
    for q in doc._.quantities or ():
        if any(a < q.end and q.start < b for a, b in names):
            continue
        out.append(Mention("QTY", q.start, q.end, quantity=q))
        occupied.append((q.start, q.end))
    occupied.sort()
    starts = [s for s, _ in occupied]

    def overlaps_quantity(start: int, end: int) -> bool:
        i = bisect.bisect_right(starts, end) - 1
        return i >= 0 and occupied[i][1] > start

    for span in doc.spans.get("companies", ()):
        if not overlaps_quantity(span.start_char, span.end_char):
            out.append(Mention("COMPANY", span.start_char, span.end_char, span.label_, span.kb_id_ or None))
    company_spans = [(m.start, m.end) for m in out if m.kind == "COMPANY"]
    # Cues that collide with a figure or a company name go first, so that a
    # shorter cue ("weeks") survives a longer one that ran into a figure
    # ("over two weeks").
    free = [
        span for span in doc.spans.get("cues", ())
        if not overlaps_quantity(span.start_char, span.end_char)
        and not any(cs < span.end_char and span.start_char < ce for cs, ce in company_spans)
    ]  # fmt: skip
    for span in _longest_first(free):
        out.append(Mention(span.label_, span.start_char, span.end_char, span.id_))
    out.sort(key=lambda m: (m.start, -m.end))
    return out


def _longest_first(spans) -> list:
    """Overlapping cue spans: the longest wins ("net short selling balance"
    over "short selling balance"), as spacy.util.filter_spans does."""
    # Equal length: the later-ending span wins ("KOSPI 200" over "The KOSPI").
    ordered = sorted(spans, key=lambda s: (-(s.end - s.start), -s.end))
    taken: set[int] = set()
    kept = []
    for span in ordered:
        if not any(i in taken for i in range(span.start, span.end)):
            kept.append(span)
            taken.update(range(span.start, span.end))
    return sorted(kept, key=lambda s: s.start)


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    bounds = [start]
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        bounds.append(m.start())
    bounds.append(end)
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]


def _dedupe_ids(mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in mentions:
        if not out or out[-1].id != m.id:
            out.append(m)
    return out


def _between_other_figure(ctx: _Context, flow: Mention, inv: Mention) -> bool:
    return any(m.kind == "QTY" and flow.end <= m.start and m.end <= inv.start for m in ctx.clause)


def _family(metric: str) -> str:
    return "short" if metric.startswith("short") else metric


def _evidence_span(text: str, s_start: int, s_end: int, q: Quantity) -> tuple[int, int]:
    """The sentence that carries the figure, trimmed; a long sentence is cut
    to the clause around the figure so the evidence stays readable."""
    start, end = s_start, s_end
    if end - start > 300:
        for a, b in _clauses(text, s_start, s_end):
            if a <= q.start and q.end <= b:
                start, end = a, b
                break
    while start < end and text[start] in " \t\n,;—–-":
        start += 1
    while end > start and text[end - 1] in " \t\n":
        end -= 1
    return start, end


def _precision(q: Quantity) -> Decimal:
    """The place of the last written digit, in base units: 1 for "7,844",
    0.01 for "7,844.01", 1e12 for "2 trillion". A rounded restatement is
    within one such place of the exact figure."""
    m = re.search(r"\d[\d,]*(?:\.(\d+))?", q.text)
    if not m:
        return Decimal(0)
    written = m.group(0).replace(",", "")
    decimals = len(m.group(1) or "")
    try:
        mantissa = Decimal(written)
    except ArithmeticError:
        return Decimal(0)
    if mantissa == 0:
        return Decimal(0)
    scale = abs(Decimal(str(q.value))) / mantissa if q.unit not in ("pct", "pp", "bp") else Decimal(1)
    return scale * Decimal(1).scaleb(-decimals)


def _merge(facts: list[tuple[Fact, Decimal]]) -> list[Fact]:
    """One fact per (subject, metric, investor, day, value); a rounded
    restatement of a precise figure ("7,844" beside "7,844.01", "2 trillion"
    beside "2.2373 trillion") is dropped in favour of the precise one.
    Breadth counts restated under another market name are one fact too."""
    kept: list[tuple[Fact, Decimal]] = []
    for fact, place in facts:
        twin = next((i for i, (other, other_place) in enumerate(kept) if _restates(other, other_place, fact, place)), None)
        if twin is None:
            kept.append((fact, place))
        elif place < kept[twin][1]:
            kept[twin] = (fact, place)
    return sorted((f for f, _ in kept), key=lambda f: (f.start, f.metric))


def _restates(a: Fact, a_place: Decimal, b: Fact, b_place: Decimal) -> bool:
    if (a.metric, a.investor, a.as_of) != (b.metric, b.investor, b.as_of):
        return False
    if a.subject != b.subject:
        return a.metric in ("advancers", "decliners") and a.value == b.value
    x, y = Decimal(str(a.value)), Decimal(str(b.value))
    if x == y:
        return True
    (rough, rough_place), precise = ((x, a_place), y) if a_place > b_place else ((y, b_place), x)
    if rough_place <= 0 or (rough < 0) != (precise < 0):
        return False
    # The rough figure is the precise one rounded, or cut, to its last digit.
    nearest = (precise / rough_place).quantize(Decimal(1), rounding=ROUND_HALF_UP) * rough_place
    cut = (precise / rough_place).quantize(Decimal(1), rounding=ROUND_DOWN) * rough_place
    return rough in (nearest, cut)
