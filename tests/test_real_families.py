"""Phrasing families that real articles taught (shared/realnews), one test each.

Every sentence here is written for the test, in the manner of a family of
real phrasings (wire tables, broadcast copy, translated Korean wire copy,
Korea Herald and Yonhap wraps); none is an article's sentence.
"""

from __future__ import annotations

from datetime import date

from extractor import extract

PUB = date(2025, 11, 14)  # a Friday


def facts(text, published=PUB, title=None):
    return [(f.subject, f.metric, f.investor, f.value) for f in extract(text, published, title=title)]


def dated(text, published=PUB, title=None):
    return {(f.subject, f.metric, f.investor, f.value, f.as_of.isoformat() if f.as_of else None) for f in extract(text, published, title=title)}


# -- plain-text wire tables ---------------------------------------------------------


def test_wire_table_run_together_on_one_line_gives_each_days_flows_and_skips_the_month_total():
    text = (
        "SEOUL, Nov 14 Net trading on South Korea's main stock exchange by investor group, "
        "in billions of won (a minus sign means net selling): FOREIGNERS INSTITUTIONS RETAIL "
        "Nov 14 -41.2 88.5 -47.3 Nov 13 120.6 -15.0 -105.6 Month to date -512.4 230.1 282.3"
    )
    got = dated(text)
    assert ("KOSPI", "net_buy", "foreign", -41200000000, "2025-11-14") in got
    assert ("KOSPI", "net_buy", "retail", -105600000000, "2025-11-13") in got
    assert len(got) == 6  # the month-to-date row is a period, not a day


def test_wire_table_one_row_a_line_under_spaced_headers():
    text = (
        "Daily net purchases on the KOSDAQ by investor type, in billions of won:\n"
        "            Foreigners   Institutions   Individuals\n"
        "Nov 14         15.3         -2.9          -12.4\n"
        "Nov 13         -8.0          4.1            3.9\n"
    )
    got = dated(text)
    assert ("KOSDAQ", "net_buy", "institution", -2900000000, "2025-11-14") in got
    assert ("KOSDAQ", "net_buy", "foreign", -8000000000, "2025-11-13") in got


def test_a_table_with_no_unit_above_it_gives_nothing():
    assert facts("FOREIGNERS INSTITUTIONS RETAIL Nov 14 -41.2 88.5 -47.3 Nov 13 120.6 -15.0 -105.6") == []


# -- broadcast copy ---------------------------------------------------------------


def test_spoken_numerals_of_radio_copy_are_read_exactly():
    text = (
        "The KOSPI gave up 31-point-07 points, or one-point-24 percent, to close at two-thousand-471-point-58. "
        "Foreigners sold 407-point-three billion won, while individuals bought one-point-05 trillion won."
    )
    got = facts(text)
    assert ("KOSPI", "index_change", None, -31.07) in got
    assert ("KOSPI", "index_change_pct", None, -1.24) in got
    assert ("KOSPI", "index_close", None, 2471.58) in got
    assert ("KOSPI", "net_buy", "foreign", -407300000000) in got
    assert ("KOSPI", "net_buy", "retail", 1050000000000) in got


def test_a_spoken_rounding_of_the_exact_figure_is_merged():
    text = "Seoul stocks lost over two-point-one percent on Friday. The KOSPI fell 2.14 percent to 2,471.58."
    assert [v for s, m, i, v in facts(text) if m == "index_change_pct"] == [-2.14]


# -- which market a flow belongs to ------------------------------------------------


def test_flows_after_a_paragraph_about_the_kosdaq_are_the_kosdaqs():
    text = (
        "The KOSPI closed at 2,471.58, down 1.24 percent. Foreigners net sold 407.3 billion won.\n\n"
        "In contrast, the KOSDAQ rose 0.8 percent to 702.4. Foreign investors bought 52.1 billion won, "
        "while individuals sold 60.2 billion won."
    )
    got = facts(text)
    assert ("KOSPI", "net_buy", "foreign", -407300000000) in got
    assert ("KOSDAQ", "net_buy", "foreign", 52100000000) in got
    assert ("KOSDAQ", "net_buy", "retail", -60200000000) in got


