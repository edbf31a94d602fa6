"""Backfill throughput and memory: `ingest --workers` on a synthetic archive, beside spaCy's bare tokenizer.

Run by hand: ``python bench/backfill.py [--articles N] [--workers 1,2] [--repeat R] [--keep DIR]``,
or ``python bench/backfill.py --relevant 0.01 [--pages N] [--workers 1,2]`` for a news crawl.

With ``--relevant F``: a CC-NEWS-shaped WARC.gz (a warcinfo record, then
for each page a request, a response and a metadata record, a redirect now
and then) in which a fraction F of the pages are market articles (the
fixtures, varied) and the rest unrelated news pages of every topic, built
by bench/newsgen.py (written by us: navigation, scripts, 500-1,500 words).
It prints the WARC readers' records/s on it, the relevance gate's pass rate
on the unrelated pages and its recall on the market ones, then for each
worker count ``ingest --workers K`` records/s and the stored articles, and
checks the database against an ``--keep-all`` run of the same archive:
only market articles stored, each with exactly the facts --keep-all finds.

1. Builds a synthetic archive of N articles from fixtures/articles: half as
   WARC.gz (the HTML pages, as HTTP responses with a WARC-Date, plus a
   request record every tenth page, as crawls have), half as JSON lines
   (the text articles, a quarter of them as HTML); every copy has its
   figures and dates shifted, so no two articles are the same.
2. Times the WARC reading alone with warcio (what we use) and FastWARC
   (when installed), records per second.
3. For each worker count (``--repeat`` times, in turn, keeping the fastest
   run and the highest peak): ``marketfacts ingest WARC JSONL --workers K -q``
   into a fresh database, in a subprocess: wall time, articles/s, tokens/s
   (tokens of the stored texts, per the bare tokenizer), and the peak memory
   of the whole process tree (parent and workers: the sum of
   their PSS, sampled by psutil) and of its largest process (RSS).
4. The bare ``spacy.blank("en").tokenizer`` over the same stored texts, in
   this process (CPU time, best of 3): tokens/s, for a fresh tokenizer that
   sees each text once (as a worker does; the ratio uses this one) and for
   one whose cache already holds every word.
5. One worker's stages in this process, CPU ms an article: reading the
   archive (records, HTML main text) and extraction, next to the tokenizer.

The machine should be otherwise idle: the two-worker figure needs both
cores. It prints the ratios against the aims of issue 7: one worker at 0.5x the
bare tokenizer's tokens/s or better end to end, two workers at 1.7x one,
peak memory under 500 MB for 100,000 articles.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run from a checkout without installing

FIXTURES = REPO / "fixtures" / "articles"
AIM_ONE_WORKER = 0.5
AIM_TWO_WORKERS = 1.7
AIM_MEMORY_MB = 500
AIM_CRAWL_RECORDS = 3000  # records/s with one worker on a 1%-relevant crawl (issue 16)

_DECIMAL = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})*|\d+)\.(\d{2})(?!\d)")
_ISO_DAY = re.compile(r"\b(20\d\d)-(\d\d)-(\d\d)\b")


def vary(text: str, i: int) -> str:
    """The same article with its two-decimal figures and ISO dates moved by copy number ``i``."""

    def figure(m: re.Match) -> str:
        cents = (int(m.group(2)) + 7 * i) % 100
        return f"{m.group(1)}.{cents:02d}"

    def day(m: re.Match) -> str:
        try:
            moved = date(int(m.group(1)), int(m.group(2)), int(m.group(3))) - timedelta(days=i % 365)
        except ValueError:
            return m.group(0)
        return moved.isoformat()

    return _ISO_DAY.sub(day, _DECIMAL.sub(figure, text))


def build_archive(directory: Path, n: int) -> tuple[Path, Path]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.html"))]
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    warc, jsonl = directory / "news.warc.gz", directory / "news.jsonl"
    with open(warc, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        for i in range(n // 2):
            html = vary(pages[i % len(pages)], i // len(pages)).encode("utf-8")
            stamp = (date(2026, 6, 1) - timedelta(days=i % 365)).isoformat() + "T06:00:00Z"
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            url = f"https://news.example/{i}"
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(html), http_headers=http, warc_headers_dict={"WARC-Date": stamp})
            )
            if i % 10 == 0:
                writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
    with open(jsonl, "w", encoding="utf-8") as f:
        for i in range(n - n // 2):
            published = (date(2026, 6, 1) - timedelta(days=i % 365)).isoformat()
            row = {"url": f"https://lines.example/{i}", "published": published}
            if i % 4 == 3:
                row["html"] = vary(pages[i % len(pages)], i)
            else:
                row["text"] = vary(texts[i % len(texts)], i // len(texts))
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return warc, jsonl


def time_warc_readers(warc: Path, every_record: bool = False) -> dict[str, float]:
    """Records per second reading every HTML payload (best of 3, CPU time); with
    ``every_record``, per record of any type (as a crawl's records/s counts them)."""
    rates = {}

    def with_warcio() -> int:
        from warcio.archiveiterator import ArchiveIterator

        n = 0
        with open(warc, "rb") as f:
            for record in ArchiveIterator(f):
                if record.rec_type == "response":
                    record.content_stream().read()
                    n += 1
                elif every_record:
                    n += 1
        return n

    def with_fastwarc() -> int:
        from fastwarc.warc import ArchiveIterator, WarcRecordType

        n = 0
        kinds = WarcRecordType.any_type if every_record else WarcRecordType.response
        with open(warc, "rb") as f:
            for record in ArchiveIterator(f, record_types=kinds, parse_http=True):
                if record.record_type == WarcRecordType.response:
                    record.reader.read()
                n += 1
        return n

    for name, run in (("warcio", with_warcio), ("FastWARC", with_fastwarc)):
        try:
            best, n = float("inf"), 0
            for _ in range(3):
                start = time.process_time()
                n = run()
                best = min(best, time.process_time() - start)
            rates[name] = n / best
        except ImportError:
            continue
    return rates


def run_ingest(sources: list[Path], db: Path, workers: int) -> dict:
    """One ``ingest --workers`` in a subprocess: wall seconds and peak memory of its process tree."""
    try:
        import psutil
    except ImportError:
        psutil = None
    command = [sys.executable, "-m", "extractor", "ingest", *map(str, sources), "--db", str(db), "--workers", str(workers), "-q"]
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = {"tree": 0, "largest": 0}
    cpu: dict[int, float] = {}  # pid -> CPU seconds last seen

    def sample() -> None:
        if psutil is None:
            return
        root = psutil.Process(process.pid)
        while process.poll() is None:
            try:
                processes = [root, *root.children(recursive=True)]
                # PSS: pages processes share (libraries, copy-on-write) count
                # once, split between them, not once per process.
                pss = [p.memory_full_info().pss for p in processes]
                rss = [p.memory_info().rss for p in processes]
                for p in processes:
                    times = p.cpu_times()
                    cpu[p.pid] = times.user + times.system
            except psutil.Error:
                continue
            peak["tree"] = max(peak["tree"], sum(pss))
            peak["largest"] = max(peak["largest"], max(rss))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    wall = time.monotonic() - started
    sampler.join()
    if process.returncode not in (0, 1):
        raise SystemExit(f"ingest failed ({process.returncode}): {err}")
    parent_cpu = cpu.pop(process.pid, 0.0)
    return {
        "wall": wall,
        "summary": out.strip(),
        "tree_mb": peak["tree"] / 2**20,
        "largest_mb": peak["largest"] / 2**20,
        "parent_cpu": parent_cpu,
        "other_cpu": sum(cpu.values()),
    }


def stored_texts(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [row[0] for row in conn.execute("SELECT text FROM articles")]
    finally:
        conn.close()


def tokenizer_rate(texts: list[str]) -> tuple[float, float, int]:
    """The bare tokenizer's tokens/s over ``texts`` (CPU time, best of 3), fresh and warm.

    *Fresh*: a new tokenizer each time, seeing each text once, as a
    backfill's worker does; its cache fills as it goes. *Warm*: the same
    tokenizer again over texts it has all seen, every word already cached:
    the figure earlier runs of this script compared against.
    """
    import spacy

    fresh = warm = float("inf")
    tokens = 0
    for _ in range(3):
        tokenizer = spacy.blank("en").tokenizer
        start = time.process_time()
        tokens = sum(len(tokenizer(text)) for text in texts)
        fresh = min(fresh, time.process_time() - start)
        start = time.process_time()
        sum(len(tokenizer(text)) for text in texts)
        warm = min(warm, time.process_time() - start)
    return tokens / fresh, tokens / warm, tokens


def stage_times(sources: list[Path], limit: int = 1000, chunk_bytes: int = 256 * 1024) -> dict[str, float]:
    """CPU milliseconds an article for each stage of one worker, in this process:
    reading (archive records, HTML main text), then extraction alone, over
    the first ``limit`` articles of each source (the archive's mix)."""
    from extractor.nlp.pipeline import extract, load_pipeline
    from extractor.readers.archive import archive_kind, read_archive, split

    load_pipeline()
    documents = []
    start = time.process_time()
    for source in sources:
        kind = archive_kind(source)
        taken = 0
        for begin, end in split(source, kind, chunk_bytes):
            for item in read_archive(source, kind=kind, start=begin, end=end):
                if not isinstance(item, Exception):
                    documents.append(item)
                    taken += 1
            if taken >= limit:
                break
    read = time.process_time() - start
    start = time.process_time()
    for document in documents:
        extract(document.text, document.published, title=document.title)
    extracted = time.process_time() - start
    n = max(len(documents), 1)
    return {"read": 1000 * read / n, "extract": 1000 * extracted / n, "articles": len(documents)}


# -- a news crawl: 1 page in 100 about the market ------------------------------------------


def build_crawl(directory: Path, pages: int, relevant: float) -> tuple[Path, set[str], set[str], int]:
    """The CC-NEWS-shaped WARC.gz; returns (path, market URLs, unrelated URLs, records)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from newsgen import unrelated_page

    market = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.html"))]
    market += [_as_page(p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.glob("*.txt"))]
    every = max(1, round(1 / relevant)) if relevant > 0 else pages + 1
    path = directory / "crawl.warc.gz"
    market_urls: set[str] = set()
    other_urls: set[str] = set()
    records = 0
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "bench/backfill.py", "format": "WARC 1.0"}))
        records += 1
        for i in range(pages):
            stamp = (date(2026, 6, 1) - timedelta(days=i % 365)).isoformat() + "T06:00:00Z"
            if i % every == every // 2:
                url = f"https://markets.example/{i}"
                html = vary(market[(i // every) % len(market)], i // every // len(market)).encode("utf-8")
                market_urls.add(url)
            else:
                url, _, html = unrelated_page(i)
                url = f"{url}?p={i}"
                other_urls.add(url)
            request = f"GET /{i} HTTP/1.1\r\nHost: news.example\r\nUser-Agent: CCBot/2.0\r\n\r\n".encode()
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(request), warc_headers_dict={"WARC-Date": stamp}))
            if i % 97 == 5:  # a redirect now and then, as crawls have
                http = StatusAndHeaders("301 Moved Permanently", [("Location", url + "/"), ("Content-Length", "0")], protocol="HTTP/1.1")
                body = b""
                other_urls.discard(url)
                market_urls.discard(url)
            else:
                http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
                body = html
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http, warc_headers_dict={"WARC-Date": stamp})
            )
            meta = f"fetchTimeMs: {100 + i % 400}\r\ncharset-detected: UTF-8\r\n".encode()
            writer.write_record(
                writer.create_warc_record(url, "metadata", payload=io.BytesIO(meta), warc_content_type="application/warc-fields",
                                          warc_headers_dict={"WARC-Date": stamp})
            )
            records += 3
    return path, market_urls, other_urls, records


def _as_page(text: str) -> str:
    """A text fixture as a bare news page: its first line the title, its paragraphs <p>s."""
    from html import escape

    title, _, body = text.partition("\n")
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n\n") if p.strip())
    return f"<html><head><title>{escape(title)}</title></head><body><article><h1>{escape(title)}</h1>{paragraphs}</article></body></html>"


def gate_rates(path: Path, market_urls: set[str], other_urls: set[str]) -> tuple[float, float, float]:
    """(pass rate on the unrelated pages, recall on the market pages, µs a page) of the gate alone."""
    from warcio.archiveiterator import ArchiveIterator

    from extractor.readers.relevance import default_gate

    gate = default_gate()
    passed = {True: 0, False: 0}
    seen = {True: 0, False: 0}
    spent = 0.0
    with open(path, "rb") as f:
        for record in ArchiveIterator(f):
            url = record.rec_headers.get_header("WARC-Target-URI")
            if record.rec_type != "response" or (url not in market_urls and url not in other_urls):
                continue
            payload = record.content_stream().read()
            start = time.process_time()
            ok = gate.relevant(payload)
            spent += time.process_time() - start
            is_market = url in market_urls
            seen[is_market] += 1
            passed[is_market] += ok
    pages = seen[True] + seen[False]
    return passed[False] / max(seen[False], 1), passed[True] / max(seen[True], 1), 1e6 * spent / max(pages, 1)


def stored_facts(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db)
    try:
        out: dict[str, list[tuple]] = {}
        rows = conn.execute(
            "SELECT a.url, f.subject, f.metric, f.investor, f.value, f.as_of, f.text FROM articles a "
            "LEFT JOIN facts f ON f.article_id = a.id ORDER BY a.url, f.id"
        )
        for url, *fact in rows:
            out.setdefault(url, [])
            if fact[1] is not None:
                out[url].append(tuple(fact))
        return out
    finally:
        conn.close()


def run_crawl(args, counts: list[int], work: Path) -> None:
    started = time.monotonic()
    warc, market_urls, other_urls, records = build_crawl(work, args.pages, args.relevant)
    print(f"crawl: {args.pages:,} pages ({len(market_urls):,} market, {len(other_urls):,} unrelated, the rest redirects), "
          f"{records:,} records, {warc.stat().st_size / 2**20:.1f} MB WARC.gz, built in {time.monotonic() - started:.1f} s")
    for name, rate in time_warc_readers(warc, every_record=True).items():
        print(f"WARC reading, {name + ':':<10} {rate:>10,.0f} records/s (every record, payloads read)")
    pass_rate, recall, cost = gate_rates(warc, market_urls, other_urls)
    print(f"relevance gate: passes {100 * pass_rate:.2f}% of the unrelated pages (aim: at most 5%), "
          f"{100 * recall:.1f}% of the market pages (aim: 100%); {cost:.0f} µs a page")
    results: dict[int, dict] = {}
    for _ in range(max(args.repeat, 1)):
        for k in counts:
            db = work / f"crawl{k}.db"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
            run = run_ingest([warc], db, k)
            if k not in results or run["wall"] < results[k]["wall"]:
                results[k] = run
    for k, r in results.items():
        print(f"ingest --workers {k}:    {records / r['wall']:>8,.0f} records/s  ({records / r['wall'] / k:,.0f} a worker)  "
              f"{r['wall']:>6.1f} s  peak {r['tree_mb']:.0f} MB all processes (PSS)")
        print(f"    {r['summary']}")
    one = results.get(1)
    if one:
        verdict = "ok" if records / one["wall"] >= AIM_CRAWL_RECORDS else f"below the {AIM_CRAWL_RECORDS:,} aim"
        print(f"1 worker:              {records / one['wall']:>10,.0f} records/s   ({verdict})")
    keep_db = work / "crawl-keep-all.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{keep_db}{suffix}").unlink(missing_ok=True)
    subprocess.run([sys.executable, "-m", "extractor", "ingest", str(warc), "--db", str(keep_db), "--workers", str(max(counts)),
                    "--keep-all", "-q"], cwd=REPO, check=False, capture_output=True)
    everything = stored_facts(keep_db)
    kept = stored_facts(work / f"crawl{counts[0]}.db")
    unrelated_kept = sorted(set(kept) - market_urls)
    differing = [url for url in kept if kept[url] != everything.get(url)]
    missing = [url for url in market_urls if everything.get(url) and url not in kept]
    print(f"stored: {len(kept):,} articles ({len(kept) - len(unrelated_kept):,} market, {len(unrelated_kept)} unrelated), "
          f"{sum(map(len, kept.values())):,} facts; --keep-all stored {len(everything):,} articles, "
          f"{sum(map(len, everything.values())):,} facts")
    same = not differing and not missing
    print(f"against --keep-all:    {'identical facts for every stored article, no market article with facts left out' if same else 'DIFFERENT'}"
          + (f" ({len(differing)} differ, {len(missing)} missing: {(differing + missing)[:3]})" if not same else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="articles in the synthetic archive")
    parser.add_argument("--workers", default="1,2", help="worker counts to run, comma-separated")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs of each worker count, taken in turn (1, 2, 1, 2, ...); the fastest of each is kept, "
                             "which filters out the bursts of other load a shared machine has")
    parser.add_argument("--keep", type=Path, help="build the archive and databases here (kept) instead of a temporary directory")
    parser.add_argument("--relevant", type=float, help="build a news crawl with this fraction of market pages instead (e.g. 0.01)")
    parser.add_argument("--pages", type=int, default=10000, help="pages in the --relevant crawl")
    args = parser.parse_args()
    counts = [int(k) for k in args.workers.split(",")]

    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        if args.relevant is not None:
            run_crawl(args, counts, work)
            return
        started = time.monotonic()
        warc, jsonl = build_archive(work, args.articles)
        print(f"archive: {args.articles:,} articles ({warc.stat().st_size / 2**20:.1f} MB WARC.gz + "
              f"{jsonl.stat().st_size / 2**20:.1f} MB JSON lines), built in {time.monotonic() - started:.1f} s")

        for name, rate in time_warc_readers(warc).items():
            print(f"WARC reading, {name + ':':<10} {rate:>10,.0f} records/s")

        results: dict[int, dict] = {}  # the fastest run of each worker count
        peaks: dict[int, dict[str, float]] = {}  # the highest memory of any of its runs
        for _ in range(max(args.repeat, 1)):
            for k in counts:
                db = work / f"workers{k}.db"
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{db}{suffix}").unlink(missing_ok=True)
                run = run_ingest([warc, jsonl], db, k)
                peaks[k] = {m: max(peaks.get(k, {}).get(m, 0.0), run[m]) for m in ("tree_mb", "largest_mb")}
                if k not in results or run["wall"] < results[k]["wall"]:
                    results[k] = run
        for k, peak in peaks.items():
            results[k].update(peak)
        texts = stored_texts(work / f"workers{counts[0]}.db")
        bare, warm, tokens = tokenizer_rate(texts)
        print(f"tokens: {tokens:,} in {len(texts):,} stored articles")
        print(f"bare tokenizer:        {bare:>10,.0f} tokens/s (one process, CPU time, each text once; "
              f"{warm:,.0f} when every text is already in its cache)")
        stages = stage_times([warc, jsonl])
        per_article = 1000 * tokens / len(texts) / bare
        print(f"one worker's stages, CPU ms an article: reading {stages['read']:.2f} (WARC/JSON lines, HTML main text), "
              f"extraction {stages['extract']:.2f}; the bare tokenizer {per_article:.2f}")
        for k, r in results.items():
            print(
                f"ingest --workers {k}:    {tokens / r['wall']:>10,.0f} tokens/s  {len(texts) / r['wall']:>7.1f} articles/s  "
                f"{r['wall']:>6.1f} s  peak {r['tree_mb']:.0f} MB all processes (PSS), {r['largest_mb']:.0f} MB largest (RSS)"
            )
            print(f"    CPU: parent {r['parent_cpu']:.1f} s, workers {r['other_cpu']:.1f} s (sampled)")
            print(f"    {r['summary']}")
        if 1 in results:
            one = tokens / results[1]["wall"] / bare
            verdict = "ok" if one >= AIM_ONE_WORKER else f"below the {AIM_ONE_WORKER} aim"
            print(f"1 worker / tokenizer:  {one:>10.2f}   ({verdict})")
        if 1 in results and 2 in results:
            two = results[1]["wall"] / results[2]["wall"]
            verdict = "ok" if two >= AIM_TWO_WORKERS else f"below the {AIM_TWO_WORKERS} aim"
            print(f"2 workers / 1 worker:  {two:>10.2f}   ({verdict})")
        peak = max(r["tree_mb"] for r in results.values())
        verdict = "ok" if peak < AIM_MEMORY_MB else f"over the {AIM_MEMORY_MB} MB aim"
        print(f"peak memory:           {peak:>10.0f} MB for {args.articles:,} articles ({verdict})")


if __name__ == "__main__":
    main()
