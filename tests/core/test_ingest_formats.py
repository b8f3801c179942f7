"""Reading PDF, Word and e-mail articles: text, paragraphs, title, date priority, a coded message per bad file."""
import io
import textwrap
import zipfile
from datetime import date
from email.message import EmailMessage
from pathlib import Path

import pytest

from core.ingest import SUPPORTED_SUFFIXES, load_file, load_paths
from core.ingest_formats import (
    drop_page_furniture, mark_paragraph_gaps, pdf_date, plausible_title, rebuild_paragraphs, unreadable_share,
)
from core.messages import UserFacingError

ROOT = Path(__file__).resolve().parents[2]
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


# --- PDF -----------------------------------------------------------------------------------------

def test_pdf_round_trip_restores_paragraphs_and_drops_page_furniture(tmp_path):
    seed = (ROOT / "seeds" / "idlib-offensive-2018.txt").read_text(encoding="utf-8")
    paragraphs = [" ".join(p.split()) for p in seed.split("\n\n") if len(p) > 60 and "Send in" not in p]
    paragraphs = [p for p in paragraphs if all(ord(c) < 0x2100 for c in p)][:12]
    article = load_file(write(tmp_path, "idlib.pdf", make_pdf(wrapped_pages(paragraphs))))
    assert article.text.split("\n\n") == paragraphs
    assert "Example News" not in article.text and "Page 1" not in article.text


def test_pdf_title_from_metadata_and_creation_date_as_last_resort(tmp_path):
    info = {"Title": "Turkey warns Russia", "CreationDate": "D:20180901101500+03'00'"}
    data = make_pdf(wrapped_pages(BODY, per_page=4), info)
    article = load_file(write(tmp_path, "idlib.pdf", data))
    assert article.title == "Turkey warns Russia"
    assert (article.published, article.published_origin) == (date(2018, 9, 1), "pdf-metadata")
    assert article.text.startswith("Turkey warns Russia over Idlib\n\nTurkey has warned")


@pytest.mark.parametrize(
    "name, first_line, sidecar, expected",
    [
        ("idlib.pdf", "", None, (date(2018, 9, 1), "pdf-metadata")),
        ("2018-08-30-idlib.pdf", "", None, (date(2018, 8, 30), "filename")),
        ("2018-08-30-idlib.pdf", "BEIRUT, Aug 29, 2018 (Reuters) -", None, (date(2018, 8, 29), "dateline")),
        ("idlib.pdf", "BEIRUT, Aug 29, 2018 (Reuters) -", '{"published": "2018-08-28"}',
         (date(2018, 8, 28), "sidecar")),
    ],
)
def test_pdf_creation_date_has_the_lowest_priority(tmp_path, name, first_line, sidecar, expected):
    lead = f"{first_line} {LEAD}".strip()
    path = write(tmp_path, name, make_pdf(wrapped_pages([lead] + BODY[2:]), {"CreationDate": "D:20180901"}))
    if sidecar:
        write(tmp_path, Path(name).stem + ".meta.json", sidecar.encode())
    article = load_file(path)
    assert (article.published, article.published_origin) == expected


def test_pdf_without_metadata_takes_its_first_line_as_title(tmp_path):
    article = load_file(write(tmp_path, "x.pdf", make_pdf([BODY])))
    assert article.title == "Turkey warns Russia over Idlib"
    assert article.published is None and article.published_origin == "unknown"


