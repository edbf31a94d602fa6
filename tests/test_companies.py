"""The company gazetteer (extractor.companies) and its spaCy matcher (extractor.nlp.companies).

Codes below were looked up in shared/data/krx_companies.csv, not guessed.
"""

from __future__ import annotations

import html
import importlib.util
import json
import re
import time
from pathlib import Path

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.companies import (
    ANY_CASE,
    CAPITALIZED,
    CONTEXT,
    SUFFIX,
    UPPER,
    WORD,
    Company,
    alias_key,
    alias_rule,
    default_gazetteer,
    load_gazetteer,
    load_hand_aliases,
    lookup,
    preferred_label,
    recase,
    search,
    split_legal_suffix,
)
from extractor.company_listing import import_listing, read_listing
from extractor.errors import PatternError, ReadError
from extractor.nlp.companies import SPANS_KEY, find_companies

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data" / "companies"
SHARED = ROOT.parent / "shared"
needs_shared = pytest.mark.skipif(
    not (SHARED / "data" / "krx_companies.csv").exists(), reason="shared/data is not beside the checkout"
)


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("marketfacts_companies")
    return nlp


@pytest.fixture(scope="module")
def found(nlp):
    """text -> [(mention, canonical name, code)] for each company span."""

    def find(text: str) -> list[tuple[str, str, str]]:
        doc = nlp(text)
        return [(s.text, s.label_, s.kb_id_) for s in doc.spans[SPANS_KEY]]

    return find


def codes(found_spans) -> list[str]:
    return [code for _, _, code in found_spans]


# ── every company the seeds name ──────────────────────────────────────────────

# (sentence as a seed writes it, code of the company it names)
SEED_MENTIONS = [
    ("Among KOSPI-listed stocks, SKC, a company specializing in secondary batteries", "011790"),
    ("Following were HANMI Semiconductor, VT, Hotel Shilla, Dongbang", "042700"),
    ("It was followed by VT, Danal, Jeju Semiconductor, Nature Cell, and Ecopro BM.", "247540"),
    ("semiconductor giants like Samsung Electronics and SK Hynix", "005930"),
    ("semiconductor giants like Samsung Electronics and SK Hynix", "000660"),
    ("Companies like LG Energy Solution, Ecopro BM, and L&F are central", "373220"),
    ("AI components (Samsung Electro-Mechanics, Daeduck Electronics)", "009150"),
    ("gains in Samsung Electronics, SK hynix and Hyundai Motor Company propelled", "005380"),
    ("Hyundai Motor +9.91% and Hyundai Mobis +18.43% are hard to explain", "012330"),
    ("On the 31st, Ecopro finished trading at 49,650 won, a drop of 12.59%", "086520"),
    ("ECOPRO BM (-7.05%), POSCO FUTURE M (-6.38%), Ecopro Marty (-6.40%)", "003670"),
    ("Posco Future M and Enchem, both active in advanced materials", "003670"),
    ("LG Energy Solution (-6.04%), LG CHEM (-5.41%), SK Innovation (-4.55%)", "051910"),
    ("LG Energy Solution (-6.04%), LG CHEM (-5.41%), SK Innovation (-4.55%)", "096770"),
    ("Samsung SDI (-4.16%), and POSCO Holdings (-4.62%) also plummeted.", "006400"),
    ("Samsung SDI (-4.16%), and POSCO Holdings (-4.62%) also plummeted.", "005490"),
    ("HLB, with a borrowing balance ratio of 8.50%, fell by 3.67% that day.", "028300"),
    ("CHA Biotech, with a 11.40% ratio, dropped by 2.70%", "085660"),
    ("and Sam Chun Dang Pharm, with a borrowing balance ratio of 5.50%", "000250"),
    ("Hyundai Group affiliates Kia and Hyundai AutoEver also set new records", "000270"),
    ("Hyundai Group affiliates Kia and Hyundai AutoEver also set new records", "307950"),
    ("AI substrate / SUMs: Samsung Electro-Mechanics, Daeduck Electronics, ISU Petasys", "353200"),
    ("AI substrate / SUMs: Samsung Electro-Mechanics, Daeduck Electronics, ISU Petasys", "007660"),
    ("Samsung Electro-Mechanics / Hyundai Motor / LG Display buying", "034220"),
    ("Pearl Abyss", "263750"),
    ("Companies like LG Energy Solution, Ecopro BM, and L&F are central", "066970"),
    ("Even heavyweights like HD Hyundai Heavy Industries and Hanwha Systems reflect", "329180"),
    ("Even heavyweights like HD Hyundai Heavy Industries and Hanwha Systems reflect", "272210"),
    ("Posco Future M and Enchem, both active in advanced materials", "348370"),
    ("Following were HANMI Semiconductor, VT, Hotel Shilla, Dongbang, Doosan Fuel Cell", "008770"),
    ("Following were HANMI Semiconductor, VT, Hotel Shilla, Dongbang, Doosan Fuel Cell", "004140"),
    ("Following were HANMI Semiconductor, VT, Hotel Shilla, Dongbang, Doosan Fuel Cell", "336260"),
    ("Doosan Fuel Cell, Hanwha Vision, among others.", "489790"),
    ("In the KOSDAQ market, Cheryong Electric, a transformer manufacturer", "033100"),
    ("It was followed by VT, Danal, Jeju Semiconductor, Nature Cell, and Ecopro BM.", "018290"),
    ("It was followed by VT, Danal, Jeju Semiconductor, Nature Cell, and Ecopro BM.", "064260"),
    ("It was followed by VT, Danal, Jeju Semiconductor, Nature Cell, and Ecopro BM.", "080220"),
    ("It was followed by VT, Danal, Jeju Semiconductor, Nature Cell, and Ecopro BM.", "007390"),
    ("ECOPRO BM (-7.05%), POSCO FUTURE M (-6.38%), Ecopro Marty (-6.40%)", "450080"),
    ("said NH Investment & Securities analyst Ha Neul.", "005940"),
    ("Industrial Bank of Korea (IBK) cut its lending rate.", "024110"),
    ("a researcher at DAOL Investment & Securities, noted", "030210"),
]


