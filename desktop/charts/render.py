"""Headless chart rendering for the CLI: `write_charts(analysis, out_dir)` writes timeline/matrix PNG + SVG."""
from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path

SIZE = (1280, 800)


def _has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def ensure_app():
    """The running QApplication, or a new one (offscreen when there is no display)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        if not _has_display():
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(sys.argv[:1] or ["standpoint"])
    return app


# Harmless offscreen-platform chatter when a hidden window is laid out; a CLI user should not see it.
_NOISE = ("This plugin does not support propagateSizeHints()",)


@contextmanager
def _quiet_qt():
    from PySide6.QtCore import qInstallMessageHandler

    previous = None

    def handler(mode, context, message):
        if message in _NOISE:
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def _lay_out(widget, app) -> None:
    from PySide6.QtCore import Qt

    # laid out for real (geometry is needed to map data to pixels) without appearing on screen
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    widget.resize(*SIZE)
    widget.show()
    app.processEvents()
    widget.fit()
    app.processEvents()


def write_charts(analysis, out_dir, formats=("png", "svg")) -> list[Path]:
    """Render the timeline and the stance matrix of `analysis` into `out_dir`; returns the files written."""
    app = ensure_app()
    from desktop.charts.export import export_chart
    from desktop.charts.matrix import MatrixView
    from desktop.charts.timeline import TimelineView
    from desktop.state import SelectionState

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    state = SelectionState()
    written: list[Path] = []
    with _quiet_qt():
        for name, cls in (("timeline", TimelineView), ("matrix", MatrixView)):
            widget = cls(analysis, state)
            try:
                _lay_out(widget, app)
                for fmt in formats:
                    # 1280 × 800 at 1× is plenty for a report read on screen
                    written.append(export_chart(widget, out / f"{name}.{fmt}", width=SIZE[0], height=SIZE[1],
                                                scale=1.0))
            finally:
                widget.close()
                widget.deleteLater()
        app.processEvents()
    return written
