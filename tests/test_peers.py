"""The quantity layer against public peers: Recognizers-Text and Duckling test cases.

The cases live beside the repository in ../shared/peers (see its README.md);
the test skips when they are absent. A case passes when every item it
expects is among ``find_quantities``' results with the same value and unit.
Each file must pass at least MIN_PASS_RATE of its cases, and every case that
fails must be listed, with the reason, in tests/data/peer_deviations.jsonl:
a listed case that starts passing fails the test too, so the list only shrinks.

How peers' conventions map onto ours:

- units: peers name currencies ("Dollar", "United States dollar", "Pound");
  we use ISO codes. A bare "$" is USD in our news, so "Dollar" is USD.
  Percent "%" is our "pct"; a plain number (unit None) is None.
- number models: Recognizers' NumberModel and Duckling's Numeral read the
  numeral alone, so for "$20" they expect "20" with no unit, where we give
  one USD quantity "$20". An expected plain number therefore matches one of
  our quantities whose text contains it and whose value equals it.
- text: compared case-insensitively, ignoring surrounding space. Duckling
  transcribes the whole input as the text ("a US$4.7 billion"); an article
  in front of a figure is not part of it in our contract, so a leading
  "a "/"an " may be missing from ours (when ours reads the article as "one",
  as in "a dollar", the texts are simply equal).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from extractor.nlp.quantities import find_quantities

PEERS = Path(__file__).resolve().parents[2] / "shared" / "peers"
DEVIATIONS = Path(__file__).parent / "data" / "peer_deviations.jsonl"
MIN_PASS_RATE = 0.97

#: Peers' unit names -> ours.
UNITS = {
    "Dollar": "USD",
    "United States dollar": "USD",
    "USD": "USD",
    "Euro": "EUR",
    "EUR": "EUR",
    "Pound": "GBP",
    "GBP": "GBP",
    "Japanese yen": "JPY",
    "Chinese yuan": "CNY",
    "CNY": "CNY",
    "Canadian dollar": "CAD",
    "CAD": "CAD",
    "Hong Kong dollar": "HKD",
    "Australian dollar": "AUD",
    "Swiss franc": "CHF",
    "CHF": "CHF",
    "%": "pct",
    None: None,
}


def peer_files() -> list[Path]:
    return sorted(PEERS.glob("*.jsonl")) if PEERS.is_dir() else []


def read_cases(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def case_id(case: dict) -> tuple[str, str]:
    # Duckling's source names a corpus block shared by several inputs, so
    # the input is part of a case's identity.
    return case["source"], case["input"]


def read_deviations() -> dict[tuple[str, str], str]:
    listed = {}
    for line in DEVIATIONS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("//"):
            row = json.loads(line)
            listed[case_id(row)] = row["reason"]
    return listed


def _norm(text: str) -> str:
    return text.strip().casefold()


def text_matches(expected: str, ours: str, *, numeral: bool) -> bool:
    expected, ours = _norm(expected), _norm(ours)
    if numeral and expected in ours:
        return True
    return expected == ours or any(expected == article + ours for article in ("a ", "an "))


def item_found(item: dict, quantities) -> bool:
    unit = UNITS[item["unit"]]
    numeral = unit is None
    return any(
        math.isclose(q.value, item["value"], rel_tol=1e-9)
        and (numeral or q.unit == unit)
        and text_matches(item["text"], q.text, numeral=numeral)
        for q in quantities
    )


def case_passes(case: dict) -> bool:
    quantities = find_quantities(case["input"])
    return all(item_found(item, quantities) for item in case["expected"])


def test_peer_cases_are_present():
    if not peer_files():
        pytest.skip(f"peer cases not found at {PEERS}")


@pytest.mark.parametrize("path", peer_files(), ids=lambda p: p.stem)
def test_peer_file_passes_and_every_failure_is_a_listed_deviation(path: Path):
    cases = read_cases(path)
    failing = {case_id(c) for c in cases if not case_passes(c)}
    rate = 1 - len(failing) / len(cases)
    print(f"\n{path.name}: {len(cases) - len(failing)}/{len(cases)} pass ({rate:.1%})")

    listed = {k for k in read_deviations() if k in {case_id(c) for c in cases}}
    unlisted = sorted(failing - listed)
    now_passing = sorted(listed - failing)
    assert rate >= MIN_PASS_RATE, f"{path.name}: pass rate {rate:.1%} below {MIN_PASS_RATE:.0%}"
    assert not unlisted, f"{path.name}: failing cases not in {DEVIATIONS.name}: {unlisted}"
    assert not now_passing, f"{path.name}: listed deviations now pass, remove them: {now_passing}"


def test_every_listed_deviation_names_a_peer_case_and_a_reason():
    if not peer_files():
        pytest.skip(f"peer cases not found at {PEERS}")
    known = {case_id(c) for path in peer_files() for c in read_cases(path)}
    deviations = read_deviations()
    assert all(reason.strip() for reason in deviations.values())
    assert not set(deviations) - known, f"stale deviations: {sorted(set(deviations) - known)}"
