"""Autosave of a big project runs in a background thread and marks the project saved only if nothing changed meanwhile."""
import pytest

from core.analysis import Analysis
from core.io.store import load_project
from desktop.app.project import ProjectController
from desktop.app.settings import Settings
from tests.desktop.conftest import make_analysis


@pytest.fixture
def controller(qtbot, settings, tmp_path, monkeypatch):
    import desktop.app.project as project_module

    monkeypatch.setattr(project_module, "BACKGROUND_SAVE_ARTICLES", 1)
    analysis = Analysis([make_analysis()])
    project = ProjectController(Settings(settings), lambda: analysis)
    project.watch(analysis)
    assert project.save(tmp_path / "big.standpoint")
    return project, analysis


def test_big_project_autosaves_in_the_background(qtbot, controller):
    project, analysis = controller
    analysis.hide_actor("russia")
    with qtbot.waitSignal(project.saved, timeout=10000):
        project.autosave()
        assert project.dirty  # still writing
    assert not project.dirty
    assert load_project(project.path).corrections == analysis.corrections


def test_a_change_during_the_background_save_keeps_the_project_dirty(qtbot, controller):
    project, analysis = controller
    analysis.hide_actor("russia")
    with qtbot.waitSignal(project.saved, timeout=10000):
        project.autosave()
        analysis.hide_actor("turkey")
    assert project.dirty
