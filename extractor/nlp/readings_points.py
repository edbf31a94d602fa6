"""Points and counts: index levels and changes, market breadth.

A figure in points (or a bare number) is an index's change when a direction
or a sign goes with it, its close/open/high/low after a level cue or in a
quote, and nothing otherwise. A whole count is a breadth figure (advancers,
decliners) when a counted noun, a verb ("1,203 stocks rose") or a cue
says so; two such counts in one clause are read as a pair.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..rules import read_jsonl
from .context import FROM_BEFORE, PREVIOUS_DAY_AFTER, QuantityContext
from .mentions import INDEXES, Candidate, Mention
from .state import Reader

_RISE_WORDS = {"rose", "advanced", "gained", "climbed", "higher", "up"}
_CONTRAST = re.compile(r"[\s,]*(?:while|whereas|but|and)\b", re.I)
_BREADTH_WORD = re.compile(
    r"\s*(?:stocks|issues|shares|companies|names)?\s*(?:ending|ended|closing|closed|finishing|finished)?\s*"
    r"(rose|advanced|gained|climbed|higher|up|fell|declined|dropped|lost|slid|lower|down)\b",
    re.I,
)

_AT_THE_CLOSE = re.compile(r"\s+at\s+the\s+(?:close|closing\s+bell|end\s+of\s+(?:the\s+)?(?:session|trading|day))\b", re.I)
#: A sentence that opens with a pronoun goes on about the subject before it.
_PRONOUN_OPENS = re.compile(r"\W*(?:it|its|it's|they)\b", re.I)


class PointReadings(QuantityContext):
    """The rules for points, bare numbers and counts (mixed into
    readings.Context; a bare figure about the won goes to bare_fx_rate)."""

    def _closing_price(self) -> bool:
        """A company's bare figure that the text says is where it closed:
        "to end at 210,000.0", "to trade at 177,500.0 at the close"."""
        if self.intraday():
            return False
        lv = self.last({"LEVEL"}, self.local)
        if lv is not None and lv.id == "close" and not self.text[lv.end : self.q.start].strip(" "):
            return True
        return bool(_AT_THE_CLOSE.match(self.text, self.q.end)) and lv is not None

    def points(self) -> Candidate | None:
        q = self.q
        subj_m, subj = self.subject()
        if subj_m is None and self.r.state.previous_sentence_fx and _PRONOUN_OPENS.match(self.text, self.s_start):
            return self.bare_fx_rate()  # "The won ended at 1,318.4. It was up 0.3% versus Monday's close of 1,322.2."
        if subj_m is None:
            named = any(m.kind == "SUBJECT" and m.id == self.r.state.focus_index for m in self.sentence)
            if self.row_subject is None and self.r.state.focus_index and (
                self.last({"LEVEL"}) is not None or (named and self.level_kind() is not None)
            ):
                subj = (self.r.state.focus_index, None)
            else:
                return None
        elif subj_m.kind == "FX":
            return self.bare_fx_rate()
        elif subj_m.kind == "COMPANY":
            # "Samsung Electronics 103,100 (-1.15%)": a quote's bare figure is the won price.
            if q.unit is None and q.sign is None and q.value >= 50 and subj is not None and self._quoted(subj_m):
                return Candidate(q, "price", subj[0], subj[1], None, q.value, "KRW", "price.quote", q.qualifier)
            if q.unit is None and q.sign is None and q.value >= 50 and subj is not None and self._closing_price():
                # "Samsung SDI rose 6.41% or 45,000.0 points to trade at 747,000.0 at the close"
                return Candidate(q, "price", subj[0], subj[1], None, q.value, "KRW", "price.close", q.qualifier)
            return None
        if subj is None or subj[0] not in INDEXES or subj[0] == "KRX":
            return None
        prev = self.produced[-1] if self.produced else None
        if (
            q.unit is None and q.sign is not None and prev is not None and prev.metric == "index_close"
            and prev.subject == subj[0] and re.fullmatch(r"\s*", self.text[prev.quantity.end : q.start])
        ):  # fmt: skip
            # "KOSPI 7,221.06 ▼137.59 (−1.87%)": the signed figure after a quoted level is its change in points
            return Candidate(q, "index_change", subj[0], None, None, q.value, "points", "index_change.quote", q.qualifier)
        sign = q.sign if q.sign is not None else None
        d = self.last({"DIR"}, self.local)
        if q.unit == "points" and d is None and sign is None:
            sign = self._sign_of_paired_change()  # "down 1.12 percent, or 10.23 points"
        if q.unit == "points" and d is None and sign is None:
            sign = self.sign_from_words()  # "27.14 points higher than the previous day", "31.40 points or 1.22% lower"
        lv = self.last({"LEVEL"}, self.local)
        if q.unit == "points" and d is not None and sign is None and lv is not None and lv.start > d.start:
            return self._index_level(subj_m, subj)  # "slid in late trade to close at 702.36 points": a level, not a change
        opened = next((m for m in reversed(self.left) if m.kind == "LEVEL" and m.id not in ("reach", "record")), None)
        if q.unit == "points" and (d is not None or sign is not None):
            if (lv and lv.id == "open") or (opened is not None and opened.id == "open"):
                return None  # "began at 688.12 points, up 4.37 points": a change at the open
            if self.intraday():
                return None  # "added 12.3 points in the first 15 minutes of trading": not the day's change
            s = sign if sign is not None else (1 if d.id == "up" else -1)
            return Candidate(q, "index_change", subj[0], None, None, abs(q.value) * s, "points", "index_change.dir", q.qualifier)
        return self._index_level(subj_m, subj)

    def _index_level(self, subj_m: Mention | None, subj: tuple[str, str | None]) -> Candidate | None:
        """An index's close, open, high or low: after a level cue, or quoted
        with its change."""
        q = self.q
        kind = self.level_kind()
        if kind is None and subj_m is not None and self._quoted(subj_m):
            kind = "close"
        if kind is None and FROM_BEFORE.search(self.text, max(0, q.start - 30), q.start) and PREVIOUS_DAY_AFTER.match(self.text, q.end):
            kind = "close"  # "from 2,518.25 the previous trading day": the close it was measured from
        if kind is None or q.sign is not None:
            return None
        if any(m.kind == "MARKETWIDE" for m in self.local) or re.match(r"\s*(?:issues|stocks|shares|companies)\b", self.text[q.end : q.end + 12]):
            return None  # "breadth was 955 up", "586 issues": a count, not a level
        if kind == "close" and self.intraday() and not any(m.kind == "LEVEL" and m.id == "close" for m in self.local):
            return None
        if kind == "close" and self.clock_before_close():
            return None  # "to 2,500.31 as of 11:05 a.m.": where it stood then, not the close
        if not 50 <= q.value <= 100000:
            return None
        metric = {"close": "index_close", "open": "index_open", "high": "index_high", "low": "index_low"}.get(kind, f"index_{kind}")
        return Candidate(q, metric, subj[0], None, None, q.value, "points", f"{metric}.cue", q.qualifier)

    def count(self) -> Candidate | None:
        q = self.q
        if q.sign is not None or not float(q.value).is_integer():
            return None
        if any(m.kind == "BLOCK" and m.id in ("subset", "ratio_margin") for m in self.clause):
            return None  # "Out of top 30 Kospi stocks in market cap, 27 gained": not the market's breadth
        if q.unit == "count":
            # "955 advancers": the quantity layer keeps the counted noun.
            noun = re.sub(r"^[\d,.\s]+", "", q.text).lower()
            metric = count_nouns().get(noun)
            if metric:
                return Candidate(q, metric, self._count_subject(), None, None, int(q.value), "count", f"{metric}.count", q.qualifier)
        moved = _BREADTH_WORD.match(self.text, q.end, q.end + 25)
        counted = q.unit == "count" and re.search(r"stocks|issues|companies|names", q.text)
        breadth_before = any(c.metric in ("advancers", "decliners") for c in self.produced)
        counting = re.search(r"\b(?:issues|stocks|companies|names)\b", self.text[self.c_start : q.start], re.I)
        if moved and (counted or (q.unit is None and (breadth_before or counting))):
            # "Only 65 stocks rose on the main bourse, while 847 fell"
            metric = "advancers" if moved.group(1).lower() in _RISE_WORDS else "decliners"
            return Candidate(q, metric, self._count_subject(), None, None, int(q.value), "count", f"{metric}.verb", q.qualifier)
        cue = next((m for m in self.right if m.kind == "METRIC" and m.id in ("advancers", "decliners") and m.start - q.end <= 2), None)
        if cue is None:
            before = self.last({"METRIC"}, self.local)
            if before is not None and before.id in ("advancers", "decliners") and re.fullmatch(r"\s*:?\s*", self.text[before.end : q.start]):
                cue = before
        if cue is None:
            return None
        return Candidate(q, cue.id, self._count_subject(), None, None, int(q.value), "count", f"{cue.id}.count", q.qualifier)

    def _count_subject(self) -> str:
        return self.r.breadth_subject(self.local, self.clause, self.row_subject)


@lru_cache(maxsize=1)
def count_nouns() -> dict[str, str]:
    """Counted nouns that make a count a breadth figure (metrics.jsonl)."""
    return {
        obj["pattern"].lower(): obj["id"]
        for _, obj in read_jsonl("metrics.jsonl", required=("pattern", "id"))
        if obj["id"] in ("advancers", "decliners") and isinstance(obj["pattern"], str)
    }


def breadth_pair(reader: Reader, clause: list[Mention]) -> list[Candidate]:
    """Market breadth written as a pair: "1,203 stocks rose and 436 fell",
    "gainers outnumbering losers 612 to 287"."""
    numbers = [m for m in clause if is_count(m)]
    if len(numbers) != 2 or any(m.kind == "BLOCK" and m.id in ("subset", "ratio_margin") for m in clause):
        return []  # "out of the top 30", "by a four to three margin": no count of the market
    first, second = numbers
    text = reader.text
    order = _pair_by_cues(text, clause, first, second) or _pair_by_nouns(numbers) or _pair_by_verbs(text, first, second)
    if not order:
        return []
    since = max((m.end for m in clause if m.kind == "QTY" and m.end <= first.start), default=0)
    subject = reader.breadth_subject([m for m in clause if since <= m.start and m.end <= first.start], clause, None)
    return [
        Candidate(m.quantity, metric, subject, None, None, int(m.quantity.value), "count", f"{metric}.pair", m.quantity.qualifier)
        for m, metric in zip(numbers, order)
    ]


def is_count(m: Mention, *, shares: bool = False) -> bool:
    """A figure that can count stocks: whole, unsigned, with no unit (or
    "shares" where the caller allows it)."""
    units = (None, "count", "shares") if shares else (None, "count")
    q = m.quantity
    return m.kind == "QTY" and q.unit in units and q.sign is None and float(q.value).is_integer()


def breadth_across_clauses(reader: Reader, clauses: list[tuple[list[Mention], int, int]]) -> list[Candidate]:
    """"301 shares advanced, while 583 declined": a breadth pair split by
    the clause break between its halves; ``clauses`` are (mentions, start,
    end) in text order."""
    out: list[Candidate] = []
    for (first_clause, _, _), (second_clause, second_start, _) in zip(clauses, clauses[1:]):
        firsts = [m for m in first_clause if is_count(m, shares=True)]
        seconds = [m for m in second_clause if is_count(m, shares=True)]
        if not firsts or len(seconds) != 1 or not _CONTRAST.match(reader.text, second_start):
            continue
        first, second = firsts[-1], seconds[0]
        order = _pair_by_verbs(reader.text, first, second)
        if not order:
            continue
        # "Of the total 932 traded issues": a count of all issues, not a market-wide subject.
        named = [m for m in first_clause if not (m.kind == "MARKETWIDE" and reader.text[m.start : m.end].lower() == "total")]
        subject = reader.breadth_subject([m for m in named if m.end <= first.start], named, None)
        for m, metric in zip((first, second), order):
            out.append(Candidate(m.quantity, metric, subject, None, None, int(m.quantity.value), "count", f"{metric}.pair", m.quantity.qualifier))
    return out


def _pair_by_cues(text: str, clause: list[Mention], first: Mention, second: Mention) -> list[str] | None:
    """"gainers outnumbering losers 612 to 287": two cues, then the pair."""
    gap = text[first.end : second.start]
    cues = [m for m in clause if m.kind == "METRIC" and m.id in ("advancers", "decliners") and m.end <= first.start]
    if len(cues) == 2 and cues[0].id != cues[1].id and re.fullmatch(r"\s*(?:to|vs\.?|versus|against|-|:)\s*", gap):
        return [cues[0].id, cues[1].id]
    return None


def _pair_by_nouns(numbers: list[Mention]) -> list[str] | None:
    """"612 advancers and 287 decliners": each count names what it counts."""
    nouns = count_nouns()
    named = [nouns.get(re.sub(r"^[\d,.\s]+", "", m.quantity.text).lower()) for m in numbers]
    if all(named) and named[0] != named[1]:
        return named
    return None


def _pair_by_verbs(text: str, first: Mention, second: Mention) -> list[str] | None:
    """"1,203 stocks rose and 436 fell": a verb after each count, opposite ways."""
    a = _BREADTH_WORD.match(text, first.end, first.end + 25)
    b = _BREADTH_WORD.match(text, second.end, second.end + 12)
    counted = first.quantity.unit != "count" or re.search(r"stocks|issues|companies|names", first.quantity.text)
    if not (a and b and counted):
        return None
    order = ["advancers" if m.group(1).lower() in _RISE_WORDS else "decliners" for m in (a, b)]
    if order[0] == order[1]:
        return None
    return order
