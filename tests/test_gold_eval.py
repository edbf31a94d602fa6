"""marketfacts eval --gold: real articles scored by shared/realnews/README.md's rule."""

from __future__ import annotations

import hashlib
import json

from click.testing import CliRunner

from extractor.cli import main
from extractor.gold import GoldReport, evaluate_gold, normalize_subject, score_article

ARTICLE = (
    "SEOUL, Nov. 14 (Yonhap) -- The KOSPI closed at 4,011.50 on Friday, up 0.8 percent. "
    "Individuals net bought 120.5 billion won, while foreigners sold 98.1 billion won."
)


def gold_fact(subject, metric, value, investor=None, as_of="2025-11-14", ticker=None):
    return {"subject": subject, "ticker": ticker, "metric": metric, "value": value, "unit": "KRW", "investor": investor, "as_of": as_of, "qualifier": None, "evidence": ""}


def found(subject, metric, value, investor=None, as_of="2025-11-14", ticker=None):
    return {"subject": subject, "ticker": ticker, "metric": metric, "value": value, "investor": investor, "as_of": as_of}


def test_subjects_match_on_letters_digits_and_hangul_only():
    assert normalize_subject("SK Hynix") == normalize_subject("SK hynix") == "skhynix"
    assert normalize_subject("LG H&H") == "lghh"
    assert normalize_subject("KOSPI 200") == "kospi200"
    assert normalize_subject("삼성전자") == "삼성전자"


def test_matching_reads_individual_as_retail_allows_a_millionth_and_counts_each_fact_once():
    report = GoldReport()
    gold = [gold_fact("KOSPI", "net_buy", 120500000000, "individual"), gold_fact("KOSPI", "net_buy", 120500000000, "individual")]
    score = score_article("a", [found("KOSPI", "net_buy", 120500000001, "retail")], gold, report)
    assert (score.found, score.expected, score.matched) == (1, 1, 1)  # the gold twin is deduplicated


def test_tickers_match_when_names_differ_and_as_of_counts_only_where_gold_has_one():
    report = GoldReport()
    gold = [gold_fact("EcoPro BM", "price", 97800, ticker="247540"), gold_fact("SK hynix", "target_price", 700000, as_of=None)]
    predicted = [found("Ecopro BM Co", "price", 97800, ticker="247540", as_of="2025-11-13"), found("SK hynix", "target_price", 700000, as_of="2025-11-14")]
    score = score_article("a", predicted, gold, report)
    assert score.matched == 2
    assert (score.dated, score.as_of_right) == (1, 0)
    assert [line.kind for line in report.lines] == ["as_of"]


def test_matching_is_greedy_in_gold_order_and_misses_and_extras_are_listed():
    report = GoldReport()
    gold = [gold_fact("KOSPI", "index_close", 4011.5), gold_fact("KOSDAQ", "index_close", 702.1)]
    predicted = [found("KOSPI", "index_close", 4011.5), found("KOSPI", "index_close", 702.1)]
    score = score_article("a", predicted, gold, report)
    assert (score.precision, score.recall) == (0.5, 0.5)
    assert sorted(line.kind for line in report.lines) == ["extra", "missed"]


def _gold_set(tmp_path, text, facts, sha=None):
    gold, texts = tmp_path / "gold", tmp_path / "texts"
    gold.mkdir()
    texts.mkdir()
    (texts / "yna-1.txt").write_text(text, encoding="utf-8")
    spec = {"id": "yna-1", "url": "https://example.invalid/1", "published": "2025-11-14", "text_sha256": sha or hashlib.sha256(text.encode()).hexdigest(), "facts": facts}
    (gold / "yna-1.json").write_text(json.dumps(spec), encoding="utf-8")
    return gold, texts


def test_a_gold_set_is_scored_from_texts_kept_apart(tmp_path):
    facts = [
        gold_fact("KOSPI", "index_close", 4011.5),
        gold_fact("KOSPI", "net_buy", 120500000000, "individual"),
        gold_fact("KOSPI", "net_buy", -98100000000, "foreign"),
        gold_fact("KOSPI", "index_change_pct", 0.8),
    ]
    report = evaluate_gold(*_gold_set(tmp_path, ARTICLE, facts))
    assert report.overall.expected == 4
    assert report.overall.matched == 4 and report.overall.precision == 1.0
    assert report.overall.as_of_accuracy == 1.0
    assert set(report.by_article) == {"yna-1"}


def test_a_text_that_is_missing_or_changed_counts_its_facts_as_missed(tmp_path):
    report = evaluate_gold(*_gold_set(tmp_path, ARTICLE, [gold_fact("KOSPI", "index_close", 4011.5)], sha="0" * 64))
    assert report.unreadable == ["yna-1"]
    assert (report.overall.expected, report.overall.matched) == (1, 0)


def test_the_eval_command_prints_overall_per_metric_per_article_and_the_misses(tmp_path):
    gold, texts = _gold_set(tmp_path, ARTICLE, [gold_fact("KOSPI", "index_close", 4011.5), gold_fact("KOSDAQ", "index_close", 702.1)])
    result = CliRunner().invoke(main, ["eval", "--gold", str(gold), "--texts", str(texts), "--show-misses"])
    assert result.exit_code == 0, result.output
    assert "by metric" in result.output and "by article" in result.output
    assert "yna-1" in result.output
    assert "missed  yna-1: KOSDAQ index_close" in result.output
    bad = CliRunner().invoke(main, ["eval", "--gold", str(gold)])
    assert bad.exit_code == 2 and "--gold and --texts go together" in bad.output
