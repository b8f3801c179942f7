"""Web pages: body without the title, the declared charset honoured, the original date, the language,
and pages that are not articles flagged (small pages written for these tests)."""
from __future__ import annotations

from datetime import date

import pytest

from core.ingest import load_file
from core.ingest.html import declared_charset
from core.ingest.page_kind import BOT_CHECK, LINK_LIST

BODY = ("<p>ANKARA, Sept 4, 2018 - Turkey warned Russia on Tuesday that a Syrian government offensive on Idlib "
        "would cause a humanitarian catastrophe, the foreign ministry said in a statement.</p>"
        "<p>Foreign Minister Mevlut Cavusoglu said Ankara opposed any attack on the province, home to nearly "
        "three million people, and urged Moscow to restrain its ally.</p>"
        "<p>Russian officials said on Monday that militants in Idlib had to be defeated, and that talks would "
        "continue in Geneva next week with the United Nations envoy.</p>")


def page(body: str = BODY, head: str = "", title: str = "Turkey warns Russia over Idlib", lang: str = "en") -> str:
    return (f'<!DOCTYPE html><html lang="{lang}"><head><title>{title}</title>{head}</head><body>'
            f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>{title}</h1>{body}</article>"
            "<footer>Share on Facebook</footer></body></html>")


def read(tmp_path, html: str | bytes, name: str = "page.html"):
    path = tmp_path / name
    path.write_bytes(html if isinstance(html, bytes) else html.encode("utf-8"))
    return load_file(path)


def test_title_is_the_title_and_not_glued_to_the_body(tmp_path):
    article = read(tmp_path, page())
    assert article.title == "Turkey warns Russia over Idlib"
    assert "humanitarian catastrophe" in article.text
    assert not article.text.startswith("Turkey warns Russia over Idlib\n\nTurkey warns")
    assert article.language == "en" and article.not_article == ""


def test_original_publication_date_not_the_modified_one(tmp_path):
    head = ('<meta property="article:published_time" content="2018-09-04T08:00:00+03:00">'
            '<meta property="article:modified_time" content="2018-09-07T10:00:00+03:00">')
    article = read(tmp_path, page(head=head))
    assert article.published == date(2018, 9, 4) and article.published_origin == "metadata"


@pytest.mark.parametrize("encoding, word", [("windows-1250", "powiedzia\u0142"), ("koi8-r", "\u0437\u0430\u044f\u0432\u0438\u043b"),
                                            ("shift_jis", "\u767a\u8868")])
def test_declared_charset_is_honoured(tmp_path, encoding, word):
    html = page(body=f"<p>{word} " * 60 + "</p>", head=f'<meta charset="{encoding}">', title=word)
    article = read(tmp_path, html.encode(encoding))
    assert word in article.text


def test_a_page_declaring_utf8_with_one_bad_byte_keeps_its_letters(tmp_path):
    html = page(body="<p>Standardausf\u00fchrung " * 40 + "</p>", head='<meta charset="utf-8">', lang="de")
    data = html.encode("utf-8").replace(b"</footer>", b"\xff</footer>")
    article = read(tmp_path, data)
    assert "Standardausf\u00fchrung" in article.text and "\u00c3\u00bc" not in article.text


@pytest.mark.parametrize("data, expected", [
    (b'<meta charset="windows-1250">', "windows-1250"), (b"<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-2'>", "ISO-8859-2"),
    (b'<?xml version="1.0" encoding="koi8-r"?>', "koi8-r"), (b"<p>no declaration</p>", None),
])
def test_declared_charset(data, expected):
    assert declared_charset(data) == expected


def test_non_english_articles_are_kept_with_text_title_and_date(tmp_path):
    body = ("<p>Die Bundesregierung hat am Dienstag beschlossen, die Sanktionen gegen Russland um sechs Monate zu "
            "verl\u00e4ngern. Au\u00dfenminister Heiko Maas sagte, es gebe keine Alternative zu weiteren Gespr\u00e4chen "
            "mit Moskau und Kiew.</p><p>Frankreich unterst\u00fctzte die Entscheidung, w\u00e4hrend Ungarn Zweifel "
            "\u00e4u\u00dferte, ob die Ma\u00dfnahmen wirkten.</p>") * 2
    head = '<meta property="article:published_time" content="2019-03-12">'
    article = read(tmp_path, page(body=body, head=head, title="Sanktionen verl\u00e4ngert", lang="de"))
    assert article.language == "de" and article.published == date(2019, 3, 12)
    assert article.title == "Sanktionen verl\u00e4ngert" and "Bundesregierung" in article.text


def test_non_english_article_gets_a_note_and_nothing_extracted(tmp_path, pipeline):
    from core.pipeline import analyse_all

    body = ("<p>Le gouvernement fran\u00e7ais a annonc\u00e9 mardi de nouvelles mesures contre la Russie. Le "
            "ministre des affaires \u00e9trang\u00e8res a d\u00e9clar\u00e9 que la France soutenait l'Ukraine.</p>") * 3
    article = read(tmp_path, page(body=body, title="La France soutient l'Ukraine", lang="fr"))
    [result] = analyse_all([article], pipeline)
    assert article.language == "fr"
    assert result.actors == () and result.statements == () and result.timexes == () and result.sentences
    assert any("[W005]" in note and "French" in note for note in result.notes)


def test_a_bot_check_page_is_flagged(tmp_path):
    body = ("<h2>Checking your browser before accessing the site.</h2><p>This process is automatic. Please "
            "enable JavaScript and cookies to continue.</p><p>Request unsuccessful. Incapsula incident ID: "
            "12345-67890</p>")
    article = read(tmp_path, page(body=body, title="Just a moment..."))
    assert article.not_article == BOT_CHECK


def test_an_index_page_of_links_is_flagged(tmp_path):
    links = "".join(f"<li><a href='/news/{i}'>Headline number {i} about the talks in Geneva today</a></li>"
                    for i in range(40))
    article = read(tmp_path, f"<html><head><title>World news</title></head><body><ul>{links}</ul></body></html>")
    assert article.not_article == LINK_LIST


def test_not_article_page_gets_a_note_and_nothing_extracted(tmp_path, pipeline):
    from core.pipeline import analyse_all

    body = "<p>Access denied. You do not have permission to access this page on this server. Reference #18.</p>"
    article = read(tmp_path, page(body=body, title="Access Denied"))
    [result] = analyse_all([article], pipeline)
    assert result.statements == () and any("[W006]" in note for note in result.notes)
