"""Web-page articles: main text and metadata via trafilatura, and every visible text of short HTML bodies."""
from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from core import messages
from core.ingest.decode import decode_bytes
from core.ingest.registry import reader
from core.ingest.text import article_from_text
from core.messages import UserFacingError
from core.model import Article


def article_from_html(html: str, *, source: str = "page", filename: str | None = None) -> Article:
    """Main text and metadata of a web page via trafilatura; boilerplate rules then apply."""
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    doc = extracted.as_dict() if extracted is not None else {}
    if not doc or not (doc.get("text") or "").strip():
        raise UserFacingError(messages.FILE_EMPTY.format(path=source))
    title = (doc.get("title") or "").strip() or None
    text = doc["text"]
    if title and not text.lstrip().startswith(title):
        text = f"{title}\n\n{text}"
    published, origin = None, None
    if doc.get("date"):
        try:
            published, origin = date.fromisoformat(str(doc["date"])[:10]), "metadata"
        except ValueError:
            published = None
    return article_from_text(
        text, title=title, source=source, published=published, published_origin=origin, filename=filename
    )


@reader(".html", ".htm", ".xhtml")
def html_article(data: bytes, path: Path) -> Article:
    return article_from_html(decode_bytes(data, path.name), source=str(path), filename=path.name)


BLOCK_TAGS = {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "hr"}


class _TextCollector(HTMLParser):
    """Visible text of a page, a paragraph break at each block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "body":  # an unclosed <head> must not hide the whole page
            self.skipping = 0
        elif tag in ("script", "style", "head", "title"):
            self.skipping += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n\n")
        elif tag == "br":  # one break wraps a line, two end a paragraph
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head", "title"):
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Every visible text of an HTML fragment, a blank line between blocks (for bodies too short to extract)."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    blocks = re.split(r"\n\s*\n", "".join(collector.parts))
    return "\n\n".join(" ".join(block.split()) for block in blocks if block.strip())
