"""Properties of the quantity layer.

- Any amount, written in any spelling the news uses, reads back to the same value.
- No text makes it raise, and what it returns is always well formed.
- Its work grows linearly with the input, shown two ways that do not depend
  on how fast the machine is: the pattern has no unbounded repeat nested in
  another (the shape of catastrophic backtracking), and on inputs built to
  provoke backtracking, 8x the input costs about 8x the time, not 64x.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from extractor.model import QUALIFIERS
from extractor.nlp.quantities import _default_finder, find_quantities

try:  # the regex parser is private; its name changed in Python 3.11
    import re._parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse

_YEAR = re.compile(r"(?:19|20)[0-9]{2}")
UNITS = {None, "KRW", "USD", "EUR", "JPY", "CNY", "GBP", "CHF", "CAD", "AUD", "HKD", "SGD", "TWD", "INR", "SEK"}
UNITS |= {"pct", "pp", "bp", "points", "count", "shares"}

#: (template, multiplier, unit): every way the news writes one amount.
SPELLINGS = [
    ("₩{x}tn", 10**12, "KRW"),
    ("{x} trillion won", 10**12, "KRW"),
    ("KRW {x} trillion", 10**12, "KRW"),
    ("W{x} trillion", 10**12, "KRW"),
    ("{x}조원", 10**12, "KRW"),
    ("{x}조 원", 10**12, "KRW"),
    ("₩{x}bn", 10**9, "KRW"),
    ("{x} billion won", 10**9, "KRW"),
    ("{x}억원", 10**8, "KRW"),
    ("{x}만원", 10**4, "KRW"),
    ("₩{x}", 1, "KRW"),
    ("{x} won", 1, "KRW"),
    ("US${x} billion", 10**9, "USD"),
    ("${x}B", 10**9, "USD"),
    ("USD {x}bn", 10**9, "USD"),
    ("${x} million", 10**6, "USD"),
    ("€{x}m", 10**6, "EUR"),
    ("{x} million shares", 10**6, "shares"),
    ("{x}%", 1, "pct"),
    ("{x} percent", 1, "pct"),
    ("{x}%p", 1, "pp"),
    ("{x} points", 1, "points"),
]

amounts = st.builds(
    lambda digits, places: Decimal(digits).scaleb(-places),
    st.integers(min_value=1, max_value=10**9),
    st.integers(min_value=0, max_value=4),
)


def written(x: Decimal, separators: bool) -> str:
    return format(x, ",f" if separators else "f")


def assert_well_formed(text: str, found) -> None:
    for q in found:
        assert text[q.start : q.end] == q.text
        assert q.unit in UNITS
        assert q.sign in (None, 1, -1)
        assert q.qualifier in (None, *QUALIFIERS)
        assert isinstance(q.value, (int, float))
    for q, following in zip(found, found[1:]):
        assert q.end <= following.start


@settings(max_examples=300, deadline=None)
@given(
    x=amounts,
    spelling=st.sampled_from(SPELLINGS),
    separators=st.booleans(),
    sign=st.sampled_from(["", "+", "-"]),
)
def test_any_spelling_of_an_amount_reads_back_to_it(x, spelling, separators, sign):
    template, multiplier, unit = spelling
    amount = sign + template.format(x=written(x, separators))
    [q] = find_quantities(f"Foreign investors net-sold {amount} on the day.")
    expected = -x * multiplier if sign == "-" else x * multiplier
    assert q.text == amount
    assert q.unit == unit
    assert q.sign == {"": None, "+": 1, "-": -1}[sign]
    if expected == expected.to_integral_value():
        assert q.value == int(expected) and isinstance(q.value, int)
    else:
        assert q.value == float(expected)


@settings(max_examples=200, deadline=None)
@given(n=st.integers(min_value=-(10**30) + 1, max_value=10**30 - 1), separators=st.booleans())
def test_any_integer_up_to_thirty_digits_reads_back_exactly(n, separators):
    numeral = format(n, "," if separators else "d")
    found = find_quantities(f"The index fund held {numeral} at the close.")
    if n >= 0 and _YEAR.fullmatch(numeral):
        assert found == []  # a bare year is not a figure
    else:
        [q] = found
        assert (q.text, q.value, q.sign) == (numeral, n, -1 if n < 0 else None)


@settings(max_examples=200, deadline=None)
@given(st.text())
@example("9" * 10_000)
@example("1," * 5_000)
@example("." * 10_000)
@example("-" * 10_000)
@example("%" * 10_000)
@example("1" + "0" * 40 + " trillion won")
@example("\U0010ffff\x00₩-" * 1000)
@example("1234567890123456789012345678 hundred 5 billion")
def test_arbitrary_text_never_raises_and_is_well_formed(text):
    assert_well_formed(text, find_quantities(text))


#: Text made of the pieces figures are made of, so the pattern's branches meet in odd orders.
figure_noise = st.lists(
    st.sampled_from(list("0123456789,.-+%₩$€ ~()\n조억원kmbtnKMBTpw") + ["won", " trillion", " and ", "one", "May "]),
    max_size=60,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(figure_noise)
def test_figure_like_noise_never_raises_and_is_well_formed(text):
    assert_well_formed(text, find_quantities(text))


# --------------------------------------------------------------------------
# Linear time


def _nested_unbounded_repeats(parsed, inside: bool = False) -> list[str]:
    """Unbounded repeats (*, +, {n,}) found inside another unbounded repeat."""
    found = []
    for op, av in parsed:
        name = str(op)
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, high, sub = av
            unbounded = high == sre_parse.MAXREPEAT
            if unbounded and inside:
                found.append(f"{op}{(low, 'inf')}")
            found += _nested_unbounded_repeats(sub, inside or unbounded)
        elif name == "SUBPATTERN":
            found += _nested_unbounded_repeats(av[-1], inside)
        elif name == "BRANCH":
            for branch in av[1]:
                found += _nested_unbounded_repeats(branch, inside)
        elif name in ("ASSERT", "ASSERT_NOT", "ATOMIC_GROUP"):
            found += _nested_unbounded_repeats(av[-1] if name != "ATOMIC_GROUP" else av, inside)
        elif name == "GROUPREF_EXISTS":
            found += [r for branch in av[1:] if branch for r in _nested_unbounded_repeats(branch, inside)]
    return found


def test_pattern_nests_no_unbounded_repeat_in_another():
    parsed = sre_parse.parse(_default_finder().pattern.pattern)
    assert _nested_unbounded_repeats(parsed) == []


#: Inputs built to make a careless pattern backtrack: long runs it starts
#: matching and must give up on, again and again.
ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "a digit run ending in a letter": lambda n: "1" * n + "x",
    "thousands groups ending in a letter": lambda n: "1" + ",234" * (n // 4) + "x",
    "commas": lambda n: "," * n,
    "dashes": lambda n: "-" * n,
    "a number then spaces": lambda n: "1" + " " * n + "x",
    "spaced dashes and numbers": lambda n: "- 1 " * (n // 4),
    "number words": lambda n: "one " * (n // 4),
    "scale chains": lambda n: "1 million " * (n // 10),
    "Korean scales": lambda n: "9조" * (n // 2),
    "qualifiers with no figure": lambda n: "about " * (n // 6) + "x",
    "signs": lambda n: "+-" * (n // 2) + "x",
    "news": lambda n: "₩3.76tn +2.63% 9조4450억원 about 3 trillion won-plus (0.35%) May 13 " * (n // 60),
}


def _best_time(text: str, runs: int) -> float:
    # CPU time of this process, best of several runs: other work on the
    # machine does not count, and a ratio needs no absolute limit.
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        find_quantities(text)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("make", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_work_grows_linearly_with_the_input(make):
    # Grow n until one run is long enough to time, then compare n with 8n in
    # the same process: linear work gives a ratio near 8, quadratic near 64.
    n = 1000
    while _best_time(make(n), 1) < 0.002 and n < 64_000:
        n *= 2
    ratio = _best_time(make(8 * n), 3) / _best_time(make(n), 5)
    assert ratio < 24, f"8x the input took {ratio:.1f}x the time"


@pytest.mark.parametrize("shape", [r"(?:a+)+b", r"(?:x|(?:\s*,)*)+y", r"(?=(?:a*)*)"])
def test_the_nesting_check_finds_the_catastrophic_shape(shape):
    assert _nested_unbounded_repeats(sre_parse.parse(shape))
