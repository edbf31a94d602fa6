"""Extraction time against input size for inputs built to be slow: is every stage linear?

Run by hand: ``python bench/pathological.py [--sizes 10000,100000,1000000] [--budget 60]``.

For each pattern (a run of won signs, nested brackets, a comma-joined list of
ones, percent after percent, and a real-looking market sentence repeated),
it extracts texts of each size and prints seconds per 100k characters. A
linear stage keeps that figure flat as the size grows; the aim (issue 17) is
every pattern within 2x of the repeated article's rate at every size. A size
whose run exceeds ``--budget`` seconds is stopped and printed as such.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

#: Written by us: one sentence of a market report, as repeated text.
ARTICLE = (
    "The KOSPI closed up 1.24 percent at 2,611.05 on Tuesday, as foreign investors bought a net 412.6 billion won "
    "of local shares while institutions sold 198.3 billion won; Samsung Electronics rose 2.1% to 71,300 won. "
)
PATTERNS = {
    "won signs": "₩",
    "brackets": "(",
    "ones": "1,",
    "percents": "1% ",
    "won amounts": "₩1,234bn ",
    "bracketed percents": "(1.2%) ",
    "long number": "1,234,567,890,",
    "article": ARTICLE,
}


def _text(unit: str, size: int) -> str:
    if unit == "(":
        half = size // 2
        return "(" * half + ")" * half
    return (unit * (size // len(unit) + 1))[:size]


def _time(unit: str, size: int, out) -> None:
    from extractor.nlp.pipeline import extract, load_pipeline

    load_pipeline()
    extract(ARTICLE, None)  # first-use costs (lazy imports, caches) are not the pattern's
    text = _text(unit, size)
    start = time.process_time()
    extract(text, None)
    out.put(time.process_time() - start)


def measure(unit: str, size: int, budget: float) -> float | None:
    """CPU seconds to extract, in a fresh process; None past the budget."""
    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    process = context.Process(target=_time, args=(unit, size, out))
    process.start()
    process.join(budget + 30)  # the pipeline loads first
    if process.is_alive():
        process.kill()
        process.join()
        return None
    return out.get() if not out.empty() else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="characters, comma-separated")
    parser.add_argument("--budget", type=float, default=60.0, help="seconds before a run is stopped")
    parser.add_argument("--only", help="run only the patterns whose name contains this")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'pattern':<20}" + "".join(f"{size:>14,}" for size in sizes) + "   (CPU seconds per 100k characters)")
    reference: dict[int, float] = {}
    rows = {}
    for name, unit in PATTERNS.items():
        if args.only and args.only not in name and name != "article":
            continue
        cells = []
        for size in sizes:
            seconds = measure(unit, size, args.budget)
            rate = None if seconds is None else seconds / size * 100_000
            cells.append(rate)
            if name == "article" and rate is not None:
                reference[size] = rate
        rows[name] = cells
        print(f"{name:<20}" + "".join(f"{'> budget':>14}" if r is None else f"{r:>14.3f}" for r in cells), flush=True)
    worst = []
    for name, cells in rows.items():
        for size, rate in zip(sizes, cells):
            base = reference.get(size)
            if base:
                worst.append((float("inf") if rate is None else rate / base, name, size))
    if worst:
        ratio, name, size = max(worst)
        verdict = "ok" if ratio <= 2 else "over the 2x aim"
        print(f"slowest against the article: {name} at {size:,} characters, {ratio:.1f}x ({verdict})")


if __name__ == "__main__":
    main()
