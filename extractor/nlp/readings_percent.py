"""Percentages: ratios of balances, and changes of prices and indexes.

A percent is a ratio when a ratio cue names one (short-balance ratio,
borrowing ratio, short interest), or when it follows the ratio the text
just listed; it is a change when a subject moved in a direction or with a
written sign. A percent after a cue for something else (a balance, a
volume) is that thing's change and makes no fact.
"""

from __future__ import annotations

import re

from .context import FROM_BEFORE, QuantityContext
from .mentions import BALANCE_METRICS, INDEXES, RATIO_METRICS, Candidate, Mention

_TO_BEFORE = re.compile(r"\bto\s*$", re.I)
_RATIO_CUES = {"short_ratio": "short_balance_ratio", **{metric: metric for metric in RATIO_METRICS}}
#: The rest of a list after an item, up to the verb the list shares: "), LG H&H (0.26%), and POSCO (0.20%) also ".
_LIST_REST = re.compile(
    r"\s*\)(?:\s*(?:,|and|,\s*and)\s+[^()]{1,60}?\(\s*[+\-−]?\d[\d.,]*\s*%\s*\))*\s*,?\s*(?:(?:all|also|each|both|respectively|were|was|have|had|has)\s+){0,2}"
)
#: The rest of a list after an item, up to a metric named for all of it: "), ▲PNT (4.72%), in terms of ".
_TAIL_CUE = re.compile(
    r"\s*\)(?:[^()]{0,60}?\(\s*[+\-−]?\d[\d.,]*\s*%\s*\))*\s*,?\s*(?:in\s+terms\s+of|by|based\s+on|on)\s+(?:the\s+|their\s+|its\s+)?"
)
_BRACKETED = re.compile(r"\(\s*$")
_OF_ANOTHER = re.compile(r"\s*of\s+(?:the|its|their)\s+(?:loan|lending|borrowing|short[- ]selling|short)\s+(?:balance|volume|transactions)", re.I)
#: "1 percent to 3 percent", "1-3%": the upper end of a range after a percent.
_RANGE_TO = re.compile(r"\s*(?:to|-|–|~)\s*\d[\d.]*\s*(?:%|percent\b|per\s+cent\b)(?!\s*of\b)", re.I)
#: Between a percent and the result it changed: "12% rise in ", "20 percent on-year jump in its ".
_CHANGE_IN = re.compile(r"\s*(?:[\w-]+\s+){0,2}(?:rise|increase|gain|jump|surge|growth|drop|fall|decline|decrease|slide|plunge)\s+in\s+(?:its\s+|their\s+|the\s+)?", re.I)
#: Between a company's name and the verb of its move: its sales (a result, not a share price).
_SALES_BETWEEN = re.compile(r"(?:['’]s)?\s+(?:[a-z-]+\s+){0,2}sales\s+(?:volumes?\s+)?", re.I)
_SAME_PERIOD = re.compile(r"\b(?:same|that)\s+period\b", re.I)


