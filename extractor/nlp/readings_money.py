"""Amounts of won: balances, investor flows, prices, targets, the dollar rate.

A won amount is a balance when a metric cue names one (short-selling,
lending, margin loans, a target price), a flow when an investor group and a
verb or a written sign go with it, a price when a company's close is quoted,
and the dollar rate when the won itself is the subject. A change of a
balance ("rose 1.2 trillion won") or a combined total is none of these.
"""

from __future__ import annotations

import re

from .context import FROM_BEFORE, QuantityContext
from .mentions import BALANCE_METRICS, SUBJECT_KINDS, Candidate, Mention, scaled
from .state import Reader

_ANAPHORIC_OPENER = re.compile(
    r"^\W*(?:(?:in|on|for)\s+the\s+(?:main\s+board|kospi|kosdaq|[\w-]+\s+market),?\s+(?:they|it)|this|that|these|it|its|by\s+(?:market|board|stock)|of\s+(?:that|this|which|the\s+total)|the\s+(?:figure|proportion|ratio|balance|share|previous\s+record|prior\s+record))\b",
    re.I,
)
#: A pronoun standing for the balance just reported, and its verb: "they were", "they even reached a year-to-date high of", "it had decreased to around".
_THEY_WERE = re.compile(r"\b(?:they|it)\s+(?:[a-z]+\s+){0,3}?(?:were|was|stood|reached|hit|edged|fell|rose|decreased|increased|dropped|climbed|came|totaled|amounted)\b[^,;]{0,45}$", re.I)
_OF_THE_STOCK = re.compile(r"\s*(?:won\s+)?(?:worth\s+)?of\s+(?:the|its)\s+(?:stock|shares)\b", re.I)
#: A company ranked under the balance the article is about.
_RANKING = re.compile(r"\b(?:topped|led|headed)\s+the\s+(?:list|ranking|table)|\bled\s+with\b|\branked\s+(?:No\.\s*\d+|first|second|third|\d+(?:st|nd|rd|th))", re.I)
#: From a company's name to its price: "'s shares were", " shares are trading at", " — which traded at", ", finished at an all-time high of".
_PRICE_PATH = re.compile(
    r"(?:\s+(?:Co\.|Corp\.|Inc\.|Ltd\.))?(?:'s|’s)?(?:\s+(?:common\s+)?(?:shares?|stocks?|stock\s+price|share\s+price))?"
    r"(?:\s*[,—–-]+\s*which|\s+that)?"
    r"(?:\s+(?:(?:were|was|are|is|has\s+been|had\s+been|briefly|also|then|once|still)\s+)*"
    r"(?:trading|traded|changing\s+hands|changed\s+hands|quoted|touched|touching|finished|ended|closed)\s*(?:at|to)?"
    r"|(?:rose|rising|climbed|jumped|surged|soared|advanced|fell|falling|dropped|slid|sank|slumped|plunged|tumbled|declined)\s+(?:to|as\s+high\s+as|as\s+low\s+as)"
    r"|\s+(?:were|was|are|is))"
    r"\s*(?:(?:an?|the|its)\s+(?:all-time|record|new|fresh|52-week|year-to-date|intraday)?\s*(?:high|low|peak|record)\s+of\s+)?(?:around|about|some|nearly|roughly|over|more\s+than)?\s*",
    re.I,
)
#: "up from 99.05 trillion won", "rising from 512.8 billion won": the level the move started from.
_FROM_BASELINE = re.compile(r"\s+(?:\w+\s+)?from\s+(?:the\s+)?(?:previous\s+|prior\s+)?", re.I)
_PER_DOLLAR = re.compile(r"\s*(?:per|a|to\s+the|against\s+the)\s+(?:US\s+|U\.S\.\s+)?dollar\b", re.I)
#: "... with 1.37 trillion won in the short balance": the balance named after the figure is its label.
_IN_THE_BALANCE = re.compile(r"\s*in\s+(?:the\s+|its\s+|their\s+)?", re.I)
_IN_THE = re.compile(r"\s*(?:in|of)\s+(?:the\s+|its\s+|their\s+)?", re.I)
_THEY = re.compile(r"\W*(?:(?:on\s+the\s+same\s+day|meanwhile|also),?\s+)?(they)\b", re.I)
_SECTOR = re.compile(r"\b(?:in|into|of|from|on)\s+(?:the\s+)?[\w/&,\s-]{0,40}?\bsectors?\b(?![\w-])", re.I)
#: What a flow bought: "... won (US$825 million) worth of local stocks".
_BOUGHT_OF = re.compile(r"\s*(?:\([^)]{0,40}\)\s*)?(?:won\s+)?(?:worth\s+)?(?:of|in)\s+([^,;.]{1,60})", re.I)
#: ... that is not the market: a name ("of Samsung stock"), or some
#: companies counted or described ("of the two chipmakers", "of it").
_SPECIFIC_GOODS = re.compile(
    r"(?!(?:Korean|South|Seoul|Korea|KOSPI|KOSDAQ|Kospi|Kosdaq|KRX)\b)[A-Z][\w&.-]*"
    r"|(?:the|these|those|both)\s+(?:\w+\s+)?(?:chipmakers?|carmakers?|automakers?|makers?|companies|firms|names|heavyweights|giants)\b"
    r"|it\b"
)
_WORTH_OF = re.compile(r"^\s*(?:\([^)]{0,40}\)\s*)?(?:[\w]+\s+){0,2}?(?:worth\s+)?(?:of|in)\s+$", re.I)


