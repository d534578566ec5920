"""Vietnamese language helpers, independent of any document: numbers and amounts in words
(``numwords``), dates (``dates``), NFC and upper case (``text``), tone placement (``tone``), the
syllable's spelling (``syllables``) and the legacy TCVN3/VNI encodings (``legacy``).

Each module is documented in docs/vietnamese.md; the names most users need are re-exported from
``congvan`` itself.
"""