@pytest.mark.parametrize("text, code", SEED_MENTIONS)
def test_every_company_the_seeds_name_resolves_to_its_code(found, text, code):
    assert code in codes(found(text))


@pytest.mark.parametrize(
    "code, name",
    [
        ("005930", "Samsung Electronics"),
        ("000660", "SK hynix"),
        ("247540", "Ecopro BM"),
        ("086520", "Ecopro"),
        ("373220", "LG Energy Solution"),
        ("003670", "POSCO Future M"),
        ("051910", "LG Chem"),
        ("066970", "L&F"),
        ("329180", "HD Hyundai Heavy Industries"),
        ("450080", "Ecopro Materials"),
        ("005935", "Samsung Electronics Pref."),
        ("005387", "Hyundai Motor 2nd Pref. B"),
        ("011760", "Hyundai Corporation"),
    ],
)
def test_canonical_names_are_the_press_spelling(code, name):
    assert default_gazetteer().companies[code].name == name


@pytest.mark.skipif(not (SHARED / "seeds").exists(), reason="shared/seeds is not beside the checkout")
def test_the_seed_articles_name_exactly_these_companies(found):
    seen = set()
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        text = html.unescape(re.sub(r"<[^>]+>", " ", html.unescape(text)))  # the RSS seed escapes its HTML
        seen |= set(codes(found(text)))
    assert seen == {
        "000250", "000270", "000660", "003670", "004140", "005380", "005490", "005930", "005940",
        "006400", "007390", "007660", "008770", "009150", "011790", "012330", "018290", "028300",
        "030210", "033100", "034220", "042700", "051910", "064260", "066970", "080220", "085660",
        "086520", "096770", "247540", "263750", "272210", "307950", "329180", "336260", "348370",
        "353200", "373220", "450080", "489790",
    }


# ── longest match, and names inside names ─────────────────────────────────────


def test_electro_mechanics_is_not_electronics(found):
    assert found("Samsung Electro-Mechanics rose 7.41% while Samsung Electronics added 1.79%.") == [
        ("Samsung Electro-Mechanics", "Samsung Electro-Mechanics", "009150"),
        ("Samsung Electronics", "Samsung Electronics", "005930"),
    ]


def test_mobis_is_not_motor(found):
    assert codes(found("Hyundai Mobis +18.43% and Hyundai Motor +9.91%")) == ["012330", "005380"]


