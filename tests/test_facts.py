"""The fact layer, one rule family at a time, on sentences written like the news."""

from __future__ import annotations

from datetime import date

import pytest

from extractor import extract

PUB = date(2026, 5, 14)  # a Thursday


def facts(text, published=PUB, title=None):
    return [(f.subject, f.metric, f.investor, f.value) for f in extract(text, published, title=title)]


def one(text, metric, published=PUB, **kw):
    found = [f for f in extract(text, published, title=kw.pop("title", None)) if f.metric == metric]
    assert len(found) == 1, found
    return found[0]


# -- index levels and changes ---------------------------------------------------


def test_close_with_points_and_percent_changes_both_negative():
    got = facts("The KOSPI closed at 3,853.26, down 151.59 points (3.79%).")
    assert ("KOSPI", "index_close", None, 3853.26) in got
    assert ("KOSPI", "index_change", None, -151.59) in got
    assert ("KOSPI", "index_change_pct", None, -3.79) in got


def test_change_then_level_reached_is_the_close():
    got = facts("The KOSDAQ index increases by 2.77p (0.35%), reaching 800.47.")
    assert set(got) >= {
        ("KOSDAQ", "index_change", None, 2.77),
        ("KOSDAQ", "index_change_pct", None, 0.35),
        ("KOSDAQ", "index_close", None, 800.47),
    }


def test_closed_up_points_or_percent_at_level():
    got = facts("The Kospi closed up 25.58 points or 0.57 percent at 4,551.06.")
    assert set(got) == {
        ("KOSPI", "index_change", None, 25.58),
        ("KOSPI", "index_change_pct", None, 0.57),
        ("KOSPI", "index_close", None, 4551.06),
    }


def test_intraday_peak_and_low_are_high_and_low():
    assert one("The Kospi hit an intraday peak of 4,611.72 points.", "index_high").value == 4611.72
    assert one("The KOSPI slid early. The index at one point fell as low as 3,838.46.", "index_low").value == 3838.46


def test_opening_level_is_index_open_but_change_at_the_open_is_no_fact():
    assert one("The KOSPI opened at 3,908.70.", "index_open").value == 3908.70
    assert facts("The KOSPI opened 0.21% higher.") == []


def test_a_level_crossed_is_not_a_fact():
    assert facts("The KOSPI rose above 2,400 for the first time.") == []
    assert facts("The Kospi climbed above 4,600 during trading on Wednesday.") == []


def test_year_to_date_change_is_not_a_fact():
    assert facts("The KOSPI has soared 61% year-to-date.") == []


def test_signed_percent_right_after_an_index_is_its_change():
    assert one("The KOSDAQ closed -0.20% on the day.", "index_change_pct").value == -0.20


# -- investor flows ---------------------------------------------------------------


def test_foreign_selling_is_negative_net_buy_with_full_precision():
    f = one("Foreign investors sold off 2.8212 trillion won worth of KOSPI shares.", "net_buy")
    assert (f.subject, f.investor, f.value, f.unit) == ("KOSPI", "foreign", -2821200000000, "KRW")


def test_respectively_assigns_each_amount_to_its_investor():
    got = facts(
        "On the KOSPI, individual investors and institutional investors recorded net purchases "
        "of 2.2929 trillion won and 495.5 billion won, respectively."
    )
    assert set(got) == {("KOSPI", "net_buy", "retail", 2292900000000), ("KOSPI", "net_buy", "institution", 495500000000)}


def test_respectively_with_selling_makes_both_negative():
    got = facts("In the KOSPI market, foreigners and institutions sold stocks worth 56.9 billion won and 122.9 billion won, respectively.")
    assert set(got) == {("KOSPI", "net_buy", "foreign", -56900000000), ("KOSPI", "net_buy", "institution", -122900000000)}


def test_each_clause_keeps_its_own_investor_and_sign():
    got = facts(
        "The KOSPI slipped. Individual investors sold a net 209.2 billion won ($145 million) worth of stocks "
        "while institutions offloaded 744.2 billion won. Foreign investors stepped in with net purchases of 978 billion won."
    )
    assert set(got) == {
        ("KOSPI", "net_buy", "retail", -209200000000),
        ("KOSPI", "net_buy", "institution", -744200000000),
        ("KOSPI", "net_buy", "foreign", 978000000000),
    }


