"""The project file behind the window: path, unsaved changes, save / open via core.io.store, and autosave."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from core.messages import UserFacingError

log = logging.getLogger(__name__)

SUFFIX = ".standpoint"
AUTOSAVE_MS = 5000
# From this many articles an autosave writes in a background thread: a 10,000-article project takes
# about a second to write, a freeze after every correction.
BACKGROUND_SAVE_ARTICLES = 500


class _Snapshot:
    """What `save_project` reads, taken on the GUI thread: the results list and the corrections (immutable)."""

    def __init__(self, analysis):
        self._results = analysis.raw_results()
        self.corrections = analysis.corrections

    def raw_results(self):
        return self._results

    def __len__(self) -> int:
        return len(self._results)


class ProjectController(QObject):
    """Tracks whether the analysis has unsaved changes and saves it (also every few seconds when dirty)."""

    changed = Signal()  # path or dirty flag changed (the window title follows)
    error = Signal(str)  # a user-facing message
    saved = Signal(object)  # Path

    def __init__(self, settings, current: Callable[[], object], parent: QObject | None = None,
                 busy: Callable[[], bool] = lambda: False):
        super().__init__(parent)
        self.settings = settings
        self._current = current
        self._busy = busy
        self.path: Path | None = None
        self.dirty = False
        self._autosave_failed = False
        self._changes = 0  # bumped by every change, so a background save knows whether it saved the latest
        self._saving = False
        self.timer = QTimer(self)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.autosave)
        self.timer.start()

    def watch(self, analysis) -> None:
        analysis.subscribe(lambda _reason: self._on_changed())

    def _on_changed(self) -> None:
        self._changes += 1
        self.mark_dirty()

    def mark_dirty(self, dirty: bool = True) -> None:
        if dirty != self.dirty:
            self.dirty = dirty
            self.changed.emit()

    def set_path(self, path: Path | None) -> None:
        self.path = Path(path) if path else None
        self.changed.emit()

    def save(self, path: Path | None = None) -> bool:
        """Save to `path` (or the current one); errors go to `error`, never raise."""
        path = Path(path) if path else self.path
        if path is None:
            return False
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        try:
            from core.io.store import save_project

            save_project(path, self._current())
        except UserFacingError as exc:
            self.error.emit(str(exc))
            return False
        except OSError as exc:
            self.error.emit(f"The project could not be saved to {path.name}: {exc.strerror or exc}.")
            return False
        self.path = path
        self.settings.add_recent_project(path)
        self._autosave_failed = False
        self.dirty = False
        self.changed.emit()
        self.saved.emit(path)
        return True

    def load(self, path: Path):
        """The Analysis in `path`, or None after reporting why it could not be opened."""
        try:
            from core.io.store import load_project

            analysis = load_project(Path(path))
        except UserFacingError as exc:
            self.error.emit(str(exc))
            return None
        except OSError as exc:
            self.error.emit(f"{Path(path).name} could not be opened: {exc.strerror or exc}.")
            return None
        self.path = Path(path)
        self.settings.add_recent_project(self.path)
        self.dirty = False
        self.changed.emit()
        return analysis

    def autosave(self) -> None:
        # While articles are being analysed every batch makes the project dirty: save once at the end.
        if self._busy() or self._saving:
            return
        if self.dirty and self.path is not None and not self._autosave_failed:
            analysis = self._current()
            if analysis is not None and len(analysis) >= BACKGROUND_SAVE_ARTICLES:
                self._save_in_background(analysis)
            # One failure is reported once; the next manual save retries.
            elif not self.save():
                self._autosave_failed = True

    def _save_in_background(self, analysis) -> None:
        from core.io.store import save_project
        from desktop.workers.jobs import start_job

        path, snapshot, changes = self.path, _Snapshot(analysis), self._changes
        self._saving = True

        def done(_result) -> None:
            self._saving = False
            if path == self.path and changes == self._changes:
                self.dirty = False
                self.changed.emit()
            self.saved.emit(path)

        def failed(message: str) -> None:
            self._saving = False
            self._autosave_failed = True
            self.error.emit(message)

        start_job(self, lambda: save_project(path, snapshot), done, failed)
