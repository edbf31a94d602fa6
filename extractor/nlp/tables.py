"""Tables in the text: pipe-delimited rows, read by their column headers.

Readers render every HTML table into the article text as lines like
``| KOSPI | 7,844.01 | +2.63% | +₩1,890bn |`` under a header line
``| Market | Close | Daily change | Retail |``. This module finds those
blocks and gives each body row its cells' offsets and each cell the role its
column header gives it (patterns/table_headers.jsonl; investor columns from
patterns/investors.jsonl).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..rules import read_jsonl

#: role: (kind, investor, qualifier); kind is a metric, or level/change/net_buy/open/high/low.
Role = tuple

_ROW = re.compile(r"^[ \t]*\|(.*)\|[ \t]*$", re.M)
_NOISE = re.compile(r"\((?:%|₩|krw|won|pt|points|bn|tn)\)|[*_`]", re.I)


@dataclass(frozen=True)
class TableRow:
    start: int
    end: int
    cells: list[tuple[int, int]]
    roles: list[Role | None]


def find_table_rows(text: str) -> list[TableRow]:
    """Body rows of every pipe table in ``text``, with cell offsets and roles."""
    rows: list[TableRow] = []
    block: list[re.Match] = []
    for m in _ROW.finditer(text):
        if block and text[block[-1].end() : m.start()] != "\n":
            rows += _read_block(block)
            block = []
        block.append(m)
    rows += _read_block(block)
    return rows


def _read_block(block: list[re.Match]) -> list[TableRow]:
    if len(block) < 2:
        return []
    header = [_cell_text(block[0].string, s, e) for s, e in _cells(block[0])]
    roles = header_roles(header)
    out = []
    for m in block[1:]:
        cells = _cells(m)
        padded = (roles + [None] * len(cells))[: len(cells)]
        out.append(TableRow(m.start(), m.end(), cells, padded))
    return out


def _cells(m: re.Match) -> list[tuple[int, int]]:
    cells = []
    pos = m.start(1)
    for part in m.group(1).split("|"):
        start, end = pos, pos + len(part)
        stripped = part.strip()
        if stripped:
            start += len(part) - len(part.lstrip())
            end = start + len(stripped)
        cells.append((start, end))
        pos += len(part) + 1
    return cells


def _cell_text(text: str, start: int, end: int) -> str:
    return text[start:end]


def header_roles(headers: list[str]) -> list[Role | None]:
    """Roles of columns. A value column such as "Est. scale" takes the
    investor another header names ("Foreign direction")."""
    table, investors = _header_vocabulary()
    table_investor = None
    roles: list[Role | None] = []
    for raw in headers:
        h = _normalize(raw)
        role = table.get(h)
        investor = _investor_in(h, investors)
        if role is None and investor and "direction" not in h:
            role = ("net_buy", investor, None)
        elif investor and "direction" in h:
            table_investor = investor
        roles.append(role)
    return [
        ("net_buy", table_investor, r[2]) if r and r[0] == "net_buy" and r[1] is None else r
        for r in roles
    ]


def _normalize(header: str) -> str:
    return re.sub(r"\s+", " ", _NOISE.sub("", header)).strip().lower()


def _investor_in(header: str, investors: list[tuple[str, str]]) -> str | None:
    for phrase, code in investors:
        if re.search(r"\b" + re.escape(phrase) + r"\b", header):
            return code
    return None


@lru_cache(maxsize=1)
def _header_vocabulary() -> tuple[dict[str, Role], list[tuple[str, str]]]:
    table: dict[str, Role] = {}
    for _, obj in read_jsonl("table_headers.jsonl", required=("header", "role")):
        header = _normalize(obj["header"])
        qualifier = "estimated" if obj.get("qualifier_if") and obj["qualifier_if"] in header else None
        table[header] = (obj["role"], None, qualifier)
    investors = [
        (obj["pattern"].lower(), obj["id"])
        for _, obj in read_jsonl("investors.jsonl", required=("pattern", "id"))
        if isinstance(obj["pattern"], str)
    ]
    investors.sort(key=lambda p: -len(p[0]))  # "foreign investors" before "foreign"
    return table, investors
