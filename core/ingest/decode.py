"""Turns an article file's bytes into clean text: BOM, UTF-8, a declared charset, detection, else Windows-1252.

Whatever the bytes, the text that comes out holds only characters every later step and every
export can carry: no lone surrogates, no NUL or other control characters (a form feed becomes a
line break), no noncharacters.
"""
from __future__ import annotations

import codecs
import os
import re
import unicodedata

from core import messages
from core.messages import UserFacingError

SNIFF = 8192  # bytes looked at to tell text from binary
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# A declared charset may be slightly wrong (one bad byte in a page that says UTF-8): accept it while
# no more than this share of characters had to be replaced.
DECLARED_REPLACED_MAX = 0.005
# Controls (other than tab and line breaks) above this share of the sniffed text mean a binary file.
CONTROLS_MAX = 0.01
# Typographic marks that sit right against letters in Western text ("it\u2019s", "\u201cno\u201d", "\u2014").
GLUED_MARKS = set("\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u2013\u2014\u2026\u00b4\u00b7\u00ad\u00a0\u00ae\u2122\u00b0\u20ac\u00a3")
# Characters no export format and no terminal should receive: C0/C1 controls but tab and line breaks,
# lone surrogates, and the noncharacters XML forbids.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_characters(text: str) -> str:
    """`text` with control characters, lone surrogates and noncharacters removed; form feeds become breaks."""
    return _UNSAFE.sub("", text.replace("\x0c", "\n").replace("\r\n", "\n").replace("\r", "\n"))


def decode_bytes(data: bytes, path: str = "text", declared: str | None = None) -> str:
    """Decode an article's bytes; raises `UserFacingError` for binary data.

    Order: a byte-order mark; strict UTF-8; UTF-16 without a BOM (NUL every other byte); the charset
    the page declares (`declared`); Windows-1252 when it reads as Western text; charset detection;
    Windows-1252 with replacement as the last resort.
    """
    text = _decode(data, declared)
    if text is None:
        raise UserFacingError(messages.FILE_BINARY.format(path=path))
    sample = text[:SNIFF]
    controls = sum(1 for c in sample if _UNSAFE.match(c) and not 0xD800 <= ord(c) <= 0xDFFF)
    if controls > CONTROLS_MAX * max(1, len(sample)):
        raise UserFacingError(messages.FILE_BINARY.format(path=path))
    return clean_characters(text)


def _decode(data: bytes, declared: str | None) -> str | None:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            rest = data[len(bom):]
            if encoding == "utf-8" and rest.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                return _decode(rest, declared)  # two BOMs in a row: the second one tells
            return rest.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    wide = _utf16_without_bom(data[:SNIFF])
    if wide:
        return data.decode(wide, errors="replace")
    if b"\x00" in data[:SNIFF]:
        return None
    if declared:
        text = _declared(data, declared)
        if text is not None:
            return text
    western = _western(data)
    if western is not None:
        return western
    detected = _detected(data)
    if detected is not None:
        return detected
    return data.decode("cp1252", errors="replace")


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when most odd (even) bytes are NUL, as in Latin text in UTF-16."""
    if len(sample) < 16:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _declared(data: bytes, declared: str) -> str | None:
    try:
        codec = codecs.lookup(declared.strip().strip("\"'").lower())
    except (LookupError, ValueError):
        return None
    if codec.name.startswith(("utf-16", "utf-32")):  # a page in UTF-16 has a BOM; an 8-bit page that says so lies
        return None
    try:
        text = data.decode(codec.name, errors="replace")
    except (LookupError, ValueError, TypeError):  # a codec that is not a text codec
        return None
    if not isinstance(text, str) or text.count("\ufffd") > DECLARED_REPLACED_MAX * max(1, len(text)):
        return None
    return text


def _western(data: bytes) -> str | None:
    """The bytes as Windows-1252 when that reads as Western text: accented letters a minority within
    words, and no symbol glued inside a word (KOI8-R or Windows-1250 read as Windows-1252 fail both)."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    return text if plausible_western(text) else None


def plausible_western(text: str) -> bool:
    letters = sum(1 for c in text if c.isalpha())
    accented = sum(1 for c in text if ord(c) > 127 and c.isalpha())
    return letters > 0 and accented <= 0.25 * letters and not _glued_symbol(text)


def _glued_symbol(text: str) -> bool:
    """Is a symbol, superscript or inverted mark stuck to a letter ("powiedzia\u00b3", "\u00bfe")?

    Windows-1250 or KOI8-R text read as Windows-1252 shows such marks where its letters were.
    """
    sample = text[:20000]
    for i, c in enumerate(sample):
        # Only the marks of single-byte code pages: CJK punctuation sits against letters by design.
        if not 127 < ord(c) < 0x300 or c.isalpha() or c.isspace() or c in GLUED_MARKS:
            continue
        if unicodedata.category(c)[0] not in "SPN" or c.isdigit():
            continue
        if sample[i - 1:i].isalpha() or sample[i + 1:i + 2].isalpha():
            return True
    return False


def _detected(data: bytes) -> str | None:
    """charset-normalizer's reading: the first of its candidates that reads as plausible text."""
    from charset_normalizer import from_bytes

    try:
        matches = list(from_bytes(data[:2 * 2**20]))
    except Exception:  # noqa: BLE001 -- a detector failure only means "not detected"
        return None
    for match in matches:
        try:
            text = data.decode(match.encoding, errors="replace")
        except (LookupError, ValueError):
            continue
        if _readable(text):
            return text
    return None


def _readable(text: str) -> bool:
    """Few replacement characters and no symbol glued to a letter."""
    sample = text[:20000]
    # Half-width katakana is all but unused in real text, and is what Cyrillic code pages read as Shift-JIS.
    halfwidth = sum(1 for c in sample if "\uff61" <= c <= "\uff9f")
    return (sample.count("\ufffd") <= 0.01 * max(1, len(sample)) and halfwidth <= 0.05 * max(1, len(sample))
            and not _glued_symbol(sample))


def printable(value: object) -> str:
    """A file name or other outside string made safe to show: undecodable bytes as U+FFFD, no controls."""
    text = os.fsdecode(value) if isinstance(value, (bytes, os.PathLike)) else str(value)
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return _UNSAFE.sub("\ufffd", text.replace("\n", " ").replace("\r", " ").replace("\t", " "))