def test_a_restated_flow_keeps_the_market_of_its_first_report():
    text = (
        "The KOSPI rose 1.1 percent as foreign investors net bought 812.5 billion won.\n\n"
        "The KOSDAQ closed 0.3 percent lower at 690.2.\n\n"
        "Foreigners bought 812.5 billion won, the most in a month."
    )
    flows = [(s, v) for s, m, i, v in facts(text) if m == "net_buy"]
    assert flows == [("KOSPI", 812500000000)]


def test_a_board_named_to_compare_is_not_the_subject():
    got = facts("The KOSDAQ, like the KOSPI, turned lower in the afternoon and closed down 4.51 points (0.62%) at 722.48.")
    assert ("KOSDAQ", "index_close", None, 722.48) in got
    assert not [f for f in got if f[0] == "KOSPI"]


def test_the_securities_market_of_translated_copy_is_the_main_board():
    got = facts("The KOSDAQ rose 1.2 percent.\n\nIn the securities market, institutions net bought 215.3 billion won.")
    assert ("KOSPI", "net_buy", "institution", 215300000000) in got


def test_they_after_one_investor_group_are_that_group():
    got = facts("Foreigners sold 312.1 billion won of shares on the KOSPI. They also recorded net selling of 45.6 billion won on the KOSDAQ.")
    assert ("KOSDAQ", "net_buy", "foreign", -45600000000) in got


def test_flows_into_a_sector_or_named_stocks_are_not_the_markets():
    text = (
        "On the KOSPI, foreign and institutional net purchases in the shipbuilding sector came to 310 billion won and "
        "120 billion won, respectively. Foreign investors bought a net 900 billion won of the two chipmakers."
    )
    assert [f for f in facts(text) if f[1] == "net_buy"] == []


def test_a_total_of_two_groups_is_combined_but_one_groups_total_is_its_flow():
    assert facts("On the KOSPI, foreign and institutional investors bought a total 402.2 billion won.") == []
    assert ("KOSPI", "net_buy", "retail", -1210400000000) in facts("On the KOSPI, individuals sold a total of 1.2104 trillion won.")


# -- the trading day ------------------------------------------------------------------


def test_the_trading_day_is_the_ledes_weekday_not_the_pages_stamp():
    text = "Nov 14,2025\n\nKorean shares ended higher Thursday as chipmakers rallied.\n\nThe KOSPI rose 30.2 points to 4,011.5."
    assert ("KOSPI", "index_close", None, 4011.5, "2025-11-13") in dated(text)


def test_a_crawler_stamp_after_publication_dates_nothing():
    text = "Saturday, December 20, 2025\n\nThe KOSPI closed at 4,011.5 on Friday, up 0.8 percent."
    assert ("KOSPI", "index_close", None, 4011.5, "2025-11-14") in dated(text)


def test_a_date_closing_the_clause_dates_its_figures():
    got = dated("The KOSDAQ rose 8.11 points (1.1%) from the previous trading day and closed at 745.2 points on Monday.")
    assert ("KOSDAQ", "index_change", None, 8.11, "2025-11-10") in got
    assert ("KOSDAQ", "index_close", None, 745.2, "2025-11-10") in got


def test_a_date_inside_an_aside_is_not_the_figures():
    got = dated("Seoul shares rose on Friday.\n\nThe won, which weakened to 1,475.9 on Thursday, closed at 1,462.3 per dollar.")
    assert ("USD/KRW", "fx_rate", None, 1462.3, "2025-11-14") in got
    assert ("USD/KRW", "fx_rate", None, 1475.9, "2025-11-13") in got


# -- lists of names and figures ---------------------------------------------------------


def test_bracketed_list_items_take_the_direction_written_after_the_list():
    got = facts("Among large caps, Kia (1.31%), Naver (0.74%) and Celltrion (0.22%) also rose.")
    assert {(s, v) for s, m, i, v in got if m == "price_change_pct"} == {("Kia", 1.31), ("NAVER", 0.74), ("Celltrion", 0.22)}


def test_unsigned_items_in_a_list_that_marks_losers_with_a_minus_gained():
    got = facts("Kia (0.52%) and Naver (1.10%) were the exceptions, while LG Chem (-3.21%) and Samsung SDI (-1.05%) slid.")
    assert ("Kia", "price_change_pct", None, 0.52) in got
    assert ("LG Chem", "price_change_pct", None, -3.21) in got


