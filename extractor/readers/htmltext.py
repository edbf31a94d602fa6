"""HTML fragment → plain text, with its tables kept as rows of cells.

This is the one converter every reader uses for HTML (feed item bodies, and
the main content that trafilatura finds in an article page), so that the text
extraction reads has the same shape whatever the source:

- blocks (paragraphs, headings, list items, ``<pre>``, tables) are separated
  by one blank line; ``<br>`` is a line break inside a block; whitespace is
  collapsed inside a block; entities are decoded (BeautifulSoup does that);
- each data table is rendered *into* the text, where it stood, as one
  pipe-delimited line per row (``| KOSPI | 7,844.01 | +2.63% |``), and is
  also returned as a :class:`~extractor.documents.Table` whose ``start`` and
  ``end`` are the offsets of those lines in the returned text.

Tables used for page layout (a whole article inside one cell, tables inside
tables) are not data: their cells are walked as ordinary blocks instead, so
an old table-laid-out page reads as paragraphs and its inner data tables are
still rendered as tables.

The tree is walked with an explicit stack, not recursion, so that deeply
nested markup (hostile or just broken) cannot raise RecursionError.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bs4 import BeautifulSoup, Tag
from bs4.element import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction

from ..documents import Table

# Elements that end the current paragraph and start a new block.
# Table parts are here for layout tables, whose cells are read as blocks.
BLOCK_TAGS = frozenset(
    """
    address article aside blockquote body caption center dd details dialog
    div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header
    hgroup hr html li main nav ol p section summary table tbody td tfoot th
    thead tr ul
    """.split()
)

# Elements whose content is never article text.
SKIP_TAGS = frozenset(
    """
    button canvas embed head iframe input noscript object script select
    style svg template textarea
    """.split()
)

# Strings that are markup, not text: <!-- -->, <!DOCTYPE>, <?pi?>.
_NOT_TEXT = (Comment, Declaration, Doctype, ProcessingInstruction)

# Invisible characters that would split a figure or a name in two
# ("KOS\u00adPI", "7,844\u200b.01") without showing in the page.
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")
_WHITESPACE = re.compile(r"\s+")
_SPACES = re.compile(r"[^\S\n]+")

# A footnote marker such as <sup>1</sup> or <sup>[2]</sup> must not glue onto
# the figure before it: "7,844.01<sup>1</sup>" is not 7,844.011.
_MARKER_START = re.compile(r"\s*[\d\[(*†‡]")

# Bounds on spans, so that colspan="100000" cannot blow up memory.
MAX_SPAN = 100

# A table cell longer than this, or holding several blocks, is page layout.
LAYOUT_CELL_CHARS = 500


def html_to_text(html: str) -> tuple[str, list[Table]]:
    """Convert an HTML fragment or page to plain text and its tables.

    Never raises for malformed markup: whatever lxml makes of the input is
    converted. ``text[t.start:t.end]`` is exactly the pipe lines of table
    ``t``.
    """
    return soup_to_text(BeautifulSoup(html, "lxml"))


def soup_to_text(soup: BeautifulSoup) -> tuple[str, list[Table]]:
    """:func:`html_to_text` of an already parsed page."""
    builder = _TextBuilder()
    _walk(soup, builder)
    return builder.finish()


def html_fragment_text(html: str) -> str:
    """Plain text of a short HTML fragment such as a feed title, on one line."""
    text, _ = html_to_text(html)
    return _WHITESPACE.sub(" ", text).strip()


class _TextBuilder:
    """Collects blocks; inline text accumulates until a block boundary."""

    def __init__(self) -> None:
        self.blocks: list[str | list[list[str]]] = []
        self._inline: list[str] = []

    def text(self, s: str) -> None:
        self._inline.append(_WHITESPACE.sub(" ", _INVISIBLE.sub("", s)))

    def line_break(self) -> None:
        self._inline.append("\n")

    def flush(self) -> None:
        """End the current block: lines kept, <br><br> splits paragraphs."""
        if not self._inline:
            return
        raw = "".join(self._inline)
        self._inline.clear()
        paragraph: list[str] = []
        for line in raw.split("\n") + [""]:
            line = _SPACES.sub(" ", line).strip()
            if line:
                paragraph.append(line)
            elif paragraph:
                self.blocks.append("\n".join(paragraph))
                paragraph = []

    def block(self, text: str) -> None:
        self.flush()
        if text:
            self.blocks.append(text)

    def table(self, rows: list[list[str]]) -> None:
        self.flush()
        if rows:
            self.blocks.append(rows)

    def finish(self) -> tuple[str, list[Table]]:
        """Join blocks with blank lines, noting where each table landed."""
        self.flush()
        parts: list[str] = []
        tables: list[Table] = []
        pos = 0
        for block in self.blocks:
            if parts:
                pos += 2  # the "\n\n" that join() puts before this block
            if isinstance(block, list):
                rendered = "\n".join(render_row(row) for row in block)
                tables.append(Table(rows=block, start=pos, end=pos + len(rendered)))
            else:
                rendered = block
            parts.append(rendered)
            pos += len(rendered)
        return "\n\n".join(parts), tables


def render_row(cells: list[str]) -> str:
    """``| a | b |``: the one line a table row becomes in the text."""
    return "| " + " | ".join(cells) + " |"


def _walk(root: Tag, out: _TextBuilder) -> None:
    # (node, leaving): leaving=True marks the end of a block element.
    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            out.flush()
            continue
        if isinstance(node, NavigableString):
            if not isinstance(node, _NOT_TEXT):
                out.text(str(node))
            continue
        if not isinstance(node, Tag):
            continue
        name = node.name
        if name in SKIP_TAGS:
            continue
        if name == "br":
            out.line_break()
            continue
        if name == "pre":
            out.block(_pre_text(node))
            continue
        if name == "table" and _emit_data_table(node, out):
            continue
        if name in ("sup", "sub") and _MARKER_START.match(node.get_text()):
            out.text(" ")
        if name in BLOCK_TAGS:
            out.flush()
            stack.append((node, True))
        stack.extend((child, False) for child in reversed(node.contents))


def _pre_text(node: Tag) -> str:
    """Preformatted text as written: lines kept, trailing spaces dropped."""
    pieces = []
    for item in node.descendants:
        if isinstance(item, Tag):
            if item.name == "br":
                pieces.append("\n")
        elif isinstance(item, NavigableString) and not isinstance(item, _NOT_TEXT):
            pieces.append(_INVISIBLE.sub("", str(item)))
    lines = [line.rstrip() for line in "".join(pieces).split("\n")]
    # Several blank lines in a row would read as more than one block break.
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return text.strip("\n")


# --- tables ---------------------------------------------------------------


def _emit_data_table(table: Tag, out: _TextBuilder) -> bool:
    """Render a data table (caption, then rows); False if it is layout."""
    row_elements = list(_own_rows(table))
    if not _is_data_table(table, row_elements):
        return False
    caption = table.find("caption")
    if caption is not None and _nearest_table(caption) is table:
        out.block(_cell_text(caption))
    out.table(_table_grid(row_elements))
    return True


def _own_rows(table: Tag) -> Iterator[Tag]:
    """The <tr> of this table, not of tables nested inside it."""
    for tr in table.find_all("tr"):
        if _nearest_table(tr) is table:
            yield tr


def _own_cells(tr: Tag) -> list[Tag]:
    return tr.find_all(("td", "th"), recursive=False)


def _nearest_table(node: Tag) -> Tag | None:
    return node.find_parent("table")


def _is_data_table(table: Tag, rows: list[Tag]) -> bool:
    if (table.get("role") or "").lower() == "presentation":
        return False
    if table.find("table") is not None:
        return False  # tables inside tables: the outer one is layout
    cells = [cell for tr in rows for cell in _own_cells(tr)]
    if len(cells) < 2:
        return False  # a one-cell box is a callout, not a table
    for cell in cells:
        blocks = cell.find_all(("p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "blockquote"))
        if len(blocks) >= 2 or len(cell.get_text()) > LAYOUT_CELL_CHARS:
            return False
    return True


def _table_grid(rows: list[Tag]) -> list[list[str]]:
    """Rows of cell texts: header rows first, spans repeated, empty rows dropped."""
    groups: dict[str, list[list[Tag]]] = {"thead": [], "body": [], "tfoot": []}
    current_parent = None
    for tr in rows:
        parent = tr.parent
        section = parent.name if parent is not None and parent.name in ("thead", "tfoot") else "body"
        if parent is not current_parent or not groups[section]:
            groups[section].append([])  # a new row group: spans don't cross it
            current_parent = parent
        groups[section][-1].append(tr)
    grid: list[list[str]] = []
    for section in ("thead", "body", "tfoot"):
        for group in groups[section]:
            grid.extend(_span_grid(group))
    return [row for row in grid if any(row)]


def _span_grid(rows: list[Tag]) -> list[list[str]]:
    """Lay out one row group, repeating colspan/rowspan cells in each slot."""
    grid: list[list[str]] = []
    pending: dict[int, list] = {}  # column -> [text, rows still to fill]

    def take_pending(row: list[str], col: int) -> None:
        text_left = pending[col]
        row.append(text_left[0])
        text_left[1] -= 1
        if text_left[1] == 0:
            del pending[col]

    for tr in rows:
        row: list[str] = []
        for cell in _own_cells(tr):
            while len(row) in pending:
                take_pending(row, len(row))
            text = _cell_text(cell)
            rowspan = _span(cell.get("rowspan"))
            for _ in range(_span(cell.get("colspan"))):
                if rowspan > 1:
                    pending[len(row)] = [text, rowspan - 1]
                row.append(text)
        # Cells spanned down from above that sit past this row's own cells.
        while pending and max(pending) >= len(row):
            if len(row) in pending:
                take_pending(row, len(row))
            else:
                row.append("")
        grid.append(row)
    return grid


def _span(value: object) -> int:
    try:
        span = int(str(value).strip())
    except (TypeError, ValueError):
        return 1
    return min(max(span, 1), MAX_SPAN)


def _cell_text(cell: Tag) -> str:
    """A cell on one line: blocks and breaks become spaces, '|' becomes '/'."""
    builder = _TextBuilder()
    _walk(cell, builder)
    text, _ = builder.finish()
    return _WHITESPACE.sub(" ", text).replace("|", "/").strip()
