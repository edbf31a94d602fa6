"""Building the company gazetteer from the KRX listing, and importing a refreshed listing.

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

How strict a match must be is a property of each alias (companies.alias_rule).
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import PatternError, ReadError
from .companies import (
    Company,
    Gazetteer,
    HandAliases,
    ListingRow,
    RowError,
    CODE_RE,
    HANGUL_RE,
    SUFFIX_STYLE,
    casing_table,
    alias_key,
    clean_korean,
    clean_name,
    default_gazetteer,
    forget_cached_gazetteer,
    load_hand_aliases,
    preferred_label,
    user_gazetteer_path,
    recase,
    split_legal_suffix,
    write_gazetteer,
)

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
    casing = casing_table(clean_name(n) for r in rows for _, n in r.names_en)
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
        name += " " + SUFFIX_STYLE.get(suffix.lower(), suffix.capitalize())
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
        if HANGUL_RE.search(ko) or not ctx.is_weak(ko):
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
    ``out`` (by default the user's data directory, see
    :func:`extractor.companies.user_gazetteer_path`, which extraction then
    uses in place of the shipped one from the next run on; stored articles
    can then be re-extracted).
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
    target = Path(out) if out else user_gazetteer_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    write_gazetteer(gazetteer, target, f"KRX-listed companies, built by `marketfacts companies import` from {Path(listing).name}")
    forget_cached_gazetteer()
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
    if not CODE_RE.fullmatch(code):
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
