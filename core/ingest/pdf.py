"""Reads PDF articles: text page by page, running headers, page numbers and hyphenated breaks undone."""
from __future__ import annotations

import io
import re
import unicodedata
from collections import Counter
from datetime import date
from pathlib import Path

from core import messages
from core.ingest.extracted import Extracted, article_from_extracted, plausible_title
from core.ingest.registry import reader
from core.messages import UserFacingError
from core.model import Article

LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                           "\ufb05": "st", "\ufb06": "st"})
PAGE_NUMBER = re.compile(r"^(?:page\s*)?[-\u2013\u2014]?\s*\d{1,4}\s*[-\u2013\u2014]?(?:\s*(?:of|/)\s*\d{1,4})?$",
                         re.IGNORECASE)
# A page of a news article is drawn with tens of kilobytes of instructions; pypdf reads about 100 KB a
# second of dense text operators, so a page of 100,000 of them would take minutes.
MAX_PAGE_CONTENT_BYTES = 2**20
MAX_PDF_PAGES = 200  # pypdf reads about 5 pages a second: longer files are books, and would stall for minutes
SHORT_LINE = 0.6  # of a full line: shorter lines end their paragraph whatever their last character
ROOM_LEFT = 0.9  # a next word that fits within this share of a full line would have been set on it
PARAGRAPH_GAP = 1.4  # times the usual line step: paragraph spacing is at least half a line in print
EDGE_LINES = 3  # running headers and footers sit within the first or last few lines of a page
# Share of pages a line must top (or foot) to be a running header (footer); the first page often has none.
FURNITURE_SHARE = 0.6
HYPHEN_END = re.compile(r"([^\W\d_]+)[-\u00ad]$")
FIRST_WORD = re.compile(r"^([\"'\u201c\u2018(\[]*[^\W\d_]+)")
TERMINAL = tuple(".!?:\"'\u201d\u2019)")


def read_pdf(data: bytes, shown: str) -> Extracted:
    """Text of a PDF page by page, with running headers, page numbers and hyphenated line breaks undone."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    # pypdf raises many kinds of exception on damaged files (KeyError, ValueError, RecursionError...);
    # every one of them means the same thing to the user.
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except (DependencyError, NotImplementedError) as exc:
                raise UserFacingError(messages.PDF_ENCRYPTED.format(path=shown)) from exc
            if not opened:
                raise UserFacingError(messages.PDF_ENCRYPTED.format(path=shown))
        if len(reader.pages) > MAX_PDF_PAGES:
            raise UserFacingError(
                messages.PDF_TOO_LONG.format(path=shown, pages=len(reader.pages), limit=MAX_PDF_PAGES))
        for number, page in enumerate(reader.pages, 1):
            if _content_bytes(page) > MAX_PAGE_CONTENT_BYTES:
                raise UserFacingError(messages.PDF_DAMAGED.format(
                    path=shown, reason=f"page {number} holds over {MAX_PAGE_CONTENT_BYTES // 2**20} MB of drawing "
                                       "instructions, more than any article page (reading it would take minutes)"))
        pages = [page_text(page) for page in reader.pages]
        info = reader.metadata or {}
        # Undecodable metadata comes back as bytes, whose str() would be "b'...'".
        raw_title, raw_created = (value if isinstance(value, str) else None
                                  for value in (info.get("/Title"), info.get("/CreationDate")))
    except UserFacingError:
        raise
    except FileNotDecryptedError as exc:
        raise UserFacingError(messages.PDF_ENCRYPTED.format(path=shown)) from exc
    except Exception as exc:  # see above
        raise UserFacingError(messages.PDF_DAMAGED.format(path=shown, reason="it is damaged or incomplete")) from exc
    if not pages:
        raise UserFacingError(messages.PDF_DAMAGED.format(path=shown, reason="it has no pages"))
    text = pdf_text_from_pages(pages)
    if not text.strip():
        raise UserFacingError(messages.PDF_NO_TEXT.format(path=shown, pages=len(pages)))
    if unreadable_share(text) > 0.3:
        raise UserFacingError(messages.PDF_GARBLED.format(path=shown))
    created = pdf_date(raw_created) if raw_created else None
    return Extracted(
        text=text,
        title=plausible_title(raw_title) if raw_title else None,
        fallback_published=created,
        fallback_origin="pdf-metadata" if created else None,
    )


def _content_bytes(page) -> int:
    """Bytes of a page's (decompressed) drawing instructions; pypdf's own cap stops bombs on the way."""
    contents = page.get_contents()
    return len(contents.get_data()) if contents is not None else 0


def unreadable_share(text: str) -> float:
    """Share of visible characters that are private-use codes, controls or replacement marks.

    Fonts without a character map come out as such codes: the PDF shows text, but it cannot be read.
    """
    visible = [c for c in text if not c.isspace()]
    bad = sum(1 for c in visible if c == "\ufffd" or unicodedata.category(c) in ("Co", "Cc", "Cn"))
    return bad / len(visible) if visible else 0.0


def page_text(page) -> str:
    """A page's text in reading order, with a blank line where a wide vertical gap says a paragraph ends."""
    chunks: list[tuple[float, str]] = []

    def visit(text, cm, tm, font_dict, font_size) -> None:
        if text:
            chunks.append((tm[4] * cm[1] + tm[5] * cm[3] + cm[5], text))

    plain = page.extract_text(visitor_text=visit) or ""
    if "".join(text for _, text in chunks) != plain:  # pypdf wrote text we were not shown: trust its output
        return plain
    return mark_paragraph_gaps(chunks)