def test_lg_energy_solution_is_not_lg(found):
    assert codes(found("LG Energy Solution fell 6.04%.")) == ["373220"]


def test_ecopro_bm_is_not_ecopro(found):
    assert codes(found("Ecopro BM and Ecopro")) == ["247540", "086520"]


def test_bank_of_korea_is_not_industrial_bank_of_korea(found):
    assert found("the Bank of Korea's rate cut") == []
    assert codes(found("Industrial Bank of Korea shares")) == ["024110"]


def test_a_business_group_is_not_its_flagship(found):
    assert found("Hyundai Motor Group Executive Chair Euisun Chung met Jensen Huang.") == []


def test_an_unlisted_subsidiary_is_not_its_listed_parent(found):
    assert found("Byun Jun-ho, a researcher at IBK Securities, noted") == []
    assert found("Korea Investment & Securities analyst Kim Ji-hyun") == []


def test_preferred_shares_are_matched_only_when_the_text_says_preferred(found):
    assert codes(found("Samsung Electronics Pref. rose 2%.")) == ["005935"]
    assert codes(found("Samsung Electronics preferred shares rose 2%.")) == ["005935"]
    assert codes(found("Hyundai Motor 2nd Pref. B and Hyundai Motor")) == ["005387", "005380"]
    assert codes(found("Samsung Electronics rose 2%.")) == ["005930"]


def test_preferred_aliases_never_repeat_a_common_stock_alias():
    gazetteer = default_gazetteer()
    for company in gazetteer:
        if company.is_preferred:
            common = gazetteer.companies[company.common_code]
            assert not {alias_key(a) for a in company.aliases} & {alias_key(a) for a in common.aliases}


# ── words that are names only in context ──────────────────────────────────────


def test_ordinary_english_yields_no_company(found):
    assert found("Nature lovers visit the hotel by the sea in the spring.") == []
    assert found("Good people carry a device with both hands; the union made a solid century.") == []


@pytest.mark.parametrize(
    "text",
    ["Korea Exchange", "Bank of Korea", "KOSPI", "KOSDAQ", "KONEX", "KOSPI 200", "Korea", "Seoul",
     "Exchange", "Securities", "South Korea", "the Korea Exchange said on the 13th"],
)
def test_market_index_and_place_names_are_not_companies(found, text):
    assert found(text) == []
    assert lookup(text) is None


def test_group_names_alone_are_not_companies(found):
    assert found("Samsung, Hyundai, LG, SK, Hanwha and Lotte led the rally.") == []
    assert lookup("LG") is None and lookup("Hyundai") is None


def test_a_group_name_with_its_legal_suffix_is_the_holding_company(found):
    assert found("LG Corp. and Hyundai Corp. rose.") == [
        ("LG Corp.", "LG Corp", "003550"),
        ("Hyundai Corp.", "Hyundai Corporation", "011760"),
    ]


def test_common_word_name_needs_company_context(found):
    assert codes(found("Shares of Orion fell 2%.")) == ["271560"]  # market context
    assert codes(found("In March, Orion said it would expand.")) == ["271560"]  # capitalized mid-sentence
    assert found("Orion said it would expand.") == []  # a capital at a sentence start proves nothing
    assert found("The Orion spacecraft") == []  # part of a longer proper name


def test_common_word_inside_a_longer_proper_name_is_not_a_company(found):
    assert found("The European Union imposed tariffs; Ray Dalio sold.") == []


def test_sec_is_samsung_electronics_only_beside_market_words(found):
    assert found("The SEC said on Monday it would review the filing.") == []
    assert codes(found("SEC shares fell 2%.")) == ["005930"]


def test_target_price_shorthand_is_not_tp_inc(found):
    assert found("Samsung Electronics Citi TP raise to ₩460,000") == [
        ("Samsung Electronics", "Samsung Electronics", "005930")
    ]
    assert codes(found("TP Inc. reported earnings.")) == ["007980"]


def test_acronym_names_must_be_written_in_capitals(found):
    assert codes(found("VT rose 5%.")) == ["018290"]
    assert found("vt is a transitive verb. Vt. is Vermont.") == []


def test_lower_case_prose_is_not_a_name(found):
    assert found("large-cap names in the KOSPI 50 fell 2%") == []  # not CAP (198080)
    assert found("samsung electronics") == []


