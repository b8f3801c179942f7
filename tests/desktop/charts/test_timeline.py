"""TimelineView: marks at the right dates and lanes, bars for ranges, click-through, highlight, window."""
from __future__ import annotations

from datetime import date

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.charts.axes import epoch
from desktop.charts.items import PointBatch, RectBatch
from desktop.charts.timeline import TimelineView
from desktop.charts.timeline_data import build_marks, resolution_label, tooltip_html
from tests.desktop.conftest_charts import *  # noqa: F401,F403
from tests.desktop.conftest_charts import handmade_result, show


def marks_of(view, event_id):
    m = view.marks
    ids = m.table["event_id"].to_numpy()[m.row]
    return np.flatnonzero(ids == event_id)


def lanes_of(view, event_id):
    return sorted(view.marks.lanes[view.marks.lane[i]] for i in marks_of(view, event_id))


@pytest.mark.parametrize("event_id, day, lanes, is_bar", [
    ("a1:e0", date(2018, 5, 17), ["Russia", "Syria"], False),
    ("a1:e1", date(2018, 8, 29), ["Russia"], False),
    ("a1:e2", date(2018, 8, 20), ["Turkey"], True),
    ("a1:e3", date(2018, 7, 29), ["Rebels"], True),
    ("a1:e4", date(2018, 9, 3), ["Syria"], False),
])
def test_events_sit_at_their_date_and_lanes(qtbot, handmade, state, event_id, day, lanes, is_bar):
    view = show(qtbot, TimelineView(handmade, state))
    idx = marks_of(view, event_id)
    assert len(idx) == len(lanes)
    assert np.all(view.marks.x0[idx] == epoch(day))
    assert lanes_of(view, event_id) == lanes
    assert bool(view.marks.is_bar[idx].all()) is is_bar


def test_lanes_are_ordered_by_activity_then_name(qtbot, handmade, state):
    view = show(qtbot, TimelineView(handmade, state))
    assert view.marks.lanes == ["Russia", "Syria", "Rebels", "Turkey"]
    assert view.lane_axis.labels == ["Russia", "Syria", "Rebels", "Turkey"]


def test_ranges_and_vague_periods_become_bars(qtbot, handmade, state):
    view = show(qtbot, TimelineView(handmade, state))
    week, = marks_of(view, "a1:e2")
    assert view.marks.x1[week] - view.marks.x0[week] == 7 * 86400
    vague, = marks_of(view, "a1:e3")
    assert view.marks.vague[vague] and not view.marks.vague[week]
    bars = [item for item in view._items if isinstance(item, RectBatch)]
    bar_marks = {int(i) for item in bars for i in item.mark_indices}
    assert {week, vague} == bar_marks
    # a vague period is fainter than a week
    alpha = {int(item.mark_indices[0]): item.opts["brush"].color().alpha() for item in bars}
    assert alpha[vague] < alpha[week]


def test_future_events_are_hollow(qtbot, handmade, state):
    view = show(qtbot, TimelineView(handmade, state))
    future, = marks_of(view, "a1:e4")
    past = marks_of(view, "a1:e1")[0]
    item_of = {int(i): item for item in view._items for i in item.mark_indices}
    assert isinstance(item_of[future], PointBatch)
    assert item_of[future] is not item_of[past]
    assert item_of[future].opts["brush"].color().name() == "#ffffff"
    assert item_of[past].opts["brush"].color().name() != "#ffffff"


def test_mouse_click_on_a_point_selects_the_event_and_sentence(qtbot, handmade, state):
    view = show(qtbot, TimelineView(handmade, state))
    pos = view.plot.mapFromScene(view.scene_pos_of("a1:e1"))
    with qtbot.waitSignal(state.sentence_changed, timeout=1000):
        qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert state.items == ("a1:e1",)
    assert state.sentence == ("a1", 1)
    assert state.article == "a1"


def test_mouse_click_on_a_bar_selects_it(qtbot, handmade, state):
    view = show(qtbot, TimelineView(handmade, state))
    qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.plot.mapFromScene(view.scene_pos_of("a1:e2")))
    assert state.items == ("a1:e2",)
    assert state.sentence == ("a1", 2)


