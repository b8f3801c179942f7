"""The program's entry point (source tree and frozen app): `--version`, `--self-test`, else the main window."""
from __future__ import annotations

import os
import sys
import time
from typing import Sequence

# Set by `--exit-after-load`; desktop.app.run may honour it too (quit once the window shows its content).
EXIT_AFTER_LOAD_ENV = "STANDPOINT_EXIT_AFTER_LOAD"
# Epoch seconds at which a benchmark started the process (see benchmarks/startup.py).
LAUNCHED_AT_ENV = "STANDPOINT_LAUNCHED_AT"
# The reverse-DNS id of the desktop entry (packaging/org.standpoint.Standpoint.desktop) and macOS bundle.
APP_ID = "org.standpoint.Standpoint"
# Seconds `--exit-after-load` waits for the window, the pipeline and the article list before giving up.
EXIT_AFTER_LOAD_TIMEOUT = 120.0

USAGE = """\
usage: Standpoint [FILE | FOLDER | PROJECT.standpoint ...]
       Standpoint --version
       Standpoint --self-test [--open PROJECT.standpoint] [--allow-fallback]
       Standpoint --exit-after-load [--grab PNG] [FILE ...]   (open, wait until loaded, print timings, quit)
"""


def _say(text: str, stream=None) -> None:
    """Print, unless the frozen Windows/macOS GUI build has no console (stdout is None there)."""
    stream = stream or sys.stdout
    if stream is not None:
        print(text, file=stream, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if "--version" in args or "-V" in args:
        from core import __version__

        _say(f"Standpoint {__version__}")
        return 0
    if "--help" in args or "-h" in args:
        _say(USAGE)
        return 0
    if "--self-test" in args:
        args.remove("--self-test")
        from desktop.app.self_test import main as self_test

        return self_test(args)
    exit_after_load = "--exit-after-load" in args
    if exit_after_load:
        args = [a for a in args if a != "--exit-after-load"]
        grab = None
        if "--grab" in args:
            at = args.index("--grab")
            grab = args[at + 1] if at + 1 < len(args) else None
            del args[at:at + 2]
        os.environ[EXIT_AFTER_LOAD_ENV] = "1"
        # A benchmark passes its own launch time, so the figures include interpreter and bootloader start-up.
        started = float(os.environ.get(LAUNCHED_AT_ENV) or time.time())
        _install_exit_after_load(started, expect_articles=any(not a.startswith("-") for a in args), grab=grab)
    _prepare_application()
    from desktop.app.run import main as app_main

    return app_main(args) or 0


def _check_qt_libraries() -> None:
    """Exit with the fix when Qt's X11 plugin lacks system libraries (Qt itself would abort), and turn
    any other platform-plugin failure Qt reports into the same kind of message instead of an abort."""
    from desktop.app.qt_libraries import check

    message = check()
    if message:
        _say(message, sys.stderr)
        raise SystemExit(1)
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def on_qt_message(kind, _context, text: str) -> None:
        if kind == QtMsgType.QtFatalMsg and "platform plugin" in text:
            from desktop.app.qt_libraries import fix_message, missing_libraries

            missing = missing_libraries()
            _say(fix_message(missing) if missing else
                 f"Standpoint cannot open its window: {text.strip().splitlines()[0]}", sys.stderr)
            os._exit(1)  # Qt aborts right after a fatal message: leave first, with the explanation
        if kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            _say(text, sys.stderr)

    qInstallMessageHandler(on_qt_message)


def _prepare_application() -> None:
    """Create the QApplication with the app icon and the desktop-entry id (taskbar grouping, Wayland icon)."""
    _check_qt_libraries()
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    QGuiApplication.setDesktopFileName(APP_ID)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "Standpoint"])
    from desktop.app.about import app_icon

    app.setWindowIcon(app_icon())


def _install_exit_after_load(started: float, expect_articles: bool = True, grab: str | None = None) -> None:
    """Wrap QApplication.exec so that, once the event loop runs, a probe reports progress and quits.

    Done here rather than in desktop.app.run so the smoke test and the start-up benchmark need nothing
    from the window's code: they read the window's title, the item views' rows and statuses, and
    whether core.nlp's cached pipeline has been loaded.
    """
    from PySide6.QtWidgets import QApplication

    original_exec = QApplication.exec

    def exec_and_report(*_self):  # called as app.exec() or QApplication.exec(): a static method either way
        probe = _LoadProbe(started, EXIT_AFTER_LOAD_TIMEOUT, expect_articles, grab)
        probe.start()
        try:
            return original_exec()
        finally:
            probe.stop()

    QApplication.exec = exec_and_report


