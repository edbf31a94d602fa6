"""Numerals: reading the number inside a quantity, exactly.

The quantity layer (quantities.py) finds where a figure is written; this
module turns the numeral part of it into a ``Decimal``:

- digits with thousands separators and decimals (``1,976,000``, ``.08``,
  ``2.8212``), and the Penn-Treebank spelling ``6 . 2`` of tokenised corpora;
- English number words (``twenty-one``, ``three hundred and six``);
- scales, English or Korean, in any mix (``3.76 trillion``, ``9 trillion 445
  billion``, ``9조4450억``, ``5천억``).

Scales are vocabulary (patterns/units.jsonl), so they come in as ``Scale``
objects; the number words are English grammar and live here.

All arithmetic is ``Decimal`` in a context wide enough that no figure a
numeral can spell is rounded: ``2.8212 trillion`` is exactly 2821200000000.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Context, Decimal

#: Cardinal number words. Scale words (hundred, thousand, million, ...) are
#: not here: they are vocabulary, read from patterns/units.jsonl.
NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}

#: The indefinite article counts as one before a scale or currency word
#: ("a trillion won", "a dollar"); the quantity pattern decides when.
ARTICLE = "a"

#: A digit run longer than this is an identifier or noise, not a figure.
MAX_DIGITS = 30

# 30 digits times the largest scale (10^12, and a few stacked in a chain)
# stays far inside 80 significant digits, so no operation below rounds. Every
# operation goes through this context: the default one rounds at 28 digits.
_EXACT = Context(prec=80)

#: Horizontal spaces, the only gaps a figure may contain: it never runs
#: across a line break, so table cells flattened one per line stay apart.
SPACE_CHARS = " \t\u00a0\u2009\u202f"
_H = f"[{SPACE_CHARS}]"

#: Digits as news writes them. Thousands groups come first so ``1,976,000``
#: is one numeral; ``22,24`` (not a group of three) stays two. The spaced
#: decimal point ``6 . 2`` is how Penn-Treebank corpora spell 6.2.
DIGITS_PATTERN = (
    r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?"
    rf"|[0-9]+(?:\.[0-9]+|{_H}\.{_H}[0-9]+)?"
    r"|\.[0-9]+)"
)


@dataclass(frozen=True)
class Scale:
    """A multiplier word: ``trillion``/``tn`` (10^12), ``억`` (10^8), ``hundred``.

    A group scale (thousand, million, 만, 억, 조) closes a group of the numeral:
    ``9 trillion 445 billion`` is two groups. A scale ``within_group``
    (hundred, 십, 백, 천) multiplies the number before it inside a group:
    ``5천억`` is (5 x 1000) x 10^8.
    """

    multiplier: Decimal
    within_group: bool = False


_SEPARATORS = re.compile(r"[,\s]")
# One token of a numeral: a digit run, a word (ASCII letters), one non-ASCII
# letter (Korean scales are single syllables and come glued: 천억), or a hyphen.
_TOKEN = re.compile(rf"[0-9][0-9,]*(?:\.[0-9]+|{_H}\.{_H}[0-9]+)?|\.[0-9]+|[A-Za-z]+|[^\W\d_]|-")


def parse_digits(text: str) -> Decimal:
    """``1,976,000`` -> 1976000, ``.08`` -> 0.08, ``6 . 2`` -> 6.2 (exact)."""
    return Decimal(_SEPARATORS.sub("", text))


def digit_count(text: str) -> int:
    """How many digits a numeral spells, separators and point aside."""
    return sum(ch.isdigit() for ch in text)


def negate(value: Decimal) -> Decimal:
    """``-value``, exactly (unary minus would round in the default context)."""
    return value.copy_negate()


def to_number(value: Decimal) -> int | float:
    """An int when the value is integral (``2.8212e12`` -> 2821200000000), else a float."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


_SPOKEN = re.compile(r"(?:(?P<whole>.*?)-)?point-(?P<fraction>[0-9]+|[a-z]+(?:-[a-z]+)*)(?P<scales>(?:\s+[^\W\d_]+)*)", re.I)