def test_click_on_empty_space_changes_nothing(qtbot, handmade, state):
    view = show(qtbot, TimelineView(handmade, state))
    vb = view.plot.getViewBox()
    empty = vb.mapViewToScene(pg.Point(epoch(date(2018, 6, 20)), 3.0))
    qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, pos=view.plot.mapFromScene(empty))
    assert state.items == () and state.sentence is None


def test_clicking_a_lane_name_selects_the_actor(qtbot, handmade, state):
    view = show(qtbot, TimelineView(handmade, state))
    vb = view.plot.getViewBox()
    y = vb.mapViewToScene(pg.Point(0, 3.0)).y()  # lane 3: Turkey
    x = view.lane_axis.sceneBoundingRect().center().x()
    pos = view.plot.mapFromScene(pg.Point(x, y))
    qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert state.actor == "turkey"
    qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert state.actor is None


def test_selected_actor_and_items_are_highlighted(qtbot, handmade, state):
    view = show(qtbot, TimelineView(handmade, state))
    state.set_actor("turkey")
    assert len(view.actor_band) == 1 and list(view.actor_band.opts["y"]) == [3.0]
    assert len(view.highlight_bars) == 0 and len(view.highlight_points) == 0  # the lane glows instead
    view.set_lanes_by("article")
    assert len(view.highlight_bars) == 1 and len(view.actor_band) == 0
    view.set_lanes_by("actor")
    state.set_actor(None)
    assert len(view.actor_band) == 0
    state.set_items(["a1:e0"])
    assert len(view.highlight_points.data) == 2  # the meeting shows in the Russia and Syria lanes
    state.set_items([])
    assert len(view.highlight_points.data) == 0


def test_statements_selected_elsewhere_light_up_their_sentences_events(qtbot, handmade, state):
    view = show(qtbot, TimelineView(handmade, state))
    state.set_items(["a1:s2", "a1:s3"])  # Turkey's statements, both in sentence 2
    highlighted = {view.marks.lanes[view.marks.lane[i]] for i in view.selected_marks()}
    assert highlighted == {"Turkey"}
    assert len(view.highlight_bars) == 1


def test_colour_switch_changes_legend(qtbot, handmade, state):
    view = show(qtbot, TimelineView(handmade, state))
    labels = lambda: [label.text for _sample, label in view.legend.items]  # noqa: E731
    assert "planned" in labels() and "support" not in labels()
    view.set_colour_by("stance")
    assert "support" in labels() and "planned" not in labels()
    assert "vague period" in labels() and any("future" in x for x in labels())


def test_lanes_by_article(qtbot, state):
    from core.analysis import Analysis

    analysis = Analysis([handmade_result("a1", "First"), handmade_result("a2", "Second")])
    view = show(qtbot, TimelineView(analysis, state))
    view.set_lanes_by("article")
    assert sorted(view.marks.lanes) == ["First", "Second"]
    assert len(view.marks) == 10


def test_refreshes_when_the_analysis_changes(qtbot, handmade, state):
    view = show(qtbot, TimelineView(handmade, state))
    assert len(view.marks.table) == 5
    handmade.add(handmade_result("a2", "Second"))
    assert len(view.marks.table) == 10
    handmade.set_event_date("a1:e4", None, wrong=True)
    assert len(view.marks.table) == 9


def test_first_events_arriving_come_into_view(qtbot, state):
    from core.analysis import Analysis

    analysis = Analysis()
    view = show(qtbot, TimelineView(analysis, state))
    analysis.add(handmade_result())
    (x0, x1) = view.plot.getViewBox().viewRange()[0]
    assert x0 <= epoch(date(2018, 5, 17)) and epoch(date(2018, 9, 3)) <= x1


