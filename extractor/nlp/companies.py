"""spaCy component ``marketfacts_companies``: listed companies named in running text.

Add it to a blank English pipeline::

    nlp = spacy.blank("en")
    nlp.add_pipe("marketfacts_companies")
    doc = nlp("SK hynix +7.68%, Samsung Electro-Mechanics +7.41%")
    [(s.text, s.label_, s.kb_id_) for s in doc.spans["companies"]]
    # [('SK hynix', 'SK hynix', '000660'), ('Samsung Electro-Mechanics', ..., '009150')]

Each span in ``doc.spans["companies"]`` has ``label_`` = the company's
canonical English name and ``kb_id_`` = its six-character KRX code.

How a match is found: a PhraseMatcher on lower-cased tokens holds every
alias of the gazetteer (extractor.companies) and every name that is known
not to be a listed company ("Bank of Korea", "KOSPI", "Hyundai Motor
Group"). Each candidate must pass its alias's rule (alias_rule: capitals,
a legal suffix, market context); a legal suffix written after a name joins
the span ("Samsung Electronics Co., Ltd."). Then the longest candidate
wins, a not-a-company name included, so "Samsung Electro-Mechanics" is not
"Samsung Electronics", "Bank of Korea" is not "Industrial Bank of Korea",
and "Hyundai Motor Group" is nobody. Two companies matching the very same
words is a tie, and neither is kept.

The gazetteer is read once per process; each pipeline that adds the
component builds its own PhraseMatcher, since patterns belong to a
vocabulary (about 0.3 s, most of it spaCy making lexemes for alias words).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import numpy
from spacy.attrs import IS_LOWER, LOWER, SPACY
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..companies import (
    ANY_CASE,
    CONTEXT,
    SUFFIX,
    UPPER,
    WORD,
    Gazetteer,
    alias_rule,
    default_gazetteer,
    lookup,
)

__all__ = ["SPANS_KEY", "CompanyMatcher", "companies_in", "find_companies", "lookup"]

SPANS_KEY = "companies"
_BLOCK = "not_company"  # stands for code and needs of names that are not listed companies

# Words that make a word-like alias ("Paradise", "SEC") a company: market
# and price vocabulary. Amount and percent tokens are recognized by shape.
_MARKET_WORDS = frozenset("shares share stock stocks kospi kosdaq konex listed ticker won krw percent pct".split())
_MARKET_TOKEN = re.compile(r"[₩%]|^\(?\d{5}[0-9A-Z]\)?$|^A\d{6}$")
_SENTENCE_END = frozenset(".!?:;•·|")
_OPENERS = frozenset("\"'“‘([")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_ATTRS = [LOWER, IS_LOWER, SPACY]  # the columns of find_companies' attribute array
# Tokens of a legal suffix after a name, capitalized: "Co." "," "Ltd.", "CO.,LTD" ".",
# "Corp.", "Inc.", "Company". Only an abbreviation takes a following period along;
# after "Company" the period ends the sentence.
_LEGAL_TOKEN = re.compile(
    r",?(?:Co|CO|Corp|CORP|Inc|INC|Ltd|LTD)\.?|Co\.,Ltd|CO\.,LTD"
    r"|Corporation|CORPORATION|Company|COMPANY|Limited|LIMITED|Incorporated"
)
_LEGAL_ABBREVIATION = re.compile(r".*(?:Co|CO|Corp|CORP|Inc|INC|Ltd|LTD)")
_CONTEXT_BEFORE, _CONTEXT_AFTER = 3, 4  # tokens that count as "next to"


@dataclass(frozen=True)
class _Index:
    """A PhraseMatcher over one vocabulary, and what its matches mean.

    There is one match key per kind of evidence an alias needs, not one per
    company: each key string costs a lexeme in the vocabulary, and building
    thousands of them made loading slow. The matched words themselves say
    which company it is.
    """

    matcher: PhraseMatcher
    needs: dict[int, str]  # match id -> NOTHING, SUFFIX, CONTEXT, WORD or _BLOCK
    # hashes of the lower-cased words -> (code, alias_case, is each word capitalized in the alias)
    aliases: dict[tuple[int, ...], tuple[str, str, tuple[bool, ...]]]
    # One-token Korean names: the hash of the lower-cased name -> code, and those
    # hashes sorted. They are found by looking the doc's LOWER array up in the
    # sorted hashes, not by the matcher: each of the ~2,900 names would cost a
    # lexeme, a third of the time to build the matcher, for text English news
    # seldom has.
    korean: dict[int, str]
    korean_ids: numpy.ndarray
    gazetteer: Gazetteer


@Language.factory(
    "marketfacts_companies",
    default_config={"gazetteer": None, "spans_key": SPANS_KEY},
)
def make_company_matcher(nlp: Language, name: str, gazetteer: str | None, spans_key: str) -> CompanyMatcher:
    """Factory: ``gazetteer`` is a path to a companies.jsonl, None for the shipped one."""
    return CompanyMatcher(nlp, gazetteer, spans_key)


class CompanyMatcher:
    """Writes ``doc.spans[spans_key]``: one span per company mention, no overlaps."""

    def __init__(self, nlp: Language, gazetteer: str | None = None, spans_key: str = SPANS_KEY):
        self.index = _index(nlp, gazetteer)
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[self.spans_key] = find_companies(doc, self.index)
        return doc


def find_companies(doc: Doc, index: _Index) -> list[Span]:
    """Company spans in ``doc``, longest match first, in text order."""
    if not len(doc):
        return []
    # Token attributes come as one array: making a Python Token per token (as
    # Doc.text or doc[i] does) would cost more than the matching itself.
    attrs = doc.to_array(_ATTRS)
    candidates: dict[tuple[int, int], set[str]] = {}
    for match_id, start, end in index.matcher(doc):
        needs = index.needs[match_id]
        if needs == _BLOCK:
            candidates.setdefault((start, end), set()).add(_BLOCK)
            continue
        code, case, capitals = index.aliases[tuple(attrs[start:end, 0].tolist())]
        if _case_fits(doc, attrs, start, end, case, capitals):
            end = _evidence_end(doc, start, end, needs)
            if end is not None:
                candidates.setdefault((start, end), set()).add(code)
    for start, code in _korean_names(attrs[:, 0], index):
        candidates.setdefault((start, start + 1), set()).add(code)
    companies = index.gazetteer.companies
    return [
        Span(doc, start, end, label=companies[code].name, kb_id=code)
        for start, end, code in _longest_first(candidates)
    ]


def _longest_first(candidates: dict[tuple[int, int], set[str]]) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, code), longest first, then leftmost; in text order.

    A not-a-company name takes its words like any other candidate and then
    yields nothing; so do two companies claiming the very same words.
    """
    chosen: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    for (start, end), codes in sorted(candidates.items(), key=lambda kv: (kv[0][0] - kv[0][1], kv[0][0])):
        if taken.isdisjoint(range(start, end)):
            taken.update(range(start, end))
            if len(codes) == 1 and _BLOCK not in codes:
                chosen.append((start, end, next(iter(codes))))
    return sorted(chosen)


