"""Reading articles from files: formats, encodings, bad input, publication dates, duplicates."""
from datetime import date
from pathlib import Path

import pytest

from core.ingest import article_from_text, article_id_for, decode_bytes, load_file, load_paths, parse_user_date
from core.ingest.html import article_from_html, html_to_text
from core.messages import UserFacingError

ROOT = Path(__file__).resolve().parents[3]
BODY = "Turkey warned against the offensive on Wednesday.\n\nRussia backs it."


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


@pytest.mark.parametrize(
    "data",
    [BODY.encode("utf-8"), b"\xef\xbb\xbf" + BODY.encode("utf-8"), BODY.encode("utf-16"), BODY.encode("cp1252")],
    ids=["utf8", "utf8-bom", "utf16", "cp1252"],
)
def test_encodings_decode_to_the_same_text(data):
    assert decode_bytes(data) == BODY


def test_cp1252_curly_quotes_decode():
    assert decode_bytes("\u201cWe are concerned,\u201d she said.".encode("cp1252")) == "\u201cWe are concerned,\u201d she said."


@pytest.mark.parametrize(
    "name, data, code",
    [
        ("empty.txt", b"", "E103"),
        ("blank.txt", b"  \n\n \t", "E103"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10, "E104"),
        ("photo.png", b"\x89PNG", "E106"),
        ("only-furniture.txt", b"Send in e-mail\n\nShare on Facebook\n", "E103"),
    ],
)
def test_bad_files_raise_a_clear_message(tmp_path, name, data, code):
    with pytest.raises(UserFacingError) as info:
        load_file(write(tmp_path, name, data))
    assert code in str(info.value)
    assert name in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(UserFacingError, match="E101"):
        load_file(tmp_path / "nope.txt")


def test_huge_file_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr("core.ingest.limits.MAX_BYTES", 100)
    with pytest.raises(UserFacingError, match="E105"):
        load_file(write(tmp_path, "big.txt", "word " * 100))


def test_load_paths_keeps_good_files_and_reports_bad_ones(tmp_path):
    write(tmp_path, "a.txt", BODY)
    write(tmp_path, "b.txt", b"\x00\x01\x02 binary")
    write(tmp_path, "c.md", "Iran supports Damascus.")
    write(tmp_path, "a-copy.txt", BODY)  # same text: a duplicate
    report = load_paths([tmp_path])
    assert sorted(a.text for a in report.articles) == sorted([BODY, "Iran supports Damascus."])
    assert len(report.problems) == 1 and "b.txt" in report.problems[0]
    assert len(report.skipped) == 1 and "I107" in report.skipped[0]


def test_known_ids_are_skipped_as_duplicates(tmp_path):
    path = write(tmp_path, "a.txt", BODY)
    first = load_paths([path])
    again = load_paths([path], known_ids=[a.id for a in first.articles])
    assert again.articles == [] and len(again.skipped) == 1


def test_article_id_ignores_whitespace_and_case():
    assert article_id_for("Turkey  warned\n") == article_id_for("turkey warned")


def test_seed_reads_its_sidecar_publication_date():
    article = load_file(ROOT / "seeds" / "idlib-offensive-2018.txt")
    assert article.published == date(2018, 8, 29)
    assert article.published_origin == "sidecar"
    assert article.title.startswith("Assad Offensive on Syria")
    assert "LOG IN" not in article.text


def test_title_is_first_short_line(tmp_path):
    article = load_file(write(tmp_path, "x.txt", "Turkey Warns Russia\n\n" + BODY))
    assert article.title == "Turkey Warns Russia"


def test_publication_date_from_filename(tmp_path):
    article = load_file(write(tmp_path, "2018-08-29-idlib.txt", BODY))
    assert article.published == date(2018, 8, 29)
    assert article.published_origin == "filename"


def test_article_without_any_date_is_unknown(tmp_path):
    article = load_file(write(tmp_path, "idlib.txt", BODY))
    assert article.published is None and article.published_origin == "unknown"


