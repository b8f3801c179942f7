"""Exporting from the window: the chosen size, a name that says what is in the file, the last folder used."""
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QImage

from core.analysis import Analysis
from desktop.app.exports import export_chart, export_name
from desktop.app.settings import Settings
from desktop.widgets.export_dialog import ExportDialog
from tests.desktop.app.test_main_window import make_window  # noqa: F401  (the fixture)
from tests.desktop.conftest import make_analysis


def test_the_first_export_folder_is_documents_then_the_last_one_used(settings, tmp_path):
    s = Settings(settings)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert s.export_folder() == (documents if Path(documents).is_dir() else str(Path.home()))
    s.set_export_folder(tmp_path)
    assert s.export_folder() == str(tmp_path)
    s.set_export_folder(tmp_path / "gone")  # a folder deleted since: Documents again, not an error
    assert s.export_folder() != str(tmp_path / "gone")


@pytest.mark.parametrize("project, window, what, expected", [
    (None, (None, None), "Timeline", "standpoint-timeline.png"),
    ("Idlib 2018", (None, None), "Stance over time", "idlib-2018-stance-over-time.png"),
    ("x", (date(2016, 9, 1), date(2016, 9, 30)), "Matrix", "x-matrix-2016-09-01_2016-09-30.png"),
    ("x", (date(2016, 9, 1), None), "Matrix", "x-matrix-2016-09-01_end.png"),
])
def test_export_names_say_what_is_in_the_file(make_window, tmp_path, project, window, what, expected):
    w = make_window(Analysis([make_analysis()]))
    if project:
        assert w.project.save(tmp_path / project)
    w.state.set_date_range(*window)
    assert export_name(w, what, "png") == expected


def test_a_chart_export_has_the_chosen_size_and_remembers_folder_and_size(make_window, tmp_path):
    w = make_window(Analysis([make_analysis()]))
    w.show_chart("Matrix")
    (tmp_path / "out").mkdir()
    path = export_chart(w, tmp_path / "out" / "m.png")
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1600, 1000)
    assert w.status.text() == f"Exported m.png (1600 \u00d7 1000 px) to {tmp_path / 'out'}."
    assert w.settings.export_folder() == str(tmp_path / "out")
    export_chart(w, tmp_path / "small.png", width=900, height=600, scale=1.0)
    assert QImage(str(tmp_path / "small.png")).size().toTuple() == (900, 600)
    assert w.settings.export_size() == (900, 600, 1.0)
    pdf = export_chart(w, tmp_path / "m.pdf")
    assert pdf.read_bytes().startswith(b"%PDF") and "1 page" in w.status.text()


def test_an_export_that_fails_is_a_banner(make_window, tmp_path):
    w = make_window(Analysis([make_analysis()]))
    assert export_chart(w, tmp_path / "missing" / "deeper" / "t.png") is None
    assert "could not be exported" in w.error_banner.text


def test_the_dialog_proposes_the_name_and_size_and_keeps_the_suffix_with_the_format(qtbot, tmp_path):
    dialog = ExportDialog(tmp_path / "x-timeline.png", 1200, 700, 3.0)
    qtbot.addWidget(dialog)
    assert dialog.choice() == (tmp_path / "x-timeline.png", 1200, 700, 3.0)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("pdf"))
    assert dialog.choice()[0] == tmp_path / "x-timeline.pdf" and "continue on the next" in dialog.note.text()
    dialog.path_edit.setText(str(tmp_path / "y.svg"))
    dialog.path_edit.textEdited.emit(dialog.path_edit.text())
    assert dialog.format_box.currentData() == "svg" and dialog.choice()[0] == tmp_path / "y.svg"