@pytest.mark.parametrize(
    "lines, expected",
    [
        (["The offen-", "sive began on Tuesday morning, officials in the capital said today."],
         ["The offensive began on Tuesday morning, officials in the capital said today."]),
        (["Forces loyal to the pro-", "Russian government of the region moved toward the city on Monday."],
         ["Forces loyal to the pro-Russian government of the region moved toward the city on Monday."]),
        (["Turkish-backed rebels held the town on Sunday while the Turkish-", "backed groups in the north said so."],
         ["Turkish-backed rebels held the town on Sunday while the Turkish-backed groups in the north said so."]),
        (["The soft\u00ad", "hyphen vanishes when the word is joined again on the next line of text."],
         ["The softhyphen vanishes when the word is joined again on the next line of text."]),
        (["A heading", "A long line of text that runs all the way across the page to its margin,",
          "and ends here."],
         ["A heading", "A long line of text that runs all the way across the page to its margin, and ends here."]),
        (["A full line of running text that ends exactly with a sentence at the end.",
          "", "New paragraph after a blank line, with another long line that is full."],
         ["A full line of running text that ends exactly with a sentence at the end.",
          "New paragraph after a blank line, with another long line that is full."]),
        (["A line of running text that runs on across the page and ends a sentence.",
          "Short one.", "Next paragraph starts with a line that is long enough to be full."],
         ["A line of running text that runs on across the page and ends a sentence. Short one.",
          "Next paragraph starts with a line that is long enough to be full."]),
        ([], []),
    ],
    ids=["hyphen-split", "compound-capital", "compound-seen-elsewhere", "soft-hyphen", "heading-short-line",
         "blank-line", "short-last-line", "empty"],
)
def test_rebuild_paragraphs(lines, expected):
    assert rebuild_paragraphs(lines) == expected


@pytest.mark.parametrize(
    "pages, expected",
    [
        ([["Body one.", "3"], ["Body two.", "- 4 -"]], [["Body one."], ["Body two."]]),
        ([["Page 1 of 2", "Body one."], ["Page 2 of 2", "Body two."]], [["Body one."], ["Body two."]]),
        ([["Daily News  12", "Body one."], ["Daily News  13", "Body two."], ["Daily News  14", "Body three."]],
         [["Body one."], ["Body two."], ["Body three."]]),
        ([["Daily News", "Body one."]], [["Daily News", "Body one."]]),  # one page: nothing repeats
        ([["Header", "a", "b", "c", "Mid", "d", "e", "f"], ["Other", "a2", "b2", "c2", "Mid", "d2", "e2", "f2"]],
         [["Header", "a", "b", "c", "Mid", "d", "e", "f"], ["Other", "a2", "b2", "c2", "Mid", "d2", "e2", "f2"]]),
        pytest.param(
            [["Body with 2018 in it.", "Body."], ["Body with 2019 in it.", "More."]],
            [["Body with 2018 in it.", "Body."], ["Body with 2019 in it.", "More."]],
            marks=pytest.mark.xfail(strict=True, reason="edge lines differing only in a number look like a header"),
        ),
    ],
    ids=["bare-numbers", "page-x-of-y", "running-header", "single-page", "repeat-mid-page-kept", "numbered-body"],
)
def test_drop_page_furniture(pages, expected):
    assert drop_page_furniture(pages) == expected


def test_pdf_line_written_on_both_sides_of_a_page_break_is_read_once(tmp_path):
    lines = textwrap.wrap(BODY[2], 60)
    # The last line of page 1 again at the top of page 2, as a writer that clips instead of paginating leaves it.
    pages = [textwrap.wrap(LEAD, 60) + [""] + lines[:3], lines[2:]]
    article = load_file(write(tmp_path, "x.pdf", make_pdf(pages)))
    assert article.text.split("\n\n") == [LEAD, BODY[2]]


@pytest.mark.xfail(strict=True, reason="a paragraph whose last line is full and ends a page runs into the next")
def test_pdf_paragraph_ending_with_a_full_line_at_the_foot_of_a_page(tmp_path):
    first = textwrap.wrap(LEAD, 56)
    assert len(first[-1]) > 50  # the paragraph's last line is as long as the others
    article = load_file(write(tmp_path, "x.pdf", make_pdf([first, textwrap.wrap(BODY[2], 56)])))
    assert article.text.split("\n\n") == [LEAD, BODY[2]]