def test_written_signs_beside_investors_give_direction():
    got = facts("On the KOSPI, foreigners net-sold ₩3.76tn but retail (+₩1.89tn) and institutions (+₩1.69tn) absorbed it.")
    assert set(got) == {
        ("KOSPI", "net_buy", "foreign", -3760000000000),
        ("KOSPI", "net_buy", "retail", 1890000000000),
        ("KOSPI", "net_buy", "institution", 1690000000000),
    }


def test_combined_flow_of_two_groups_is_not_a_fact():
    assert facts("On the KOSPI, institutions and individuals bought a combined 112 billion won.") == []


def test_dollar_conversion_is_not_a_fact():
    got = facts("On the KOSPI, individual investors sold a net 209.2 billion won ($145 million) worth of stocks.")
    assert got == [("KOSPI", "net_buy", "retail", -209200000000)]


# -- stocks ---------------------------------------------------------------------------


def test_parenthesized_signed_moves_after_company_names():
    got = facts("Samsung Electronics (-5.37%) and SK hynix (-8.23%) saw sharp declines.")
    assert set(got) == {
        ("Samsung Electronics", "price_change_pct", None, -5.37),
        ("SK hynix", "price_change_pct", None, -8.23),
    }


def test_closing_price_and_drop_of_a_stock():
    got = facts("On the 31st, Ecopro finished trading at 49,650 won, a drop of 12.59% from the previous day.", date(2025, 3, 31))
    assert ("Ecopro", "price", None, 49650) in got
    assert ("Ecopro", "price_change_pct", None, -12.59) in got


def test_intraday_stock_move_is_not_a_fact():
    assert facts("Hyundai Motor surged more than 13 percent during the session, reaching 362,000 won.") == []


def test_company_facts_carry_the_ticker():
    f = one("SK hynix (-8.23%) fell.", "price_change_pct")
    assert f.ticker == "000660"


def test_target_price_after_broker_abbreviation():
    f = one("Samsung Electronics Citi TP ₩460,000", "target_price")
    assert (f.subject, f.value, f.unit) == ("Samsung Electronics", 460000, "KRW")


# -- balances and ratios ---------------------------------------------------------------


def test_short_balance_written_in_two_scales():
    f = one("As of the 9th, the net short selling balance of KOSPI was recorded at 9 trillion 445 billion won.", "short_balance", date(2025, 7, 13))
    assert (f.subject, f.value, f.as_of) == ("KOSPI", 9445000000000, date(2025, 7, 9))


def test_ratio_stated_in_the_sentence_after_the_company():
    text = (
        "Among KOSPI-listed stocks, SKC has the largest proportion of net short selling balance relative to its "
        "market capitalization. This proportion reaches 5.55%."
    )
    f = one(text, "short_balance_ratio")
    assert (f.subject, f.ticker, f.value) == ("SKC", "011790", 5.55)


def test_lending_balance_of_a_company():
    f = one("As of Tuesday, the stock lending balance for Samsung Electronics reached 13.3 trillion won.", "lending_balance", date(2026, 1, 7))
    assert (f.subject, f.value, f.as_of) == ("Samsung Electronics", 13300000000000, date(2026, 1, 6))


def test_margin_loans_without_a_market_are_the_whole_market():
    f = one("As of Monday, outstanding margin loan balances reached 27.6 trillion won.", "margin_loan_balance", date(2026, 1, 7))
    assert (f.subject, f.value, f.as_of) == ("KRX", 27600000000000, date(2026, 1, 5))


def test_borrowing_ratio_carries_to_the_next_sentence():
    text = "On the 28th, ECOPRO BM's borrowing balance ratio was 15.15%. Ecopro was at 12.62% and POSCO FUTURE M was relatively high at 8.05%."
    got = {(s, v) for s, m, _, v in facts(text, date(2025, 3, 31)) if m == "borrowing_ratio"}
    assert got == {("Ecopro BM", 15.15), ("Ecopro", 12.62), ("POSCO Future M", 8.05)}


