"""Web-page articles: trafilatura's main text as the body and its title as the title, htmldate's publication date."""
from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from core import messages
from core.ingest.decode import clean_characters, decode_bytes
from core.ingest.limits import defuse_html
from core.ingest.page_kind import not_article_reason
from core.ingest.registry import reader
from core.ingest.text import article_from_text
from core.messages import UserFacingError
from core.model import Article

# The charset a page declares: <meta charset>, <meta http-equiv content="...; charset=...">, <?xml encoding>.
DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})|<\?xml[^>]{0,100}encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""",
    re.IGNORECASE)
DECLARATION_BYTES = 16384  # a declaration must sit in the page's head; looking further costs time on big pages
MIN_VISIBLE_WORDS = 8  # a page trafilatura finds nothing in is read as its visible text only with this many words


def declared_charset(data: bytes) -> str | None:
    found = DECLARED.search(data[:DECLARATION_BYTES])
    if found is None:
        return None
    return (found.group(1) or found.group(2)).decode("ascii", errors="replace")


def article_from_html(html: str, *, source: str = "page", filename: str | None = None) -> Article:
    """Main text and title of a web page via trafilatura, its publication date via htmldate.

    The date is kept whatever happens to the text; a page with no main text falls back to its visible
    text, and one with none at all is refused.
    """
    import trafilatura

    html = defuse_html(html)
    body = trafilatura.extract(html, include_comments=False, include_tables=True, include_formatting=False) or ""
    meta = _metadata(html)
    title = clean_characters(meta.get("title") or "").strip() or None
    published = page_date(html)
    not_article = not_article_reason(html, body, title or "")
    if not body.strip():
        visible = html_to_text(html)
        if len(visible.split()) < MIN_VISIBLE_WORDS:
            raise UserFacingError(messages.FILE_EMPTY.format(path=Path(source).name if filename else source))
        body = visible
    return article_from_text(
        body, title=title, source=source, published=published, published_origin="metadata" if published else None,
        filename=filename, page=True, not_article=not_article,
    )


def _metadata(html: str) -> dict:
    from trafilatura.metadata import extract_metadata

    try:
        found = extract_metadata(html)
    except Exception:  # noqa: BLE001 -- metadata is optional: a page it trips on still has its text
        return {}
    return found.as_dict() if found is not None else {}


def page_date(html: str) -> date | None:
    """The page's original publication date (htmldate, extensive search, original rather than updated)."""
    from htmldate import find_date

    try:
        found = find_date(html, extensive_search=True, original_date=True)
    except Exception:  # noqa: BLE001 -- a library failure on one page only costs that page its date
        return None
    try:
        return date.fromisoformat(found[:10]) if found else None
    except ValueError:
        return None


@reader(".html", ".htm", ".xhtml")
def html_article(data: bytes, path: Path) -> Article:
    text = decode_bytes(data, path.name, declared=declared_charset(data))
    return article_from_html(text, source=str(path), filename=path.name)


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
