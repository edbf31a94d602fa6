"""Quality gate: the annotated fixtures are scored on every test run.

A rule change that breaks another metric fails here, with the per-metric
report in the failure message. Floors sit a little under today's scores
(see README, "Extraction quality"); raise them when the extractor improves,
never lower them to let a regression through.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from extractor.evaluation import evaluate, format_report

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"

#: F1 floor per metric on fixtures/ + extractor/sample/.
F1_FLOORS = {
    "advancers": 0.95,
    "decliners": 0.95,
    "borrowing_ratio": 0.95,
    "fx_rate": 0.95,
    "index_change": 0.95,
    "index_change_pct": 0.95,
    "index_close": 0.95,
    "index_high": 0.9,
    "index_low": 0.9,
    "index_open": 0.9,
    "lending_balance": 0.9,
    "margin_loan_balance": 0.85,
    "net_buy": 0.95,
    "price": 0.9,
    "price_change_pct": 0.9,
    "short_balance": 0.9,
    "short_balance_ratio": 0.9,
    "short_interest_pct": 0.85,
    "short_volume": 0.9,
    "target_price": 0.85,
}
OVERALL_F1_FLOOR = 0.95
AS_OF_FLOOR = 0.9


#: The annotated sets the rules were written against (fixtures/holdout is
#: scored apart: it measures how the rules do on writing they never saw).
TUNED = ("fixtures/articles", "fixtures/feeds", "extractor/sample")


@pytest.fixture(scope="module")
def report():
    combined = evaluate(ROOT / TUNED[0])
    for part in TUNED[1:]:
        other = evaluate(ROOT / part)
        combined.overall.add(other.overall)
        for metric, tally in other.by_metric.items():
            combined.by_metric[metric].add(tally)
        combined.misses += other.misses
        combined.files += other.files
        combined.documents += other.documents
    return combined


def test_every_metric_of_the_contract_is_annotated_and_scored(report):
    assert set(F1_FLOORS) <= set(report.by_metric), set(F1_FLOORS) - set(report.by_metric)


@pytest.mark.parametrize("metric", sorted(F1_FLOORS))
def test_metric_f1_stays_above_its_floor(report, metric):
    tally = report.by_metric[metric]
    assert tally.f1 >= F1_FLOORS[metric], format_report(report, show_misses=True)


def test_overall_f1_and_as_of_accuracy(report):
    assert report.overall.f1 >= OVERALL_F1_FLOOR, format_report(report, show_misses=True)
    assert report.overall.as_of_accuracy >= AS_OF_FLOOR, format_report(report, show_misses=True)


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds is not beside the repository")
def test_seeds_score_at_least_099_f1():
    seeds = evaluate(ROOT / "tests" / "data" / "seeds", articles=SEEDS)
    assert seeds.overall.f1 >= 0.99, format_report(seeds, show_misses=True)
    assert seeds.overall.as_of_accuracy >= 0.99, format_report(seeds, show_misses=True)


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds is not beside the repository")
def test_seeds_are_dated_from_their_own_text_without_a_published_date():
    """Without --published, every seed whose text carries a date (a date line,
    a wire dateline, a photo caption and the report day it names) has its
    facts dated as with it; seed 003 names only "the 31st" and "the 28th", so
    no day of it can be known and its facts stay undated rather than guessed."""
    from extractor.nlp.pipeline import extract
    from extractor.readers import read

    for expected in sorted((ROOT / "tests" / "data" / "seeds").glob("*.expected.json")):
        article = SEEDS / expected.name[: -len(".expected.json")]
        spec = json.loads(expected.read_text(encoding="utf-8"))
        docs = list(read(article))
        for wanted in spec["documents"]:
            doc = docs[0] if not wanted.get("match") else next(d for d in docs if d.title == wanted["match"]["title"])
            found = {(f.subject, f.metric, f.investor, f.value): f.as_of for f in extract(doc.text, doc.published, title=doc.title)}
            for e in wanted["facts"]:
                day = found.get((e["subject"], e["metric"], e["investor"], e["value"]), "missing")
                if article.name.startswith("003_"):
                    assert day is None, e
                else:
                    assert day is not None and day.isoformat() == e["as_of"], (article.name, e, day)


#: The real articles of shared/realnews are other publishers' text and are
#: never in the repository; a developer who rebuilt them (DEVELOPERS.md)
#: points MARKETFACTS_REALNEWS_TEXTS at the folder and this gate runs.
REALNEWS = ROOT.parent / "shared" / "realnews" / "gold"
REALNEWS_TEXTS = os.environ.get("MARKETFACTS_REALNEWS_TEXTS")


@pytest.mark.skipif(not (REALNEWS_TEXTS and REALNEWS.exists()), reason="set MARKETFACTS_REALNEWS_TEXTS to the rebuilt real-article texts")
def test_real_articles_reach_the_issue_figures():
    from extractor.gold import evaluate_gold, format_gold_report

    report = evaluate_gold(REALNEWS, REALNEWS_TEXTS)
    text = format_gold_report(report, show_misses=True)
    assert not report.unreadable, text
    assert report.overall.f1 >= 0.93 and report.overall.precision >= 0.97, text
    assert report.overall.as_of_accuracy >= 0.95, text


#: Sets the rules were not written against. fixtures/holdout, fixtures/blind
#: and fixtures/blind2 were written without sight of the rules, and the
#: rules were later improved, generically, on what each showed;
#: fixtures/blind3 has never been tuned on (its misses are not read; first
#: look P 0.929, R 0.807, F1 0.863; after the fixes made on blind2,
#: P 0.934, R 0.834, F1 0.882). The floors guard precision
#: above all: a rule that starts to invent facts on new writing fails here
#: even when the tuned sets still pass.
UNSEEN_FLOORS = {
    "fixtures/holdout": {"precision": 0.95, "f1": 0.93},
    "fixtures/blind": {"precision": 0.96, "f1": 0.93},
    "fixtures/blind2": {"precision": 0.96, "f1": 0.89},
    "fixtures/blind3": {"precision": 0.93, "f1": 0.88},
    # Phrasing families the real articles of shared/realnews taught, written
    # in our own words in several outlets' styles (first look: P 0.962,
    # R 0.881, F1 0.920; the misses were fixed with general rules).
    "fixtures/phrasings": {"precision": 0.98, "f1": 0.95},
}


@pytest.mark.parametrize("part", sorted(UNSEEN_FLOORS))
def test_unseen_writing_keeps_precision_and_f1(part):
    scored = evaluate(ROOT / part)
    floors = UNSEEN_FLOORS[part]
    assert scored.overall.precision >= floors["precision"], format_report(scored, show_misses=True)
    assert scored.overall.f1 >= floors["f1"], format_report(scored, show_misses=True)
