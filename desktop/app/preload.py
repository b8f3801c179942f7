"""Imports the Qt-free analysis stack (numpy, pandas, core) in a thread while the first, empty window paints."""
from __future__ import annotations

import importlib
import logging
import threading
from typing import Callable

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)

# Qt-free by the house rules (core never imports Qt), so importing them off the GUI thread creates no
# QObject there; pyqtgraph is left to the GUI thread for that reason.
MODULES = ("numpy", "pandas", "core.analysis")
POLL_MS = 15


def preload_then(callback: Callable[[], None], parent: QObject, modules=MODULES) -> threading.Thread:
    """Import `modules` in a background thread, then call `callback` in the GUI thread.

    The ~0.4 s of numpy and pandas imports no longer freeze the empty window; a module that fails
    is only logged here, so the GUI thread's own import raises it where it is handled.
    """
    def run() -> None:
        for name in modules:
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001 - reported again by the GUI thread's import
                log.exception("preloading %s failed", name)

    thread = threading.Thread(target=run, name="standpoint-preload", daemon=True)
    thread.start()
    timer = QTimer(parent)
    timer.setInterval(POLL_MS)

    def check() -> None:
        if not thread.is_alive():
            timer.stop()
            timer.deleteLater()
            callback()

    timer.timeout.connect(check)
    timer.start()
    return thread
