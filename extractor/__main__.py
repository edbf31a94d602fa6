"""python -m extractor: the marketfacts command line."""

from .cli import main

main()
