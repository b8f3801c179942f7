"""Reading Word (.docx) and e-mail (.eml) articles: text, title, dates, forwarded mail."""
from datetime import date
from email.message import EmailMessage

import pytest

from core.ingest import load_file
from tests.core.ingest.builders import BODY, LEAD, docx_paragraph, make_docx, make_eml, write


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