def test_time_window_round_trips_through_the_state(qtbot, handmade, state):
    view = show(qtbot, TimelineView(handmade, state))
    assert not view.region.isVisible()
    state.set_time_window(date(2018, 8, 1), date(2018, 9, 1))
    assert view.region.isVisible()
    assert view.region.getRegion() == pytest.approx((epoch(date(2018, 8, 1)), epoch(date(2018, 9, 1))))
    view.region.setRegion((epoch(date(2018, 8, 10)), epoch(date(2018, 8, 20))))
    view.region.sigRegionChangeFinished.emit(view.region)  # what the end of a drag sends
    assert state.time_window == (date(2018, 8, 10), date(2018, 8, 20))
    state.set_time_window(None, None)
    assert not view.region.isVisible()


def test_a_range_set_elsewhere_comes_into_view_and_stays_through_resizes(qtbot, handmade, state):
    view = show(qtbot, TimelineView(handmade, state), 900, 500)
    vb = view.plot.getViewBox()
    vb.setXRange(epoch(date(2018, 5, 1)), epoch(date(2018, 5, 20)), padding=0)
    state.set_date_range(date(2018, 8, 20), date(2018, 9, 3))
    x0, x1 = vb.viewRange()[0]
    assert x0 <= epoch(date(2018, 8, 20)) and epoch(date(2018, 9, 4)) <= x1
    assert x1 - x0 < 20 * 86400  # zoomed to the range, not to everything
    view.resize(600, 400)
    QApplication.processEvents()
    x0, x1 = vb.viewRange()[0]
    assert x0 <= epoch(date(2018, 8, 20)) and epoch(date(2018, 9, 4)) <= x1 and x1 - x0 < 20 * 86400


def test_keyboard_zoom_pan_and_home(qtbot, handmade, state):
    view = show(qtbot, TimelineView(handmade, state))
    vb = view.plot.getViewBox()
    width = lambda: vb.viewRange()[0][1] - vb.viewRange()[0][0]  # noqa: E731
    fitted = width()
    qtbot.keyClick(view.plot, Qt.Key.Key_Plus)
    assert width() < fitted * 0.8
    left = vb.viewRange()[0][0]
    qtbot.keyClick(view.plot, Qt.Key.Key_Right)
    assert vb.viewRange()[0][0] > left
    qtbot.keyClick(view.plot, Qt.Key.Key_Home)
    assert width() == pytest.approx(fitted)


def test_tooltip_shows_phrase_and_resolution(handmade):
    table = handmade.timeline()
    row = table[table["event_id"] == "a1:e1"].iloc[0]
    html = tooltip_html(row)
    assert "on Wednesday \u2192 Wed 29 Aug 2018" in html
    assert "Russia" in html and "asserted" in html and "militants" in html


@pytest.mark.parametrize("event_id, label", [
    ("a1:e0", "Thu 17 May 2018"),
    ("a1:e2", "20 Aug 2018 \u2013 26 Aug 2018"),
    ("a1:e3", "29 Jul 2018 \u2013 28 Aug 2018"),
])
def test_resolution_labels(handmade, event_id, label):
    table = handmade.timeline()
    assert resolution_label(table[table["event_id"] == event_id].iloc[0]) == label


def test_empty_analysis_draws_a_message(qtbot, state):
    from core.analysis import Analysis

    view = show(qtbot, TimelineView(Analysis(), state))
    assert len(view.marks) == 0 and "No dated events" in view.status.text()


def test_undated_events_are_counted_in_the_status(qtbot, handmade, state):
    handmade.set_event_date("a1:e4", None, wrong=True)
    view = show(qtbot, TimelineView(handmade, state))
    assert "4 dated events" in view.status.text() and "1 undated" in view.status.text()


def test_resizing_shows_more_lanes_not_fatter_ones(qtbot, state):
    from core.analysis import Analysis
    from tests.support.synthetic import synthetic_results

    analysis = Analysis(synthetic_results(n_events=600, n_actors=80, n_articles=3))
    view = TimelineView(analysis, state)
    view.set_max_lanes(80)  # more lanes than fit: they scroll
    view = show(qtbot, view, 1000, 500)
    vb = view.plot.getViewBox()
    span = lambda: vb.viewRange()[1][1] - vb.viewRange()[1][0]  # noqa: E731
    small = span()
    assert vb.height() / small >= 20 and not view.scroll.isHidden()
    view.resize(1000, 900)
    qtbot.waitUntil(lambda: span() > small + 5, timeout=2000)
    assert vb.height() / span() >= 20


