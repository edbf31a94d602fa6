"""Ingest: read sources, extract facts, store them — one article at a time.

The library never prints: progress and errors go to the callbacks the
caller passes (the CLI prints them). A source that cannot be read, or an
article whose extraction fails, is reported and skipped; the rest land.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from importlib import resources
from pathlib import Path

from .budget import DEFAULT_SECONDS, OverBudget, time_budget
from .companies import default_gazetteer
from .documents import Document
from .errors import MarketfactsError, ReadError, StoreError
from .model import Fact
from .readers import is_url, read_all
from .store import Store, WriteResult


@dataclass
class Outcome:
    """What a run of many inputs did: counts (in subclasses) and the errors
    reported along the way; ok when there were none."""

    errors: list[MarketfactsError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class IngestSummary(Outcome):
    documents: int = 0
    inserted: int = 0
    replaced: int = 0
    unchanged: int = 0
    facts: int = 0
    #: Archive records skipped as unrelated: stopped by the relevance gate,
    #: or read and found to hold no fact and no company or market name.
    unrelated: int = 0
    #: Why the run stopped before the end (the database failed), else None.
    stopped: str | None = None
    #: URLs that answered 304 Not Modified to a conditional request.
    not_modified: int = 0

    def line(self) -> str:
        skipped = f"; {self.unrelated} unrelated records skipped" if self.unrelated else ""
        skipped += f"; {self.not_modified} URLs not modified" if self.not_modified else ""
        stopped = "; stopped early: the database could not be written, the rest was not read" if self.stopped else ""
        return (
            f"{self.documents} articles read: {self.inserted} new, {self.replaced} updated, "
            f"{self.unchanged} unchanged{skipped}; {self.facts} facts stored; {len(self.errors)} errors{stopped}"
        )


def sample_sources() -> list[str]:
    """The bundled sample news (shipped inside the package)."""
    root = Path(str(resources.files("extractor.sample")))
    return [str(p) for p in sorted(root.iterdir()) if p.is_file() and _is_sample(p)]


def _is_sample(path: Path) -> bool:
    return not path.name.startswith(("_", ".")) and not path.name.endswith((".json", ".py", ".pyc"))


def ingest(
    sources: Iterable[str | Path],
    store: Store,
    *,
    published: date | datetime | None = None,
    keep_all: bool = False,
    record_budget: float | None = DEFAULT_SECONDS,
    on_document: Callable[[Document, WriteResult], None] | None = None,
    on_error: Callable[[MarketfactsError], None] | None = None,
) -> IngestSummary:
    """Read every source, extract and store each article; return the tally.

    The records of archives (WARC, JSON lines) go through the relevance
    gate, and one that yields no fact and names no company or market is
    not stored; ``keep_all`` stores every record. Pages, feeds and text
    files named are stored whatever they hold. An article whose extraction
    takes over ``record_budget`` seconds is reported and skipped.
    """
    # Imported here: spaCy takes a second to load, and the backfill's parent
    # process (which imports IngestSummary from here) never needs it.
    from .nlp.pipeline import extractor_version
    from .readers.archive import ArchiveStats
    from .readers.relevance import default_gate

    summary = IngestSummary()
    stats = ArchiveStats()
    version = extractor_version()
    if store.db["companies"].count == 0:
        # The table other tools join facts' tickers against.
        store.replace_companies(default_gazetteer())
    seen_sources: dict[str, bool] = {}  # source -> did it bring anything new
    unrelated_read = 0  # screened records read and found to name nothing
    failed_sources: set[str] = set()
    gate = None if keep_all else default_gate()
    for item in _read(sources, store, published, gate, stats, summary):
        if isinstance(item, _Fetched):
            store.record_poll(item.url, changed=seen_sources.pop(item.url, False), validators=item.validators)
            continue
        if isinstance(item, ReadError):
            _report(summary, item, on_error)
            store.record_source(item.source, error=item.reason, changed=False)
            failed_sources.add(item.source)
            continue
        try:
            facts = extract_record(item, record_budget)
            if facts is None:
                unrelated_read += 1
                continue
            summary.documents += 1
            result = store.write(item, facts, extractor_version=version)
        except OverBudget as e:
            _report(summary, ReadError(item.report_name, str(e)), on_error)
            continue
        except StoreError as e:
            # The database failed (a full disk, an I/O error, a lock held
            # past the wait): every article after this one would fail the
            # same way. Reported once; the run stops, what is stored stays.
            _report(summary, e, on_error)
            summary.stopped = str(e)
            return summary
        except MarketfactsError as e:
            _report(summary, e, on_error)
            continue
        except Exception as e:  # a bug on one article must not sink the batch
            _report(summary, ReadError(item.key, f"extraction failed: {type(e).__name__}: {e}"), on_error)
            continue
        setattr(summary, result.action, getattr(summary, result.action) + 1)
        summary.facts += result.facts
        if item.source:
            seen_sources[item.source] = seen_sources.get(item.source, False) or result.action != "unchanged"
        if on_document:
            on_document(item, result)
    summary.unrelated = stats.unrelated + unrelated_read
    for source in sorted(set(seen_sources) - failed_sources):
        store.record_source(source, changed=seen_sources[source])
    return summary


def extract_record(item: Document, budget: float | None) -> list[Fact] | None:
    """The facts of one article, extracted within ``budget`` seconds
    (OverBudget past it); None for an archive record that the relevance
    gate let through and that names no company or market: not to be stored."""
    from .nlp.pipeline import extract_article

    with time_budget(budget):
        facts, named = extract_article(item.text, item.published, title=item.title)
    return None if item.screened and not named else facts


@dataclass
class _Fetched:
    """Follows a fetched URL's items: the validators to keep for it."""

    url: str
    validators: tuple[str | None, str | None]


def _read(sources, store: Store, published, gate, stats, summary: IngestSummary) -> Iterator:
    """read_all, except that a feed or page URL stored before is fetched
    conditionally (its ETag and Last-Modified, as ``watch`` does): an
    unchanged one costs one request and is counted as not modified."""
    from .fetch import default_client, fetch
    from .readers import read_response

    for source in sources:
        if not is_url(source):
            yield from read_all([source], published=published, gate=gate, stats=stats)
            continue
        known = store.source_row(source) or {}
        try:
            response = fetch(source, client=default_client(), etag=known.get("etag"), last_modified=known.get("last_modified"), robots=True)
            if response.not_modified:
                summary.not_modified += 1
                store.record_poll(source, changed=False)
                continue
            errors_before = len(summary.errors)
            yield from read_response(response, source, published=published)
        except ReadError as error:  # FetchError too
            yield error
            continue
        # Every item is stored by now (each was handled before the next was
        # asked for): the validators are kept, and the next ingest of the URL
        # (from cron, say) is a conditional request; after an error, none,
        # so that the next one reads it all again.
        clean = len(summary.errors) == errors_before
        yield _Fetched(source, (response.etag, response.last_modified) if clean else (None, None))


def _report(summary: IngestSummary, error: MarketfactsError, on_error) -> None:
    summary.errors.append(error)
    if on_error:
        on_error(error)