def test_fx_rate_but_not_its_change():
    got = facts("The dollar-won exchange rate records 1,375.4 won, up 5.4 won from the previous day.")
    assert got == [("USD/KRW", "fx_rate", None, 1375.4)]


def test_advancers_and_decliners():
    got = facts("Breadth was weak: 955 advancers vs. 1,455 decliners.")
    assert set(got) == {("KRX", "advancers", None, 955), ("KRX", "decliners", None, 1455)}


# -- dates, qualifiers, merging -----------------------------------------------------------


def test_trading_day_comes_from_the_title():
    f = one("The KOSPI closed at 7,844.01.", "index_close", title="KOSPI May 13 wrap")
    assert f.as_of == date(2026, 5, 13)


def test_as_of_weekday_resolves_to_the_day_on_or_before_publication():
    f = one("On Wednesday the KOSPI closed at 4,551.06.", "index_close", date(2026, 1, 7))
    assert f.as_of == date(2026, 1, 7)


def test_a_compact_notes_abbreviated_weekday_dates_its_quotes():
    # PUB is Thursday 2026-05-14; "Tue" is the 12th.
    f = one("Market: KOSPI 7,912.44 (+0.61%) Tue; KOSDAQ flat.", "index_close")
    assert f.as_of == date(2026, 5, 12)


def test_a_weekday_abbreviation_before_a_full_date_is_that_date_only():
    from extractor.nlp.dates import find_dates

    assert [(m.text, m.day) for m in find_dates("Thu, 7 May 2026: the KOSPI rose.", PUB)] == [("7 May 2026", date(2026, 5, 7))]


@pytest.mark.parametrize(
    "text",
    [
        "The KOSPI moved between 5,271.66 and 5,335.90 during the session.",
        "The KOSPI traded in a tight range of 5,271.66 to 5,335.90.",
    ],
)
def test_a_sessions_range_is_its_low_and_high(text):
    assert set(facts(text)) == {("KOSPI", "index_low", None, 5271.66), ("KOSPI", "index_high", None, 5335.90)}


def test_credit_trading_loans_are_margin_loans():
    f = one("The outstanding balance of credit trading loans stood at 24.12 trillion won as of the 12th.", "margin_loan_balance")
    assert (f.subject, f.value, f.as_of) == ("KRX", 24120000000000, date(2026, 5, 12))


def test_a_note_headed_with_a_bloomberg_style_code_is_about_that_company():
    text = "Samsung Electronics (005930 KS) - BUY, TP raised to ₩420,000\n\nThe lending balance stood at ₩17.6tn."
    got = set(facts(text))
    assert ("Samsung Electronics", "target_price", None, 420000) in got
    assert ("Samsung Electronics", "lending_balance", None, 17600000000000) in got


def test_a_won_label_line_is_the_exchange_rate_but_the_word_won_is_not():
    got = facts("Stocks fell on Wednesday.\n\nWon: 1,471.3 at the 3:30 p.m. close.\n\nShe won 3,000 won in a raffle.")
    assert got == [("USD/KRW", "fx_rate", None, 1471.3)]


def test_trading_figures_after_a_lagging_balance_take_the_trading_day():
    # PUB is Thursday 2026-05-14.
    text = (
        "Margin loans stood at 24.12 trillion won as of the 11th, KOFIA said.\n\n"
        "On Thursday, the KOSPI ended at 3,424.60, up 1.14 percent.\n\n"
        "Individuals were net buyers at 412.7 billion won, while foreign investors dumped 298.1 billion won."
    )
    days = {(f.metric, f.investor): f.as_of for f in extract(text, PUB)}
    assert days[("margin_loan_balance", None)] == date(2026, 5, 11)
    assert days[("index_close", None)] == date(2026, 5, 14)
    assert days[("net_buy", "retail")] == days[("net_buy", "foreign")] == date(2026, 5, 14)


