"""Reads articles from files, folders and strings into `Article` records, with safe decoding and a publication date."""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable

from core import messages
from core.boilerplate import clean_text
from core.ingest_formats import READERS, Extracted
from core.messages import UserFacingError
from core.model import Article

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FORMAT_SUFFIXES = set(READERS)  # .pdf .docx .eml, read by core.ingest_formats
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | FORMAT_SUFFIXES
MAX_BYTES = 5 * 1024 * 1024  # a news article is far smaller; larger files are books or dumps
# PDFs, Word files and e-mails carry images and attachments, so their bytes say little about their text.
MAX_FORMAT_BYTES = 50 * 1024 * 1024
META_SUFFIX = ".meta.json"


@dataclass
class LoadReport:
    """What came of loading some paths: the articles, and a message per file that was refused."""

    articles: list[Article] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def article_id_for(text: str) -> str:
    """A stable id from the text, so the same article dropped twice is recognised."""
    normalised = " ".join(text.split()).casefold()
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()[:12]


def decode_bytes(data: bytes, path: str = "text") -> str:
    """Decode an article's bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise UserFacingError(messages.FILE_BINARY.format(path=path))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > 0.01 * max(1, len(text[:8192])):
        raise UserFacingError(messages.FILE_BINARY.format(path=path))
    return text


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


def read_sidecar(path: Path) -> dict:
    """Optional metadata beside an article: `name.meta.json` with title, published, source."""
    meta_path = path.with_name(path.stem + META_SUFFIX)
    if not meta_path.is_file():
        return {}
    try:
        data = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def load_file(path: Path) -> Article:
    """One article from a file; raises `UserFacingError` with a clear message on bad input."""
    path = Path(path)
    shown = path.name
    if not path.exists():
        raise UserFacingError(messages.FILE_NOT_FOUND.format(path=shown))
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UserFacingError(messages.FILE_UNSUPPORTED.format(path=shown, suffix=suffix or "extensionless"))
    limit = MAX_FORMAT_BYTES if suffix in FORMAT_SUFFIXES else MAX_BYTES
    try:
        size = path.stat().st_size
        if size > limit:
            raise UserFacingError(
                messages.FILE_TOO_LARGE.format(path=shown, size_mb=size / 2**20, limit_mb=limit / 2**20)
            )
        data = path.read_bytes()
    except OSError as exc:
        raise UserFacingError(messages.FILE_UNREADABLE.format(path=shown, reason=exc.strerror or exc)) from exc
    if not data.strip():
        raise UserFacingError(messages.FILE_EMPTY.format(path=shown))
    meta = read_sidecar(path)
    if suffix in FORMAT_SUFFIXES:
        return _apply_sidecar(article_from_extracted(READERS[suffix](data, shown), path), meta)
    text = decode_bytes(data, shown)
    if suffix in HTML_SUFFIXES:
        article = article_from_html(text, source=str(path), filename=path.name)
    else:
        article = article_from_text(text, source=str(path), filename=path.name)
    return _apply_sidecar(article, meta)


def article_from_extracted(found: Extracted, path: Path) -> Article:
    """An `Article` from what a PDF, Word or e-mail reader found; an e-mail's HTML body reads as a web page."""
    from dataclasses import replace

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


def _apply_sidecar(article: Article, meta: dict) -> Article:
    from dataclasses import replace

    changes: dict = {}
    if isinstance(meta.get("title"), str) and meta["title"].strip():
        changes["title"] = meta["title"].strip()
    if isinstance(meta.get("published"), str):
        try:
            changes["published"] = date.fromisoformat(meta["published"][:10])
            changes["published_origin"] = "sidecar"
        except ValueError:
            pass
    return replace(article, **changes) if changes else article


# PDF pages take ~0.2 s each to extract; big files take long to decode and clean.
SLOW_SUFFIXES = {".pdf", ".docx", ".eml"}
SLOW_BYTES = 512 * 1024


def slow_to_read(path: Path) -> bool:
    """Would reading this file take long enough to freeze a window (so a GUI reads it off-thread)?"""
    try:
        return Path(path).suffix.lower() in SLOW_SUFFIXES or Path(path).stat().st_size > SLOW_BYTES
    except OSError:
        return False


def iter_article_paths(paths: Iterable[Path]) -> Iterable[Path]:
    """Files to read from a mix of files and folders (folders searched recursively, sorted)."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUPPORTED_SUFFIXES and not child.name.startswith("."):
                    yield child
        else:
            yield path


def load_paths(paths: Iterable[Path], known_ids: Iterable[str] = ()) -> LoadReport:
    """Load every article under `paths`; bad files become messages, duplicates are skipped with a note."""
    report = LoadReport()
    seen: dict[str, str] = {aid: "" for aid in known_ids}
    for path in iter_article_paths(paths):
        try:
            article = load_file(path)
        except UserFacingError as exc:
            report.problems.append(str(exc))
            continue
        if article.id in seen:
            report.skipped.append(
                messages.DUPLICATE_ARTICLE.format(path=path.name, title=seen[article.id] or article.title)
            )
            continue
        seen[article.id] = article.title
        report.articles.append(article)
    return report


_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_user_date(text: str) -> date:
    """A date typed by the user (YYYY-MM-DD); raises `UserFacingError` otherwise."""
    text = text.strip()
    if _ISO.match(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise UserFacingError(messages.BAD_DATE.format(text=text))
