"""Validate a held-out fixture directory (stdlib only).

    python scripts/check_holdout.py [DIR] [-v]

DIR defaults to fixtures/holdout; a relative DIR is taken from the current
directory, or else from the repository root (e.g. fixtures/blind2).

Reuses scripts/check_fixtures.py's per-file checks (shape, metric/unit, investor,
qualifier, as_of <= published, duplicates, evidence present in the visible text
and carrying the value's digits), with two differences: company names are
resolved against /work/shared/data/krx_companies.csv (name_en or name_en_news,
plus the short names below), and HTML files are decoded with the charset their
<meta> declares (one page is EUC-KR).
"""
from __future__ import annotations

import csv
import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HERE = REPO / "fixtures" / "holdout"

spec = importlib.util.spec_from_file_location("cf", REPO / "scripts" / "check_fixtures.py")
cf = importlib.util.module_from_spec(spec)
spec.loader.exec_module(cf)

# Usual English names used here whose CSV name_en is longer or differently cased.
SHORT = {"KB Financial Group": "105560", "HD Hyundai Heavy Industries": "329180", "Ecopro BM": "247540",
         "Ecopro": "086520"}


def tickers() -> dict[str, str]:
    by_name, codes = {}, set()
    with cf.KRX_CSV.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            codes.add(row["code"])
            for k in ("name_en", "name_en_news"):
                if row[k]:
                    by_name.setdefault(row[k], row["code"])
    for name, code in SHORT.items():
        assert code in codes, (name, code)
        by_name[name] = code
    return by_name


def doc_text(path: Path) -> str:
    raw = path.read_bytes()
    if path.suffix in (".html", ".htm"):
        m = re.search(rb'charset=["\']?([A-Za-z0-9_-]+)', raw[:2048])
        return cf.html_text(raw.decode(m.group(1).decode() if m else "utf-8"))
    return raw.decode("utf-8")


cf.doc_text = doc_text


def target_dir(argv) -> Path:
    args = [a for a in argv if not a.startswith("-")]
    if not args:
        return HERE
    d = Path(args[0])
    if not d.is_absolute() and not d.is_dir():
        d = REPO / d
    if not d.is_dir():
        raise SystemExit(f"not a directory: {args[0]}")
    return d


def main(argv):
    tk = tickers()
    paths = sorted(target_dir(argv).glob("*.expected.json"))
    errs, per_metric, n = [], Counter(), 0
    for p in paths:
        e, per_doc = cf.check_file(p, tk)
        errs += e
        data = json.loads(p.read_text(encoding="utf-8"))
        for doc in data["documents"]:
            for f in doc["facts"]:
                n += 1
                per_metric[f["metric"]] += 1
                if f["metric"] == "net_buy":
                    per_metric["net_buy:" + f["investor"]] += 1
        files = set().union(*(m for _, m in per_doc)) if per_doc else set()
        for m in files:
            per_metric["files:" + m] += 1
    for e in errs:
        print("ERROR", e)
    print(f"{len(paths)} files, {n} facts, {len(errs)} errors")
    if "-v" in argv:
        keys = list(cf.METRICS) + sorted(k for k in per_metric if k.startswith("net_buy:"))
        print(f"{'metric':32} files  facts")
        for k in keys:
            print(f"{k:32} {per_metric['files:' + k]:5}  {per_metric[k]:5}")
    thin = [m for m in cf.METRICS if per_metric["files:" + m] < 2]
    if thin:
        print("metrics in fewer than 2 files:", ", ".join(thin))
    return 1 if errs or thin else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