class MoneyReadings(QuantityContext):
    """The rules for a figure in won (mixed into readings.Context)."""

    _inferred: tuple[str, str | None] | None = None  # the subject flow_subject inferred, if it did

    def money(self) -> Candidate | None:
        q = self.q
        if self.blocked("combined"):
            return None
        subj_m, subj = self.subject()
        metric = self.metric_cue({"short_balance", "short_volume", "lending_balance", "margin_loan_balance", "target_price", "balance"})
        if metric == "balance":
            metric = self._which_balance()
        continued = False
        if metric is None and (subj_m is None or subj_m.end <= self.previous_end or subj_m.kind == "SUBJECT") and self._opens_anaphorically():
            # "In the main board they were 12.9071 trillion won": the balance
            # the paragraph reports (or names: "the size of margin loans has
            # steadily increased ... on Sep. 26 they even reached ...").
            metric = self.r.state.previous_balance_metric or self.r.state.paragraph_balance_cue
            continued = metric is not None
        cap = self.last({"METRIC"}, self.local)
        if cap is not None and cap.id in ("market_cap", "turnover") and not self._flow_valued(cap):
            return None  # "a market value of more than 10 trillion won"
        if cap is not None and cap.id == "fundamental" and not self.last({"INVESTOR", "FLOW"}, [m for m in self.local if m.start > cap.start]):
            return None  # "its dividend rose 10% to 6,500 won per share": a result, not a price
        if metric is None and not self.last({"DIR", "INVESTOR"}, self.local):
            # "drew the most short selling at 121.5 billion won, followed by
            # SK hynix with 98.3 billion won": the list goes on with the metric.
            listed = [c for c in self.produced if c.unit == "KRW" and c.metric in BALANCE_METRICS]
            if listed and (subj_m is None or subj_m.start >= self.previous_end or self._subject_after()):
                metric, continued = listed[-1].metric, True
        if metric is None and subj_m is not None and subj_m.kind == "COMPANY" and _RANKING.search(self.text, self.c_start, self.q.start):
            # "By single company, Samsung Electronics topped the list at 9.6
            # trillion won": a ranking under the balance the article reports.
            metric, continued = self.r.state.article_balance_metric, metric is None and self.r.state.article_balance_metric is not None
        if subj_m is not None and subj_m.kind == "FX" and metric is None:
            return self.fx_rate(subj)
        if metric is None and _PER_DOLLAR.match(self.text, q.end):
            return self.fx_rate(("USD/KRW", None))  # "since 1,104.5 won per dollar recorded on Aug. 9, 2019"
        if metric is not None:
            cand = self.balance(metric, q.unit)
            if cand is not None and continued:
                part = re.match(r"\W*(?:of\s+(?:that|this|which|the\s+total)|by\s+(?:market|board|stock))", self.text[self.s_start : self.s_start + 30], re.I)
                cand.rule = f"{metric}.part" if part else f"{metric}.continued"
            return cand
        flow = self.flow()
        if flow is not None:
            return flow
        return self._price(subj_m, subj)

    def _flow_valued(self, cap: Mention) -> bool:
        """"foreign selling valued at 230 billion won": the value of a flow, not a market value."""
        return any(m.kind == "FLOW" and 0 <= cap.start - m.end <= 2 for m in self.local)

    def _price(self, subj_m: Mention | None, subj) -> Candidate | None:
        """A company's close: its name with a close cue or a quote, the
        company of the sentence before, or a research note's "Close:" line."""
        q = self.q
        if subj_m is not None and subj_m.kind == "COMPANY" and not self.intraday():
            if self.level_kind() == "close" or self._quoted(subj_m):
                return Candidate(q, "price", subj[0], subj[1], None, q.value, "KRW", "price.close", q.qualifier)
        if subj_m is not None and subj_m.kind == "COMPANY" and self._price_reached(subj_m):
            # "L&F shares are trading at 84,300 won", "Kia —
            # which traded at 118,500 won on Monday —", "SK hynix shares were
            # 800,000 won": the stock's price that day (FACTS.md).
            return Candidate(q, "price", subj[0], subj[1], None, q.value, "KRW", "price.level", q.qualifier)
        prev = self.r.state.previous_sentence_subject
        if subj_m is None and prev is not None and prev.kind == "COMPANY" and self.level_kind() == "close" and not self.intraday():
            # "Samsung Electronics (005930 KS) - OUTPERFORM. Last close KRW268,500 (-1.5%)."
            return Candidate(q, "price", prev.id, prev.ticker, None, q.value, "KRW", "price.close", q.qualifier)
        if subj_m is None and self.r.state.document_company and self._label() == "close":
            company = self.r.state.document_company
            return Candidate(q, "price", company[0], company[1], None, q.value, "KRW", "price.label", q.qualifier)
        return None

    def _price_reached(self, subj_m: Mention) -> bool:
        """The company's price: its name, its shares, a verb of trading or
        being, then the figure, with nothing else in between (not "its
        operating profit was 10 trillion won", not "rose 5,000 won")."""
        if self.last({"DIR"}, self.local) is not None and not self._moved_to_price():
            return False
        return bool(_PRICE_PATH.fullmatch(self.text, subj_m.end, self.q.start))

    def _moved_to_price(self) -> bool:
        """"climbed 4.06% to close at 92,300 won": a direction, then a level cue, then the figure."""
        d = self.last({"DIR"}, self.local)
        lv = self.last({"LEVEL"}, self.local)
        return lv is not None and d is not None and lv.start > d.start

    def _subject_after(self) -> Mention | None:
        return next((m for m in self.right if m.kind in ("SUBJECT", "COMPANY")), None)

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
        named = self.last(SUBJECT_KINDS)
        quoted = named is not None and re.fullmatch(r"\s*:?\s*", self.text[named.end : q.start]) is not None
        if q.sign is not None or not (reached or quoted or self.level_kind() or re.match(r"\s*(?:won\s+)?(?:per|against|to)\s+(?:the\s+)?(?:u\.?s\.?\s+)?dollar", after)):
            return None
        return self.fx_rate(("USD/KRW", None))

    # -- balances ------------------------------------------------------------------

    def metric_cue(self, metrics: set[str]) -> str | None:
        """The metric a cue before the figure (or right after it) names."""
        m = self.last({"METRIC"})
        after = next((a for a in self.right if a.kind == "METRIC" and a.id in metrics and _IN_THE.fullmatch(self.text, self.q.end, a.start)), None)
        if after is not None and (
            m is None or any(x.kind in ("COMPANY", "SUBJECT") and m.end <= x.start for x in self.left) or _IN_THE_BALANCE.fullmatch(self.text, self.q.end, after.start)
        ):
            return after.id  # "is the most shorted name, with 1.37 trillion won in the short balance"
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
        for m in reversed(self.r.mentions_in(window_start, self.q.start)):
            if m.kind == "METRIC" and m.id in ("lending_balance", "margin_loan_balance", "short_balance"):
                return m.id
        return None

    def _opens_anaphorically(self) -> bool:
        """The sentence (or this clause) goes on about the balance just
        reported: "This proportion ...", "In the main board they were ...",
        "..., and on Sep. 26 they even reached ...", "..., they edged down to"."""
        if _ANAPHORIC_OPENER.search(self.text[self.s_start : self.s_start + 40]):
            return True
        if any(m.kind in ("SUBJECT", "COMPANY", "INVESTOR", "FX", "ANAPHOR") for m in self.local):
            return False
        return bool(_THEY_WERE.search(self.text, self.c_start, self.q.start))

    def _company_near(self, cue: Mention) -> bool:
        return any(m.kind == "COMPANY" for m in self.clause)

    def balance(self, metric: str, unit: str) -> Candidate | None:
        q = self.q
        d = self.last({"DIR"}, self.local)
        lv = self.last({"LEVEL"}, self.local)
        baseline = d is not None and bool(_FROM_BASELINE.fullmatch(self.text, d.end, q.start))
        if d is not None and (lv is None or lv.start < d.start) and not baseline:
            return None  # "rose 1.2 trillion won": a change of the balance
        old_target = metric == "target_price" and bool(FROM_BEFORE.search(self.text[self.previous_end : q.start]))
        if q.sign is not None:
            return None  # "+₩6.4tn": a change of the balance, not the balance
        subject = self.balance_subject(metric)
        if subject is None:
            return None
        if metric == "target_price" and subject[1] is None:
            return None
        investor = None
        if metric == "short_volume":
            # "institutional investors' short selling dropped by 28.3 billion
            # won to 323.7 billion won": one group's short selling on the day.
            group = self.last({"INVESTOR"})
            investor = group.id if group is not None else None
        cand = Candidate(q, metric, subject[0], subject[1], investor, q.value, unit, f"{metric}.cue", q.qualifier)
        if old_target:
            # "raised its target from 130,000 won to 155,000 won": the old
            # target is a target too, of a day the text does not give.
            cand.rule, cand.undated, cand.anchor = "target_price.previous", True, False
        return cand

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
        value = scaled(self.q.value, self._scale())
        return Candidate(self.q, metric, subject[0], subject[1], None, value, "KRW", f"{metric}.section", self.q.qualifier)

    # -- investor flows ------------------------------------------------------------

    def flow(self) -> Candidate | None:
        """Investor flows: an investor group and a verb or a written sign."""
        q = self.q
        passive = self._passive_flow()
        if passive is not None:
            return passive
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
            inv = self._investor_anaphor()
            flow = self.last({"FLOW"}) if inv else None
        if inv is None:
            return None
        if _SECTOR.search(self.text, self.c_start, q.start):
            return None  # "net purchases in the electrical and electronics sector": a sector's flow, not the market's
        if flow is not None and flow.start < inv.start and _between_other_figure(self, flow, inv):
            flow = None
        if flow is None:
            flow = self._implied_flow(inv)
        if q.sign is not None:
            value = q.value
            if q.unit is None:  # "Foreigners -812.4" under a "(₩bn)" heading
                value = scaled(q.value, self._scale())
        elif flow is not None:
            value = q.value if flow.id == "buy" else -q.value
        else:
            return None
        return self._investor_flow(inv, value, "flow.investor")

    def _investor_flow(self, inv: Mention, value, rule: str) -> Candidate | None:
        """The net_buy of ``inv`` on the market (or stock) the flow is about."""
        subject = self.flow_subject(inv)
        if subject is None:
            return None
        cand = Candidate(self.q, "net_buy", subject[0], subject[1], inv.id, value, "KRW", rule, self.q.qualifier)
        cand.inferred_market = subject is self._inferred
        return cand

    def _passive_flow(self) -> Candidate | None:
        """"offsetting 246 billion won worth of shares sold by institutions":
        the investor after "by" is the one who sold, whoever the clause
        opened with."""
        m = _SOLD_BY.match(self.text, self.q.end)
        if m is None or self.q.sign is not None:
            return None
        inv = next((x for x in self.right if x.kind == "INVESTOR" and x.start == m.end()), None)
        if inv is None:
            return None
        value = self.q.value if " ".join(m.group(1).lower().split()) in ("bought", "purchased", "snapped up", "scooped up", "picked up") else -self.q.value
        return self._investor_flow(inv, value, "flow.passive")

    def _investor_anaphor(self) -> Mention | None:
        """"They also recorded net selling of ..." after a sentence about one
        investor group: "they" are that group."""
        opener = _THEY.match(self.text, self.c_start)
        group = self.r.state.previous_investor
        if opener is None or group is None or not self.last({"FLOW"}):
            return None
        return Mention("INVESTOR", opener.start(1), opener.end(1), group)

    def _implied_flow(self, inv: Mention) -> Mention | None:
        """A flow verb the figure does not carry itself."""
        if self.produced and self.produced[-1].metric == "net_buy" and self.produced[-1].quantity.start >= self.c_start:
            # "financial investment companies net bought 433.5 billion won and
            # pension funds 96.7 billion won": the verb covers both.
            prev = self.produced[-1]
            return Mention("FLOW", prev.quantity.start, prev.quantity.start, "buy" if prev.value > 0 else "sell")
        # "institutions added ₩145.2bn": added right after the investor is buying.
        d = self.last({"DIR"}, self.local)
        if d is not None and d.start > inv.start and self.text[d.start : d.end].lower() == "added":
            return Mention("FLOW", d.start, d.end, "buy")
        return None

    def flow_subject(self, inv: Mention) -> tuple[str, str | None] | None:
        """Flows into one stock name it ("net-bought 300 billion won of
        Samsung Electronics"); otherwise they are flows on a market."""
        for m in self.left:
            if m.kind == "COMPANY" and m.start > inv.start:
                return self.r.resolve(m)
        after = [m for m in self.clause if m.start >= self.q.end]
        for m in after:
            if m.kind == "COMPANY" and _WORTH_OF.match(self.text[self.q.end : m.start]):
                return self.r.resolve(m)
        if _OF_THE_STOCK.match(self.text, self.q.end) and self.r.state.focus_company:
            return self.r.state.focus_company  # "net buying 512 billion won of the stock"
        bought = _BOUGHT_OF.match(self.text, self.q.end)
        if bought and _SPECIFIC_GOODS.match(bought.group(1)):
            # "1.8 trillion won of the two chipmakers", "of Samsung stock":
            # flows into something the market figure is not.
            return None
        if self.row_subject is not None:
            return self.r.resolve(self.row_subject)
        market = self.r.market_subject(self.clause, self.sentence, self.q.start)
        if market is None:
            return None
        subject = (market[0], None)
        if market[1]:
            self._inferred = subject
        return subject