def test_an_unknown_name_in_a_list_takes_no_figure():
    got = facts("Defense shares rallied: Hanwha Aerospace (+4.21%), the sector index (+3.37%) and Hyundai Rotem (+2.58%).")
    assert {(s, v) for s, m, i, v in got} == {("Hanwha Aerospace", 4.21), ("Hyundai Rotem", 2.58)}


def test_a_ratio_named_once_after_the_list_applies_to_every_item():
    text = (
        "In the KOSDAQ market, Ecopro (5.12%) led, followed by ▲HLB (4.40%) ▲Alteogen (3.95%), "
        "in terms of the short selling balance relative to market capitalization."
    )
    got = facts(text)
    assert ("Ecopro", "short_balance_ratio", None, 5.12) in got
    assert ("Alteogen", "short_balance_ratio", None, 3.95) in got


def test_companies_ranked_under_a_lending_balance():
    text = (
        "The SLB balance stood at 71.4 trillion won on Monday. By single company, Samsung Electronics topped the list "
        "at 8.2 trillion won, followed by SK hynix at 2.9 trillion won."
    )
    got = dated(text)
    assert ("KRX", "lending_balance", None, 71400000000000, "2025-11-10") in got
    assert ("Samsung Electronics", "lending_balance", None, 8200000000000, "2025-11-10") in got
    assert ("SK hynix", "lending_balance", None, 2900000000000, "2025-11-10") in got


def test_ranked_number_one_is_a_rank_not_a_figure():
    got = facts(
        "The lending balance rose again. Hyundai Motor came in at No. 1 in loan balance (4.1 trillion won), "
        "with Kia at No. 2 (3.3 trillion won)."
    )
    assert ("Hyundai Motor", "lending_balance", None, 4100000000000) in got
    assert ("Kia", "lending_balance", None, 3300000000000) in got


# -- balances as Korean wires word them ------------------------------------------------


def test_margin_balances_by_board_after_a_pronoun():
    text = "Margin loans totaled 24.1 trillion won on Nov. 12. In the main board they were 14.9 trillion won, and in the KOSDAQ market 9.2 trillion won."
    got = dated(text)
    assert ("KOSPI", "margin_loan_balance", None, 14900000000000, "2025-11-12") in got
    assert ("KOSDAQ", "margin_loan_balance", None, 9200000000000, "2025-11-12") in got


def test_one_investor_groups_short_selling_is_short_volume_with_that_investor():
    got = facts("Institutional investors' short selling fell by 20.1 billion won to 310.4 billion won on the day.")
    assert got == [("KRX", "short_volume", "institution", 310400000000)]


def test_a_broker_that_reports_a_balance_is_not_its_subject():
    got = facts("According to Mirae Asset Securities, KOSPI 200 members carried a short-selling balance of 7.9 trillion won.")
    assert got == [("KOSPI 200", "short_balance", None, 7900000000000)]


# -- target prices -------------------------------------------------------------------------


def test_a_target_raised_from_a_to_b_gives_both_the_old_one_undated():
    got = dated("Kiwoom Securities raised its target price for Kia from 150,000 won to 180,000 won.")
    assert ("Kia", "target_price", None, 150000, None) in got
    assert ("Kia", "target_price", None, 180000, "2025-11-14") in got


def test_its_target_price_belongs_to_the_company_of_the_story():
    text = "Kia shares rose 2 percent. NH Investment & Securities also upgraded its target price to 140,000 won from the previous 125,000 won."
    got = facts(text)
    assert ("Kia", "target_price", None, 140000) in got
    assert ("Kia", "target_price", None, 125000) in got


# -- past figures with their own day -------------------------------------------------------


def test_a_figure_of_a_named_past_day_is_a_fact_of_that_day():
    got = dated(
        "The KOSPI closed at 4,011.5, the highest since Aug. 5, when the index closed at 3,998.1. "
        "The won was the strongest since 1,302.5 won per dollar recorded on May 9, 2023."
    )
    assert ("KOSPI", "index_close", None, 3998.1, "2025-08-05") in got
    assert ("USD/KRW", "fx_rate", None, 1302.5, "2023-05-09") in got


