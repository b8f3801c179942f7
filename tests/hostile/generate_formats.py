"""Hostile Word, PDF and e-mail files: zip bombs, deep nesting, XXE, encryption, damaged structure."""
from __future__ import annotations

import base64

from tests.hostile.builders import (
    CORE,
    RELS,
    W,
    bomb_entry,
    deflated_entry,
    document_xml,
    package_entries,
    paragraph,
    raw_zip,
    repeated_deflate,
    simple_docx,
    simple_pdf,
    stream,
    text_stream,
    zlib_stream,
)
from tests.hostile.common import Builder, article, sentence

LEAD = "Russia said on Wednesday it opposed the offensive. Turkey warned Iran on Friday."
GIB2 = 2048  # repetitions of a 1 MiB chunk


def _paras(n: int = 4) -> str:
    return "".join(paragraph(LEAD) for _ in range(n))


def docx_cases(b: Builder) -> None:
    cat = "docx"
    good = _paras()
    for depth in (1_500, 10_000, 100_000):
        b.file("nesting", f"docx-run-nesting-{depth}", "nested.docx",
               simple_docx("<w:p>" + "<w:r>" * depth + f"<w:t>{LEAD}</w:t>" + "</w:r>" * depth + "</w:p>" + good),
               expect="result", note=f"runs nested {depth:,} deep inside a paragraph")
        b.file("nesting", f"docx-sdt-nesting-{depth}", "sdt.docx",
               simple_docx("<w:sdt><w:sdtContent>" * depth + good + "</w:sdtContent></w:sdt>" * depth),
               expect="result", note=f"content controls nested {depth:,} deep around the paragraphs")
    b.file("nesting", "docx-textbox-nesting-1500", "box.docx",
           simple_docx("<w:p><w:r><w:txbxContent>" * 1_500 + good + "</w:txbxContent></w:r></w:p>" * 1_500),
           expect="result", note="text boxes nested 1,500 deep")
    # Zip bombs: one honest but huge text part, parts declaring 2 GiB, a part lying about its size.
    big_doc = bomb_entry("word/document.xml", f"<w:document {W}><w:body>".encode(),
                         (paragraph(LEAD) * 12_000).encode(), 60, b"</w:body></w:document>")
    b.file("zip-bomb", "docx-bomb-60mb-paragraphs", "bomb.docx",
           raw_zip([e if e[0] != "word/document.xml" else big_doc for e in package_entries(b"")]),
           note="a 100 KB file whose text part unpacks to 60 MB of paragraphs (under the 64 MB part limit)")
    zeros, zcrc = repeated_deflate(b" " * 2**20, GIB2)
    for part, label in (("word/document.xml", "main"), ("docProps/core.xml", "core"), ("_rels/.rels", "rels"),
                        ("[Content_Types].xml", "types")):
        entries = [e for e in package_entries(document_xml(good).encode()) if e[0] != part]
        entries.append((part, zeros, 8, zcrc, GIB2 * 2**20, 0, -1))
        b.file("zip-bomb", f"docx-2gib-{label}-part", "bomb.docx", raw_zip(entries),
               note=f"{part} declares and unpacks to 2 GiB (a 2 MB file)")
    entries = package_entries(document_xml(good).encode())
    name, data, method, crc0, _size, flags, csize = entries[2]
    entries[2] = (name, data, method, crc0, 100, flags, csize)
    b.file(cat, "docx-lies-small-size", "lie.docx", raw_zip(entries), note="a part declaring fewer bytes than it holds")
    entries = package_entries(document_xml(good).encode())
    entries[2] = entries[2][:3] + (entries[2][3] ^ 0xFFFF,) + entries[2][4:]
    b.file(cat, "docx-bad-crc", "crc.docx", raw_zip(entries), note="a wrong CRC")
    entries = package_entries(document_xml(good).encode())
    entries[2] = entries[2][:5] + (1,) + entries[2][6:]
    b.file(cat, "docx-encrypted-entry", "enc.docx", raw_zip(entries), note="the text part flagged as encrypted")
    entries = package_entries(document_xml(good).encode())
    entries[2] = entries[2][:2] + (99,) + entries[2][3:]
    b.file(cat, "docx-aes-method-99", "aes.docx", raw_zip(entries), note="compression method 99 (AES)")
    entries = package_entries(document_xml(good).encode())
    entries[2] = entries[2][:2] + (77,) + entries[2][3:]
    b.file(cat, "docx-unknown-method", "m.docx", raw_zip(entries), note="an unknown compression method")
    b.file(cat, "docx-bzip2", "bz.docx", simple_docx_method(good, 12), expect="result", note="bzip2 entries")
    b.file(cat, "docx-lzma", "lz.docx", simple_docx_method(good, 14), expect="result", note="LZMA entries")
    b.file(cat, "docx-stored", "st.docx", simple_docx_method(good, 0), expect="result", note="stored entries")
    b.file(cat, "docx-empty-file", "e.docx", b"PK", note="two bytes")
    b.file(cat, "docx-text-file", "t.docx", LEAD, note="plain text named .docx")
    whole = simple_docx(good)
    b.file(cat, "docx-truncated", "t.docx", whole[: len(whole) // 2], note="cut in half")
    b.file(cat, "docx-no-central-directory", "n.docx", whole[: whole.rfind(b"PK\x01\x02")],
           note="central directory missing")
    b.file(cat, "docx-missing-document", "m.docx", simple_docx(good, target="word/other.xml",
                                                               rels=RELS.format(target="word/document.xml")),
           note="relationships name a part that is not there")
    b.file(cat, "docx-rels-traversal", "r.docx", simple_docx(good, rels=RELS.format(target="../../../etc/passwd")),
           note="relationships target ../../../etc/passwd")
    b.file(cat, "docx-rels-absolute-core", "c.docx", simple_docx(good, rels=RELS.format(target="/docProps/core.xml")),
           note="main part is the core properties")
    b.file(cat, "docx-rels-not-xml", "x.docx", simple_docx(good, rels="<Relationships"), note="broken .rels")
    b.file(cat, "docx-rels-10k", "r10k.docx", simple_docx(good, rels=RELS.format(target="word/document.xml")
                                                          .replace("</Relationships>", "<Relationship/>" * 10_000
                                                                   + "</Relationships>")),
           expect="result", note="10,000 relationships")
    b.file(cat, "docx-ole-header", "o.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000,
           note="an old .doc / encrypted Office file")
    b.file(cat, "docx-document-not-xml", "n.docx", docx_raw_document(b"this is not xml <<<"), note="text part not XML")
    b.file(cat, "docx-document-bad-utf8", "u.docx",
           docx_raw_document(document_xml(good).encode().replace(b"Russia", b"Ru\xff\xfesia")),
           note="text part with invalid UTF-8")
    b.file(cat, "docx-document-utf16", "u16.docx",
           docx_raw_document(('<?xml version="1.0" encoding="UTF-16"?>' + document_xml(good)).encode("utf-16")),
           expect="result", note="text part in UTF-16")
    b.file(cat, "docx-namespaces-100k", "ns.docx",
           docx_raw_document(f"<w:document {W} ".encode() + b" ".join(b'xmlns:n%d="urn:%d"' % (i, i)
                                                                        for i in range(100_000))
                             + f"><w:body>{good}</w:body></w:document>".encode()),
           expect="result", note="100,000 namespace declarations")
    b.file(cat, "docx-entries-60k", "many.docx", raw_zip(package_entries(document_xml(good).encode())
                                                         + [deflated_entry(f"junk/{i}.xml", b"<x/>")
                                                            for i in range(60_000)]),
           expect="result", note="60,000 parts")
    b.file(cat, "docx-duplicate-names", "dup.docx", raw_zip(package_entries(document_xml(good).encode())
                                                            + [deflated_entry("word/document.xml", b"<evil")]),
           note="the text part twice, the second broken")
    b.file(cat, "docx-zip-slip-names", "slip.docx", raw_zip(package_entries(document_xml(good).encode())
                                                            + [deflated_entry("../../../../tmp/evil.txt", b"x"),
                                                               deflated_entry("/etc/evil", b"x")]),
           expect="result", note="part names that climb out of a folder")
    b.file(cat, "docx-comment-64k", "c.docx", raw_zip(package_entries(document_xml(good).encode()),
                                                      comment=b"\x1b[2J" * 16_000),
           expect="result", note="a 64 KB zip comment of escape codes")
    b.file(cat, "docx-million-paragraphs", "mil.docx", simple_docx(paragraph("Go.") * 1_000_000),
           expect="result", note="a million tiny paragraphs")
    b.file(cat, "docx-title-formula-escape", "t.docx",
           simple_docx(good, core=CORE.format(title="=1+1\x1b]0;pwned\x07")), expect="result",
           note="a formula and an escape in the document title")
    b.file(cat, "docx-nested-docx", "nest.docx", simple_docx(good, extra={"word/embeddings/inner.docx":
                                                                          simple_docx(good)}),
           expect="result", note="a Word file inside a Word file")


def simple_docx_method(body: str, method: int) -> bytes:
    from tests.hostile.builders import docx
    return docx({"[Content_Types].xml": "<Types/>", "_rels/.rels": RELS.format(target="word/document.xml"),
                 "word/document.xml": document_xml(body), "docProps/core.xml": CORE.format(title="T")},
                method=method)


def docx_raw_document(document: bytes) -> bytes:
    return raw_zip(package_entries(document))


def xxe_cases(b: Builder) -> None:
    cat = "xxe"
    secret = b.secret.as_uri()
    good = _paras()
    dtds = {
        "file-passwd": '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        "file-secret": f'<!DOCTYPE d [<!ENTITY x SYSTEM "{secret}">]>',
        "http": '<!DOCTYPE d [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]>',
        "parameter": f'<!DOCTYPE d [<!ENTITY % p SYSTEM "{secret}"> %p;]>',
        "billion-laughs": "<!DOCTYPE d [<!ENTITY a \"lol\">" + "".join(
            f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)) + "]>",
        "quadratic": '<!DOCTYPE d [<!ENTITY x "' + "A" * 100_000 + '">]>',
    }
    refs = {"billion-laughs": "&j;", "quadratic": "&x;" * 20_000, "parameter": ""}
    for label, dtd in dtds.items():
        ref = refs.get(label, "&x;")
        b.file(cat, f"docx-xxe-{label}-document", "x.docx",
               simple_docx(paragraph(ref) + good, prolog=dtd), note=f"{label} entity in the text part")
        b.file(cat, f"docx-xxe-{label}-core", "c.docx",
               simple_docx(good, core=dtd + CORE.format(title=ref)), note=f"{label} entity in the core properties")
    b.file(cat, "docx-xxe-rels", "r.docx", simple_docx(good, rels=dtds["file-passwd"] + RELS.format(target="&x;")),
           note="external entity as the relationships target")
    for label in ("file-passwd", "file-secret", "billion-laughs"):
        dtd, ref = dtds[label], refs.get(label, "&x;")
        b.file(cat, f"html-xxe-{label}", "x.html", f"{dtd}<html><body><p>{ref}</p><p>{LEAD * 4}</p></body></html>",
               expect="result", note=f"{label} entity in a web page")
        b.file(cat, f"xhtml-xxe-{label}", "x.xhtml",
               f'<?xml version="1.0"?>{dtd}<html xmlns="http://www.w3.org/1999/xhtml"><body><p>{ref}</p>'
               f"<p>{LEAD * 4}</p></body></html>", expect="result", note=f"{label} entity in XHTML")
    b.file(cat, "eml-xxe-html-body", "x.eml", _eml(html=f"{dtds['file-passwd']}<html><body><p>&x;</p><p>{LEAD}</p>"
                                                        "</body></html>"),
           expect="result", note="external entity in an e-mail's HTML body")
    b.file(cat, "pdf-xxe-xmp", "x.pdf", simple_pdf([text_stream([LEAD])], catalog_extra="/Metadata 99 0 R"),
           expect="result", note="metadata reference to a missing XMP object")


def pdf_cases(b: Builder) -> None:
    cat = "pdf"
    page = text_stream([LEAD, LEAD])
    rng = b.rng
    o, u = bytes(rng.randrange(256) for _ in range(32)), bytes(rng.randrange(256) for _ in range(32))
    encrypts = {
        "rc4-user-password": f"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <{o.hex()}> /U <{u.hex()}> >>",
        "aes256": f"<< /Filter /Standard /V 5 /R 6 /Length 256 /P -4 /O <{(o * 2)[:48].hex()}> "
                  f"/U <{(u * 2)[:48].hex()}> /OE <{o.hex()}> /UE <{u.hex()}> /Perms <{o[:16].hex()}> "
                  "/CF << /StdCF << /CFM /AESV3 /AuthEvent /DocOpen /Length 32 >> >> /StmF /StdCF /StrF /StdCF >>",
        "unknown-filter": "<< /Filter /FooSecurity /V 9 /R 9 >>",
        "broken-dict": "<< /Filter /Standard /V 2 /R 3 >>",
    }
    for label, enc in encrypts.items():
        data = simple_pdf([page])
        data = _add_encrypt(data, enc)
        b.file(cat, f"pdf-encrypted-{label}", "enc.pdf", data, note=f"encrypted PDF ({label})")
    full = simple_pdf([page])
    b.file(cat, "pdf-truncated", "t.pdf", full[: len(full) // 2], note="cut in half")
    b.file(cat, "pdf-header-only", "h.pdf", b"%PDF-1.7\n", note="a header only")
    b.file(cat, "pdf-no-xref", "n.pdf", full[: full.rfind(b"xref")], note="no xref table or trailer")
    b.file(cat, "pdf-wrong-startxref", "w.pdf", full.replace(b"startxref\n", b"startxref\n9"),
           note="startxref pointing past the end")
    b.file(cat, "pdf-kids-loop", "loop.pdf", full.replace(b"/Kids [", b"/Kids [2 0 R "),
           note="the page tree contains itself")
    b.file(cat, "pdf-count-huge", "c.pdf", simple_pdf([page], count="999999999"), note="/Count 999999999 with one page")
    b.file(cat, "pdf-count-negative", "c.pdf", simple_pdf([page], count="-5"), expect="result", note="/Count -5")
    b.file(cat, "pdf-count-string", "c.pdf", simple_pdf([page], count="(abc)"), expect="result", note="/Count (abc)")
    b.file(cat, "pdf-pages-201", "p.pdf", simple_pdf([text_stream([sentence(rng) for _ in range(12)])
                                                      for _ in range(201)]), note="201 pages")
    b.file(cat, "pdf-pages-200", "p.pdf", simple_pdf([text_stream([sentence(rng) for _ in range(12)])
                                                      for _ in range(200)]),
           expect="result", note="200 pages (the limit)")
    b.file(cat, "pdf-nested-arrays-100k", "a.pdf", simple_pdf([b"[" * 100_000 + b"]" * 100_000 + b"\n" + page]),
           expect="result", note="100,000 nested arrays in a content stream")
    b.file(cat, "pdf-nested-dicts-100k", "d.pdf", simple_pdf([page], catalog_extra="/X " + "<< /A " * 100_000
                                                             + ">> " * 100_000), note="100,000 nested dictionaries")
    b.file(cat, "pdf-text-ops-100k", "ops.pdf", simple_pdf([text_stream(["Go."] * 100_000)]), expect="result",
           note="100,000 text operators on one page")
    bomb = stream(zlib_stream(b"(Russia said on Monday it opposed the plan.) Tj T*\n" * 20_000, 70),
                  "/Filter /FlateDecode")
    b.file("zip-bomb", "pdf-flate-bomb-10-pages", "bomb.pdf", simple_pdf([bomb] * 10, raw_streams=True),
           note="10 pages, each a 70 MB text stream packed into 70 KB")
    b.file("zip-bomb", "pdf-flate-bomb-1gib", "z.pdf",
           simple_pdf([stream(zlib_stream(b"\x00" * 2**20, 1024), "/Filter /FlateDecode")], raw_streams=True),
           note="a 1 GiB stream of NULs (over pypdf's 75 MB cap)")
    b.file(cat, "pdf-length-self-reference", "len.pdf",
           simple_pdf([b"<< /Length 99 0 R >>\nstream\n" + page + b"\nendstream"], raw_streams=True),
           note="/Length refers to a missing object")
    b.file(cat, "pdf-image-only", "scan.pdf", simple_pdf([b"q 612 0 0 792 0 0 cm /Im1 Do Q"]), note="no text")
    b.file(cat, "pdf-nul-bytes", "nul.pdf", b"%PDF-1.4\n" + b"\x00" * 100_000, note="a header and NULs")
    b.file(cat, "pdf-title-formula-escape", "t.pdf",
           simple_pdf([page], info="<< /Title (=HYPERLINK\\(\"http://evil\"\\)\x1b[2J) /CreationDate (D:20180904) >>"),
           expect="result", note="a formula and an escape in the PDF title")
    b.file(cat, "pdf-xref-billion", "x.pdf", full.replace(b"xref\n0 ", b"xref\n0 1000000000 "),
           note="an xref section declaring a billion entries")
    b.file(cat, "pdf-garbage-text", "g.pdf", simple_pdf([("BT /F1 11 Tf 72 760 Td <"
                                                           + "".join(f"{rng.randrange(256):02x}" for _ in range(4000))
                                                           + "> Tj ET").encode()]),
           note="random glyph codes")
    b.file(cat, "pdf-javascript", "js.pdf", simple_pdf([page], catalog_extra="/OpenAction << /S /JavaScript "
                                                       "/JS (app.alert\\(1\\)) >>"), expect="result",
           note="an OpenAction script")
    escaped_line = "Russia\x1b[2J said on Monday it opposed the plan."
    b.file(cat, "pdf-text-escape-in-body", "e.pdf", simple_pdf([text_stream([escaped_line])]),
           expect="result", note="an escape sequence in the page text")


def _add_encrypt(data: bytes, enc: str) -> bytes:
    """Append an /Encrypt object to a PDF by an incremental update."""
    start = data.rfind(b"startxref\n") + len(b"startxref\n")
    prev = int(data[start:data.find(b"\n", start)])
    size = int(data[data.rfind(b"/Size ") + 6:].split()[0])
    root = data[data.rfind(b"/Root ") + 6:].split()[0].decode()
    offset = len(data)
    obj = f"{size} 0 obj\n{enc}\nendobj\n".encode()
    xref = offset + len(obj)
    tail = (f"xref\n{size} 1\n{offset:010d} 00000 n \ntrailer\n<< /Size {size + 1} /Root {root} 0 R "
            f"/Encrypt {size} 0 R "
            f"/Prev {prev} /ID [<{'ab' * 16}> <{'ab' * 16}>] >>\nstartxref\n{xref}\n%%EOF\n").encode()
    return data + obj + tail


def _eml(plain=None, html=None, subject="Turkey warns Russia") -> bytes:
    """A mail written byte by byte: the email package's own writer is quadratic in a long header."""
    head = (f"From: desk@example.org\nDate: Tue, 04 Sep 2018 10:15:00 +0300\nSubject: {subject}\n"
            "MIME-Version: 1.0\n").encode()
    if plain is not None and html is not None:
        return head + (f"Content-Type: multipart/alternative; boundary=alt\n\n--alt\n"
                       f"Content-Type: text/plain; charset=utf-8\n\n{plain}\n--alt\n"
                       f"Content-Type: text/html; charset=utf-8\n\n{html}\n--alt--\n").encode()
    kind, content = ("plain", plain) if plain is not None else ("html", html)
    return head + f"Content-Type: text/{kind}; charset=utf-8\n\n{content}\n".encode()


HEAD = (b"From: desk@example.org\nDate: Tue, 04 Sep 2018 10:15:00 +0300\nSubject: Turkey warns Russia\n"
        b"MIME-Version: 1.0\n")


def eml_cases(b: Builder) -> None:
    cat = "eml"
    body = article(b.rng)
    for depth in (50, 500, 5_000):
        parts = b"".join(b"--b%d\nContent-Type: multipart/mixed; boundary=b%d\n\n" % (i, i + 1) for i in range(depth))
        data = HEAD + b"Content-Type: multipart/mixed; boundary=b0\n\n" + parts + \
            b"--b%d\nContent-Type: text/plain\n\n%s\n--b%d--\n" % (depth, body.encode(), depth) + \
            b"".join(b"--b%d--\n" % i for i in reversed(range(depth)))
        b.file("nesting", f"eml-multipart-nesting-{depth}", "nested.eml", data, expect="result",
               note=f"{depth:,} nested multiparts")
    for depth in (100, 1_000):
        inner = HEAD + b"Content-Type: text/plain\n\n" + body.encode()
        for _ in range(depth):
            inner = HEAD + b"Content-Type: message/rfc822\n\n" + inner
        b.file("nesting", f"eml-rfc822-nesting-{depth}", "fwd.eml", inner, expect="result",
               note=f"a mail forwarded {depth:,} times as an attachment")
    parts = b"".join(b"--b\nContent-Type: text/plain\n\nGo.\n" for _ in range(100_000))
    b.file(cat, "eml-parts-100k", "many.eml",
           HEAD + b"Content-Type: multipart/mixed; boundary=b\n\n" + parts + b"--b--\n",
           expect="result", note="100,000 parts")
    b.file(cat, "eml-boundary-unclosed", "u.eml", HEAD + b"Content-Type: multipart/mixed; boundary=b\n\n--b\n"
           b"Content-Type: text/plain\n\n" + body.encode(), expect="result", note="closing boundary missing")
    b.file(cat, "eml-boundary-missing", "m.eml", HEAD + b"Content-Type: multipart/mixed\n\n" + body.encode(),
           expect="result", note="multipart without a boundary parameter")
    b.file(cat, "eml-unknown-charset", "c.eml", HEAD + b"Content-Type: text/plain; charset=x-no-such\n\n"
           + body.encode(), expect="result", note="an unknown charset")
    b.file(cat, "eml-utf16-odd", "c16.eml", HEAD + b"Content-Type: text/plain; charset=utf-16\n"
           b"Content-Transfer-Encoding: base64\n\n" + base64.encodebytes(body.encode("utf-16") + b"A"),
           expect="result", note="a UTF-16 body with an odd byte count")
    b.file(cat, "eml-base64-garbage", "b.eml", HEAD + b"Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\n"
           + b"!!!***@@@" * 1000, note="base64 that is not")
    b.file(cat, "eml-qp-garbage", "q.eml", HEAD + b"Content-Type: text/plain\nContent-Transfer-Encoding: "
           b"quoted-printable\n\n" + b"=ZZ=\n=" * 5000 + body.encode(), expect="result", note="broken quoted-printable")
    b.file(cat, "eml-subject-1mb", "s.eml", _eml(plain=body, subject="Turkey " * 150_000), expect="result",
           note="a 1 MB subject")
    b.file(cat, "eml-subject-encoded-words-10k", "w.eml", HEAD.replace(b"Subject: Turkey warns Russia",
           b"Subject: " + b" ".join(b"=?utf-8?q?Turkey_=E2=80=9C?=" for _ in range(10_000)))
           + b"Content-Type: text/plain\n\n" + body.encode(), expect="result",
           note="10,000 encoded words in the subject")
    b.file(cat, "eml-headers-100k", "h.eml", HEAD + b"".join(b"X-H%d: v\n" % i for i in range(100_000))
           + b"Content-Type: text/plain\n\n" + body.encode(), expect="result", note="100,000 headers")
    b.file(cat, "eml-from-10k-addresses", "f.eml", HEAD.replace(b"From: desk@example.org", b"From: " + b", ".join(
           b'"Name %d" <a%d@example.org>' % (i, i) for i in range(10_000))) + b"Content-Type: text/plain\n\n"
           + body.encode(), expect="result", note="10,000 sender addresses")
    b.file(cat, "eml-content-type-params-10k", "p.eml", HEAD + b"Content-Type: text/plain; " + b"; ".join(
           b"p%d*%d*=utf-8''x" % (i, i) for i in range(10_000)) + b"\n\n" + body.encode(), expect="result",
           note="10,000 RFC 2231 parameters")
    b.file(cat, "eml-date-garbage", "d.eml", HEAD.replace(b"Tue, 04 Sep 2018 10:15:00 +0300", b"Tue, 99 Foo 99999 "
           b"99:99:99 +9999") + b"Content-Type: text/plain\n\n" + body.encode(), expect="result",
           note="an impossible Date header")
    b.file(cat, "eml-attachment-only", "a.eml", HEAD + b"Content-Type: multipart/mixed; boundary=b\n\n--b\n"
           b"Content-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\nAAAA\n--b--\n",
           note="an attachment and no text")
    b.file(cat, "eml-empty-body", "e.eml", HEAD + b"\n", note="headers only")
    b.file(cat, "eml-random-bytes", "r.eml", bytes(b.rng.randrange(256) for _ in range(20_000)),
           note="random bytes named .eml")
    b.file(cat, "eml-subject-escape-formula", "x.eml", _eml(plain=body, subject="=1+1 \x1b]0;pwned\x07"),
           expect="result", note="formula and escape in the subject (the title)")
    b.file(cat, "eml-html-attributes-100k", "h.eml", _eml(html="<html><body><p " + " ".join(
           f'a{i}="{i}"' for i in range(100_000)) + f">{LEAD * 4}</p></body></html>"), expect="result",
           note="an HTML body with an element of 100,000 attributes")
    b.file(cat, "eml-line-1mb", "l.eml", HEAD + b"Content-Type: text/plain\n\n" + b"Russia warned Turkey " * 50_000,
           expect="result", note="a 1 MB body line")


def generate(b: Builder) -> None:
    for part in (docx_cases, xxe_cases, pdf_cases, eml_cases):
        part(b)