_INVESTORS_JOINED = re.compile(r"\s*(?:investors\s+)?(?:,\s*)?and\s+(?:the\s+)?", re.I)
_AMOUNTS_JOINED = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?,?\s*and\s+", re.I)
#: "246 billion won worth of shares sold by institutions": the flow after the figure, its investor after "by".
_SOLD_BY = re.compile(
    r"\s*(?:worth\s+(?:of\s+)?(?:(?:local|domestic|kospi|kosdaq|korean)\s+)?(?:shares|stocks|equities)\s+)?(?:were\s+|was\s+)?"
    r"(sold|dumped|offloaded|unloaded|bought|purchased|snapped\s+up|scooped\s+up|picked\s+up)\s+(?:off\s+)?by\s+(?:the\s+)?",
    re.I,
)


def _between_other_figure(ctx: QuantityContext, flow: Mention, inv: Mention) -> bool:
    return any(m.kind == "QTY" and flow.end <= m.start and m.end <= inv.start for m in ctx.clause)


def respectively(reader: Reader, clause: list[Mention], sentence: list[Mention]) -> list[Candidate]:
    """"X and Y recorded net purchases of A and B, respectively": pair
    investors (or subjects) with amounts in order."""
    investors = _dedupe_ids([m for m in clause if m.kind == "INVESTOR"])
    amounts = [m for m in clause if m.kind == "QTY" and m.quantity.unit == "KRW"]
    flows = [m for m in clause if m.kind == "FLOW"]
    if len(investors) < 2 or len(investors) != len(amounts) or not flows:
        return []
    if _SECTOR.search(reader.text, clause[0].start, amounts[0].start):
        return []  # flows into one sector
    return _paired_flows(reader, clause, sentence, list(zip(investors, amounts)), flows[0], "flow.respectively")


