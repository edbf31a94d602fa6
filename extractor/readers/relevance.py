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
   word of its own in the alias's case or in capitals, with a market word
   ("shares", "%", "securities") beside it: a company's figure stands by
   its name, while a name alone is as often a car, a phone or a pop label.

A fact needs a subject (an index, the won, a listed company), so a record
with none of these cannot yield one. Generic phrases the extractor reads as
the KOSPI in a Korean article ("the main bourse", "the exchange rate") do
not pass a record alone: without one of the above, they are some other
country's bourse. The vocabulary is data, in patterns/relevance.jsonl.

Cost: a lower-cased copy of the record and a few substring searches (a few
microseconds on a 30 KB page); the company search (a set of the record's
words, intersected with the names' key words) runs only on records no
anchor or cue has passed, and costs about as much as reading the record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..errors import PatternError
from ..rules import read_jsonl

PATTERN_FILE = "relevance.jsonl"
#: ASCII letters and digits lower-cased, every other ASCII byte a space,
#: bytes of UTF-8 and EUC-KR sequences kept: ``split()`` then gives words.
_WORDS = bytes(
    (c + 32 if 65 <= c <= 90 else c) if (c < 128 and chr(c).isalnum()) or c >= 128 else 32 for c in range(256)
)
_ALNUM = frozenset(range(48, 58)) | frozenset(range(97, 123)) | frozenset(range(65, 91))
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_LEGAL_SUFFIX = re.compile(rb"[\s,.]*(?:co|corp|corporation|inc|ltd|limited)(?![a-z])")


@dataclass(frozen=True)
class _Cue:
    term: bytes
    confirm: re.Pattern


@dataclass(frozen=True)
class _Name:
    """One company alias as the gate looks for it."""

    label: str
    lower: bytes
    exact: bytes
    upper: bytes
    words: frozenset[bytes]
    suffixed: bool = False  # a group's name ("LG", "Union"): the company only with "Corp.", "Co." after it


class Gate:
    """Tells records that may carry a fact from the rest; see the module doc."""

    def __init__(self, anchors: list[bytes], cues: list[_Cue], names: list[_Name], context: re.Pattern, window: int):
        self.anchors = tuple(anchors)
        self.cues = tuple(cues)
        self.context = context
        self.window = window
        self.by_key: dict[bytes, list[_Name]] = {}
        for name in names:
            # The longest word of a name is the rarest, as a rule: the name is
            # looked for only in records that hold that word.
            key = max(name.words, key=len)
            self.by_key.setdefault(key, []).append(name)
        self.keys = frozenset(self.by_key)

    def reason(self, record: bytes | str) -> str | None:
        """Why ``record`` may carry a fact ("anchor kospi", "company Samsung
        Electronics"), or None when it cannot."""
        data = record.encode("utf-8", "replace") if isinstance(record, str) else record
        low = data.lower()
        for anchor in self.anchors:
            if anchor in low:
                return f"anchor {anchor.decode('utf-8', 'replace')}"
        for cue in self.cues:
            if cue.term in low and cue.confirm.search(low):
                return f"cue {cue.term.decode()}"
        return self._company(data, low)

    def relevant(self, record: bytes | str) -> bool:
        return self.reason(record) is not None

    def _company(self, data: bytes, low: bytes) -> str | None:
        words = set(low.translate(_WORDS).split())
        for key in self.keys.intersection(words):
            for name in self.by_key[key]:
                if name.words <= words and self._written(name, data, low):
                    return f"company {name.label}"
        return None

    def _written(self, name: _Name, data: bytes, low: bytes) -> bool:
        """Is the name in the record as a word of its own, cased as the extractor reads it?"""
        size = len(name.lower)
        at = low.find(name.lower)
        while at >= 0:
            end = at + size
            edges = (at == 0 or low[at - 1] not in _ALNUM) and (end == len(low) or low[end] not in _ALNUM)
            if edges and data[at:end] in (name.exact, name.upper) and (not name.suffixed or _LEGAL_SUFFIX.match(low, end)):
                if self.context.search(low, max(0, at - self.window), end + self.window):
                    return True
            at = low.find(name.lower, at + 1)
        return False


def _encodings(term: str) -> list[bytes]:
    """The term in UTF-8, and in EUC-KR when it is Korean script."""
    forms = [term.lower().encode("utf-8")]
    if _HANGUL.search(term):
        try:
            forms.append(term.encode("euc-kr"))
        except UnicodeEncodeError:
            pass
    return forms


def load_gate(path: str | None = None, gazetteer=None) -> Gate:
    """The gate from ``path`` (default patterns/relevance.jsonl) and the company gazetteer."""
    from ..companies import default_gazetteer

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
            if isinstance(e, PatternError):
                raise
            raise PatternError(str(name), lineno, f"bad {kind} line: {e}") from e
    words = "|".join(re.escape(w.lower()) for w in sorted(context_words, key=len, reverse=True))
    context = re.compile(rf"(?<![a-z0-9])(?:{words})(?![a-z])".encode("utf-8") if words else rb"(?!)")
    names: list[_Name] = []
    for company in gazetteer or default_gazetteer():
        for alias in company.aliases:
            if _HANGUL.search(alias):
                continue  # Korean script: the Korean anchors cover Korean pages
            lower = alias.lower().encode("utf-8")
            tokens = frozenset(lower.translate(_WORDS).split())
            if not tokens:
                continue
            suffixed = alias in company.suffixed_aliases
            names.append(_Name(company.name, lower, alias.encode("utf-8"), alias.upper().encode("utf-8"), tokens, suffixed))
    return Gate(anchors, cues, names, context, window)


@lru_cache(maxsize=1)
def default_gate() -> Gate:
    """The shipped gate, built once per process."""
    return load_gate()


__all__ = ["Gate", "default_gate", "load_gate"]
