"""The entry point: `--version` without Qt, dispatch to the self-test and to the window, the exit-after-load probe."""
from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

import pytest

from core import __version__
from desktop.app import launcher

ROOT = Path(__file__).resolve().parents[2]


def test_version_prints_and_exits_zero_without_qt_or_spacy():
    code = (
        "import sys; from desktop.app.launcher import main; rc = main(['--version']); "
        "heavy = sorted(m for m in ('PySide6', 'pyqtgraph', 'spacy', 'pandas') if m in sys.modules); "
        "print('loaded:', heavy); sys.exit(rc)"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f"Standpoint {__version__}", "loaded: []"]


def test_module_entry_point_version():
    done = subprocess.run([sys.executable, "-m", "desktop.app.launcher", "--version"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout) == (0, "Standpoint 0.1.0\n")


@pytest.fixture
def fake_app(monkeypatch):
    """desktop.app.run replaced by a recorder, so dispatch is tested without opening a window."""
    calls = []
    module = types.ModuleType("desktop.app.run")
    module.main = lambda argv=None: calls.append(list(argv)) or 7
    monkeypatch.setitem(sys.modules, "desktop.app.run", module)
    return calls


@pytest.mark.parametrize("argv, forwarded", [
    ([], []),
    (["seeds/"], ["seeds/"]),
    (["a.txt", "b.standpoint"], ["a.txt", "b.standpoint"]),
])
def test_everything_else_goes_to_the_window(fake_app, qapp, argv, forwarded):
    assert launcher.main(argv) == 7
    assert fake_app == [forwarded]


def test_the_application_gets_the_icon_and_desktop_id(fake_app, qapp):
    from PySide6.QtGui import QGuiApplication

    launcher.main([])
    assert QGuiApplication.desktopFileName() == launcher.APP_ID
    assert sorted(s.width() for s in qapp.windowIcon().availableSizes()) == [16, 24, 32, 48, 64, 128, 256, 512]


def test_self_test_flag_dispatches_with_remaining_arguments(monkeypatch, fake_app):
    seen = []
    monkeypatch.setattr("desktop.app.self_test.main", lambda argv: seen.append(argv) or 1)
    assert launcher.main(["--self-test", "--open", "x.standpoint"]) == 1
    assert seen == [["--open", "x.standpoint"]]
    assert fake_app == []


def test_help_lists_the_flags(capsys):
    assert launcher.main(["--help"]) == 0
    out = capsys.readouterr().out
    for flag in ("--version", "--self-test", "--exit-after-load", "--open"):
        assert flag in out


def test_exit_after_load_sets_env_strips_flag_and_wraps_exec(monkeypatch, fake_app, qapp):
    from PySide6.QtWidgets import QApplication

    monkeypatch.setattr(QApplication, "exec", QApplication.exec)  # restored after the test
    monkeypatch.delenv(launcher.EXIT_AFTER_LOAD_ENV, raising=False)
    original = QApplication.exec
    assert launcher.main(["--exit-after-load", "x.txt"]) == 7
    assert fake_app == [["x.txt"]]
    assert launcher.EXIT_AFTER_LOAD_ENV in __import__("os").environ
    assert QApplication.exec is not original
    monkeypatch.delenv(launcher.EXIT_AFTER_LOAD_ENV)


def _article_window(statuses):
    from PySide6.QtCore import QStringListModel
    from PySide6.QtWidgets import QListView, QMainWindow, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

    window = QMainWindow()
    window.setWindowTitle("Standpoint test")
    body = QWidget()
    layout = QVBoxLayout(body)
    bigger = QTableWidget(len(statuses) + 3, 1)  # more rows, but no Status column: not the article list
    bigger.setHorizontalHeaderLabels(["Actor"])
    articles = QTableWidget(len(statuses), 2)
    articles.setHorizontalHeaderLabels(["Title", "Status"])
    for r, status in enumerate(statuses):
        articles.setItem(r, 0, QTableWidgetItem(f"Article {r}"))
        articles.setItem(r, 1, QTableWidgetItem(status))
    layout.addWidget(bigger)
    listing = QListView()  # a list model: Python may not call its columnCount
    listing.setModel(QStringListModel([f"actor {i}" for i in range(9)], listing))
    layout.addWidget(listing)
    layout.addWidget(articles)
    window.setCentralWidget(body)
    return window


def test_article_rows_prefers_the_view_with_a_status_column(qtbot):
    window = _article_window(["done", "Analysing"])
    qtbot.addWidget(window)
    assert launcher._article_rows([window]) == [("Article 0", "done"), ("Article 1", "analysing")]


@pytest.mark.parametrize("statuses, timeout, code, last", [
    (["done", "done"], 30.0, 0, "  article: done: Article 1"),
    (["done", "analysing"], 2.0, 3, "  article: analysing: Article 1"),  # never finishes: times out
    (["done", "Failed: boom"], 30.0, 5, "  article: failed: boom: Article 1"),
])
def test_probe_reports_window_pipeline_and_articles_then_quits(
    monkeypatch, qtbot, capsys, tmp_path, pipeline, statuses, timeout, code, last,
):
    import time

    from PySide6.QtWidgets import QApplication

    monkeypatch.setattr(QApplication, "exec", QApplication.exec)
    monkeypatch.setattr(launcher, "EXIT_AFTER_LOAD_TIMEOUT", timeout)
    window = _article_window(statuses)
    qtbot.addWidget(window)
    window.show()
    grab = tmp_path / "window.png"
    launcher._install_exit_after_load(time.time(), grab=str(grab))
    assert QApplication.exec() == code
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("window: ") and lines[0].endswith('"Standpoint test"')
    assert lines[1].startswith("pipeline: ") and " trained " in lines[1]
    assert lines[-4].startswith("articles: ") and lines[-4].endswith(" 2")
    assert lines[-2] == last
    assert lines[-1] == f"grab: {grab}" and grab.stat().st_size > 1000


def test_probe_without_paths_needs_no_articles(monkeypatch, qtbot, capsys, pipeline):
    import time

    from PySide6.QtWidgets import QApplication, QLabel

    monkeypatch.setattr(QApplication, "exec", QApplication.exec)
    window = QLabel("empty")
    window.setWindowTitle("Standpoint")
    qtbot.addWidget(window)
    window.show()
    launcher._install_exit_after_load(time.time(), expect_articles=False)
    assert QApplication.exec() == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("articles: ")