def mark_paragraph_gaps(chunks: list[tuple[float, str]]) -> str:
    """Join text chunks (baseline y, text), doubling a line break where the gap is well over the usual line step."""
    # Line breaks are often flushed with the position of whatever comes next: only text has a place.
    ys = [y for y, text in chunks if text.strip()]
    steps = sorted(round(a - b, 1) for a, b in zip(ys, ys[1:]) if a - b > 0.5)
    step = steps[len(steps) // 2] if steps else 0.0
    out: list[str] = []
    line_y: float | None = None
    for y, text in chunks:
        if not text.strip():
            out.append(text)
            continue
        if out and out[-1].endswith("\n") and line_y is not None and step and line_y - y > PARAGRAPH_GAP * step:
            out.append("\n")
        out.append(text)
        line_y = y
    return "".join(out)


def pdf_text_from_pages(pages: list[str]) -> str:
    """Paragraphs of running text from the extracted text of each page."""
    # Some writers position every word, which comes out as tabs between words.
    page_lines = [[" ".join(line.translate(LIGATURES).split()) for line in page.splitlines()] for page in pages]
    pages = drop_page_furniture(page_lines)
    for before, after in zip(pages, pages[1:]):
        # A line cut by the page edge is sometimes written on both pages (the clip hides half of each).
        if before and after and after[0] == before[-1]:
            del after[0]
            while after and not after[0]:
                del after[0]
    return "\n\n".join(rebuild_paragraphs([line for lines in pages for line in lines]))


def _furniture_key(line: str) -> str:
    return " ".join(re.sub(r"\d+", "#", line.casefold()).split())


def drop_page_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Pages without page numbers, and without header (footer) lines found at the top (foot) of most pages."""

    def edges(lines: list[str]) -> list[tuple[int, tuple[str, int, str]]]:
        """Index and place of each edge line: (top or foot, its rank from that edge, its text less numbers).

        A running header or footer comes back at the same rank on every page; on a short page the
        first and last lines overlap, so each line counts from the nearer edge.
        """
        filled = [i for i, line in enumerate(lines) if line]
        out = []
        for rank, i in enumerate(filled):
            back = len(filled) - 1 - rank
            if rank < EDGE_LINES and rank <= back:
                out.append((i, ("top", rank, _furniture_key(lines[i]))))
            elif back < EDGE_LINES:
                out.append((i, ("foot", back, _furniture_key(lines[i]))))
        return out

    counts: Counter[tuple[str, int, str]] = Counter()
    for lines in pages:
        counts.update({place for _, place in edges(lines)})
    repeated = {key for key, n in counts.items() if len(pages) >= 2 and n >= max(2, FURNITURE_SHARE * len(pages))}
    cleaned = []
    for lines in pages:
        drop = {i for i, place in edges(lines) if PAGE_NUMBER.match(lines[i]) or place in repeated}
        kept = [line for i, line in enumerate(lines) if i not in drop]
        # The gap that set a header or footer apart is not a paragraph break.
        while kept and not kept[0]:
            kept.pop(0)
        while kept and not kept[-1]:
            kept.pop()
        cleaned.append(kept)
    return cleaned


def rebuild_paragraphs(lines: list[str]) -> list[str]:
    """Join wrapped lines into paragraphs; a blank line or a line that stops short ends a paragraph.

    A line "stops short" when it is well under the usual line length, or when it ends a sentence
    and the next line's first word would have fitted on it (so the break was the author's).
    """
    lengths = sorted(len(line) for line in lines if line)
    if not lengths:
        return []
    # Most lines of running text are full; the upper quartile is one of them, even with a few wide lines about.
    full = lengths[min(len(lengths) - 1, int(0.75 * len(lengths)))]
    vocabulary = _words(lines)
    paragraphs: list[str] = []
    current = ""
    for i, line in enumerate(lines):
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        current = _join(current, line, vocabulary) if current else line
        if HYPHEN_END.search(line):  # a word split at the line end goes on
            continue
        next_word = FIRST_WORD.match(lines[i + 1]) if i + 1 < len(lines) else None
        fits = next_word is not None and len(line) + 1 + len(next_word.group(1)) < ROOM_LEFT * full
        if len(line) < SHORT_LINE * full or (line.endswith(TERMINAL) and fits):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def _words(lines: list[str]) -> set[str]:
    return {w.casefold() for line in lines for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", line)}


def _join(current: str, line: str, vocabulary: set[str]) -> str:
    """Append a line; a word split by a hyphen at the line end is rejoined unless the text spells it with one."""
    end = HYPHEN_END.search(current)
    start = FIRST_WORD.match(line)
    if end and start:
        head, tail = end.group(1), start.group(1)
        if not tail[0].isalpha():  # "self-" + "\u201cstyled\u201d": keep as written
            return current + line
        if current.endswith("\u00ad"):
            return current[:-1] + line
        if tail[0].isupper():  # "pro-" + "Russian": a compound, never a split word
            return current + line
        if f"{head}-{tail}".casefold() not in vocabulary or (head + tail).casefold() in vocabulary:
            return current[:-1] + line
        return current + line
    return f"{current} {line}"


def pdf_date(value: str) -> date | None:
    """The day of a PDF date string such as "D:20180829101500+03'00'"."""
    found = re.match(r"^(?:D:)?(\d{4})(\d{2})(\d{2})", value.strip())
    if not found:
        return None
    try:
        return date(*(int(part) for part in found.groups()))
    except ValueError:
        return None




@reader(".pdf", large=True, slow=True)
def pdf_article(data: bytes, path: Path) -> Article:
    return article_from_extracted(read_pdf(data, path.name), path)
