"""One quantity in its clause: the context every rule family reads.

A quantity is read against its *local* context (the words since the
previous figure: directions and blockers bind tightly) and its *clause*
context (subject, investor and flow verb may stand further left). This
module holds those views and the cues the families share: blockers, the
subject, the kind of level, intraday markers, the subject of a balance.
The families themselves are in readings_money.py, readings_percent.py and
readings_points.py; readings.py puts them together.
"""

from __future__ import annotations

import re

from ..model import Quantity
from .dates import DateMention
from .dating import RELATIVE_AFTER_PATTERN, previous_weekday
from .mentions import SUBJECT_KINDS, Candidate, Mention, is_broker, metric_family
from .state import Reader

#: "This proportion reaches 5.55%": the subject is the one the sentence before named.
_SUBJECT_ANAPHOR = re.compile(r"^\W*(?:this|that|these|it|its|the\s+(?:figure|proportion|ratio|share))\b", re.I)
#: "... the previous trading day", "... on the prior session": the figure is the day before's.
PREVIOUS_DAY_AFTER = re.compile(r"\s*(?:points?\s+|won\s+)?(?:on\s+|in\s+)?the\s+(?:previous|prior)\s+(?:trading\s+)?(?:day|session)\b", re.I)
FROM_BEFORE = re.compile(r"\bfrom\s+(?:(?:the|its|a)\s+)?(?:previous|prior|earlier|old|former|existing)?\s*$", re.I)
_PHRASE_END = re.compile(r"[,;—–]")
#: "from 0.18% to 0.40% over the same period": levels at the ends of a period are no sums over it.
_LEVEL_BEFORE = re.compile(r"\b(?:from|to|at)\s+(?:about\s+|around\s+)?$", re.I)
#: "from last Thursday through Tuesday", "between Nov. 3 and 7", "from the 1st to the 9th".
_SPAN_OPEN = re.compile(r"\b(?:from|between)\s+(?:(?:last|this|the|past)\s+)?$", re.I)
_SPAN_JOIN = re.compile(r"\s*(?:through|thru|to|until|till|and|-|–)\s*", re.I)
#: "according to market tracker FnGuide", "data from Koscom": a source named before a company.
_SOURCE_BEFORE = re.compile(r"\b(?:according\s+to|data\s+(?:from|by|compiled\s+by)|compiled\s+by|tallied\s+by|a\s+survey\s+by)\s+(?:(?:the|market|data|financial|information|tracker|provider|researcher|firm)\s+){0,3}$", re.I)
#: "ended the month", "closed out the week", "finished its best quarter": a figure of the period.
_PERIOD_END = re.compile(
    r"\b(?:end(?:ed|ing|s)?|finish(?:ed|ing|es)?|clos(?:ed|ing|es)|wrap(?:ped|ping|s)?)\s+(?:out\s+)?(?:the|its|their)\s+(?:\w+\s+)?(?:week|month|year|quarter|half)\b", re.I
)
#: The rest of one reading after a figure: "(0.5%)", ", or 0.5 percent,", ", or 0.5 percent, to 2,512.4".
_READING_GOES_ON = re.compile(
    r"(?:\s*\([^()]{1,30}\))?(?:\s*,?\s*or\s+[+\-−]?\d[\d,.]*\s*(?:percent|per\s+cent|%|points?)\s*,?)?(?:\s*,?\s*(?:to|at)\s+[\d,]+(?:\.\d+)?(?:\s*points?)?)?", re.I
)
_NEXT_EVENT = re.compile(r"\b(?:after|before|while|following|but|and|then|when|whereas)\b", re.I)
#: A change against the day before: what "the same period" after it means.
_DAY_COMPARED = re.compile(
    r"\b(?:from|than|over|against|compared\s+(?:with|to))\s+the\s+(?:previous|prior)\s+(?:trading\s+)?(?:day|session)\b|\ba\s+day\s+(?:earlier|before|ago)\b", re.I
)
#: The opening of a fronted phrase about the time before: "After five consecutive days of ...".
_AFTER_PHRASE = re.compile(r"(?:^|[.;:]\s*|\n\s*|,\s*)(?:after|following|ending|snapping)\s+(?:(?:a|an|the|its|their|\w+)\s+){0,3}$", re.I)
#: An aside: ", which ... ,", an appositive ", a rough gauge of ... ,", " - the proportion of ... - " or "(...)".
_ASIDE = re.compile(r",\s*(?:which|that|who|whose|where|a|an|despite|amid|although|though|even\s+though|even\s+after)\b[^,;]*,|\s[-–—]\s[^-–—]{3,160}\s[-–—]\s|\([^()]{3,160}\)")
_MEMBERS_AFTER = re.compile(
    r"(?:\s*(?:,|and|or)\s+(?:the\s+)?[A-Za-z]+(?:\s+\d+)?)*[\s-]+(?:listed\s+)?(?:constituents|components|members|names)\b", re.I
)
_QUOTE_CHANGE = re.compile(
    r"\s*(?:\(\s*[+\-−–▲▼]?\s*\d[\d.,]*\s*(?:%|pts?\b|points\b|p\b)|,\s*[+\-−–▲▼]\s*\d[\d.,]*\s*(?:pts?|points|p\b|%)"
    r"|\(\s*(?:flat|unch\.?|unchanged)\s*\)|,\s*(?:flat|unchanged)\b"
    r"|\s*[▲▼+\-−–]\s*\d[\d.,]*\s*(?:pts?|points|p\b)?\s*\(\s*[+\-−–▲▼]?\s*\d[\d.,]*\s*%)",
    re.I,
)
_RANGE_VERB = r"(?:moved|moving|traded|trading|swung|swinging|fluctuated|fluctuating|ranged|ranging|oscillated|oscillating|seesawed|seesawing)\s+(?:between|in\s+a\s+(?:\w+\s+)?range\s+of)"
_RANGE_LOW = re.compile(_RANGE_VERB + r"\s*$", re.I)
_RANGE_HIGH = re.compile(_RANGE_VERB + r"\s*\d[\d,]*(?:\.\d+)?\s*(?:points?\s*)?(?:and|to|-|–)\s*$", re.I)
_WORDY = re.compile(r"[A-Za-z0-9]")
_LABELS_NEXT = re.compile(r"[\s:]*(?:₩|W|KRW|US\$|\$)?\s*")
_PLACE_BEFORE = re.compile(r"\b(?:on|in)\s+(?:the\s+)?$", re.I)
#: A name and the bracket its figure opens: "Doosan Infracore (", "▲PNT (".
_ITEM_NAME = re.compile(r"(?:^|[,;:▲△▼·•]|\band\b|\bby\b|\bwith\b)\s*((?:the\s+)?[A-Za-z][\w&.'’-]*(?:\s+[A-Za-z&][\w&.'’-]*){0,3}?)\s*\(\s*$")
#: Between a change in points and its percent: "down 6.98 points (0.80%)", "24.36
#: points on Wednesday, or 3.93 percent".
_PAIRED_GAP = re.compile(
    r"[\s(,]*(?:(?:on|in)\s+(?:the\s+)?(?:[A-Z][a-z]+\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?|\d{1,2}(?:st|nd|rd|th))[\s,]*)?(?:or|and)?[\s(]*"
)
_LEVEL_NOUNS = {"level", "mark", "threshold", "barrier", "milestone", "the line", "line", "range", "zone", "territory", "handle"}
_RELATIVE_AFTER = re.compile(RELATIVE_AFTER_PATTERN, re.I)
#: A clause that opens with a verb: "but ended up 0.6 percent", ", but pared gains to close", "and closed at".
_SAME_SUBJECT_GOES_ON = re.compile(
    r"[\s,;]*(?:but|and|yet|then|before)\s+(?:\w+ly\s+)?(?:ended|closed|finished|settled|pared|trimmed|turned|reversed|recovered|rebounded|rose|fell|slid|gained|lost|edged|dropped|jumped|climbed|eased|sank|tumbled)\b",
    re.I,
)
_ITS_TARGET = re.compile(r"\b(?:its|their|the)\s+(?:\w+\s+)?(?:target(?:\s+stock)?(?:\s+price)?|price\s+target)\b", re.I)
_BOTH_BOARDS = re.compile(r"\bKOSPI\s*(?:and|&|\+)\s*(?:the\s+)?KOSDAQ\b|\bKOSDAQ\s*(?:and|&|\+)\s*(?:the\s+)?KOSPI\b", re.I)
_FROM_THE = re.compile(r"\s*(?:percent|%|points?)?\s*(?:from|compared\s+(?:with|to)|against|since)\s+(?:the|its)?\s*", re.I)
_PAIR_THEN_DIR = re.compile(r",?\s+or\s+[+\-−]?\d[\d,.]*\s*(?:%|percent|per\s+cent)\s+(higher|lower|up|down)\b", re.I)
_CROSSED_NOUN = re.compile(r"[\s-]*(?:points?\s+)?(?:mark|level|line|threshold|barrier|milestone)\b", re.I)
#: A year the figure covers: "averaged 18.4 trillion won in 2024", "volume of 96.2 trillion won in 2021".
_IN_YEAR = re.compile(r"\s*(?:\w+\s+){0,2}?(?:in|for|during|over)\s+(?:(?:the\s+)?(?:whole|full|entire)\s+(?:year\s+)?)?(?:19|20)\d\d\b(?![-/.,]?\d)", re.I)


