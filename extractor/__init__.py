"""marketfacts: facts about the Korean stock market from English-language news."""

from .documents import Document, Table
from .errors import FetchError, MarketfactsError, PatternError, QueryError, ReadError, StoreError
from .model import Fact, Quantity
from .version import __version__


def __getattr__(name: str):
    # extract and parse_quantities load spaCy; importing them lazily keeps
    # `import extractor` (and the CLI's --help) fast.
    if name in ("extract", "parse_quantities"):
        from .nlp import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")


__all__ = [
    "Document",
    "Fact",
    "FetchError",
    "MarketfactsError",
    "PatternError",
    "QueryError",
    "Quantity",
    "ReadError",
    "StoreError",
    "Table",
    "__version__",
    "extract",
    "parse_quantities",
]
