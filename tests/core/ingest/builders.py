"""Test-file builders for the PDF, DOCX and EML readers: every file is written by hand, none is committed."""
import io
import textwrap
import zipfile
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
LEAD = "Turkey has warned against a Syrian government offensive on Idlib, the last big rebel enclave in the country."
BODY = [
    "Turkey warns Russia over Idlib",
    LEAD,
    "Russia said on Wednesday that militants there must be liquidated, with Foreign Minister Sergei Lavrov "
    "describing them as a festering abscess. The United Nations said a major offensive risks forcing another "
    "700,000 Syrians from their homes.",
    "Iran supports Damascus.",
]


# --- building test files by hand -----------------------------------------------------------------

def make_pdf(pages, info=None):
    """A minimal valid PDF: each page a list of lines ("" = a blank line), or a raw content stream (str)."""
    objs = [b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>", None]
    kids = []
    for page in pages:
        if isinstance(page, str):
            stream = page.encode("latin-1")
        else:
            ops = ["BT /F1 11 Tf 14 TL 72 760 Td"]
            for line in page:
                esc = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
                ops.append(f"({esc}) Tj T*" if line else "T*")
            stream = "\n".join(ops + ["ET"]).encode("cp1252")
        objs.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objs.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 1 0 R >> >> "
            f"/Contents {len(objs)} 0 R >>".encode()
        )
        kids.append(len(objs))
    objs[1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode()
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    trailer = f"/Root {len(objs)} 0 R"
    if info:
        objs.append(("<< " + " ".join(f"/{k} ({v})" for k, v in info.items()) + " >>").encode("latin-1"))
        trailer += f" /Info {len(objs)} 0 R"
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} {trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def wrapped_pages(paragraphs, width=80, per_page=20, header="Example News | World"):
    """Paragraphs wrapped like a printed page, split into pages with a running header and a page number."""
    lines = []
    for paragraph in paragraphs:
        lines += textwrap.wrap(paragraph, width, break_on_hyphens=False) + [""]
    chunks = [lines[i:i + per_page] for i in range(0, len(lines), per_page)]
    return [[header, ""] + chunk + ["", f"Page {n} of {len(chunks)}"] for n, chunk in enumerate(chunks, 1)]


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_paragraph(text, style=None):
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{props}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def make_docx(body_xml, title=None, created=None, document=True, part="word/document.xml"):
    core = (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">'
        + (f"<dc:title>{title}</dc:title>" if title else "")
        + (f"<dcterms:created>{created}</dcterms:created>" if created else "")
        + "</cp:coreProperties>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Target="' + part + '" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument"/></Relationships>',
        )
        if document:
            archive.writestr(part, f"<w:document {W}><w:body>{body_xml}</w:body></w:document>")
        archive.writestr("docProps/core.xml", core)
    return buffer.getvalue()


def make_eml(plain=None, html=None, subject="Fwd: Turkey warns Russia over Idlib",
             sent="Wed, 29 Aug 2018 10:15:00 +0300", attachment=False):
    msg = EmailMessage()
    if subject is not None:
        msg["Subject"] = subject
    if sent is not None:
        msg["Date"] = sent
    msg["From"] = "desk@example.org"
    if plain is not None:
        msg.set_content(plain)
    if html is not None:
        if plain is None:
            msg.set_content(html, subtype="html")
        else:
            msg.add_alternative(html, subtype="html")
    if attachment:
        msg.add_attachment(b"Attachment text about Hezbollah.", maintype="text", subtype="plain", filename="notes.txt")
    return msg.as_bytes()


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path
