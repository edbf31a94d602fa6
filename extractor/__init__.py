"""marketfacts: facts about the Korean stock market from English-language news."""

from .documents import Document, Table
from .errors import FetchError, MarketfactsError, PatternError, ReadError, StoreError
from .model import Fact, Quantity

__version__ = "0.1.0"

__all__ = [
    "Document",
    "Fact",
    "FetchError",
    "MarketfactsError",
    "PatternError",
    "Quantity",
    "ReadError",
    "StoreError",
    "Table",
    "__version__",
]