class _LoadProbe:
    """Polls the running app every 100 ms; prints `window`, `pipeline` and `articles` lines, then quits."""

    BUSY = {"analysing", "queued", "loading"}
    SETTLE_S = 1.0  # the article list must stay unchanged this long before we call it loaded

    def __init__(self, started: float, timeout: float, expect_articles: bool = True, grab: str | None = None):
        from PySide6.QtCore import QTimer

        self.started, self.timeout, self.expect_articles, self.grab = started, timeout, expect_articles, grab
        self.windows: list = []
        self.window_at = self.pipeline_at = None
        self.last_rows, self.stable_since = None, None
        self.timer = QTimer()
        self.timer.setInterval(100)
        self.timer.timeout.connect(self._poll)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _elapsed(self) -> float:
        return time.time() - self.started

    def _poll(self) -> None:
        try:
            self._check()
        except Exception as exc:  # a probe that breaks must end the run, not log every 100 ms
            _say(f"probe failed: {type(exc).__name__}: {exc}")
            self._finish([], 4)

    def _check(self) -> None:
        from PySide6.QtWidgets import QApplication

        from core.nlp import load_pipeline

        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.parent() is None]
        self.windows = windows
        if self.window_at is None and windows:
            self.window_at = self._elapsed()
            _say(f"window: {self.window_at:.2f} s \"{windows[0].windowTitle()}\"")
        if self.pipeline_at is None and load_pipeline.cache_info().currsize:
            self.pipeline_at = self._elapsed()
            p = load_pipeline()
            _say(f"pipeline: {self.pipeline_at:.2f} s {'trained' if p.trained else 'fallback'} {p.name}")
        rows = _article_rows(windows)
        if rows != self.last_rows:
            self.last_rows, self.stable_since = rows, time.time()
        busy = any(status in self.BUSY for _, status in rows)
        settled = time.time() - self.stable_since >= self.SETTLE_S
        loaded = bool(rows) or not self.expect_articles
        if self.window_at is not None and self.pipeline_at is not None and loaded and not busy and settled:
            failed = any(status.startswith("failed") for _, status in rows)
            self._finish(rows, 5 if failed else 0)
        elif self._elapsed() > self.timeout:
            _say(f"timeout after {self.timeout:.0f} s (window={self.window_at}, pipeline={self.pipeline_at}, "
                 f"rows={len(rows)})")
            self._finish(rows, 3)

    def _finish(self, rows, code: int) -> None:
        from PySide6.QtWidgets import QApplication

        self.timer.stop()
        _say(f"articles: {self._elapsed():.2f} s {len(rows)}")
        for title, status in rows:
            _say(f"  article: {status or '-'}: {title}")
        if self.grab and self.windows:
            saved = self.windows[0].grab().save(self.grab)
            _say(f"grab: {self.grab}" if saved else f"grab failed: {self.grab}")
        QApplication.exit(code)


def _article_rows(windows) -> list[tuple[str, str]]:
    """(first column, Status column) of the article list: the item view with a Status header, else the biggest."""
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import QAbstractItemView

    root = QModelIndex()  # list models insist on the parent argument

    def columns(model) -> int:
        try:
            return model.columnCount(root)
        except TypeError:  # QAbstractListModel hides columnCount from Python: one column
            return 1

    def headers(model) -> list[str]:
        return [str(model.headerData(c, Qt.Orientation.Horizontal) or "").lower() for c in range(columns(model))]

    # a combo box's list lives in its own popup window: its entries are not articles
    models = [v.model() for w in windows for v in w.findChildren(QAbstractItemView)
              if v.model() is not None and v.window() is w]
    models = [m for m in models if m.rowCount(root) > 0]
    if not models:
        return []
    best = max(models, key=lambda m: ("status" in headers(m), m.rowCount(root)))
    names = headers(best)
    status_col = names.index("status") if "status" in names else None
    rows = []
    for r in range(best.rowCount(root)):
        title = str(best.data(best.index(r, 0)) or "")
        status = str(best.data(best.index(r, status_col)) or "") if status_col is not None else ""
        rows.append((title, status.lower()))
    return rows


if __name__ == "__main__":
    sys.exit(main())