def test_big_corpus_uses_few_items(qtbot, state):
    from core.analysis import Analysis
    from tests.support.synthetic import synthetic_results

    analysis = Analysis(synthetic_results(n_events=3000, n_actors=60, n_articles=10))
    view = show(qtbot, TimelineView(analysis, state))
    assert len(view.marks.table) == 3000
    assert len(view._items) <= 32
    assert len(view.marks.lanes) == 12  # the default limit: 11 actors and "other actors"
    view.set_max_lanes(100)
    assert len(view.marks.lanes) == 60 and len(view._items) <= 32


def test_build_marks_without_actors_uses_a_no_actor_lane(handmade):
    table = handmade.timeline().copy()
    table["actor_ids"] = [()] * len(table)
    marks = build_marks(table)
    assert marks.lanes == ["(no actor)"] and len(marks) == 5


def test_seed_timeline_has_the_sochi_meeting_and_wednesday(qtbot, seed_analysis, state):
    view = show(qtbot, TimelineView(seed_analysis, state))
    starts = set(view.marks.x0.tolist())
    assert epoch(date(2018, 5, 17)) in starts
    on_wednesday = view.marks.table[view.marks.table["date_start"] == "2018-08-29"]
    assert len(on_wednesday) >= 2
    assert {"Russia", "Turkey"} <= set(view.marks.lanes)


@pytest.mark.parametrize("days", [3, 12, 40, 110, 300])
def test_date_axis_labels_never_collide_and_name_the_month(qtbot, days):
    from desktop.charts.axes import date_axis

    axis = date_axis()
    plot = pg.PlotWidget(axisItems={"bottom": axis})  # the axis measures its font once attached
    qtbot.addWidget(plot)
    plot.show()
    end = epoch(date(2018, 8, 29))
    width = 900
    levels = axis.tickValues(end - days * 86400, end, width)
    px_per_second = width / (days * 86400)
    for spacing, values in levels:
        labels = [s for s in axis.tickStrings(values, 1, spacing) if s]
        assert labels
        gaps = np.diff(values) * px_per_second
        assert len(gaps) == 0 or gaps.min() >= 40  # room for "29 Aug" / "2018"
        if days <= 110:
            assert all(any(m in s for m in ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep"))
                       for s in labels)


@pytest.mark.parametrize("years", [2, 15, 30])
def test_date_axis_over_years_keeps_no_level_of_crowded_ticks(qtbot, years):
    """Ticks (and their grid lines) closer than a few pixels are a grey wash: such a level is left out."""
    from desktop.charts.axes import MIN_TICK_PX, date_axis

    axis = date_axis()
    plot = pg.PlotWidget(axisItems={"bottom": axis})
    qtbot.addWidget(plot)
    plot.show()
    end = epoch(date(2018, 8, 29))
    width = 1500
    levels = axis.tickValues(end - years * 365 * 86400, end, width)
    assert levels and all(len(values) for _spacing, values in levels)
    px_per_second = width / (years * 365 * 86400)
    assert all(spacing * px_per_second >= MIN_TICK_PX for spacing, _values in levels)
    if years == 2:  # months 60 pixels apart stay
        assert any(spacing < 365 * 86400 for spacing, _values in levels)


def test_hovering_a_mark_shows_its_sentence(qtbot, handmade, state):
    from PySide6.QtWidgets import QToolTip

    view = show(qtbot, TimelineView(handmade, state))
    pos = view.plot.mapFromScene(view.scene_pos_of("a1:e1"))
    qtbot.mouseMove(view.plot.viewport(), pos)
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert "on Wednesday" in QToolTip.text() and "Wed 29 Aug 2018" in QToolTip.text()
