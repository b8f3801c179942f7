"""GUI timings: start to first window, model load in the background, and dropping the seed to its first result."""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

STARTED = time.perf_counter()
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from PySide6.QtCore import QEventLoop, QMimeData, QPointF, Qt, QTimer, QUrl
    from PySide6.QtGui import QDropEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from desktop.main_window import MainWindow

    window = MainWindow(defer=True)  # as desktop.app starts it
    window.ask_before_discard = False
    window.show()
    app.processEvents()  # the first paint; the views load DEFER_MS later
    shown = time.perf_counter() - STARTED
    print(f"first window: {shown:.2f} s (imports + construction + show, platform {app.platformName()})")
    while window.workspace is None:
        app.processEvents()
    print(f"views ready (pandas and the charts loaded): {time.perf_counter() - STARTED:.2f} s")

    def wait(signal, timeout_s: float = 120.0) -> float:
        loop, started = QEventLoop(), time.perf_counter()
        signal.connect(loop.quit)
        QTimer.singleShot(int(timeout_s * 1000), loop.quit)
        loop.exec()
        signal.disconnect(loop.quit)
        return time.perf_counter() - started

    if window.worker.pipeline is None:
        loaded = wait(window.worker.pipeline_loaded)
        pipeline = window.worker.pipeline
        print(f"language model loaded in the background: {loaded:.2f} s after the window "
              f"({'trained' if pipeline and pipeline.trained else 'fallback'})")
    seeds = ROOT / "seeds"
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(seeds))])
    event = QDropEvent(QPointF(100, 100), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    dropped = time.perf_counter()
    window.dropEvent(event)
    first = wait(window.worker.result)
    print(f"drop seed folder -> first result: {first:.2f} s")
    if window.worker.busy or window._running:
        wait(window.analysis_finished)
    app.processEvents()
    total = time.perf_counter() - dropped
    print(f"drop seed folder -> all views refreshed: {total:.2f} s ({len(window.analysis)} article(s))")
    # Responsiveness of a correction: every view redraws synchronously on analysis changes.
    actor = next(iter(window.analysis.actor_registry()), None)
    if actor:
        t0 = time.perf_counter()
        window.analysis.rename_actor(actor, "Renamed")
        app.processEvents()
        print(f"rename an actor -> every view updated: {1000 * (time.perf_counter() - t0):.0f} ms")
        t0 = time.perf_counter()
        window.analysis.undo()
        app.processEvents()
        print(f"undo -> every view updated: {1000 * (time.perf_counter() - t0):.0f} ms")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
