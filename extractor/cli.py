"""marketfacts: the command line. A thin skin over the library.

Exit status: 0 success, 1 when some inputs failed (each reported on stderr),
2 on usage errors. Errors are one line, never a traceback.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import time
from datetime import date
from pathlib import Path

import click

from .version import __version__
from .errors import MarketfactsError
from .cli_output import Bar, cell_text, csv_text, stop_on_sigterm, table, tabulate
from .cli_output import echo_error as _echo_error
from .model import FACT_FIELDS, INVESTORS, METRICS

# The library's heavier modules (the store's sqlite_utils, the readers' HTTP
# and HTML parsers, spaCy) are imported by the commands that use them, so
# that `marketfacts --help` and a cold `extract` do not pay for the others.
DEFAULT_DB = "facts.db"  # the same as extractor.store.DEFAULT_DB
#: The largest integer SQLite takes (a LIMIT beyond it overflowed into a traceback).
SQLITE_MAX_INT = 2**63 - 1

def Store(path, **options):  # noqa: N802 (stands in for the class, imported on first use)
    from .store import Store as _Store

    return _Store(path, **options)


TABLE_COLUMNS = ("as_of", "subject", "ticker", "metric", "investor", "value", "unit", "qualifier", "text")


def _parse_date(ctx, param, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


class _Group(click.Group):
    """Turns our own errors, and output that cannot be written, into one line and exit status 1."""

    def invoke(self, ctx):
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # here, not at exit: a full disk is reported like any error
            return result
        except MarketfactsError as e:
            _echo_error(e)
            ctx.exit(1)
        except BrokenPipeError:
            # The reader went away (`marketfacts facts | head`): nothing to say.
            _silence_stdout()
            ctx.exit(1)
        except OSError as e:
            if e.filename is None and e.errno is not None and getattr(e, "strerror", None):
                _silence_stdout()
                _echo_error(f"cannot write the output: {e.strerror}")
                ctx.exit(1)
            raise


def _silence_stdout() -> None:
    """After a failed write, stdout still holds what could not be written;
    point it at /dev/null so that Python's flush at exit does not fail again."""
    import os

    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


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
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    help="Extract in N worker processes (0: one per CPU) as a resumable backfill: progress is kept, a re-run skips what is done.",
)
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True, help="Where the workers run.")
@click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler (tcp://host:8786) for --engine dask; without it, a local cluster.")
@click.option("--parts", "parts_dir", type=click.Path(file_okay=False), help="Where --engine dask tasks write their SQLite parts [default: DB.parts].")
@click.option("--chunk-size", type=click.IntRange(min=1), default=None, metavar="BYTES", help="Bytes of an archive per unit of work [default: 262144].")
@click.option("--batch-size", type=click.IntRange(min=1), default=None, metavar="N", help="Articles per write transaction with --workers [default: 500].")
@click.option(
    "--keep-all",
    is_flag=True,
    help="Store every record of an archive; by default a record that names no company or market and yields no fact is skipped.",
)
@click.option(
    "--record-budget",
    type=click.FloatRange(min=0),
    default=30.0,
    show_default=True,
    metavar="SECONDS",
    help="An article that takes longer than this to extract is reported (file@offset) and skipped; 0: no limit.",
)
def ingest_command(
    sources: tuple[str, ...],
    db_path: str,
    published: date | None,
    quiet: bool,
    workers: int | None,
    engine: str,
    scheduler: str | None,
    parts_dir: str | None,
    chunk_size: int | None,
    batch_size: int | None,
    keep_all: bool,
    record_budget: float,
) -> None:
    """Read SOURCES (feed or page URLs, files, directories, WARC and JSON-lines archives) into the database.

    With no SOURCES, ingests the sample news bundled with marketfacts.
    With --workers or --engine dask, runs as a backfill: worker processes
    extract, this process writes, and a stopped run resumes where it was.
    Archives (WARC, JSON lines) hold news of every kind: a record that
    names no listed company, no Korean market and yields no fact is counted
    and skipped (--keep-all stores it); pages, feeds and text files named
    are always stored.
    """
    from .ingest import IngestSummary, ingest, sample_sources

    targets = list(sources) or sample_sources()
    if workers is not None or engine == "dask":
        _backfill(targets, db_path, published, quiet, workers, engine, scheduler, parts_dir, chunk_size, batch_size, keep_all, record_budget)
        return

    def on_document(doc, result) -> None:
        if not quiet:
            label = doc.title or doc.url or doc.source or doc.key
            click.echo(f"{result.action:>9}  {result.facts:>3} facts  {label[:90]}")

    with Store(db_path) as store:
        summary: IngestSummary = ingest(
            targets, store, published=published, keep_all=keep_all, record_budget=record_budget or None,
            on_document=on_document, on_error=_echo_error,
        )
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
            try:
                facts = extract(doc.text, doc.published, title=doc.title)
            except MarketfactsError as e:
                raise MarketfactsError(f"{label}: {e}") from e
            rows += [dict(f.to_dict(), article=label) for f in facts]
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    else:
        columns = ("text", "start", "end", "value", "unit", "sign", "qualifier") if quantities else TABLE_COLUMNS
        click.echo(table(rows, columns) if rows else ("no quantities found" if quantities else "no facts found"))


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
    from .store import Store as _Store

    return _Store.for_reading(db_path)


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
        click.echo(csv_text(rows), nl=False)
    else:
        click.echo(table(rows, TABLE_COLUMNS + ("article_title",)))
        click.echo(f"{len(rows)} facts")


@main.command("facts")
@db_option
@fact_filters
@click.option("--limit", type=click.IntRange(min=1, max=SQLITE_MAX_INT), help="At most this many facts.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def facts_command(db_path: str, fmt: str, **filters) -> None:
    """List stored facts, newest first."""
    with _open_existing(db_path) as store:
        _print_facts(list(store.facts(**filters)), fmt)


@main.command("search")
@click.argument("query", required=False)
@db_option
@fact_filters
@click.option("--limit", type=click.IntRange(min=1, max=SQLITE_MAX_INT), default=100, show_default=True, help="At most this many facts.")
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
@click.argument("directory", required=False, type=click.Path(exists=True))
@click.option("--articles", type=click.Path(exists=True, file_okay=False), help="Where the articles are, if not beside their annotations.")
@click.option("--misses", "--show-misses", "misses", is_flag=True, help="Also list every extra, missing and wrongly dated fact, with its evidence.")
@click.option("--gold", "gold_dir", type=click.Path(exists=True, file_okay=False), help="A gold set of real articles (<id>.json, as ../shared/realnews/gold).")
@click.option("--texts", "texts_dir", type=click.Path(exists=True, file_okay=False), help="With --gold: the folder of the articles' texts (<id>.txt).")
@click.option("--only", metavar="TEXT", help="With --gold: score only the articles whose id contains TEXT.")
def eval_command(
    directory: str | None, articles: str | None, misses: bool, gold_dir: str | None, texts_dir: str | None, only: str | None
) -> None:
    """Score extraction on annotated articles: precision, recall, F1, as_of.

    DIRECTORY holds articles or feeds, each with NAME.expected.json beside it
    (see fixtures/README.md for the format). With --gold and --texts, score a
    gold set of real articles whose texts are kept apart, by the rule of
    ../shared/realnews/README.md: overall, per metric and per article.
    """
    if gold_dir or texts_dir:
        if not (gold_dir and texts_dir) or directory:
            raise click.UsageError("--gold and --texts go together, without DIRECTORY")
        from .gold import evaluate_gold, format_gold_report

        click.echo(format_gold_report(evaluate_gold(gold_dir, texts_dir, only=only), show_misses=misses))
        return
    if directory is None:
        raise click.UsageError("give DIRECTORY, or --gold and --texts")
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
    from .company_listing import refresh_gazetteer

    gazetteer, errors = refresh_gazetteer(listing, out, force=force)
    for error in errors:
        click.echo(f"marketfacts: error: {error}", err=True)
    with Store(db_path) as store:
        stored = store.replace_companies(gazetteer)
    from .companies import user_gazetteer_path

    click.echo(f"{stored} companies ({gazetteer.alias_count} aliases) -> {out or user_gazetteer_path()} and {db_path}; {len(errors)} rows rejected")
    sys.exit(1 if errors else 0)


@companies_group.command("search")
@click.argument("text")
@click.option("--limit", type=click.IntRange(min=1, max=SQLITE_MAX_INT), default=10, show_default=True)
def companies_search_command(text: str, limit: int) -> None:
    """Show what a name resolves to: company, ticker, market, matched alias."""
    from .companies import search

    hits = search(text, limit)
    if not hits:
        click.echo(f"no listed company matches {text!r}")
        return
    click.echo(tabulate([[h.name, h.ticker, h.market, h.alias, f"{h.score:.2f}"] for h in hits], headers=["name", "ticker", "market", "alias", "score"]))


def _backfill(targets, db_path, published, quiet, workers, engine, scheduler, parts_dir, chunk_size, batch_size, keep_all, budget) -> None:
    from .parallel import BATCH_SIZE, CHUNK_BYTES, BackfillSummary, backfill, worker_count

    n = worker_count(workers)
    summary = BackfillSummary()
    started = time.monotonic()
    stopped_by = stop_on_sigterm()
    with Store(db_path) as store, Bar(quiet, "ingesting") as bar:
        try:
            if engine == "dask":
                from .dask_engine import ingest_dask

                summary = ingest_dask(
                    targets, store, parts=parts_dir, scheduler=scheduler, n_workers=n, published=published, keep_all=keep_all,
                    record_budget=budget or None, chunk_bytes=chunk_size or CHUNK_BYTES, on_progress=bar.update, on_error=bar.error,
                )
            else:
                backfill(
                    targets, store, workers=n, published=published, keep_all=keep_all, record_budget=budget or None,
                    chunk_bytes=chunk_size or CHUNK_BYTES,
                    batch_size=batch_size or BATCH_SIZE, on_progress=bar.update, on_error=bar.error, summary=summary,
                )
        except KeyboardInterrupt:
            bar.close()
            click.echo(summary.line() + f" -> {db_path}")
            click.echo("interrupted: what was committed is kept; run the same command again to resume", err=True)
            sys.exit(143 if stopped_by else 130)
        except MarketfactsError as e:  # the database failed (a full disk): what was committed stays
            bar.close()
            _echo_error(e)
            click.echo(summary.line() + f" -> {db_path}")
            click.echo("stopped: what was committed is kept; run the same command again to resume once the cause is fixed", err=True)
            sys.exit(1)
    elapsed = time.monotonic() - started
    rate = summary.documents / elapsed if elapsed else 0.0
    rates = f"{rate:.1f} articles/s"
    if summary.records and elapsed:
        rates = f"{summary.records / elapsed:.0f} records/s, " + rates
    click.echo(summary.line() + f" in {elapsed:.1f} s ({rates}) -> {db_path}")
    sys.exit(0 if summary.ok else 1)


@main.command("reextract")
@db_option
@click.option("--workers", type=click.IntRange(min=0), default=0, help="Worker processes (0: one per CPU).  [default: 0]")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors and the summary.")
def reextract_command(db_path: str, workers: int, quiet: bool) -> None:
    """Extract again every stored article made by an older rule set, replacing its facts.

    After a change to patterns/ (or a new marketfacts), the stored articles'
    extractor_version differs from the current one; their stored text is
    run through the current rules in parallel.
    """
    from .parallel import worker_count
    from .reextract import reextract

    if not Path(db_path).exists():
        raise MarketfactsError(f"{db_path}: no such database (run `marketfacts ingest` first)")
    started = time.monotonic()
    with Store(db_path) as store, Bar(quiet, "re-extracting") as bar:
        try:
            summary = reextract(store, workers=worker_count(workers), on_progress=bar.update, on_error=bar.error)
        except KeyboardInterrupt:
            bar.close()
            click.echo("interrupted: re-extracted articles are kept; run the same command again to go on", err=True)
            sys.exit(130)
    click.echo(summary.line() + f" in {time.monotonic() - started:.1f} s -> {db_path}")
    sys.exit(0 if summary.ok else 1)


@main.command("merge")
@click.argument("parts", nargs=-1, required=True, type=click.Path(dir_okay=False))
@db_option
@click.option("-q", "--quiet", is_flag=True, help="Print only errors and the summary.")
def merge_command(parts: tuple[str, ...], db_path: str, quiet: bool) -> None:
    """Merge SQLite PARTS (written by --engine dask tasks, or any marketfacts database) into the database.

    Idempotent and order-free: merging a part again changes nothing.
    """
    from .merge import merge

    with Store(db_path) as store, Bar(quiet, "merging", unit="articles") as bar:
        summary = merge(parts, store, on_progress=bar.update, on_error=bar.error)
    click.echo(summary.line() + f" -> {db_path}")
    sys.exit(0 if summary.ok else 1)


def _install_warning_format() -> None:
    """Readers warn (FeedWarning: a flawed feed read anyway); the CLI shows
    those as one line like its errors, for every command, not as Python's
    two-line warning with a source line."""
    import warnings

    from .errors import FeedWarning

    python_format = warnings.showwarning

    def show(message, category, filename, lineno, file=None, line=None):
        if issubclass(category, FeedWarning):
            click.echo(f"marketfacts: warning: {message}", err=True)
        else:
            python_format(message, category, filename, lineno, file, line)

    warnings.showwarning = show


_install_warning_format()

#: Polling a feed more often than this is impolite, and news feeds rarely change faster.
MIN_EVERY = 60.0
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def _parse_every(ctx, param, value: str) -> float:
    import re

    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", value or "", re.I)
    if not match:
        raise click.BadParameter(f"{value!r} is not a duration like 90s, 15m, 1h or 1d")
    seconds = float(match[1]) * _UNITS[(match[2] or "s").lower()]
    if seconds < MIN_EVERY:
        raise click.BadParameter(f"{value!r} is too often: poll at most once a minute")
    return seconds


@main.command("watch")
@click.argument("feeds", nargs=-1)
@click.option("--feeds", "feed_list", type=click.Path(dir_okay=False), help="File of feed URLs, one a line (# comments), or an OPML export.")
@click.option("--every", default="15m", show_default=True, metavar="DURATION", callback=_parse_every, help="Time from one poll to the next: 90s, 15m, 1h, 1d.")
@db_option
@click.option("--polls", type=click.IntRange(min=1), metavar="N", help="Stop after N polls (default: poll until Ctrl-C).")
@click.option("--no-pages", is_flag=True, help="Store summary items as they are; never fetch the pages they link to.")
def watch_command(feeds: tuple[str, ...], feed_list: str | None, every: float, db_path: str, polls: int | None, no_pages: bool) -> None:
    """Poll FEEDS (RSS/Atom URLs) until stopped, storing new articles and their facts.

    Prints one line per poll; errors and warnings go to stderr, and each
    feed's last status and error are kept (see `marketfacts sources`). A
    feed that has not changed costs one request (ETag / Last-Modified) and
    writes nothing; items already stored are not fetched again. Ctrl-C
    stops at once and exits 0: an article is stored whole or not at all,
    and the next run picks up what was left.
    """
    import signal
    import threading

    from .feeds import load_feed_list
    from .watch import watch

    urls = list(feeds) + (load_feed_list(feed_list) if feed_list else [])
    if not urls:
        raise click.UsageError("name at least one FEED URL, or a list of them with --feeds FILE")
    for url in urls:
        if not url.lower().startswith(("http://", "https://")):
            raise click.UsageError(f"{url!r} is not an http(s) feed URL")
    if threading.current_thread() is threading.main_thread():
        # `kill` and service managers send SIGTERM: stop as cleanly as on Ctrl-C.
        signal.signal(signal.SIGTERM, signal.default_int_handler)
    done: list = []

    def on_poll(result) -> None:
        done.append(result)
        click.echo(f"{result.started.astimezone().strftime('%Y-%m-%d %H:%M:%S')}  {result.line()}")
        for warning in result.warnings:
            click.echo(f"marketfacts: warning: {warning}", err=True)
        for error in result.errors:
            _echo_error(error)

    with Store(db_path) as store:
        try:
            watch(urls, store, every=every, max_polls=polls, follow_links=not no_pages, on_poll=on_poll)
        except KeyboardInterrupt:
            click.echo(f"stopped after {len(done)} polls -> {db_path}", err=True)
            sys.exit(0)
    sys.exit(1 if any(result.errors for result in done) else 0)


@main.command("sources")
@db_option
@click.option("--errors", "errors_only", is_flag=True, help="Only sources whose last read failed.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def sources_command(db_path: str, errors_only: bool, fmt: str) -> None:
    """List every source read (feeds, pages, files): last status, last error, last success."""
    with _open_existing(db_path) as store:
        rows = store.sources(errors_only=errors_only)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else ["source"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        click.echo(out.getvalue(), nl=False)
    elif not rows:
        click.echo("no sources with errors" if errors_only else "no sources yet")
    else:
        columns = ("source", "kind", "last_status", "articles", "last_attempt", "last_success", "last_error")
        click.echo(tabulate([[cell_text(r.get(c)) for c in columns] for r in rows], headers=list(columns), disable_numparse=True))


if __name__ == "__main__":  # pragma: no cover
    main()