# ── spellings of one name ─────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "text, code",
    [
        ("SK Hynix", "000660"), ("SK hynix", "000660"), ("SK HYNIX", "000660"),
        ("HANMI Semiconductor", "042700"), ("ECOPRO BM", "247540"), ("EcoPro BM", "247540"),
        ("POSCO FUTURE M", "003670"), ("LG CHEM", "051910"), ("Samsung Elec", "005930"),
        ("LGES", "373220"), ("SEMCO", "009150"), ("Hyundai E&C", "000720"),
        ("Samsung Electro Mechanics", "009150"), ("Samsung Electro-mechanics", "009150"),
    ],
)
def test_case_and_spelling_variants_resolve(found, text, code):
    assert codes(found(f"{text} rose 2%.")) == [code]


def test_possessives_leave_the_name_intact(found):
    assert found("SK hynix's balance exceeded 13 trillion won") == [("SK hynix", "SK hynix", "000660")]
    assert found("ahead of Samsung Electronics’ fourth-quarter earnings") == [
        ("Samsung Electronics", "Samsung Electronics", "005930")
    ]
    assert codes(found("Hyundai Motor’s US-plant IRA exposure")) == ["005380"]


def test_a_written_legal_suffix_joins_the_span(found):
    assert found("Samsung Electronics Co., Ltd. and Hyundai Motor Company.") == [
        ("Samsung Electronics Co., Ltd.", "Samsung Electronics", "005930"),
        ("Hyundai Motor Company", "Hyundai Motor", "005380"),  # the full stop is not the suffix's
    ]


def test_korean_names_match(found):
    assert codes(found("삼성전자 and SK하이닉스 rose.")) == ["005930", "000660"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(
    ["Samsung", "Electronics", "Electro", "-", "Mechanics", "SK", "hynix", "Hyundai", "Motor", "Mobis",
     "Group", "LG", "Energy", "Solution", "Ecopro", "BM", "Corp.", "Co.", ",", "Ltd.", "Bank", "of",
     "Korea", "Industrial", "Pref.", "shares", "rose", "3%", "the", "Orion", "VT", "SEC", "KOSPI"]),
    min_size=1, max_size=25))
def test_spans_never_overlap_and_carry_the_gazetteer_name_and_code(nlp, words):
    doc = nlp(" ".join(words))
    spans = list(doc.spans[SPANS_KEY])
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))
    for span in spans:
        company = default_gazetteer().companies[span.kb_id_]
        assert span.label_ == company.name


def test_every_unambiguous_canonical_name_is_found_in_a_sentence(nlp):
    """Each company, named as its canonical name in a market sentence, is found."""
    gazetteer = default_gazetteer()
    # A name another company holds as an alias ("Sec", 081180, and Samsung's "SEC") or that
    # several share ("ALT") cannot be found, by design.
    wanted = [c for c in gazetteer if gazetteer.index.get(alias_key(split_legal_suffix(c.name)[0])) == c.code]
    text = "".join(f"Shares of {c.name} rose 1%.\n" for c in wanted)
    doc = nlp(text)
    got = [s.kb_id_ for s in doc.spans[SPANS_KEY]]
    assert got == [c.code for c in wanted]
    assert len(wanted) > 2800


# ── lookup and search ─────────────────────────────────────────────────────────


def test_lookup_ignores_case_legal_suffix_and_possessive():
    for name in ("SK hynix", "SK HYNIX", "SK hynix Inc.", "SK hynix's", " sk hynix ", "SK하이닉스", "000660"):
        assert lookup(name).code == "000660", name


def test_lookup_resolves_every_alias_of_every_company():
    gazetteer = default_gazetteer()
    for company in gazetteer:
        for alias in company.aliases:
            if alias_key(alias) in gazetteer.blocked_keys and alias not in company.suffixed_aliases:
                continue
            written = f"{alias} Corp." if alias in company.suffixed_aliases else alias
            assert gazetteer.lookup(written) is company, (company.code, alias)


def test_lookup_of_an_unknown_name_is_none():
    assert lookup("Micron Technology") is None
    assert lookup("") is None


def test_search_scores_an_exact_name_one():
    hits = search("Samsung Electronics")
    assert hits[0].ticker == "005930" and hits[0].score == 1.0 and hits[0].market == "KOSPI"
    assert hits[0].alias == "Samsung Electronics"