def test_in_the_previous_session_dates_the_figure_but_from_the_previous_session_is_a_baseline():
    # Monday 2026-05-18: the session before is Friday the 15th.
    text = (
        "The KOSPI closed at 5,300.12 on Monday, up 1.2 percent from the previous session. "
        "The index had gained 0.64% in the previous session."
    )
    days = {f.value: f.as_of for f in extract(text, date(2026, 5, 18))}
    assert days == {5300.12: date(2026, 5, 18), 1.2: date(2026, 5, 18), 0.64: date(2026, 5, 15)}


def test_qualifier_is_kept_and_sign_is_not_lost():
    f = one("The KOSPI closed down more than 2% on the day.", "index_change_pct")
    assert (f.value, f.qualifier) == (-2, "more_than")


def test_index_named_for_its_members_does_not_take_a_companys_figure():
    got = facts(
        "Ecopro BM carried the highest short interest among KOSPI 200 and KOSDAQ 150 constituents at 7.42%, "
        "followed by its parent Ecopro at 5.96% and HLB at 4.31%."
    )
    assert sorted(got) == [
        ("Ecopro", "short_interest_pct", None, 5.96),
        ("Ecopro BM", "short_interest_pct", None, 7.42),
        ("HLB", "short_interest_pct", None, 4.31),
    ]


def test_the_market_a_company_ranks_on_is_not_the_subject_of_its_ratio():
    got = facts("Hanmi Semiconductor had the highest short balance ratio on the main board at 3.87 percent.")
    assert got == [("Hanmi Semiconductor", "short_balance_ratio", None, 3.87)]


def test_a_52_week_high_is_not_the_days_high_but_a_12_month_target_is_a_target():
    assert facts("The KOSPI closed at 5,412.08, well below its 52-week high of 5,742.19.") == [("KOSPI", "index_close", None, 5412.08)]
    f = one("Kiwoom set a 12-month target of 2.3 million won for SK Hynix.", "target_price")
    assert (f.subject, f.value) == ("SK hynix", 2300000)


def test_an_index_aggregate_over_its_constituents_is_the_indexs_figure():
    got = facts("Short interest across KOSDAQ constituents rose to 2.14% as of May 8.")
    assert got == [("KOSDAQ", "short_interest_pct", None, 2.14)]


def test_quote_lines_give_the_price_without_a_won_sign():
    text = (
        "Stocks fell on Wednesday.\n\n"
        "Samsung Electronics 103,100 (-1.15%)\n\n"
        "Krafton 251,500, unchanged\n\n"
        "KOSPI 5,412.08\n"
    )
    assert set(facts(text)) == {
        ("Samsung Electronics", "price", None, 103100),
        ("Samsung Electronics", "price_change_pct", None, -1.15),
        ("Krafton", "price", None, 251500),  # flat: a price, no change of 0
        ("KOSPI", "index_close", None, 5412.08),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Samsung Electronics 2,500 new hires are expected this year.",
        "SK hynix 5,000 (see note 3)",
        "The KOSPI 5,000 target looks far off.",
    ],
)
def test_a_name_next_to_a_number_is_no_quote_without_a_change_or_a_line_of_its_own(text):
    assert facts("Stocks fell on Wednesday.\n\n" + text) == []


def test_respectively_pairs_companies_with_their_moves_and_ratios():
    assert set(facts("LG Energy Solution and Samsung SDI lost 1.07 percent and 2.35 percent, respectively.")) == {
        ("LG Energy Solution", "price_change_pct", None, -1.07),
        ("Samsung SDI", "price_change_pct", None, -2.35),
    }
    got = facts(
        "The ratio of short balance to market capitalization was highest at Hotel Shilla, Doosan Fuel Cell "
        "and Hanmi Semiconductor at 6.12 percent, 5.47 percent and 4.93 percent, respectively."
    )
    assert got == [
        ("Hotel Shilla", "short_balance_ratio", None, 6.12),
        ("Doosan Fuel Cell", "short_balance_ratio", None, 5.47),
        ("Hanmi Semiconductor", "short_balance_ratio", None, 4.93),
    ]


def test_a_total_before_its_parts_is_the_whole_markets():
    got = set(facts("KOFIA margin loans (5/12): W31.42tn (KOSPI W19.87tn / KOSDAQ W11.55tn)"))
    assert got == {
        ("KRX", "margin_loan_balance", None, 31420000000000),
        ("KOSPI", "margin_loan_balance", None, 19870000000000),
        ("KOSDAQ", "margin_loan_balance", None, 11550000000000),
    }


