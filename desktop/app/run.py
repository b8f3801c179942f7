"""Runs the GUI once the launcher hands over: application set-up, logging, friendly errors, the window, screenshots."""
from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path
from typing import Sequence

log = logging.getLogger("standpoint")

# Save `window.grab()` to this path once the first analysis has finished (or the empty window shows), then quit.
SCREENSHOT_ENV = "STANDPOINT_SCREENSHOT"
# With the screenshot: "cell" selects the fullest matrix cell first, "source" the first evidence sentence,
# "stance" shows stance over time for the most vocal actor with one of its statements selected.
SCREENSHOT_SELECT_ENV = "STANDPOINT_SCREENSHOT_SELECT"
WINDOW = None  # the main window of the running app


def log_path() -> Path:
    from PySide6.QtCore import QStandardPaths

    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation) or Path.home())
    return folder / "standpoint.log"


def setup_logging() -> Path | None:
    handlers: list[logging.Handler] = [logging.StreamHandler()]
    handlers[0].setLevel(logging.WARNING)
    path = None
    try:
        path = log_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        file_handler = logging.FileHandler(path, encoding="utf-8")
        file_handler.setLevel(logging.INFO)
        handlers.append(file_handler)
    except OSError:
        path = None
    logging.basicConfig(level=logging.INFO, handlers=handlers,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    return path


class ExceptionHook:
    """Logs an unexpected error and shows a friendly dialog instead of a traceback on the console."""

    def __init__(self, log_file: Path | None = None):
        self.log_file = log_file
        self.shown = 0
        self._active = False
        self._boxes: list = []  # without a parent window, a dialog lives only as long as we hold it

    def __call__(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("unexpected error\n%s", details)
        if self._active:
            return  # an error while showing the dialog: logged, not looped
        self._active = True
        try:
            self.show(exc_type, exc, details)
        finally:
            self._active = False

    def show(self, exc_type, exc, details: str) -> None:
        from PySide6.QtWidgets import QApplication

        from core.messages import UserFacingError
        from desktop.widgets.dialogs import show_error

        if QApplication.instance() is None:
            return
        self.shown += 1
        if isinstance(exc, UserFacingError):
            message = str(exc)
        else:
            message = ("Something went wrong inside Standpoint. Your articles and corrections are still "
                       "there; you can keep working or save the project.")
            if self.log_file:
                message += f"\n\nThe details were written to {self.log_file}."
        parent = QApplication.activeWindow()
        self._boxes = [b for b in self._boxes if b.isVisible()]
        self._boxes.append(show_error(parent, "Standpoint", message, details=details))


def _screenshot(window, path: str, empty: bool) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    mode = os.environ.get(SCREENSHOT_SELECT_ENV, "")
    window.ask_before_discard = False
    # the default size, not the geometry saved by the last session: screenshots must be reproducible
    from desktop.app.geometry import initial_size

    window.resize(initial_size(window.screen().availableGeometry()))

    def select() -> None:
        state, analysis = window.state, window.analysis
        if not len(analysis):
            return
        if mode == "cell":
            window.show_chart("Matrix")
            matrix = analysis.stance_matrix("stance")
            if matrix.cells:
                cell = max(matrix.cells, key=lambda c: (c[1] != "neutral", len(matrix.cells[c])))
                state.set_cell(cell)
                state.set_actor(cell[0])
                state.set_items(matrix.cells[cell])
        elif mode == "stance":
            # the actor with most dated statements, one of its marks selected (its sentence shown)
            from desktop.charts.stance_rows import cued_statements

            window.show_chart("Stance over time")
            statements = cued_statements(analysis)
            dated = statements[statements["date"].notna() & statements["source_actor"].notna()]
            if len(dated):
                holders = dated["source_actor"].map(lambda a: analysis.stance_holder(a))
                actor = holders.value_counts().index[0]
                state.set_actor(actor)
                mine = dated[holders == actor]
                stanced = mine[mine["polarity"] != "neutral"]
                first = (stanced if len(stanced) else mine).iloc[0]
                state.set_items([first["statement_id"]])
                state.set_sentence(first["article_id"], int(first["sentence_index"]))
        elif mode == "source":
            statements = analysis.statements_table()
            if len(statements):
                state.set_items(list(statements["statement_id"][:6]))

    def grab() -> None:
        window.grab().save(path)
        print(f"screenshot: {path}", flush=True)
        QApplication.exit(0)

    def shoot(*_args) -> None:
        if getattr(shoot, "done", False):
            return
        shoot.done = True
        select()
        QTimer.singleShot(800, grab)

    if empty:
        window.worker.pipeline_loaded.connect(lambda _p: QTimer.singleShot(300, grab))
    else:
        window.analysis_finished.connect(shoot)
        window.analysis_replaced.connect(shoot)  # a project given on the command line needs no analysis


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "standpoint-gui"])
    app.setApplicationName("Standpoint")
    app.setOrganizationName("Standpoint")
    app.setApplicationDisplayName("Standpoint")
    sys.excepthook = ExceptionHook(setup_logging())
    from desktop.app.gc_timer import GuiThreadCollector

    collector = GuiThreadCollector(parent=app)

    from desktop.app.main_window import MainWindow

    global WINDOW
    # Held here until the caller lets go: a window reachable only through signal closures would be
    # collected at an arbitrary later moment, tearing down its charts mid-event-loop.
    WINDOW = window = MainWindow(defer=True)
    window.show()
    paths = [a for a in args if not a.startswith("-")]
    if paths:
        QTimer.singleShot(0, lambda: window.add_paths(paths))
    shot = os.environ.get(SCREENSHOT_ENV)
    if shot:
        _screenshot(window, shot, empty=not paths)
        QTimer.singleShot(180_000, lambda: QApplication.exit(2))
    try:
        return app.exec()
    finally:
        collector.stop()


if __name__ == "__main__":
    sys.exit(main())
