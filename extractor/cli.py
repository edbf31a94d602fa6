"""marketfacts: the command line. A thin skin over the library.

Exit status: 0 success, 1 when some inputs failed (each reported on stderr),
2 on usage errors. Errors are one line, never a traceback.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from datetime import date
from pathlib import Path

import click
from tabulate import tabulate

from . import __version__
from .errors import MarketfactsError
from .ingest import IngestSummary, ingest, sample_sources
from .model import FACT_FIELDS, INVESTORS, METRICS
from .store import DEFAULT_DB, Store

TABLE_COLUMNS = ("as_of", "subject", "ticker", "metric", "investor", "value", "unit", "qualifier", "text")


def _parse_date(ctx, param, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _echo_error(error: Exception) -> None:
    click.echo(f"marketfacts: error: {error}", err=True)


class _Group(click.Group):
    """Turns our own errors into one line and exit status 1."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except MarketfactsError as e:
            _echo_error(e)
            ctx.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="marketfacts")
def main() -> None:
    """Facts about the Korean stock market from English-language news."""


db_option = click.option(
    "--db", "db_path", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False), help="SQLite database file."
)
published_option = click.option(
    "--published", callback=_parse_date, metavar="YYYY-MM-DD", help="Publication date for inputs that do not give one."
)


@main.command("ingest")
@click.argument("sources", nargs=-1)
@db_option
@published_option
@click.option("-q", "--quiet", is_flag=True, help="Print only errors and the summary.")
def ingest_command(sources: tuple[str, ...], db_path: str, published: date | None, quiet: bool) -> None:
    """Read SOURCES (feed or page URLs, files, directories) into the database.

    With no SOURCES, ingests the sample news bundled with marketfacts.
    """
    targets = list(sources) or sample_sources()

    def on_document(doc, result) -> None:
        if not quiet:
            label = doc.title or doc.url or doc.source or doc.key
            click.echo(f"{result.action:>9}  {result.facts:>3} facts  {label[:90]}")

    with Store(db_path) as store:
        summary: IngestSummary = ingest(targets, store, published=published, on_document=on_document, on_error=_echo_error)
    click.echo(summary.line() + f" -> {db_path}")
    sys.exit(0 if summary.ok else 1)


@main.command("extract")
@click.argument("path")
@published_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True)
@click.option("--quantities", is_flag=True, help="Print every quantity found instead of facts.")
def extract_command(path: str, published: date | None, fmt: str, quantities: bool) -> None:
    """Print the facts in one input (file, URL, or - for standard input).

    Nothing is stored. Each fact is one JSON object with the fields of the
    fact contract, plus "article" (the URL, guid or path it came from).
    """
    from .documents import Document
    from .nlp.pipeline import extract, parse_quantities
    from .readers import read

    if path == "-":
        documents = [Document(text=sys.stdin.read(), published=published, source="<stdin>")]
    else:
        documents = list(read(path, published=published))
    rows = []
    for doc in documents:
        label = doc.url or doc.guid or doc.source or path
        if quantities:
            rows += [dict(q.to_dict(), article=label) for q in parse_quantities(doc.text)]
        else:
            rows += [dict(f.to_dict(), article=label) for f in extract(doc.text, doc.published, title=doc.title)]
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    else:
        columns = ("text", "start", "end", "value", "unit", "sign", "qualifier") if quantities else TABLE_COLUMNS
        click.echo(_table(rows, columns) if rows else ("no quantities found" if quantities else "no facts found"))


