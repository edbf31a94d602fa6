"""The fact layer: attach each quantity to a subject, metric, investor and day.

Reading order is how a careful reader works through a market report:

1. The text is cut into sentences (the segmenter) and sentences into clauses
   (at ``;``, ``while``, ``but``, ``, and``, dashes), because one clause
   carries one subject's figures: "individual investors sold X while
   institutions offloaded Y".
2. Every sentence's mentions are laid out in text order: quantities, subjects
   (indexes, companies, the won), investor groups, flow verbs, directions,
   level cues (closed at, opened at, as low as), metric cues (short-selling
   balance, margin loans), blockers (year-to-date, combined, above) and dates
   (mentions.py, dates.py).
3. Each quantity is read by the rule family of its unit (money, percent,
   points, counts) against its *local* context (the words since the previous
   figure: directions and blockers bind tightly) and its *clause* context
   (subject, investor and flow verb may stand further left) (readings.py).
4. Tables rendered as pipe lines are read by column headers instead.
5. Each figure takes the day its sentence, paragraph, section or article
   names (dating.py).
6. Facts describing the same thing twice (a headline's rounded figure beside
   the exact one) are merged, keeping the precise figure (merging.py).

Precision before recall: when the subject, metric or sign is unclear the
quantity stays in the quantity layer and no fact is made.

This module is the reader: it walks sentences, clauses and table rows in
text order and remembers what the text is about (the market, the company,
the metric just listed) for the rules to consult.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import replace
from decimal import Decimal

from spacy.tokens import Doc

from ..model import Fact
from .checks import check
from .context import day_before_compared
from .dates import DateMention
from .dating import AsOf
from .merging import merge, precision
from .mentions import (
    BALANCE_METRICS,
    INDEXES,
    RATIO_METRICS,
    Candidate,
    Mention,
    collect_mentions,
    evidence_span,
    heading_scale,
    heading_scale_match,
    is_broker,
    is_heading,
    mentions_within,
    sentence_offsets,
    text_of,
    metric_family,
    scale_of,
    split_clauses,
)
from .readings import Context, table_candidate
from .readings_money import pairs_without_respectively, respectively
from .readings_percent import respectively_percents
from .readings_points import breadth_across_clauses, breadth_pair
from .state import ReaderState
from .tables import TableRow, find_plain_rows, find_table_rows

_PIPE_LINE = re.compile(r"[ \t]*\|.*\|[ \t]*$", re.M)
#: A site's market-snapshot strip above the story ("• KOSPI 2564.25 -70.45
#: -2.67%", "• EUR/KRW 1476.23 +7.22 +0.49%"): the quotes of the day the page
#: was crawled, not of the story's day.
_STRIP_LINE = re.compile(r"[ \t]*[•·*-]?[ \t]*[A-Z][A-Z0-9/ ]{1,15}[ \t]+[\d,.]+[ \t]+[+\-−]?[\d,.]+[ \t]+[+\-−]?[\d.]+%[ \t]*$")
_CROSS = re.compile(r"\b(?:JPY(?:100)?|EUR|CNH|CNY|GBP)/KRW\b")
_DASH_ASIDE = re.compile(r"\s[—–]\s[^—–\n]{3,160}?\s[—–]\s")
_INDEX_NAME = re.compile(r"\b(?:KOSPI|KOSDAQ)\b", re.I)
_KRW_BALANCES = ("margin_loan_balance", "lending_balance", "short_balance", "short_volume")
def _in_which_aside(text: str, s_start: int, position: int) -> bool:
    return any(a.start() < position < a.end() for a in _WHICH_ASIDE.finditer(text, s_start, position + 200))


_WHICH_ASIDE = re.compile(r",\s*(?:which|who)\b(?:[^,;.!?\n]|[.,](?=\d)){3,160},|\s[—–]\s+which\b[^—–.!?\n]{3,160}\s[—–]\s")


def _ANAPHORIC_TOTAL(m: Mention, text: str) -> bool:
    """"Of the total, 14.6 trillion won ...", "of the total 936 issues": the
    whole just named, not the whole market."""
    return m.kind == "MARKETWIDE" and text[m.start : m.end].lower() == "total" and bool(re.search(r"\b(?:of\s+)?the\s+$", text[max(0, m.start - 8) : m.start], re.I))


#: A board named as an adjective of one company: "the largest KOSDAQ company by market value".
_MODIFIER = re.compile(r"\s+(?:company|firm|heavyweight|bellwether|giant|blue\s+chip|large[- ]cap)\b", re.I)
#: A board named only to compare with: "like the KOSPI", "unlike the KOSPI", "than the KOSDAQ".
_COMPARED = re.compile(r"\b(?:like|unlike|than|compared\s+(?:with|to)|versus|vs\.?|outpacing|outperforming|underperforming)\s+(?:the\s+)?$", re.I)


#: A sentence with more figures than this is not read (see _read_sentence).
MAX_FIGURES_PER_SENTENCE = 100


def build_facts(doc: Doc) -> list[Fact]:
    """The fact layer's entry point: doc._.quantities and doc.spans -> facts."""
    return _Reader(doc).read()