@pytest.mark.parametrize(
    "text",
    [
        "KOSPI -1.4% at the intraday low vs. prior close; closing print well off the lows.",
        "Foreign net selling in semis (MTD -W5.9tn) caps upside.",
    ],
)
def test_intraday_and_month_to_date_figures_are_not_daily_facts(text):
    assert facts(text) == []


def test_wording_of_other_desks_main_board_tacked_on_credit_margin_loans():
    got = set(facts(
        "Main-board flows: foreigners +₩1,060bn.\n\n"
        "The Kospi tacked on 13.86 points to close at 3,183.12.\n\n"
        "Credit (margin) loan balances totaled KRW 34,118.7 billion as of May 12."
    ))
    assert got == {
        ("KOSPI", "net_buy", "foreign", 1060000000000),
        ("KOSPI", "index_change", None, 13.86),
        ("KOSPI", "index_close", None, 3183.12),
        ("KRX", "margin_loan_balance", None, 34118700000000),
    }


def test_a_flow_of_the_stock_is_into_the_company_just_named():
    got = facts("Samsung Electronics rose 2.1 percent to 150,000 won, with foreigners net buying 512 billion won of the stock.")
    assert ("Samsung Electronics", "net_buy", "foreign", 512000000000) in got
    assert not any(subject == "KOSPI" for subject, *_ in got)


def test_asides_between_dashes_or_commas_do_not_label_the_figure():
    got = facts(
        "Outstanding margin loans — money retail investors borrow from brokerages to buy shares — "
        "totaled 23.8 trillion won as of the 12th.\n\n"
        "The stock lending balance across the Korean market, a rough gauge of shares borrowed with an eye "
        "to short selling, stood at 96.7 trillion won as of the 12th."
    )
    assert set(got) == {("KRX", "margin_loan_balance", None, 23800000000000), ("KRX", "lending_balance", None, 96700000000000)}


def test_a_quote_with_a_triangle_change_gives_level_change_and_percent():
    assert set(facts("Stocks fell on Wednesday.\n\nKOSPI 7,221.06 ▼137.59 (−1.87%)")) == {
        ("KOSPI", "index_close", None, 7221.06),
        ("KOSPI", "index_change", None, -137.59),
        ("KOSPI", "index_change_pct", None, -1.87),
    }


def test_a_bracket_numbered_heading_scales_the_bare_flows_below_it():
    text = "Morning call\n\n[2] INVESTOR FLOWS - KOSPI (W bn)\nForeigners    -1,284.6\nRetail        +1,102.3\n"
    assert set(facts(text)) == {("KOSPI", "net_buy", "foreign", -1284600000000), ("KOSPI", "net_buy", "retail", 1102300000000)}


def test_what_follows_respectively_does_not_undo_the_pairs():
    got = set(facts("Samsung Electronics and SK Hynix climbed 2.6% and 4.2%, respectively, after a U.S. peer lifted its outlook."))
    assert got == {("Samsung Electronics", "price_change_pct", None, 2.6), ("SK hynix", "price_change_pct", None, 4.2)}


def test_a_total_before_parts_named_after_their_figures():
    got = set(facts(
        "Credit (margin) loan balances totaled KRW 34,118.7 billion as of May 12, KRW 21,460.2 billion "
        "on the KOSPI market and KRW 12,658.5 billion on the KOSDAQ market."
    ))
    assert got == {
        ("KRX", "margin_loan_balance", None, 34118700000000),
        ("KOSPI", "margin_loan_balance", None, 21460200000000),
        ("KOSDAQ", "margin_loan_balance", None, 12658500000000),
    }


