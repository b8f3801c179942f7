"""The application entry: unexpected errors are logged and shown as a friendly dialog, never a traceback."""
from __future__ import annotations

import logging

from PySide6.QtWidgets import QApplication, QMessageBox

from core.messages import UserFacingError
from desktop.app import ExceptionHook


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
