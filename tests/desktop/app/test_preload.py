"""The start-up preload: numpy/pandas/core imported off the GUI thread, then the views built on it."""
from __future__ import annotations

import threading

from desktop.app.preload import MODULES, preload_then


def test_callback_runs_in_the_gui_thread_after_the_imports(qtbot, qapp):
    seen = []
    thread = preload_then(lambda: seen.append(threading.current_thread()), qapp, modules=("json", "core.model"))
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [threading.main_thread()] and not thread.is_alive()


def test_a_failing_import_is_logged_and_the_window_still_builds(qtbot, qapp, caplog):
    done = []
    preload_then(lambda: done.append(True), qapp, modules=("no_such_module_xyz", "json"))
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert "preloading no_such_module_xyz failed" in caplog.text


def test_preloaded_modules_are_qt_free():
    """Importing in a thread is safe only for modules that create no QObject: core and the numeric stack."""
    assert all(name.split(".")[0] in ("numpy", "pandas", "core") for name in MODULES)

