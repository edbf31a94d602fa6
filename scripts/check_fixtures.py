"""Check the hand-written expected facts beside every fixture (stdlib only).

    python scripts/check_fixtures.py            # all fixtures and the bundled sample
    python scripts/check_fixtures.py -v         # also print per-metric document counts

For each ``<file>.expected.json`` it checks: valid JSON in the documented
shape; every metric in the FACTS.md vocabulary with its unit; tickers
against /work/shared/data/krx_companies.csv when that file is present (else
the names table below); ``investor`` set exactly for ``net_buy``; known
qualifiers; ISO ``as_of`` dates not after the publication date; no duplicate
(subject, metric, investor, value, as_of); each ``evidence`` string present in
the document's visible text (HTML unescaped, block elements on their own
lines, so evidence never spans two paragraphs or cells); and that the
evidence's digits carry the value's significant digits.

This script is a reviewer's aid, not the test suite: it does not run the
extractor.
"""

from __future__ import annotations

import csv
import html
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ROOT = REPO / "fixtures"

KRX_CSV = REPO.parent / "shared" / "data" / "krx_companies.csv"

METRICS = {
    "index_close": "points", "index_open": "points", "index_high": "points",
    "index_low": "points", "index_change": "points", "index_change_pct": "pct",
    "price": "KRW", "price_change_pct": "pct", "target_price": "KRW", "net_buy": "KRW",
    "short_balance": "KRW", "short_balance_ratio": "pct", "short_volume": "KRW",
    "short_interest_pct": "pct", "lending_balance": "KRW", "borrowing_ratio": "pct",
    "margin_loan_balance": "KRW", "fx_rate": "KRW_per_USD", "advancers": "count",
    "decliners": "count",
}
INDEX_METRICS = {"index_close", "index_open", "index_high", "index_low", "index_change", "index_change_pct"}
COMPANY_METRICS = {"price", "price_change_pct", "target_price"}
INVESTORS = {"foreign", "retail", "institution", "pension", "financial_investment",
             "insurance", "trust", "other_corporation"}
QUALIFIERS = {None, "approx", "more_than", "less_than", "estimated"}
MARKETS = {"KOSPI", "KOSDAQ", "KOSPI 200", "KOSPI 50", "KRX"}
FX = "USD/KRW"

# Canonical company names used by the fixtures and their KRX codes.
NAMES = {
    "Samsung Electronics": "005930", "SK hynix": "000660", "LG Energy Solution": "373220",
    "Ecopro BM": "247540", "Ecopro": "086520", "POSCO Future M": "003670", "LG Chem": "051910",
    "SK Innovation": "096770", "Samsung SDI": "006400", "POSCO Holdings": "005490",
    "Hyundai Motor": "005380", "Hyundai Mobis": "012330", "Kia": "000270",
    "Samsung Electro-Mechanics": "009150", "Daeduck Electronics": "353200", "SKC": "011790",
    "Hanmi Semiconductor": "042700", "HLB": "028300", "CHA Biotech": "085660",
    "Celltrion": "068270", "Samsung Biologics": "207940", "NAVER": "035420", "Kakao": "035720",
    "KB Financial Group": "105560", "Hanwha Aerospace": "012450",
    "HD Hyundai Heavy Industries": "329180", "Alteogen": "196170", "Ecopro Materials": "450080",
    "LG Display": "034220", "Krafton": "259960",
}

BLOCK = {"p", "div", "li", "ul", "ol", "td", "th", "tr", "table", "thead", "tbody", "h1", "h2",
         "h3", "h4", "h5", "h6", "pre", "blockquote", "br", "hr", "section", "article", "header",
         "footer", "nav", "aside", "figure", "figcaption", "dd", "dt", "dl", "main", "form",
         "title", "caption"}
