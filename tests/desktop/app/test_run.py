"""The application entry: unexpected errors are logged and shown as a friendly dialog, never a traceback."""
from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from core.messages import UserFacingError
from desktop.app.run import ExceptionHook


def raised(exc):
    try:
        raise exc
    except type(exc) as caught:
        return type(caught), caught, caught.__traceback__


def dialogs():
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def close_dialogs():
    for box in dialogs():
        box.close()
        box.deleteLater()


def test_unexpected_error_is_logged_and_shown_friendly(qapp, caplog, tmp_path):
    hook = ExceptionHook(tmp_path / "standpoint.log")
    with caplog.at_level(logging.ERROR, logger="standpoint"):
        hook(*raised(ZeroDivisionError("boom")))
    assert "ZeroDivisionError" in caplog.text
    shown = dialogs()
    try:
        assert len(shown) == 1 and hook.shown == 1
        assert "Something went wrong" in shown[0].text()
        assert "standpoint.log" in shown[0].text()
        assert "Traceback" not in shown[0].text()
        assert "ZeroDivisionError" in shown[0].detailedText()
        assert not shown[0].isModal()
    finally:
        close_dialogs()


def test_user_facing_error_shows_its_own_message(qapp):
    hook = ExceptionHook()
    hook(*raised(UserFacingError("bad.standpoint is not a readable project. [E201]")))
    try:
        assert [b.text() for b in dialogs()] == ["bad.standpoint is not a readable project. [E201]"]
    finally:
        close_dialogs()


def test_error_while_showing_is_not_a_loop(qapp, monkeypatch):
    hook = ExceptionHook()
    calls = []

    def failing_show(*args):
        calls.append(1)
        hook(*raised(RuntimeError("inside the dialog")))

    monkeypatch.setattr(hook, "show", failing_show)
    hook(*raised(ValueError("first")))
    assert calls == [1]


@pytest.mark.parametrize("mode", ["cell", "stance"])
def test_main_opens_a_project_from_the_command_line_and_grabs_the_window(qapp, tmp_path, monkeypatch, settings,
                                                                         mode):
    """`standpoint-gui work.standpoint` with STANDPOINT_SCREENSHOT: opens, saves the PNG, quits."""
    from PySide6.QtGui import QImage

    import desktop.app.run
    import desktop.app.main_window
    from core.analysis import Analysis
    from core.io.store import save_project
    from desktop.app.settings import Settings
    from tests.desktop.conftest import make_analysis

    project = save_project(tmp_path / "work.standpoint", Analysis([make_analysis()]))
    shot = tmp_path / "shot.png"
    monkeypatch.setenv(desktop.app.run.SCREENSHOT_ENV, str(shot))
    monkeypatch.setenv(desktop.app.run.SCREENSHOT_SELECT_ENV, mode)
    monkeypatch.setattr(desktop.app.main_window, "Settings", lambda: Settings(settings))
    monkeypatch.setattr(desktop.app.run, "setup_logging", lambda: None)
    monkeypatch.setattr("sys.excepthook", sys.excepthook)
    try:
        assert desktop.app.run.main([str(project)]) == 0
        image = QImage(str(shot))
        assert not image.isNull() and image.width() >= 800
        window = desktop.app.run.WINDOW
        assert window.analysis.article_ids == ["a1"]
        if mode == "cell":
            assert window.state.cell is not None
        else:
            chart = window.workspace.current_chart()
            assert chart is window.workspace.chart_widgets["Stance over time"]
            assert window.state.actor == chart.actor_ids[0] and len(window.state.items) == 1
    finally:
        window, desktop.app.run.WINDOW = desktop.app.run.WINDOW, None
        if window is not None:
            window.worker.shutdown()
            window.close()
            window.deleteLater()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_load_probe_reads_the_article_list_not_combo_box_entries(qtbot):
    """Before any article is listed, the matrix's sort box must not pass for three loaded articles."""
    from PySide6.QtWidgets import QComboBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

    from desktop.app.launcher import _article_rows

    window = QWidget()
    qtbot.addWidget(window)
    combo = QComboBox()
    combo.addItems(["Most active", "By name", "By net stance"])
    table = QTableWidget(0, 2)
    table.setHorizontalHeaderLabels(["Title", "Status"])
    layout = QVBoxLayout(window)
    layout.addWidget(combo)
    layout.addWidget(table)
    window.show()
    assert _article_rows([window]) == []
    table.setRowCount(1)
    table.setItem(0, 0, QTableWidgetItem("Idlib"))
    table.setItem(0, 1, QTableWidgetItem("Analysing"))
    assert _article_rows([window]) == [("Idlib", "analysing")]
