"""PDFs written by a real PDF generator (Qt's) read back as the paragraphs that went in, without page numbers."""
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QPageSize, QPdfWriter, QTextDocument

from core.ingest import load_file

SENTENCES = [
    "Turkey has warned against a Syrian government offensive on Idlib, the last big rebel enclave.",
    "Russia said on Wednesday that militants there must be liquidated.",
    "The United Nations said a major offensive risks forcing another 700,000 Syrians from their homes.",
    "Iran, which also supports Damascus, took part in the talks in Tehran.",
]


PLACES = ["Aleppo", "Hama", "Latakia", "Saraqib", "Jisr al-Shughur", "Maarat al-Numan", "Khan Sheikhoun"]


def paragraphs(count):
    """Distinct paragraphs of different lengths, so some end on a short line and some fill it."""
    return [
        f"From {PLACES[n % 7]}, report {n}: "
        + " ".join(SENTENCES[(n + k) % 4].replace("Idlib", PLACES[(n + k) % 7]) for k in range(1 + n % 4))
        for n in range(count)
    ]


def print_pdf(path: Path, body: list[str], title: str, point_size: int) -> Path:
    doc = QTextDocument()
    doc.setDefaultFont(QFont("DejaVu Sans", point_size))
    doc.setHtml(f"<h1>{title}</h1>" + "".join(f"<p>{p}</p>" for p in body))
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setTitle(title)
    doc.print_(writer)  # paginates and numbers the pages at their foot
    return path


@pytest.mark.parametrize("count, point_size", [(3, 11), (40, 11), (30, 16)], ids=["one-page", "pages", "big-type"])
def test_qt_pdf_reads_back_every_word_once_and_nearly_every_paragraph(qapp, tmp_path, count, point_size):
    body = paragraphs(count)
    article = load_file(print_pdf(tmp_path / "report.pdf", body, "Idlib talks", point_size))
    assert article.title == "Idlib talks"
    # Page numbers gone, lines cut by the page edge not doubled, words split by wrapping rejoined:
    assert article.text.split() == " ".join(["Idlib talks"] + body).split()
    # A paragraph whose last line is full and ends a page cannot be told from one that goes on.
    found = article.text.split("\n\n")
    assert sum(p in found for p in body) >= 0.9 * len(body)
    assert article.published_origin == "pdf-metadata"  # Qt stamps the creation time: the last resort
