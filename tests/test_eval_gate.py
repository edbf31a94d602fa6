"""Quality gate: the annotated fixtures are scored on every test run.

A rule change that breaks another metric fails here, with the per-metric
report in the failure message. Floors sit a little under today's scores
(see README, "Extraction quality"); raise them when the extractor improves,
never lower them to let a regression through.
"""

from __future__ import annotations

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
def test_seeds_score_at_least_095_f1():
    seeds = evaluate(ROOT / "tests" / "data" / "seeds", articles=SEEDS)
    assert seeds.overall.f1 >= 0.95, format_report(seeds, show_misses=True)
    assert seeds.overall.as_of_accuracy >= 0.9, format_report(seeds, show_misses=True)


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
    "fixtures/blind3": {"precision": 0.91, "f1": 0.85},
}


@pytest.mark.parametrize("part", sorted(UNSEEN_FLOORS))
def test_unseen_writing_keeps_precision_and_f1(part):
    scored = evaluate(ROOT / part)
    floors = UNSEEN_FLOORS[part]
    assert scored.overall.precision >= floors["precision"], format_report(scored, show_misses=True)
    assert scored.overall.f1 >= floors["f1"], format_report(scored, show_misses=True)
