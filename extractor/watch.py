"""Watch feeds: poll them, store what is new, cheaply and politely.

One poll asks every feed once, through one :class:`~extractor.fetch.HttpClient`
(timeouts, retries, per-host delay, robots.txt for pages):

- **Conditional GET.** The feed's ETag and Last-Modified from the previous
  poll are kept in ``sources``; a feed that answers ``304 Not Modified``
  costs that one request and writes nothing.
- **Validators last.** A feed's new ETag / Last-Modified are stored only
  after every item of it is in the store. A poll that was stopped half-way,
  or had an item fail, leaves them unset, so the next poll reads the whole
  feed again (and skips what did land) instead of getting a 304 that
  would hide the rest forever.
- **Items already stored are not fetched again.** An item whose key (guid,
  else link) is stored with the same text and rule set is skipped without
  extraction. An item that is only a summary (short, or cut off with an
  ellipsis) with a link stands for the page it links to: that page is
  fetched once, stored under the item's key, and never fetched again while
  the key is stored. A page robots.txt keeps us from is stored as the
  feed's summary instead; a page that fails to load is an error and is
  tried again on the next poll.
- **Bad feeds never stop the watch.** Every failure is a value in the
  poll's result (and the feed's ``last_error`` in ``sources``); a feed that
  is not well-formed still gives the items that parse, with a warning that
  names it.

Stopping: each article is written in one transaction, so a
KeyboardInterrupt (Ctrl-C) at any moment loses at most the article in
hand, which the next poll picks up. ``stop`` (a :class:`threading.Event`)
stops between articles instead. The library never prints: results go to
``on_poll`` and ``on_document``.
"""

from __future__ import annotations

import re
import threading
import time
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from .companies import default_gazetteer
from .documents import Document
from .errors import FetchError, MarketfactsError, ReadError, StoreError
from .fetch import HttpClient, Response, RobotsDisallowed
from .nlp.pipeline import extract, extractor_version
from .readers import read_bytes, read_url
from .readers.feed import FeedWarning
from .readers.sniff import sniff
from .store import Store, WriteResult

#: Seconds between the starts of two polls.
DEFAULT_EVERY = 15 * 60.0
#: An item with a link and less text than this is a summary of its page.
SUMMARY_CHARS = 500
# Feeds that cut an article short say so at the end.
_CUT_OFF = re.compile(r"(?:\.\.\.|…|\[\s*(?:\.\.\.|…)\s*\]|\(more\)|read more\W*)\s*$", re.I)
_HTTP = re.compile(r"^https?://", re.I)
_PASSED_ON: dict = {}  # warnings registry for the reader warnings that are not FeedWarnings


