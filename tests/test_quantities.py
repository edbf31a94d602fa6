"""The quantity layer: every spelling of a figure the news uses, and what is not a figure.

Sentences are written for these tests in the style of Korean market news.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.errors import PatternError
from extractor.model import QUALIFIERS
from extractor.nlp.quantities import QuantityFinder, find_quantities, load_vocabulary

UNITS_FILE = Path(__file__).resolve().parents[1] / "patterns" / "units.jsonl"


def only(text: str):
    """The single quantity in ``text``."""
    found = find_quantities(text)
    assert len(found) == 1, f"expected one quantity in {text!r}, got {found}"
    return found[0]


def the(text: str, written: str):
    """The quantity whose text is ``written``; checks its offsets point at it."""
    matches = [q for q in find_quantities(text) if q.text == written]
    assert matches, f"{written!r} not found in {text!r}: {find_quantities(text)}"
    q = matches[0]
    assert text[q.start : q.end] == written
    return q


# --------------------------------------------------------------------------
# Won


@pytest.mark.parametrize(
    "sentence, written",
    [
        ("Foreign investors net-sold ₩3.76tn on Tuesday.", "₩3.76tn"),
        ("Foreigners dumped 3.76 trillion won of Kospi shares.", "3.76 trillion won"),
        ("Offshore funds sold KRW 3.76 trillion in a single session.", "KRW 3.76 trillion"),
        ("Overseas investors unloaded W3.76 trillion worth of stocks.", "W3.76 trillion"),
    ],
)
def test_every_spelling_of_trillions_of_won_is_the_same_amount(sentence, written):
    q = the(sentence, written)
    assert (q.value, q.unit, q.sign, q.qualifier) == (3_760_000_000_000, "KRW", None, None)


def test_won_amount_has_exact_offsets():
    sentence = "Retail bought ₩1.89tn while foreigners sold."
    q = only(sentence)
    assert (q.text, q.start, q.end) == ("₩1.89tn", 14, 21)


def test_trillions_and_billions_written_out_add_up():
    q = only("The Kospi short balance reached 9 trillion 445 billion won.")
    assert (q.text, q.value, q.unit) == ("9 trillion 445 billion won", 9_445_000_000_000, "KRW")


def test_compound_amount_keeps_a_decimal_in_its_second_group():
    q = only("At the time the balance was 3 trillion 915.6 billion won.")
    assert (q.value, q.unit) == (3_915_600_000_000, "KRW")


def test_decimal_trillions_are_exact_integers():
    q = only("Margin loans had peaked at 27.5288 trillion won.")
    assert q.value == 27_528_800_000_000
    assert isinstance(q.value, int)
    assert only("Lending rose to 2.8212 trillion won.").value == 2_821_200_000_000


@pytest.mark.parametrize(
    "sentence, written, value, sign",
    [
        ("Retail investors were net buyers at +₩1,890bn.", "+₩1,890bn", 1_890_000_000_000, 1),
        ("Foreigners were net sellers at -₩3,760bn.", "-₩3,760bn", -3_760_000_000_000, -1),
        ("Pension funds added ₩-450bn.", "₩-450bn", -450_000_000_000, -1),
    ],
)
def test_signed_won_amounts_carry_their_sign(sentence, written, value, sign):
    q = the(sentence, written)
    assert (q.value, q.unit, q.sign) == (value, "KRW", sign)


@pytest.mark.parametrize(
    "sentence, written, value",
    [
        ("SK hynix closed at ₩1,976,000 on Wednesday.", "₩1,976,000", 1_976_000),
        ("Kia finished the day at 66,700 won.", "66,700 won", 66_700),
        ("The won weakened to 1,375.4 won per dollar.", "1,375.4 won", 1375.4),
        ("The stock hit the 1,310-won mark.", "1,310-won", 1310),
    ],
)
def test_share_prices_in_won(sentence, written, value):
    q = the(sentence, written)
    assert (q.value, q.unit) == (value, "KRW")


def test_won_plus_means_more_than_and_stays_out_of_the_text():
    q = only("Daily turnover stayed at 1 trillion won-plus all week.")
    assert (q.text, q.value, q.unit, q.qualifier) == ("1 trillion won", 1_000_000_000_000, "KRW", "more_than")


@pytest.mark.parametrize(
    "written, value",
    [
        ("9조4450억원", 9_445_000_000_000),
        ("9조 4,450억 원", 9_445_000_000_000),
        ("3억 원", 300_000_000),
        ("1만원", 10_000),
        ("1,234원", 1_234),
        ("5천억원", 500_000_000_000),
        ("12만3천원", 123_000),
        ("2.5조원", 2_500_000_000_000),
    ],
)
def test_korean_units_of_won(written, value):
    q = the(f"공매도 잔고는 {written}이다.", written)
    assert (q.value, q.unit) == (value, "KRW")


def test_won_the_verb_is_not_a_currency():
    found = find_quantities("Hanwha Aerospace won a $48.2 million order from Poland.")
    assert [(q.text, q.unit) for q in found] == [("$48.2 million", "USD")]


def test_won_after_a_year_is_the_verb():
    assert find_quantities("Hyundai Rotem in 2024 won the tender for trams.") == []


# --------------------------------------------------------------------------
# Other currencies


@pytest.mark.parametrize(
    "written, value, unit",
    [
        ("$145 million", 145_000_000, "USD"),
        ("US$891.8 billion", 891_800_000_000, "USD"),
        ("USD 6.7bn", 6_700_000_000, "USD"),
        ("$6.7B", 6_700_000_000, "USD"),
        ("$6.7bn", 6_700_000_000, "USD"),
        ("€2 billion", 2_000_000_000, "EUR"),
        ("300 million euros", 300_000_000, "EUR"),
        ("¥500 billion", 500_000_000_000, "JPY"),
        ("450,000 yen", 450_000, "JPY"),
        ("£1.2 billion", 1_200_000_000, "GBP"),
        ("361 million pounds", 361_000_000, "GBP"),
        ("100 billion yuan", 100_000_000_000, "CNY"),
        ("CNY 3", 3, "CNY"),
        ("CHF 3.04", 3.04, "CHF"),
        ("C$16.4 million", 16_400_000, "CAD"),
        ("HK$10.05 billion", 10_050_000_000, "HKD"),
        ("A$2 billion", 2_000_000_000, "AUD"),
        ("125 million Australian dollars", 125_000_000, "AUD"),
        ("10,000 Swiss francs", 10_000, "CHF"),
    ],
)
def test_foreign_currencies_resolve_to_iso_codes(written, value, unit):
    q = the(f"The Korean unit was worth {written} in the deal.", written)
    assert (q.value, q.unit) == (value, unit)


def test_article_before_a_dollar_sign_is_not_australian():
    # "a $5 billion" must not read as "A$5 billion"
    q = only("Samsung signed a $5 billion supply deal.")
    assert (q.text, q.unit) == ("$5 billion", "USD")


def test_dollar_conversion_in_parentheses_is_a_second_quantity():
    found = find_quantities("Individuals sold a net 209.2 billion won ($145 million) of stocks.")
    assert [(q.text, q.value, q.unit) for q in found] == [
        ("209.2 billion won", 209_200_000_000, "KRW"),
        ("$145 million", 145_000_000, "USD"),
    ]


# --------------------------------------------------------------------------
# Scales, number words, digits


@pytest.mark.parametrize(
    "written, value",
    [
        ("10k", 10_000),
        ("10K", 10_000),
        ("2.5 thousand", 2_500),
        ("1.2 million", 1_200_000),
        ("1.5mn", 1_500_000),
        ("3M", 3_000_000),
        ("2 billion", 2_000_000_000),
        ("2bn", 2_000_000_000),
        ("1.2b", 1_200_000_000),
        ("3 trillion", 3_000_000_000_000),
        ("3tn", 3_000_000_000_000),
        ("3trn", 3_000_000_000_000),
        ("3 Trillion", 3_000_000_000_000),
    ],
)
def test_scale_words_and_abbreviations_multiply(written, value):
    q = the(f"Turnover was {written} that day.", written)
    assert q.value == value


@pytest.mark.parametrize(
    "written, value, sign",
    [
        ("three hundred million", 300_000_000, None),
        ("twenty-one trillion and three hundred", 21_000_000_000_300, None),
        ("negative five hundred and four", -504, -1),
        ("minus three million two hundred thousand", -3_200_000, -1),
        ("seven hundred twenty-one thousand twelve", 721_012, None),
    ],
)
def test_number_words(written, value, sign):
    q = only(f"The screen showed {written} at the close.")
    assert (q.text, q.value, q.sign) == (written, value, sign)


def test_a_trillion_is_one_trillion():
    q = only("Retail money topped a trillion won.")
    assert (q.text, q.value, q.unit) == ("a trillion won", 1_000_000_000_000, "KRW")


def test_a_before_an_adjective_is_just_an_article():
    assert find_quantities("It was a billion-dollar bet on chips.") == []


def test_number_words_that_do_not_form_one_number_stay_apart():
    assert [q.value for q in find_quantities("Pick one two names.")] == [1, 2]


def test_two_figures_with_the_same_scale_are_not_one_compound():
    found = find_quantities("Retail bought 1 trillion 2 trillion won in turns.")
    assert [(q.text, q.value) for q in found] == [("1 trillion", 10**12), ("2 trillion won", 2 * 10**12)]


@pytest.mark.parametrize(
    "written, value",
    [(".08", 0.08), ("1,234,567", 1_234_567), ("7,844.01", 7844.01), ("100,000.0", 100_000), ("4.800", 4.8)],
)
def test_digits_with_separators_and_decimals(written, value):
    q = only(f"The figure was {written} in the report.")
    assert (q.text, q.value, q.unit) == (written, value, None)


def test_a_hyphen_does_not_join_a_scale():
    q = only("Coupang filed its 10-K on Friday.")
    assert (q.text, q.value) == ("10", 10)


def test_comma_without_a_group_of_three_separates_numbers():
    assert [q.value for q in find_quantities("Items 22,24,26 were flagged.")] == [22, 24, 26]


def test_thirty_digit_figures_keep_every_digit():
    q = only("The ledger showed -123456789012345678901234567891 in total.")
    assert q.value == -123456789012345678901234567891


def test_longer_digit_runs_are_not_figures():
    assert find_quantities("Hash 1234567890123456789012345678901 was logged.") == []


def test_integral_values_are_ints_and_others_floats():
    assert isinstance(only("down 3.00%").value, int)
    assert isinstance(only("down 3.05%").value, float)


# --------------------------------------------------------------------------
# Signs


@pytest.mark.parametrize(
    "written, value, sign",
    [
        ("+2.63%", 2.63, 1),
        ("-1.69%", -1.69, -1),
        ("−0.5%", -0.5, -1),
        ("–1.2%", -1.2, -1),
        ("▲3.2%", 3.2, 1),
        ("▼1.5%", -1.5, -1),
        ("▼ 1.5%", -1.5, -1),
        ("(−)3.5%", -3.5, -1),
    ],
)
def test_sign_characters(written, value, sign):
    q = only(f"The Kosdaq ended {written} on the day.")
    assert (q.text, q.value, q.sign) == (written, value, sign)


def test_parentheses_are_not_a_sign():
    q = the("The Kosdaq rose 2.77p (0.35%) to 800.47.", "0.35%")
    assert (q.value, q.sign) == (0.35, None)


def test_dash_between_two_figures_is_not_a_sign():
    found = find_quantities("Analysts see a range of 2,500 - 2,600 this month.")
    assert [(q.text, q.value, q.sign) for q in found] == [("2,500", 2500, None), ("2,600", 2600, None)]


def test_hyphen_inside_a_range_or_name_is_not_a_sign():
    assert [q.value for q in find_quantities("The top 10-20 names by market cap")] == [10, 20]
    assert [q.value for q in find_quantities("Top-10 names went sideways")] == [10]


def test_double_dash_before_an_amount_is_punctuation():
    q = only("Seoul - - $ 75 million of bonds were sold.")
    assert (q.text, q.value, q.sign) == ("$ 75 million", 75_000_000, None)


# --------------------------------------------------------------------------
# Percentages, percentage points, basis points


@pytest.mark.parametrize(
    "written, value",
    [("-12.59%", -12.59), ("12.59 percent", 12.59), ("12.59 per cent", 12.59), ("+2.63%", 2.63), ("6 . 2 %", 6.2)],
)
def test_percent_spellings(written, value):
    q = only(f"Ecopro moved {written} from the previous day.")
    assert (q.text, q.value, q.unit) == (written, value, "pct")


@pytest.mark.parametrize(
    "written, value, unit",
    [
        ("0.27 percentage points", 0.27, "pp"),
        ("0.27%p", 0.27, "pp"),
        ("0.27 %p", 0.27, "pp"),
        ("27bp", 27, "bp"),
        ("27 basis points", 27, "bp"),
    ],
)
def test_percentage_points_and_basis_points(written, value, unit):
    q = only(f"The yield spread widened {written} overnight.")
    assert (q.text, q.value, q.unit) == (written, value, unit)


# --------------------------------------------------------------------------
# Index points, counts, shares


@pytest.mark.parametrize(
    "written, value",
    [("7.46p", 7.46), ("151.59 points", 151.59), ("25.58 pts", 25.58), ("4-point", 4)],
)
def test_index_points(written, value):
    q = the(f"The Kospi slipped {written} in a reversal.", written)
    assert (q.value, q.unit) == (value, "points")


def test_a_bare_index_level_has_no_unit():
    q = only("The Kospi closed at 7,844.01.")
    assert (q.value, q.unit) == (7844.01, None)


@pytest.mark.parametrize(
    "written, value, unit",
    [
        ("955 advancers", 955, "count"),
        ("1,455 decliners", 1455, "count"),
        ("2,827 stocks", 2827, "count"),
        ("120 companies", 120, "count"),
        ("3.5 million shares", 3_500_000, "shares"),
    ],
)
def test_counts_and_shares(written, value, unit):
    q = only(f"Breadth showed {written} on the main board.")
    assert (q.text, q.value, q.unit) == (written, value, unit)


def test_durations_are_bare_numbers():
    assert [(q.value, q.unit) for q in find_quantities("Gains ran for 13 weeks after 16 months.")] == [
        (13, None),
        (16, None),
    ]


# --------------------------------------------------------------------------
# Qualifiers


@pytest.mark.parametrize(
    "phrase, qualifier",
    [
        ("about", "approx"),
        ("around", "approx"),
        ("roughly", "approx"),
        ("approximately", "approx"),
        ("nearly", "approx"),
        ("almost", "approx"),
        ("some", "approx"),
        ("close to", "approx"),
        ("~", "approx"),
        ("≈ ", "approx"),
        ("\\~", "approx"),
        ("more than", "more_than"),
        ("over", "more_than"),
        ("upwards of", "more_than"),
        ("less than", "less_than"),
        ("fewer than", "less_than"),
        ("under", "less_than"),
        ("an estimated", "estimated"),
        ("estimated", "estimated"),
        ("est.", "estimated"),
    ],
)
def test_qualifier_before_a_figure(phrase, qualifier):
    sentence = f"Institutions bought {phrase} ₩1.2tn of chip stocks."
    q = only(sentence.replace(f"{phrase} ₩", f"{phrase}₩") if phrase in ("~", "\\~") else sentence)
    assert (q.text, q.value, q.qualifier) == ("₩1.2tn", 1_200_000_000_000, qualifier)


def test_qualifier_words_stay_out_of_text_and_offsets():
    sentence = "Samsung rose about 3% in early trade."
    q = only(sentence)
    assert (q.text, q.start, q.qualifier) == ("3%", sentence.index("3%"), "approx")


def test_qualified_figure_keeps_its_written_value():
    # "down more than 2%": the direction is the fact layer's; we report 2.
    q = only("The Kosdaq was down more than 2% at noon.")
    assert (q.value, q.sign, q.qualifier) == (2, None, "more_than")


def test_approximate_signed_amount():
    q = only("Foreign and institutional buying combined ~+₩188bn.")
    assert (q.text, q.value, q.sign, q.qualifier) == ("+₩188bn", 188_000_000_000, 1, "approx")


def test_over_before_a_bare_number_is_a_preposition():
    q = only("Foreigners sold over 3 sessions.")
    assert (q.value, q.qualifier) == (3, None)


def test_a_level_crossed_is_not_qualified():
    q = only("The index rose above 2,400 in the morning.")
    assert (q.value, q.qualifier) == (2400, None)


def test_trailing_plus_means_more_than():
    q = only("The Kosdaq could reach 1,200+ by June.")
    assert (q.text, q.value, q.qualifier) == ("1,200", 1200, "more_than")


def test_no_more_than_is_less_than():
    assert only("Losses were no more than 3% a day.").qualifier == "less_than"


# --------------------------------------------------------------------------
# What is not a quantity


@pytest.mark.parametrize(
    "sentence",
    [
        # years
        "Shares hit a record in 2025.",
        "Margin debt grew in 2026 alone.",
        "Hyundai showed robots at CES 2026.",
        "1Q26 results beat forecasts.",
        "4Q25 earnings were strong.",
        # dates
        "The Kospi rebounded on May 13.",
        "The previous record was set on Dec. 17, 2025.",
        "Watch flows today (5/14).",
        "Data cut: 2026-05-13.",
        "Published: 07 Jan. 2026",
        "Seoul, July 11, 2025",
        "As of the 9th, balances fell.",
        "On the 13th, short sellers returned.",
        "Since the third week of April (14th-18th), gains held.",
        "Flows across May 12-13 were mixed.",
        # times
        "The won was quoted as of 3:30 PM.",
        "At 9:10 a.m. the index peaked.",
        "14:00 acceleration",
        "15:30 close",
        "Trading opens at 9 a.m. sharp.",
        "Updated 07:02:50 +0900",
        "[1] MKT RECAP - 13 May (Wed)",
        # spans written as adjectives
        "The index hit a 52-week high.",
        "Bonds rallied after a 3-day slide on the 10-year note.",
        # ratios
        "Decliners beat advancers 33:51.",
        # phone numbers
        "Call the desk at 02-3772-1234.",
        "Call +82-2-3772-1234 for details.",
        # section numbers at the start of a heading
        "1.2 May 13 market-level flow",
        "2.1 The leading names",
        "4. The foreign selling",
        # tickers
        "Samsung Electronics (005930) fell.",
        "The code is 005930 on the main board.",
        "SK hynix (000660) rose.",
        "Bought A005930 on margin.",
        "LG Energy Solution (373220) slid.",
        "Watch 373220.KS today.",
        # ordinals
        "It was the first session of the week.",
        "Its 3rd straight gain came on Friday.",
        # links
        "See https://example.com/post/kospi-may-13-rally-2026 for more.",
    ],
)
def test_not_a_quantity(sentence):
    assert find_quantities(sentence) == []


def test_a_headline_figure_in_title_case_is_not_a_section_number():
    q = only("12.5 Trillion Won Sold by Foreigners")
    assert (q.value, q.unit) == (12_500_000_000_000, "KRW")


def test_figure_beside_a_section_number_is_still_found():
    found = find_quantities("3.2 Why did foreigners sell ₩3.76tn?")
    assert [q.text for q in found] == ["₩3.76tn"]


def test_a_comma_number_after_a_month_is_a_figure_not_a_day():
    assert [q.value for q in find_quantities("Sales in March 2,500 units")] == [2500]


# --------------------------------------------------------------------------
# Output shape


def test_quantities_are_sorted_non_overlapping_and_exact_slices():
    text = (
        "KOSPI May 13: closed at 7,844.01 (+2.63%). Foreigners -₩3.76tn, retail +₩1.89tn, "
        "institutions about ₩1.69tn. Breadth: 955 advancers vs. 1,455 decliners; "
        "9조4450억원 short balance; $6.7bn ETF inflow since 2025."
    )
    found = find_quantities(text)
    assert [q.text for q in found] == [
        "7,844.01", "+2.63%", "-₩3.76tn", "+₩1.89tn", "₩1.69tn",
        "955 advancers", "1,455 decliners", "9조4450억원", "$6.7bn",
    ]
    for q, following in zip(found, found[1:]):
        assert q.end <= following.start
    for q in found:
        assert text[q.start : q.end] == q.text
        assert q.qualifier in (None, *QUALIFIERS)


def test_empty_text_has_no_quantities():
    assert find_quantities("") == []


# --------------------------------------------------------------------------
# The vocabulary is data


def test_vocabulary_file_opens_with_a_comment_saying_what_it_holds():
    assert UNITS_FILE.read_text(encoding="utf-8").startswith("// ")


def test_an_analyst_can_add_a_currency_word_without_touching_code(tmp_path):
    vocabulary = tmp_path / "units.jsonl"
    baht = {"kind": "currency", "text": "baht", "unit": "THB", "suffix": "spaced"}
    vocabulary.write_text(UNITS_FILE.read_text(encoding="utf-8") + json.dumps(baht) + "\n", encoding="utf-8")
    finder = QuantityFinder(load_vocabulary(vocabulary))
    [q] = finder.find("The fund raised 5 billion baht in Bangkok.")
    assert (q.text, q.value, q.unit) == ("5 billion baht", 5_000_000_000, "THB")


@pytest.mark.parametrize(
    "line, reason",
    [
        ('{"kind": "currency", "text": "baht", "unit": "thb", "suffix": "spaced"}', "ISO 4217"),
        ('{"kind": "colour", "text": "red"}', "unknown kind"),
        ('{"kind": "scale", "text": "lakh", "multiplier": "many"}', "multiplier"),
        ('{"kind": "qualifier", "text": "circa", "qualifier": "approximately", "position": "before"}', "qualifier"),
        ('{"kind": "unit", "text": "bps", "unit": "bp", "suffix": "close"}', "suffix"),
        ('{"kind": "currency", "text": "baht"', "not valid JSON"),
        ('{"kind": "currency", "text": "baht", "unit": "THB", "sufix": "spaced"}', "unknown key(s) for a currency: sufix"),
        ('{"kind": ["currency"], "text": "baht"}', "unknown kind"),
        ('{"kind": "currency", "text": "won", "unit": "KRW", "suffix": "spaced", "verb_before": "a"}', "verb_before"),
        ('{"kind": "scale", "text": "lakh", "multiplier": "100000", "word": "yes"}', "word must be true or false"),
    ],
)
def test_a_broken_vocabulary_line_is_reported_with_file_and_line(tmp_path, line, reason):
    vocabulary = tmp_path / "units.jsonl"
    vocabulary.write_text("// test vocabulary\n" + '{"kind": "unit", "text": "%", "unit": "pct", "suffix": "spaced"}\n' + line + "\n")
    with pytest.raises(PatternError) as caught:
        load_vocabulary(vocabulary)
    assert caught.value.line == 3
    assert reason in caught.value.reason
    assert "units.jsonl:3" in str(caught.value)


def test_blog_abbreviations_tril_and_bil_are_scales():
    assert the("KOSDAQ 9.3 tril won", "9.3 tril won").value == 9_300_000_000_000
    assert the("a 410 bil won position", "410 bil won").value == 410_000_000_000


def test_a_number_before_a_word_that_only_starts_like_a_month_stays_a_figure():
    assert the("up 3 Mayors", "3").value == 3


# -- broadcast copy, ranks, times ------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, written, value, unit",
    [
        ("The index lost 54-point-66 points.", "54-point-66 points", 54.66, "points"),
        ("It fell two-point-78 percent.", "two-point-78 percent", 2.78, "pct"),
        ("It closed at one-thousand-908-point-27 points.", "one-thousand-908-point-27 points", 1908.27, "points"),
        ("Foreigners dumped 696-point-one billion won.", "696-point-one billion won", 696_100_000_000, "KRW"),
        ("Retail buyers took one-point-37 trillion won.", "one-point-37 trillion won", 1_370_000_000_000, "KRW"),
        ("The won ended at one-thousand-193 won.", "one-thousand-193 won", 1193, "KRW"),
        ("The won gained point-two won.", "point-two won", 0.2, "KRW"),
        ("The KOSDAQ closed at 841-point-45.", "841-point-45", 841.45, None),
    ],
)
def test_numerals_spelled_for_radio_are_read_exactly(sentence, written, value, unit):
    q = the(sentence, written)
    assert (q.value, q.unit) == (value, unit)


def test_a_hyphenated_point_move_is_still_a_move_in_points():
    assert (only("a 54-point rise").value, only("a 54-point rise").unit) == (54, "points")


def test_ranks_and_at_one_point_are_not_figures():
    assert [q.text for q in find_quantities("Samsung ranked No. 1 and SK hynix No.2; at one point in the afternoon it fell.")] == []


@pytest.mark.parametrize(
    "text, written, value, unit",
    [
        ("institutions bought 41.2 billion and 88.5 billion KRW", "41.2 billion", 41_200_000_000, "KRW"),
        ("they bought 1.2 and 1.5 trillion won", "1.2", 1_200_000_000_000, "KRW"),
        ("the two rose 1.84 and 1.82%", "1.84", 1.84, "pct"),
    ],
)
def test_a_bare_figure_joined_by_and_shares_the_unit_and_scale_after_it(text, written, value, unit):
    q = the(text, written)
    assert (q.value, q.unit) == (value, unit)


def test_a_names_number_before_and_takes_no_unit():
    assert the("stocks in the KOSPI 200 and 3 trillion won of bonds", "200").unit is None