def test_search_offers_close_spellings_below_exact():
    hits = search("Samsung Electro Mechanic")
    assert hits[0].ticker == "009150" and 0.6 <= hits[0].score < 1.0


def test_search_shows_the_company_a_group_name_needs_its_suffix_for():
    hit = search("LG")[0]
    assert (hit.ticker, hit.name, hit.score) == ("003550", "LG Corp", 0.9)
    assert search("LG Corp.")[0].score == 1.0


def test_search_ranks_longer_names_that_start_with_the_words_above_misspellings():
    hits = search("Samsung", limit=5)
    assert all(h.name.startswith("Samsung ") for h in hits)


def test_search_finds_nothing_for_an_index_name():
    assert search("KOSPI") == [] and search("Bank of Korea") == []


def test_search_lists_every_candidate_of_an_ambiguous_name():
    hits = search("ALT")
    assert {h.ticker for h in hits if h.score == 0.5} == {"172670", "459550"}


def test_search_by_korean_name_and_by_code():
    assert search("에코프로비엠")[0].ticker == "247540"
    assert search("247540")[0].name == "Ecopro BM"


# ── importing a listing ───────────────────────────────────────────────────────


def test_import_reads_our_listing_format():
    companies, errors = import_listing(DATA / "listing_ours.csv")
    by_code = {c.code: c for c in companies}
    assert errors == []
    assert set(by_code) == {"000660", "005930", "005935", "011790", "066970", "247540"}
    assert by_code["247540"].name == "Ecopro BM" and by_code["247540"].market == "KOSDAQ"
    assert by_code["005935"].common_code == "005930"


def test_import_reads_the_krx_portal_export_in_cp949():
    companies, errors = import_listing(DATA / "krx_portal_cp949.csv")
    by_code = {c.code: c for c in companies}
    assert errors == []
    assert by_code["247540"].market == "KOSDAQ"  # KOSDAQ GLOBAL folds into KOSDAQ
    assert by_code["496320"].market == "KONEX"
    new = by_code["0199A0"]  # not in the shipped gazetteer: named from the file
    assert (new.name, new.name_ko) == ("Hanbit Robotics", "한빛로보틱스")
    assert "Hanbit Robotics" in new.aliases


def test_import_reads_kind_html_saved_as_xls():
    companies, errors = import_listing(DATA / "kind_listing.xls")
    by_code = {c.code: c for c in companies}
    assert by_code["005930"].market == "KOSPI" and by_code["086520"].market == "KOSDAQ"
    assert by_code["496320"].market == "KONEX"
    # KIND has no English names: a known code keeps the gazetteer's, a new one has its Korean name.
    assert by_code["005930"].name == "Samsung Electronics" and "SEC" in by_code["005930"].aliases
    assert by_code["0199A0"].name == "한빛로보틱스"
    assert [str(e) for e in errors] == [
        f"{DATA / 'kind_listing.xls'}:10: unknown market '해외' (expected KOSPI, KOSDAQ, KONEX or 유가, 코스닥, 코넥스)"
    ]


def test_import_reports_each_bad_row_with_file_and_line():
    companies, errors = import_listing(DATA / "listing_bad_rows.csv")
    assert [c.code for c in companies] == ["005930", "247540"]
    assert [(Path(e.file).name, e.line) for e in errors] == [("listing_bad_rows.csv", n) for n in range(3, 9)]
    reasons = [e.reason for e in errors]
    assert reasons[0] == "missing code"
    assert reasons[1].startswith("code '5930' is not 6 characters")
    assert reasons[2].startswith("unknown market 'NYSE'")
    assert reasons[3] == "code 005930 is listed twice (first on line 2)"
    assert reasons[4] == "code '00-660' is not a KRX code (four digits, then two digits or capital letters)"
    assert reasons[5] == "missing Korean name"


def test_import_of_a_file_that_is_no_listing_raises_read_error(tmp_path):
    other = tmp_path / "prices.csv"
    other.write_text("date,close\n2026-01-07,4551.06\n", encoding="utf-8")
    with pytest.raises(ReadError, match="not a company listing"):
        import_listing(other)
    with pytest.raises(ReadError, match="cannot read listing"):
        import_listing(tmp_path / "missing.csv")
    binary = tmp_path / "listing.xls"
    binary.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)))  # a real .xls (OLE2)
    with pytest.raises(ReadError):
        import_listing(binary)