#: A time of day: "as of 11:05 a.m.", "at 2 p.m.", "at 10:20 a.m. local time", "14:10 KST".
_CLOCK = re.compile(r"\b(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?\s*(?:(?P<ap>[ap])\.?m\.?(?![a-z])|(?=\s*(?:KST|local\s+time)\b))", re.I)
#: The Korea Exchange's regular session (and onshore won trade) ends at 15:30.
_CLOSING_TIME = 15 * 60 + 30


def _before_the_close(t: re.Match) -> bool:
    """A time of day before 3:30 p.m.: the figure is the session's, not the close."""
    hour, minute = int(t.group("h")), int(t.group("m") or 0)
    ap = (t.group("ap") or "").lower()
    if ap == "p" and hour < 12:
        hour += 12
    elif ap == "a" and hour == 12:
        hour = 0
    if not ap and t.group("m") is None:
        return False  # "14 KST" is no time anyone writes
    return hour * 60 + minute < _CLOSING_TIME


def day_before_compared(text: str, s_start: int, at: int) -> bool:
    """"The KOSPI slipped 0.41% from the previous day to 4,230.18. The KOSDAQ
    lost 1.06% over the same period": "the same period" is that day."""
    return _DAY_COMPARED.search(text, max(0, s_start - 300), at) is not None


