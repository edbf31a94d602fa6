"""Scoring against a gold set of real articles (``marketfacts eval --gold``).

A gold set is a folder of ``<id>.json`` files in the format of
``shared/realnews/gold/`` (``id``, ``url``, ``published``, ``text_sha256``,
``facts``), and the article texts live apart from it, as ``<id>.txt`` in a
folder of their own: they are other publishers' words and are never kept
with the project. Each text is read as the ``extract`` command reads a file,
with ``--published`` set to the gold ``published``.

The rule is the one of ``shared/realnews/README.md``, so the figure printed
here is the reviewer's:

- only the metrics of FACTS.md count; gold and predicted facts are each
  deduplicated on (subject, metric, investor, value);
- a predicted fact matches a gold fact when the metric is equal, the
  investor is equal (``individual`` read as ``retail``), the value is equal
  to a relative 1e-6, and the subject is equal after lower-casing and
  dropping everything but letters, digits and Hangul (or both tickers are
  given and equal); matching is greedy and one-to-one, gold in file order;
- precision = matches / predicted, recall = matches / gold; ``as_of``
  accuracy = matched facts whose gold ``as_of`` is set and equal to the
  predicted one, over matched facts whose gold ``as_of`` is set.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .errors import ReadError
from .evaluation import Tally
from .model import METRICS
from .nlp.pipeline import extract_with_checks
from .readers import read

_NOT_NAME = re.compile(r"[^0-9a-z\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")


@dataclass
class Score(Tally):
    """A tally whose as_of is judged only where the gold dates the fact
    (``dated``); an undated gold fact matches on its value alone."""

    dated: int = 0  # matched facts whose gold as_of is set

    @property
    def as_of_accuracy(self) -> float:
        return self.as_of_right / self.dated if self.dated else 1.0

    def add(self, other: Score) -> None:
        super().add(other)
        self.dated += other.dated


@dataclass
class Line:
    """One fact of the report's miss list: ``missed`` (gold, not found),
    ``extra`` (found, not gold) or ``as_of`` (matched, wrong day)."""

    article: str
    kind: str
    fact: dict
    found_as_of: str | None = None


@dataclass
class GoldReport:
    overall: Score = field(default_factory=Score)
    by_metric: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    by_article: dict[str, Score] = field(default_factory=dict)
    lines: list[Line] = field(default_factory=list)
    checks: Counter = field(default_factory=Counter)  # what the consistency checks did, by kind
    unreadable: list[str] = field(default_factory=list)  # texts missing or not matching their sha256


def normalize_subject(name: str | None) -> str:
    return _NOT_NAME.sub("", (name or "").lower())


def _investor(value: str | None) -> str | None:
    return "retail" if value == "individual" else value


def _dedupe(facts: list[dict]) -> list[dict]:
    seen = set()
    out = []
    for f in facts:
        if f.get("metric") not in METRICS:
            continue
        key = (normalize_subject(f.get("subject")), f["metric"], _investor(f.get("investor")), float(f["value"]))
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def matches(predicted: dict, gold: dict) -> bool:
    if predicted["metric"] != gold["metric"]:
        return False
    if _investor(predicted.get("investor")) != _investor(gold.get("investor")):
        return False
    if not math.isclose(float(predicted["value"]), float(gold["value"]), rel_tol=1e-6):
        return False
    if predicted.get("ticker") and gold.get("ticker") and predicted["ticker"] == gold["ticker"]:
        return True
    return normalize_subject(predicted.get("subject")) == normalize_subject(gold.get("subject"))


def score_article(article: str, predicted: list[dict], gold: list[dict], report: GoldReport) -> Score:
    """Score one article's facts (dicts in the fact contract's shape) against its gold."""
    predicted, gold = _dedupe(predicted), _dedupe(gold)
    used = [False] * len(predicted)
    per_metric: dict[str, Score] = defaultdict(Score)
    score = Score(found=len(predicted), expected=len(gold))
    for p in predicted:
        per_metric[p["metric"]].found += 1
    for g in gold:
        per_metric[g["metric"]].expected += 1
        hit = next((i for i, p in enumerate(predicted) if not used[i] and matches(p, g)), None)
        if hit is None:
            report.lines.append(Line(article, "missed", g))
            continue
        used[hit] = True
        tally = per_metric[g["metric"]]
        for s in (score, tally):
            s.matched += 1
        if g.get("as_of") is not None:
            right = predicted[hit].get("as_of") == g["as_of"]
            for s in (score, tally):
                s.dated += 1
                s.as_of_right += right
            if not right:
                report.lines.append(Line(article, "as_of", g, predicted[hit].get("as_of")))
    report.lines += [Line(article, "extra", p) for i, p in enumerate(predicted) if not used[i]]
    for metric, tally in per_metric.items():
        report.by_metric[metric].add(tally)
    report.overall.add(score)
    report.by_article[article] = score
    return score


def evaluate_gold(gold_dir: str | Path, texts_dir: str | Path, *, only: str | None = None) -> GoldReport:
    """Extract every article of the gold set from its text and score it.

    ``only`` restricts the run to the gold files whose id contains it. A
    text that is missing or does not match its sha256 is reported in
    ``unreadable`` and its gold facts count as missed: the figure is never
    flattered by leaving an article out.
    """
    gold_dir, texts_dir = Path(gold_dir), Path(texts_dir)
    if not gold_dir.is_dir():
        raise ReadError(str(gold_dir), "not a folder of gold files")
    if not texts_dir.is_dir():
        raise ReadError(str(texts_dir), "not a folder of article texts")
    files = sorted(gold_dir.glob("*.json"))
    if only:
        files = [f for f in files if only in f.stem]
    if not files:
        raise ReadError(str(gold_dir), "no gold files (*.json) to score")
    report = GoldReport()
    for path in files:
        try:
            spec = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            raise ReadError(str(path), f"cannot read gold file: {e}") from e
        article = spec.get("id") or path.stem
        text_path = texts_dir / f"{article}.txt"
        predicted: list[dict] = []
        if not _text_ok(text_path, spec.get("text_sha256")):
            report.unreadable.append(article)
        else:
            published = date.fromisoformat(spec["published"]) if spec.get("published") else None
            for doc in read(text_path, published=published):
                facts, checks = extract_with_checks(doc.text, doc.published, title=doc.title)
                report.checks.update(checks)
                predicted += [f.to_dict() for f in facts]
        score_article(article, predicted, spec.get("facts", []), report)
    return report


def _text_ok(path: Path, sha256: str | None) -> bool:
    try:
        data = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return sha256 is None or hashlib.sha256(data.encode("utf-8")).hexdigest() == sha256


def format_gold_report(report: GoldReport, *, show_misses: bool = False) -> str:
    header = f"{'':<28}{'pred':>6}{'gold':>6}{'match':>7}{'P':>7}{'R':>7}{'F1':>7}{'as_of':>7}"
    rule = "-" * len(header)

    def row(name: str, s: Score) -> str:
        return f"{name[:28]:<28}{s.found:>6}{s.expected:>6}{s.matched:>7}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.as_of_accuracy:>7.3f}"

    out = [f"{len(report.by_article)} articles, {report.overall.expected} gold facts", "", "by metric", header, rule]
    out += [row(metric, report.by_metric[metric]) for metric in sorted(report.by_metric)]
    out += [rule, row("overall", report.overall), "", "by article", header, rule]
    out += [row(article, report.by_article[article]) for article in sorted(report.by_article)]
    out += [rule, row("overall", report.overall)]
    if report.checks:
        out.append("")
        out.append("consistency checks: " + ", ".join(f"{kind} {n}" for kind, n in sorted(report.checks.items())))
    if report.unreadable:
        out.append("")
        out.append(f"{len(report.unreadable)} texts missing or not matching their sha256 (their facts count as missed): " + ", ".join(report.unreadable))
    if show_misses:
        kinds = Counter(line.kind for line in report.lines)
        out.append("")
        out.append(f"{kinds['missed']} missed, {kinds['extra']} extra, {kinds['as_of']} with a wrong as_of")
        for line in report.lines:
            f = line.fact
            who = f.get("subject") or ""
            inv = f" {f['investor']}" if f.get("investor") else ""
            day = f"as_of={f.get('as_of')}" + (f" (found {line.found_as_of})" if line.kind == "as_of" else "")
            words = (f.get("text") or f.get("evidence") or "").replace("\n", " ")
            out.append(f"{line.kind:>6}  {line.article}: {who} {f['metric']}{inv} {f['value']} {day}  | {words[:140]}")
    return "\n".join(out)
