"""Throughput of the quantity layer beside spaCy's bare tokenizer.

Run by hand: ``python bench/quantities.py [--size BYTES] [--repeat N]``.

Builds a corpus of about 2 MB by repeating the seed articles
(../shared/seeds beside the repository, or fixtures/ when the seeds are
absent), then times, over the same texts in the same run:

1. ``spacy.blank("en").tokenizer`` alone;
2. the tokenizer plus ``find_quantities`` (the extraction pipeline's first
   two steps).

It prints tokens per second for each and their ratio; the quantity layer
should keep the pipeline at half the bare tokenizer's speed or better.
Timings are this process's CPU time (all the work is single-threaded), best
of ``--repeat`` runs, so other load on the machine stays out of them.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import spacy

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run from a checkout without installing

from extractor.nlp.quantities import find_quantities  # noqa: E402

SOURCES = (REPO.parent / "shared" / "seeds", REPO / "fixtures")
TARGET_RATIO = 0.5


def load_texts() -> tuple[Path, list[str]]:
    for directory in SOURCES:
        texts = [p.read_text(encoding="utf-8") for p in sorted(directory.glob("**/*.txt"))]
        if texts:
            return directory, texts
    raise SystemExit(f"no .txt articles in {' or '.join(map(str, SOURCES))}")


def build_corpus(texts: list[str], size: int) -> list[str]:
    corpus, total = [], 0
    while total < size:
        for text in texts:
            corpus.append(text)
            total += len(text)
    return corpus


def best_time(run: Callable[[], int], repeat: int) -> tuple[float, int]:
    """(best seconds, what run returned) over ``repeat`` runs."""
    best, result = float("inf"), 0
    for _ in range(repeat):
        start = time.process_time()
        result = run()
        best = min(best, time.process_time() - start)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2_000_000, help="corpus size in characters")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing; the best counts")
    args = parser.parse_args()

    source, texts = load_texts()
    corpus = build_corpus(texts, args.size)
    tokenizer = spacy.blank("en").tokenizer
    find_quantities("warm-up: build the pattern before timing, 1.5%")

    def tokens_only() -> int:
        return sum(len(tokenizer(text)) for text in corpus)

    def tokens_and_quantities() -> int:
        found = 0
        for text in corpus:
            tokenizer(text)
            found += len(find_quantities(text))
        return found

    bare, n_tokens = best_time(tokens_only, args.repeat)
    piped, n_quantities = best_time(tokens_and_quantities, args.repeat)
    quantities_alone, _ = best_time(lambda: sum(len(find_quantities(t)) for t in corpus), args.repeat)

    chars = sum(map(len, corpus))
    ratio = bare / piped
    print(f"corpus: {len(corpus)} texts from {source}, {chars:,} characters, {n_tokens:,} tokens")
    print(f"tokenizer alone:          {n_tokens / bare:>12,.0f} tokens/s  ({bare:.2f} s)")
    print(f"tokenizer + quantities:   {n_tokens / piped:>12,.0f} tokens/s  ({piped:.2f} s, {n_quantities:,} quantities)")
    print(f"find_quantities alone:    {chars / quantities_alone / 1e6:>12.2f} MB/s      ({quantities_alone:.2f} s)")
    verdict = "ok" if ratio >= TARGET_RATIO else f"below the {TARGET_RATIO} target"
    print(f"pipeline / tokenizer:     {ratio:>12.2f}            ({verdict})")


if __name__ == "__main__":
    main()
