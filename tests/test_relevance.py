"""The relevance gate of archive backfills: every record that can carry a fact passes; other news does not.

Recall is checked on everything annotated we have (fixtures, the seeds, the
real articles when their texts are at hand); the unrelated stories below
are written by us, each a kind of story a news crawl is full of.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from extractor.errors import PatternError
from extractor.readers import read_all
from extractor.readers.relevance import default_gate, load_gate

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
REALNEWS = ROOT.parent / "shared" / "realnews"
REALNEWS_TEXTS = os.environ.get("MARKETFACTS_REALNEWS_TEXTS")


@pytest.fixture(scope="module")
def gate():
    return default_gate()


# -- what passes and why ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text, why",
    [
        ("The Kosdaq slipped in late trade.", "anchor kosdaq"),
        ("<p>Turnover on the Korea Exchange hit a record.</p>", "anchor korea exchange"),
        ("Foreign funds sold a net 412.5 billion won of local shares.", "cue won"),
        ("The won weakened past 1,402 per dollar.", "cue won"),
        ("Exporters hedged as the won-dollar rate swung.", "cue won"),
        ("Prices are quoted in KRW.", "cue krw"),
        ("Seoul's main bourse drifted lower by midday.", "cue seoul"),
        ("South Korean stocks snapped a three-day rally.", "cue korea"),
        ("Shares of Samsung Electronics slid 2.3 percent.", "company Samsung Electronics"),
        ("Celltrion stock slid 2.3% after the ruling.", "company Celltrion"),
        ("SK HYNIX SHARES JUMP AFTER EARNINGS BEAT", "company SK hynix"),
        ("외국인이 코스피에서 3천억원을 순매수했다.", "anchor 코스피"),
        ("목표주가를 9만원으로 올렸다.", "anchor 주가"),
    ],
)
def test_records_that_can_carry_a_fact_pass_and_say_why(gate, text, why):
    assert gate.reason(text) == why
    assert gate.reason(text.encode("utf-8")) == why


def test_korean_pages_in_euc_kr_pass_too(gate):
    page = "<html><body>코스피가 1.2% 올랐다</body></html>".encode("euc-kr")
    assert gate.relevant(page)


@pytest.mark.parametrize(
    "text",
    [
        # the verb, not the currency
        "The home side won the derby 3-1 after a late header, and the coach said the team won on spirit.",
        "She won two golds in Paris; the relay team won bronze.",
        # Korea, far from any market word
        "North Korea fired two short-range missiles into the sea, the military in the South said, and Japan protested.",
        "The K-drama festival in Seoul drew record crowds to its outdoor screenings this weekend.",
        # a company name as an ordinary word, and markets abroad
        "The orion constellation is best seen in winter skies.",
        "The S&P 500 rose 0.8% and the Nasdaq added 1.1% as bond yields eased.",
        "The yen weakened past 151 per dollar in Tokyo.",
        # three letters that turn up inside encoded data
        '<img src="data:image/png;base64,QUJDa3J4ZGVmZ2hpamtsbW5vcA==">',
    ],
)
def test_unrelated_stories_are_stopped(gate, text):
    assert gate.reason(text) is None


def test_a_company_name_passes_only_with_a_market_word_beside_it(gate):
    assert gate.reason("Orion fell 3.1% in afternoon trading.") == "company Orion"
    assert gate.reason("The new Kia EV3 sold 12% more this spring than last.") is None
    assert gate.reason("We drove past Orion on the way to the harbour.") is None
    # a car, a phone, a pop label: listed companies, and no figure of theirs
    assert gate.reason("The new Kia Sorento seats seven and is priced from 39,000 dollars.") is None
    assert gate.reason("Fans queued for hours as YG Entertainment unveiled the group's new album.") is None


def test_a_group_name_is_a_company_only_with_its_legal_suffix(gate):
    # "Union" and "HK" are listed companies only as "Union Corp." and "HK Co."
    assert gate.reason("European Union ministers met as shares in Frankfurt slipped 1%.") is None
    assert gate.reason("HK shares fell 2% as Hang Seng stocks slid.") is None
    assert gate.reason("Union Corp. shares rose 3% on the order.") == "company Union Corporation"


def test_a_bad_pattern_line_names_the_file_and_line(tmp_path):
    bad = tmp_path / "relevance.jsonl"
    bad.write_text('{"kind": "anchor", "term": "kospi"}\n{"kind": "cue", "term": "won", "confirm": ["(unclosed"]}\n', encoding="utf-8")
    with pytest.raises(PatternError) as caught:
        load_gate(str(bad))
    assert ":2" in str(caught.value) and "cue" in str(caught.value)


# -- recall: every annotated article with a fact passes --------------------------------


def _annotated_fixtures():
    for expected in sorted(ROOT.glob("fixtures/*/*.expected.json")):
        gold = json.loads(expected.read_text(encoding="utf-8"))
        if any(doc.get("facts") for doc in gold.get("documents", [])):
            yield Path(str(expected)[: -len(".expected.json")])


FIXTURES_WITH_FACTS = list(_annotated_fixtures())


def test_there_are_annotated_fixtures_to_check():
    assert len(FIXTURES_WITH_FACTS) > 100


@pytest.mark.parametrize("path", FIXTURES_WITH_FACTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_fixture_with_a_fact_passes(gate, path):
    assert gate.relevant(path.read_bytes()), f"{path} has facts but the gate stops it"
    for item in read_all([path]):
        if hasattr(item, "text"):  # as a JSON-lines record would hold it: title and text
            assert gate.relevant(f"{item.title}\n{item.text}"), f"{path}: {item.title!r}"


@pytest.mark.skipif(not SEEDS.exists(), reason="shared/seeds is not beside the repository")
def test_every_seed_passes(gate):
    seeds = sorted(SEEDS.glob("*.txt"))
    assert seeds
    for path in seeds:  # every seed is Korean market news with facts (tests/data/seeds)
        assert gate.relevant(path.read_bytes()), path.name


@pytest.mark.skipif(not (REALNEWS_TEXTS and (REALNEWS / "gold").exists()), reason="set MARKETFACTS_REALNEWS_TEXTS")
def test_every_real_article_with_a_fact_passes(gate):
    checked = 0
    for gold_path in sorted((REALNEWS / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if not gold.get("facts"):
            continue
        text = (Path(REALNEWS_TEXTS) / f"{gold['id']}.txt").read_text(encoding="utf-8")
        checked += 1
        assert gate.relevant(text), gold["id"]
    assert checked >= 40


# -- archives: only what is about the market is stored -------------------------------------

UNRELATED_PAGES = [
    ("https://news.example/sport/1", "Harbour City edge the derby",
     "Harbour City won the derby 2-1 on Saturday after a header in stoppage time. The visitors had led at the break. "
     "The coach said the squad won on character and would rest three players before the cup tie."),
    ("https://news.example/weather/2", "Storms to clear by Thursday",
     "Heavy rain will sweep the coast tonight, with gusts of up to 80 km/h on exposed headlands. Forecasters expect "
     "the front to clear by Thursday, leaving a dry and mild weekend across the region."),
    ("https://news.example/council/3", "Council backs new cycle lanes",
     "The city council voted 9 to 4 on Tuesday to fund 12 km of protected cycle lanes, at a cost of 6.5 million dollars. "
     "Work on the first stretch starts in spring."),
    # names Seoul beside "market", so the gate lets it through; read, it names no listed company or market
    ("https://news.example/travel/4", "Night markets return to Seoul",
     "The night market by the river in Seoul reopened this month with 120 food stalls. Visitors queued for dumplings "
     "and grilled skewers until midnight, and organisers plan a winter edition."),
]


def _page(title: str, body: str) -> bytes:
    return (f"<html><head><title>{title}</title></head><body><nav>Home | World | Sport</nav>"
            f"<article><h1>{title}</h1><p>{body}</p></article></body></html>").encode("utf-8")


def _mixed_warc(path: Path) -> int:
    """A WARC of two market pages (fixtures) among the unrelated ones; returns the records written."""
    from warcio.warcwriter import WARCWriter

    from test_archive import PAGES, warc_record

    records = 0
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        for i, (url, title, body) in enumerate(UNRELATED_PAGES):
            warc_record(writer, url, _page(title, body))
            warc_record(writer, url, b"GET / HTTP/1.1\r\n\r\n", kind="request")
            warc_record(writer, f"https://market.example/{i}", PAGES[i].read_bytes()) if i < 2 else None
            records += 3 if i < 2 else 2
    return records


def _stored(db: Path) -> dict[str, int]:
    import sqlite3

    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT a.url, count(f.id) FROM articles a LEFT JOIN facts f ON f.article_id = a.id GROUP BY a.url")
        return dict(rows.fetchall())


@pytest.mark.parametrize("workers", [None, 1], ids=["ingest", "backfill"])
def test_an_archive_stores_only_its_market_articles_with_the_facts_keep_all_finds(tmp_path, workers):
    from extractor.ingest import ingest
    from extractor.parallel import backfill
    from extractor.store import Store

    warc = tmp_path / "day.warc.gz"
    records = _mixed_warc(warc)

    def run(db: Path, keep_all: bool):
        with Store(db) as store:
            if workers is None:
                return ingest([warc], store, keep_all=keep_all)
            return backfill([warc], store, workers=workers, keep_all=keep_all)

    screened = run(tmp_path / "screened.db", False)
    everything = run(tmp_path / "all.db", True)
    kept, all_rows = _stored(tmp_path / "screened.db"), _stored(tmp_path / "all.db")
    assert sorted(kept) == ["https://market.example/0", "https://market.example/1"]
    assert all(kept[url] > 0 and kept[url] == all_rows[url] for url in kept)  # the same facts as --keep-all
    assert len(all_rows) == 6  # --keep-all: every page, as before
    assert screened.unrelated == 4 and everything.unrelated == 0
    assert screened.documents == 2 and screened.ok
    if workers:
        assert screened.records == records


def test_jsonl_records_are_screened_and_named_files_are_not(tmp_path):
    from extractor.ingest import ingest
    from extractor.store import Store

    lines = tmp_path / "dump.jsonl"
    rows = [{"url": url, "title": title, "text": body} for url, title, body in UNRELATED_PAGES]
    rows.append({"url": "https://market.example/x", "title": "Kospi ends higher",
                 "published": "2026-03-03", "text": "The Kospi rose 1.4% to 2,711.05 on Tuesday."})
    lines.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    page = tmp_path / "council.html"
    page.write_bytes(_page(*UNRELATED_PAGES[2][1:]))
    with Store(tmp_path / "f.db") as store:
        summary = ingest([lines, page], store)
    stored = _stored(tmp_path / "f.db")
    assert "https://market.example/x" in stored and stored["https://market.example/x"] == 2
    assert not any(url and "news.example" in url for url in stored)
    assert len(stored) == 2  # the page named by hand is stored although it holds no fact
    assert summary.unrelated == 4 and "4 unrelated records skipped" in summary.line()
