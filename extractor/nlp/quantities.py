"""The quantity layer: every figure in a text, normalized (FACTS.md, "Quantities").

``find_quantities(text)`` returns each amount of money, percentage, point
move, count and bare number as a ``Quantity``: exact text and offsets, the
value in base units with its written sign, an ISO currency code or unit, and
a qualifier (``about`` -> approx, ``more than`` -> more_than, ...).

How: one regular expression, built at first use from the vocabulary in
patterns/units.jsonl (currency symbols, codes and words; scales; units;
signs; qualifiers), finds each figure, and also the things that look like
figures but are not (dates, times, ratios, phone numbers, tickers, URLs,
section numbers), which it consumes so they are dropped. Python then reads
the numeral exactly (numbers.py) and applies the few rules a regex cannot
say well: a bare year is not a figure, "won" after "in 2024" is a verb, a
spaced dash between two figures is not a sign.

Every part of the pattern is linear on any input: a figure may only start
where no word or number is running (so the scan never restarts inside a
digit run), repetitions are bounded or step over distinct characters, and
what backtracking there is stays within one figure's own characters.

Conventions the contract leaves open:

- Durations and other counted nouns (``13 weeks``, ``16 months``) are bare
  numbers, unit None: they are figures, just not ones with a unit we name.
- ``over``/``under`` qualify amounts (``over ₩1tn``) but are prepositions
  before a bare number (``over 3 sessions``), so they need a unit.
- A figure never spans a line break: table cells flattened one per line
  stay separate figures.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Generic, TypeVar

from ..errors import PatternError
from ..model import QUALIFIERS, Quantity
from ..rules import read_jsonl
from . import numbers
from .numbers import SPACE_CHARS, Scale

__all__ = ["QuantityFinder", "Vocabulary", "find_quantities", "load_vocabulary"]

VOCABULARY_FILE = "units.jsonl"
T = TypeVar("T")

#: Units other than currencies: FACTS.md's, plus percentage points (pp) and basis points (bp).
UNITS = ("pct", "pp", "bp", "points", "count", "shares")

_ATTACH = ("spaced", "glued")
_KINDS = {"currency": "currencies", "unit": "units", "scale": "scales", "sign": "signs", "qualifier": "qualifiers"}
#: The keys each kind of entry may have, besides kind, text and case.
_KEYS = {
    "currency": {"unit", "prefix", "suffix", "verb_before"},
    "unit": {"unit", "suffix"},
    "scale": {"multiplier", "word", "within_group", "attach"},
    "sign": {"sign"},
    "qualifier": {"qualifier", "position", "needs_unit"},
}
_FLAGS = ("word", "within_group", "needs_unit")

_H = f"[{SPACE_CHARS}]"
# All the spaces there are: a gap that never gives back part of a run, so a
# long run of spaces is crossed once, not once per alternative after it.
_SPACES = rf"{_H}*(?!{_H})"
_WORD = "A-Za-z0-9_"
# A figure starts where no word, number, ratio or percent is running ...
_LEAD = rf"(?<![{_WORD}.%:/])"
# ... and ends where none goes on: not inside a word ("1Q26", "3rd"), not
# before more decimals or a thousands group ("1.2.3", "1,470s"), a ratio or
# a date. The word check applies only when the figure ends in a letter or
# digit, so "3억원이" and "5%YoY" end cleanly.
_TRAIL = rf"(?:(?<![{_WORD}])|(?![{_WORD}]))(?!\.[0-9])(?!,[0-9]{{3}}(?![0-9]))(?![:/][0-9])"
# Digits may not start on the thousands group of a number begun earlier
# ("234" of "1,234"); "22,24,26" is a list, so "24" may.
_NOT_A_GROUP = r"(?!(?<=[0-9],)[0-9]{3}(?![0-9]))(?!(?<=[0-9],)[0-9]{4})"
# After-qualifiers ("-plus", "+") end a figure: a "+" before digits is a sign.
_AFTER_END = r"(?=[\s)\].,;:!?'\"”’]|\Z)"

_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
)
_DASHES = ("-", "–", "−")  # signs that double as dashes; "▼ 1.5%" is never a dash
_GAP = re.compile(rf"^{_H}*-?{_H}*")  # between a number and its unit: "4-point", "3억 원"
_MONTH_AFTER = re.compile(
    r"[ \t]+(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?(?![A-Za-z])"
)


def value_is_day(numeral: str) -> bool:
    return numeral.isdigit() and 1 <= int(numeral) <= 31


_SPAN_ADJECTIVE = re.compile(r"-(?:week|month|day|year|session|hour|minute|quarter)s?\b", re.I)
_YEAR = re.compile(r"(?:19|20)[0-9]{2}")
_LEADING_DIGITS = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?")
_AND_BETWEEN = re.compile(r"\s*,?\s*and\s+")
_NEXT_WORD = re.compile(rf"{_H}+([A-Za-z]+)")


# --------------------------------------------------------------------------
# The vocabulary


@dataclass
class Vocabulary:
    """The quantity vocabulary, one entry (a dict from units.jsonl) per spelling."""

    currencies: list[dict] = field(default_factory=list)
    units: list[dict] = field(default_factory=list)
    scales: list[dict] = field(default_factory=list)
    signs: list[dict] = field(default_factory=list)
    qualifiers: list[dict] = field(default_factory=list)

    def add(self, entry: dict, file: str, line: int | None) -> None:
        """Check one entry and file it by kind; PatternError names the line if it is wrong."""
        problem = _problem(entry)
        if problem:
            raise PatternError(file, line, problem)
        getattr(self, _KINDS[entry["kind"]]).append(entry)


def load_vocabulary(path: str | Path = VOCABULARY_FILE) -> Vocabulary:
    """Read and check a vocabulary file (default: patterns/units.jsonl)."""
    vocabulary = Vocabulary()
    for line, entry in read_jsonl(path, required=("kind", "text")):
        vocabulary.add(entry, str(path), line)  # named as read_jsonl names it
    return vocabulary


def _problem(entry: dict) -> str | None:
    """What is wrong with a vocabulary entry, or None."""
    kind, text = entry["kind"], entry["text"]
    if not isinstance(kind, str) or kind not in _KEYS:
        return f"unknown kind {kind!r} (expected one of {', '.join(_KEYS)})"
    unknown = set(entry) - _KEYS[kind] - {"kind", "text", "case"}
    if unknown:
        return f"unknown key(s) for a {kind}: {', '.join(sorted(unknown))}"
    if not isinstance(text, str) or not text.strip() or text != text.strip():
        return "text must be a non-empty string without surrounding spaces"
    if entry.get("case") not in (None, "exact"):
        return f'case must be "exact" or absent, not {entry["case"]!r}'
    for key in ("prefix", "suffix", "attach"):
        if key in entry and entry[key] not in _ATTACH:
            return f'{key} must be "spaced" or "glued", not {entry[key]!r}'
    for key in _FLAGS:
        if key in entry and not isinstance(entry[key], bool):
            return f"{key} must be true or false"
    return _KIND_PROBLEMS[kind](entry)


def _currency_problem(entry: dict) -> str | None:
    unit, objects = entry.get("unit"), entry.get("verb_before", [])
    if not (isinstance(unit, str) and len(unit) == 3 and unit.isascii() and unit.isupper()):
        return f"a currency's unit must be an ISO 4217 code such as KRW, not {unit!r}"
    if "prefix" not in entry and "suffix" not in entry:
        return 'a currency needs "prefix" and/or "suffix"'
    if not (isinstance(objects, list) and all(isinstance(w, str) and w.islower() for w in objects)):
        return "verb_before must be a list of lower-case words"
    return None


def _unit_problem(entry: dict) -> str | None:
    if entry.get("unit") not in UNITS:
        return f"unit must be one of {', '.join(UNITS)}, not {entry.get('unit')!r}"
    return None if "suffix" in entry else 'a unit needs "suffix"'


def _scale_problem(entry: dict) -> str | None:
    if _multiplier(entry) is None:
        return f"multiplier must be a positive number, not {entry.get('multiplier')!r}"
    return None


def _sign_problem(entry: dict) -> str | None:
    return None if entry.get("sign") in (1, -1) else "sign must be 1 or -1"


def _qualifier_problem(entry: dict) -> str | None:
    if entry.get("qualifier") not in QUALIFIERS:
        return f"qualifier must be one of {', '.join(QUALIFIERS)}, not {entry.get('qualifier')!r}"
    if entry.get("position") not in ("before", "after"):
        return 'position must be "before" or "after"'
    return None


_KIND_PROBLEMS = {
    "currency": _currency_problem,
    "unit": _unit_problem,
    "scale": _scale_problem,
    "sign": _sign_problem,
    "qualifier": _qualifier_problem,
}


def _multiplier(entry: dict) -> Decimal | None:
    try:
        value = Decimal(str(entry.get("multiplier")))
    except InvalidOperation:
        return None
    return value if value.is_finite() and value > 0 else None


# --------------------------------------------------------------------------
# Building the pattern


def _spelling(entry: dict, *, word_end: str = f"(?![{_WORD}])") -> str:
    """The regex for one spelling: a space matches a run of spaces, letters any case."""
    text, exact = entry["text"], entry.get("case") == "exact"
    parts = []
    for i, ch in enumerate(text):
        if ch == " ":
            parts.append(f"{_H}+")
        elif ch == "$" and i and text[i - 1].isalpha() and not exact:
            parts.append(rf"{_H}?\$")  # tokenised corpora split "US$" into "us $"
        else:
            parts.append(re.escape(ch))
    body = "".join(parts)
    if not exact and any(ch.isalpha() for ch in text):
        body = f"(?i:{body})"
    if text[-1].isascii() and text[-1].isalnum():
        body += word_end  # "won" does not start "wonder"
    return body


def _alternation(entries: list[dict], spell=_spelling) -> str:
    """Longest spelling first, so "%p" is tried before "%" and "mn" before "m".

    A one-character look-ahead gates the alternation: the regex engine skips
    a branch quickly only when it starts with a plain character, which a
    case-insensitive one does not, and most places in a text start none.
    """
    if not entries:
        return "(?!)"
    ordered = sorted(entries, key=lambda e: (-len(e["text"]), e["text"]))
    firsts = {e["text"][0] for e in entries}
    firsts |= {c.swapcase() for e in entries if e.get("case") != "exact" for c in e["text"][0] if len(c.swapcase()) == 1}
    gate = "[" + "".join(re.escape(c) for c in sorted(firsts)) + "]"
    return f"(?={gate})(?:" + "|".join(spell(e) for e in ordered) + ")"


def _prefix(entry: dict) -> str:
    # A code may touch its digits ("USD3.14"), so only a letter ends it early.
    return _spelling(entry, word_end="(?![A-Za-z])")


def _after_number(entries: list[dict], key: str, *, hyphen: bool = False) -> str:
    """Spellings that follow a number (units, scales), with the gap before them.

    "glued" ones touch it ("7.46p", "1.2T"); "spaced" ones may also sit after
    spaces ("27 bp", "3억 원"); with ``hyphen``, a word may also sit after a
    hyphen ("4-point", "1,310-won"), which a scale may not ("10-K" is a form).
    """
    glued = [e for e in entries if e.get(key, "spaced") == "glued"]
    spaced = [e for e in entries if e not in glued]
    words = [e for e in spaced if e["text"][0].isascii() and e["text"][0].isalpha()]
    others = [e for e in spaced if e not in words]
    dash = f"(?:-{_SPACES})?" if hyphen else ""
    return rf"(?:{_alternation(glued)}|{_SPACES}(?:{_alternation(others)}|{dash}{_alternation(words)}))"


def _is_word(entry: dict) -> bool:
    return entry["text"][0].isalpha()


def _skip_pattern(vocabulary: Vocabulary) -> str:
    """What looks like a figure but is not one; matched only to be dropped."""
    month = "(?:" + "|".join(f"{m}|{m.upper()}" for m in sorted(_MONTHS, key=len, reverse=True)) + r")\.?(?![A-Za-z])"
    day = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![0-9A-Za-z])"
    year = rf"(?:,?{_H}+[0-9]{{4}}(?![0-9]))?"
    unit_words = [e for e in vocabulary.scales + vocabulary.units + vocabulary.currencies if _is_word(e)]
    return "|".join([
        # A heading's section number: "1.2 May 13 market-level flow", "4. The ...",
        # but not a title-case headline figure ("12.5 Trillion Won").
        rf"(?<![^\n]){_H}*(?:#{{1,6}}{_H}+)?(?:[0-9]{{1,2}}\.|[0-9]{{1,2}}(?:\.[0-9]{{1,2}}){{1,3}}\.?)"
        rf"(?={_H}+[A-Z])(?!{_H}+{_alternation(unit_words)})",
        # ... or in brackets: "[2] INVESTOR FLOWS".
        rf"(?<![^\n]){_H}*\[[0-9]{{1,2}}\](?={_H}+[A-Z])",
        # "at one point" in the session is a time, not one point.
        rf"(?i:at){_H}+(?i:one){_H}+(?i:point)(?![-A-Za-z])",
        # A rank: "No. 1", "ranked No. 6", "No.2 chipmaker".
        rf"(?-i:No|NO|no|Nos)\.{_H}?[0-9]{{1,3}}(?![0-9,.])",
        # "May 13", "Dec. 17, 2025", "May 12-13"; "07 Jan. 2026", "13 May".
        rf"{month}{_H}+{day}(?:[-–]{day})?{year}(?!,[0-9])",
        rf"{day}{_H}+{month}{year}",
        # "2026-05-13", "2026.05.13"; "5/14", "5/14/2026".
        r"[0-9]{4}(?:-[0-9]{1,2}-|\.[0-9]{1,2}\.|/[0-9]{1,2}/)[0-9]{1,2}(?![0-9])",
        r"[0-9]{1,2}/[0-9]{1,2}(?:/[0-9]{2,4})?(?![0-9])",
        # "9:10 a.m.", "07:02:50 +0900", and ratios such as "33:51"; "3 PM".
        rf"[0-9]{{1,4}}(?::[0-9]{{1,4}})+(?:{_H}?[AaPp]\.?[Mm]\.?(?![A-Za-z]))?(?:{_H}?[+\-−][0-9]{{2}}:?[0-9]{{2}}(?![0-9]))?",
        rf"[0-9]{{1,2}}{_H}?(?:[AaPp]\.[Mm]\.|[AaPp][Mm](?![A-Za-z]))",
        # "+82-2-3772-1234", "02-3772-1234", "(02) 3772-1234".
        rf"(?:\+[0-9]{{1,3}}[-. ]?)?(?:\([0-9]{{1,4}}\){_H}?|[0-9]{{1,4}}[-.])[0-9]{{3,4}}[-.][0-9]{{4}}(?![0-9])",
        # Tickers: "005930" (no figure is written with a leading 0), "(373220)",
        # "373220.KS", "KRX:373220".
        r"0[0-9]+(?![0-9])",
        r"\([0-9]{6}\)",
        r"[0-9]{6}(?=\.K[SQ](?![A-Za-z]))",
        rf"(?:KRX|KOSPI|KOSDAQ|KS|KQ){_H}?:{_H}?[0-9]{{6}}(?![0-9])",
        # Korean dates and times: "2025년", "5월", "13일", "15시".
        rf"[0-9]+{_H}?[년월일시분초]",
        # Links and HTML character references left in the text.
        r"(?=[HhWw])(?i:https?://|www\.)[^\s<>\"']+",
        r"&#[0-9]+;",
    ])


def _numeral_patterns(vocabulary: Vocabulary) -> tuple[str, str, str]:
    """(digits with their scales, spoken numerals, number words) as regex source."""
    # Only spelled-out and Korean scales chain into compounds ("9 trillion
    # 445 billion", "9조4450억"); "3.13tn 907.7bn" in a table is two figures.
    chaining = [e for e in vocabulary.scales if e.get("word") or not e["text"].isascii()]
    others = [e for e in vocabulary.scales if e not in chaining]
    digits = _NOT_A_GROUP + numbers.DIGITS_PATTERN
    # A run of scales is one multiplier: "5천억" is 5 x 1000 x 10^8.
    run = rf"{_after_number(chaining, 'attach')}{{1,3}}"
    dignum = rf"{digits}(?:{run}(?:{_SPACES}{digits}{run}){{0,5}}|{_after_number(others, 'attach')})?"

    number_word = _alternation([{"text": word} for word in numbers.NUMBER_WORDS])
    scale_words = _alternation([e for e in vocabulary.scales if e.get("word")])
    currency_words = _alternation([e for e in vocabulary.currencies if "suffix" in e and _is_word(e)])
    # "a trillion won", "a dollar": the article is one, unless an adjective
    # follows ("a billion-dollar deal", "a won-denominated bond").
    article = rf"{_alternation([{'text': numbers.ARTICLE}])}(?={_H}+(?:{scale_words}|{currency_words})(?![-A-Za-z]))"
    joiner = rf"(?:{_H}+(?!{_H})(?:(?i:and){_H}+(?!{_H}))?|{_SPACES}-{_SPACES})"
    # Bounded: a numeral up to the trillions has fewer words, and the bound
    # keeps each rescan after a cut (numbers.read_numeral) short.
    wordnum = rf"(?:{number_word}|{article})(?:{joiner}(?:{number_word}|{scale_words})){{0,24}}"
    # Broadcast copy spells figures to be read aloud, hyphenated:
    # "54-point-66", "two-point-78", "one-thousand-908-point-27",
    # "one-point-08 trillion", "point-two", "one-thousand-193".
    digit_word = _alternation([{"text": word} for word, value in numbers.NUMBER_WORDS.items() if value < 10])
    hyphened = rf"{number_word}(?:-(?:{number_word}|{scale_words})){{0,6}}"
    grouped = rf"{number_word}(?:-(?:{number_word}|{scale_words})){{0,5}}-{scale_words}-[0-9]{{1,3}}(?![0-9,])"
    decimals = rf"(?:[0-9]+(?![0-9]|[.,][0-9])|{digit_word}(?:-{digit_word}){{0,5}})"
    spoken = (
        rf"(?:(?:(?:{grouped}|{hyphened}|[0-9]{{1,3}}(?![0-9,]))-)?(?i:point)-{decimals}"
        rf"(?:{_SPACES}{scale_words}(?![-A-Za-z]))?|{grouped})"
    )
    return dignum, spoken, wordnum


def build_pattern(vocabulary: Vocabulary) -> re.Pattern[str]:
    """The one regex of the quantity layer, from a vocabulary."""
    dignum, spoken, wordnum = _numeral_patterns(vocabulary)
    before = [e for e in vocabulary.qualifiers if e["position"] == "before"]
    after = [e for e in vocabulary.qualifiers if e["position"] == "after"]
    signs = vocabulary.signs
    prefixes = [e for e in vocabulary.currencies if "prefix" in e]
    suffixes = [e for e in vocabulary.currencies if "suffix" in e] + vocabulary.units

    qualifier = (
        rf"(?:(?P<qual>{_alternation([e for e in before if _is_word(e)])}(?={_H})"
        rf"|{_alternation([e for e in before if not _is_word(e)])}){_SPACES})?"
    )
    sign = (
        rf"(?:(?P<sign>{_alternation([e for e in signs if not _is_word(e)])}){_H}?"
        rf"|(?P<signw>{_alternation([e for e in signs if _is_word(e)])}){_H}+(?!{_H}))?"
    )
    prefix = (
        rf"(?:(?P<pre>{_alternation([e for e in prefixes if e['prefix'] == 'spaced'], _prefix)}){_SPACES}"
        rf"|(?P<preg>{_alternation([e for e in prefixes if e['prefix'] == 'glued'], _prefix)})(?=[0-9]))"
        # "₩-3.76tn": a one-character sign may follow the symbol.
        rf"(?P<sign2>{_alternation([e for e in signs if len(e['text']) == 1])})?"
    )
    body = (
        rf"(?P<body>{sign}(?:{prefix}(?P<pnum>{dignum})"
        rf"|(?P<num>{spoken}|{dignum}|{wordnum})(?P<suf>{_after_number(suffixes, 'suffix', hyphen=True)})?))"
    )
    tail = rf"(?P<after>{_alternation(after)}{_AFTER_END})?"
    quantity = qualifier + body + tail + _TRAIL
    return re.compile(rf"{_LEAD}(?:(?P<skip>{_skip_pattern(vocabulary)})|{quantity})")


# --------------------------------------------------------------------------
# Reading a match


class _Spellings(Generic[T]):
    """What each matched spelling means: case-exact entries as written, the rest case-folded."""

    def __init__(self, entries: list[dict], meaning: Callable[[dict], T] = lambda entry: entry):
        self._exact: dict[str, T] = {}
        self._folded: dict[str, T] = {}
        for entry in entries:
            key = _squeeze(entry["text"])
            if entry.get("case") == "exact":
                self._exact[key] = meaning(entry)
            else:
                self._folded[key.casefold()] = meaning(entry)

    def get(self, spelling: str) -> T | None:
        key = _squeeze(spelling)
        found = self._exact.get(key)
        return found if found is not None else self._folded.get(key.casefold())


def _squeeze(spelling: str) -> str:
    return "".join(spelling.split())


class QuantityFinder:
    """Finds quantities with one vocabulary; ``find_quantities`` uses the shipped one."""

    def __init__(self, vocabulary: Vocabulary):
        self.pattern = build_pattern(vocabulary)
        self._units = _Spellings(vocabulary.currencies + vocabulary.units)
        self._signs = _Spellings(vocabulary.signs)
        self._qualifiers = _Spellings(vocabulary.qualifiers)
        self._scale_of = _Spellings(vocabulary.scales, _as_scale).get

    def find(self, text: str) -> list[Quantity]:
        """Every figure in ``text``: sorted, non-overlapping, ``text[q.start:q.end] == q.text``."""
        found = []
        pos = 0
        while (m := self.pattern.search(text, pos)) is not None:
            quantity, pos = self._read(m, text)
            if quantity is not None:
                found.append(quantity)
        return self._share_units(found, text)

    def _share_units(self, found: list[Quantity], text: str) -> list[Quantity]:
        """"41.2 billion and 88.5 billion KRW", "1.2 and 1.5 trillion won",
        "1.84 and 1.82%": a bare decimal joined by "and" to a figure with a
        unit has that unit (and its scale, when it has none of its own)."""
        out = list(found)
        for i in range(len(out) - 2, -1, -1):
            first, second = out[i], out[i + 1]
            if first.unit is not None or first.sign is not None or second.unit is None or second.unit in ("points", "count", "shares"):
                continue
            if not _AND_BETWEEN.fullmatch(text, first.end, second.start):
                continue
            scaled = any(self._scale_of(word) for word in re.findall(r"[^\W\d_]+", first.text))
            if not scaled and "." not in first.text:
                continue  # "the KOSPI 200 and 3 trillion won": a name's number, not a figure
            value = Decimal(str(first.value))
            if not scaled:
                digits = _LEADING_DIGITS.search(second.text)
                if digits is None or Decimal(digits.group(0).replace(",", "")) == 0:
                    continue
                value *= Decimal(str(abs(second.value))) / Decimal(digits.group(0).replace(",", ""))
            if second.unit == "pct" and value >= 100:
                continue
            out[i] = Quantity(first.text, first.start, first.end, numbers.to_number(value), second.unit, None, first.qualifier)
        return out

    def _read(self, m: re.Match[str], text: str) -> tuple[Quantity | None, int]:
        """The quantity a match spells (None for a non-figure), and where the scan goes on."""
        if m.group("skip") is not None:
            return None, m.end()
        group = "num" if m.group("num") is not None else "pnum"
        numeral = m.group(group)
        if numbers.digit_count(numeral) > numbers.MAX_DIGITS:
            return None, m.end()
        if "point-" in numeral.lower():
            spoken = numbers.read_spoken(numeral, self._scale_of)
            read = (spoken, len(numeral)) if spoken is not None else None
        else:
            read = numbers.read_numeral(numeral, self._scale_of)
        if read is None:
            return None, m.end()
        value, used = read
        unit, end = self._unit(m, text, group, m.start(group) + used)
        start, sign = self._sign(m, text)
        # The scan goes on after the whole match, or where the figure was cut
        # short, so the rest is read as figures of its own.
        resume = m.end() if end == m.end("body") else end
        if unit is None and sign is None and _YEAR.fullmatch(numeral):
            return None, resume  # "in 2026", "CES 2026"
        if unit is None and sign is None and value_is_day(numeral) and _MONTH_AFTER.match(text, end):
            return None, resume  # "- 13 May": a date the sign test let through
        if unit is None and sign is None and _SPAN_ADJECTIVE.match(text, end):
            return None, resume  # "52-week high", "12-month low", "3-day slide": a span, not a figure
        quantity = Quantity(
            text=text[start:end],
            start=start,
            end=end,
            value=numbers.to_number(numbers.negate(value) if sign == -1 else value),
            unit=unit["unit"] if unit else None,
            sign=sign,
            qualifier=self._qualifier(m, unit, whole=end == m.end("body")),
        )
        return quantity, resume

    def _unit(self, m: re.Match[str], text: str, group: str, numeral_end: int) -> tuple[dict | None, int]:
        """The unit entry, and where the figure ends."""
        prefix = m.group("pre") or m.group("preg")
        if numeral_end < m.end(group):
            # The numeral stopped forming one number ("one two"): the figure
            # ends there and a suffix belongs to whatever follows.
            return (self._units.get(prefix) if prefix else None), numeral_end
        if prefix:
            return self._units.get(prefix), m.end("body")
        suffix = m.group("suf")
        if suffix is None:
            return None, m.end("body")
        unit = self._units.get(_GAP.sub("", suffix))
        if _is_verb(unit, m.group("num"), text, m.end("suf")):
            return None, m.start("suf")
        return unit, m.end("body")

    def _sign(self, m: re.Match[str], text: str) -> tuple[int, int | None]:
        """Where the figure starts, and its written sign (None when unsigned)."""
        start, sign = m.start("body"), None
        for group in ("sign", "signw", "sign2"):
            mark = m.group(group)
            if mark is None:
                continue
            if group == "sign" and _is_dash(text, m.start(group), m.end(group)):
                start = _skip_space(text, m.end(group))
                continue
            sign = (sign or 1) * self._signs.get(mark)["sign"]
        return start, sign

    def _qualifier(self, m: re.Match[str], unit: dict | None, *, whole: bool) -> str | None:
        written = [m.group("qual"), m.group("after") if whole else None]
        for entry in (self._qualifiers.get(q) for q in written if q is not None):
            # "over" and "under" qualify an amount ("over ₩1tn") but are
            # prepositions before a bare number ("over 3 sessions").
            if entry.get("needs_unit") and unit is None:
                continue
            return entry["qualifier"]
        return None


def _as_scale(entry: dict) -> Scale:
    return Scale(_multiplier(entry), entry.get("within_group", False))


def _is_dash(text: str, start: int, end: int) -> bool:
    """Whether a sign followed by a space is a dash: "7,400 - 7,600", "- - $ 75".

    A detached sign is a sign only where no figure or word ends just before
    it: "- 1,200,000" opening a line.
    """
    if text[start:end] not in _DASHES or end >= len(text) or not text[end].isspace():
        return False
    i = start - 1
    while i >= 0 and text[i] in SPACE_CHARS:
        i -= 1
    return i >= 0 and (text[i].isalnum() or text[i] in ")]%-–—−")


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in SPACE_CHARS:
        pos += 1
    return pos


def _is_verb(unit: dict | None, numeral: str, text: str, pos: int) -> bool:
    """Whether a currency word after a plain integer is a verb: "in 2024 won a contract"."""
    objects = unit.get("verb_before") if unit else None
    if not objects or not numeral.isdigit():
        return False
    following = _NEXT_WORD.match(text, pos)
    return following is not None and following.group(1).lower() in objects


@cache
def _default_finder() -> QuantityFinder:
    return QuantityFinder(load_vocabulary())


def find_quantities(text: str) -> list[Quantity]:
    """Every figure in ``text``, sorted by start and non-overlapping.

    ``text[q.start:q.end] == q.text`` for each. Values are in base units with
    the written sign applied; units are ISO currency codes, pct, pp, bp,
    points, count, shares, or None for a bare number (FACTS.md, model.py).
    """
    return _default_finder().find(text)
