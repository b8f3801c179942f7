"""Runs a short, self-contained job (an export) in a background thread, reporting back on the GUI thread."""
from __future__ import annotations

import logging
from typing import Callable

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from shiboken6 import isValid

from core.messages import UserFacingError

log = logging.getLogger(__name__)

# Running jobs have no Qt parent (closing a window must not destroy a running thread); they are
# kept here until they finish, and the application waits for them before it quits.
_RUNNING: dict["BackgroundJob", "_Relay"] = {}


class BackgroundJob(QThread):
    """`fn` must only use data handed to it (no widgets, no live Analysis): it runs off the GUI thread."""

    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, fn: Callable[[], object], parent: QObject | None = None):
        super().__init__(parent)
        self._fn = fn

    def run(self) -> None:
        try:
            result = self._fn()
        except (OSError, UserFacingError) as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # never a traceback in the user's face; the log keeps it
            log.exception("background job failed")
            self.failed.emit(f"an unexpected error ({type(exc).__name__})")
        else:
            self.succeeded.emit(result)


class _Relay(QObject):
    """Lives on the GUI thread, so the callbacks (which touch widgets) run there, queued."""

    def __init__(self, job: "BackgroundJob", on_done: Callable[[object], None],
                 on_failed: Callable[[str], None], owner: QObject):
        super().__init__()  # no parent: it must outlive a window closed while the job runs
        self._job, self._owner = job, owner
        self._on_done, self._on_failed = on_done, on_failed

    @Slot(object)
    def done(self, result: object) -> None:
        if isValid(self._owner):  # the window may have closed meanwhile
            self._on_done(result)

    @Slot(str)
    def fail(self, reason: str) -> None:
        if isValid(self._owner):
            self._on_failed(reason)

    @Slot()
    def forget(self) -> None:
        """The thread has finished: release it (on the GUI thread, as Qt's finished→deleteLater)."""
        self._job.wait()
        _RUNNING.pop(self._job, None)
        self.deleteLater()


def start_job(owner: QObject, fn: Callable[[], object], on_done: Callable[[object], None],
              on_failed: Callable[[str], None]) -> BackgroundJob:
    """Run `fn` in a thread; `on_done(result)` or `on_failed(message)` then runs on the GUI thread."""
    job = BackgroundJob(fn)
    relay = _Relay(job, on_done, on_failed, owner)
    _RUNNING[job] = relay
    job.succeeded.connect(relay.done)
    job.failed.connect(relay.fail)
    job.finished.connect(relay.forget)
    app = QCoreApplication.instance()
    if app is not None and not app.property("_standpoint_waits_for_jobs"):
        app.setProperty("_standpoint_waits_for_jobs", True)
        app.aboutToQuit.connect(wait_for_jobs)
    job.start()
    return job


def wait_for_jobs(timeout_ms: int = 60_000) -> None:
    """Let running jobs finish (an export half-written is worse than a second's wait at quit)."""
    for job in list(_RUNNING):
        job.wait(timeout_ms)
