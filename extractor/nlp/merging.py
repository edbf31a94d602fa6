"""The merge: facts describing the same thing twice become one.

A headline's rounded figure beside the exact one ("7,844" beside
"7,844.01", "2 trillion won" beside "2.2373 trillion won") is the same
fact written less precisely: the place of each figure's last written digit
decides which is a rounding of the other, and the precise figure is kept.
"""

from __future__ import annotations

import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from ..model import Fact, Quantity


_SPOKEN_SCALES = {"thousand": Decimal(10) ** 3, "million": Decimal(10) ** 6, "billion": Decimal(10) ** 9, "trillion": Decimal(10) ** 12}


def precision(q: Quantity) -> Decimal:
    """The place of the last written digit, in base units: 1 for "7,844",
    0.01 for "7,844.01", 1e12 for "2 trillion". A rounded restatement is
    within one such place of the exact figure."""
    m = re.search(r"\d[\d,]*(?:\.(\d+))?", q.text)
    spoken = re.search(r"point-([0-9]+|[a-z]+(?:-[a-z]+)*)((?:\s+(?:thousand|million|billion|trillion))*)", q.text, re.I)
    if spoken:
        # "two-point-seven percent", "696-point-one billion won": the decimals
        # spoken, one digit a word, in the scale named after them.
        digits = spoken.group(1)
        decimals = len(digits) if digits[0].isdigit() else digits.count("-") + 1
        scale = Decimal(1)
        for word in spoken.group(2).lower().split():
            scale *= _SPOKEN_SCALES[word]
        return scale * Decimal(1).scaleb(-decimals)
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


def merge(facts: list[tuple[Fact, Decimal]]) -> list[Fact]:
    """One fact per (subject, metric, investor, day, value); a rounded
    restatement of a precise figure ("7,844" beside "7,844.01", "2 trillion"
    beside "2.2373 trillion") is dropped in favour of the precise one.
    Breadth counts restated under another market name are one fact too."""
    kept: list[tuple[Fact, Decimal]] = []
    # The most precise figures first, so that every rounding of one ("2.8%"
    # and "over 2.7%" beside "2.78%") meets it, whichever came first in the text.
    for fact, place in sorted(facts, key=lambda item: item[1]):
        if not any(_restates(other, other_place, fact, place) for other, other_place in kept):
            kept.append((fact, place))
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
