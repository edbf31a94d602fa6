"""Facts that check each other: the arithmetic of one index on one day.

A careful reader does not take each figure alone. A day's close, its change
in points and its change in percent are tied together::

    previous close = close - change
    change_pct     = change / previous close * 100   (to the precision written)

and a level the index "dropped to" during the day is its low only if it is
below both the open and the close. This module applies those identities to
the readings of one article, after every sentence has been read:

- a level the text says was *reached* ("the index dropped to 3,812.40",
  reading ``index_reached_down``) becomes the day's low (or high) when the
  close and open of that day agree, and is dropped otherwise: a bare "fell
  to X" may be the close, a low, or a level passed through;
- a change and a percent that the close makes impossible (magnitudes that
  do not fit the close, or signs that disagree) are dropped, the close kept;
- a close stated with its change and percent that fit it is confirmed;
- a high below the day's close or open (a low above them) is dropped;
- a stock's percent move must fit its price and its change in won written
  beside it ("97,800 won, down 5.51% (5,700 won)");
- a figure outside what one day can bring (patterns/bounds.jsonl: a net
  sale of 10 trillion won, a move past the 30% price limit) is a
  misreading, and is dropped.

``check`` returns the facts it keeps and a count of what it did, by kind;
``marketfacts eval --gold`` prints those counts.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from ..errors import PatternError
from ..model import METRICS, Fact
from ..rules import read_jsonl

#: Readings the fact layer leaves for these checks to settle.
REACHED = {"index_reached_up": "up", "index_reached_down": "down"}


def check(facts: list[tuple[Fact, Decimal]], counts: Counter) -> list[tuple[Fact, Decimal]]:
    """The facts that survive the day's arithmetic, with reached levels settled."""
    days: dict[tuple[str, object], dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, (fact, _) in enumerate(facts):
        if fact.ticker is None and (fact.metric.startswith("index_")):
            days[(fact.subject, fact.as_of)][fact.metric].append(i)
    drop: set[int] = set()
    settled: dict[int, Fact] = {}
    for group in days.values():
        odd = _second_close(facts, group, counts)
        if odd:
            drop |= odd
            for metric in group:
                group[metric] = [i for i in group[metric] if i not in odd]
        closes = _values(facts, group.get("index_close", []))
        opens = _values(facts, group.get("index_open", []))
        for metric, direction in REACHED.items():
            for i in group.get(metric, []):
                kind = _settle_reached(facts[i][0].value, direction, closes, opens)
                counts[f"reached level -> {kind or 'dropped'}"] += 1
                if kind is None:
                    drop.add(i)
                else:
                    settled[i] = replace(facts[i][0], metric=f"index_{kind}", rule=f"{facts[i][0].rule}+checked")
        drop |= _check_changes(facts, group, closes, counts)
        drop |= _check_range(facts, group, closes | opens, counts)
    drop |= _check_prices(facts, counts)
    out = []
    for i, (fact, place) in enumerate(facts):
        if i in drop:
            continue
        fact = settled.get(i, fact)
        if not plausible(fact):
            counts[f"{fact.metric} outside plausible bounds (dropped)"] += 1
            continue
        out.append((fact, place))
    return out


@dataclass(frozen=True)
class Bound:
    metric: str
    subject: str | None  # "market", "company" or None for both
    low: float | None
    high: float | None
    max_abs: float | None

    def admits(self, fact: Fact) -> bool:
        if self.subject is not None and self.subject != ("company" if fact.ticker else "market"):
            return True
        value = float(fact.value)
        return not (
            (self.low is not None and value < self.low)
            or (self.high is not None and value > self.high)
            or (self.max_abs is not None and abs(value) > self.max_abs)
        )


@lru_cache(maxsize=4)
def bounds(path: str = "bounds.jsonl") -> dict[str, list[Bound]]:
    """patterns/bounds.jsonl (or another file), by metric; PatternError names a bad line."""
    out: dict[str, list[Bound]] = defaultdict(list)
    label = str(path)
    for lineno, obj in read_jsonl(path, required=("metric",)):
        metric = obj["metric"]
        if metric not in METRICS:
            raise PatternError(label, lineno, f"unknown metric {metric!r}")
        if obj.get("subject") not in (None, "market", "company"):
            raise PatternError(label, lineno, 'subject must be "market" or "company"')
        values = [obj.get(k) for k in ("min", "max", "max_abs")]
        if not any(v is not None for v in values) or not all(v is None or isinstance(v, (int, float)) for v in values):
            raise PatternError(label, lineno, "give min, max or max_abs as numbers")
        out[metric].append(Bound(metric, obj.get("subject"), *values))
    return dict(out)


def plausible(fact: Fact) -> bool:
    """Whether one day's figure is within what the metric can be (bounds.jsonl)."""
    return all(bound.admits(fact) for bound in bounds().get(fact.metric, ()))


def _values(facts: list[tuple[Fact, Decimal]], indices: list[int]) -> set[Decimal]:
    return {Decimal(str(facts[i][0].value)) for i in indices}


def _settle_reached(value, direction: str, closes: set[Decimal], opens: set[Decimal]) -> str | None:
    """low/high for a level reached on the way, None when the day's close
    does not show it was one (or there is no close to tell)."""
    if len(closes) != 1:
        return None
    level = Decimal(str(value))
    close = next(iter(closes))
    bounds = [close, *opens]
    if level == close:
        return None  # "fell to 2,609.63" restates the close
    if direction == "down" and all(level < b for b in bounds):
        return "low"
    if direction == "up" and all(level > b for b in bounds):
        return "high"
    return None


#: Two closes of one index on one day further apart than this are two indexes
#: (or two days) written as one; rounding never moves a close this far.
_CLOSE_SPREAD = Decimal("0.03")


def _second_close(facts: list[tuple[Fact, Decimal]], group: dict[str, list[int]], counts: Counter) -> set[int]:
    """"The Kospi gained 20.61 points to close at 2,501.24 ... The Kospi lost
    3.66 points to close at 677.01": a second close far from the first is
    another board under a slip of the pen. The first one stated stands; the
    other close and the readings written with it are dropped."""
    closes = sorted(group.get("index_close", []), key=lambda i: facts[i][0].start)
    if len(closes) < 2:
        return set()
    first = facts[closes[0]][0]
    base = Decimal(str(first.value))
    odd = [i for i in closes[1:] if abs(Decimal(str(facts[i][0].value)) - base) > base * _CLOSE_SPREAD]
    drop = set(odd)
    for i in odd:
        counts["second close far from the first (dropped with its sentence)"] += 1
        drop |= {j for indices in group.values() for j in indices if j not in closes and _same_words(facts[j][0], facts[i][0]) and not _same_words(facts[j][0], first)}
    return drop


def _check_range(facts: list[tuple[Fact, Decimal]], group: dict[str, list[int]], levels: set[Decimal], counts: Counter) -> set[int]:
    """A day's high is at or above its close and open, its low at or below
    them: a high or low that is not was read from another day or index."""
    drop = set()
    for metric, fits in (("index_high", lambda v: all(v >= x for x in levels)), ("index_low", lambda v: all(v <= x for x in levels))):
        for i in group.get(metric, []):
            if not fits(Decimal(str(facts[i][0].value))):
                counts[f"{metric} outside the day's open and close (dropped)"] += 1
                drop.add(i)
    return drop


#: A stock's change in won written beside its percent: "down 5.51% (5,700
#: won)", "fell 5,700 won, or 5.51 percent", "5,700 won (5.51%)".
_WON = r"([0-9][0-9,]*)\s*won"


_PCT_THEN_WON = re.compile(rf"(?<![\d.])([\d.]+)\s*(?:%|percent|per\s+cent)\s*\(\s*{_WON}\s*\)", re.I)
_WON_THEN_PCT = re.compile(rf"{_WON}\s*(?:,\s*or|\(|or)\s*([\d.]+)\s*(?:%|percent|per\s+cent)", re.I)


def _won_change(text: str, pct: float) -> Decimal | None:
    """The change in won written beside ``pct`` (as the text writes it, trailing zeros allowed)."""
    written = f"{abs(pct):g}"
    for pattern, percent, won in ((_PCT_THEN_WON, 1, 2), (_WON_THEN_PCT, 2, 1)):
        for m in pattern.finditer(text):
            number = m.group(percent)
            if number.startswith(written) and not number[len(written):].strip("0"):
                return Decimal(m.group(won).replace(",", ""))
    return None


def _check_prices(facts: list[tuple[Fact, Decimal]], counts: Counter) -> set[int]:
    """A stock's price, its change in won and its percent must agree: the
    percent is the change over the price before it. A percent the two
    others contradict (beyond the text's own rounding) is dropped."""
    prices = defaultdict(list)
    for i, (fact, _) in enumerate(facts):
        if fact.metric == "price" and fact.ticker:
            prices[(fact.ticker, fact.as_of)].append(i)
    drop = set()
    for i, (fact, place) in enumerate(facts):
        if fact.metric != "price_change_pct" or not fact.ticker or not fact.value:
            continue
        same = [j for j in prices.get((fact.ticker, fact.as_of), []) if _same_words(facts[j][0], fact)]
        change = _won_change(fact.text, fact.value)
        if len(same) != 1 or change is None:
            continue
        price = Decimal(str(facts[same[0]][0].value))
        before = price - change if fact.value > 0 else price + change
        if before <= 0 or change >= price:
            continue
        implied = change / before * 100
        pct = abs(Decimal(str(fact.value)))
        slack = max(place, Decimal("0.01")) / 2 + implied * Decimal("0.002")
        if abs(implied - pct) <= slack:
            counts["price, change in won and percent agree"] += 1
        elif Decimal("0.5") <= implied / pct <= 2:
            counts["percent off the price's arithmetic (kept as written)"] += 1
        else:
            counts["percent contradicts the price and its change in won (dropped)"] += 1
            drop.add(i)
    return drop


def _check_changes(facts: list[tuple[Fact, Decimal]], group: dict[str, list[int]], closes: set[Decimal], counts: Counter) -> set[int]:
    """Drop a change in points and a percent that the close contradicts."""
    changes = group.get("index_change", [])
    pcts = group.get("index_change_pct", [])
    if len(closes) != 1 or len(changes) != 1 or len(pcts) != 1:
        return set()
    close = next(iter(closes))
    close_fact = next(facts[i][0] for i in group["index_close"])
    (change_fact, _), (pct_fact, pct_place) = facts[changes[0]], facts[pcts[0]]
    change, pct = Decimal(str(change_fact.value)), Decimal(str(pct_fact.value))
    previous = close - change
    if previous <= 0:
        counts["change impossible beside the close (dropped)"] += 1
        return {changes[0]}
    implied = change / previous * 100
    # The percent is written to some decimals; allow half a unit of the last one, and rounding of the points.
    slack = max(pct_place, Decimal("0.01")) / 2 + abs(implied) * Decimal("0.002")
    if abs(implied - pct) <= slack:
        counts["close, change and percent agree"] += 1
        return set()
    sign_only = abs(abs(implied) - abs(pct)) <= slack
    if not sign_only and pct != 0 and Decimal("0.5") <= abs(implied / pct) <= 2 and (implied > 0) == (pct > 0):
        # "up 9.31 points, or 1.6 percent" from 733.40 (1.27%): the text's
        # own slip, not a misreading; kept as written.
        counts["percent off the close's arithmetic (kept as written)"] += 1
        return set()
    counts["change and percent disagree in sign (dropped)" if sign_only else "change or percent contradicts the close (dropped)"] += 1
    # The reading written apart from the close is the odd one ("KOSPI 200
    # 668.92 (+1.21%)" beside a futures basis read as a change).
    together = [i for i, f in ((changes[0], change_fact), (pcts[0], pct_fact)) if _same_words(f, close_fact)]
    apart = {i for i in (changes[0], pcts[0]) if i not in together}
    return apart if together and apart else {changes[0], pcts[0]}


def _same_words(a: Fact, b: Fact) -> bool:
    return a.start < b.end and b.start < a.end