def _korean_names(lowers: numpy.ndarray, index: _Index) -> Iterator[tuple[int, str]]:
    """(token index, code) of each token that is a one-token Korean name."""
    ids = index.korean_ids
    if not len(ids):
        return
    at = numpy.minimum(numpy.searchsorted(ids, lowers), len(ids) - 1)
    for i in numpy.flatnonzero(ids[at] == lowers):
        yield int(i), index.korean[int(lowers[i])]


def _case_fits(doc: Doc, attrs, start: int, end: int, case: str, capitals: tuple[bool, ...]) -> bool:
    """Is the mention cased as its alias requires (see alias_rule)?

    Only words after a space need their capital: "Samsung Electro-mechanics"
    is still Samsung Electro-Mechanics.
    """
    if case == ANY_CASE:
        return True
    if case == UPPER:
        return not any(ch.islower() for ch in doc[start:end].text)
    for i, capital in zip(range(start, end), capitals):
        word_start = i == start or attrs[i - 1, 2]  # SPACY: a space follows the token before
        if capital and word_start and attrs[i, 1]:  # IS_LOWER
            return False
    return True


def _evidence_end(doc: Doc, start: int, end: int, needs: str) -> int | None:
    """The end of the mention, a legal suffix included, or None without the evidence it needs."""
    suffix_end = _legal_suffix_end(doc, end)
    if needs == SUFFIX:
        return suffix_end if suffix_end > end else None
    if needs == CONTEXT and not _market_context(doc, start, suffix_end):
        return None
    if needs == WORD and (_opens_sentence(doc, start) or _capitalized_neighbour(doc, start, suffix_end)):
        return suffix_end if _market_context(doc, start, suffix_end) else None
    return suffix_end


def _legal_suffix_end(doc: Doc, end: int) -> int:
    """The token end of a legal suffix written right after a name, or ``end``."""
    i = end
    while i < len(doc):
        text = doc[i].text
        if _LEGAL_TOKEN.fullmatch(text):
            i += 1
        elif text == "," and i + 1 < len(doc) and _LEGAL_TOKEN.fullmatch(doc[i + 1].text):
            i += 1  # "Co. , Ltd.", "Woori Technology, Inc."
        elif (text == "." and i > end and not doc[i - 1].whitespace_
              and _LEGAL_ABBREVIATION.fullmatch(doc[i - 1].text)):
            return i + 1  # "CO.,LTD" "." : the period of the abbreviation
        else:
            break
    return i