class PercentReadings(QuantityContext):
    """The rules for a figure in percent (mixed into readings.Context)."""

    def percent(self) -> Candidate | None:
        q = self.q
        ratio = self.ratio_metric()
        if ratio is not None:
            return ratio
        # A cue right after the previous figure labels that figure ("with a
        # 11.40% ratio, dropped by 2.70%"), not this one.
        cue = self.last({"METRIC"}, [m for m in self.local if m.start - self.previous_end > 3 or self.previous_end == self.c_start])
        if cue is not None and any(m.kind in ("SUBJECT", "COMPANY") and cue.end <= m.start for m in self.local):
            cue = None  # "Short selling soared as the KOSPI tumbled 2.78 percent": the cue is another subject's
        if cue is not None and cue.id not in ("target_price", "advancers", "decliners", "cap_rank"):
            return None  # a change of a balance or ratio, not of a price
        if any(m.kind == "METRIC" and m.id == "fundamental" and _CHANGE_IN.fullmatch(self.text, self.q.end, m.start) for m in self.right):
            return None  # "after it reported a 12% rise in revenue"
        exact = self._exact_restatement()
        if exact is not None:
            return exact
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
        return self._change(subj_m, subj)

    def _change(self, subj_m: Mention, subj: tuple[str, str | None]) -> Candidate | None:
        """The day's change of a named index or company, when the text says
        which way it went."""
        q = self.q
        lv = next((m for m in reversed(self.left) if m.kind == "LEVEL" and m.id not in ("reach", "record")), None)
        if lv is not None and lv.id == "open":
            return None  # "opened 0.21% higher": change against the open
        if self.intraday() or self.against_earlier_day():
            return None
        d = self.last({"DIR"}, self.local)
        if subj_m.kind == "COMPANY" and d is not None and subj_m.end <= d.start and _SALES_BETWEEN.fullmatch(self.text, subj_m.end, d.start):
            return None  # "Kia sales rose 5%", "Hyundai Motor's overseas sales fell 3%": the company's sales, not its shares
        if q.sign is None and d is not None and _TO_BEFORE.search(self.text[d.end : q.start]):
            return self.continuation()  # "rose to 2.1%": a level reached, not a change
        if _RANGE_TO.match(self.text, q.end) and not FROM_BEFORE.search(self.text, max(0, q.start - 30), q.start):
            return None  # "went up 1 percent to 3 percent": a range over several names, no one figure
        if re.match(r"\s+(?:below|above|short of|off)\b|\s+(?:under|over)\s+(?:the|its|their)\s+(?:record|peak|high|low|previous|target)", self.text[q.end : q.end + 30]):
            return None  # "sits 3.9 percent below the record close": a distance, not a change
        if any(c.metric in BALANCE_METRICS and c.unit == "KRW" for c in self.produced if c.quantity.start >= self.c_start):
            return None  # "lending balance ... 17.8 trillion won, up about 17%": the balance's change
        sign = q.sign if q.sign is not None else self.sign_from_words()
        if sign is None:
            sign = self._sign_of_paired_change()
        if sign is None and subj_m.kind == "COMPANY":
            sign = self._sign_of_won_change()
        if sign is None and subj_m.kind == "COMPANY" and self.continuation() is None:
            sign = self._list_sign()
        if sign is None:
            return self.continuation()
        if subj_m.start < self.c_start and self.row_subject is None:
            return None
        metric = "index_change_pct" if subj[1] is None and subj[0] in INDEXES else "price_change_pct"
        if subj[0] == "KRX" and metric == "index_change_pct":
            # "Seoul stocks lost over 2.1 percent": the market moves as its benchmark does
            subj = (self.r.state.article_market or "KOSPI", None)
        if metric == "price_change_pct" and subj[1] is None:
            return None
        value = abs(q.value) * sign
        return Candidate(q, metric, subj[0], subj[1], None, value, "pct", f"{metric}.dir", q.qualifier)

    def _exact_restatement(self) -> Candidate | None:
        """"Celltrion surged nearly 10% (9.45%)": the figure in brackets is
        the exact one; it takes the reading of the rounded one, which goes."""
        if not self.produced or self.q.sign is not None:
            return None
        prev = self.produced[-1]
        if prev.unit != "pct" or not re.fullmatch(r"\s*\(\s*", self.text[prev.quantity.end : self.q.start]):
            return None
        if prev.metric not in ("price_change_pct", "index_change_pct") or prev.quantity.qualifier is None:
            return None
        self.produced.remove(prev)
        value = abs(self.q.value) * (1 if prev.value > 0 else -1)
        return Candidate(self.q, prev.metric, prev.subject, prev.ticker, None, value, "pct", f"{prev.metric}.exact", None)

    def _list_sign(self) -> int | None:
        """An item of a list of names and percents in brackets takes the
        direction written after the list ("Hyundai Mobis (0.41%), LG H&H
        (0.26%) and POSCO (0.20%) also rose"); in a list that marks its
        losers with a minus ("KB Financial Group (0.97%) and Celltrion
        (0.11%) were exceptions, while LG Energy Solution (-6.51%) ..."), an
        unsigned item gained."""
        if not re.search(r"\(\s*$", self.text[max(0, self.q.start - 3) : self.q.start]) or not re.match(r"\s*\)", self.text[self.q.end : self.q.end + 3]):
            return None
        for m in self.sentence:
            if m.kind == "DIR" and m.start > self.q.end and _LIST_REST.fullmatch(self.text, self.q.end, m.start):
                return 1 if m.id == "up" else -1
        bracketed = [
            m for m in self.sentence
            if m.kind == "QTY" and m.quantity.unit == "pct" and m is not self.qm
            and re.search(r"\(\s*$", self.text[max(0, m.start - 3) : m.start])
        ]  # fmt: skip
        if any(m.quantity.sign == -1 for m in bracketed):
            return 1
        return None

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

    # -- ratios --------------------------------------------------------------------

    def ratio_metric(self) -> Candidate | None:
        """Short-balance ratios, borrowing ratios, short interest."""
        q = self.q
        cue = self.last({"METRIC"})
        after = next((m for m in self.right if m.kind == "METRIC" and m.start - q.end <= 20 and m.id != "market_cap"), None)
        if after is not None and after.id == "turnover":
            return None  # "685.2 billion won, or 5.1 percent of total trading": a share of turnover
        if after is not None and after.id == "short_ratio" or cue is None or cue.id not in (
            "short_ratio", "borrowing_ratio", "short_interest_pct", "short_balance", "balance"
        ):
            cue = after
        if cue is None:
            cue = self._cue_after_list()
        if cue is None:
            return self._ratio_of_previous_balance()
        if _OF_ANOTHER.match(self.text, q.end):
            return None  # "about 20% of the loan balance": a share of a balance, not of market capitalization
        metric = self._ratio_family(cue)
        if metric is None:
            return None
        d = self.last({"DIR"}, self.local)
        lv = self.last({"LEVEL"}, self.local)
        between = self.text[self.previous_end : q.start]
        from_level = FROM_BEFORE.search(between)
        dated_from = False
        if from_level:
            # "increased from 0.23% to 0.41% during the same period": the first
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

    def _cue_after_list(self) -> Mention | None:
        """"Ecopro (5.36%) leads, followed by ▲Cheryong Electric (5.19%) ...
        ▲PNT (4.72%), in terms of short selling balance proportion": the
        metric named once after the whole list."""
        if not re.search(r"\(\s*$", self.text[max(0, self.q.start - 3) : self.q.start]):
            return None
        for m in self.sentence:
            if m.kind == "METRIC" and m.start > self.q.end and _TAIL_CUE.fullmatch(self.text, self.q.end, m.start):
                return m
        return None

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
            after = self.text[self.q.end : max(self.q.end + 60, cue.end + 30)].lower()
            return "short_balance_ratio" if re.search(r"proportion|ratio|market cap|share of", sentence + after) else None
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
        listed = [c.metric for c in self.produced if c.metric in RATIO_METRICS]
        metric = listed[-1] if listed else self.r.state.previous_ratio_metric
        q = self.q
        if metric is None and _BRACKETED.search(self.text, max(0, q.start - 3), q.start) and re.match(r"\s*\)", self.text[q.end : q.end + 3]):
            metric = self.r.state.listed_ratio_before
        if metric is None or q.sign is not None or self.last({"DIR"}, self.local):
            return None
        subj_m, subj = self.subject()
        if subj_m is None or subj_m.kind != "COMPANY":
            return None
        return Candidate(q, metric, subj[0], subj[1], None, q.value, "pct", f"{metric}.continued", q.qualifier)


