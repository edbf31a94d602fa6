"""The company gazetteer: every KRX-listed stock and the names English news uses for it.

A company has one canonical English name, the subject of its facts, and
aliases. Aliases are kept without legal suffixes ("Co., Ltd."); matching
(extractor.nlp.companies, :func:`lookup`) ignores case and suffixes, so
``SK Hynix``, ``SK HYNIX`` and ``SK hynix Inc.`` are one alias. How strict a
match must be is a property of each alias (:func:`alias_rule`).

This module holds the gazetteer as it is read and used (load, lookup,
search, write); company_listing.py builds it from the KRX listing and
imports refreshed listings.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from .errors import PatternError
from .rules import read_jsonl

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
CODE_RE = re.compile(r"\d{4}[0-9A-Z]{2}")
HANGUL_RE = re.compile(r"[\uac00-\ud7a3]")


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
    if HANGUL_RE.search(alias) or not first.isascii() or first.islower():
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
SUFFIX_STYLE = {"co": "Co.", "corp": "Corp.", "inc": "Inc.", "ltd": "Ltd.", "incorporated": "Inc.",
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


def casing_table(names: Iterable[str]) -> dict[str, str]:
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
            if not isinstance(code, str) or not CODE_RE.fullmatch(code):
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
        if CODE_RE.fullmatch(base):
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
                if company.market not in MARKETS or not CODE_RE.fullmatch(company.code):
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


def user_gazetteer_path() -> Path:
    """Where `marketfacts companies import` writes a refreshed gazetteer: the
    user's data directory ($MARKETFACTS_HOME, else $XDG_DATA_HOME/marketfacts,
    else ~/.local/share/marketfacts), never the installed package."""
    import os

    home = os.environ.get("MARKETFACTS_HOME")
    if not home:
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        home = str(Path(base) / "marketfacts")
    return Path(home) / GAZETTEER_FILE


def active_gazetteer_path() -> Path | None:
    """The imported gazetteer when there is one (it replaces the shipped one), else None."""
    path = user_gazetteer_path()
    return path if path.is_file() else None


def default_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """The gazetteer, read once per process and path (None: the imported one
    when `companies import` wrote one, else the shipped one)."""
    path = path or active_gazetteer_path()
    return _cached_gazetteer(str(path) if path else None)


def forget_cached_gazetteer() -> None:
    """After the gazetteer file changed: the next default_gazetteer() reads it anew."""
    _cached_gazetteer.cache_clear()


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
