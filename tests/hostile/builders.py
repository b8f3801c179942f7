"""Byte-level builders for hostile containers: zip/DOCX (with honest or lying sizes), PDF and e-mail."""
from __future__ import annotations

import io
import struct
import zipfile
import zlib
from functools import lru_cache

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
RELS = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="{target}" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/officeDocument"/></Relationships>')
CORE = ('<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">'
        '<dc:title>{title}</dc:title><dcterms:created>2018-09-04T00:00:00Z</dcterms:created></cp:coreProperties>')
STAMP = (2018, 9, 4, 12, 0, 0)  # fixed, so the same seed writes the same bytes


def paragraph(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def document_xml(body: str, prolog: str = "") -> str:
    return f"{prolog}<w:document {W}><w:body>{body}</w:body></w:document>"


def docx(parts: dict[str, bytes | str], *, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip of the given parts; a `document.xml` body plus the usual package parts unless given."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = method
            archive.writestr(info, data)
    return buffer.getvalue()


def simple_docx(body: str, *, title: str = "Turkey warns Russia", prolog: str = "", extra=None,
                target: str = "word/document.xml", core: str | None = None, rels: str | None = None) -> bytes:
    parts: dict[str, bytes | str] = {
        "[Content_Types].xml": "<Types/>",
        "_rels/.rels": rels if rels is not None else RELS.format(target=target),
        target.lstrip("/"): document_xml(body, prolog),
        "docProps/core.xml": core if core is not None else CORE.format(title=title),
    }
    parts.update(extra or {})
    return docx(parts)


@lru_cache(maxsize=8)
def repeated_deflate(chunk: bytes, repeats: int) -> tuple[bytes, int]:
    """Raw deflate of `chunk` repeated, and its CRC, without compressing every repetition.

    After a full flush the compressor starts afresh, so each repetition compresses to the same bytes:
    a 2 GiB part takes one 1 MiB compression and a CRC pass.
    """
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    again = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    assert block == again
    crc = 0
    for _ in range(repeats):
        crc = zlib.crc32(chunk, crc)
    return block * repeats + c.flush(), crc


def raw_zip(entries: list[tuple[str, bytes, int, int, int, int, int]], comment: bytes = b"") -> bytes:
    """A zip written field by field: (name, stored bytes, method, crc, declared size, flags, compressed size or -1).

    Lets an entry declare any uncompressed size, method or flag, which zipfile's writer would not.
    """
    out = bytearray()
    central = bytearray()
    dostime, dosdate = (12 << 11), ((2018 - 1980) << 9 | 9 << 5 | 4)
    for name, data, method, crc, size, flags, csize in entries:
        raw = name.encode("utf-8")
        csize = len(data) if csize < 0 else csize
        offset = len(out)
        out += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, flags, method, dostime, dosdate, crc, csize, size,
                           len(raw), 0) + raw + data
        central += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, flags, method, dostime, dosdate, crc, csize,
                               size, len(raw), 0, 0, 0, 0, 0, offset) + raw
    out_start = len(out)
    out += central
    out += struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(central), out_start,
                       len(comment)) + comment
    return bytes(out)


def deflated_entry(name: str, data: bytes, *, declared: int | None = None, flags: int = 0, method: int = 8):
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = c.compress(data) + c.flush()
    return (name, packed, method, zlib.crc32(data), len(data) if declared is None else declared, flags, -1)


def package_entries(document: bytes, *, core: bytes | None = None) -> list:
    return [
        deflated_entry("[Content_Types].xml", b"<Types/>"),
        deflated_entry("_rels/.rels", RELS.format(target="word/document.xml").encode()),
        deflated_entry("word/document.xml", document),
        deflated_entry("docProps/core.xml", core or CORE.format(title="Turkey warns Russia").encode()),
    ]


# --- PDF -----------------------------------------------------------------------------------------

def pdf(objects: list[bytes], *, root: int, info: int | None = None, header: bytes = b"%PDF-1.4\n",
        trailer_extra: str = "") -> bytes:
    """A PDF of numbered objects (1-based) with a correct xref table."""
    out, offsets = bytearray(header), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = f"/Size {len(objects) + 1} /Root {root} 0 R" + (f" /Info {info} 0 R" if info else "") + trailer_extra
    out += f"trailer\n<< {trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def text_stream(lines: list[str]) -> bytes:
    ops = ["BT /F1 11 Tf 14 TL 72 760 Td"]
    for line in lines:
        esc = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({esc}) Tj T*")
    return "\n".join(ops + ["ET"]).encode("cp1252", errors="replace")


def stream(data: bytes, extra: str = "") -> bytes:
    return b"<< /Length %d %s >>\nstream\n%s\nendstream" % (len(data), extra.encode(), data)


def simple_pdf(pages: list[bytes], *, info: str | None = None, count: str | None = None,
               catalog_extra: str = "", trailer_extra: str = "", raw_streams: bool = False) -> bytes:
    """Pages given as content streams (raw stream objects if `raw_streams`), a font, a catalog."""
    objs: list[bytes] = [FONT, b""]
    kids = []
    for content in pages:
        objs.append(content if raw_streams else stream(content))
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 1 0 R >> >> "
                    f"/Contents {len(objs)} 0 R >>".encode())
        kids.append(len(objs))
    objs[1] = (f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] "
               f"/Count {count if count is not None else len(kids)} >>").encode()
    objs.append(f"<< /Type /Catalog /Pages 2 0 R {catalog_extra} >>".encode())
    root = len(objs)
    info_no = None
    if info is not None:
        objs.append(info.encode("latin-1", errors="replace"))
        info_no = len(objs)
    return pdf(objs, root=root, info=info_no, trailer_extra=trailer_extra)


def bomb_entry(name: str, head: bytes, chunk: bytes, repeats: int, tail: bytes) -> tuple:
    """A zip entry of `head + chunk * repeats + tail`, honestly declared, packed without compressing it all.

    Each piece is deflated from a fresh state and ends byte-aligned, so the raw streams concatenate.
    """
    packed, _ = repeated_deflate(chunk, repeats)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    end = c.compress(tail) + c.flush()
    crc = zlib.crc32(head)
    for _ in range(repeats):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
    return (name, start + packed[:-2] + end, 8, crc, len(head) + len(chunk) * repeats + len(tail), 0, -1)


def zlib_stream(chunk: bytes, repeats: int) -> bytes:
    """A zlib (FlateDecode) stream of `chunk * repeats`, with a correct Adler-32."""
    packed, _ = repeated_deflate(chunk, repeats)
    adler = 1
    for _ in range(repeats):
        adler = zlib.adler32(chunk, adler)
    return b"\x78\xda" + packed + struct.pack(">L", adler)
