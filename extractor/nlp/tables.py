"""Tables in the text: pipe-delimited rows, read by their column headers.

Readers render every HTML table into the article text as lines like
``| KOSPI | 7,844.01 | +2.63% | +₩1,890bn |`` under a header line
``| Market | Close | Daily change | Retail |``. This module finds those
blocks and gives each body row its cells' offsets and each column the role
its header gives it (patterns/table_headers.jsonl; investor columns from
patterns/investors.jsonl). A header may carry a unit (``Short selling (KRW
bn)``) or a day (``Close (Feb. 13)``) for its column; a one-cell row above
the header is the table's caption and may date the whole table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..rules import read_jsonl

_ROW = re.compile(r"^[ \t]*\|(.*)\|[ \t]*$", re.M)
_UNIT = re.compile(r"\((?:₩|krw|w)?\s*(bn|billion|bil|tn|trillion|mn|million)?\.?\s*(?:won)?\)|\((%|₩|krw|won|pt|points)\)", re.I)
_PAREN = re.compile(r"\(([^)]*)\)")
_SCALES = {
    "bn": 10**9, "billion": 10**9, "bil": 10**9, "tn": 10**12, "trillion": 10**12, "mn": 10**6, "million": 10**6,
    "100m": 10**8, "100mn": 10**8, "100million": 10**8, "억": 10**8,  # Korean data in units of 100 million won
}  # fmt: skip


@dataclass(frozen=True)
class Column:
    """What a column's cells are: a metric (or level/change/net_buy/count
    kinds resolved per row), for which investor, with which qualifier, on
    which day (text to resolve), in which scale for bare numbers."""

    kind: str
    investor: str | None = None
    qualifier: str | None = None
    day_text: str | None = None
    scale: int | None = None
    unit: str | None = None  # "pct", "points" or "KRW" when the header says so


@dataclass(frozen=True)
class TableRow:
    start: int
    end: int
    cells: list[tuple[int, int]]
    columns: list[Column | None]
    caption: str | None = None
    header_start: int | None = None  # where the table's header (or caption) begins in the text


def find_table_rows(text: str) -> list[TableRow]:
    """Body rows of every pipe table in ``text``, with cell offsets and columns."""
    rows: list[TableRow] = []
    block: list[re.Match] = []
    for m in _ROW.finditer(text):
        if block and text[block[-1].end() : m.start()] != "\n":
            rows += _read_block(text, block)
            block = []
        block.append(m)
    rows += _read_block(text, block)
    return rows


_NUMBER = r"[+\-−–]?\d[\d,]*(?:\.\d+)?"
_ROW_DAY = (
    r"(?:(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?\s+\d{1,2}(?!\d)"
    r"|\d{1,2}/\d{1,2}(?![/\d])|(?:19|20)\d\d[-./]\d{1,2}[-./]\d{1,2})"
)
_PLAIN_SCALE = re.compile(
    r"\bin\s+(billions?|trillions?|millions?|100\s+million)\s+(?:of\s+)?(?:south\s+)?(?:korean\s+)?won\b"
    r"|\((?:unit:\s*)?(?:₩|krw|w)\s*(bn|billion|tn|trillion|mn|million)\.?\)",
    re.I,
)


def find_plain_rows(text: str) -> list[TableRow]:
    """Tables set in plain text, as wire copy sends them: a header of
    investor groups, then rows of a day and one figure per group, aligned
    by spaces, one row a line or all run together on one line::

        ... in billions of South Korean won: FOREIGNERS INSTITUTIONS RETAIL
        Jan 21   80.7  -167.8  -13.4
        Jan 20   32.4   170.5 -211.2

    Only rows that are a day and exactly one figure per header column are
    read ("Month to date ..." ends the table), and only when the text
    before the header gives the scale of the figures ("in billions of won",
    "(KRW bn)"): without it a bare figure has no amount."""
    _, investors = _header_vocabulary()
    if not investors:
        return []
    names = "|".join(re.escape(phrase) for phrase, _ in investors)
    header_re = re.compile(rf"(?<![\w.])((?:(?:{names})[ \t]+){{1,7}}(?:{names}))(?![\w.])[ \t]*\n?", re.I)
    rows: list[TableRow] = []
    for header in header_re.finditer(text):
        groups = [g.lower() for g in re.split(r"[ \t]+", header.group(1)) if g]
        columns = _plain_columns(header.group(1), investors)
        if columns is None:
            continue
        n = len(columns)
        row_re = re.compile(rf"[ \t]*({_ROW_DAY})((?:[ \t]+{_NUMBER}){{{n}}})(?![\d.,%])[ \t]*\n?", re.I)
        before = text[max(0, header.start() - 400) : header.start()]
        scales = [_scale_word(m) for m in _PLAIN_SCALE.finditer(before)]
        if not scales or not groups:
            continue
        columns = [Column(c.kind, c.investor, None, None, scales[-1], None) for c in columns]
        caption_start = max(text.rfind("\n", 0, header.start()) + 1, header.start() - 400)
        pos = header.end()
        found = []
        while (row := row_re.match(text, pos)) is not None:
            cells = [(row.start(1), row.end(1))]
            offset = row.start(2)
            for number in re.finditer(_NUMBER, row.group(2)):
                cells.append((offset + number.start(), offset + number.end()))
            found.append(TableRow(row.start(1), cells[-1][1], cells, [None, *columns], text[caption_start : header.start()], caption_start))
            pos = row.end()
        if len(found) >= 1:
            rows += found
    return rows


def _plain_columns(header: str, investors: list[tuple[str, str]]) -> list[Column] | None:
    """One net-buy column per investor group named, in order; None when
    the same group is named twice or a word is not a group."""
    columns: list[Column] = []
    rest = header.lower()
    while rest.strip():
        rest = rest.lstrip()
        phrase = next((p for p, _ in investors if rest.startswith(p) and (len(rest) == len(p) or rest[len(p)] in " \t")), None)
        if phrase is None:
            return None
        code = dict(investors)[phrase]
        if any(c.investor == code for c in columns):
            return None
        columns.append(Column("net_buy", code))
        rest = rest[len(phrase) :]
    return columns if len(columns) >= 2 else None


def _scale_word(m: re.Match) -> int:
    word = (m.group(1) or m.group(2)).lower().replace(" ", "")
    word = {"billions": "billion", "trillions": "trillion", "millions": "million", "100million": "100million"}.get(word, word)
    return _SCALES[word]


def _read_block(text: str, block: list[re.Match]) -> list[TableRow]:
    caption = None
    # Leading rows with one filled cell are a caption ("Short selling by market, Jan. 16").
    while block and sum(1 for s, e in _cells(block[0]) if e > s) < 2:
        cells = [text[s:e] for s, e in _cells(block[0]) if e > s]
        caption = " ".join(cells) or caption
        block = block[1:]
    if len(block) < 2:
        return []
    columns = header_columns([text[s:e] for s, e in _cells(block[0])])
    out = []
    for m in block[1:]:
        cells = _cells(m)
        padded = (columns + [None] * len(cells))[: len(cells)]
        out.append(TableRow(m.start(), m.end(), cells, padded, caption))
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
        else:
            start = end = pos
        cells.append((start, end))
        pos += len(part) + 1
    return cells


def header_columns(headers: list[str]) -> list[Column | None]:
    """Columns of a header row. A value column such as "Est. scale" takes
    the investor another header names ("Foreign direction")."""
    table, investors = _header_vocabulary()
    table_investor = None
    columns: list[Column | None] = []
    for raw in headers:
        scale, day_text, name, unit = _split_header(raw)
        kind, qualifier = _lookup(name, table)
        investor = _investor_in(name, investors)
        if investor and "direction" in name:
            table_investor = investor
            kind = None
        elif kind is None and investor:
            kind = "net_buy"
        columns.append(Column(kind, investor, qualifier, day_text, scale, unit) if kind else None)
    return [
        Column(c.kind, table_investor, c.qualifier, c.day_text, c.scale, c.unit) if c and c.kind == "net_buy" and not c.investor else c
        for c in columns
    ]


_TRAILING_DAY = re.compile(
    r"(?:,\s*((?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?\s+\d{1,2})|[,\s]\s*(\d{1,2}/\d{1,2}))\s*$", re.I
)


def _split_header(raw: str) -> tuple[int | None, str | None, str, str | None]:
    """"Short selling (KRW bn)" -> (1e9, None, "short selling", None);
    "Close (Feb. 13)" -> (None, "Feb. 13", "close", None); "Chg (pts)" ->
    (None, None, "chg", "points")."""
    scale, day_text, unit = None, None, None
    # One bracket may hold a unit and a day: "(₩bn, 3/9)", "(KRW tn)", "(%)", "(pts)".
    for inner in _PAREN.findall(raw):
        for part in inner.split(","):
            part = part.strip()
            token = re.fullmatch(
                r"(?:₩|krw|w)?\s*(bn|billion|bil|tn|trillion|mn|million|100\s*mn?|100 million|억)\.?(?:\s*won|\s*원)?|(%|pts?|points|₩|krw|won)",
                part,
                re.I,
            )
            if token and token.group(1):
                scale = _SCALES[re.sub(r"\s+", "", token.group(1).lower())]  # "100 m" and "100m" alike
            elif token:
                unit = {"%": "pct", "pt": "points", "pts": "points", "points": "points"}.get(token.group(2).lower(), "KRW")
            elif re.search(r"\d", part):
                day_text = part
    name = _PAREN.sub(" ", raw)
    name = re.sub(r"[*_`]", "", name)
    if day_text is None and (day := _TRAILING_DAY.search(name)):
        day_text, name = day.group(1) or day.group(2), name[: day.start()]  # "Short bal. / mkt cap, Dec 2", "Lending bal. 1/20"
    if unit is None and "%" in name:
        unit = "pct"  # "% chg", "Day %"
    return scale, day_text, re.sub(r"\s+", " ", name).strip().lower(), unit


def _lookup(name: str, table: dict[str, tuple[str, str | None]]) -> tuple[str | None, str | None]:
    """Exact header first, else the longest known header the name contains."""
    if name in table:
        return table[name]
    best = None
    for header, value in table.items():
        if len(header) > 2 and _as_word(header).search(name):
            if best is None or len(header) > len(best[0]):
                best = (header, value)
    return best[1] if best else (None, None)


def _investor_in(header: str, investors: list[tuple[str, str]]) -> str | None:
    for phrase, code in investors:
        if _as_word(phrase).search(header):
            return code
    return None


@lru_cache(maxsize=None)
def _as_word(phrase: str) -> re.Pattern:
    """``phrase`` as a whole word or words, compiled once: built anew for
    every header, the patterns kept re's own cache of 512 cycling."""
    return re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)")


@lru_cache(maxsize=1)
def _header_vocabulary() -> tuple[dict[str, tuple[str, str | None]], list[tuple[str, str]]]:
    table: dict[str, tuple[str, str | None]] = {}
    for _, obj in read_jsonl("table_headers.jsonl", required=("header", "role")):
        header = _split_header(obj["header"])[2]
        qualifier = "estimated" if obj.get("qualifier_if") and obj["qualifier_if"] in header else None
        table[header] = (obj["role"], qualifier)
    investors = [
        (obj["pattern"].lower(), obj["id"])
        for _, obj in read_jsonl("investors.jsonl", required=("pattern", "id"))
        if isinstance(obj["pattern"], str)
    ]
    investors.sort(key=lambda p: -len(p[0]))  # "foreign investors" before "foreign"
    return table, investors
