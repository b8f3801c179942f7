"""Readers for article files that are not plain text (PDF, Word .docx, e-mail .eml): bytes in, text and metadata out."""
from __future__ import annotations

import io
import re
import unicodedata
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Callable
from xml.etree import ElementTree

from core import messages
from core.messages import UserFacingError


@dataclass(frozen=True)
class Extracted:
    """What a format reader found; `core.ingest` turns it into an `Article`."""

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


# --- PDF -----------------------------------------------------------------------------------------

LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                           "\ufb05": "st", "\ufb06": "st"})
PAGE_NUMBER = re.compile(r"^(?:page\s*)?[-\u2013\u2014]?\s*\d{1,4}\s*[-\u2013\u2014]?(?:\s*(?:of|/)\s*\d{1,4})?$",
                         re.IGNORECASE)
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
JUNK_TITLE = re.compile(r"^(?:untitled|document\d*|microsoft word)\b|\.(?:docx?|pdf|indd|rtf|txt|odt)$", re.IGNORECASE)


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


def plausible_title(value: str) -> str | None:
    """A metadata title worth showing: not empty, not a file name, not a tool's placeholder."""
    value = " ".join(value.split())
    value = re.sub(r"^Microsoft Word - ", "", value)
    if not value or len(value) > 200 or JUNK_TITLE.search(value) or not any(c.isalpha() for c in value):
        return None
    return value


# --- Word .docx ----------------------------------------------------------------------------------

DOCX_BODY = "word/document.xml"
DOCX_CORE = "docProps/core.xml"
MAX_XML_BYTES = 64 * 1024 * 1024  # a news article's document.xml is well under 1 MB
OLE_MAGIC = b"\xd0\xcf\x11\xe0"


def _main_part(archive: zipfile.ZipFile, names: set[str]) -> str:
    """The document part named by the package's relationships (Word always says word/document.xml)."""
    if "_rels/.rels" not in names:
        return DOCX_BODY
    for rel in ElementTree.fromstring(archive.read("_rels/.rels")):
        if rel.get("Type", "").endswith("/officeDocument") and rel.get("Target"):
            return rel.get("Target", "").lstrip("/")
    return DOCX_BODY


def _local(tag: object) -> str:
    # Matching local names reads both the transitional and the strict OOXML namespaces.
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def read_docx(data: bytes, shown: str) -> Extracted:
    """Paragraph text of a Word document, with title and creation date from its core properties."""
    if data.startswith(OLE_MAGIC):
        raise UserFacingError(messages.DOCX_DAMAGED.format(
            path=shown, reason="it is password-protected or an old .doc file; save it as .docx without a password"))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            main = _main_part(archive, names)
            if main not in names:
                raise UserFacingError(
                    messages.DOCX_DAMAGED.format(path=shown, reason="it is a zip archive, not a Word document"))
            if archive.getinfo(main).file_size > MAX_XML_BYTES:
                raise UserFacingError(
                    messages.DOCX_DAMAGED.format(path=shown, reason="its text part is implausibly large"))
            body = ElementTree.fromstring(archive.read(main))
            core = ElementTree.fromstring(archive.read(DOCX_CORE)) if DOCX_CORE in names else None
    except UserFacingError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ElementTree.ParseError, zlib.error, EOFError, OSError,
            ValueError, NotImplementedError, RuntimeError) as exc:  # RuntimeError: an encrypted zip entry
        raise UserFacingError(messages.DOCX_DAMAGED.format(path=shown, reason="it is damaged or incomplete")) from exc
    paragraphs = docx_paragraphs(body, text_boxes=False) or docx_paragraphs(body, text_boxes=True)
    props = {_local(el.tag): (el.text or "").strip() for el in core} if core is not None else {}
    styled_title = next((text for style, text in paragraphs if style.casefold() == "title"), None)
    created = _iso_day(props.get("created", "")) or _iso_day(props.get("modified", ""))
    return Extracted(
        text="\n\n".join(text for _, text in paragraphs),
        title=plausible_title(props.get("title", "")) or styled_title,
        fallback_published=created,
        fallback_origin="docx-metadata" if created else None,
    )