def test_read_listing_keeps_every_name_column_of_our_format():
    rows, _ = read_listing(DATA / "listing_ours.csv")
    hynix = next(r for r in rows if r.code == "000660")
    assert dict(hynix.names_en) == {
        "news": "SK hynix", "dart": "SK hynix Inc.", "yahoo": "SK hynix Inc.", "investing": "SK Hynix Inc",
    }


# ── the files ─────────────────────────────────────────────────────────────────


def _build_script():
    spec = importlib.util.spec_from_file_location("build_companies", ROOT / "scripts" / "build_companies.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@needs_shared
def test_building_twice_gives_the_committed_file_byte_for_byte(tmp_path):
    script = _build_script()
    for n in (1, 2):
        assert script.main(["--data", str(SHARED / "data"), "--out", str(tmp_path / f"{n}")]) == 0
    committed = (ROOT / "patterns" / "companies.jsonl").read_bytes()
    assert (tmp_path / "1").read_bytes() == (tmp_path / "2").read_bytes() == committed


@needs_shared
def test_build_refuses_a_hand_alias_for_a_code_that_is_not_listed(tmp_path, capsys):
    hand = tmp_path / "company_aliases.jsonl"
    hand.write_text('// test\n{"code": "999990", "alias": "Nobody"}\n', encoding="utf-8")
    script = _build_script()
    assert script.main(["--data", str(SHARED / "data"), "--hand", str(hand), "--out", str(tmp_path / "out")]) == 2
    assert "company_aliases.jsonl:2: code 999990 is not in the listing" in capsys.readouterr().err


@needs_shared
def test_gazetteer_covers_every_listed_stock():
    import csv  # noqa: PLC0415

    with (SHARED / "data" / "krx_companies.csv").open(encoding="utf-8") as f:
        listing = {r["code"]: r["market"] for r in csv.DictReader(f)}
    gazetteer = default_gazetteer()
    assert {c.code: c.market for c in gazetteer} == listing
    assert len(listing) == 2879


def test_pattern_files_open_with_a_comment_line():
    for name in ("companies.jsonl", "company_aliases.jsonl"):
        first = (ROOT / "patterns" / name).read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("// ")


def test_gazetteer_loads_well_under_a_second():
    start = time.perf_counter()
    gazetteer = load_gazetteer()
    assert time.perf_counter() - start < 0.5
    assert len(gazetteer) == 2879 and gazetteer.alias_count > 6000


def test_a_broken_gazetteer_line_names_file_and_line(tmp_path):
    path = tmp_path / "companies.jsonl"
    good = json.dumps({"code": "005930", "name": "Samsung Electronics", "market": "KOSPI", "aliases": []})
    path.write_text(f"// test\n{good}\n{{\"code\": \"005930\", \"market\": \"NYSE\"}}\n", encoding="utf-8")
    with pytest.raises(PatternError) as e:
        load_gazetteer(path)
    assert e.value.line == 3


def test_a_broken_hand_alias_line_names_file_and_line(tmp_path):
    path = tmp_path / "company_aliases.jsonl"
    path.write_text('// test\n{"code": "005930", "alias": "SEC"}\n{"code": "5930", "alias": "x"}\n', encoding="utf-8")
    with pytest.raises(PatternError) as e:
        load_hand_aliases(path)
    assert (e.value.file, e.value.line) == ("company_aliases.jsonl", 3)


def test_the_component_can_read_another_gazetteer(tmp_path):
    path = tmp_path / "companies.jsonl"
    company = Company("0199A0", "Hanbit Robotics", "한빛로보틱스", "KOSDAQ", ("Hanbit Robotics", "한빛로보틱스"))
    path.write_text("// test\n" + json.dumps(company.to_json(), ensure_ascii=False) + "\n", encoding="utf-8")
    nlp = spacy.blank("en")
    nlp.add_pipe("marketfacts_companies", config={"gazetteer": str(path)})
    doc = nlp("Hanbit Robotics and Samsung Electronics")
    assert [(s.text, s.kb_id_) for s in doc.spans[SPANS_KEY]] == [("Hanbit Robotics", "0199A0")]


# ── name handling ─────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "raw, base, suffix",
    [
        ("SAMSUNG ELECTRONICS CO,.LTD", "SAMSUNG ELECTRONICS", "CO"),
        ("Samsung Electronics Co., Ltd.", "Samsung Electronics", "Co"),
        ("MEDIPOSTCO.,LTD.", "MEDIPOST", "CO"),
        ("Hyundai Motor Company", "Hyundai Motor", "Company"),
        ("Woori Technology, Incorporation", "Woori Technology", "Incorporation"),
        ("Lotte Non - Life Insurance Co., Ltd.", "Lotte Non-Life Insurance", "Co"),
        ("Kangnam Jevisco", "Kangnam Jevisco", ""),
        ("BRIDGETECCorp.", "BRIDGETEC", "Corp"),
        ("KoMiCo", "KoMiCo", ""),
        ("AGABANG&COMPANY", "AGABANG&COMPANY", ""),
        ("CO., LTD", "CO", "LTD"),
    ],
)
def test_legal_suffixes_are_split_off(raw, base, suffix):
    assert split_legal_suffix(raw) == (base, suffix)