def test_the_level_a_move_started_from_is_a_fact_of_its_day():
    got = dated("The KOSPI closed at 4,011.5, up from 3,980.2 the previous trading day.")
    assert ("KOSPI", "index_close", None, 3980.2, "2025-11-13") in got
    got = dated("Margin loans stood at 26.4 trillion won as of the 12th, up from 25.9 trillion won a week earlier.")
    assert ("KRX", "margin_loan_balance", None, 25900000000000, "2025-11-05") in got


# -- what is no fact ---------------------------------------------------------------------


def test_foreign_indexes_and_the_dollar_index_are_no_facts():
    assert facts("Overnight, the Dow Jones Industrial Average climbed 0.4 percent to close at 43,210.5.") == []
    assert facts("The dollar index rose to as high as 99.41.") == []


def test_futures_flows_are_no_facts():
    assert facts("Foreigners net sold 486.2 billion won worth of KOSPI 200 futures.") == []


def test_a_month_of_flows_is_too_large_for_a_day():
    assert facts("Foreigners offloaded a net 10.4 trillion won worth of local stocks on the KOSPI.") == []


def test_a_change_from_a_day_long_before_is_no_days_change():
    assert [f for f in facts("The KOSPI stood at 3,911.2, down 6.1 percent from the Nov. 3 closing level.") if f[1] == "index_change_pct"] == []


def test_a_range_reached_is_a_level_crossed():
    assert facts("The KOSDAQ surged, climbing to the 910 range.") == []


# -- levels of the day ---------------------------------------------------------------------


def test_briefly_rose_to_in_the_morning_is_the_high_not_the_open():
    got = facts("The KOSPI opened 0.2% higher at 3,995.3 and briefly rose to 4,016.9 in the morning.")
    assert ("KOSPI", "index_open", None, 3995.3) in got
    assert ("KOSPI", "index_high", None, 4016.9) in got


def test_fell_to_close_at_is_a_close_not_a_change():
    got = facts("The KOSDAQ then fell sharply in late afternoon to close at 702.15 points.")
    assert got == [("KOSDAQ", "index_close", None, 702.15)]


def test_a_stocks_price_reached_during_the_session_is_a_price():
    assert ("Kia", "price", None, 112400) in facts("As of 9:41 a.m., Kia shares are changing hands at 112,400 won.")


# -- lessons of unannotated real articles (precision) -------------------------------


def test_a_flow_summed_over_consecutive_days_is_no_days_fact_but_one_after_them_is():
    text = (
        "The KOSPI fell 1.2% on Friday. Foreign investors bought a net 1.4 trillion won over "
        "six consecutive days. After four straight days of selling, institutions bought a net "
        "210 billion won on Friday."
    )
    got = dated(text)
    assert ("KOSPI", "net_buy", "institution", 210000000000, "2025-11-14") in got
    assert not any(f[1] == "net_buy" and f[2] == "foreign" for f in got)


def test_the_won_in_offshore_forwards_is_not_the_onshore_rate():
    text = "The won closed at 1,452.3 per dollar on Friday. One-month non-deliverable forwards quoted the won at 1,449.8 in offshore trading."
    got = facts(text)
    assert ("USD/KRW", "fx_rate", None, 1452.3) in got
    assert not any(v == 1449.8 for *_, v in got)


def test_outstanding_short_selling_positions_are_a_short_balance():
    got = facts("Outstanding short selling positions on the KOSPI stood at 11.2 trillion won on Friday.")
    assert ("KOSPI", "short_balance", None, 11200000000000) in got


def test_a_number_with_a_malformed_thousands_group_is_not_read():
    got = facts("The credit loan balance of retail investors recorded 19,4781 billion won on Friday, the Korea Financial Investment Association said.")
    assert not any(m == "margin_loan_balance" for _, m, _, _ in got)


def test_sentences_glued_without_a_space_are_still_two_sentences():
    text = (
        "Stocks rose on Friday as foreigners turned net buyers for the first time in nine sessions."
        "The benchmark KOSPI gained 31.20 points, or 0.78 percent, to close at 4,011.57."
    )
    got = dated(text)
    assert ("KOSPI", "index_close", None, 4011.57, "2025-11-14") in got
    assert ("KOSPI", "index_change_pct", None, 0.78, "2025-11-14") in got


