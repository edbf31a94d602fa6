"""The spaCy pipeline: a blank English tokenizer and our rule components.

    marketfacts_segmenter   sentence starts at line breaks and sentence punctuation
    marketfacts_quantities  doc._.quantities: every figure, normalized (quantities.py)
    marketfacts_cues        SpanRuler over patterns/*.jsonl -> doc.spans["cues"]
    marketfacts_companies   the KRX gazetteer -> doc.spans["companies"] (companies.py)
    marketfacts_facts       doc._.facts: Fact objects (relations.py)

No statistical model is loaded: every decision is a rule, and every rule's
vocabulary is data in patterns/. The publication date reaches the fact layer
through ``doc.user_data["published"]``; see ``extract``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..version import __version__
from ..errors import MarketfactsError, PatternError
from ..model import Fact, Quantity
from ..rules import pattern_dir, read_jsonl
from . import companies as _companies  # noqa: F401  (registers marketfacts_companies)
from .mentions import text_of
from .quantities import find_quantities
from .relations import build_facts

#: Pattern files read by the cue ruler, each holding SpanRuler patterns.
CUE_FILES = (
    "subjects.jsonl",
    "investors.jsonl",
    "flows.jsonl",
    "directions.jsonl",
    "levels.jsonl",
    "metrics.jsonl",
    "blockers.jsonl",
)
#: Pattern files that decide what is read, not what is extracted from it:
#: a change to them leaves stored facts as they are.
READING_ONLY = frozenset({"relevance.jsonl"})
_SENTENCE_END = {".", "!", "?"}
_CLOSERS = {'"', "'", "”", "’", ")", "]"}
#: Abbreviations the tokenizer splits from their period, before a number: "No. 2", "Vol. 3".
_NUMBERED = {"No", "no", "Nos", "NO", "Vol", "vol", "Fig", "fig", "Approx", "approx"}
NOT_START = numpy.uint64(2**64 - 1)  # -1 in the uint64 arrays of Doc.from_array: "not a sentence start"

if not Doc.has_extension("quantities"):
    Doc.set_extension("quantities", default=None)
if not Doc.has_extension("facts"):
    Doc.set_extension("facts", default=None)


@Language.component("marketfacts_segmenter")
def segment(doc: Doc) -> Doc:
    """Sentence starts: after . ! ? (and any closing quote or bracket) and
    after every line break, because feeds and tables put one item a line
    with no punctuation. Abbreviations (Dec., vs., p.m.) are single tokens
    in spaCy's English tokenizer, so they never end a sentence here.

    The starts are computed in one pass and set with ``Doc.from_array``:
    assigning ``token.is_sent_start`` token by token makes spaCy re-scan the
    whole doc for a parse each time, which is quadratic in its length."""
    if not len(doc):
        return doc
    strings = doc.vocab.strings
    enders = {strings.add(text) for text in _SENTENCE_END}
    closers = {strings.add(text) for text in _CLOSERS}
    period = strings.add(".")
    numbered = {strings.add(text) for text in _NUMBERED}
    starts = numpy.full((len(doc), 1), NOT_START, dtype="uint64")
    starts[0, 0] = 1
    start_next = True
    previous = before_previous = None
    # A token's trailing whitespace_ is at most one space: line breaks are
    # space tokens of their own, so only those need their text read.
    for i, (space, orth) in enumerate(doc.to_array([IS_SPACE, ORTH]).tolist()):
        if space:
            start_next = start_next or "\n" in strings[orth]
            continue
        if i > 0 and start_next and not (previous == period and before_previous in numbered and strings[orth][:1].isdigit()):
            starts[i, 0] = 1  # ("ranked No. 2": the period is the abbreviation's)
        if orth in closers and previous in enders:
            starts[i, 0] = NOT_START
            start_next = True
        else:
            start_next = orth in enders
        before_previous, previous = previous, orth
    return doc.from_array([SENT_START], starts)


@Language.component("marketfacts_quantities")
def attach_quantities(doc: Doc) -> Doc:
    doc._.quantities = find_quantities(text_of(doc))
    return doc


@Language.component("marketfacts_facts")
def attach_facts(doc: Doc) -> Doc:
    doc._.facts = build_facts(doc)
    return doc


def load_cue_patterns() -> list[dict]:
    """Every cue pattern, validated line by line (PatternError names file:line)."""
    patterns = []
    for name in CUE_FILES:
        for lineno, obj in read_jsonl(name, required=("label", "pattern")):
            pattern = obj["pattern"]
            if not isinstance(obj["label"], str) or not obj["label"]:
                raise PatternError(name, lineno, "label must be a non-empty string")
            if not (isinstance(pattern, str) and pattern.strip()) and not (
                isinstance(pattern, list) and pattern and all(isinstance(t, dict) for t in pattern)
            ):
                raise PatternError(name, lineno, "pattern must be a phrase or a list of token objects")
            if "id" in obj and not isinstance(obj["id"], str):
                raise PatternError(name, lineno, "id must be a string")
            patterns.append({"label": obj["label"], "pattern": pattern, "id": obj.get("id", "")})
    return patterns


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The pipeline, built once per process (workers build their own)."""
    nlp = spacy.blank("en")
    # Pages whose paragraph breaks were lost glue sentences together
    # ("... on Nov. 11.Trade volume was ..."): a full stop between a word or
    # figure and a capitalized word ends a sentence.
    infixes = [*nlp.Defaults.infixes, r"(?<=[a-z0-9%)])\.(?=[A-Z][a-z])"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    nlp.add_pipe("marketfacts_segmenter")
    nlp.add_pipe("marketfacts_quantities")
    ruler = nlp.add_pipe(
        "span_ruler",
        name="marketfacts_cues",
        config={"spans_key": "cues", "phrase_matcher_attr": "LOWER", "validate": True},
    )
    try:
        with nlp.select_pipes(enable=[]):
            ruler.add_patterns(load_cue_patterns())
    except ValueError as e:  # spaCy's own validation of token patterns
        raise PatternError("patterns/", None, f"invalid cue pattern: {e}") from e
    nlp.add_pipe("marketfacts_companies")
    nlp.add_pipe("marketfacts_facts")
    return nlp


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """Code version plus a hash of the pattern files: a patterns/ change makes
    every stored article eligible for re-extraction."""
    digest = hashlib.sha256()
    for path in sorted(pattern_dir().glob("*.jsonl")):
        if path.name in READING_ONLY:
            continue
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    from ..companies import active_gazetteer_path

    if (imported := active_gazetteer_path()) is not None:  # an imported gazetteer replaces the shipped one
        digest.update(b"imported companies")
        digest.update(imported.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


#: The longest text extracted as one article (spaCy's own limit, nlp.max_length).
MAX_CHARS = 1_000_000
#: spaCy's tokenizer strips a word's prefixes and suffixes one at a time,
#: searching the whole rest of the word each time: a word of n symbols
#: ("₩₩₩…", "((((…") costs n² (47 s for 16,000 won signs). No word of news
#: is this long; such a run is cut into pieces of PIECE characters first.
_LONG_RUN = re.compile(r"\S{300,}")
PIECE = 50


def _tokenize_in_pieces(nlp: Language, text: str) -> Doc:
    """The Doc of ``text`` with every run of 300+ non-space characters
    tokenized in pieces of PIECE characters; its text is ``text`` exactly."""
    cuts = [0]
    for run in _LONG_RUN.finditer(text):
        cuts.extend(range(run.start(), run.end(), PIECE))
        cuts.append(run.end())
    cuts.append(len(text))
    bounds = sorted(set(cuts))
    docs = [nlp.make_doc(text[a:b]) for a, b in zip(bounds, bounds[1:]) if b > a]
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    if doc.text != text:  # never expected: Doc.from_docs keeps each piece's text
        raise MarketfactsError("tokenizing a text with very long words changed it")
    return doc


def _make_doc(nlp: Language, text: str, published, title: str | None) -> Doc:
    if len(text) > MAX_CHARS:
        raise MarketfactsError(
            f"text too long for one article ({len(text):,} characters; the limit is {MAX_CHARS:,}): split it into its articles"
        )
    doc = nlp.make_doc(text) if _LONG_RUN.search(text) is None else _tokenize_in_pieces(nlp, text)
    doc.user_data["text"] = text  # spaCy keeps the text exactly; this spares rebuilding it
    doc.user_data["published"] = _as_date(published)
    doc.user_data["title"] = title
    return doc


def _read(text: str, published: date | datetime | None, title: str | None) -> Doc:
    """The article run through the pipeline."""
    nlp = load_pipeline()
    return nlp(_make_doc(nlp, text, published, title))


def extract(text: str, published: date | datetime | None = None, *, title: str | None = None) -> list[Fact]:
    """Facts in one article. A pure function of (text, published, title, patterns)."""
    return _read(text, published, title)._.facts


#: Cue labels that name the Korean market or the won (patterns/subjects.jsonl).
MARKET_LABELS = frozenset({"SUBJECT", "MARKETWIDE", "FX"})


def extract_article(
    text: str, published: date | datetime | None = None, *, title: str | None = None
) -> tuple[list[Fact], bool]:
    """``extract``, and whether the article names a listed company or the
    Korean market at all: what decides if a screened archive record is kept."""
    doc = _read(text, published, title)
    facts = doc._.facts
    if facts:
        return facts, True
    named = bool(doc.spans.get("companies")) or any(span.label_ in MARKET_LABELS for span in doc.spans.get("cues", ()))
    return facts, named


def extract_with_checks(
    text: str, published: date | datetime | None = None, *, title: str | None = None
) -> tuple[list[Fact], dict[str, int]]:
    """``extract``, plus what the consistency checks did to its readings
    (kind -> count: readings dropped or chosen because the article's other
    figures contradict or confirm them; see checks.py)."""
    doc = _read(text, published, title)
    return doc._.facts, dict(doc.user_data.get("checks") or {})


def extract_many(items: Iterable[tuple[str, date | datetime | None, str | None]]) -> Iterator[list[Fact]]:
    """Facts for many (text, published, title) items, in order, in one process."""
    for text, published, title in items:
        yield _read(text, published, title)._.facts


def parse_quantities(text: str) -> list[Quantity]:
    """Every figure in the text (the quantity layer alone, no facts)."""
    return find_quantities(text)


def _as_date(value: date | datetime | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value
