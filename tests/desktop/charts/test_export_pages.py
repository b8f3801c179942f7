"""Exports a report can take as they are: the whole chart, without the selection, paged when it is tall."""
from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtGui import QImage

from core.analysis import Analysis
from desktop.charts.axes import epoch
from desktop.charts.export import ExportSize, export_chart, laid_out, render_pages
from desktop.charts.matrix import MatrixView
from desktop.charts.stance_over_time import StanceTimeView
from desktop.charts.timeline import TimelineView
from tests.desktop.conftest_charts import *  # noqa: F401,F403
from tests.desktop.conftest_charts import show
from tests.support.synthetic import synthetic_results


def pdf_pages(path) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes()))


@pytest.fixture(scope="module")
def big():
    return Analysis(synthetic_results(n_events=900, n_actors=60, n_articles=8, statements_per_article=60))


@pytest.mark.parametrize("max_lanes, pages", [(12, {1}), (60, {3, 4})])
def test_a_tall_timeline_continues_on_further_pdf_pages(qtbot, big, state, tmp_path, max_lanes, pages):
    view = TimelineView(big, state)
    view.set_max_lanes(max_lanes)
    view = show(qtbot, view, 700, 500)
    path = export_chart(view, tmp_path / "timeline.pdf")
    assert pdf_pages(path) in pages  # 60 lanes at 18 px on an 800 × 500 page, under its legend and caption
    with laid_out(view, ExportSize()) as copy:
        assert copy.export_pages() == pdf_pages(path)


def test_a_tall_matrix_continues_on_further_pdf_pages(qtbot, big, state, tmp_path):
    view = show(qtbot, MatrixView(big, state), 700, 500)
    rows = len(view.row_ids)
    path = export_chart(view, tmp_path / "matrix.pdf")
    assert rows > 40 and pdf_pages(path) >= 3
    with laid_out(view, ExportSize()) as copy:
        assert copy.export_pages() == pdf_pages(path)
        copy.show_export_page(copy.export_pages() - 1)
        assert copy.plot.getViewBox().viewRange()[1][1] == pytest.approx(rows - 0.5, abs=0.01)  # the last row


def test_the_default_stance_over_time_fits_one_page(qtbot, big, state, tmp_path):
    view = show(qtbot, StanceTimeView(big, state), 700, 500)
    assert len(view.strips) == 3
    assert pdf_pages(export_chart(view, tmp_path / "stance.pdf")) == 1
    image = QImage(str(export_chart(view, tmp_path / "stance.png")))
    assert (image.width(), image.height()) == (1600, 1000)
    with laid_out(view, ExportSize()) as copy:
        copy.show_export_page(0)
        assert len(copy.strips) == 3 and copy.lane_px >= 12
        assert copy.graphics.minimumHeight() <= copy.scroll.viewport().height()  # no strip cut off
    view.set_actors(view.actor_ids + [view.actor_list.item(i).data(256) for i in range(3, 12)])
    assert pdf_pages(export_chart(view, tmp_path / "many.pdf")) >= 2


def test_the_export_shows_no_selection(qtbot, handmade, state):
    view = show(qtbot, TimelineView(handmade, state), 700, 500)
    state.set_items(["a1:e0", "a1:e1"])
    state.set_actor("turkey")
    assert len(view.highlight_points.data) > 0 and len(view.actor_band) == 1
    with laid_out(view, ExportSize()) as copy:
        assert copy.state.items == () and copy.state.actor is None
        assert len(copy.highlight_points.data) == 0 and len(copy.actor_band) == 0
    assert state.items == ("a1:e0", "a1:e1")  # the window's selection is untouched


def test_the_export_is_the_whole_chart_over_the_dates_on_screen(qtbot, big, state):
    view = show(qtbot, TimelineView(big, state), 500, 200)  # too short for all twelve lanes on screen
    vb = view.plot.getViewBox()
    vb.setXRange(epoch(date(2018, 8, 1)), epoch(date(2018, 9, 10)), padding=0)
    shown_y = vb.viewRange()[1]
    assert shown_y[1] - shown_y[0] < 10
    with laid_out(view, ExportSize()) as copy:
        copy.show_export_page(0)
        (x0, x1), (y0, y1) = copy.plot.getViewBox().viewRange()
        assert (x0, x1) == pytest.approx((epoch(date(2018, 8, 1)), epoch(date(2018, 9, 10))))
        assert y0 <= -0.5 and y1 >= 11.5  # every lane
        # and nothing sticks out of the page on the right (the old export clipped there)
        assert copy.plot.getPlotItem().width() <= copy.plot.viewport().width() + 1
        assert copy.plot.viewport().width() == 800


def test_the_date_range_and_grouping_travel_into_the_export(qtbot, handmade, state):
    view = show(qtbot, MatrixView(handmade, state), 700, 500)
    state.set_group_by("government")
    state.set_date_range(date(2018, 8, 1), date(2018, 8, 31))
    with laid_out(view, ExportSize()) as copy:
        assert copy.state.time_window == state.time_window and copy.state.group_by == "government"
        assert "lavrov" not in copy.row_ids and int(copy.counts.sum()) == int(view.counts.sum())


def test_a_partial_page_says_which_part_it_shows(qtbot, big, state):
    view = TimelineView(big, state)
    view.set_max_lanes(60)
    view = show(qtbot, view, 700, 500)
    with laid_out(view, ExportSize()) as copy:
        assert copy.export_pages() >= 3
        copy.show_export_page(1)
        assert re.fullmatch(r"lanes \d+\u2013\d+ of 60", copy.export_page_note(1))
    image = render_pages(view, ExportSize(), first_only=True)[0]
    assert (image.width(), image.height()) == (1600, 1000)