def test_flows_naming_no_market_are_the_main_boards_even_after_a_kosdaq_line():
    text = "KOSPI 7,221.06 (−1.87%)\n\nKOSDAQ 981.40 (−0.64%)\n\nForeigners −₩1.92tn · Retail +₩1.71tn"
    flows = {(s, inv, v) for s, metric, inv, v in facts("Stocks fell.\n\n" + text) if metric == "net_buy"}
    assert flows == {("KOSPI", "foreign", -1920000000000), ("KOSPI", "retail", 1710000000000)}
    only_kosdaq = facts("Stocks fell.\n\nKOSDAQ 981.40 (−0.64%)\n\nForeigners −₩1.92tn")
    assert ("KOSDAQ", "net_buy", "foreign", -1920000000000) in only_kosdaq


def test_a_dated_recap_heading_dates_the_quotes_under_it():
    text = "KYOBO SECURITIES | MORNING CALL | 2026.05.14 (Thu)\n\n[1] MKT RECAP - 13 May (Wed)\n\nKOSPI      6,412.58   -49.71p (-0.77%)\n"
    assert {f.as_of for f in extract(text, PUB)} == {date(2026, 5, 13)}


def test_breadth_split_by_while_is_still_a_pair_of_the_index_reported():
    text = "The KOSPI closed down 1.2% at 5,152.30.\n\nOf the total 932 traded issues, 301 shares advanced, while 583 declined."
    got = {(s, m, v) for s, m, _, v in facts(text) if m in ("advancers", "decliners")}
    assert got == {("KOSPI", "advancers", 301), ("KOSPI", "decliners", 583)}


def test_rounded_restatement_is_not_a_second_fact():
    got = facts("The KOSPI closed at 7,844. The KOSPI closed at 7,844.01, a record.")
    assert got == [("KOSPI", "index_close", None, 7844.01)]


def test_evidence_offsets_point_at_the_words():
    text = "Markets were mixed. Foreign investors net-sold ₩3.76tn on the KOSPI."
    f = one(text, "net_buy")
    assert text[f.start : f.end] == f.text == "Foreign investors net-sold ₩3.76tn on the KOSPI."


def test_table_rows_map_columns_to_metrics_and_investors():
    text = (
        "May 13 flows\n\n"
        "| Market | Close | Daily change | Retail | Institutions | Foreigners |\n"
        "| KOSPI | 7,844.01 | +2.63% | +₩1,890bn | +₩1,690bn | -₩3,760bn |\n"
        "| KOSDAQ | 1,176.93 | -0.20% | — | — | — |\n"
    )
    got = set(facts(text))
    assert got == {
        ("KOSPI", "index_close", None, 7844.01),
        ("KOSPI", "index_change_pct", None, 2.63),
        ("KOSPI", "net_buy", "retail", 1890000000000),
        ("KOSPI", "net_buy", "institution", 1690000000000),
        ("KOSPI", "net_buy", "foreign", -3760000000000),
        ("KOSDAQ", "index_close", None, 1176.93),
        ("KOSDAQ", "index_change_pct", None, -0.20),
    }


def test_percent_sign_in_a_header_makes_its_column_percent_and_hi_lo_are_levels():
    text = (
        "Benchmarks, May 13 session\n\n"
        "| Index | Open | Intraday hi | Intraday lo | Last | Net chg (pts) | % chg |\n"
        "| KOSPI | 7,700.12 | 7,851.30 | 7,690.05 | 7,844.01 | +201.33 | +2.63 |\n"
    )
    assert set(facts(text)) == {
        ("KOSPI", "index_open", None, 7700.12),
        ("KOSPI", "index_high", None, 7851.30),
        ("KOSPI", "index_low", None, 7690.05),
        ("KOSPI", "index_close", None, 7844.01),
        ("KOSPI", "index_change", None, 201.33),
        ("KOSPI", "index_change_pct", None, 2.63),  # not a change of 2.63 points
    }


def test_flows_table_by_investor_takes_its_market_and_scale_from_the_caption():
    text = (
        "Net buying on the KOSDAQ by investor type (KRW bn)\n\n"
        "| Investor | Net |\n"
        "| Individuals | -1,184.6 |\n"
        "| Foreigners | +903.2 |\n"
        "| Pension funds | +88.4 |\n"
    )
    assert set(facts(text)) == {
        ("KOSDAQ", "net_buy", "retail", -1184600000000),
        ("KOSDAQ", "net_buy", "foreign", 903200000000),
        ("KOSDAQ", "net_buy", "pension", 88400000000),
    }


