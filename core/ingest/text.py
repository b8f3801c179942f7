"""Plain-text articles: page furniture removed, a stable id, the headline as title, a publication date."""
from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

from core import messages
from core.ingest.boilerplate import clean_text
from core.ingest.decode import decode_bytes
from core.ingest.registry import reader
from core.messages import UserFacingError
from core.model import Article


def article_id_for(text: str) -> str:
    """A stable id from the text, so the same article dropped twice is recognised."""
    normalised = " ".join(text.split()).casefold()
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()[:12]


def article_from_text(
    text: str,
    *,
    title: str | None = None,
    source: str = "pasted text",
    published: date | None = None,
    published_origin: str | None = None,
    filename: str | None = None,
    fallback_published: date | None = None,
    fallback_origin: str | None = None,
) -> Article:
    """An `Article` from plain text: furniture removed, title and publication date found.

    Date priority: `published`, then a dateline, then the file name, then `fallback_published`
    (a file's creation date, which is rarely its publication date).
    """
    from core.temporal import publication_date_from_filename, publication_date_from_text

    body = clean_text(text)
    if not body.strip():
        raise UserFacingError(messages.FILE_EMPTY.format(path=source))
    origin = published_origin or ("user" if published else "unknown")
    if published is None:
        published = publication_date_from_text(body[:400])
        origin = "dateline" if published else origin
    if published is None and filename:
        published = publication_date_from_filename(filename)
        origin = "filename" if published else origin
    if published is None and fallback_published is not None:
        published, origin = fallback_published, fallback_origin or "metadata"
    return Article(
        id=article_id_for(body),
        title=title or _first_line_title(body) or (Path(filename).stem if filename else "Untitled"),
        text=body,
        source=source,
        published=published,
        published_origin=origin,
    )


_DATE_ONLY = re.compile(r"^[\d\s/.,:\-]+$")
_DATELINE_ONLY = re.compile(r"^[A-Z][A-Z .,'\-]*(\([A-Za-z. ]+\))?\s*(--|\u2014|\u2013|-)?\s*$")
_BYLINE = re.compile(r"^(by|from|posted by|written by)\s", re.IGNORECASE)
TITLE_MAX = 140


def _first_line_title(body: str) -> str | None:
    """The first line that reads as a headline; a long first sentence is shortened at a word."""
    for line in [x.strip() for x in body.split("\n") if x.strip()][:4]:
        if _DATE_ONLY.match(line) or _DATELINE_ONLY.match(line) or _BYLINE.match(line):
            continue
        if len(line) <= TITLE_MAX:
            return line
        cut = line[:TITLE_MAX].rsplit(" ", 1)[0].rstrip(",;:-\u2014 ")
        return cut + "\u2026"
    return None


@reader(".txt", ".md", ".markdown", ".text")
def text_article(data: bytes, path: Path) -> Article:
    return article_from_text(decode_bytes(data, path.name), source=str(path), filename=path.name)