def test_a_margin_of_four_to_three_is_no_count_of_stocks():
    got = facts("The KOSPI rose 0.5% on Friday. Advancing issues outnumbered decliners by a four to three margin as 262 million shares changed hands.")
    assert not any(m in ("advancers", "decliners") for _, m, _, _ in got)


def test_it_after_a_sentence_about_the_won_is_the_won_not_the_index():
    text = (
        "The KOSPI rose 0.4 percent to 4,011.57 on Friday. The won was quoted at 1,452.3 to the dollar "
        "at the close of onshore trade. It was up 0.2 percent versus Thursday's close of 1,455.1."
    )
    got = dated(text)
    assert ("USD/KRW", "fx_rate", None, 1455.1, "2025-11-13") in got
    assert not any(f[0] == "KOSPI" and f[3] == 1455.1 for f in got)


def test_flows_over_a_span_of_days_or_the_same_period_are_no_days_facts():
    text = (
        "Foreign investors bought a net 1.7 trillion won on the KOSPI from last Monday through Thursday. "
        "In October, foreigners sold a net 2.1 trillion won. "
        "Individuals bought a net 1.2 trillion won and institutions sold a net 610 billion won in the same period."
    )
    assert facts(text) == []


def test_the_same_period_after_a_change_from_the_day_before_is_that_day():
    text = "The KOSPI slipped 0.41% from the previous day to end at 4,011.57. The KOSDAQ lost 1.06% over the same period, settling at 906.08."
    got = dated(text)
    assert ("KOSDAQ", "index_change_pct", None, -1.06, "2025-11-14") in got
    assert ("KOSDAQ", "index_close", None, 906.08, "2025-11-14") in got


def test_a_ratio_from_one_level_to_another_over_the_same_period_keeps_its_ends():
    text = (
        "The KOSPI short balance stood at 11.2 trillion won as of the 12th. "
        "Its ratio to market capitalization rose from 0.21% to 0.44% over the same period."
    )
    assert ("KOSPI", "short_balance_ratio", None, 0.44) in facts(text)


def test_shares_sold_by_a_group_are_that_groups_sale_not_the_clauses_first_buyer():
    text = (
        "The KOSPI rose 0.3 percent on Friday. Overseas and retail investors picked up a combined 207 billion won "
        "in equities, which absorbed 246 billion won worth of shares sold by institutions."
    )
    got = facts(text)
    assert ("KOSPI", "net_buy", "institution", -246000000000) in got
    assert not any(m == "net_buy" and inv in ("foreign", "retail") for _, m, inv, _ in got)


def test_a_range_of_percents_over_several_names_is_no_ones_change():
    text = "Shipbuilders HD Hyundai Heavy Industries, Samsung Heavy Industries and Hanwha Ocean gained 2 percent to 4 percent on Friday. SK hynix rose 2.5 percent to 590,000 won."
    got = facts(text)
    assert not any(s in ("HD Hyundai Heavy Industries", "Samsung Heavy Industries", "Hanwha Ocean") for s, *_ in got)
    assert ("SK hynix", "price_change_pct", None, 2.5) in got


def test_the_tracker_a_figure_is_according_to_is_not_its_subject():
    text = "Hana Securities lifted its target price for Samsung Electronics to 118,000 won. Analysts see the shares at 121,000 won on average, according to data provider FnGuide."
    got = facts(text)
    assert ("Samsung Electronics", "target_price", None, 118000) in got
    assert not any(s == "FnGuide" for s, *_ in got)


def test_a_sites_market_snapshot_strip_above_the_story_gives_nothing():
    text = (
        "Skip to content\n"
        "  • KOSPI 2564.25 -70.45 -2.67%\n"
        "  • KOSDAQ 830.50 -25.15 -2.94%\n"
        "  • USD/KRW 1390.7 +10.7 +0.78%\n"
        "  • JPY100/KRW 902.61 +10.07 +1.13%\n"
        "  • EUR/KRW 1476.23 +7.22 +0.49%\n"
        "Retail investors lend more shares\n\n"
        "The KOSPI closed at 3,267.93 on Friday, up 0.3 percent.\n"
    )
    got = facts(text)
    assert ("KOSPI", "index_close", None, 3267.93) in got
    assert not any(v in (2564.25, -2.67, 1390.7, -2.94) for *_, v in got)