def test_a_day_after_a_comma_in_a_header_dates_its_column():
    text = (
        "Shorts by market (KRW tn unless noted)\n\n"
        "| Market | Short bal. (May 11) | Short bal. / mkt cap, May 11 (%) |\n"
        "| KOSPI | 12.05 | 0.38 |\n"
    )
    found = {(f.metric, f.value, f.as_of) for f in extract(text, PUB)}
    assert found == {("short_balance", 12050000000000, date(2026, 5, 11)), ("short_balance_ratio", 0.38, date(2026, 5, 11))}


def test_korean_data_tables_in_units_of_100_million_won_with_dated_columns():
    text = (
        "Short selling by market\n\n"
        "| Market | Short-sale turnover (KRW 100m) | Lending bal. 5/12 (₩tn) |\n"
        "| KOSPI | 7,482 | 96.7 |\n"
    )
    found = {(f.metric, f.value, f.as_of) for f in extract(text, PUB)}
    assert found == {("short_volume", 748200000000, date(2026, 5, 14)), ("lending_balance", 96700000000000, date(2026, 5, 12))}


def test_table_row_of_a_company_gives_price_and_change():
    text = "| Name | Close | Daily | Flow read |\n| SK hynix | ₩1,976,000 | +7.68% | Heavy foreign selling, absorbed by institutions +₩907.7bn |\n"
    got = set(facts(text))
    assert got == {
        ("SK hynix", "price", None, 1976000),
        ("SK hynix", "price_change_pct", None, 7.68),
        ("SK hynix", "net_buy", "institution", 907700000000),
    }


@pytest.mark.parametrize(
    "text",
    [
        "President Lee set a target of pushing the Kospi to 5,000.",
        "The ban, which lasted 16 months, was imposed in November 2023.",
        "WTI is back above $100 a barrel.",
        "Retail investors account for more than half of trading volume.",
    ],
)
def test_sentences_without_facts_give_none(text):
    assert facts(text) == []


# -- inputs built to be slow: linear time, same facts (bench/pathological.py measures) --------


def test_a_run_of_symbols_is_tokenized_in_pieces_and_the_text_kept_exactly():
    from extractor.nlp.pipeline import _make_doc, extract, load_pipeline

    text = "₩" * 20_000 + "\n\nThe KOSPI rose 1.2% to 2,611.05 on Tuesday."
    doc = _make_doc(load_pipeline(), text, None, None)
    assert doc.text == text and len(doc) > 1_000  # cut into pieces, not one 20,000-symbol word
    facts = extract(text, date(2026, 3, 4))
    assert {(f.metric, f.value, f.as_of) for f in facts} == {("index_change_pct", 1.2, date(2026, 3, 3)), ("index_close", 2611.05, date(2026, 3, 3))}


def test_a_sentence_of_hundreds_of_figures_is_not_read_and_is_counted():
    from extractor.nlp.pipeline import extract_with_checks

    text = "The KOSPI rose 1.2% to 2,611.05 on Tuesday.\n\nThe KOSPI " + "rose 1% " * 150 + "on Tuesday."
    facts, checks = extract_with_checks(text, date(2026, 3, 4))
    assert {(f.metric, f.value) for f in facts} == {("index_change_pct", 1.2), ("index_close", 2611.05)}
    assert checks == {"sentence of over 100 figures not read": 1}


@pytest.mark.parametrize(
    "sentence",
    ["Kia sales rose 5% on Tuesday.", "Hyundai Motor's overseas sales fell 3.2% on Monday.", "Kia Sorento sales rose 11%."],
)
def test_a_companys_sales_moving_is_no_share_price_change(sentence):
    assert [f for f in extract(sentence, date(2026, 6, 2)) if f.metric == "price_change_pct"] == []


def test_a_share_move_beside_a_word_about_sales_is_still_read():
    facts = extract("Kia shares fell 2% on Tuesday as sales slowed.", date(2026, 6, 3))
    assert [(f.subject, f.metric, f.value) for f in facts] == [("Kia", "price_change_pct", -2)]
