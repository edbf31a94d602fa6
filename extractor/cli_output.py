"""What the command line prints: tables, CSV, the progress bar, and how a run stops on SIGTERM."""

from __future__ import annotations

import csv
import io
import sys

import click

from .model import FACT_FIELDS


def echo_error(error: Exception | str) -> None:
    click.echo(f"marketfacts: error: {error}", err=True)


def tabulate(*args, **kwargs) -> str:
    from tabulate import tabulate as _tabulate  # imported on use: `marketfacts --help` stays fast

    return _tabulate(*args, **kwargs)


def stop_on_sigterm() -> list[int]:
    """SIGTERM (``timeout``, a service manager) stops a run as Ctrl-C does:
    what is committed is kept, the summary is printed. The list returned
    holds the signal once it came (exit status 143 rather than 130)."""
    import signal

    came: list[int] = []

    def stop(signum, frame):
        came.append(signum)
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    return came


class Bar:
    """click's progress bar on stderr, fed by the library's progress callbacks; hidden by --quiet."""

    def __init__(self, quiet: bool, label: str, unit: str = "articles"):
        self.quiet = quiet
        self.label = label
        self.unit = unit
        self.bar = None
        self.status = ""

    def __enter__(self) -> Bar:
        if not self.quiet and sys.stderr.isatty():  # a log file gets the summary line only
            self.bar = click.progressbar(
                length=1, label=self.label, file=sys.stderr, show_pos=False, width=24, item_show_func=lambda _: self.status
            )
            self.bar.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None

    def update(self, progress) -> None:
        if self.bar is None:
            return
        if getattr(progress, "records", 0):
            rate = progress.records / progress.elapsed if progress.elapsed else 0.0
            self.status = (
                f"{progress.records} records ({rate:.0f}/s), {progress.unrelated} unrelated, "
                f"{progress.documents} stored, {progress.facts} facts, {progress.errors} errors"
            )
        else:
            rate = progress.documents / progress.elapsed if progress.elapsed else 0.0
            self.status = f"{progress.documents} {self.unit} ({rate:.1f}/s), {progress.facts} facts, {progress.errors} errors"
        self.bar.length = max(progress.bytes_total, 1)
        self.bar.update(max(progress.bytes_done - self.bar.pos, 0), self.status)

    def error(self, error: Exception) -> None:
        if self.bar is not None and self.bar.file.isatty():
            click.echo("\r\033[K", nl=False, err=True)  # clear the bar's line; it is drawn again
        echo_error(error)


def cell_text(value) -> str:
    if value is None:
        return ""
    text = " ".join(str(value).split())
    return text if len(text) <= 80 else text[:77] + "..."


#: Columns a table may shorten to fit the terminal, and the least each keeps.
_SHRINKABLE = {"text": 24, "article_title": 16}
_NUMERIC = ("value", "start", "end")
_ALWAYS = ("as_of", "subject", "metric", "value", "text")


def won(value: int | float) -> str:
    """A won amount as people read it: ₩3.76tn, ₩209.2bn, ₩1,976,000."""
    sign, amount = ("-" if value < 0 else ""), abs(value)
    if amount >= 1e12:
        return f"{sign}₩{_trim(amount / 1e12, 2)}tn"
    if amount >= 1e9:
        return f"{sign}₩{_trim(amount / 1e9, 1)}bn"
    return f"{sign}₩{amount:,.0f}" if amount == int(amount) else f"{sign}₩{amount:,.2f}"


def _trim(number: float, places: int) -> str:
    return f"{number:,.{places}f}".rstrip("0").rstrip(".")


def table(rows: list[dict], columns, width: int | None = None) -> str:
    """Rows as a terminal table: numbers right-aligned, won amounts in the
    units people read, evidence and titles shortened so that the table fits
    ``width`` (the terminal's, by default). CSV and JSON stay exact."""
    import shutil

    width = width or shutil.get_terminal_size((120, 24)).columns

    def cell(row, column):
        value = row.get(column)
        if column == "value" and isinstance(value, (int, float)):
            if row.get("unit") == "KRW":
                return won(value)
            return f"{value:,}" if isinstance(value, int) else f"{value:,.10g}"
        if column in _SHRINKABLE and isinstance(value, str):
            return " ".join(value.split())
        return "" if value is None else str(value)

    # A column no row fills (no ticker, no investor, no qualifier) only takes room.
    columns = [c for c in columns if c in _ALWAYS or any(r.get(c) not in (None, "") for r in rows)]
    grid = [[cell(r, c) for c in columns] for r in rows]
    # tabulate keeps two spaces beside each header (its MIN_PADDING) and two between columns.
    widths = {c: max([len(c) + 2] + [len(line[i]) for line in grid]) for i, c in enumerate(columns)}
    over = sum(widths.values()) + 2 * (len(columns) - 1) - width
    for column in [c for c in ("article_title", "text") if c in widths]:  # the title gives way first, then the evidence
        if over <= 0:
            break
        keep = max(_SHRINKABLE[column], widths[column] - over)
        over -= widths[column] - keep
        widths[column] = keep
    for row, line in zip(rows, grid):
        for i, column in enumerate(columns):
            if column in _SHRINKABLE and len(line[i]) > widths[column]:
                line[i] = _shorten(line[i], widths[column], _figure_at(line[i], row) if column == "text" else 0)
    align = ["right" if c in _NUMERIC else "left" for c in columns]
    return tabulate(grid, headers=list(columns), disable_numparse=True, colalign=align)


def _shorten(text: str, width: int, figure: int) -> str:
    """``text`` in ``width`` characters, showing the figure at ``figure``:
    from the start when it fits there, else a window around it."""
    if figure + 12 <= width - 3:
        return text[: width - 3] + "..."
    start = max(0, min(figure - width // 3, len(text) - (width - 6)))
    return "..." + text[start : start + width - 6] + "..."


def _figure_at(text: str, row: dict) -> int:
    """Where the fact's figure is written in its evidence (0 when not found):
    "3.76" for ₩3.76tn, "412.6" for ₩412.6bn, "7,844.01" for a level."""
    value = row.get("value")
    if not isinstance(value, (int, float)):
        return 0
    amount = abs(value)
    spellings = [f"{amount:,}", f"{amount:g}", f"{amount:,.2f}"]
    if row.get("unit") == "KRW":
        spellings = [_trim(amount / scale, 2) for scale in (1e12, 1e9, 1e8, 1e6) if amount >= scale] + spellings
    for spelling in spellings:
        if (at := text.find(spelling)) >= 0:
            return at
    return 0


def csv_text(rows: list[dict]) -> str:
    out = io.StringIO()
    columns = list(FACT_FIELDS) + [k for k in rows[0] if k not in FACT_FIELDS]
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