class _Reader:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = text_of(doc)
        self.mentions = [m for m in collect_mentions(doc) if not _ANAPHORIC_TOTAL(m, self.text)]
        for m in self.mentions:
            if m.kind == "SUBJECT" and m.id in INDEXES and (_COMPARED.search(self.text, max(0, m.start - 24), m.start) or _MODIFIER.match(self.text, m.end)):
                # "like the KOSPI", "beating the KOSPI's 3.2% gain", "the
                # largest KOSDAQ company": not what the figure is about.
                m.kind = "COMPARED"
        self.mention_starts = [m.start for m in self.mentions]
        self.paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", self.text)]
        self.rows = sorted(find_table_rows(self.text) + find_plain_rows(self.text), key=lambda row: row.start)
        self.row_starts = [row.start for row in self.rows]
        self.as_of = AsOf(self.text, doc.user_data.get("published"), doc.user_data.get("title"), self._figure_between)
        self.state = ReaderState()
        self.state.document_company = self._document_company()
        self.state.article_market = next((m.id for m in self.mentions if m.kind == "SUBJECT" and m.id in ("KOSPI", "KOSDAQ")), None)
        self.facts: list[tuple[Fact, Decimal]] = []
        self.inferred: set[int] = set()  # facts whose market was inferred, not named
        self.skipped_sentences = 0
        self.quote_lines: dict[int, bool] = {}  # line start -> does it only quote levels
        self.headings: dict[int, str | None] = {}  # line start -> the line, if a heading
        self.line_scales: dict[int, re.Match | None] = {}  # line start -> its first scale note

    # -- the walk --------------------------------------------------------------

    def read(self) -> list[Fact]:
        for segment in self._segments():
            self._enter_paragraph(segment[0])
            if isinstance(segment[2], TableRow):
                self._read_row(segment[2])
            else:
                self._read_sentence(segment[0], segment[1])
        self._restatements()
        counts: Counter = Counter()
        if self.skipped_sentences:
            counts[f"sentence of over {MAX_FIGURES_PER_SENTENCE} figures not read"] += self.skipped_sentences
        kept = check(self.facts, counts)
        self.doc.user_data["checks"] = counts
        return merge(kept)

    def _restatements(self) -> None:
        """A flow whose market the text leaves to the reader, restating one
        given for a named market elsewhere in the article (a summary bullet
        "Foreigners net-sold ₩3.76tn" after a line about the KOSDAQ, the
        table beside it), is that market's."""
        for i in sorted(self.inferred):
            fact, place = self.facts[i]
            twins = [
                (j in self.inferred, j, other) for j, (other, _) in enumerate(self.facts)
                if (j < i or j not in self.inferred) and j != i and other.metric == fact.metric and other.investor == fact.investor
                and other.value == fact.value and other.as_of == fact.as_of and other.ticker is None
            ]  # fmt: skip
            # A twin whose market is named wins; else the first report of it.
            twin = min(twins, key=lambda t: (t[0], t[1]))[2] if twins else None
            if twin is not None:
                self.facts[i] = (replace(fact, subject=twin.subject), place)

    def _segments(self) -> list[tuple[int, int, TableRow | None]]:
        """Sentences and table rows in text order; a table row is one segment
        even when a cell holds a full stop."""
        row_starts = [row.start for row in self.rows]
        strips = self._snapshot_strips()
        segments = [(row.start, row.end, row) for row in self.rows if not any(a <= row.start < b for a, b in strips)]
        headline_end = self._headline_end()
        for start_char, end_char in sentence_offsets(self.doc):
            if start_char < headline_end:
                continue  # the headline restates the body's figures, rounded
            if any(a <= start_char < b for a, b in strips):
                continue
            i = bisect.bisect_right(row_starts, start_char) - 1
            if i >= 0 and self.rows[i].start <= start_char < self.rows[i].end:
                continue
            if _PIPE_LINE.match(self.text, self.text.rfind("\n", 0, start_char) + 1):
                continue  # a table's header or caption row: read with the table
            segments.append((start_char, end_char, None))
        segments.sort(key=lambda s: s[0])
        return segments

    def _snapshot_strips(self) -> list[tuple[int, int]]:
        """Runs of three or more quote lines that list currency crosses
        besides the dollar: a site's market snapshot, not the story."""
        strips, run, offset = [], [], 0
        for line in self.text.split("\n") + [""]:
            if _STRIP_LINE.fullmatch(line):
                run.append((offset, offset + len(line), line))
            else:
                if len(run) >= 3 and any(_CROSS.search(x[2]) for x in run):
                    strips.append((run[0][0], run[-1][1]))
                run = []
            offset += len(line) + 1
        return strips

    def _document_company(self) -> tuple[str, str | None] | None:
        """A research note names its company with its code near the top:
        "Samsung Electronics (005930) — BUY", "(005930 KS)", "(005930.KS)". Label lines ("Close: ₩141,300")
        are about that company."""
        for m in self.mentions:
            if m.start > 600:
                break
            if m.kind == "COMPANY" and re.match(r"\s*\(A?\d{6}(?:\s*K[SQ]|\.K[SQ])?\)", self.text[m.end : m.end + 16]):
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
            self.as_of.enter_paragraph()
            self.state.previous_sentence_subject = None
            # A list of names and bracketed percents in the next paragraph
            # ("In the KOSDAQ market, Ecopro BM (5.94%) led, ...") may go on
            # with the ratio the paragraph before listed.
            self.state.listed_ratio_before = self.state.previous_ratio_metric
            self.state.previous_ratio_metric = None
            self.state.previous_balance_metric = None
            self.state.paragraph_balance_cue = None
            opener = next((m for m in self.mentions[bisect.bisect_left(self.mention_starts, start):][:1]), None)
            self.state.paragraph_company = (
                (opener.id, opener.ticker)
                if opener is not None and opener.kind == "COMPANY" and opener.start == start and self.text[opener.end : opener.end + 1] == ":"
                else None
            )

    def _read_sentence(self, start: int, end: int, *, row_subject: Mention | None = None, column=None) -> None:
        mentions = self.mentions_in(start, end)
        if sum(m.kind == "QTY" for m in mentions) > MAX_FIGURES_PER_SENTENCE:
            # Reading a figure looks at the others of its clause: a "sentence"
            # of thousands of figures (a data dump, a hostile page) would take
            # hours, and no sentence of news holds so many (the most seen: 52).
            self.skipped_sentences += 1
            return
        if row_subject is None and self.rows:
            # A table set in the running text is read by its columns, not as words.
            mentions = [m for m in mentions if not self._in_row(m.start)]
        sentence_dates = self.as_of.dates_in(start, end)
        produced: list[Candidate] = []
        # An aside between dashes ("Outstanding margin loans — money retail
        # investors borrow to buy shares — totaled 23.8 trillion won") is its
        # own clause; the words on either side of it are one clause.
        asides = [(m.start(), m.end()) for m in _DASH_ASIDE.finditer(self.text, start, end)]
        masked = self.text
        for a, b in asides:
            masked = masked[:a] + " " * (b - a) + masked[b:]
        clauses = []
        for c_start, c_end in split_clauses(masked, start, end):
            clause = [m for m in mentions if c_start <= m.start and m.end <= c_end and not any(a <= m.start < b for a, b in asides)]
            clauses.append((clause, c_start, c_end))
        across = breadth_across_clauses(self, clauses)
        produced += across
        done = {cand.quantity.start for cand in across}
        for clause, c_start, c_end in clauses:
            self._read_clause(clause, c_start, c_end, mentions, start, row_subject, produced, done)
        for a, b in asides:
            clause = [m for m in mentions if a <= m.start and m.end <= b]
            self._read_clause(clause, a, b, mentions, start, row_subject, produced)
        for cand in produced:
            self._emit(cand, start, end, sentence_dates)
        self._remember(mentions, sentence_dates, produced, start)

    def _read_row(self, row: TableRow) -> None:
        subject, columns = self._row_subject(row), row.columns
        if subject is None:
            subject, columns = self._investor_row(row)
        if subject is None:
            subject = self._dated_row(row)
        if subject is None:
            return
        dates = self.as_of.dates_in(row.start, row.end)
        # A row that opens with its day ("Jan 20 | 32.4 | ...") is of that day, whatever the caption's.
        first = self.as_of.dates_in(*row.cells[0])
        table_day = (first[0].day if first and first[0].day else None) or self.as_of.day_in_text(row.caption)
        for cell, column in zip(row.cells[1:], columns[1:]):
            cell_start, cell_end = cell
            if column is None:
                # Free text in a cell ("Foreign -₩1.55tn, institutions +₩456.1bn"):
                # read it as a sentence about the row's subject.
                self._read_sentence(cell_start, cell_end, row_subject=subject)
                continue
            for m in self.mentions_in(cell_start, cell_end):
                if m.kind == "QTY":
                    cand = table_candidate(m.quantity, column, subject, self.state.section_scale)
                    if cand:
                        cand.day_override = self.as_of.day_in_text(column.day_text) or table_day
                        self._emit(cand, row.start, row.end, dates)

    # -- clauses ---------------------------------------------------------------

    def _read_clause(self, clause, c_start, c_end, sentence, s_start, row_subject, out: list[Candidate], done_before: set[int] = frozenset()) -> None:
        """Read one clause; candidates are appended to ``out``, the sentence's
        list, so later clauses see what earlier ones found."""
        quantities = [m for m in clause if m.kind == "QTY"]
        done: set[int] = set(done_before)
        for cand in breadth_pair(self, clause):
            out.append(cand)
            done.add(cand.quantity.start)
        marker = next((m for m in clause if m.kind == "BLOCK" and m.id == "respectively"), None)
        pairs = pairs_without_respectively(self, clause, sentence) if marker is None else None
        if pairs is not None:
            # "foreign and institutional investors purchased 41.2 billion and
            # 88.5 billion won". Unpaired, each figure would go to the nearer
            # name: the two are read as pairs or not at all.
            done.update(m.start for m in pairs[0])
            out.extend(pairs[1])
        over_a_period = any(m.kind == "BLOCK" and m.id == "same_period" for m in clause) and not day_before_compared(self.text, s_start, c_start)
        if marker is not None:
            # "During the same period, A and B rose 6.4% and 5.9%, respectively": changes over the period
            paired = [] if over_a_period else respectively(self, clause, sentence) or respectively_percents(clause)
            for cand in paired:
                out.append(cand)
                done.add(cand.quantity.start)
            if not paired and self.text[marker.start : marker.end].lower() == "respectively":
                # Figures the text pairs with names "respectively" that we could
                # not pair are not read one by one: the nearest name is the wrong one.
                listed = [m for m in quantities if m.end <= marker.start and m.quantity.unit in ("KRW", "pct")]
                if len(listed) >= 2:
                    done.update(m.start for m in listed)
        previous_end = c_start
        for i, qm in enumerate(quantities):
            next_start = quantities[i + 1].start if i + 1 < len(quantities) else c_end
            if qm.start not in done:
                ctx = Context(self, qm, clause, sentence, previous_end, next_start, c_start, s_start, row_subject, out)
                cand = ctx.read()
                if cand:
                    out.append(cand)
            previous_end = qm.end

    # -- subjects --------------------------------------------------------------

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

    def _row_subject(self, row: TableRow) -> Mention | None:
        start, end = row.cells[0]
        for m in self.mentions_in(start, end):
            if m.kind in ("SUBJECT", "COMPANY"):
                return m
            if m.kind == "MARKETWIDE":
                return Mention("SUBJECT", m.start, m.end, "KRX")  # a "KRX total" row
        return None

    def _investor_row(self, row: TableRow) -> tuple[Mention | None, list]:
        """A flows table by investor ("| Foreigners | +903.2 |" under "Net
        buying on the KOSPI by investor type (KRW bn)"): the row names the
        investor of its net-buy cells, the caption or the report the market."""
        start, end = row.cells[0]
        investor = next((m.id for m in self.mentions_in(start, end) if m.kind == "INVESTOR"), None)
        if investor is None or not any(c is not None and c.kind == "net_buy" and not c.investor for c in row.columns[1:]):
            return None, row.columns
        named = _INDEX_NAME.search(row.caption or "")
        market = named.group(0).upper() if named else self.state.flow_market or self.state.focus_index
        if market is None:
            return None, row.columns
        columns = [replace(c, investor=investor) if c is not None and c.kind == "net_buy" and not c.investor else c for c in row.columns]
        return Mention("SUBJECT", start, start, market), columns

    def _dated_row(self, row: TableRow) -> Mention | None:
        """A row of one day's flows by investor ("Jan 21 | 80.7 | -167.8 |
        -13.4" under a header of investor groups): the market is the one the
        caption or the text above the table names, else the report's."""
        start, end = row.cells[0]
        if not self.as_of.dates_in(start, end) or not all(c is None or (c.kind == "net_buy" and c.investor) for c in row.columns[1:]):
            return None
        named = None
        if row.header_start is not None:
            named = next((m.id for m in reversed(self.mentions_in(row.header_start, row.start)) if m.kind == "SUBJECT" and m.id in INDEXES), None)
        if named is None and (found := _INDEX_NAME.search(row.caption or "")):
            named = found.group(0).upper()
        market = named or self.state.flow_market or self.state.focus_index
        return Mention("SUBJECT", start, start, market) if market else None

    def _in_row(self, position: int) -> bool:
        i = bisect.bisect_right(self.row_starts, position) - 1
        return i >= 0 and self.rows[i].start <= position < self.rows[i].end

    def market_subject(self, clause: list[Mention], sentence: list[Mention], before: int) -> tuple[str, bool] | None:
        """The market of a flow, and whether it is inferred rather than
        named: named in its clause (before, then after the figure), else in
        its sentence; else the board the narrative last turned to, the market
        of the flows just reported, the main board once named, the index the
        article is about."""

        def market(mentions):
            return next(
                (("KRX" if m.kind == "MARKETWIDE" else m.id) for m in mentions
                 if (m.kind == "SUBJECT" and m.id in INDEXES) or (m.kind == "MARKETWIDE" and self.text[m.start : m.end].lower() != "total")),
                None,
            )  # fmt: skip

        named = market(reversed([m for m in clause if m.end <= before])) or market([m for m in clause if m.start >= before]) or market(sentence)
        if named:
            return named, False
        found = (
            # The board the report has turned to: flows after "The KOSDAQ
            # closed at 912.67" are the KOSDAQ's.
            self.state.narrative_market
            or self.state.flow_market
            # Korean market reports give the main board's flows unless they
            # say otherwise, even after a line about the KOSDAQ.
            or ("KOSPI" if self.state.kospi_named else None)
            or self.state.focus_index
            or self.state.article_market
        )
        return (found, True) if found else None

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

    def note_subject(self, m: Mention) -> None:
        """Keep the market and the company the text is talking about. Only
        the two boards count as a focus market: flows and breadth are never
        reported for KOSPI 200."""
        if m.kind == "SUBJECT" and m.id in ("KOSPI", "KOSDAQ"):
            self.state.focus_index = m.id
            self.state.kospi_named = self.state.kospi_named or m.id == "KOSPI"
        elif m.kind == "COMPANY" and not is_broker(m.id):
            self.state.focus_company = (m.id, m.ticker)

    # -- emitting and remembering ----------------------------------------------

    def _emit(self, cand: Candidate, s_start: int, s_end: int, sentence_dates: list[DateMention]) -> None:
        day, explicit = self.as_of.day_of_candidate(cand, s_start, sentence_dates)
        if cand.period_start and day is None:
            return
        ev_start, ev_end = evidence_span(self.text, s_start, s_end, cand.quantity)
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
        if cand.inferred_market:
            self.inferred.add(len(self.facts))
        self.facts.append((fact, precision(cand.quantity)))
        if self.as_of.own_date(cand.quantity, s_start) is not None or _in_which_aside(self.text, s_start, cand.quantity.start):
            cand.anchor = False  # "since topping 90.1 trillion won on June 4", "the won, which hit 1,476.9 on Thursday,"
        self.as_of.note_fact(cand, day, explicit)
        if cand.unit == "KRW" and cand.metric in BALANCE_METRICS:
            self.state.article_balance_metric = cand.metric
        if cand.metric in BALANCE_METRICS and not cand.rule.endswith((".part", ".continued")):
            # A breakdown ("Of that, 17.9 trillion won ... Kospi") does not
            # change whose balance the text is about.
            self.state.metric_subject[metric_family(cand.metric)] = (cand.subject, cand.ticker)
        if cand.metric == "net_buy" and cand.subject in INDEXES:
            self.state.flow_market = cand.subject

    def _remember(self, mentions, sentence_dates, produced, s_start) -> None:
        figures = [m.start for m in mentions if m.kind == "QTY"]
        # "1. Market wrap: Wednesday, Dec. 10", "2. Investor flows, KOSPI (₩bn)":
        # a heading dates, and gives the unit of, the section under it.
        heading = self._heading_at(s_start)
        if heading is not None:
            self._enter_section(heading, mentions)
        self.as_of.remember(sentence_dates, figures, s_start, heading=heading is not None)
        for m in mentions:
            self.note_subject(m)
        groups = {m.id for m in mentions if m.kind == "INVESTOR"}
        self.state.previous_investor = groups.pop() if len(groups) == 1 else None
        boards = [m for m in mentions if m.kind == "SUBJECT" and m.id in ("KOSPI", "KOSDAQ")]
        if boards and not self._quote_line(s_start):
            self.state.narrative_market = boards[0].id
        named = [m for m in mentions if m.kind in ("SUBJECT", "COMPANY", "FX")]
        self.state.previous_sentence_fx = bool(named) and named[-1].kind == "FX"
        subjects = [m for m in mentions if m.kind in ("SUBJECT", "COMPANY")]
        if subjects:
            self.state.previous_sentence_subject = subjects[-1]
        balances = [c.metric for c in produced if c.unit == "KRW" and c.metric in BALANCE_METRICS]
        if balances:
            self.state.previous_balance_metric = balances[-1]
        named = [m.id for m in mentions if m.kind == "METRIC" and m.id in _KRW_BALANCES]
        if named:
            self.state.paragraph_balance_cue = named[-1]
        ratio = [c.metric for c in produced if c.metric in RATIO_METRICS]
        if ratio:
            self.state.previous_ratio_metric = ratio[-1]
        elif produced:
            self.state.previous_ratio_metric = None

    def _quote_line(self, start: int) -> bool:
        """A line that only quotes levels ("KOSDAQ 981.40 (−0.64%)"), with no words of narrative."""
        line_start = self.text.rfind("\n", 0, start) + 1
        if (known := self.quote_lines.get(line_start)) is not None:
            return known  # once per line, not once per sentence of it: one-line pages made this quadratic
        line_end = self.text.find("\n", start)
        line = self.text[line_start : line_end if line_end >= 0 else len(self.text)]
        quote = self.quote_lines[line_start] = not re.search(r"[a-z]{2,}", _INDEX_NAME.sub("", line))
        return quote

    def _heading_at(self, s_start: int) -> str | None:
        """The line the sentence starts on, if it is a heading with no figure."""
        line_start = self.text.rfind("\n", 0, s_start) + 1
        if line_start in self.headings:
            return self.headings[line_start]  # once per line: every sentence of a one-line page asked again
        line_end = self.text.find("\n", s_start)
        line = self.text[line_start : line_end if line_end >= 0 else len(self.text)]
        heading = None
        if (is_heading(line) or heading_scale(line)) and not self._figure_between(line_start, line_start + len(line)):
            heading = line
        self.headings[line_start] = heading
        return heading

    def scale_before(self, line_start: int, position: int) -> int | None:
        """``heading_scale`` of the line from ``line_start`` to ``position``,
        without searching the same line again for each of its figures: the
        first scale note of the whole line, found once, answers for every
        position past its end; before it there is none (the search of the
        part before ``position`` is kept for a note that ``position`` cuts)."""
        if line_start not in self.line_scales:
            line_end = self.text.find("\n", line_start)
            self.line_scales[line_start] = heading_scale_match(self.text, line_start, line_end if line_end >= 0 else len(self.text))
        first = self.line_scales[line_start]
        if first is None or position <= first.start():
            return None
        if position >= first.end():
            return scale_of(first)
        return heading_scale(self.text[line_start:position])

    def _enter_section(self, heading: str, mentions: list[Mention]) -> None:
        scale = heading_scale(heading)
        if scale or is_heading(heading):
            self.state.section_scale = scale
        # "[Margin loans by market, daily (₩ trillion)]": what the bare
        # figures under it measure.
        cues = [m.id for m in mentions if m.kind == "METRIC" and m.id in ("margin_loan_balance", "lending_balance", "short_balance", "short_volume")]
        self.state.section_metric = cues[-1] if cues and scale else None

    # -- lookup helpers ----------------------------------------------------------

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        return mentions_within(self.mentions, self.mention_starts, start, end)

    def _figure_between(self, start: int, end: int) -> bool:
        return any(m.kind == "QTY" for m in self.mentions_in(start, end))