class QuantityContext:
    """One quantity in its clause, the mentions around it, and the reader's memory."""

    def __init__(self, reader: Reader, qm: Mention, clause, sentence, previous_end, next_start, c_start, s_start, row_subject, produced):
        self.r = reader
        self.qm = qm
        self.q: Quantity = qm.quantity
        self.text = reader.text
        self.clause = clause
        self.sentence = sentence
        self.left = [m for m in clause if m.end <= qm.start]
        self.local = [m for m in self.left if m.start >= previous_end]
        self.right = [m for m in clause if m.start >= qm.end and m.end <= next_start]
        self.next_start = next_start
        self.c_start = c_start
        self.s_start = s_start
        self.previous_end = previous_end
        self.row_subject = row_subject
        self.produced: list[Candidate] = produced
        for m in self.left:
            reader.note_subject(m)

    # -- mention queries -----------------------------------------------------------

    def last(self, kinds, mentions=None):
        """The nearest mention of these kinds before the figure. A metric cue
        inside an aside (", which tracks shares borrowed to sell short,")
        does not label the figure."""
        for m in reversed(self.left if mentions is None else mentions):
            if m.kind in kinds and not ((m.kind == "METRIC" or m.kind in SUBJECT_KINDS) and self._in_aside(m)):
                return m  # "Samsung Electronics, which accounts for 20 percent of the KOSPI, rose 1.5 percent"
        return None

    def _in_aside(self, m: Mention) -> bool:
        for aside in _ASIDE.finditer(self.text, self.c_start, self.q.start):
            if aside.start() < m.start and m.end <= aside.end():
                return True
        return False

    def blocked(self, *reasons) -> bool:
        own_date = self.r.as_of.own_date(self.q, self.s_start)
        if "period" in reasons and own_date is None and self._over_a_span():
            return True
        if "prior" in reasons and self._dated_record():
            reasons = tuple(r for r in reasons if r != "prior")
        if own_date is not None or _RELATIVE_AFTER.match(self.text, self.q.end):
            # "since March 4, when the index closed at 2,517.60": a past
            # figure with its own day is a fact of that day.
            reasons = tuple(r for r in reasons if r not in ("prior", "period"))
        if "forecast" in reasons and any(m.kind == "METRIC" and m.id == "target_price" for m in self.local):
            reasons = tuple(r for r in reasons if r != "forecast")  # a target is a forecast by nature: "a rosy outlook ... target price"
        if "period" in reasons and _PERIOD_END.search(self.text, self.c_start, self.q.start) and not self._dated_clause():
            return True  # "ended the month 4.1% higher", but "finished the month at 7,512.33 on April 30"
        if "period" in reasons and not day_before_compared(self.text, self.s_start, self.q.start) and not self._level_at_an_end():
            reasons = (*reasons, "same_period")  # "In May ... retail investors sold 940 billion won in the same period"
        if "combined" in reasons and self._several_parties():
            reasons = (*reasons, "total")  # "a total of" two groups' buying is a combined figure
        # "for two consecutive trading days": a period right after the
        # previous figure is that figure's, not this one's.
        if any(m.kind == "BLOCK" and m.id in reasons and not self._counts_previous(m) and not self._past_period(m) and not self._in_a_date(m) and not (m.id == "period" and self._in_aside(m)) for m in self.local):
            return True
        # Periods bind to the figure even past other numbers ("gained 7.9
        # percent in the first four trading sessions of the year"), but not
        # past a comma: ", marking the highest level since March" is another phrase.
        if "period" in reasons and _IN_YEAR.match(self.text, self.q.end):
            return True
        if "same_period" in reasons:
            # "Retail investors sold a net 940 billion won and pension funds
            # bought a net 310 billion won in the same period": the period closes the
            # clause and covers each figure in it.
            phrase_end = self._phrase_end(self.q.end, len(self.text))
            if any(m.kind == "BLOCK" and m.id == "same_period" and m.start >= self.q.end and m.end <= phrase_end for m in self.clause):
                return True
        limit = self._phrase_end(self.q.end, 45)
        near_right = [m for m in self.clause if self.q.end <= m.start and m.end <= limit]
        return any(
            m.kind == "BLOCK" and m.id in reasons and m.id in ("period", "same_period", "cross", "combined", "total", "futures") and not self._qualifies_next(m)
            for m in near_right
        )

    def _several_parties(self) -> bool:
        """Two investor groups (or subjects) named for one figure: "foreign
        and institutional investors bought a total 318.20 billion won"."""
        groups = {m.id for m in self.left if m.kind == "INVESTOR"}
        return len(groups) >= 2

    def _qualifies_next(self, m: Mention) -> bool:
        """"... to offset a combined 271.4 billion won": an adjective of the
        figure right after it, not of this one."""
        if m.id not in ("combined", "total"):
            return False
        return any(o.kind == "QTY" and 0 <= o.start - m.end <= 4 for o in self.clause)

    def _counts_previous(self, m: Mention) -> bool:
        """A period the previous figure counts, trailing an earlier figure's
        phrase: "plunged over 2% for two consecutive trading days through
        Monday before rebounding by 0.42%" (the period is the fall's). One
        that opens the clause ("Over the six sessions, foreigners dumped
        ...") scopes everything after it."""
        if m.id != "period" or self.previous_end <= self.c_start or self.text[self.previous_end : m.start].strip():
            return False
        return sum(1 for q in self.clause if q.kind == "QTY" and q.end <= self.previous_end) >= 2

    def _over_a_span(self) -> bool:
        """"They bought a net 1.72 trillion won from last Thursday through
        Tuesday": a figure of a span of days named in its clause is a sum
        over the span, not the last day's (levels at its ends are read)."""
        if self._level_at_an_end():
            return False
        if not any(m.kind in ("FLOW", "DIR") for m in self.left):
            return False  # "Between the 2nd and the 9th, SK hynix led the lending balances (7.3 trillion won)"
        dates = self._days_in_clause(self.c_start, 40)
        return any(
            _SPAN_OPEN.search(self.text, max(0, a.start - 10), a.start) and _SPAN_JOIN.fullmatch(self.text, a.end, b.start)
            for a, b in zip(dates, dates[1:])
        )

    def _dated_clause(self) -> bool:
        return bool(self._days_in_clause(self.c_start, 20))

    def _days_in_clause(self, start: int, pad: int) -> list[DateMention]:
        """The dates with a day from ``start`` to ``pad`` characters past the clause's last mention."""
        clause_end = max((m.end for m in self.clause), default=self.q.end)
        return [d for d in self.r.as_of.dates_in(start, clause_end + pad) if d.day is not None]

    def _level_at_an_end(self) -> bool:
        """"from 0.18% to 0.40%", "at 98.7 trillion won": a level, not a sum over a period."""
        return _LEVEL_BEFORE.search(self.text, max(0, self.q.start - 12), self.q.start) is not None

    def _phrase_end(self, start: int, reach: int) -> int:
        """Where the phrase from ``start`` ends: the next comma, semicolon or
        dash within ``reach`` characters, else ``start + reach``."""
        stop = _PHRASE_END.search(self.text, start, start + reach)
        return stop.start() if stop else start + reach

    def _in_a_date(self, m: Mention) -> bool:
        """"the 8th of this month": a period word inside a day's date."""
        return m.id == "period" and any(d.day is not None and d.start <= m.start and m.end <= d.end for d in self.r.as_of.dates_in(max(0, m.start - 40), m.end))

    def _past_period(self, m: Mention) -> bool:
        """"After five consecutive days of selling, foreigners bought a net
        135 billion won on Tuesday": a fronted phrase of the days before,
        closed by a comma, does not make the figure a period's."""
        if m.id != "period" or "," not in self.text[m.end : self.q.start]:
            return False
        return _AFTER_PHRASE.search(self.text, max(0, m.start - 40), m.start) is not None

    def _dated_record(self) -> bool:
        """"the previous record of 27.5288 trillion won set on Dec. 17, 2025":
        a prior figure with its own day is a fact about that day."""
        return any(d.start >= self.q.end for d in self._days_in_clause(self.q.end, 40))

    def crossed(self) -> bool:
        """"rose above 2,400", "the 3,920 level": a level crossed is no fact.
        So is a balance that "surpassed 9 trillion won": a crossing verb is
        not a size ("was more than 12 trillion won" is, with more_than)."""
        before = [
            m for m in self.local
            if m.kind == "BLOCK" and m.id == "cross" and self.q.start - m.end <= 12
            and self.text[m.start : m.end].lower() not in _LEVEL_NOUNS - {"level", "mark"}  # "KOSPI range: open 4,150.22"
            and not re.match(r"\s+to\s*$", self.text[m.end : self.q.start])  # "dipped below the 1,900 mark to 1,899.87"
        ]  # fmt: skip
        after = [
            m for m in self.right
            if m.kind == "BLOCK" and m.id == "cross" and m.start - self.q.end <= 3
            and self.text[m.start : m.end].lower() in _LEVEL_NOUNS
        ]  # fmt: skip
        return bool(before or after)

    def against_earlier_day(self) -> bool:
        """"down 4.12 percent from the Feb. 3 closing level": a change over
        many days, measured from a day before the previous session."""
        m = _FROM_THE.match(self.text, self.q.end)
        if m is None:
            return False
        dates = [d for d in self.r.as_of.dates_in(m.end(), m.end() + 30) if d.start == m.end() and d.day is not None]
        base = self.r.as_of.default_day
        return bool(dates and base and dates[0].day < previous_weekday(base))

    def sign_from_words(self) -> int | None:
        d = self.last({"DIR"}, self.local)
        if d is not None:
            return 1 if d.id == "up" else -1
        for m in self.right:
            if m.kind != "DIR" or m.start - self.q.end > 2:
                continue
            # "2.87 percent higher", "after a 1.12% decline on the day", "since a 1.8 percent jump on Sept. 2"
            word = self.text[m.start : m.end].lower()
            if word in ("higher", "lower") or re.search(r"\b(?:an?|since|the)\s*$", self.text[self.previous_end : self.q.start]):
                return 1 if m.id == "up" else -1
        # "31.40 points or 1.22% lower than the day before's close": the
        # word after the pair signs both.
        pair = _PAIR_THEN_DIR.match(self.text, self.q.end)
        if pair:
            return 1 if pair.group(1).lower() in ("higher", "up") else -1
        return None

    # -- subjects ------------------------------------------------------------------

    def unnamed_item(self) -> bool:
        """An item of a list whose name we do not know: "... and Doosan
        Infracore (92.8 billion won)". Its figure must not fall to a name
        read earlier in the list."""
        m = _ITEM_NAME.search(self.text, max(self.c_start, self.q.start - 70), self.q.start)
        if m is None:
            return False
        return not any(
            x.kind in SUBJECT_KINDS | {"MARKETWIDE", "COMPARED"} and m.start(1) < x.end <= m.end(1) + 1 for x in self.clause
        )

    def subject(self):
        """Nearest subject before the figure in its clause (or the table row's)."""
        if self.unnamed_item():
            return None, None
        m = self.last(SUBJECT_KINDS)
        if m is not None and m.kind == "FOREIGN":
            return m, None  # "the Dow Jones Industrial Average added 0.62 percent": no fact of ours
        if m is not None:
            resolved = self.r.resolve(m)
            if resolved is None:
                return None, None
            if m.kind == "ANAPHOR" and resolved[1]:
                m = Mention("COMPANY", m.start, m.end, resolved[0], resolved[1])
            return m, resolved
        if self.row_subject is not None:
            return self.row_subject, self.r.resolve(self.row_subject)
        carried = self._carried_subject()
        if carried is not None:
            return carried, self.r.resolve(carried)
        return None, None

    def _carried_subject(self) -> Mention | None:
        """"Samsung Electronics rose as much as 1.8 percent early but ended
        up 0.6 percent at 78,900 won": a clause that opens with its verb goes
        on about the subject of the clause before it."""
        if not _SAME_SUBJECT_GOES_ON.match(self.text, self.c_start):
            return None
        before = [m for m in self.sentence if m.end <= self.c_start and m.kind in ("SUBJECT", "COMPANY")]
        if not before:
            return None
        m = before[-1]
        return Mention(m.kind, self.c_start, self.c_start, m.id, m.ticker)

    def balance_subject(self, metric: str) -> tuple[str, str | None] | None:
        if self.unnamed_item():
            return None
        return self._balance_subject(metric)

    def _balance_subject(self, metric: str) -> tuple[str, str | None] | None:
        """Explicit in the clause (before, then after), else the sentence
        before when this one opens with "This"/"The proportion", else the
        subject this metric last had, else the whole market."""
        subjects = ("SUBJECT", "COMPANY", "MARKETWIDE", "ANAPHOR")
        if metric == "target_price":
            # "Kiwoom Securities set a target of 300,000 won on Hanmi
            # Semiconductor": the broker is not the subject.
            subjects = ("COMPANY", "ANAPHOR")
        # Nearest first: since the previous figure, then up to the next one
        # ("17.9 trillion won was borrowed to buy Kospi shares and 9.81
        # trillion won to buy Kosdaq shares"), then the rest of the clause.
        # A name right before the next figure labels that one: "margin loans
        # (4/10): W31.42tn (KOSPI W19.87tn / KOSDAQ W11.55tn)".
        figures = [m.start for m in self.clause if m.kind == "QTY" and m.start > self.q.start]

        def labels_a_later_figure(m: Mention) -> bool:
            following = next((start for start in figures if start >= m.end), None)
            return m.start >= self.q.end and following is not None and bool(_LABELS_NEXT.fullmatch(self.text, m.end, following))

        right = [m for m in self.right if not labels_a_later_figure(m)]
        # ... nor does a name after a later figure ("34,118.7 billion as of
        # June 17, 21,460.2 billion on the KOSPI market"): it is that figure's.
        rest = [m for m in self.clause if not labels_a_later_figure(m) and not (m.start >= self.q.end and any(f < m.start for f in figures))]
        order = [list(reversed(self.local)), right, list(reversed(self.left)), rest]
        before = next((m for m in reversed(self.local) if m.kind in subjects and not self._membership(m)), None)
        if before is not None and self.previous_end > self.c_start and re.search(r"\b(?:and|while|but|along with|versus|against)\b", self.text[before.end : self.q.start]):
            # "17.9 trillion won ... Kospi shares and 9.81 trillion won to buy
            # Kosdaq shares": the name before belongs to the previous item.
            order = [right] + order
        for mentions in order:
            for m in mentions:
                if m.kind in subjects and (m.end <= self.q.start or m.start >= self.q.end):
                    if (m.kind == "COMPANY" and (is_broker(m.id) or self._a_source(m))) or self._membership(m):
                        continue
                    if m.kind == "SUBJECT" and _BOTH_BOARDS.search(self.text, max(0, m.start - 24), min(len(self.text), m.end + 24)):
                        return "KRX", None  # "short selling transactions on KOSPI and KOSDAQ": the two boards together
                    return self.r.resolve(m)
        return self._remembered_subject(metric)

    def _a_source(self, m: Mention) -> bool:
        """"..., according to market tracker FnGuide": the company that
        counted the figure is not what it is about."""
        return _SOURCE_BEFORE.search(self.text, max(0, m.start - 40), m.start) is not None

    def _membership(self, m: Mention) -> bool:
        """An index named for its members, or as the place, where a company
        named before it is the subject: "Ecopro BM carried the highest short
        interest among KOSPI 200 and KOSDAQ 150 constituents at 7.42%",
        "Hanmi Semiconductor ranked first on the main board at 3.87%".
        Without a company, "short interest across KOSDAQ constituents" is
        the index's own figure."""
        if m.kind != "SUBJECT" or not any(c.kind == "COMPANY" and not is_broker(c.id) and c.end <= m.start for c in self.left):
            return False
        # "... ranked first on the main board at 3.87%": the market is where, not what.
        return bool(_MEMBERS_AFTER.match(self.text, m.end) or _PLACE_BEFORE.search(self.text, max(0, m.start - 12), m.start))

    def _remembered_subject(self, metric: str) -> tuple[str, str | None] | None:
        """No subject in the clause: the table row's, else the one the
        sentence before named, else the one the reader remembers."""
        if self.row_subject is not None:
            return self.r.resolve(self.row_subject)
        prev = self.r.state.previous_sentence_subject
        if prev is not None and _SUBJECT_ANAPHOR.search(self.text[self.s_start : self.s_start + 40]):
            return self.r.resolve(prev)
        if self.r.state.paragraph_company:
            return self.r.state.paragraph_company  # "KB Financial: ... Short interest was 0.21%"
        remembered = self.r.state.metric_subject.get(metric_family(metric))
        if remembered:
            return remembered
        if self.r.state.document_company:
            return self.r.state.document_company  # a research note's own company
        if metric == "target_price":
            # "NH Investment & Securities also upgraded its target price to
            # 90,000 won": the company the story is about.
            if _ITS_TARGET.search(self.text, self.c_start, self.q.start):
                return self.r.state.focus_company
            return None
        return "KRX", None

    # -- levels and quotes ---------------------------------------------------------

    def level_kind(self) -> str | None:
        """close/open/high/low for a figure after a level cue; "reach" cues
        ("reaching", "at") take the kind of an earlier cue in the clause;
        a session's range ("moved between 5,271.66 and 5,335.90") is its
        low and high."""
        if _RANGE_LOW.search(self.text[self.previous_end : self.q.start]):
            return "low"
        if _RANGE_HIGH.search(self.text[self.c_start : self.q.start]):
            return "high"
        word = re.search(
            r"\b(open|opening|high|low|close|closing)(?:\s+(?:for|of)\s+the\s+(?:day|session))?\s*[:,]?\s*$",
            self.text[self.previous_end : self.q.start],
            re.I,
        )
        at = self.previous_end + word.start() if word else 0
        if word and not re.search(r"(?:year-to-date|52-week|all-time|record|yearly|annual)[\s-]*$", self.text[max(0, self.previous_end, at - 20) : at], re.I):
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
        moved = self._moved_to(lv)
        earlier = [m for m in self.left if m.kind == "LEVEL" and m.id not in ("reach", "record") and m.start < lv.start]
        if earlier and not (earlier[-1].id == "open" and moved is not None):
            return earlier[-1].id
        in_clause = [c for c in self.produced if c.quantity.start >= self.c_start]
        if any(c.metric in ("index_change", "index_change_pct", "price_change_pct") for c in in_clause):
            return "close"
        if moved is not None:
            # "briefly rose to 3,944.20 in the morning": the day's high;
            # "the index dropped to 3,812.40": a level the day reached, which
            # the day's close and open tell apart (checks.py).
            if self.intraday():
                return "high" if moved == "up" else "low"
            return f"reached_{moved}"
        return None

    def _moved_to(self, lv: Mention) -> str | None:
        """The way the figure moved when a level cue follows a direction:
        "rose to", "dropped to", "dipped below the 1,900 mark to"."""
        if self.text[lv.start : lv.end].lower() not in ("to", "reaching", "hit", "touched"):
            return None
        d = next((m for m in reversed(self.left) if m.kind == "DIR" and m.end <= lv.start), None)
        if d is None or lv.start - d.end > 80:
            return None
        # A level crossed on the way may stand between: "dipped below the 1,900 mark to 1,899.87".
        if any(m.kind == "QTY" and d.end <= m.start < lv.start and not _CROSSED_NOUN.match(self.text, m.end) for m in self.clause):
            return None
        return d.id

    def intraday(self) -> bool:
        """An intraday figure ("during the session", "in the morning"), unless
        a close cue comes after the marker: "traded near 141,000 won in the
        morning before ending 2.87 percent higher at 139,700 won"."""
        # "added 12.3 points, or 0.5 percent, to 2,512.4 in the first 15
        # minutes of trading": the marker closes the whole reading.
        rest = _READING_GOES_ON.match(self.text, self.q.end)
        begin = rest.end() if rest else self.q.end
        phrase_end = self._phrase_end(begin, 200)
        turn = _NEXT_EVENT.search(self.text, begin, phrase_end)  # "... to 164,300 won after briefly reaching ..."
        phrase_end = turn.start() if turn else phrase_end
        after = [m for m in self.clause if m.start >= self.q.end and m.end <= phrase_end]
        marks = [m.start for m in self.left + after if m.kind == "BLOCK" and m.id == "intraday" and not self._in_aside(m)]
        if not marks:
            return False
        closes = [m for m in self.left if m.kind == "LEVEL" and m.id == "close"]
        return not closes or max(marks) > max(m.start for m in closes)

    def clock_before_close(self) -> bool:
        """"The Kospi dropped 1.2% to 2,500.31 as of 11:05 a.m.": a time of
        day before the session's end in the figure's phrase, and no word
        saying it closed there."""
        if any(m.kind == "LEVEL" and m.id == "close" for m in self.local):
            return False
        phrase_end = self._phrase_end(self.q.end, 200)
        closes = [m.start for m in self.left if m.kind == "LEVEL" and m.id == "close"]
        # "turning negative around 1:30 PM ..., closing down 6.98 points at 865.12": the close came after the time
        return any(_before_the_close(t) and not any(c > t.start() for c in closes) for t in _CLOCK.finditer(self.text, self.c_start, phrase_end))

    def _quoted(self, subj_m: Mention) -> bool:
        """A quote: a name, its level, and the day's change in brackets:
        "KOSPI 4,104.35 (-1.21%)", "Samsung Electronics ₩107,600 (-2.18%)",
        "Krafton 251,500, unchanged"; or a line that is only a name and its
        level ("📉 KOSPI 5,412.08")."""
        if re.fullmatch(r"\s*:?\s*", self.text[subj_m.end : self.q.start]) is None:
            return False
        after = self.text[self.q.end : self.q.end + 24]
        if _QUOTE_CHANGE.match(after):
            return True
        line_start = self.text.rfind("\n", 0, subj_m.start) + 1
        line_end = self.text.find("\n", self.q.end)
        rest = self.text[self.q.end : line_end if line_end != -1 else len(self.text)]
        return not _WORDY.search(self.text[line_start : subj_m.start]) and not _WORDY.search(rest)

    def _sign_of_paired_change(self) -> int | None:
        """"down 151.59 points (3.79%)": the percent shares the points' sign."""
        if not self.produced:
            return None
        last = self.produced[-1]
        gap = self.text[last.quantity.end : self.q.start]
        if last.metric in ("index_change", "index_change_pct") and _PAIRED_GAP.fullmatch(gap):
            return 1 if last.value > 0 else -1
        return None

    def _sign_of_won_change(self) -> int | None:
        """"SK hynix rose 4,000 won, or 0.6 percent, to 590,000 won": the
        percent moves the way the change in won before it did."""
        before = [m for m in self.left if m.kind == "QTY" and m.end <= self.q.start]
        if not before or before[-1].quantity.unit != "KRW" or before[-1].quantity.sign is not None:
            return None
        won = before[-1]
        if not _PAIRED_GAP.fullmatch(self.text, won.end, self.q.start):
            return None
        d = next((m for m in reversed(self.left) if m.kind == "DIR" and m.end <= won.start), None)
        if d is None or any(m.kind == "QTY" and d.end <= m.start < won.start for m in self.left):
            return None
        if not re.fullmatch(r"\s*(?:by\s+)?", self.text[d.end : won.start]):
            return None
        return 1 if d.id == "up" else -1 if d.id == "down" else None

    def _scale(self) -> int | None:
        """The scale of bare figures here: "KOSPI flows (KRWbn): Foreign
        -1,482.3" on this line, else a "(₩bn)" heading above."""
        line_start = self.text.rfind("\n", 0, self.q.start) + 1
        return self.r.scale_before(line_start, self.q.start) or self.r.state.section_scale