@pytest.mark.parametrize(
    "chunks, expected",
    [
        ([(700, "One\n"), (686, "two\n"), (672, "three\n"), (644, "Next\n")], "One\ntwo\nthree\n\nNext\n"),
        ([(700, "One"), (0, "\n"), (686, "two"), (0, "\n"), (672, "three"), (0, "\n"), (650, "Next")],
         "One\ntwo\nthree\n\nNext"),  # breaks flushed with a stray position do not count
        ([(700, "Left column\n"), (686, "goes on\n"), (700, "Right column\n"), (686, "goes on")],
         "Left column\ngoes on\nRight column\ngoes on"),  # moving up is a new column, not a gap
        ([(700, "Same "), (700, "line\n"), (686, "next\n")], "Same line\nnext\n"),
        ([], ""),
    ],
    ids=["wide-gap", "stray-break-positions", "column-jump", "one-line-chunks", "empty"],
)
def test_mark_paragraph_gaps(chunks, expected):
    assert mark_paragraph_gaps(chunks) == expected


@pytest.mark.parametrize(
    "text, expected",
    [("Turkey warned.", 0.0), ("\ue001\ue002 ab", 0.5), ("\x01\x02\x03\x04", 1.0), ("\ufffd?", 0.5), ("", 0.0)],
)
def test_unreadable_share(text, expected):
    assert unreadable_share(text) == expected


@pytest.mark.parametrize(
    "value, expected",
    [("D:20180829101500+03'00'", date(2018, 8, 29)), ("20180829", date(2018, 8, 29)), ("D:2018", None),
     ("D:20181329", None), ("yesterday", None), ("", None)],
)
def test_pdf_date(value, expected):
    assert pdf_date(value) == expected


@pytest.mark.parametrize(
    "value, expected",
    [("Turkey warns Russia", "Turkey warns Russia"), ("Microsoft Word - idlib.docx", None),
     ("Microsoft Word - Turkey warns Russia", "Turkey warns Russia"), ("untitled", None), ("scan0001.pdf", None),
     ("  ", None), ("12345", None), ("Turkey\n  warns", "Turkey warns")],
)
def test_plausible_title(value, expected):
    assert plausible_title(value) == expected


def encrypted_pdf(user_password):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([BODY]))))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_pdf_encrypted_without_a_user_password_still_reads(tmp_path):
    assert load_file(write(tmp_path, "open.pdf", encrypted_pdf(""))).title == "Turkey warns Russia over Idlib"


GOOD_PDF = make_pdf([BODY])


def scramble(data, after, skip, length=30):
    """Flip bits in `length` bytes starting `skip` bytes after the first `after`, as a bad disk or download would."""
    out = bytearray(data)
    start = out.find(after) + skip
    for i in range(start, start + length):
        out[i] ^= 0x5A
    return bytes(out)


# --- bad inputs, every format: a coded message naming the file, never a traceback --------------

