"""Reads Word .docx articles: paragraph text, with title and creation date from the core properties."""
from __future__ import annotations

import io
import zipfile
import zlib
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

from core import messages
from core.ingest.extracted import Extracted, article_from_extracted, plausible_title
from core.ingest.registry import reader
from core.messages import UserFacingError
from core.model import Article


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


@reader(".docx", large=True, slow=True)
def docx_article(data: bytes, path: Path) -> Article:
    return article_from_extracted(read_docx(data, path.name), path)