def _opens_sentence(doc: Doc, start: int) -> bool:
    i = start - 1
    while i >= 0 and doc[i].text in _OPENERS:
        i -= 1
    return i < 0 or _ends_sentence(doc[i])


def _ends_sentence(token) -> bool:
    """Does the text break after this token: a full stop, a line end?"""
    return token.text in _SENTENCE_END or "\n" in token.text_with_ws or token.is_space


def _capitalized_neighbour(doc: Doc, start: int, end: int) -> bool:
    """Is the name part of a longer proper name ("European Union", "Ray Dalio")?"""
    before = doc[start - 1] if start > 0 and not _ends_sentence(doc[start - 1]) else None
    after = doc[end] if end < len(doc) and not _ends_sentence(doc[end - 1]) else None
    return any(t is not None and t.is_alpha and t.text[:1].isupper() for t in (before, after))


def _market_context(doc: Doc, start: int, end: int) -> bool:
    """Is a price, percent or market word a few tokens before or after, in the same sentence?"""
    for i in range(start - 1, max(start - 1 - _CONTEXT_BEFORE, -1), -1):
        if _ends_sentence(doc[i]):
            break
        if _is_market_token(doc[i]):
            return True
    for i in range(end, min(end + _CONTEXT_AFTER, len(doc))):
        if _is_market_token(doc[i]):
            return True
        if _ends_sentence(doc[i]):
            break
    return False


def _is_market_token(token) -> bool:
    return token.lower_ in _MARKET_WORDS or _MARKET_TOKEN.search(token.text) is not None


# ── loading ───────────────────────────────────────────────────────────────────


@lru_cache(maxsize=4)
def _patterns(path: str | None) -> tuple[Gazetteer, list[tuple[str, str, str, str]]]:
    """The gazetteer and (code, needs, case, alias) for each alias, not-company
    names under code _BLOCK. Once per process."""
    gazetteer = default_gazetteer(path)
    patterns = [(c.code, *alias_rule(a, c)[::-1], a) for c in gazetteer for a in c.aliases]
    patterns += [(_BLOCK, _BLOCK, ANY_CASE, name) for name in gazetteer.not_companies]
    return gazetteer, patterns


def _index(nlp: Language, path: str | None) -> _Index:
    """A PhraseMatcher over this pipeline's vocabulary, with what its matches mean."""
    gazetteer, patterns = _patterns(path)
    strings = nlp.vocab.strings
    korean = {strings.add(alias.lower()): code for code, _, _, alias in patterns
              if code != _BLOCK and _HANGUL.search(alias) and " " not in alias}
    phrases = [p for p in patterns if p[0] == _BLOCK or strings[p[3].lower()] not in korean]
    groups: dict[str, list[Doc]] = {}
    aliases: dict[tuple[int, ...], tuple[str, str, tuple[bool, ...]]] = {}
    for (code, needs, case, alias), doc in zip(phrases, nlp.tokenizer.pipe(p[3] for p in phrases)):
        words = tuple(t.lower for t in doc)
        if code != _BLOCK:
            if aliases.setdefault(words, (code, case, ()))[0] != code:
                continue  # two companies' aliases tokenize alike: the first keeps it
            aliases[words] = (code, case, tuple(t.text[:1].isupper() for t in doc))
        groups.setdefault(needs, []).append(doc)
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for needs, docs in groups.items():
        matcher.add(f"marketfacts_companies:{needs}", docs)
    ids = {nlp.vocab.strings[f"marketfacts_companies:{n}"]: n for n in groups}
    korean_ids = numpy.sort(numpy.fromiter(korean, dtype=numpy.uint64, count=len(korean)))
    return _Index(matcher, ids, aliases, korean, korean_ids, gazetteer)


def companies_in(text: str) -> list[tuple[str, str, str]]:
    """(mention, canonical name, code) for each company in ``text``, as the pipeline finds them.

    For ``marketfacts companies search`` and quick checks; builds a small
    pipeline of its own on first use.
    """
    doc = _blank_pipeline()(text)  # the spans live only as long as their Doc
    return [(s.text, s.label_, s.kb_id_) for s in doc.spans[SPANS_KEY]]


@lru_cache(maxsize=1)
def _blank_pipeline() -> Language:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("marketfacts_companies")
    return nlp