HTML = """<html><head><title>Turkey warns Russia over Idlib | News</title>
<meta property="article:published_time" content="2018-08-29T10:00:00Z">
<meta property="og:title" content="Turkey warns Russia over Idlib"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/login">Log in</a></nav>
<article><h1>Turkey warns Russia over Idlib</h1>
<p>Turkey has warned against a Syrian government offensive on Idlib, the last big rebel enclave in the country.</p>
<p>Russia said on Wednesday that militants there must be liquidated, with Foreign Minister Sergei Lavrov describing them as a festering abscess.</p>
<p>The United Nations said a major offensive risks forcing another 700,000 Syrians from their homes.</p>
</article><footer>Copyright 2018 Example News. All rights reserved.</footer></body></html>"""


def test_html_main_text_title_and_date():
    article = article_from_html(HTML)
    assert article.published == date(2018, 8, 29)
    assert article.published_origin == "metadata"
    assert "Turkey warns Russia over Idlib" in article.title
    assert "Turkey has warned against" in article.text
    assert "Home" not in article.text and "Copyright" not in article.text


@pytest.mark.parametrize("text, ok", [("2018-08-29", True), ("29/08/2018", False), ("2018-02-30", False), ("", False)])
def test_parse_user_date(text, ok):
    if ok:
        assert parse_user_date(text) == date(2018, 8, 29)
    else:
        with pytest.raises(UserFacingError, match="E302"):
            parse_user_date(text)


@pytest.mark.parametrize(
    "text, filename, published, expected",
    [
        (BODY, None, None, (date(2018, 9, 1), "pdf-metadata")),
        (BODY, "2018-08-30-idlib.pdf", None, (date(2018, 8, 30), "filename")),
        ("BEIRUT, Aug 29, 2018 (Reuters) - " + BODY, "2018-08-30-idlib.pdf", None, (date(2018, 8, 29), "dateline")),
        (BODY, "2018-08-30-idlib.pdf", date(2018, 8, 28), (date(2018, 8, 28), "user")),
    ],
    ids=["fallback-alone", "filename-first", "dateline-first", "given-date-first"],
)
def test_file_creation_date_is_the_last_resort(text, filename, published, expected):
    article = article_from_text(
        text, filename=filename, published=published,
        fallback_published=date(2018, 9, 1), fallback_origin="pdf-metadata",
    )
    assert (article.published, article.published_origin) == expected


@pytest.mark.parametrize(
    "html, expected",
    [
        ("<p>One &amp; two<br>three</p><div>Four <b>five</b></div>", "One & two three\n\nFour five"),
        ("Hard-wrapped<br>mail text.<br><br>Next paragraph.", "Hard-wrapped mail text.\n\nNext paragraph."),
        ("<html><head><title>T</title><style>p {}</style></head><body><p>Body.</p><script>x()</script></body>",
         "Body."),
        ("<head><title>Unclosed head<body><p>Still read.</p>", "Still read."),
        ("<table><tr><td>Cell a</td><td>cell b</td></tr></table>", "Cell a cell b"),
        ("plain words", "plain words"),
        ("", ""),
    ],
)
def test_html_to_text(html, expected):
    assert html_to_text(html) == expected


@pytest.mark.parametrize("name, size, slow", [("a.txt", 10, False), ("a.pdf", 10, True), ("a.docx", 10, True),
                                              ("a.eml", 10, True), ("big.txt", 600 * 1024, True)])
def test_slow_to_read(tmp_path, name, size, slow):
    from core.ingest import slow_to_read

    assert slow_to_read(write(tmp_path, name, b"x" * size)) is slow


@pytest.mark.parametrize(
    "text, title",
    [
        ("Turkey Warns Russia\n\nTurkey warned.", "Turkey Warns Russia"),
        ("1989-10-26\n\nCompaq Reports Gains\n\nCompaq said.", "Compaq Reports Gains"),
        ("HAVANA (AP) --\n\nCuba Rejects Plan\n\nCuba said.", "Cuba Rejects Plan"),
        ("By Jane Smith\n\nTalks Collapse\n\nBody.", "Talks Collapse"),
        ("Compaq Computer Corp. said that its net income rose 51% in the third quarter, bolstered by unusual "
         "gains from its investment in a disk-drive maker and reflecting continued growth in Europe.",
         "Compaq Computer Corp. said that its net income rose 51% in the third quarter, bolstered by unusual "
         "gains from its investment in a\u2026"),
    ],
)
def test_title_skips_dates_datelines_and_bylines(text, title):
    from core.ingest import article_from_text

    assert article_from_text(text).title == title
