"""Plain-text articles: page furniture removed, a stable id, the headline as title, a publication date."""
from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from core import messages
from core.ingest.boilerplate import clean_page_text, clean_text
from core.ingest.decode import clean_characters, decode_bytes
from core.ingest.language import detect_language
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
    page: bool = False,
    not_article: str = "",
) -> Article:
    """An `Article` from plain text: furniture removed, title, publication date and language found.

    Date priority: `published`, then a dateline, then the file name, then `fallback_published`
    (a file's creation date, which is rarely its publication date). `page` says the text is a web
    page's main text as trafilatura found it, which only loses whole furniture lines.
    """
    from core.temporal import publication_date_from_filename, publication_date_from_text

    body = (clean_page_text if page else clean_text)(clean_characters(text))
    if not body.strip():
        raise UserFacingError(messages.FILE_EMPTY.format(path=_shown(source)))
    origin = published_origin or ("user" if published else "unknown")
    if published is None:
        published = publication_date_from_text(body[:400])
        origin = "dateline" if published else origin
    if published is None and filename:
        published = publication_date_from_filename(filename)
        origin = "filename" if published else origin
    if published is None and fallback_published is not None:
        published, origin = fallback_published, fallback_origin or "metadata"
    title = _short(clean_characters(title or "")) or _first_line_title(body) or (
        _short(Path(filename).stem) if filename else "Untitled")
    return Article(
        id=article_id_for(body),
        title=" ".join(title.split()) or "Untitled",
        text=body,
        source=source,
        published=published,
        published_origin=origin,
        language=detect_language(body),
        not_article=not_article,
    )


def _shown(source: str) -> str:
    """A file's name for a message (the whole path is noise there); other sources as they are."""
    return Path(source).name if ("/" in source or "\\" in source) else source


_DATE_ONLY = re.compile(r"^[\d\s/.,:\-]+$")
_DATELINE_ONLY = re.compile(r"^[A-Z][A-Z .,'\-]*(\([A-Za-z. ]+\))?\s*(--|\u2014|\u2013|-)?\s*$")
_BYLINE = re.compile(r"^(by|from|posted by|written by)\s", re.IGNORECASE)
TITLE_MAX = 140


def _first_line_title(body: str) -> str | None:
    """The first line that reads as a headline; a long first sentence is shortened at a word."""
    for line in [x.strip() for x in body.split("\n") if x.strip()][:4]:
        if _DATE_ONLY.match(line) or _DATELINE_ONLY.match(line) or _BYLINE.match(line):
            continue
        return _short(line)
    return None


def _short(line: str) -> str:
    """A title of at most TITLE_MAX characters, shortened at a word."""
    line = " ".join(line.split())
    if len(line) <= TITLE_MAX:
        return line
    cut = line[:TITLE_MAX].rsplit(" ", 1)[0].rstrip(",;:-\u2014 ") or line[:TITLE_MAX]
    return cut + "\u2026"


@reader(".txt", ".md", ".markdown", ".text")
def text_article(data: bytes, path: Path) -> Article:
    return article_from_text(decode_bytes(data, path.name), source=str(path), filename=path.name)


def split_long(article: Article, max_chars: int) -> list[Article]:
    """The article as it is, or, when longer than `max_chars`, in parts cut at paragraph (else line,
    else word) breaks, each titled "Title (part i of n)" with the same date and language."""
    text = article.text
    if len(text) <= max_chars:
        return [article]
    pieces: list[str] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + max_chars)
        if end < len(text):
            window = text[start:end]
            cut = max(window.rfind("\n\n"), window.rfind("\n") if window.rfind("\n\n") < max_chars // 2 else -1)
            if cut < max_chars // 2:
                cut = max(cut, window.rfind(" "))
            end = start + cut if cut > 0 else end
        piece = text[start:end].strip()
        if piece:
            pieces.append(piece)
        start = end
    n = len(pieces)
    return [
        replace(article, id=article_id_for(piece), text=piece, title=f"{article.title} (part {i} of {n})")
        for i, piece in enumerate(pieces, 1)
    ]
