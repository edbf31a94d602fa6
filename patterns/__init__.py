"""Rule data (JSON lines), shipped inside the wheel as ``extractor.patterns``.

Not code: this file only makes the folder a package so that
``importlib.resources`` finds the pattern files in a checkout and in an
installed wheel alike. See README.md in this folder for what each file holds.
"""