def fact_filters(func):
    """The filter options shared by facts, search, export and plot."""
    options = [
        click.option("--subject", help="Subject, e.g. KOSPI or 'Samsung Electronics' (any case)."),
        click.option("--ticker", help="Six-character KRX code, e.g. 005930."),
        click.option("--metric", type=click.Choice(sorted(METRICS)), help="Metric of the fact contract."),
        click.option("--investor", type=click.Choice(INVESTORS), help="Investor group of a net_buy fact."),
        click.option("--since", callback=_parse_date, metavar="YYYY-MM-DD", help="Earliest as_of day."),
        click.option("--until", callback=_parse_date, metavar="YYYY-MM-DD", help="Latest as_of day."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _open_existing(db_path: str) -> Store:
    if not Path(db_path).exists():
        raise MarketfactsError(f"{db_path}: no such database (run `marketfacts ingest` first)")
    return Store(db_path)


def _print_facts(rows: list[dict], fmt: str) -> None:
    if not rows:
        # The message goes where a person reads it; a pipe still gets valid empty output.
        if fmt == "json":
            click.echo("[]")
        elif fmt == "csv":
            click.echo(",".join(FACT_FIELDS))
        click.echo("no facts match", err=(fmt != "table"))
        return
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        click.echo(_csv(rows), nl=False)
    else:
        click.echo(_table(rows, TABLE_COLUMNS + ("article_title", "article_published")))
        click.echo(f"{len(rows)} facts")


@main.command("facts")
@db_option
@fact_filters
@click.option("--limit", type=click.IntRange(min=1), help="At most this many facts.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def facts_command(db_path: str, fmt: str, **filters) -> None:
    """List stored facts, newest first."""
    with _open_existing(db_path) as store:
        _print_facts(list(store.facts(**filters)), fmt)


@main.command("search")
@click.argument("query", required=False)
@db_option
@fact_filters
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True, help="At most this many facts.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def search_command(query: str | None, db_path: str, fmt: str, **filters) -> None:
    """Facts whose evidence or article matches QUERY, newest first.

    QUERY is full-text (SQLite FTS5): words, "quoted phrases", AND / OR /
    NOT, prefix*. The filters narrow the facts further. Example:

        marketfacts search '"margin loan" record' --metric margin_loan_balance
    """
    with _open_existing(db_path) as store:
        _print_facts(list(store.facts(query=query, **filters)), fmt)


@main.command("export")
@db_option
@fact_filters
@click.option("--query", help="Full-text query, as for `marketfacts search`.")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv", show_default=True)
@click.option("--out", type=click.File("w", encoding="utf-8"), default="-", help="File to write (default: standard output).")
def export_command(db_path: str, fmt: str, out, **filters) -> None:
    """Write matching facts, with their article, for other tools."""
    with _open_existing(db_path) as store:
        rows = store.facts(**filters)
        if fmt == "jsonl":
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
            return
        writer = None
        for row in rows:
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=list(row), lineterminator="\n")
                writer.writeheader()
            writer.writerow(row)
        if writer is None:
            out.write(",".join(FACT_FIELDS) + "\n")


@main.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8001, show_default=True)
def serve_command(db_path: str, host: str, port: int) -> None:
    """Browse the database in datasette (pip install 'marketfacts[serve]').

    Tables and views are titled and their columns described; canned queries
    answer the common questions (foreign flows by day, highest short-balance
    ratios, record margin loans).
    """
    from .serve import serve

    sys.exit(serve(db_path, host=host, port=port))


@main.command("plot")
@click.argument("metric", type=click.Choice(sorted(METRICS)))
@db_option
@click.option("--subject", help="Subject, e.g. KOSPI (any case).")
@click.option("--ticker", help="Six-character KRX code.")
@click.option("--investor", type=click.Choice(INVESTORS), help="Investor group of a net_buy fact.")
@click.option("--since", callback=_parse_date, metavar="YYYY-MM-DD", help="Earliest as_of day.")
@click.option("--until", callback=_parse_date, metavar="YYYY-MM-DD", help="Latest as_of day.")
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="Image file to write (.png, .svg, .pdf).")
def plot_command(metric: str, db_path: str, out: str, **filters) -> None:
    """Draw METRIC over time, a line per subject and investor (pip install 'marketfacts[plot]')."""
    from .plot import plot

    with _open_existing(db_path) as store:
        points = plot(store.facts(metric=metric, **filters), metric, out)
    click.echo(f"{points} points -> {out}")


@main.command("eval")
@click.argument("directory", type=click.Path(exists=True))
@click.option("--articles", type=click.Path(exists=True, file_okay=False), help="Where the articles are, if not beside their annotations.")
@click.option("--misses", is_flag=True, help="Also list every extra, missing and wrongly dated fact.")
def eval_command(directory: str, articles: str | None, misses: bool) -> None:
    """Score extraction on annotated articles: precision, recall, F1, as_of.

    DIRECTORY holds articles or feeds, each with NAME.expected.json beside it
    (see fixtures/README.md for the format).
    """
    from .evaluation import evaluate, format_report

    click.echo(format_report(evaluate(directory, articles=articles), show_misses=misses))


@main.group("companies")
def companies_group() -> None:
    """The KRX company gazetteer: refresh it, look names up."""


@companies_group.command("import")
@click.argument("listing", type=click.Path(dir_okay=False))
@db_option
@click.option("--gazetteer", "out", type=click.Path(dir_okay=False), help="Gazetteer file to write (default: the shipped patterns/companies.jsonl).")
@click.option("--force", is_flag=True, help="Accept a listing with less than half the companies of the current gazetteer.")
def companies_import_command(listing: str, db_path: str, out: str | None, force: bool) -> None:
    """Refresh the gazetteer from an official listing export.

    LISTING is the KRX data portal's CSV export, KIND's corporate-list
    download (.xls, an HTML table) or a krx_companies.csv. Bad rows are
    reported with their line and skipped. The new gazetteer is used by the
    next extraction; `marketfacts reextract` brings stored facts up to date.
    """
    from .companies import refresh_gazetteer

    gazetteer, errors = refresh_gazetteer(listing, out, force=force)
    for error in errors:
        click.echo(f"marketfacts: error: {error}", err=True)
    with Store(db_path) as store:
        stored = store.replace_companies(gazetteer)
    click.echo(f"{stored} companies ({gazetteer.alias_count} aliases) -> {out or 'patterns/companies.jsonl'} and {db_path}; {len(errors)} rows rejected")
    sys.exit(1 if errors else 0)


@companies_group.command("search")
@click.argument("text")
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True)
def companies_search_command(text: str, limit: int) -> None:
    """Show what a name resolves to: company, ticker, market, matched alias."""
    from .companies import search

    hits = search(text, limit)
    if not hits:
        click.echo(f"no listed company matches {text!r}")
        return
    click.echo(tabulate([[h.name, h.ticker, h.market, h.alias, f"{h.score:.2f}"] for h in hits], headers=["name", "ticker", "market", "alias", "score"]))


def _table(rows: list[dict], columns) -> str:
    def cell(row, column):
        value = row.get(column)
        if column == "value" and isinstance(value, (int, float)):
            return f"{value:,}" if isinstance(value, int) else f"{value:,.10g}"
        if column == "text" and isinstance(value, str):
            value = " ".join(value.split())
            return value if len(value) <= 70 else value[:67] + "..."
        return "" if value is None else value

    return tabulate([[cell(r, c) for c in columns] for r in rows], headers=list(columns), disable_numparse=True)


def _csv(rows: list[dict]) -> str:
    out = io.StringIO()
    columns = list(FACT_FIELDS) + [k for k in rows[0] if k not in FACT_FIELDS]
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


if __name__ == "__main__":  # pragma: no cover
    main()
