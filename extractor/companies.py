"""The company gazetteer: every KRX-listed stock and the names English news uses for it.

Where the data comes from and goes::

    shared/data/krx_companies.csv ──┐
    shared/data/dart_corp_eng_names ├─ scripts/build_companies.py ─▶ patterns/companies.jsonl
    patterns/company_aliases.jsonl ─┘        (build_gazetteer)            (load_gazetteer)

    KRX portal CSV / KIND .xls ── import_listing ──▶ refreshed companies (``marketfacts companies import``)

A company has one canonical English name, the subject of its facts, and
aliases. Aliases are kept without legal suffixes ("Co., Ltd."); matching
(extractor.nlp.companies, :func:`lookup`) ignores case and suffixes, so
``SK Hynix``, ``SK HYNIX`` and ``SK hynix Inc.`` are one alias.

Canonical name, first that applies:
  1. a ``name`` line of patterns/company_aliases.jsonl, where the press
     spells a name differently from every source ("Ecopro BM", not
     bluedino's "EcoPro BM") or a source is wrong;
  2. the news-style name (``name_en_news``) as written ("LG Corp");
  3. the DART English name without its legal suffix, re-cased when DART
     writes it in capitals: from another source spelling the same words in
     mixed case ("HD Hyundai Heavy Industries"), else word by word as the
     listing's mixed-case names write each word ("ECOPRO" -> "Ecopro"),
     else capitalized, words of up to three letters kept upper ("L&F").
  Preferred shares are named after their common stock: "Samsung Electronics
  Pref.", "Hyundai Motor 2nd Pref. B" (from 우 / 2우B in the Korean name).

When two companies claim one alias, the claim from the better source wins
(hand file > canonical name > current names: news, DART, KRX, Korean >
Yahoo 2024 > investing.com 2022; a derived variant ranks just below its
source). A tie drops the alias for both and records it as ambiguous, so
:func:`search` can still list the candidates. Yahoo and investing.com names
can be stale: a SPAC's code, taken over by the company it merged with,
still carries the SPAC's name there. Such a name is kept only when it shares
a distinctive word with the company's current names.

How strict a match must be is a property of each alias (:func:`alias_rule`).
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from .errors import PatternError, ReadError
from .rules import pattern_dir, read_jsonl

GAZETTEER_FILE = "companies.jsonl"
HAND_FILE = "company_aliases.jsonl"
MARKETS = ("KOSPI", "KOSDAQ", "KONEX")

# What a match of an alias needs (alias_rule): how the words are cased ...
ANY_CASE = "any"
UPPER = "upper"
CAPITALIZED = "capitalized"
# ... and what else the text must show.
NOTHING = "nothing"
SUFFIX = "suffix"
CONTEXT = "context"
WORD = "word"

# KRX short codes: four digits, then two digits or capitals ("005930", "0126Z0", "00680K").
_CODE_RE = re.compile(r"\d{4}[0-9A-Z]{2}")
_HANGUL_RE = re.compile(r"[\uac00-\ud7a3]")


# ── data types ────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Company:
    """One listed stock: six-character code, canonical English name, aliases.

    ``aliases`` holds every name the matcher knows, without legal suffix,
    the canonical name's first. The three sets say which aliases need more
    evidence than capitals (see :func:`alias_rule`). A preferred share has
    ``common_code``, the code of its common stock.
    """

    code: str
    name: str
    name_ko: str
    market: str
    aliases: tuple[str, ...]
    suffixed_aliases: frozenset[str] = frozenset()
    word_aliases: frozenset[str] = frozenset()
    context_aliases: frozenset[str] = frozenset()
    common_code: str | None = None

    @property
    def is_preferred(self) -> bool:
        return self.common_code is not None

    def to_json(self) -> dict:
        obj = {"code": self.code, "name": self.name, "name_ko": self.name_ko, "market": self.market}
        if self.common_code:
            obj["common_code"] = self.common_code
        obj["aliases"] = list(self.aliases)
        for key, subset in (("suffixed", self.suffixed_aliases), ("word", self.word_aliases),
                            ("context", self.context_aliases)):
            if subset:
                obj[key] = [a for a in self.aliases if a in subset]
        return obj

    @classmethod
    def from_json(cls, obj: dict) -> Company:
        return cls(
            code=obj["code"],
            name=obj["name"],
            name_ko=obj.get("name_ko", ""),
            market=obj["market"],
            aliases=tuple(obj["aliases"]),
            suffixed_aliases=frozenset(obj.get("suffixed", ())),
            word_aliases=frozenset(obj.get("word", ())),
            context_aliases=frozenset(obj.get("context", ())),
            common_code=obj.get("common_code"),
        )


class Rule(NamedTuple):
    """What a match of an alias in running text needs (see alias_rule)."""

    case: str   # ANY_CASE, UPPER or CAPITALIZED
    needs: str  # NOTHING, SUFFIX, CONTEXT or WORD


def alias_rule(alias: str, company: Company) -> Rule:
    """How a mention must be written for ``alias`` to count as the company.

    Case: Korean script, or an alias that is itself lower case ("iCRAFT"),
    matches in any case; a short acronym ("VT", "SKC") only in capitals;
    any other alias with each word capitalized as the alias has it.

    Needs, beyond the case:
      SUFFIX   a legal suffix written after it: "LG Corp.", "Hyundai Corp.",
               "TP Inc." (bare, these name a business group or nothing)
      CONTEXT  a price, percent or market word beside it ("SEC", "DB")
      WORD     for a common English word ("Orion", "Dual"): not opening a
               sentence and no capitalized word beside it ("European
               Union"), or else market context
      NOTHING  everything else
    """
    if alias in company.suffixed_aliases:
        needs = SUFFIX
    elif alias in company.context_aliases:
        needs = CONTEXT
    elif alias in company.word_aliases:
        needs = WORD
    else:
        needs = NOTHING
    return Rule(alias_case(alias), needs)


def alias_case(alias: str) -> str:
    """ANY_CASE, UPPER or CAPITALIZED: see alias_rule."""
    first = next((ch for ch in alias if ch.isalpha()), "")
    if _HANGUL_RE.search(alias) or not first.isascii() or first.islower():
        return ANY_CASE
    if " " not in alias and re.fullmatch(r"[A-Z0-9&]+", alias) and sum(ch.isalpha() for ch in alias) <= 4:
        return UPPER
    return CAPITALIZED


class SearchHit(NamedTuple):
    """One answer of :func:`search`: what a name resolves to, and how well it fits."""

    name: str
    ticker: str
    market: str
    alias: str
    score: float


@dataclass(frozen=True)
class RowError:
    """A listing row that was rejected: file, line number and what is wrong."""

    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}"


@dataclass(frozen=True)
class ListingRow:
    """One validated row of a listing file, before its names become aliases.

    ``names_en`` is (source, name) pairs, best source first; the source
    decides how far the name is trusted (``SOURCE_TIER``).
    """

    code: str
    market: str
    name_ko: str
    names_en: tuple[tuple[str, str], ...] = ()
    names_ko: tuple[str, ...] = ()
    line: int = 0

    @property
    def is_preferred(self) -> bool:
        return not self.code.endswith("0")

    @property
    def common_code(self) -> str | None:
        return self.code[:5] + "0" if self.is_preferred else None


# ── name normalization ────────────────────────────────────────────────────────

_LEGAL_WORDS = r"co|corp|inc|ltd|llc|plc|limited|company|corporation|incorporated|incorporation"
_LEGAL_TAIL = re.compile(rf"[\s,.]*\b({_LEGAL_WORDS})\b\.?[\s,.]*$", re.IGNORECASE)
# DART sometimes glues the suffix on: "TOVISCo.,Ltd.", "SewonCorporation", "BRIDGETECCorp.".
# A bare glued "Co" is left alone: "KoMiCo" is a name, not "KoMi Co."
_GLUED_TAIL = re.compile(
    r"(?<=[a-zA-Z])((?i:co)\.?\s*,?\s*\.?\s*(?i:ltd))\.?$"
    r"|(?<=[a-zA-Z])(Corporation|Corp|Company|CompanyLimited|Incorporated|Inc)\.?$"
    r"|(?<=[A-Z])(CORPORATION|INC)\.?$"
)
_KOREAN_LEGAL = re.compile(r"^\s*(?:\(주\)|㈜|주식회사)\s*|\s*(?:\(주\)|㈜|주식회사)\s*$")
# How a canonical name writes the legal word it keeps ("Hyundai Corporation").
_SUFFIX_STYLE = {"co": "Co.", "corp": "Corp.", "inc": "Inc.", "ltd": "Ltd.", "incorporated": "Inc.",
                 "incorporation": "Inc.", "companylimited": "Company"}


def alias_key(text: str) -> str:
    """The form all spellings of one name share: casefolded words and marks.

    ``SK Hynix`` and ``SK hynix`` share a key; ``Electro-Mechanics`` keeps its
    hyphen as a mark of its own (``electro - mechanics``), as spaCy's
    tokenizer does.
    """
    text = unicodedata.normalize("NFKC", text).casefold().replace("’", "'").replace("‘", "'")
    return " ".join(re.findall(r"[^\W_]+|[^\w\s]", text))


def split_legal_suffix(name: str) -> tuple[str, str]:
    """(name without legal suffix, the suffix's first word or "").

    ``"SAMSUNG ELECTRONICS CO,.LTD"`` -> ``("SAMSUNG ELECTRONICS", "CO")``;
    a name that is nothing but a suffix is kept whole.
    """
    name = unicodedata.normalize("NFKC", name or "")
    name = re.sub(r"\s+", " ", name).strip()
    name = re.sub(r"(?<=\w) - (?=\w)", "-", name)  # Yahoo's "Lotte Non - Life"
    base, suffix = name, ""
    while True:
        m = _GLUED_TAIL.search(base) or _LEGAL_TAIL.search(base)
        if not m or m.start() == 0 or base[: m.start()].rstrip().endswith("&"):
            break  # "AGABANG&COMPANY": "& Company" is part of the name
        base = base[: m.start()]
        suffix = re.match(r"[A-Za-z]+", next(g for g in m.groups() if g))[0]
    base = base.strip(" ,.'’")  # investing.com cuts names short: "Chin Hung Int'"
    return (base, suffix) if base else (name, "")


def clean_name(name: str) -> str:
    """An English company name without legal suffix and stray spacing."""
    return split_legal_suffix(name)[0]


def clean_korean(name: str) -> str:
    """A Korean company name without 주식회사 / (주)."""
    return _KOREAN_LEGAL.sub("", unicodedata.normalize("NFKC", name or "")).strip()


def strip_possessive(text: str) -> str:
    """``SK hynix's`` -> ``SK hynix``; ``Samsung Electronics’`` -> ``Samsung Electronics``."""
    return re.sub(r"['’]s?\s*$", "", (text or "").strip())


def preferred_label(name_ko: str) -> str:
    """English label of a preferred class, from its Korean short name.

    삼성전자우 -> ``Pref.``; 현대차2우B -> ``2nd Pref. B``; CJ4우(전환) ->
    ``4th Pref. (Conv.)``.
    """
    m = re.search(r"(\d)?우([A-Z])?(\(전환\))?\s*$", name_ko or "")
    if not m:
        return "Pref."
    ordinal = {"1": "1st", "2": "2nd", "3": "3rd"}.get(m[1], f"{m[1]}th") if m[1] else None
    return " ".join(p for p in (ordinal, "Pref.", m[2], "(Conv.)" if m[3] else None) if p)


def _casing_table(names: Iterable[str]) -> dict[str, str]:
    """How the listing's mixed-case names spell each word: ``ecopro`` -> ``EcoPro``."""
    seen: dict[str, Counter] = defaultdict(Counter)
    for name in names:
        if name.isupper() or name.islower():
            continue  # a name in one case says nothing about how a word is cased
        for word in re.findall(r"[A-Za-z]+", name):
            seen[word.lower()][word] += 1
    return {w: forms.most_common(1)[0][0] for w, forms in seen.items()}


def recase(name: str, donors: Iterable[str] = (), casing: dict[str, str] | None = None) -> str:
    """A readable spelling of a name DART writes in capitals or without spaces.

    A long name without spaces takes a donor's (another source's spelling of
    the same letters) spacing. A name in mixed case is the company's own
    styling and is kept. Otherwise a donor in mixed case with the same words
    wins; else each word is cased as ``casing`` says, else capitalized,
    words of up to three letters kept in capitals ("HD", "L&F").
    """
    flat = re.sub(r"[\W_]", "", name).casefold()
    if " " not in name and len(flat) > 8:
        # DART glues words together ("HanilForgingIndustrial"): a donor with
        # the same letters shows where the spaces go.
        for donor in donors:
            if " " in donor and not donor.isupper() and re.sub(r"[\W_]", "", donor).casefold() == flat:
                return donor
    if not name.isupper():
        return name
    key = alias_key(name)
    for donor in donors:
        if not donor.isupper() and alias_key(donor) == key:
            return donor
    casing = casing or {}

    def word(m: re.Match) -> str:
        w = m[0]
        return casing.get(w.lower()) or (w if len(w) <= 3 else w.capitalize())

    return re.sub(r"[A-Za-z]+", word, name)


# ── the hand-kept alias file ──────────────────────────────────────────────────


@dataclass
class HandAliases:
    """patterns/company_aliases.jsonl: what the listing cannot tell.

    Line kinds: ``{"code", "alias"}`` adds an alias; ``{"code", "name"}``
    sets the canonical name; ``{"not_company"}`` is a name that must never
    resolve to a company (an index, a regulator, an unlisted subsidiary, a
    business group); ``{"common_words": [...]}`` are English words and
    given names that ordinary prose capitalizes; ``{"context_only": [...]}``
    are aliases that need a price, percent or market word beside them.
    """

    aliases: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    names: dict[str, str] = field(default_factory=dict)
    not_companies: list[str] = field(default_factory=list)
    common_words: set[str] = field(default_factory=set)
    context_only: set[str] = field(default_factory=set)
    lines: dict[str, int] = field(default_factory=dict)  # code -> first line naming it


def load_hand_aliases(path: str | Path = HAND_FILE) -> HandAliases:
    hand = HandAliases()
    label = Path(path).name
    for lineno, obj in read_jsonl(path):
        if "code" in obj:
            code = obj["code"]
            if not isinstance(code, str) or not _CODE_RE.fullmatch(code):
                raise PatternError(label, lineno, f"code {code!r} is not a six-character KRX code")
            hand.lines.setdefault(code, lineno)
            if "alias" in obj:
                hand.aliases[code].append(_hand_text(obj["alias"], label, lineno))
            elif "name" in obj:
                hand.names[code] = _hand_text(obj["name"], label, lineno)
            else:
                raise PatternError(label, lineno, "a code line needs 'alias' or 'name'")
        elif "not_company" in obj:
            hand.not_companies.append(_hand_text(obj["not_company"], label, lineno))
        elif "common_words" in obj or "context_only" in obj:
            for kind in ("common_words", "context_only"):
                words = obj.get(kind, [])
                if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                    raise PatternError(label, lineno, f"'{kind}' must be a list of strings")
                getattr(hand, kind).update(alias_key(w) for w in words)
        else:
            raise PatternError(label, lineno, "expected code, not_company, common_words or context_only")
    return hand


def _hand_text(value, label: str, lineno: int) -> str:
    if not isinstance(value, str) or not value.strip():
        raise PatternError(label, lineno, f"expected a non-empty string, got {value!r}")
    return value.strip()


# ── the gazetteer ─────────────────────────────────────────────────────────────


@dataclass
class Gazetteer:
    """Companies by code, and an index from alias key to code.

    ``not_companies`` are names that resolve to nothing; ``ambiguous`` maps
    an alias key that several companies claim equally to their codes.
    """

    companies: dict[str, Company]
    not_companies: tuple[str, ...] = ()
    ambiguous: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self):
        self.index: dict[str, str] = {}
        self.suffixed_keys: set[str] = set()
        for company in self.companies.values():
            for alias in company.aliases:
                self.index[alias_key(alias)] = company.code
            self.suffixed_keys.update(alias_key(a) for a in company.suffixed_aliases)
        self.blocked_keys = {alias_key(n) for n in self.not_companies}

    def __len__(self) -> int:
        return len(self.companies)

    def __iter__(self) -> Iterator[Company]:
        return iter(self.companies.values())

    @property
    def alias_count(self) -> int:
        return sum(len(c.aliases) for c in self.companies.values())

    def lookup(self, name: str) -> Company | None:
        """The company an exact name, alias or code denotes, or None.

        Case, a legal suffix and a possessive do not matter. Of the matcher's
        rules only SUFFIX applies ("LG" is None, "LG Corp." is LG Corp):
        the caller, e.g. a table whose first column names stocks, vouches
        for the rest.
        """
        base, suffix = split_legal_suffix(strip_possessive(name))
        if _CODE_RE.fullmatch(base):
            return self.companies.get(base)
        key = alias_key(base)
        code = self.index.get(key)
        if code is None:
            return None
        if key in self.suffixed_keys:
            return self.companies[code] if suffix else None
        return None if key in self.blocked_keys else self.companies[code]

    def search(self, text: str, limit: int = 10) -> list[SearchHit]:
        """What a name resolves to: exact answers first, then close spellings.

        Score 1.0 is an exact alias or code (what :meth:`lookup` returns);
        0.9 an alias that needs a legal suffix the text lacks ("LG" for LG
        Corp); 0.5 each company sharing an ambiguous alias; other aliases
        score by similarity, below 0.9, the first words of a longer name
        ("Samsung") above misspellings. A not-a-company name ("KOSPI")
        gets no similar names. One hit per company, best first.
        """
        text = strip_possessive(text)
        if not text:
            return []
        best: dict[str, SearchHit] = {}

        def offer(code: str, alias: str, score: float) -> None:
            company = self.companies[code]
            if code not in best or score > best[code].score:
                best[code] = SearchHit(company.name, code, company.market, alias, round(score, 3))

        key = alias_key(clean_name(text))
        exact = self.lookup(text)
        if exact:
            offer(exact.code, _alias_for_key(exact, key), 1.0)
        elif key in self.index:
            code = self.index[key]
            offer(code, _alias_for_key(self.companies[code], key), 0.9)
        for code in self.ambiguous.get(key, ()):
            offer(code, text, 0.5)
        if key not in self.blocked_keys:  # "KOSPI" names no company, not even a similar one
            for code, alias, score in self._similar(key):
                offer(code, alias, score)
        return sorted(best.values(), key=lambda h: (-h.score, h.name))[:limit]

    def _similar(self, key: str, cutoff: float = 0.6) -> Iterator[tuple[str, str, float]]:
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(key)
        for company in self.companies.values():
            for alias in company.aliases:
                other = alias_key(alias)
                if other == key:
                    continue
                # The first words of a longer name ("Samsung" of "Samsung SDI")
                # beat a misspelling ("Gamsung"), however long the name.
                prefix = 0.75 + 0.14 * len(key) / len(other) if other.startswith(key + " ") else 0.0
                matcher.set_seq1(other)
                if not prefix and matcher.real_quick_ratio() < cutoff:
                    continue
                score = max(prefix, 0.89 * matcher.ratio())
                if score >= cutoff:
                    yield company.code, alias, score


def _alias_for_key(company: Company, key: str) -> str:
    return next((a for a in company.aliases if alias_key(a) == key), company.name)


# ── building: listing rows -> companies with resolved aliases ─────────────────

# Lower is more trusted. A derived variant ("Electro Mechanics" for
# "Electro-Mechanics", "KB Financial" for "KB Financial Group") ranks one
# below its source.
SOURCE_TIER = {
    "hand": 0,
    "canonical": 2,
    "news": 4, "dart": 4, "krx": 4, "listing": 4, "korean": 4, "known": 4,
    "yahoo": 6,
    "investing": 8,
}
STALE_SOURCES = frozenset({"yahoo", "investing"})
_DISTINCTIVE_MAX = 5  # a word in more companies' names than this identifies none
_GROUP_MIN = 3        # a first word shared by this many companies names a business group
_GROUP_WORDS = re.compile(r"\s+(?:Holdings?|Group)$", re.IGNORECASE)
_PREF_MARK = re.compile(r"\b(?:pref|preferred|pfd)\b\.?", re.IGNORECASE)


@dataclass
class _Claim:
    tier: int
    text: str
    suffixed: bool


@dataclass
class _Names:
    """What deciding one company's aliases needs to know about all of them."""

    hand: HandAliases
    known: Gazetteer | None
    word_df: Counter      # word -> number of companies whose current names hold it
    group_words: set[str]  # first words of several companies' names: hyundai, lg, hanwha
    blocked: set[str]
    casing: dict[str, str]

    def is_weak(self, name: str) -> bool:
        """A one-word name that on its own means a group, a word or nothing listed."""
        key = alias_key(name)
        return " " not in key and (
            key in self.group_words or key in self.hand.common_words or key in self.blocked
        )


def build_gazetteer(
    rows: Iterable[ListingRow], hand: HandAliases | None = None, known: Gazetteer | None = None
) -> Gazetteer:
    """Companies with canonical names and resolved aliases.

    ``known`` is an earlier gazetteer whose names and aliases are carried
    over by code (a KIND listing has no English names at all).
    """
    rows = list(rows)
    ctx = _names_context(rows, hand or HandAliases(), known)
    names = {r.code: _canonical_name(r, ctx) for r in rows if not r.is_preferred}
    for r in rows:
        if r.is_preferred:
            common = names.get(r.common_code) or _canonical_name(r, ctx)
            names[r.code] = ctx.hand.names.get(r.code) or f"{common} {preferred_label(r.name_ko)}"

    claims: dict[str, dict[str, _Claim]] = defaultdict(dict)
    for r in rows:
        for text, tier, suffixed in _candidates(r, names, ctx):
            _claim(claims, r.code, text, tier, suffixed)
    won, ambiguous = _resolve(claims, ctx.blocked)
    companies = {r.code: _company(r, names[r.code], won.get(r.code, []), ctx) for r in rows}
    return Gazetteer(dict(sorted(companies.items())), tuple(ctx.hand.not_companies), ambiguous)


def _names_context(rows: list[ListingRow], hand: HandAliases, known: Gazetteer | None) -> _Names:
    word_df: Counter = Counter()
    firsts: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if r.is_preferred:
            continue
        current = [clean_name(n) for s, n in r.names_en if s not in STALE_SOURCES]
        word_df.update({w for n in current for w in _words(n)})
        for name in current:
            if key := alias_key(name):
                firsts[key.split()[0]].add(r.code)
    group_words = {w for w, codes in firsts.items() if len(codes) >= _GROUP_MIN}
    casing = _casing_table(clean_name(n) for r in rows for _, n in r.names_en)
    blocked = {alias_key(n) for n in hand.not_companies}
    return _Names(hand, known, word_df, group_words, blocked, casing)


def _canonical_name(r: ListingRow, ctx: _Names) -> str:
    if r.code in ctx.hand.names:
        return ctx.hand.names[r.code]
    names = dict(reversed(r.names_en))  # the first name of each source
    if names.get("news"):
        return re.sub(r"\s+", " ", names["news"]).strip()
    if ctx.known and r.code in ctx.known.companies:
        return ctx.known.companies[r.code].name
    official = next((names[s] for s in ("dart", "krx", "listing") if names.get(s)), None)
    if official is None:
        return r.name_ko  # Yahoo and investing.com may name another company
    base, suffix = split_legal_suffix(official)
    donors = [clean_name(n) for _, n in r.names_en]
    name = recase(base, donors, ctx.casing)
    if suffix and ctx.is_weak(base):  # "Hyundai Corporation", not "Hyundai"
        name += " " + _SUFFIX_STYLE.get(suffix.lower(), suffix.capitalize())
    return name


def _words(name: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", name.lower())


def _candidates(r: ListingRow, names: dict[str, str], ctx: _Names) -> Iterator[tuple[str, int, bool]]:
    """Every (alias, tier, suffixed) a row offers."""
    for alias in ctx.hand.aliases.get(r.code, ()):
        yield alias, SOURCE_TIER["hand"], False
    if r.is_preferred:
        yield from _preferred_candidates(r, names[r.code], names.get(r.common_code))
        return
    yield from _offer(names[r.code], "canonical", ctx)
    if ctx.known and r.code in ctx.known.companies:
        company = ctx.known.companies[r.code]
        for alias in company.aliases:
            yield alias, SOURCE_TIER["known"], alias in company.suffixed_aliases
    current = [clean_name(n) for s, n in r.names_en if s not in STALE_SOURCES]
    for source, raw in r.names_en:
        if source in STALE_SOURCES and not _same_company(clean_name(raw), current, ctx.word_df):
            continue
        yield from _offer(raw, source, ctx)
    for ko in (r.name_ko, *r.names_ko):
        # KRX's short name is sometimes Latin, and then a group's: "LG", "SK", "TP".
        if _HANGUL_RE.search(ko) or not ctx.is_weak(ko):
            yield clean_korean(ko), SOURCE_TIER["korean"], False


def _offer(raw: str, source: str, ctx: _Names) -> Iterator[tuple[str, int, bool]]:
    """A name and the looser spellings news also uses, as (alias, tier, suffixed).

    A weak name (see _Names.is_weak) stripped of its legal suffix only counts
    with the suffix written ("Hyundai Corp."); written bare by a trusted
    source ("Ecopro", "HLB") it counts bare. A variant that is weak or only
    common words is not offered ("POSCO Holdings" gives no "POSCO": POSCO is
    a group; "The Nature Holdings" gives no "The Nature").
    """
    base, suffix = split_legal_suffix(raw)
    tier = SOURCE_TIER[source]
    weak = ctx.is_weak(base)
    if source in STALE_SOURCES and ((weak and not suffix) or base.endswith("&")):
        return  # an old bare "Hanwha" is no evidence the company goes by it; "Agabang&" is cut short
    yield base, tier, weak and bool(suffix)
    for variant in _variants(base):
        # "Hyundai Corporation Holdings" -> "Hyundai Corporation" -> "Hyundai": weak, dropped
        short = clean_name(variant)
        if not ctx.is_weak(short) and not _is_word_like(short, ctx.hand.common_words):
            yield short, tier + 1, False


def _variants(base: str) -> list[str]:
    """Looser spellings of a name that news uses.

    Camel case split ("KakaoBank" -> "Kakao Bank"), hyphen as space
    ("Samsung Electro Mechanics"), Holdings or Group dropped ("KB Financial
    Group" -> "KB Financial"), E&C for Engineering & Construction.
    """
    variants = []
    if " " not in base and re.fullmatch(r"(?:[A-Z][a-z]{2,}){2,}", base):
        variants.append(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", base))  # "KakaoBank" -> "Kakao Bank"
    if re.search(r"[A-Za-z]-[A-Za-z]", base):
        variants.append(re.sub(r"(?<=[A-Za-z])-(?=[A-Za-z])", " ", base))
    if (short := _GROUP_WORDS.sub("", base)) != base:
        variants.append(short)
    if (short := re.sub(r"(?i)\bEngineering (?:&|and) Construction\b", "E&C", base)) != base:
        variants.append(short)  # "Hyundai E&C", "GS E&C", as the press writes them
    return variants


def _preferred_candidates(r: ListingRow, canonical: str, common: str | None) -> Iterator[tuple[str, int, bool]]:
    """A preferred share's aliases: only names that say it is preferred.

    The common stock's names are never offered, so "Samsung Electronics"
    stays the common stock whatever the sources call the preferred line.
    """
    tier = SOURCE_TIER["canonical"]
    yield canonical, tier, False
    if common:
        base, label = clean_name(common), preferred_label(r.name_ko)
        # News writes "Samsung Electronics preferred shares": lower case allowed.
        for word in ("Pref", "preferred"):
            yield f"{base} {label.replace('Pref.', word)}", tier + 1, False
    for source, raw in r.names_en:
        if _PREF_MARK.search(raw):  # investing.com: "Samsung Electronics Co Pref"
            name = re.sub(r"\b(?:co|corp|inc|ltd)\.?\s+(?=pref)", "", raw, flags=re.IGNORECASE)
            yield clean_name(name), SOURCE_TIER[source], False
    yield clean_korean(r.name_ko), SOURCE_TIER["korean"], False


def _same_company(stale: str, current: list[str], word_df: Counter) -> bool:
    """Does an old (Yahoo, investing.com) name still describe this company?

    It must share a distinctive word with a current name ("Posco Chemical"
    and "POSCO Future M"), or be the same letters with the spaces taken out,
    or one start the other ("Nature Cell" and "NATURECELL", "Hanmi Semicon"
    and "Hanmi Semiconductor"). "IBKS No6 Special", the SPAC whose code
    Elensys took over, shares nothing with "Elensys" and is dropped.
    """
    words = set(_words(stale))
    flat = "".join(_words(stale))
    for name in current:
        other = "".join(_words(name))
        if flat == other:
            return True
        if any(word_df[w] <= _DISTINCTIVE_MAX and len(w) > 1 for w in words & set(_words(name))):
            return True
        if min(len(flat), len(other)) >= 4 and (flat.startswith(other) or other.startswith(flat)):
            return True
    return False


def _claim(claims, code: str, text: str, tier: int, suffixed: bool) -> None:
    text = clean_name(text)  # "Samsung Electronics Pref." is keyed and matched as "... Pref"
    key = alias_key(text)
    letters = key.replace(" ", "")
    if len(letters) < 2 or letters.isdigit():
        return  # "M", "1": not a name
    held = claims[key].get(code)
    # A better tier wins; on a tie a bare claim beats a suffixed one and the
    # spelling offered first stays.
    if held is None or tier < held.tier or (tier == held.tier and held.suffixed and not suffixed):
        claims[key][code] = _Claim(tier, text, suffixed)


def _resolve(claims, blocked: set[str]) -> tuple[dict[str, list[_Claim]], dict[str, tuple[str, ...]]]:
    """Give each alias to its single best claimant; record ties as ambiguous.

    A blocked name ("KOSPI", "TP") is nobody's alias, except with its legal
    suffix written ("TP Inc.").
    """
    won: dict[str, list[_Claim]] = defaultdict(list)
    ambiguous: dict[str, tuple[str, ...]] = {}
    for key, by_code in claims.items():
        top = min(c.tier for c in by_code.values())
        best = sorted(code for code, c in by_code.items() if c.tier == top)
        if len(best) > 1:
            ambiguous[key] = tuple(best)
        elif key not in blocked or by_code[best[0]].suffixed:
            won[best[0]].append(by_code[best[0]])
    return won, ambiguous


def _company(r: ListingRow, name: str, claims: list[_Claim], ctx: _Names) -> Company:
    first = alias_key(clean_name(name))
    claims = sorted(claims, key=lambda c: (alias_key(c.text) != first, c.tier))
    aliases = tuple(c.text for c in claims)
    suffixed = frozenset(c.text for c in claims if c.suffixed)
    words = ctx.hand.common_words
    return Company(
        code=r.code,
        name=name,
        name_ko=r.name_ko,
        market=r.market,
        aliases=aliases,
        suffixed_aliases=suffixed,
        word_aliases=frozenset(
            a for a in aliases if " " not in a and a not in suffixed and _is_word_like(a, words)
        ),
        context_aliases=frozenset(a for a in aliases if alias_key(a) in ctx.hand.context_only),
        common_code=r.common_code,
    )


def _is_word_like(alias: str, common_words: set[str]) -> bool:
    """True when every word of an alias is a common English word."""
    if any(ch.isdigit() for ch in alias):
        return False  # "4by4", "Day1": no word of prose
    words = re.findall(r"[^\W\d_]+", alias.casefold())
    return bool(words) and all(w in common_words for w in words)


# ── the gazetteer file ────────────────────────────────────────────────────────


def write_gazetteer(gazetteer: Gazetteer, path: str | Path, comment: str) -> None:
    """Write a gazetteer as JSON lines, one company a line, in code order.

    The bytes depend only on the gazetteer, so building twice writes the
    same file.
    """
    lines = [f"// {comment}"]
    lines += [_dumps(c.to_json()) for c in sorted(gazetteer, key=lambda c: c.code)]
    lines += [_dumps({"not_company": n}) for n in gazetteer.not_companies]
    lines += [_dumps({"ambiguous": k, "codes": list(v)}) for k, v in sorted(gazetteer.ambiguous.items())]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def _dumps(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def load_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """Read a gazetteer file (by default the shipped patterns/companies.jsonl)."""
    companies: dict[str, Company] = {}
    not_companies: list[str] = []
    ambiguous: dict[str, tuple[str, ...]] = {}
    name = path or GAZETTEER_FILE
    for lineno, obj in read_jsonl(name):
        try:
            if "code" in obj:
                company = Company.from_json(obj)
                if company.market not in MARKETS or not _CODE_RE.fullmatch(company.code):
                    raise ValueError(f"bad code or market {company.code!r} {company.market!r}")
                companies[company.code] = company
            elif "not_company" in obj:
                not_companies.append(obj["not_company"])
            elif "ambiguous" in obj:
                ambiguous[obj["ambiguous"]] = tuple(obj["codes"])
            else:
                raise ValueError("expected a company, not_company or ambiguous line")
        except (KeyError, TypeError, ValueError) as e:
            raise PatternError(Path(name).name, lineno, f"not a gazetteer line: {e}") from e
    return Gazetteer(companies, tuple(not_companies), ambiguous)


def default_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """The gazetteer, read once per process and path (None: the shipped one)."""
    return _cached_gazetteer(str(path) if path else None)


@lru_cache(maxsize=4)
def _cached_gazetteer(path: str | None) -> Gazetteer:
    # One cache key per file: default_gazetteer() and default_gazetteer(None) alike.
    return load_gazetteer(path)


def lookup(name: str) -> Company | None:
    """The listed company an exact name, alias or code denotes (see Gazetteer.lookup)."""
    return default_gazetteer().lookup(name)


def search(text: str, limit: int = 10) -> list[SearchHit]:
    """What a name resolves to, best first (see Gazetteer.search)."""
    return default_gazetteer().search(text, limit)


# ── importing a listing file ──────────────────────────────────────────────────

# Header spellings of each field, preferred first: ours (krx_companies.csv),
# the KRX data portal's CSV export, KIND's 상장법인목록.
_COLUMNS = {
    "code": ("code", "단축코드", "종목코드"),
    "name_ko": ("name_ko", "한글 종목약명", "종목명", "회사명", "한글 종목명"),
    "market": ("market", "시장구분", "market_segment"),
}
# English name columns and the source each stands for, best first.
_NAME_COLUMNS = (
    ("name_en_news", "news"), ("name_en_dart", "dart"), ("영문 종목약명", "krx"),
    ("영문 종목명", "krx"), ("name_en_yahoo", "yahoo"), ("name_en_investing", "investing"),
)
_MARKET_NAMES = {
    "KOSPI": "KOSPI", "유가": "KOSPI", "유가증권": "KOSPI", "유가증권시장": "KOSPI", "STK": "KOSPI",
    "KOSDAQ": "KOSDAQ", "KOSDAQ GLOBAL": "KOSDAQ", "코스닥": "KOSDAQ", "코스닥시장": "KOSDAQ", "KSQ": "KOSDAQ",
    "KONEX": "KONEX", "코넥스": "KONEX", "코넥스시장": "KONEX", "KNX": "KONEX",
}


def import_listing(path: str | Path) -> tuple[list[Company], list[RowError]]:
    """Companies from an official listing file, and the rows that were rejected.

    Reads our krx_companies.csv, the KRX data portal's CSV export and KIND's
    상장법인목록 download (an HTML table saved as .xls), in UTF-8 or CP949.
    The result is the listing's universe: a code the shipped gazetteer knows
    keeps its English name and aliases, a new code gets aliases from the
    names the file gives (its Korean name, if that is all). Raises
    ReadError when the file cannot be read or holds no listing.
    """
    rows, errors = read_listing(path)
    try:
        known, hand = default_gazetteer(), load_hand_aliases()
    except PatternError:
        known, hand = None, HandAliases()  # no shipped data: the file's names alone
    return list(build_gazetteer(rows, hand, known)), errors


def refresh_gazetteer(
    listing: str | Path, out: str | Path | None = None, *, force: bool = False
) -> tuple[Gazetteer, list[RowError]]:
    """Rebuild the gazetteer from an official listing file and write it to
    ``out`` (by default the shipped patterns/companies.jsonl, so extraction
    uses it from the next run on; stored articles can then be re-extracted).
    Nothing is written when the file holds no valid row."""
    rows, errors = read_listing(listing)
    if not rows:
        raise ReadError(str(listing), "no valid company row in the listing")
    try:
        known, hand = default_gazetteer(), load_hand_aliases()
    except PatternError:
        known, hand = None, HandAliases()
    gazetteer = build_gazetteer(rows, hand, known)
    if known is not None and not force and len(gazetteer) < len(known) // 2:
        # A partial export (one market, a filtered screen) would silently
        # forget most listed companies.
        raise ReadError(
            str(listing),
            f"holds {len(gazetteer)} companies, the gazetteer {len(known)}: refusing to shrink it by more than half (use --force)",
        )
    target = Path(out) if out else pattern_dir() / GAZETTEER_FILE
    write_gazetteer(gazetteer, target, f"KRX-listed companies, built by `marketfacts companies import` from {Path(listing).name}")
    _cached_gazetteer.cache_clear()
    return gazetteer, errors


def read_listing(path: str | Path) -> tuple[list[ListingRow], list[RowError]]:
    """The valid rows of a listing file, and an error for each other row."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ReadError(str(path), f"cannot read listing: {e.strerror or e}") from e
    text = _decode(data, str(path))
    html = re.match(r"\s*<", text) is not None
    records = _html_records(text, str(path)) if html else _csv_records(text, str(path))
    return _validate(records, str(path))


def _decode(data: bytes, source: str) -> str:
    """UTF-8 (with or without BOM), else CP949 (a superset of EUC-KR), as KRX and KIND write."""
    for encoding in ("utf-8-sig", "cp949"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReadError(source, "listing is neither UTF-8 nor CP949 (EUC-KR) text")


def _csv_records(text: str, source: str) -> Iterator[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames:
        raise ReadError(source, "listing is empty")
    reader.fieldnames = [h.strip() for h in reader.fieldnames]
    _require_columns(reader.fieldnames, source)
    for row in reader:
        # line_num: the physical line the record ends on (a quoted field may span lines)
        yield reader.line_num, {k: (v or "").strip() for k, v in row.items() if k}


def _html_records(text: str, source: str) -> Iterator[tuple[int, dict[str, str]]]:
    from bs4 import BeautifulSoup

    # html.parser, unlike lxml, records the source line of each tag.
    table = BeautifulSoup(text, "html.parser").find("table")
    rows = table.find_all("tr") if table else []
    if not rows:
        raise ReadError(source, "no table in this HTML listing")
    header = [c.get_text(strip=True) for c in rows[0].find_all(["th", "td"])]
    _require_columns(header, source)
    for tr in rows[1:]:
        cells = [c.get_text(strip=True) for c in tr.find_all(["th", "td"])]
        if any(cells):
            yield tr.sourceline or 0, dict(zip(header, cells))


def _require_columns(header: list[str], source: str) -> None:
    for name in ("code", "name_ko", "market"):
        if not any(h in header for h in _COLUMNS[name]):
            wanted = " or ".join(_COLUMNS[name])
            raise ReadError(source, f"not a company listing: no {wanted} column among {header}")


def _validate(records, source: str) -> tuple[list[ListingRow], list[RowError]]:
    rows: list[ListingRow] = []
    errors: list[RowError] = []
    first_line: dict[str, int] = {}
    for line, record in records:
        row, reason = _row(record, line)
        if row and row.code in first_line:
            row, reason = None, f"code {row.code} is listed twice (first on line {first_line[row.code]})"
        if row:
            first_line[row.code] = line
            rows.append(row)
        else:
            errors.append(RowError(source, line, reason))
    return rows, errors


def _first(record: dict[str, str], columns: tuple[str, ...]) -> str:
    return next((record[c] for c in columns if record.get(c)), "")


def _row(record: dict[str, str], line: int) -> tuple[ListingRow | None, str]:
    """A ListingRow, or None and why the record is rejected."""
    code = _first(record, _COLUMNS["code"]).upper()
    market_text = _first(record, _COLUMNS["market"])
    name_ko = _first(record, _COLUMNS["name_ko"])
    if not code:
        return None, "missing code"
    if len(code) != 6:
        return None, f"code {code!r} is not 6 characters (leading zeros lost in a spreadsheet?)"
    if not _CODE_RE.fullmatch(code):
        return None, f"code {code!r} is not a KRX code (four digits, then two digits or capital letters)"
    market = _MARKET_NAMES.get(market_text.upper())
    if not market:
        return None, f"unknown market {market_text!r} (expected KOSPI, KOSDAQ, KONEX or 유가, 코스닥, 코넥스)"
    if not name_ko:
        return None, "missing Korean name"
    names_en = tuple((source, record[col]) for col, source in _NAME_COLUMNS if record.get(col))
    if not names_en and record.get("name_en"):
        names_en = (("listing", record["name_en"]),)
    # DART's Korean name of a preferred share is its common stock's.
    names_ko = () if not code.endswith("0") else tuple(n for n in [record.get("name_ko_dart")] if n)
    return ListingRow(code, market, name_ko, names_en, names_ko, line), ""


def with_dart_names(rows: list[ListingRow], dart_names: dict[str, str]) -> list[ListingRow]:
    """Rows with DART's English name added where the listing spells it otherwise."""
    out = []
    for r in rows:
        extra = dart_names.get(r.code)
        if extra and not r.is_preferred and extra not in {n for _, n in r.names_en}:
            r = replace(r, names_en=(*r.names_en, ("dart", extra)))
        out.append(r)
    return out
