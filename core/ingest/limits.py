"""The limits that keep any input within time and memory: bytes read, zip expansion, nesting, text length."""
from __future__ import annotations

import re

# Bytes read from one file. A news article is far smaller; larger files are books or dumps.
MAX_BYTES = 5 * 1024 * 1024
# PDFs, Word files and e-mails carry images and attachments, so their bytes say little about their text.
MAX_FORMAT_BYTES = 50 * 1024 * 1024
# Bytes one part of a Word file may unpack to (a news article's document.xml is well under 1 MB), and
# all its parts together: a zip bomb stops here, however much its directory claims.
MAX_PART_BYTES = 16 * 1024 * 1024
MAX_UNPACKED_BYTES = 32 * 1024 * 1024
# XML or MIME nesting deeper than this is not a document anyone wrote by hand.
MAX_NESTING = 200
# One start tag longer than this (100,000 attributes, a 4 MB attribute value) is dropped before parsing:
# HTML parsers check attributes pairwise.
MAX_TAG_CHARS = 20_000
# Characters of one article analysed as one: longer texts are split into parts at paragraph breaks.
MAX_ARTICLE_CHARS = 100_000
# Characters of text one file may hold in all (a few parts): about 70,000 words, which the analysis
# reads in under a minute; more is a book or a dump, not an article.
MAX_TEXT_CHARS = 400_000
# Words, numbers, marks and line breaks one file may hold: what the analysis' time and memory grow with
# (a text of one-word lines holds a token every two characters). 50,000 is some 40,000 words, ten times
# a long feature, and is analysed within the minute on a slow machine.
MAX_TEXT_TOKENS = 50_000

_TOKEN = re.compile(r"\w+|[^\w\s]|\n")


def count_tokens(text: str, stop: int | None = None) -> int:
    """About as many tokens as the language pipeline will make of `text` (counting stops past `stop`)."""
    n = 0
    for n, _ in enumerate(_TOKEN.finditer(text), 1):
        if stop is not None and n > stop:
            break
    return n

_LONG_TAG = re.compile(r"<[^<>]{%d,}>?" % MAX_TAG_CHARS)


def defuse_html(html: str) -> str:
    """The page without start tags too long to parse in reasonable time (their text, if any, is noise)."""
    return _LONG_TAG.sub(" ", html) if len(html) > MAX_TAG_CHARS else html
