"""The relevance gate: can this archive record carry a fact at all?

A news archive (a CC-NEWS WARC, a newspaper's JSON-lines export) holds every
story of the day; perhaps one in a hundred is about the Korean stock market.
The gate looks at a record's raw bytes, before the HTML is parsed or a word
is tokenized, and lets through only those that name something a fact of
FACTS.md can be about:

1. an **anchor**: a market or index name (KOSPI, KOSDAQ, Korea Exchange),
   the won's signs, a Korean market word (코스피, 증시, 공매도): passes on sight;
2. a **cue** confirmed by its context: "won" as the currency ("3.2 trillion
   won", "the won", "won per dollar"), "Korea" or "Seoul" within a few
   words of a market word, "KRX" as a word of its own;
3. a **KRX-listed company** by one of its names in companies.jsonl, as a
   word of its own in the alias's case or in capitals, with a stock-market
   word ("shares", "stock", "securities") beside it: a company's figure
   stands by its name, while a name alone is as often a car, a phone or a
   pop label (and "sales rose 5%" is no share price).

A fact needs a subject (an index, the won, a listed company), so a record
with none of these cannot yield one. Generic phrases the extractor reads as
the KOSPI in a Korean article ("the main bourse", "the exchange rate") do
not pass a record alone: without one of the above, they are some other
country's bourse. The vocabulary is data, in patterns/relevance.jsonl.

Cost: every term and every company name is looked for in one pass each
with RE2 (google-re2: a DFA, linear in the record, whatever the number of
names), about 0.1 ms for a 30 KB page; Python's regular expressions would
take 2-3 ms, scanning the page once per term. A cue's confirmation runs on
the few hundred bytes around each place the cue word stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..errors import PatternError
from ..rules import read_jsonl

PATTERN_FILE = "relevance.jsonl"
_LEGAL_SUFFIX = re.compile(rb"[\s,.]*(?:co|corp|corporation|inc|ltd|limited)(?![a-z])")


@dataclass(frozen=True)
class _Cue:
    term: bytes
    confirm: re.Pattern


@dataclass(frozen=True)
class _Name:
    """One company alias as the gate looks for it."""

    label: str
    suffixed: bool = False  # a group's name ("LG", "Union"): the company only with "Corp.", "Co." after it


#: Bytes on each side of a cue word that its confirmation looks at: more
#: than the longest confirmation needs ("Korea" 80 characters from "shares").
CUE_WINDOW = 120


class Gate:
    """Tells records that may carry a fact from the rest; see the module doc."""

    def __init__(self, anchors: list[bytes], cues: list[_Cue], names: dict[bytes, list[_Name]], context: re.Pattern, window: int):
        import re2  # google-re2

        options = re2.Options()
        options.encoding = re2.Options.Encoding.LATIN1  # bytes as they come: UTF-8, EUC-KR, anything
        options.max_mem = 256 << 20
        self.context = context
        self.window = window
        self.names = names
        self.cue_of: dict[bytes, _Cue | None] = {}  # term -> its cue; None for an anchor
        terms = []
        for anchor in sorted(set(anchors), key=len, reverse=True):  # "korea exchange" before the cue "korea"
            self.cue_of[anchor] = None
            terms.append(re.escape(anchor))
        for cue in cues:
            self.cue_of.setdefault(cue.term, cue)
            terms.append(re.escape(cue.term))
        self.terms = re2.compile(b"|".join(terms), options)
        spellings = sorted(names, key=len, reverse=True)
        pattern = rb"\b(?:" + b"|".join(re.escape(n) for n in spellings) + rb")\b" if spellings else rb"[^\x00-\xff]"
        self.companies = re2.compile(pattern, options)

    def reason(self, record: bytes | str) -> str | None:
        """Why ``record`` may carry a fact ("anchor kospi", "company Samsung
        Electronics"), or None when it cannot."""
        data = record.encode("utf-8", "replace") if isinstance(record, str) else record
        low = data.lower()
        cues = []
        for m in self.terms.finditer(low):
            cue = self.cue_of[m.group(0)]
            if cue is None:
                return f"anchor {m.group(0).decode('utf-8', 'replace')}"
            cues.append((cue, m.start(), m.end()))
        for cue, start, end in cues:
            if cue.confirm.search(low, max(0, start - CUE_WINDOW), end + CUE_WINDOW):
                return f"cue {cue.term.decode()}"
        return self._company(low, data)

    def relevant(self, record: bytes | str) -> bool:
        return self.reason(record) is not None

    def _company(self, low: bytes, data: bytes) -> str | None:
        """A company name, cased as written in the gazetteer or in capitals, with a market word beside it."""
        for m in self.companies.finditer(data):
            start, end = m.start(), m.end()
            for name in self.names[m.group(0)]:
                if name.suffixed and not _LEGAL_SUFFIX.match(low, end):
                    continue
                if self.context.search(low, max(0, start - self.window), end + self.window):
                    return f"company {name.label}"
        return None


def _encodings(term: str) -> list[bytes]:
    """The term in UTF-8, and in EUC-KR when it is Korean script."""
    from ..companies import HANGUL_RE

    forms = [term.lower().encode("utf-8")]
    if HANGUL_RE.search(term):
        try:
            forms.append(term.encode("euc-kr"))
        except UnicodeEncodeError:
            pass
    return forms


def load_gate(path: str | None = None, gazetteer=None) -> Gate:
    """The gate from ``path`` (default patterns/relevance.jsonl) and the company gazetteer."""
    from ..companies import HANGUL_RE, default_gazetteer

    name = path or PATTERN_FILE
    anchors: list[bytes] = []
    cues: list[_Cue] = []
    context_words: list[str] = []
    window = 200
    for lineno, obj in read_jsonl(name, required=("kind",)):
        kind = obj["kind"]
        try:
            if kind == "anchor":
                anchors.extend(_encodings(obj["term"]))
            elif kind == "cue":
                confirm = re.compile("|".join(f"(?:{c})" for c in obj["confirm"]).encode("utf-8"), re.S)
                cues.append(_Cue(obj["term"].lower().encode("utf-8"), confirm))
            elif kind == "company_context":
                context_words.extend(obj["words"])
                window = int(obj.get("window", window))
            else:
                raise PatternError(str(name), lineno, f"unknown kind {kind!r} (anchor, cue or company_context)")
        except (KeyError, TypeError, ValueError, re.error) as e:
            raise PatternError(str(name), lineno, f"bad {kind} line: {e}") from e
    words = "|".join(re.escape(w.lower()) for w in sorted(context_words, key=len, reverse=True))
    context = re.compile(rf"(?<![a-z0-9])(?:{words})(?![a-z])".encode("utf-8") if words else rb"(?!)")
    names: dict[bytes, list[_Name]] = {}
    for company in gazetteer or default_gazetteer():
        for alias in company.aliases:
            if HANGUL_RE.search(alias) or not alias.strip():
                continue  # Korean script: the Korean anchors cover Korean pages
            name = _Name(company.name, alias in company.suffixed_aliases)
            for spelling in {alias, alias.upper()}:
                names.setdefault(spelling.encode("utf-8"), []).append(name)
    return Gate(anchors, cues, names, context, window)


@lru_cache(maxsize=1)
def default_gate() -> Gate:
    """The shipped gate, built once per process."""
    return load_gate()


__all__ = ["Gate", "default_gate", "load_gate"]
