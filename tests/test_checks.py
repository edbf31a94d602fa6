"""Facts that check each other: a day's close, change and percent; levels
reached; figures no day can bring (extractor/nlp/checks.py)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal

import pytest

from extractor import extract
from extractor.errors import PatternError
from extractor.model import Fact
from extractor.nlp import checks
from extractor.nlp.pipeline import extract_with_checks

DAY = date(2025, 11, 14)


def fact(metric, value, subject="KOSPI", start=0, end=10, ticker=None, rule="test"):
    unit = {"index_change_pct": "pct", "net_buy": "KRW", "price_change_pct": "pct", "fx_rate": "KRW_per_USD"}.get(metric, "points")
    return (Fact(subject, metric, value, unit, "x", start, end, ticker=ticker, as_of=DAY, rule=rule), Decimal("0.01"))


def run(*facts):
    counts: Counter = Counter()
    kept = checks.check(list(facts), counts)
    return [(f.metric, f.value) for f, _ in kept], counts


def test_close_change_and_percent_that_agree_are_kept_and_counted():
    kept, counts = run(fact("index_close", 2534.79), fact("index_change", 16.54), fact("index_change_pct", 0.66))
    assert len(kept) == 3
    assert counts["close, change and percent agree"] == 1


def test_a_percent_whose_sign_contradicts_the_change_is_dropped_with_the_change():
    kept, counts = run(fact("index_close", 2534.79), fact("index_change", 16.54), fact("index_change_pct", -0.66))
    assert kept == [("index_close", 2534.79)]
    assert counts["change and percent disagree in sign (dropped)"] == 1


def test_a_reading_written_apart_from_the_close_is_the_one_dropped():
    # The close and its percent quoted together; a "change" read elsewhere does not fit them.
    kept, _ = run(fact("index_close", 668.92, start=0, end=20), fact("index_change_pct", 1.21, start=0, end=20), fact("index_change", -0.4, start=50, end=60))
    assert sorted(kept) == [("index_change_pct", 1.21), ("index_close", 668.92)]


def test_a_percent_slightly_off_the_arithmetic_is_the_texts_own_slip_and_kept():
    # 12.19 points from 768.03 is 1.59%, written "1.9 percent": not a misreading.
    kept, counts = run(fact("index_close", 780.22), fact("index_change", 12.19), fact("index_change_pct", 1.9))
    assert len(kept) == 3
    assert counts["percent off the close's arithmetic (kept as written)"] == 1


def test_a_level_reached_below_the_open_and_close_is_the_low():
    kept, counts = run(fact("index_close", 2609.63), fact("index_open", 2644.17), fact("index_reached_down", 2601.45))
    assert ("index_low", 2601.45) in kept
    assert counts["reached level -> low"] == 1


def test_a_level_reached_that_the_close_does_not_explain_is_dropped():
    kept, _ = run(fact("index_close", 2609.63), fact("index_reached_down", 2650.0))  # "dropped to" above the close
    assert kept == [("index_close", 2609.63)]
    kept, _ = run(fact("index_reached_up", 2650.0))  # no close to tell: not a fact
    assert kept == []


def test_figures_no_day_can_bring_are_dropped():
    kept, counts = run(fact("net_buy", -10_170_000_000_000), fact("price_change_pct", 45.0, subject="Kia", ticker="000270"), fact("fx_rate", 1462.3, subject="USD/KRW"))
    assert kept == [("fx_rate", 1462.3)]
    assert counts["net_buy outside plausible bounds (dropped)"] == 1


def test_the_reader_settles_a_dropped_to_level_with_the_days_close():
    text = (
        "The KOSPI closed at 3,823.15, down 71.62 points (1.84%). The index opened at 3,871.09. "
        "Under heavy selling, the index dropped to 3,812.40 before it recovered some losses."
    )
    found, counts = extract_with_checks(text, DAY)
    assert [(f.metric, f.value) for f in found if f.value == 3812.4] == [("index_low", 3812.4)]
    assert counts["reached level -> low"] == 1
    assert counts["close, change and percent agree"] == 1


def test_a_contradicting_change_in_an_article_is_dropped_and_the_consistent_one_kept():
    consistent = extract("The KOSPI closed at 3,962.40, up 48.37 points (1.24%).", DAY)
    assert {f.metric for f in consistent} == {"index_close", "index_change", "index_change_pct"}
    contradicting = extract("The KOSPI closed at 3,962.40, up 48.37 points (-1.24%).", DAY)
    assert [f.metric for f in contradicting] == ["index_close"]


def test_a_bad_bounds_file_is_a_pattern_error_naming_the_line(tmp_path):
    bad = tmp_path / "bounds.jsonl"
    bad.write_text('{"metric": "net_buy", "max_abs": 1}\n{"metric": "no_such_metric", "max": 1}\n', encoding="utf-8")
    with pytest.raises(PatternError, match="no_such_metric") as error:
        checks.bounds(str(bad))
    assert f"{bad}:2: unknown metric" in str(error.value)


def test_a_second_close_far_from_the_first_is_dropped_with_its_sentence():
    kept, counts = run(
        fact("index_close", 2501.24, start=0, end=80),
        fact("index_change", 20.61, start=0, end=80),
        fact("index_change_pct", 0.83, start=0, end=80),
        fact("index_close", 677.01, start=300, end=360),
        fact("index_change", -3.66, start=300, end=360),
        fact("index_change_pct", -0.54, start=300, end=360),
    )
    assert sorted(kept) == [("index_change", 20.61), ("index_change_pct", 0.83), ("index_close", 2501.24)]
    assert counts["second close far from the first (dropped with its sentence)"] == 1


def test_a_close_restated_rounded_is_not_a_second_close():
    kept, _ = run(fact("index_close", 2501.24, start=0, end=80), fact("index_close", 2501.0, start=300, end=360))
    assert len(kept) == 2


def test_a_high_below_the_close_or_a_low_above_it_is_dropped():
    kept, counts = run(fact("index_close", 2531.63), fact("index_high", 2548.53), fact("index_low", 2522.92))
    assert len(kept) == 3
    kept, counts = run(fact("index_close", 2531.63), fact("index_high", 2522.92), fact("index_low", 2548.53))
    assert kept == [("index_close", 2531.63)]
    assert counts["index_high outside the day's open and close (dropped)"] == 1


def test_a_stocks_percent_that_fits_its_price_and_change_in_won_is_kept():
    got, counts = extract_with_checks("Samsung Electronics fell 1,500 won (2.04%) to 72,000 won on Friday.", DAY)
    assert ("price_change_pct", -2.04) in [(f.metric, f.value) for f in got]
    assert counts["price, change in won and percent agree"] == 1


def test_a_stocks_percent_its_price_and_change_in_won_contradict_is_dropped_and_the_price_kept():
    got, counts = extract_with_checks("SK hynix rose 4,000 won, or 6.8 percent, to close at 590,000 won.", DAY)
    assert [(f.metric, f.value) for f in got] == [("price", 590000)]
    assert counts["percent contradicts the price and its change in won (dropped)"] == 1
