"""Workspace: room for the charts at 1280×800, and charts in hidden tabs that redraw only when shown."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QApplication

from desktop.app.workspace import Workspace
from tests.desktop.conftest_charts import *  # noqa: F401,F403


@pytest.fixture
def workspace(qtbot, handmade, state):
    ws = Workspace(handmade, state)
    qtbot.addWidget(ws)
    ws.resize(1280, 740)  # what a 1280×800 window leaves after the menu, toolbar and status bar
    ws.show()
    qtbot.waitExposed(ws)
    QApplication.processEvents()
    return ws


class Calls:
    """Counts calls to a method while still running it."""

    def __init__(self, monkeypatch, obj, name):
        self.n = 0
        original = getattr(obj, name)

        def counted(*args, **kwargs):
            self.n += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(obj, name, counted)


def test_charts_get_most_of_a_1280_window(workspace):
    left, centre, right = workspace.splitter.sizes()
    assert centre >= 620, workspace.splitter.sizes()
    assert centre > left + right - 100
    timeline = workspace.chart_widgets["Timeline"]
    assert timeline.plot.getViewBox().width() >= 420  # the time axis itself, without the lane labels


@pytest.mark.parametrize("title", ["Timeline", "Matrix", "Stance over time"])
def test_every_chart_fits_its_pane_at_1280(workspace, title):
    """Nothing clipped: each chart's minimum width fits the centre pane it gets by default."""
    workspace.show_chart(title)
    QApplication.processEvents()
    chart = workspace.chart_widgets[title]
    assert chart.minimumSizeHint().width() <= workspace.charts.width()
    assert chart.width() <= workspace.charts.width()


def test_matrix_toolbar_is_fully_visible(workspace):
    workspace.show_chart("Matrix")
    QApplication.processEvents()
    matrix = workspace.chart_widgets["Matrix"]
    for control in (matrix.columns_box, matrix.sort_box, matrix.filter_edit, matrix.group_box,
                    matrix.relations_check):
        right_edge = control.mapTo(matrix, control.rect().topRight()).x()
        assert control.isVisible() and right_edge <= matrix.width(), type(control).__name__
        assert control.width() >= control.minimumSizeHint().width()


def test_hidden_chart_redraws_only_when_its_tab_is_shown(workspace, monkeypatch, handmade):
    stance = workspace.chart_widgets["Stance over time"]
    draws = Calls(monkeypatch, stance, "_draw")
    assert workspace.charts.currentWidget() is not stance
    handmade.rename_actor("turkey", "Türkiye")
    handmade.set_published("a1", date(2018, 8, 30))
    assert draws.n == 0 and stance.stale
    workspace.show_chart("Stance over time")
    QApplication.processEvents()
    assert draws.n == 1 and not stance.stale  # two corrections, one redraw
    assert any("Türkiye" in stance.actor_list.item(i).text() for i in range(stance.actor_list.count()))


def test_hidden_matrix_ignores_time_window_drags_until_shown(workspace, monkeypatch, state):
    matrix = workspace.chart_widgets["Matrix"]
    before = int(matrix.counts.sum())
    refreshes = Calls(monkeypatch, matrix, "refresh")
    for day in (1, 2, 3, 4):  # a drag: many windows, all after the article's date
        state.set_time_window(date(2018, 9, day), date(2018, 9, 30))
    assert refreshes.n == 0 and matrix.stale
    workspace.show_chart("Matrix")
    assert refreshes.n == 1 and int(matrix.counts.sum()) < before


def test_hidden_stance_chart_follows_the_selected_actor_when_shown(workspace, monkeypatch, state):
    stance = workspace.chart_widgets["Stance over time"]
    workspace.show_chart("Stance over time")
    stance.set_actors(["russia"])
    workspace.show_chart("Timeline")
    draws = Calls(monkeypatch, stance, "_draw")
    state.set_actor("turkey")  # a click in the timeline or matrix
    state.set_actor("rebels")
    assert draws.n == 0
    workspace.show_chart("Stance over time")
    assert draws.n == 1 and stance.actor_ids == ["rebels", "turkey", "russia"]
    assert set(stance.strips) == {"rebels", "turkey", "russia"}


def test_visible_chart_redraws_at_once(workspace, handmade):
    workspace.show_chart("Stance over time")
    stance = workspace.chart_widgets["Stance over time"]
    handmade.rename_actor("turkey", "Türkiye")
    assert not stance.stale
    assert any("Türkiye" in stance.actor_list.item(i).text() for i in range(stance.actor_list.count()))


def test_export_of_a_stale_chart_draws_it_first(workspace, handmade):
    stance = workspace.chart_widgets["Stance over time"]
    handmade.rename_actor("turkey", "Türkiye")
    assert stance.stale
    workspace.charts.blockSignals(True)  # as if the tab were chosen without the signal
    workspace.charts.setCurrentWidget(stance)
    workspace.charts.blockSignals(False)
    assert workspace.current_chart() is stance and not stance.stale


def test_hidden_actor_panel_catches_up_when_its_tab_is_chosen(workspace, monkeypatch, handmade):
    panel = workspace.actor_panel
    assert workspace.left.currentWidget() is not panel
    refreshes = Calls(monkeypatch, panel, "refresh")
    handmade.rename_actor("turkey", "Türkiye")
    handmade.rename_actor("russia", "Russian Federation")
    assert refreshes.n == 0
    workspace.left.setCurrentWidget(panel)
    assert refreshes.n == 1
    assert panel.model.row(panel.model.row_of("turkey")).name == "Türkiye"
