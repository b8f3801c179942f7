"""What the PDF, Word and e-mail readers find (text or HTML, title, dates), and how it becomes an `Article`."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from core.ingest.html import article_from_html, html_to_text
from core.ingest.text import article_from_text
from core.messages import UserFacingError
from core.model import Article


@dataclass(frozen=True)
class Extracted:
    """What a format reader found; `article_from_extracted` turns it into an `Article`."""

    text: str = ""
    # Set instead of `text` when the body is a web page, which then goes through the HTML path.
    html: str | None = None
    title: str | None = None
    # A date that states when the piece was published or sent (an e-mail's Date header).
    published: date | None = None
    published_origin: str | None = None
    # A date that only says when the file was made: used when nothing better is found.
    fallback_published: date | None = None
    fallback_origin: str | None = None


JUNK_TITLE = re.compile(r"^(?:untitled|document\d*|microsoft word)\b|\.(?:docx?|pdf|indd|rtf|txt|odt)$", re.IGNORECASE)


def plausible_title(value: str) -> str | None:
    """A metadata title worth showing: not empty, not a file name, not a tool's placeholder."""
    value = " ".join(value.split())
    value = re.sub(r"^Microsoft Word - ", "", value)
    if not value or len(value) > 200 or JUNK_TITLE.search(value) or not any(c.isalpha() for c in value):
        return None
    return value


def article_from_extracted(found: Extracted, path: Path) -> Article:
    """An `Article` from what a PDF, Word or e-mail reader found; an e-mail's HTML body reads as a web page."""
    text = found.text
    if found.html is not None:
        try:
            article = article_from_html(found.html, source=str(path), filename=path.name)
        except UserFacingError:
            # Main-text extraction wants a page's worth of prose; a mail of one paragraph is still an article.
            text = html_to_text(found.html)
        else:
            changes: dict = {"title": found.title} if found.title else {}
            if found.published is not None:
                changes.update(published=found.published, published_origin=found.published_origin or "metadata")
            return replace(article, **changes) if changes else article
    return article_from_text(
        text,
        title=found.title,
        source=str(path),
        published=found.published,
        published_origin=found.published_origin,
        filename=path.name,
        fallback_published=found.fallback_published,
        fallback_origin=found.fallback_origin,
    )
