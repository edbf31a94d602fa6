"""Quantity and Fact, and the vocabulary of FACTS.md."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from operator import attrgetter
from datetime import date

#: Metric vocabulary (FACTS.md). Never rename or re-sign these.
METRICS: dict[str, str] = {
    "index_close": "points",
    "index_open": "points",
    "index_high": "points",
    "index_low": "points",
    "index_change": "points",
    "index_change_pct": "pct",
    "price": "KRW",
    "price_change_pct": "pct",
    "target_price": "KRW",
    "net_buy": "KRW",
    "short_balance": "KRW",
    "short_balance_ratio": "pct",
    "short_volume": "KRW",
    "short_interest_pct": "pct",
    "lending_balance": "KRW",
    "borrowing_ratio": "pct",
    "margin_loan_balance": "KRW",
    "fx_rate": "KRW_per_USD",
    "advancers": "count",
    "decliners": "count",
}

INVESTORS = (
    "foreign",
    "retail",
    "institution",
    "pension",
    "financial_investment",
    "insurance",
    "trust",
    "other_corporation",
)

QUALIFIERS = ("approx", "more_than", "less_than", "estimated")

#: Fact fields in the order of FACTS.md; the store, JSON and CSV use this order.
FACT_FIELDS = (
    "subject",
    "ticker",
    "metric",
    "value",
    "unit",
    "investor",
    "as_of",
    "text",
    "start",
    "end",
    "qualifier",
)


@dataclass(frozen=True)
class Quantity:
    """One figure in a text, normalized.

    ``value`` is in base units (won, not trillions of won; 2.63 for 2.63%)
    with the written sign applied; ``sign`` is +1 or -1 when a sign is
    written (``+2.63%``, ``-₩3,760bn``, ``▼``, ``(−)``), None otherwise.
    ``unit`` is one of KRW, USD, EUR, JPY, CNY, GBP, ... (ISO codes for money),
    pct, pp, bp, points, count, shares, or None for a bare number.
    """

    text: str
    start: int
    end: int
    value: int | float
    unit: str | None
    sign: int | None = None
    qualifier: str | None = None

    @property
    def signed(self) -> bool:
        return self.sign is not None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Fact:
    """One figure about one day (FACTS.md), plus the rule that made it."""

    subject: str
    metric: str
    value: int | float
    unit: str
    text: str
    start: int
    end: int
    ticker: str | None = None
    investor: str | None = None
    as_of: date | None = None
    qualifier: str | None = None
    rule: str | None = None

    def values(self) -> tuple:
        """The FACT_FIELDS and then the rule, as stored: ``as_of`` in ISO form.
        (A backfill stores tens of thousands of these; no dict is built.)"""
        values = list(_FACT_VALUES(self))
        if values[_AS_OF] is not None:
            values[_AS_OF] = values[_AS_OF].isoformat()
        return tuple(values)

    def to_dict(self, *, with_rule: bool = False) -> dict:
        values = self.values()
        return dict(zip((*FACT_FIELDS, "rule") if with_rule else FACT_FIELDS, values))


_FACT_VALUES = attrgetter(*FACT_FIELDS, "rule")
_AS_OF = FACT_FIELDS.index("as_of")
