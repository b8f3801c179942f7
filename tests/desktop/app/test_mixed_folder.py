"""A folder of good articles with every hostile file beside it, dropped on the real window.

The window's own path: its worker reads the folder with core.ingest (pipes, devices, links out of the
folder, bombs and all) and analyses what it read (rule-based pipeline, so the test stays quick). Every
good article ends up analysed, every readable hostile file is analysed or named in one message, and
the window keeps working.
"""
from __future__ import annotations

import os
import shutil
import sys

import pytest

from core.ingest import SUPPORTED_SUFFIXES
from desktop.app.main_window import MainWindow
from desktop.app.settings import Settings
from desktop.workers.analysis import AnalysisWorker
from tests.hostile import mixed as mixed_folder
from tests.hostile.generate import generate

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="FIFOs and /proc links")


@pytest.fixture
def hostile_folder(tmp_path):
    cases = generate(tmp_path / "inputs")
    yield mixed_folder.build(cases, tmp_path / "mixed")
    for path in tmp_path.rglob("*"):
        try:
            if not path.is_symlink():
                os.chmod(path, 0o700)
        except OSError:
            pass
    shutil.rmtree(tmp_path, ignore_errors=True)


def test_dropping_good_and_hostile_files_together(qtbot, settings, hostile_folder):
    from core.nlp import blank_pipeline

    worker = AnalysisWorker(loader=blank_pipeline)
    window = MainWindow(None, worker=worker, settings=Settings(settings), load_model=False)
    window.ask_before_discard = False
    qtbot.addWidget(window)
    window.show()
    reports = []
    worker.loaded.connect(reports.append)
    failures = []
    worker.failed.connect(failures.append)

    with qtbot.waitSignal(window.analysis_finished, timeout=600_000):
        assert window.add_paths([hostile_folder.folder]) is None  # a folder: read by the worker

    assert len(reports) == 1
    report = reports[0]
    titles = [r.article.title for r in window.analysis.raw_results()]
    assert all(mixed_folder.good_titles_found(titles).values()), titles[:10]
    sources = [r.article.source for r in window.analysis.raw_results()]
    assert mixed_folder.unaccounted(hostile_folder, SUPPORTED_SUFFIXES, report.problems + report.skipped,
                                    sources) == {}
    assert not [f for f in failures if "E301" in f or "unexpectedly" in f]  # no article's analysis crashed
    assert not window.load_banner.isHidden() and "not loaded" in window.load_banner.text
    window.add_paths([hostile_folder.good[0]])  # still working: the duplicate is recognised
    assert "already in the project" in window.load_banner.text