def test_a_quote_list_of_the_boards_alone_is_read():
    got = facts("Closing quotes, Friday:\nKOSPI 4,011.57 -48.20 -1.19%\nKOSDAQ 906.08 -3.10 -0.34%\nKOSPI 200 551.20 -7.02 -1.26%\n")
    assert ("KOSPI", "index_change_pct", None, -1.19) in got


def test_two_groups_and_two_amounts_joined_by_and_pair_in_order_without_respectively():
    text = "The KOSPI rose 0.4% on Friday. Retail investors dumped a net 129.7 billion won, but foreign and institutional investors snapped up 41.2 billion and 88.5 billion won."
    got = facts(text)
    assert ("KOSPI", "net_buy", "foreign", 41200000000) in got
    assert ("KOSPI", "net_buy", "institution", 88500000000) in got
    assert ("KOSPI", "net_buy", "retail", -129700000000) in got


def test_changes_paired_respectively_during_the_same_period_are_no_days_facts():
    text = (
        "From the 3rd to the 10th, lending balances of chip stocks grew. During the same period, "
        "Hanmi Semiconductor and SK hynix climbed 7.2% and 6.6%, respectively."
    )
    assert not any(m == "price_change_pct" for _, m, _, _ in facts(text))


def test_a_figure_in_the_short_balance_is_a_balance_even_after_short_selling():
    text = "Among bio names, Alteogen is the one most exposed to short selling with 1.9 trillion won in the short balance as of Nov. 12."
    got = dated(text)
    assert ("Alteogen", "short_balance", None, 1900000000000, "2025-11-12") in got
    assert not any(f[1] == "short_volume" for f in got)


def test_the_nth_of_this_month_is_a_day_not_a_month_long_period():
    text = "From the 1st to the 12th of this month, Samsung Electronics ranked first in stock lending balance (12.4 trillion won), and SK hynix second (11.1 trillion won)."
    got = dated(text)
    assert ("Samsung Electronics", "lending_balance", None, 12400000000000, "2025-11-12") in got
    assert ("SK hynix", "lending_balance", None, 11100000000000, "2025-11-12") in got


def test_a_session_range_written_with_trading_between_is_the_low_and_high():
    got = facts("For the day, the KOSPI sank 12.54 points or 0.49 percent to finish at 4,031.63 after trading between 4,022.92 and 4,048.53.")
    assert ("KOSPI", "index_low", None, 4022.92) in got
    assert ("KOSPI", "index_high", None, 4048.53) in got


def test_a_companys_bare_figure_where_it_closed_is_its_price_in_won():
    text = (
        "Hyundai Motor Co Ltd added 3.45% or 7,000.0 points to end at 210,000.0, and Celltrion Inc fell 3.01% "
        "or 5,500.0 points to trade at 177,500.0 at the close. LG Chem Ltd was up 2.98% or 20,000.0 points to 690,000.0 in late trade."
    )
    got = facts(text)
    assert ("Hyundai Motor", "price", None, 210000) in got
    assert ("Celltrion", "price", None, 177500) in got
    assert not any(s == "LG Chem" and m == "price" for s, m, _, _ in got)
    assert not any(m == "index_change" for _, m, _, _ in got)


def test_an_index_level_at_a_time_of_day_before_the_close_is_not_the_close():
    text = (
        "The Kospi index dropped 1.2% to 4,000.31 as of 11:05 a.m. in Seoul. "
        "The KOSDAQ turned negative around 1:30 p.m. and ended the day down 6.98 points (0.80%) at 865.12."
    )
    got = facts(text)
    assert not any(m == "index_close" and v == 4000.31 for _, m, _, v in got)
    assert ("KOSDAQ", "index_close", None, 865.12) in got


def test_a_change_over_the_month_or_year_is_no_days_fact_but_a_dated_month_end_close_is():
    text = (
        "The KOSPI ended the month 4.1% higher, its best monthly gain of the year. The index closed the year at 2,399.49. "
        "The KOSDAQ finished the month at 912.33 on Oct. 31."
    )
    got = dated(text)
    assert ("KOSDAQ", "index_close", None, 912.33, "2025-10-31") in got
    assert not any(f[3] in (4.1, 2399.49) for f in got)


