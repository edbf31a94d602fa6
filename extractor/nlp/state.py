"""What the fact layer's reader remembers while it walks an article, and
what the rule families may ask of the reader.

relations.py is the reader; context.py and the readings_*.py families read
one quantity at a time and consult it through ``Reader``, so the families
never import the reader's module (imports point one way: relations ->
readings -> context -> state, mentions, dating).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from .mentions import Mention

if TYPE_CHECKING:
    from .dating import AsOf


@dataclass
class ReaderState:
    """What the reader remembers while walking the article (the days it
    has seen are kept by dating.AsOf)."""

    focus_index: str | None = None
    paragraph: int = -1
    metric_subject: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    previous_sentence_subject: Mention | None = None
    previous_sentence_fx: bool = False  # the sentence before was about the won ("It was up 0.2 percent versus ...")
    previous_ratio_metric: str | None = None
    listed_ratio_before: str | None = None  # the ratio the paragraph before listed last
    previous_balance_metric: str | None = None
    paragraph_balance_cue: str | None = None  # the balance in won the paragraph last named ("margin loans"), read or not
    flow_market: str | None = None  # the market of the last market-wide flow
    focus_company: tuple[str, str | None] | None = None
    document_company: tuple[str, str | None] | None = None  # "Samsung Electronics (005930) — BUY"
    section_scale: int | None = None  # "(₩bn)" in a heading: bare figures below are billions
    section_metric: str | None = None  # "Margin loans by market (₩ trillion)": what they measure
    paragraph_company: tuple[str, str | None] | None = None  # "KB Financial: ..." opens the paragraph
    kospi_named: bool = False  # the main board has been named: flows that name no market are its
    previous_investor: str | None = None  # the one investor group the sentence before named ("They also sold ...")
    article_market: str | None = None  # the first board the article names, for flows before any is named
    article_balance_metric: str | None = None  # the last balance in won the article reported, for rankings under it
    narrative_market: str | None = None  # the board the last sentence naming one is about ("In contrast, the KOSDAQ rose ...")


class Reader(Protocol):
    """The reader as the rule families see it (relations._Reader)."""

    text: str
    state: ReaderState
    as_of: AsOf

    def mentions_in(self, start: int, end: int) -> list[Mention]: ...

    def resolve(self, m: Mention) -> tuple[str, str | None] | None: ...

    def note_subject(self, m: Mention) -> None: ...

    def market_subject(self, clause: list[Mention], sentence: list[Mention], before: int) -> tuple[str, bool] | None: ...

    def breadth_subject(self, local: list[Mention], clause: list[Mention], row_subject: Mention | None) -> str: ...
