"""Mentions: what the fact layer sees in a sentence, laid out in text order.

Every sentence's mentions are laid out in text order: quantities, subjects
(indexes, companies, the won), investor groups, flow verbs, directions,
level cues (closed at, opened at, as low as), metric cues (short-selling
balance, margin loans) and blockers (year-to-date, combined, above); dates
come from dates.py. Sentences are cut into clauses (at ``;``, ``while``,
``but``, ``, and``, dashes), because one clause carries one subject's
figures: "individual investors sold X while institutions offloaded Y".

Also here: the Candidate every reading produces, the vocabulary the stages
of the fact layer share, and small text helpers (headings and their units,
evidence spans, brokers' names).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.tokens import Doc

from ..model import Quantity

INDEXES = {"KOSPI", "KOSDAQ", "KOSPI 200", "KOSPI 50", "KRX"}
SUBJECT_KINDS = {"SUBJECT", "FX", "ANAPHOR", "COMPANY", "FOREIGN"}
#: Metrics of market-wide balances: their subject defaults to the whole market.
BALANCE_METRICS = {
    "short_balance", "short_volume", "short_interest_pct", "lending_balance", "margin_loan_balance",
    "short_balance_ratio", "borrowing_ratio",
}  # fmt: skip
RATIO_METRICS = ("short_balance_ratio", "borrowing_ratio", "short_interest_pct")

_CLAUSE_BREAK = re.compile(r";|\s\|\s|\s[—–]\s|\s--\s|\bwhile\b|\bwhereas\b|,?\s\bbut\b|,\s+and\b|,\s+with\b(?=[^,]*\b(?:foreign|institution|individual|retail)\w*\b)")
_BROKER = re.compile(r"(?:securities|investment|asset management|capital)$", re.I)
_HEADING = re.compile(r"""^\s*(?:(?:\d+(?:\.\d+)*[.)]?|\[\d+\])\s+)?[A-Z].{0,90}(?<![.!?:"'”’])$""")
_SCALES = {"bn": 10**9, "billion": 10**9, "bil": 10**9, "tn": 10**12, "trillion": 10**12, "mn": 10**6, "million": 10**6}


@dataclass
class Mention:
    kind: str
    start: int
    end: int
    id: str = ""
    ticker: str | None = None
    quantity: Quantity | None = None


@dataclass
class Candidate:
    """A fact before dating and merging: what, about whom, from which words."""

    quantity: Quantity
    metric: str
    subject: str
    ticker: str | None
    investor: str | None
    value: int | float
    unit: str
    rule: str
    qualifier: str | None = None
    day_override: date | None = None
    period_start: bool = False
    anchor: bool = True  # may date the figures listed after it
    inferred_market: bool = False  # a flow whose market the text did not name where it stands
    undated: bool = False  # a figure of an earlier day the text does not name (the old target in "from A to B")


def collect_mentions(doc: Doc) -> list[Mention]:
    out: list[Mention] = []
    occupied: list[tuple[int, int]] = []
    # Plain tuples, read once: each access to doc.spans builds Span objects.
    cues = [
        _Cue(s.start_char, s.end_char, s.start, s.end, s.label_, s.id_, s.label_ == "SUBJECT" and any(c.isdigit() for c in s.text))
        for s in doc.spans.get("cues", ())
    ]  # fmt: skip
    # An index name holds a number ("KOSPI 200"): the name wins over the figure.
    names = [(c.start_char, c.end_char) for c in cues if c.numbered_subject]
    for q in doc._.quantities or ():
        if names and any(a < q.end and q.start < b for a, b in names):
            continue
        out.append(Mention("QTY", q.start, q.end, quantity=q))
        occupied.append((q.start, q.end))
    occupied.sort()
    starts = [s for s, _ in occupied]

    def overlaps_quantity(start: int, end: int) -> bool:
        i = bisect.bisect_right(starts, end) - 1
        return i >= 0 and occupied[i][1] > start

    company_spans = []
    for span in doc.spans.get("companies", ()):
        if not overlaps_quantity(span.start_char, span.end_char):
            out.append(Mention("COMPANY", span.start_char, span.end_char, span.label_, span.kb_id_ or None))
            company_spans.append((span.start_char, span.end_char))
    # Cues that collide with a figure or a company name go first, so that a
    # shorter cue ("weeks") survives a longer one that ran into a figure
    # ("over two weeks").
    company_spans.sort()
    company_starts = [cs for cs, _ in company_spans]

    def overlaps_company(start: int, end: int) -> bool:
        # Company spans do not overlap, so the last one starting before
        # ``end`` is the one that reaches furthest (a bisect, not a scan of
        # every name for every cue: that grew with the square of the text).
        i = bisect.bisect_left(company_starts, end) - 1
        return i >= 0 and company_spans[i][1] > start

    free = [
        cue for cue in cues
        if not overlaps_quantity(cue.start_char, cue.end_char) and not overlaps_company(cue.start_char, cue.end_char)
    ]  # fmt: skip
    for cue in _longest_first(free):
        out.append(Mention(cue.label, cue.start_char, cue.end_char, cue.id))
    out.sort(key=lambda m: (m.start, -m.end))
    return out


class _Cue(NamedTuple):
    start_char: int
    end_char: int
    start: int  # token offsets
    end: int
    label: str
    id: str
    numbered_subject: bool


def _longest_first(spans: list[_Cue]) -> list[_Cue]:
    """Overlapping cue spans: the longest wins ("net short selling balance"
    over "short selling balance"), as spacy.util.filter_spans does."""
    # Equal length: the later-ending span wins ("KOSPI 200" over "The KOSPI").
    ordered = sorted(spans, key=lambda s: (-(s.end - s.start), -s.end))
    taken: set[int] = set()
    kept = []
    for span in ordered:
        if not any(i in taken for i in range(span.start, span.end)):
            kept.append(span)
            taken.update(range(span.start, span.end))
    return sorted(kept, key=lambda s: s.start)


def mentions_within(mentions: list[Mention], starts: list[int], start: int, end: int) -> list[Mention]:
    """The mentions wholly inside start..end; ``starts`` are the mentions' starts."""
    i = bisect.bisect_left(starts, start)
    out = []
    while i < len(mentions) and mentions[i].start < end:
        if mentions[i].end <= end:
            out.append(mentions[i])
        i += 1
    return out


def text_of(doc: Doc) -> str:
    """The doc's text: the string it was made from when ``extract`` kept it
    (``Doc.text`` joins a Token object per token on every call)."""
    text = doc.user_data.get("text")
    return text if isinstance(text, str) else doc.text


def sentence_offsets(doc: Doc) -> list[tuple[int, int]]:
    """(start_char, end_char) of each sentence, as ``doc.sents`` gives them,
    read from arrays: ``doc.sents`` builds a Token object per token."""
    if not len(doc):
        return []
    rows = doc.to_array([SENT_START, IDX, LENGTH]).tolist()
    starts = [i for i, (sent_start, _, _) in enumerate(rows) if i == 0 or sent_start == 1]
    ends = starts[1:] + [len(rows)]
    return [(rows[a][1], rows[b - 1][1] + rows[b - 1][2]) for a, b in zip(starts, ends)]


def split_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    bounds = [start]
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        bounds.append(m.start())
    bounds.append(end)
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]