def test_a_percent_after_a_change_in_won_moves_the_same_way():
    got = facts("Samsung Electronics fell 1,500 won, or 2.04 percent, to 72,000 won on Friday.")
    assert ("Samsung Electronics", "price_change_pct", None, -2.04) in got
    assert ("Samsung Electronics", "price", None, 72000) in got


def test_pairs_without_respectively_after_another_groups_figure_in_the_same_clause():
    text = (
        "The KOSPI rose 0.4% on Friday. Retail investors unloaded a net 129.7 billion KRW, yet foreign and institutional "
        "investors bought 41.2 billion and 88.5 billion KRW, lifting the KOSPI past the 4,000 line."
    )
    got = facts(text)
    assert ("KOSPI", "net_buy", "foreign", 41200000000) in got
    assert ("KOSPI", "net_buy", "institution", 88500000000) in got
    assert ("KOSPI", "net_buy", "retail", -129700000000) in got


def test_the_day_of_a_remark_is_not_the_day_of_the_trading_reported_next():
    text = (
        "The KOSPI sank 2.7 percent on Thursday to close at 3,902.15. "
        "A US central bank governor said Wednesday that borrowing costs may need to stay high. "
        "The won also slid 7.4 won against the dollar to 1,468.9 won."
    )
    got = dated(text)
    assert ("USD/KRW", "fx_rate", None, 1468.9, "2025-11-13") in got


def test_a_target_raised_recently_is_not_dated_to_the_day_named_before_it():
    text = (
        "Brokers' mean target price for Samsung Electronics was 99,000 won on Nov. 3, "
        "and analysts have recently raised the target price to 104,000 won."
    )
    got = dated(text)
    assert ("Samsung Electronics", "target_price", None, 99000, "2025-11-03") in got
    assert ("Samsung Electronics", "target_price", None, 104000, "2025-11-14") in got


def test_a_companys_results_are_not_its_share_price():
    text = (
        "SK hynix's operating profit rose 20 percent to 5 trillion won in the third quarter. "
        "Hyundai Motor's sales jumped 8.5% on-year. LG Energy Solution said its net income fell 15% to 450 billion won. "
        "Kia's dividend rose 10% to 6,500 won per share. Samsung SDI shares rose 3% after it reported a 12% rise in revenue."
    )
    assert facts(text) == [("Samsung SDI", "price_change_pct", None, 3)]


def test_a_results_aside_does_not_hide_the_days_move():
    text = "LG Innotek, despite reporting a 46.5 percent jump in operating profit for the quarter on-year, slid 2.31 percent on Friday."
    assert facts(text) == [("LG Innotek", "price_change_pct", None, -2.31)]


def test_an_index_named_inside_an_aside_is_not_the_subject_of_the_move_after_it():
    got = facts("Samsung Electronics, which accounts for 20 percent of the KOSPI, rose 1.5 percent on Friday.")
    assert got == [("Samsung Electronics", "price_change_pct", None, 1.5)]


def test_the_balance_of_short_selling_written_with_of_is_a_short_balance():
    text = "The outstanding balance of short selling on the KOSPI reached 12.5 trillion won as of Nov. 12. The balance of stock lending stood at 98.7 trillion won on Thursday."
    got = dated(text)
    assert ("KOSPI", "short_balance", None, 12500000000000, "2025-11-12") in got
    assert ("KRX", "lending_balance", None, 98700000000000, "2025-11-13") in got


def test_an_opening_report_minutes_into_trading_gives_no_close_and_no_days_change():
    text = "Seoul shares opened higher on Monday. The KOSPI added 12.3 points, or 0.5 percent, to 4,012.4 in the first 15 minutes of trading."
    assert facts(text, published=date(2025, 11, 17)) == []


def test_a_marker_after_the_next_event_word_is_not_the_moves():
    got = facts("Hanmi Semiconductor soared 7.9 percent to 164,300 won after briefly reaching a 52-week high of 168,000 won.")
    assert ("Hanmi Semiconductor", "price_change_pct", None, 7.9) in got


def test_the_tenth_consecutive_session_is_a_count_not_the_tenth_of_the_month():
    got = dated("The KOSPI fell 1.2% on Friday. Foreign investors net sold 500 billion won, marking the 10th consecutive session of net selling.")
    assert ("KOSPI", "net_buy", "foreign", -500000000000, "2025-11-14") in got
