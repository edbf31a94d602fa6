"""Scoring extraction against hand-annotated articles (``marketfacts eval``).

Each annotated input ``X`` (an article or a feed) has ``X.expected.json``
beside it::

    {"published": "2026-05-15",            # for inputs without their own date
     "documents": [{"match": {"title": ...} | {},   # which item of a feed
                    "published": "...",
                    "facts": [{"subject", "ticker", "metric", "value", "unit",
                               "investor", "as_of", "qualifier", "evidence"}]}]}

A found fact matches an expected one when subject (by ticker for listed
companies, else by name in any case), metric, investor and value agree (value to 1e-9 relative, so 2.8212 trillion won must be exactly
2821200000000). Matching is one-to-one. ``as_of`` is scored separately, as
the share of matched facts whose day is right.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .documents import Document
from .errors import ReadError
from .model import Fact
from .nlp.pipeline import extract
from .readers import read

SUFFIX = ".expected.json"


@dataclass
class Tally:
    found: int = 0
    expected: int = 0
    matched: int = 0
    as_of_right: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def as_of_accuracy(self) -> float:
        return self.as_of_right / self.matched if self.matched else 1.0

    def add(self, other: Tally) -> None:
        self.found += other.found
        self.expected += other.expected
        self.matched += other.matched
        self.as_of_right += other.as_of_right


@dataclass
class Miss:
    """A fact found but not expected (``kind='extra'``), expected but not
    found (``'missing'``), or matched with the wrong day (``'as_of'``)."""

    file: str
    kind: str
    fact: dict


@dataclass
class Report:
    overall: Tally = field(default_factory=Tally)
    by_metric: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    misses: list[Miss] = field(default_factory=list)
    documents: int = 0
    files: int = 0


def evaluate(root: str | Path, *, articles: str | Path | None = None) -> Report:
    """Score every annotated input under ``root`` (a directory or one file).

    The article of ``X.expected.json`` is ``X`` beside it, or in ``articles``
    when the annotations are kept apart from texts we may not copy (seeds).
    """
    root = Path(root)
    files = [root] if root.is_file() else sorted(root.rglob(f"*{SUFFIX}"))
    if not files:
        raise ReadError(str(root), f"no *{SUFFIX} files to evaluate")
    report = Report()
    for expected_path in files:
        name = expected_path.name[: -len(SUFFIX)]
        article_path = Path(articles) / name if articles else expected_path.with_name(name)
        _score_file(expected_path, article_path, report)
    return report


def _score_file(expected_path: Path, article_path: Path, report: Report) -> None:
    try:
        spec = json.loads(expected_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise ReadError(str(expected_path), f"cannot read expected facts: {e}") from e
    published = _date(spec.get("published"))
    documents = list(read(article_path, published=published))
    report.files += 1
    for expected_doc in spec.get("documents", []):
        doc = _find_document(documents, expected_doc.get("match") or {}, article_path)
        found = extract(doc.text, doc.published or published, title=doc.title)
        _score_document(str(article_path), found, expected_doc.get("facts", []), report)
        report.documents += 1


def _find_document(documents: list[Document], match: dict, path: Path) -> Document:
    if not match:
        if len(documents) != 1:
            raise ReadError(str(path), f"expected one article, read {len(documents)}: give a match title")
        return documents[0]
    for doc in documents:
        if all(getattr(doc, key, None) == value for key, value in match.items()):
            return doc
    raise ReadError(str(path), f"no item matches {match}")


def _score_document(label: str, found: list[Fact], expected: list[dict], report: Report) -> None:
    remaining = list(expected)
    matched_pairs = []
    extras = []
    for fact in found:
        hit = next((e for e in remaining if _same(fact, e)), None)
        if hit is None:
            extras.append(fact)
        else:
            remaining.remove(hit)
            matched_pairs.append((fact, hit))
    per_metric: dict[str, Tally] = defaultdict(Tally)
    for fact in found:
        per_metric[fact.metric].found += 1
    for e in expected:
        per_metric[e["metric"]].expected += 1
    for fact, e in matched_pairs:
        t = per_metric[fact.metric]
        t.matched += 1
        if _iso(fact.as_of) == e.get("as_of"):
            t.as_of_right += 1
        else:
            report.misses.append(Miss(label, "as_of", dict(fact.to_dict(), expected_as_of=e.get("as_of"))))
    for metric, t in per_metric.items():
        report.by_metric[metric].add(t)
        report.overall.add(t)
    report.misses += [Miss(label, "extra", f.to_dict(with_rule=True)) for f in extras]
    report.misses += [Miss(label, "missing", e) for e in remaining]


def _same(fact: Fact, e: dict) -> bool:
    return (
        _same_subject(fact, e)
        and fact.metric == e["metric"]
        and fact.investor == e.get("investor")
        and math.isclose(float(fact.value), float(e["value"]), rel_tol=1e-9, abs_tol=1e-9)
    )


def _same_subject(fact: Fact, e: dict) -> bool:
    """One company under two spellings ("EcoPro BM", "Ecopro BM") is one
    subject: listed companies match by ticker, others by name in any case."""
    if fact.ticker and e.get("ticker"):
        return fact.ticker == e["ticker"]
    return fact.subject.casefold() == str(e["subject"]).casefold()


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def format_report(report: Report, *, show_misses: bool = False) -> str:
    """The report as the eval command prints it."""
    lines = [f"{report.files} files, {report.documents} articles"]
    header = f"{'metric':<22}{'found':>7}{'expected':>10}{'matched':>9}{'P':>8}{'R':>8}{'F1':>8}{'as_of':>8}"
    lines.append(header)
    lines.append("-" * len(header))
    for metric in sorted(report.by_metric):
        lines.append(_row(metric, report.by_metric[metric]))
    lines.append("-" * len(header))
    lines.append(_row("overall", report.overall))
    if show_misses:
        counts = Counter(m.kind for m in report.misses)
        lines.append(f"\n{counts['extra']} extra, {counts['missing']} missing, {counts['as_of']} with a wrong as_of")
        for m in report.misses:
            f = m.fact
            lines.append(
                f"{m.kind:>8}  {Path(m.file).name}: {f.get('subject')} {f.get('metric')} {f.get('investor') or ''} "
                f"{f.get('value')} as_of={f.get('as_of')}"
                + (f" (expected {f['expected_as_of']})" if m.kind == "as_of" else "")
                + (f"  [{f.get('rule')}]" if f.get("rule") else "")
                + f"  | {(f.get('text') or f.get('evidence') or '')[:100]!r}"
            )
    return "\n".join(lines)


def _row(name: str, t: Tally) -> str:
    return (
        f"{name:<22}{t.found:>7}{t.expected:>10}{t.matched:>9}"
        f"{t.precision:>8.3f}{t.recall:>8.3f}{t.f1:>8.3f}{t.as_of_accuracy:>8.3f}"
    )