@pytest.mark.parametrize(
    "name, data, code",
    [
        ("truncated-half.pdf", GOOD_PDF[: len(GOOD_PDF) // 2], "E110"),
        ("truncated-head.pdf", GOOD_PDF[:40], "E110"),
        ("not-a-pdf.pdf", b"%PDF-1.4\nthis is not really a PDF at all\n", "E110"),
        ("text-named.pdf", b"Just some words in a text file.", "E110"),
        ("empty.pdf", b"", "E103"),
        ("locked.pdf", encrypted_pdf("secret"), "E108"),
        ("scanned.pdf", make_pdf(["0 0 0 rg 72 72 400 600 re f"]), "E109"),
        ("blank-pages.pdf", make_pdf(["", ""]), "E109"),
        ("only-furniture.pdf", make_pdf([["Page 1"], ["Page 2"]]), "E109"),
        ("no-char-map.pdf", make_pdf([["\x01\x02\x03\x04 \x05\x06\x07 \x0e\x0f\x10", "\x11\x12 Idlib"]]), "E113"),
        ("empty.docx", make_docx(""), "E103"),
        ("blank-paragraphs.docx", make_docx(docx_paragraph("  ") * 3), "E103"),
        ("archive.docx", make_docx("", document=False), "E111"),
        ("truncated.docx", make_docx(docx_paragraph(LEAD))[:100], "E111"),
        ("bad-xml.docx", make_docx("<w:p><w:r>"), "E111"),
        ("corrupt-deflate.docx", scramble(make_docx(docx_paragraph(LEAD) * 20), b"word/document.xml", 40), "E111"),
        ("corrupt-deflate.pdf", scramble(GOOD_PDF, b"stream", 20), "E110"),
        ("text-named.docx", b"Just some words in a text file.", "E111"),
        ("old-word.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "E111"),
        ("no-body.eml", make_eml(), "E112"),
        ("blank-body.eml", make_eml(plain="   \n\n"), "E112"),
        ("attachment-only.eml", make_eml(plain=None, attachment=True), "E112"),
        ("empty.eml", b"", "E103"),
        ("furniture-only.eml", make_eml(plain="Share on Facebook\n"), "E103"),
        ("old-word.doc", b"\xd0\xcf\x11\xe0", "E106"),
    ],
)
def test_bad_files_raise_a_coded_message(tmp_path, name, data, code):
    with pytest.raises(UserFacingError) as info:
        load_file(write(tmp_path, name, data))
    assert code in str(info.value)
    assert name in str(info.value)


def test_unsupported_message_lists_the_new_formats(tmp_path):
    with pytest.raises(UserFacingError) as info:
        load_file(write(tmp_path, "sheet.xlsx", b"PK"))
    assert all(suffix in str(info.value) for suffix in (".pdf", ".docx", ".eml"))
    assert {".pdf", ".docx", ".eml"} <= SUPPORTED_SUFFIXES


def test_pdf_with_too_many_pages_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr("core.ingest_formats.MAX_PDF_PAGES", 2)
    assert load_file(write(tmp_path, "two.pdf", make_pdf([BODY[:2], BODY[2:]]))).text
    with pytest.raises(UserFacingError, match=r"three\.pdf is 3 pages long.*E114"):
        load_file(write(tmp_path, "three.pdf", make_pdf([BODY[:2], BODY[2:3], BODY[3:]])))


def test_format_files_may_be_larger_than_text_files(tmp_path, monkeypatch):
    monkeypatch.setattr("core.ingest.MAX_BYTES", 100)
    assert load_file(write(tmp_path, "x.pdf", GOOD_PDF)).text.startswith("Turkey warns")
    monkeypatch.setattr("core.ingest.MAX_FORMAT_BYTES", 100)
    with pytest.raises(UserFacingError, match="E105"):
        load_file(write(tmp_path, "y.pdf", GOOD_PDF))


# --- Word .docx ----------------------------------------------------------------------------------

def test_docx_paragraphs_title_and_created_date(tmp_path):
    data = make_docx("".join(docx_paragraph(p) for p in BODY), title="Turkey warns", created="2018-09-01T08:00:00Z")
    article = load_file(write(tmp_path, "idlib.docx", data))
    assert article.text.split("\n\n") == BODY
    assert article.title == "Turkey warns"
    assert (article.published, article.published_origin) == (date(2018, 9, 1), "docx-metadata")


@pytest.mark.parametrize(
    "body_xml, expected_text",
    [
        ('<w:p><w:r><w:t>Turkey </w:t></w:r><w:r><w:t>warned.</w:t></w:r></w:p>', "Turkey warned."),
        ('<w:p><w:r><w:t>Col A</w:t><w:tab/><w:t>Col B</w:t></w:r></w:p>', "Col A\tCol B"),
        ('<w:p><w:r><w:t>Line one</w:t><w:br/><w:t>line two</w:t></w:r></w:p>', "Line one\nline two"),
        ('<w:p><w:r><w:t>pro</w:t><w:noBreakHyphen/><w:t>Russian</w:t></w:r></w:p>', "pro-Russian"),
        ('<w:p><w:r><w:t>Kept </w:t></w:r><w:del><w:r><w:delText>deleted </w:delText></w:r></w:del>'
         '<w:r><w:t>text.</w:t></w:r></w:p>', "Kept text."),
        ('<w:tbl><w:tr><w:tc><w:p><w:r><w:t>In a cell.</w:t></w:r></w:p></w:tc></w:tr></w:tbl>', "In a cell."),
        ('<w:p><w:r><w:t>Body.</w:t></w:r><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>Pull quote.</w:t></w:r></w:p>'
         '</w:txbxContent></w:pict></w:r></w:p>', "Body."),
        ('<w:p><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>Only in a box.</w:t></w:r></w:p>'
         '</w:txbxContent></w:pict></w:r></w:p>', "Only in a box."),
    ],
    ids=["runs", "tab", "break", "no-break-hyphen", "tracked-deletion", "table", "text-box-skipped",
         "text-box-when-alone"],
)
def test_docx_paragraph_text(tmp_path, body_xml, expected_text):
    assert load_file(write(tmp_path, "x.docx", make_docx(body_xml))).text == expected_text


def test_docx_main_part_is_found_through_the_package_relationships(tmp_path):
    data = make_docx(docx_paragraph(LEAD), part="word/document2.xml")
    assert load_file(write(tmp_path, "x.docx", data)).text == LEAD


def test_docx_title_style_when_core_has_no_title(tmp_path):
    data = make_docx(docx_paragraph("Idlib: the last enclave", "Title") + docx_paragraph(LEAD))
    assert load_file(write(tmp_path, "x.docx", data)).title == "Idlib: the last enclave"


def test_docx_mc_fallback_is_not_read_twice(tmp_path):
    body = ('<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
            '<mc:Choice Requires="wps"><w:t>Chosen.</w:t></mc:Choice><mc:Fallback><w:t>Chosen.</w:t></mc:Fallback>'
            '</mc:AlternateContent></w:r></w:p>')
    assert load_file(write(tmp_path, "x.docx", make_docx(body))).text == "Chosen."


# --- E-mail .eml ---------------------------------------------------------------------------------

def test_eml_subject_date_and_plain_body(tmp_path):
    article = load_file(write(tmp_path, "x.eml", make_eml(plain="\n\n".join(BODY[1:]), attachment=True)))
    assert article.title == "Turkey warns Russia over Idlib"
    assert (article.published, article.published_origin) == (date(2018, 8, 29), "email")
    assert article.text.split("\n\n") == BODY[1:]
    assert "Hezbollah" not in article.text


def test_eml_prefers_plain_text_over_html(tmp_path):
    article = load_file(write(tmp_path, "x.eml", make_eml(plain=LEAD, html="<p>HTML version only.</p>")))
    assert article.text == LEAD


def test_eml_html_body_goes_through_the_web_page_path(tmp_path):
    html = (f"<html><body><nav><a href='/'>Home</a> <a href='/x'>World</a></nav><article><h1>{BODY[0]}</h1>"
            + "".join(f"<p>{p}</p>" for p in BODY[1:3]) + "</article></body></html>")
    article = load_file(write(tmp_path, "x.eml", make_eml(html=html)))
    assert article.title == "Turkey warns Russia over Idlib"
    assert LEAD in article.text and "Home" not in article.text
    assert article.published_origin == "email"


def test_eml_html_body_too_short_for_main_text_extraction_is_still_read(tmp_path):
    article = load_file(write(tmp_path, "x.eml", make_eml(html=f"<html><body><p>{LEAD}</p></body></html>")))
    assert (article.text, article.title, article.published_origin) == (LEAD, "Turkey warns Russia over Idlib", "email")


@pytest.mark.parametrize(
    "sent, name, expected",
    [
        ("Wed, 29 Aug 2018 23:30:00 -0500", "x.eml", (date(2018, 8, 29), "email")),
        (None, "2018-08-30-x.eml", (date(2018, 8, 30), "filename")),
        ("not a date at all", "x.eml", (None, "unknown")),
        (None, "x.eml", (None, "unknown")),
    ],
)
def test_eml_date_header(tmp_path, sent, name, expected):
    article = load_file(write(tmp_path, name, make_eml(plain=LEAD, sent=sent)))
    assert (article.published, article.published_origin) == expected


@pytest.mark.parametrize(
    "subject, expected",
    [("Re: Fwd: Idlib talks", "Idlib talks"), ("FW: Idlib talks", "Idlib talks"), (None, LEAD),
     ("", LEAD), ("Refugees: Idlib", "Refugees: Idlib")],
)
def test_eml_subject_as_title(tmp_path, subject, expected):
    assert load_file(write(tmp_path, "x.eml", make_eml(plain=LEAD, subject=subject))).title == expected


def forward(cover, inner_bytes):
    import email
    from email import policy

    outer = EmailMessage()
    outer["Subject"] = "Fwd: have a look"
    outer["Date"] = "Thu, 30 Aug 2018 09:00:00 +0000"
    if cover is not None:
        outer.set_content(cover)
    outer.add_attachment(email.message_from_bytes(inner_bytes, policy=policy.default))
    return outer.as_bytes()


ORIGINAL = make_eml(plain=LEAD, subject="Turkey warns", sent="Tue, 28 Aug 2018 09:00:00 +0000")
LONG_NOTE = "My own long report. " * 20


@pytest.mark.parametrize(
    "data, title, published, text",
    [
        (forward(None, ORIGINAL), "Turkey warns", date(2018, 8, 28), LEAD),
        (forward("FYI, see the attached.", ORIGINAL), "Turkey warns", date(2018, 8, 28), LEAD),
        (forward(LONG_NOTE, ORIGINAL), "have a look", date(2018, 8, 30), LONG_NOTE.strip()),
        (forward("FYI, see the attached.", make_eml()), "have a look", date(2018, 8, 30), "FYI, see the attached."),
    ],
    ids=["attachment-only", "cover-note", "long-body-wins", "empty-attached-mail"],
)
def test_eml_forwarded_as_attachment(tmp_path, data, title, published, text):
    article = load_file(write(tmp_path, "x.eml", data))
    assert (article.title, article.published, article.text) == (title, published, text)


def test_eml_with_a_wrong_charset_still_reads(tmp_path):
    raw = (b"Subject: Idlib\r\nContent-Type: text/plain; charset=x-unknown-charset\r\n\r\n"
           + "Turkey\u2019s warning on Idlib.".encode("cp1252"))
    assert load_file(write(tmp_path, "x.eml", raw)).text == "Turkey\u2019s warning on Idlib."


def test_load_paths_reads_every_format_in_a_folder(tmp_path):
    write(tmp_path, "a.pdf", make_pdf([BODY[:2]]))
    write(tmp_path, "b.docx", make_docx(docx_paragraph(BODY[2])))
    write(tmp_path, "c.eml", make_eml(plain=BODY[3]))
    write(tmp_path, "d.pdf", GOOD_PDF[:40])
    report = load_paths([tmp_path])
    assert [a.source.rsplit("/", 1)[-1] for a in report.articles] == ["a.pdf", "b.docx", "c.eml"]
    assert len(report.problems) == 1 and "d.pdf" in report.problems[0] and "E110" in report.problems[0]


FUZZ_SAMPLES = {
    ".pdf": make_pdf(wrapped_pages(BODY * 3, per_page=8), {"Title": "T", "CreationDate": "D:20180901"}),
    ".docx": make_docx("".join(docx_paragraph(p) for p in BODY * 3), title="T", created="2018-09-01T00:00:00Z"),
    ".eml": make_eml(plain="\n\n".join(BODY), html=f"<p>{LEAD}</p>", attachment=True),
}


@pytest.mark.parametrize("suffix", sorted(FUZZ_SAMPLES))
@pytest.mark.parametrize("seed", range(20))
def test_damaged_files_give_an_article_or_a_coded_message_never_a_traceback(tmp_path, suffix, seed):
    import random

    rng = random.Random(seed)
    data = bytearray(FUZZ_SAMPLES[suffix])
    if seed % 3 == 0:
        del data[rng.randrange(len(data)):]
    elif seed % 3 == 1:
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    else:
        at, source = rng.randrange(len(data)), rng.randrange(len(data))
        data[at:at] = data[source:source + rng.randint(1, 200)]
    try:
        article = load_file(write(tmp_path, "damaged" + suffix, bytes(data)))
    except UserFacingError as exc:
        assert str(exc).endswith("]") and "damaged" + suffix in str(exc)
    else:
        assert article.text.strip()