def docx_paragraphs(body: ElementTree.Element, *, text_boxes: bool) -> list[tuple[str, str]]:
    """(style, text) of each non-empty paragraph in document order.

    Text boxes are left out unless asked for: in articles they hold pull quotes that repeat the body.
    """
    out: list[tuple[str, str]] = []

    def walk(el: ElementTree.Element, inside_box: bool) -> None:
        for child in el:
            name = _local(child.tag)
            if name == "Fallback":  # the same content again, for old readers
                continue
            if name == "p":
                pieces: list[str] = []
                style = _paragraph_text(child, pieces)
                text = "".join(pieces).strip()
                if text and (text_boxes or not inside_box):
                    out.append((style, text))
                walk_boxes(child)
            else:
                walk(child, inside_box or name == "txbxContent")

    def walk_boxes(paragraph: ElementTree.Element) -> None:
        for box in paragraph.iter():
            if _local(box.tag) == "txbxContent":
                walk(box, True)

    walk(body, False)
    return out


def _paragraph_text(el: ElementTree.Element, pieces: list[str], style: str = "") -> str:
    """Collect a paragraph's text into `pieces`, not descending into text boxes; returns its style name."""
    for child in el:
        name = _local(child.tag)
        if name in ("txbxContent", "Fallback", "del"):
            continue
        if name == "t":
            pieces.append(child.text or "")
        elif name == "tab":
            pieces.append("\t")
        elif name in ("br", "cr"):
            pieces.append("\n")
        elif name == "noBreakHyphen":
            pieces.append("-")
        elif name == "pStyle":
            style = next((v for k, v in child.attrib.items() if _local(k) == "val"), style)
        else:
            style = _paragraph_text(child, pieces, style)
    return style


def _iso_day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


# --- E-mail .eml ---------------------------------------------------------------------------------

REPLY_PREFIX = re.compile(r"^(?:(?:re|fwd?|aw|wg)\s*:\s*)+", re.IGNORECASE)


def read_eml(data: bytes, shown: str) -> Extracted:
    """Subject, sending date and body text of a saved e-mail; attachments are ignored.

    A mail whose only content is another mail (forwarded as an attachment) is read as that mail.
    """
    import email
    from email import policy

    found = _read_message(email.message_from_bytes(data, policy=policy.default), 0)
    if found is None:
        raise UserFacingError(messages.EMAIL_NO_TEXT.format(path=shown))
    return found


MAX_FORWARD_DEPTH = 4
COVER_NOTE_CHARS = 300  # "FYI, see the attached": shorter than any article


def _read_message(msg, depth: int) -> Extracted | None:
    found = _message_body(msg)
    inner = _attached_message(msg) if depth < MAX_FORWARD_DEPTH else None
    if inner is not None and (found is None or len(_visible_text(found)) < COVER_NOTE_CHARS):
        return _read_message(inner, depth + 1) or found
    return found


def _attached_message(msg):
    part = next((p for p in msg.walk() if p.get_content_type() == "message/rfc822"), None)
    payload = part.get_payload() if part is not None else None
    if isinstance(payload, list):
        payload = payload[0] if payload else None
    return payload if hasattr(payload, "get_body") else None


def _visible_text(found: Extracted) -> str:
    return (found.text or re.sub(r"<[^>]*>", " ", found.html or "")).strip()


def _message_body(msg) -> Extracted | None:
    body = None
    for preference in ("plain", "html"):
        try:
            part = msg.get_body(preferencelist=(preference,))
        except (KeyError, ValueError, TypeError, AttributeError):
            part = None
        content = _part_text(part) if part is not None else ""
        if content.strip():
            body = (preference, content)
            break
    if body is None:
        return None
    subject = REPLY_PREFIX.sub("", " ".join(_header(msg, "subject").split())) or None
    sent = None
    try:
        stamp = msg["date"].datetime if msg["date"] is not None else None
        sent = stamp.date() if stamp is not None else None
    except (AttributeError, TypeError, ValueError, IndexError):
        sent = None
    kind, content = body
    return Extracted(
        text=content if kind == "plain" else "",
        html=content if kind == "html" else None,
        title=subject,
        published=sent,
        published_origin="email" if sent else None,
    )


def _header(msg, name: str) -> str:
    try:
        return str(msg[name] or "")
    except (TypeError, ValueError, IndexError):
        return ""


def _part_text(part) -> str:
    """A part's decoded text; an unknown or wrong charset falls back to the safe article decoding."""
    try:
        content = part.get_content()
        if isinstance(content, str):
            return content
    except (LookupError, ValueError, UnicodeError, KeyError):
        pass
    from core.ingest import decode_bytes

    payload = part.get_payload(decode=True) or b""
    try:
        return decode_bytes(payload)
    except UserFacingError:
        return ""


READERS: dict[str, Callable[[bytes, str], Extracted]] = {".pdf": read_pdf, ".docx": read_docx, ".eml": read_eml}