SKIP = {"script", "style", "noscript", "template", "svg"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += 1
        elif tag in BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK:
            self.out.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def html_text(markup: str) -> str:
    p = _Text()
    p.feed(markup)
    p.close()
    return "".join(p.out)


def feed_items(path: Path) -> dict[str, str]:
    """Item title -> visible text of the item's body (RSS description / Atom content)."""
    root = ET.parse(path).getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    items: dict[str, str] = {}
    if root.tag == "rss":
        for it in root.iter("item"):
            title = (it.findtext("title") or "").strip()
            body = it.findtext("description") or ""
            enc = it.findtext("{http://purl.org/rss/1.0/modules/content/}encoded")
            items[title] = html_text(enc or body)
    elif root.tag == atom + "feed":
        for e in root.iter(atom + "entry"):
            title = (e.findtext(atom + "title") or "").strip()
            content = e.find(atom + "content")
            if content is None:
                content = e.find(atom + "summary")
            if content is not None and content.get("type") == "xhtml":
                body = "".join(ET.tostring(c, encoding="unicode") for c in content)
            else:
                body = content.text if content is not None else ""
            items[title] = html_text(body or "")
    else:
        raise ValueError(f"not a feed: {root.tag}")
    return items


def sig_digits(value) -> str:
    d = Decimal(str(abs(value))).normalize()
    digits = re.sub(r"\D", "", format(d, "f")).lstrip("0").rstrip("0")
    return digits or "0"


def compound_amounts(text: str) -> set[int]:
    """Amounts written as "9 trillion 445 billion won" / "9조4450억원"."""
    found = set()
    for a, b in re.findall(r"(\d[\d,]*(?:\.\d+)?) trillion (\d[\d,]*(?:\.\d+)?) billion", text):
        found.add(int(Decimal(a.replace(",", "")) * 10**12 + Decimal(b.replace(",", "")) * 10**9))
    for a, b in re.findall(r"(\d+)조\s*(\d+)억", text):
        found.add(int(a) * 10**12 + int(b) * 10**8)
    return found


def load_tickers() -> dict[str, str]:
    if not KRX_CSV.exists():
        return dict(NAMES)
    by_code = {}
    with KRX_CSV.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            by_code[row["code"]] = row
    for name, code in NAMES.items():
        if code not in by_code:
            raise SystemExit(f"{name}: code {code} not in {KRX_CSV}")
    return dict(NAMES)


def check_fact(f: dict, text: str, published: date | None, tickers: dict[str, str], where: str) -> list[str]:
    errs = []
    need = {"subject", "ticker", "metric", "value", "unit", "investor", "as_of", "qualifier", "evidence"}
    if set(f) != need:
        errs.append(f"{where}: keys {sorted(set(f) ^ need)}")
        return errs
    m = f["metric"]
    if m not in METRICS:
        return [f"{where}: unknown metric {m}"]
    if f["unit"] != METRICS[m]:
        errs.append(f"{where}: unit {f['unit']} for {m}")
    subj = f["subject"]
    if subj in MARKETS or subj == FX:
        if f["ticker"] is not None:
            errs.append(f"{where}: ticker for {subj}")
    elif subj in tickers:
        if f["ticker"] != tickers[subj]:
            errs.append(f"{where}: ticker {f['ticker']} for {subj}, expected {tickers[subj]}")
    else:
        errs.append(f"{where}: unknown subject {subj!r}")
    if m == "fx_rate" and subj != FX:
        errs.append(f"{where}: fx_rate subject {subj}")
    if m in INDEX_METRICS and subj not in MARKETS:
        errs.append(f"{where}: {m} on non-index {subj}")
    if m in COMPANY_METRICS and subj not in tickers:
        errs.append(f"{where}: {m} on non-company {subj}")
    if (m == "net_buy") != (f["investor"] is not None):
        errs.append(f"{where}: investor {f['investor']} with {m}")
    if f["investor"] is not None and f["investor"] not in INVESTORS:
        errs.append(f"{where}: investor {f['investor']}")
    if f["qualifier"] not in QUALIFIERS:
        errs.append(f"{where}: qualifier {f['qualifier']}")
    v = f["value"]
    if not isinstance(v, (int, float)) or isinstance(v, bool):
        errs.append(f"{where}: value {v!r}")
    elif METRICS[m] in ("KRW", "count") and not isinstance(v, int):
        errs.append(f"{where}: {m} value should be an integer, got {v!r}")
    if f["as_of"] is not None:
        try:
            d = date.fromisoformat(f["as_of"])
            if published and d > published:
                errs.append(f"{where}: as_of {d} after published {published}")
        except ValueError:
            errs.append(f"{where}: as_of {f['as_of']!r}")
    ev = f["evidence"]
    if not ev or ev not in text:
        errs.append(f"{where}: evidence not in text: {ev!r}")
    elif isinstance(v, (int, float)):
        ev_digits = re.sub(r"\D", "", ev)
        if sig_digits(v) not in ev_digits and abs(v) not in compound_amounts(ev):
            errs.append(f"{where}: evidence {ev!r} does not carry value {v}")
    return errs


def doc_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    if path.suffix in (".html", ".htm"):
        return html_text(raw)
    return raw


def check_file(exp_path: Path, tickers) -> tuple[list[str], list[tuple[str, set[str]]]]:
    errs: list[str] = []
    per_doc_metrics: list[tuple[str, set[str]]] = []
    src = exp_path.with_name(exp_path.name[: -len(".expected.json")])
    if not src.exists():
        return [f"{exp_path}: no source file {src.name}"], []
    data = json.loads(exp_path.read_text(encoding="utf-8"))
    if set(data) != {"published", "documents"}:
        errs.append(f"{exp_path.name}: top-level keys {sorted(data)}")
    top_pub = date.fromisoformat(data["published"])
    is_feed = src.suffix == ".xml"
    if is_feed:
        items = feed_items(src)
        if len(data["documents"]) != len(items):
            errs.append(f"{src.name}: {len(items)} items, {len(data['documents'])} expected documents")
    for i, doc in enumerate(data["documents"]):
        if set(doc) != {"match", "published", "facts"}:
            errs.append(f"{src.name}[{i}]: keys {sorted(doc)}")
        pub = date.fromisoformat(doc["published"]) if doc.get("published") else top_pub
        if is_feed:
            title = doc["match"].get("title")
            if title not in items:
                errs.append(f"{src.name}[{i}]: no item titled {title!r}")
                continue
            text = items[title]
            label = f"{src.name} :: {title[:40]}"
        else:
            if doc["match"] != {}:
                errs.append(f"{src.name}: match should be {{}} for an article")
            text = doc_text(src)
            label = src.name
        seen = Counter()
        metrics = set()
        for j, f in enumerate(doc["facts"]):
            errs += check_fact(f, text, pub, tickers, f"{label} fact {j}")
            key = (f.get("subject"), f.get("metric"), f.get("investor"), f.get("value"), f.get("as_of"))
            seen[key] += 1
            metrics.add(f.get("metric") if f.get("metric") != "net_buy" else f"net_buy:{f.get('investor')}")
            metrics.add(f.get("metric"))
        for key, n in seen.items():
            if n > 1:
                errs.append(f"{label}: duplicate fact {key}")
        per_doc_metrics.append((label, metrics))
    return errs, per_doc_metrics


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    tickers = load_tickers()
    paths = sorted(ROOT.glob("articles/*.expected.json")) + sorted(ROOT.glob("feeds/*.expected.json"))
    sample = sorted((REPO / "extractor" / "sample").glob("*.expected.json"))
    all_errs: list[str] = []
    file_counts: Counter = Counter()
    item_counts: Counter = Counter()
    n_facts = 0
    for p in sample + paths:
        errs, per_doc = check_file(p, tickers)
        all_errs += errs
        n_facts += sum(len(d["facts"]) for d in json.loads(p.read_text(encoding="utf-8"))["documents"])
        if p in paths:
            union = set().union(*(m for _, m in per_doc)) if per_doc else set()
            for m in union:
                file_counts[m] += 1
            for _, m in per_doc:
                for x in m:
                    item_counts[x] += 1
    for e in all_errs:
        print("ERROR", e)
    print(f"{len(sample)} sample + {len(paths)} fixture files, {n_facts} facts, {len(all_errs)} errors")
    if verbose:
        keys = list(METRICS) + sorted(k for k in file_counts if k.startswith("net_buy:"))
        print(f"{'metric':32} files  items")
        for k in keys:
            print(f"{k:32} {file_counts[k]:5}  {item_counts[k]:5}")
    short = [m for m in METRICS if file_counts[m] < 5]
    if paths and short:
        print("metrics in fewer than 5 fixture files:", ", ".join(short))
    return 1 if all_errs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