@dataclass
class FeedResult:
    """What polling one feed did."""

    source: str
    status: str = "ok"  #: "ok", "not modified" or "error" (the feed itself could not be read)
    new: int = 0  #: articles stored for the first time
    updated: int = 0  #: stored articles whose text changed
    skipped: int = 0  #: items already stored: neither fetched nor extracted again
    pages: int = 0  #: linked article pages fetched
    facts: int = 0
    errors: list[MarketfactsError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class PollResult:
    """What one poll of every feed did."""

    number: int
    started: datetime
    feeds: list[FeedResult] = field(default_factory=list)
    stopped: bool = False  #: the stop event was set during this poll: some items may wait for the next run

    def _sum(self, name: str) -> int:
        return sum(getattr(f, name) for f in self.feeds)

    @property
    def new(self) -> int:
        return self._sum("new")

    @property
    def updated(self) -> int:
        return self._sum("updated")

    @property
    def skipped(self) -> int:
        return self._sum("skipped")

    @property
    def facts(self) -> int:
        return self._sum("facts")

    @property
    def not_modified(self) -> int:
        return sum(f.status == "not modified" for f in self.feeds)

    @property
    def errors(self) -> list[MarketfactsError]:
        return [e for f in self.feeds for e in f.errors]

    @property
    def warnings(self) -> list[str]:
        return [w for f in self.feeds for w in f.warnings]

    def line(self) -> str:
        errors = len(self.errors)
        return (
            f"poll {self.number}: {len(self.feeds)} feeds ({self.not_modified} not modified); "
            f"{self.new} new, {self.updated} updated, {self.skipped} already stored; "
            f"{self.facts} facts; {errors} error{'' if errors == 1 else 's'}"
        )


class Watcher:
    """Polls a fixed list of feeds into one store; :meth:`poll` does one round."""

    def __init__(
        self,
        feeds: Iterable[str],
        store: Store,
        client: HttpClient,
        *,
        follow_links: bool = True,
        summary_chars: int = SUMMARY_CHARS,
        on_document: Callable[[Document, WriteResult], None] | None = None,
        stop: threading.Event | None = None,
    ):
        self.feeds = list(dict.fromkeys(feeds))
        self.store = store
        self.client = client
        self.follow_links = follow_links
        self.summary_chars = summary_chars
        self.on_document = on_document
        self.stop = stop or threading.Event()
        self.version = extractor_version()
        if store.db["companies"].count == 0:
            # The table other tools join facts' tickers against (as ingest does).
            store.replace_companies(default_gazetteer())

    def poll(self, number: int = 1) -> PollResult:
        result = PollResult(number, datetime.now(timezone.utc).replace(microsecond=0))
        for url in self.feeds:
            if self.stop.is_set():
                break
            try:
                result.feeds.append(self.poll_feed(url))
            except StoreError as e:  # a locked or full database: this feed now, the next poll may do better
                result.feeds.append(FeedResult(url, status="error", errors=[e]))
        result.stopped = self.stop.is_set()
        return result

    def poll_feed(self, url: str) -> FeedResult:
        """Fetch one feed (conditionally) and store its new items."""
        result = FeedResult(url)
        known = self.store.source_row(url) or {}
        try:
            response = self.client.get(url, etag=known.get("etag"), last_modified=known.get("last_modified"))
        except FetchError as e:
            return self._failed(result, e)
        if response.not_modified:
            result.status = "not modified"
            self.store.record_poll(url, kind="feed", changed=False)
            return result
        try:
            items = self._items(response, url, result)
        except ReadError as e:
            return self._failed(result, e)
        changed = False
        for item in items:
            if self.stop.is_set():
                return result  # nothing recorded: the next poll reads the whole feed again
            changed = self._ingest_item(item, result) or changed
        # Validators only once every item is in; after a failure, none at all,
        # so the next poll is unconditional and retries what failed.
        validators = (response.etag, response.last_modified) if not result.errors else (None, None)
        self.store.record_poll(url, kind="feed", changed=changed, validators=validators)
        return result

    # -- the feed --------------------------------------------------------------

    def _items(self, response: Response, url: str, result: FeedResult) -> list[Document]:
        kind = sniff(response.content, url)
        if kind != "feed":
            what = "an HTML page" if kind == "html" else "plain text"
            raise ReadError(url, f"not an RSS or Atom feed: the server sent {what} ({response.content_type or 'no Content-Type'})")
        headers = {"content-type": response.headers.get("content-type", ""), "content-location": response.url}
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", FeedWarning)
            try:
                items = list(read_bytes(response.content, url, kind="feed", url=response.url, headers=headers))
            except ReadError:
                raise
            except Exception as e:  # a reader bug on hostile bytes must not end the watch
                raise ReadError(url, f"cannot read the feed: {type(e).__name__}: {e}") from e
        for warning in caught:
            if issubclass(warning.category, FeedWarning):
                result.warnings.append(str(warning.message))
            else:
                # Not ours: pass it on, shown once per process as it would have been.
                warnings.warn_explicit(
                    warning.message, warning.category, warning.filename, warning.lineno, registry=_PASSED_ON
                )
        return items

    def _failed(self, result: FeedResult, error: ReadError) -> FeedResult:
        result.status = "error"
        result.errors.append(error)
        # Writes only when the error differs from the last one.
        self.store.record_poll(result.source, kind="feed", error=error.reason, changed=False)
        return result

    # -- one item ----------------------------------------------------------------

    def _ingest_item(self, item: Document, result: FeedResult) -> bool:
        """Store one item (or the page it stands for); True if the store changed."""
        stored = self.store.article_state(item.key)
        if self.follow_links and self._is_summary(item):
            if stored is not None:
                result.skipped += 1  # its page was fetched on an earlier poll
                return False
            document = self._page(item, result)
            if document is None:
                return False
        elif stored == (item.content_hash, self.version):
            result.skipped += 1
            return False
        else:
            document = item
        return self._store(document, result)

    def _is_summary(self, item: Document) -> bool:
        if not item.url or not _HTTP.match(item.url):
            return False
        return len(item.text) < self.summary_chars or bool(_CUT_OFF.search(item.text))

    def _page(self, item: Document, result: FeedResult) -> Document | None:
        """The article page ``item`` links to, under the item's key; the item
        itself if robots.txt keeps us off the page; None after an error."""
        link = item.url or ""
        try:
            documents = list(read_url(link, client=self.client, robots=True))
            if len(documents) != 1:
                raise ReadError(link, "links to a feed, not to an article page")
        except RobotsDisallowed:
            return item  # the feed's own summary is all we may have
        except ReadError as e:
            result.errors.append(e)
            self.store.record_poll(link, kind="page", error=e.reason, changed=False)
            return None
        except Exception as e:  # a reader bug on one page must not end the watch
            error = ReadError(link, f"cannot read the page: {type(e).__name__}: {e}")
            result.errors.append(error)
            self.store.record_poll(link, kind="page", error=error.reason, changed=False)
            return None
        result.pages += 1
        self.store.clear_source_error(link)
        (page,) = documents
        # The item's key, so that the next poll finds it stored and skips the fetch.
        page.guid = item.key
        page.title = item.title or page.title  # feed titles carry no " | Site" suffix
        page.published = item.published or page.published
        page.source = item.source
        return page

    def _store(self, document: Document, result: FeedResult) -> bool:
        try:
            facts = extract(document.text, document.published, title=document.title)
            written = self.store.write(document, facts, extractor_version=self.version)
        except MarketfactsError as e:
            result.errors.append(e)
            return False
        except Exception as e:  # a bug on one article must not sink the watch
            result.errors.append(ReadError(document.key, f"extraction failed: {type(e).__name__}: {e}"))
            return False
        if written.action == "inserted":
            result.new += 1
        elif written.action == "replaced":
            result.updated += 1
        else:
            result.skipped += 1
        result.facts += written.facts
        if self.on_document:
            self.on_document(document, written)
        return written.action != "unchanged"


def watch(
    feeds: Iterable[str],
    store: Store,
    *,
    every: float = DEFAULT_EVERY,
    max_polls: int | None = None,
    client: HttpClient | None = None,
    follow_links: bool = True,
    summary_chars: int = SUMMARY_CHARS,
    on_poll: Callable[[PollResult], None] | None = None,
    on_document: Callable[[Document, WriteResult], None] | None = None,
    stop: threading.Event | None = None,
    sleep: Callable[[float], None] | None = None,
) -> int:
    """Poll ``feeds`` every ``every`` seconds until ``max_polls`` polls, ``stop``
    is set, or KeyboardInterrupt; returns the number of polls done.

    ``every`` runs from the start of one poll to the start of the next; a
    poll that takes longer is followed at once by the next. ``client``
    defaults to an :class:`HttpClient` with production settings, closed on
    return. ``sleep`` replaces the wait between polls (tests).
    """
    stop = stop or threading.Event()
    wait = sleep if sleep is not None else stop.wait
    own_client = client is None
    client = client or HttpClient()
    try:
        watcher = Watcher(
            feeds, store, client, follow_links=follow_links, summary_chars=summary_chars, on_document=on_document, stop=stop
        )
        polls = 0
        while max_polls is None or polls < max_polls:
            started = time.monotonic()
            result = watcher.poll(polls + 1)
            polls += 1
            if on_poll:
                on_poll(result)
            if stop.is_set() or (max_polls is not None and polls >= max_polls):
                break
            wait(max(0.0, every - (time.monotonic() - started)))
            if stop.is_set():
                break
        return polls
    finally:
        if own_client:
            client.close()
