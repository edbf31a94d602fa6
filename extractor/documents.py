"""Document: the one type that passes from readers to extraction and the store."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass
class Table:
    """An HTML table kept as rows of cell texts.

    The same table is also rendered into ``Document.text`` as pipe-delimited
    lines (``| KOSPI | 7,844.01 | +2.63% |``) at ``start``..``end``, so that
    extraction, which reads only the text, can read tables too, and a stored
    article can be re-extracted from its text alone.
    """

    rows: list[list[str]]
    start: int = 0
    end: int = 0


@dataclass
class Document:
    """One news article, as every reader yields it.

    ``text`` is plain text: paragraphs separated by blank lines, tables
    rendered as pipe-delimited lines. ``published`` is the publication time
    when the source gives one (timezone-aware when the source says the zone).
    """

    text: str
    url: str | None = None
    guid: str | None = None
    title: str | None = None
    published: datetime | date | None = None
    source: str | None = None
    tables: list[Table] = field(default_factory=list)
    #: When the bytes were fetched; archives give it (WARC-Date), so a re-run
    #: of a backfill stores the same value. None means "now".
    fetched_at: datetime | None = None
    #: A record of an archive that passed the relevance gate: it is stored
    #: only if it yields a fact or names a company or market (not stored itself).
    screened: bool = False
    #: Where an archive record was read ("path@offset"), for reports (not stored).
    origin: str | None = None

    @property
    def key(self) -> str:
        """Identity of the article across runs: guid, else URL, else its content."""
        return self.guid or self.url or f"sha256:{self.content_hash}"

    @property
    def report_name(self) -> str:
        """How a report names the article: where an archive held it
        ("path@offset") and its key, else its key."""
        if self.origin and self.key != self.origin:
            return f"{self.origin} ({self.key})"
        return self.origin or self.key

    @property
    def content_hash(self) -> str:
        """Hash of what extraction reads: a changed hash means re-extract."""
        h = hashlib.sha256()
        h.update((self.title or "").encode("utf-8"))
        h.update(b"\x00")
        h.update(self.text.encode("utf-8"))
        h.update(b"\x00")
        h.update(published_date_iso(self.published).encode("utf-8"))
        return h.hexdigest()

    @property
    def published_date(self) -> date | None:
        p = self.published
        if isinstance(p, datetime):
            return p.date()
        return p


def published_date_iso(value: datetime | date | None) -> str:
    if value is None:
        return ""
    return value.isoformat()
