"""Garbage collection only in the GUI thread, on a timer: a collection in the worker thread can free Qt objects there and crash."""
from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GuiThreadCollector(QObject):
    """Turns automatic collection off and runs it from a GUI-thread timer with the usual thresholds.

    The same remedy pyqtgraph documents (its `GarbageCollector`), kept here so start-up need not import
    pyqtgraph: cycles holding chart items are then always torn down in the thread that owns them.
    """

    def __init__(self, interval_ms: int = 1000, parent: QObject | None = None):
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    def check(self) -> None:
        count0, count1, count2 = gc.get_count()
        if count0 > self.threshold[0]:
            gc.collect(0)
            if count1 > self.threshold[1]:
                gc.collect(1)
                if count2 > self.threshold[2]:
                    gc.collect(2)

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()