def test_capitals_are_recased_from_a_donor_then_word_by_word():
    assert recase("HD HYUNDAI HEAVY INDUSTRIES", ["HD Hyundai Heavy Industries"]) == "HD Hyundai Heavy Industries"
    assert recase("ECOPRO MATERIALS", [], {"ecopro": "Ecopro"}) == "Ecopro Materials"
    assert recase("L&F") == "L&F"
    assert recase("SK hynix") == "SK hynix"  # mixed case is the company's own styling
    assert recase("HanilForgingIndustrial", ["Hanil Forging Industrial"]) == "Hanil Forging Industrial"


@pytest.mark.parametrize(
    "name_ko, label",
    [("삼성전자우", "Pref."), ("현대차2우B", "2nd Pref. B"), ("CJ4우(전환)", "4th Pref. (Conv.)"), ("CJ제일제당 우", "Pref.")],
)
def test_preferred_classes_are_labelled_from_the_korean_name(name_ko, label):
    assert preferred_label(name_ko) == label


def test_alias_rules_follow_the_alias_shape():
    gazetteer = default_gazetteer()
    samsung, vt, orion = (gazetteer.companies[c] for c in ("005930", "018290", "271560"))
    assert alias_rule("Samsung Electronics", samsung) == (CAPITALIZED, "nothing")
    assert alias_rule("삼성전자", samsung) == (ANY_CASE, "nothing")
    assert alias_rule("SEC", samsung) == (UPPER, CONTEXT)
    assert alias_rule("VT", vt) == (UPPER, "nothing")
    assert alias_rule("Orion", orion) == (CAPITALIZED, WORD)
    assert alias_rule("LG", gazetteer.companies["003550"]).needs == SUFFIX


def test_find_companies_is_usable_without_the_factory(nlp):
    index = nlp.get_pipe("marketfacts_companies").index
    doc = nlp.make_doc("Kia reached 130,500 won")
    assert [s.kb_id_ for s in find_companies(doc, index)] == ["000270"]


@pytest.mark.parametrize(
    "text, listed",
    [
        ("Celltrion Healthcare rose 9.6 percent, and Celltrion gained 1.2 percent.", ["068270"]),
        ("SK Broadband fell 2 percent while SK hynix added 1 percent.", ["000660"]),
        ("LG Dacom shares slid 3 percent.", []),
    ],
)
def test_a_delisted_company_whose_name_begins_with_a_listed_ones_is_not_that_company(found, text, listed):
    assert codes(found(text)) == listed


@needs_shared
def test_the_build_blocks_delisted_names_that_extend_a_listed_alias_and_only_those():
    script = _build_script()
    gazetteer = default_gazetteer()
    blocked = script.delisted_extensions(gazetteer, ["Celltrion Healthcare", "Celltrion", "Shinhan Bank Trust Nobody", "Quux Widgets"], load_hand_aliases())
    assert "Celltrion Healthcare" in blocked
    assert "Celltrion" not in blocked  # a listed company's own name is never blocked
    assert "Quux Widgets" not in blocked  # no listed name inside it: nothing to guard
