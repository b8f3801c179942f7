"""Reads Word .docx articles: paragraph text, with title and creation date from the core properties."""
from __future__ import annotations

import io
import zipfile
import zlib
from datetime import date
from pathlib import Path
from typing import Iterator
from xml.etree import ElementTree

from core import messages
from core.ingest import limits
from core.ingest.extracted import Extracted, article_from_extracted, plausible_title
from core.ingest.registry import reader
from core.messages import UserFacingError
from core.model import Article


DOCX_BODY = "word/document.xml"
DOCX_CORE = "docProps/core.xml"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"


class _TooLarge(Exception):
    """A part unpacks to more than the limits allow (a zip bomb, whatever its directory says)."""


def _read_part(archive: zipfile.ZipFile, name: str, budget: list[int]) -> bytes:
    """A part's bytes, unpacked in chunks and stopped at the per-part limit or the file's remaining budget."""
    info = archive.getinfo(name)
    if info.file_size > limits.MAX_PART_BYTES:
        raise _TooLarge(name)
    limit = min(limits.MAX_PART_BYTES, budget[0])
    chunks, total = [], 0
    with archive.open(info) as fh:
        while True:
            chunk = fh.read(1 << 20)
            if not chunk:
                break
            total += len(chunk)
            if total > limit:
                raise _TooLarge(name)
            chunks.append(chunk)
    budget[0] -= total
    return b"".join(chunks)


def _main_part(archive: zipfile.ZipFile, names: set[str], budget: list[int]) -> str:
    """The document part named by the package's relationships (Word always says word/document.xml)."""
    if "_rels/.rels" not in names:
        return DOCX_BODY
    for rel in ElementTree.fromstring(_read_part(archive, "_rels/.rels", budget)):
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
    budget = [limits.MAX_UNPACKED_BYTES]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            main = _main_part(archive, names, budget)
            if main not in names or main == DOCX_CORE:
                raise UserFacingError(
                    messages.DOCX_DAMAGED.format(path=shown, reason="it is a zip archive, not a Word document"))
            body = ElementTree.fromstring(_read_part(archive, main, budget))
            core = ElementTree.fromstring(_read_part(archive, DOCX_CORE, budget)) if DOCX_CORE in names else None
    except UserFacingError:
        raise
    except _TooLarge as exc:
        raise UserFacingError(messages.DOCX_DAMAGED.format(
            path=shown, reason=f"its part {exc} unpacks to more than {limits.MAX_PART_BYTES // 2**20} MB "
                               "(a zip bomb, or not an article)")) from exc
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
    Walked depth-first with an explicit stack, so no nesting depth can exhaust Python's.
    """
    out: list[tuple[str, str]] = []
    stack: list[tuple[Iterator[ElementTree.Element], bool]] = [(iter(body), False)]
    while stack:
        children, inside_box = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            continue
        name = _local(child.tag)
        if name == "Fallback":  # the same content again, for old readers
            continue
        if name == "p":
            pieces: list[str] = []
            style = _paragraph_text(child, pieces)
            text = "".join(pieces).strip()
            if text and (text_boxes or not inside_box):
                out.append((style, text))
            boxes = _outer_boxes(child)
            if boxes:  # a paragraph's text boxes come right after it
                stack.append((iter(boxes), True))
        elif name == "txbxContent":
            stack.append((iter(child), True))
        else:
            stack.append((iter(child), inside_box))
    return out


def _outer_boxes(paragraph: ElementTree.Element) -> list[ElementTree.Element]:
    """The text boxes in a paragraph, not those nested inside them (each box's own paragraphs find
    those): looking through every nested box from every paragraph was quadratic."""
    boxes, stack = [], [iter(paragraph)]
    while stack:
        el = next(stack[-1], None)
        if el is None:
            stack.pop()
        elif _local(el.tag) == "txbxContent":
            boxes.append(el)
        else:
            stack.append(iter(el))
    return boxes


def _paragraph_text(el: ElementTree.Element, pieces: list[str]) -> str:
    """Collect a paragraph's text into `pieces`, not descending into text boxes; returns its style name."""
    style = ""
    stack = [iter(el)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
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
            stack.append(iter(child))
    return style


def _iso_day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


@reader(".docx", large=True, slow=True)
def docx_article(data: bytes, path: Path) -> Article:
    return article_from_extracted(read_docx(data, path.name), path)
