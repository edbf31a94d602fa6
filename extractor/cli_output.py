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


def table(rows: list[dict], columns) -> str:
    def cell(row, column):
        value = row.get(column)
        if column == "value" and isinstance(value, (int, float)):
            return f"{value:,}" if isinstance(value, int) else f"{value:,.10g}"
        if column in ("text", "article_title") and isinstance(value, str):
            width = 60 if column == "text" else 40
            value = " ".join(value.split())
            return value if len(value) <= width else value[: width - 3] + "..."
        return "" if value is None else value

    return tabulate([[cell(r, c) for c in columns] for r in rows], headers=list(columns), disable_numparse=True)


def csv_text(rows: list[dict]) -> str:
    out = io.StringIO()
    columns = list(FACT_FIELDS) + [k for k in rows[0] if k not in FACT_FIELDS]
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
