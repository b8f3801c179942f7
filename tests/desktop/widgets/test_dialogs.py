"""Opening articles: the file dialog and the empty state name every format core.ingest reads."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".pdf", ".docx", ".eml", ".standpoint"])
def test_open_dialog_offers_every_readable_format(suffix):
    from desktop.widgets.dialogs import open_filter

    first = open_filter(".standpoint").split(";;")[0]
    assert f"*{suffix}" in first.split("(")[1].rstrip(")").split()


def test_empty_state_names_the_formats_it_reads(qtbot):
    from PySide6.QtWidgets import QLabel

    from desktop.app.empty_state import EmptyState

    empty = EmptyState()
    qtbot.addWidget(empty)
    text = " ".join(label.text() for label in empty.findChildren(QLabel))
    for word in ("PDF", "Word", "e-mail", "HTML"):
        assert word in text