def respectively_percents(clause: list[Mention]) -> list[Candidate]:
    """"Samsung Electronics and SK hynix climbed 2.6% and 4.2%, respectively",
    "highest at Hotel Shilla, Doosan Fuel Cell and Hanmi Semiconductor at
    6.12 percent, 5.47 percent and 4.93 percent, respectively": names and
    percents paired in order, as changes (after a direction) or as the ratio
    a cue names."""
    marker = next((m.start for m in clause if m.kind == "BLOCK" and m.id == "respectively"), None)
    if any(m.kind == "BLOCK" and m.id in ("period", "intraday", "forecast", "combined") and (marker is None or m.start < marker) for m in clause):
        return []  # what follows "respectively" ("after a peer lifted its outlook") is another matter
    listed = [m for m in clause if m.kind == "QTY" and (marker is None or m.start < marker)]
    percents = [m for m in listed if m.quantity.unit == "pct"]
    if len(percents) < 2 or any(m.quantity.unit != "pct" for m in listed if m.start > percents[0].start):
        return []
    names: list[Mention] = []
    for m in clause:
        if m.start >= percents[0].start:
            break
        if m.kind == "COMPANY" or (m.kind == "SUBJECT" and m.id in INDEXES and m.id != "KRX"):
            if not names or names[-1].id != m.id:
                names.append(m)
    # "Most KOSPI shares were in the red, with Celltrion and Samsung Biologics down ...": a
    # board named before the companies is the place, not one of the names paired.
    while names and names[0].kind != names[-1].kind:
        names = names[1:]
    if len(names) != len(percents) or len({m.kind for m in names}) != 1:
        return []
    before = [m for m in clause if names[-1].end <= m.start and m.end <= percents[0].start]
    cues = [_RATIO_CUES[m.id] for m in clause if m.kind == "METRIC" and m.id in _RATIO_CUES and m.start < percents[0].start]
    ratio = cues[-1] if cues else None
    direction = next((m.id for m in before if m.kind == "DIR"), None)
    is_company = names[0].kind == "COMPANY"
    out = []
    for name, qm in zip(names, percents):
        q = qm.quantity
        if ratio is not None:
            out.append(Candidate(q, ratio, name.id, name.ticker, None, q.value, "pct", f"{ratio}.respectively", q.qualifier))
        elif direction is not None or q.sign is not None:
            sign = q.sign if q.sign is not None else (1 if direction == "up" else -1)
            metric = "price_change_pct" if is_company else "index_change_pct"
            out.append(Candidate(q, metric, name.id, name.ticker, None, abs(q.value) * sign, "pct", f"{metric}.respectively", q.qualifier))
        else:
            return []
    return out
