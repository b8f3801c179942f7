"""Background jobs: results reach the GUI thread; a window closed mid-job is not called back; nothing leaks."""
import threading
import time

from PySide6.QtWidgets import QWidget

from desktop.workers import jobs
from desktop.workers.jobs import start_job


def test_result_arrives_on_the_gui_thread(qtbot):
    owner = QWidget()
    seen = []
    start_job(owner, lambda: threading.current_thread().name, lambda r: seen.append((r, threading.current_thread())),
              seen.append)
    qtbot.waitUntil(lambda: bool(seen), timeout=5_000)
    worker_name, callback_thread = seen[0]
    assert callback_thread is threading.main_thread() and worker_name != threading.main_thread().name
    qtbot.waitUntil(lambda: not jobs._RUNNING, timeout=5_000)


def test_failure_is_a_message(qtbot):
    owner = QWidget()
    seen = []

    def boom():
        raise ValueError("bad")

    start_job(owner, boom, seen.append, seen.append)
    qtbot.waitUntil(lambda: bool(seen), timeout=5_000)
    assert seen == ["an unexpected error (ValueError)"]


def test_closing_the_window_mid_job_drops_the_callback(qtbot):
    owner = QWidget()
    seen = []
    start_job(owner, lambda: (time.sleep(0.3), 1)[1], seen.append, seen.append)
    owner.deleteLater()
    qtbot.wait(50)
    qtbot.waitUntil(lambda: not jobs._RUNNING, timeout=5_000)
    assert seen == []
