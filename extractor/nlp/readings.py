"""Reading a quantity: by the rule family of its unit, or by its column.

Each quantity in running text is read by the rule family of its unit
(money, percent, points, counts) against its context (context.py); the
families are in readings_money.py, readings_percent.py and
readings_points.py, and ``Context`` puts them together. Tables rendered as
pipe lines are read by column headers instead (``table_candidate``).
"""

from __future__ import annotations

from ..model import Quantity
from .mentions import Candidate, Mention, scaled
from .readings_money import MoneyReadings
from .readings_percent import PercentReadings
from .readings_points import PointReadings

_KRW_COLUMNS = ("net_buy", "short_balance", "lending_balance", "margin_loan_balance", "target_price", "short_volume")


class Context(MoneyReadings, PercentReadings, PointReadings):
    """One quantity in its clause, and the rules that read it."""

    def read(self) -> Candidate | None:
        q = self.q
        if self.blocked("period", "forecast", "prior", "futures") or self.crossed():
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


def table_candidate(q: Quantity, column, subject: Mention, section_scale: int | None = None) -> Candidate | None:
    """A table cell under a known column header."""
    kind, investor = column.kind, column.investor
    is_company = subject.kind == "COMPANY"
    name, ticker = subject.id, subject.ticker
    qual = q.qualifier or column.qualifier
    q = _cell_quantity(q, column, is_company, column.scale or section_scale)
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


def _cell_quantity(q: Quantity, column, is_company: bool, scale: int | None) -> Quantity:
    """A bare number in a cell takes its unit (and scale) from its column."""
    kind = column.kind
    if q.unit is None and scale and kind in _KRW_COLUMNS:
        # "Short selling (KRW bn)" over "1,287.4", or a "Net buy (₩bn)" caption: billions of won.
        return Quantity(q.text, q.start, q.end, scaled(q.value, scale), "KRW", q.sign, q.qualifier)
    if q.unit is None and column.unit in ("pct", "points"):
        return Quantity(q.text, q.start, q.end, q.value, column.unit, q.sign, q.qualifier)  # "Borrowing ratio (%)"
    if q.unit is None and kind == "change" and q.sign is not None and not is_company:
        return Quantity(q.text, q.start, q.end, q.value, "points", q.sign, q.qualifier)  # "Chg" over "+58.61"
    if q.unit is None and kind in ("level", "target_price") and is_company and q.sign is None:
        return Quantity(q.text, q.start, q.end, q.value, "KRW", q.sign, q.qualifier)  # "Close (₩)" over "341,500"
    return q