def pairs_without_respectively(reader: Reader, clause: list[Mention], sentence: list[Mention]) -> tuple[list[Mention], list[Candidate]] | None:
    """"X and Y bought A and B": two investor groups joined by "and", one
    verb, and two amounts in won joined by "and", in that order, pair as if
    "respectively" were written: the two amounts and their facts (none when
    the clause makes them no day's flows). None when the clause is not so."""
    text = reader.text
    amounts = [m for m in clause if m.kind == "QTY"]
    for i in range(len(amounts) - 1):
        x, y = amounts[i], amounts[i + 1]
        if x.quantity.unit != "KRW" or y.quantity.unit != "KRW" or not _AMOUNTS_JOINED.fullmatch(text, x.end, y.start):
            continue
        # the groups named since the figure before: "Retail investors dumped
        # 129.7 billion won, but foreign and institutional investors bought ..."
        since = amounts[i - 1].end if i else clause[0].start
        investors = [m for m in clause if m.kind == "INVESTOR" and since <= m.start and m.end <= x.start]
        if len(investors) != 2 or investors[0].id == investors[1].id:
            continue
        a, b = investors
        flows = [m for m in clause if m.kind == "FLOW" and b.end <= m.start and m.end <= x.start]
        if not _INVESTORS_JOINED.fullmatch(text, a.end, b.start) or len(flows) != 1:
            continue
        return [x, y], _paired_flows(reader, clause, sentence, [(a, x), (b, y)], flows[0], "flow.pairs")
    return None


def _paired_flows(reader: Reader, clause: list[Mention], sentence: list[Mention], pairs: list[tuple[Mention, Mention]], flow: Mention, rule: str) -> list[Candidate]:
    """net_buy facts of (investor, amount) pairs sharing one flow verb, on the
    market of the first amount; none for a period's or a combined flow."""
    if any(m.kind == "BLOCK" and m.id in ("period", "combined", "total") for m in clause):
        return []
    market = reader.market_subject(clause, sentence, pairs[0][1].start)
    if market is None:
        return []
    sign = 1 if flow.id == "buy" else -1
    out = []
    for inv, qm in pairs:
        q = qm.quantity
        value = q.value if q.sign is not None else sign * q.value
        cand = Candidate(q, "net_buy", market[0], None, inv.id, value, "KRW", rule, q.qualifier)
        cand.inferred_market = market[1]
        out.append(cand)
    return out


def _dedupe_ids(mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in mentions:
        if not out or out[-1].id != m.id:
            out.append(m)
    return out