def read_spoken(text: str, scale_of: Callable[[str], Scale | None]) -> Decimal | None:
    """A numeral as broadcast copy spells it for the reader to say aloud:
    ``54-point-66``, ``two-point-78``, ``one-thousand-908-point-27``,
    ``one-point-08 trillion``, ``point-two``. The part before "point" is a
    numeral of its own; after it come the decimals, as digits or one digit
    word each. None when it is not one well-formed number."""
    m = _SPOKEN.fullmatch(text.strip())
    if m is None:
        return None
    whole = Decimal(0)
    if m.group("whole"):
        read = read_numeral(m.group("whole"), scale_of)
        if read is None or read[1] != len(m.group("whole")):
            return None
        whole = read[0]
    fraction = m.group("fraction")
    if not fraction[0].isdigit():
        digits = [NUMBER_WORDS.get(word.lower()) for word in fraction.split("-")]
        if any(d is None or d > 9 for d in digits):
            return None
        fraction = "".join(str(d) for d in digits)
    value = _EXACT.add(whole, Decimal("0." + fraction))
    for word in m.group("scales").split():
        scale = scale_of(word)
        if scale is None or scale.within_group:
            return None
        value = _EXACT.multiply(value, scale.multiplier)
    return value


def read_numeral(text: str, scale_of: Callable[[str], Scale | None]) -> tuple[Decimal, int] | None:
    """Read the longest well-formed numeral at the start of ``text``.

    Returns (value, end) where ``text[:end]`` is what was read, or None when
    not even the first token is a number. Reading stops, rather than
    guessing, where the words stop forming one number: ``one two`` reads
    ``one``; ``1 trillion 2 trillion`` reads ``1 trillion``. The caller
    resumes its scan at ``end``, so the rest is read as its own figure.
    ``scale_of`` gives the Scale a word spells, or None.
    """
    state = _Reading()
    end = closed = 0  # end of what was read; end of the last closed group
    for token in _TOKEN.finditer(text):
        word = token.group()
        if word == "-" or word.lower() == "and":
            continue  # joiners: "twenty-one", "hundred and six"
        if not state.take(word, scale_of):
            if state.current is not None and state.last_group is not None and scale_of(word) is not None:
                # "1 trillion 2 trillion": the open group "2" starts the next figure.
                state.current, end = None, closed
            break
        end = token.end()
        if state.current is None:
            closed = end
    if end == 0:
        return None
    return state.value(), end


class _Reading:
    """The running state of ``read_numeral``: closed groups plus the open one.

    ``total`` holds closed groups, ``current`` the open one. A group scale
    smaller than the last one closes the open group into ``total``
    (``9 trillion 445 billion``); one at least as large scales everything
    read so far (``one thousand million``), which is only well formed while
    no group is open, i.e. right after another scale.
    """

    def __init__(self) -> None:
        self.total = Decimal(0)
        self.current: Decimal | None = None
        self.last_group: Decimal | None = None

    def take(self, word: str, scale_of: Callable[[str], Scale | None]) -> bool:
        scale = scale_of(word)
        if scale is not None:
            return self._scale(scale)
        number = _number_of(word)
        if number is None or not _addable(self.current, number):
            return False
        self.current = number if self.current is None else _EXACT.add(self.current, number)
        return True

    def _scale(self, scale: Scale) -> bool:
        if scale.within_group:
            if self.current is None:
                return False
            self.current = _EXACT.multiply(self.current, scale.multiplier)
            return True
        if self.last_group is not None and scale.multiplier >= self.last_group:
            if self.current is not None:
                return False  # "1 trillion 2 trillion": a second figure, not a chain
            self.total = _EXACT.multiply(self.total, scale.multiplier)
        elif self.current is None:
            return False
        else:
            self.total = _EXACT.add(self.total, _EXACT.multiply(self.current, scale.multiplier))
        self.current = None
        self.last_group = scale.multiplier
        return True

    def value(self) -> Decimal:
        return self.total if self.current is None else _EXACT.add(self.total, self.current)


def _number_of(word: str) -> Decimal | None:
    if word[0].isdigit() or word[0] == ".":
        return parse_digits(word)
    lowered = word.lower()
    if lowered == ARTICLE:
        return Decimal(1)
    if lowered in NUMBER_WORDS:
        return Decimal(NUMBER_WORDS[lowered])
    return None


def _addable(current: Decimal | None, number: Decimal) -> bool:
    """Whether ``number`` fills a place still empty in ``current``.

    ``twenty`` + ``one`` and ``seven hundred`` + ``twelve`` are one number;
    ``one`` + ``two`` and ``twenty`` + ``thirty`` are two.
    """
    if current is None:
        return True
    if current == 0 or number == 0 or current != current.to_integral_value():
        return False
    place = 1
    while _EXACT.remainder(current, place * 10) == 0:  # exact: "%" rounds past 28 digits
        place *= 10
    return number < place