def evidence_span(text: str, s_start: int, s_end: int, q: Quantity) -> tuple[int, int]:
    """The sentence that carries the figure, trimmed. A long sentence is cut
    to the clause around the figure ("..., while the KOSPI gained 0.73% to
    7,768.95"), so the evidence of one subject does not read as another's;
    a clause too short to stand alone ("or 0.53 percent") keeps the sentence."""
    start, end = s_start, s_end
    if end - start > 100:
        for a, b in split_clauses(text, s_start, s_end):
            if a <= q.start and q.end <= b and b - a >= 30:
                start, end = a, b
                break
    while start < end and text[start] in " \t\n,;—–-":
        start += 1
    while end > start and text[end - 1] in " \t\n":
        end -= 1
    return start, end


def metric_family(metric: str) -> str:
    return "short" if metric.startswith("short") else metric


def is_broker(name: str) -> bool:
    return bool(_BROKER.search(name))


def is_heading(line: str) -> bool:
    """A short line with no sentence punctuation: a section heading."""
    return len(line) <= 90 and bool(_HEADING.match(line.strip()))


_HEADING_SCALE = re.compile(
    r"\((?:unit:\s*)?(?:₩|krw|w)?\s*(bn|billion|bil|tn|trillion|mn|million)\.?(?:\s*won)?"
    r"(?:,?\s+unless\s+(?:otherwise\s+)?(?:noted|stated|indicated))?\s*[);]"
    r"|\bunit:\s*(?:₩|krw|w)?\s*(bn|billion|bil|tn|trillion|mn|million)\b",
    re.I,
)


def heading_scale(line: str) -> int | None:
    """"(₩bn)", "(KRW bn)", "(bil. won)", "(Unit: KRW billion; ...)" in a
    heading: the scale of bare figures below."""
    return scale_of(_HEADING_SCALE.search(line))


def heading_scale_match(text: str, start: int, end: int) -> re.Match | None:
    """The first scale note in ``text[start:end]`` (offsets in ``text``)."""
    return _HEADING_SCALE.search(text, start, end)


def scale_of(m: re.Match | None) -> int | None:
    return _SCALES[(m.group(1) or m.group(2)).lower()] if m else None


def scaled(value: int | float, scale: int) -> int | float:
    exact = Decimal(str(value)) * scale
    return int(exact) if exact == exact.to_integral_value() else float(exact)
