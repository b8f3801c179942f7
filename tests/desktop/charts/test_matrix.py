"""MatrixView: colours follow the scores' sign, clicks select cells, columns/sort/filter/grouping switch."""
from __future__ import annotations

from datetime import date

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt

from desktop.charts import palette
from desktop.charts.matrix import MatrixView
from tests.desktop.conftest_charts import *  # noqa: F401,F403
from tests.desktop.conftest_charts import show


def cell_rgb(view, actor, column):
    r, c = view.row_ids.index(actor), view.col_ids.index(column)
    return tuple(int(v) for v in view.rgba[r, c, :3])


def is_blue(rgb):
    return rgb[2] > rgb[0] + 40


def is_red(rgb):
    return rgb[0] > rgb[2] + 40


def test_rows_columns_and_counts(qtbot, handmade, state):
    view = show(qtbot, MatrixView(handmade, state))
    view.set_group_by("government")  # Lavrov counted under Russia
    assert view.col_ids == ["support", "oppose", "neutral"]
    assert view.row_ids[0] in ("russia", "turkey")
    assert set(view.row_ids) == {"russia", "turkey", "rebels"}
    r = view.row_ids.index("russia")
    assert list(view.counts[r]) == [3, 0, 0]
    assert view.row_axis.labels[r] == "Russia"


@pytest.mark.parametrize("actor, column, colour", [
    ("russia", "support", "blue"),
    ("turkey", "support", "blue"),
    ("turkey", "oppose", "red"),
    ("russia", "oppose", "empty"),
    ("rebels", "neutral", "grey"),
])
def test_cell_colours_follow_the_score_sign(qtbot, handmade, state, actor, column, colour):
    view = show(qtbot, MatrixView(handmade, state))
    rgb = cell_rgb(view, actor, column)
    if colour == "blue":
        assert is_blue(rgb)
    elif colour == "red":
        assert is_red(rgb)
    elif colour == "empty":
        assert rgb == palette.EMPTY_RGB
    else:
        assert max(rgb) - min(rgb) < 10 and rgb != palette.EMPTY_RGB


def test_click_on_a_cell_sets_cell_actor_and_items(qtbot, handmade, state):
    view = show(qtbot, MatrixView(handmade, state))
    pos = view.plot.mapFromScene(view.scene_pos_of("turkey", "oppose"))
    with qtbot.waitSignal(state.items_changed, timeout=1000):
        qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert state.cell == ("turkey", "oppose")
    assert state.actor == "turkey"
    assert state.items == ("a1:s2", "a1:s3")
    assert view.cell_box.isVisible() and view.row_box.isVisible()


def test_clicking_a_row_name_selects_the_actor(qtbot, handmade, state):
    view = show(qtbot, MatrixView(handmade, state))
    r = view.row_ids.index("rebels")
    y = view.plot.getViewBox().mapViewToScene(pg.Point(0, r)).y()
    x = view.row_axis.sceneBoundingRect().center().x()
    qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, pos=view.plot.mapFromScene(pg.Point(x, y)))
    assert state.actor == "rebels" and state.cell is None
    assert view.row_box.isVisible() and not view.cell_box.isVisible()


def test_switching_columns_to_targets(qtbot, handmade, state):
    view = show(qtbot, MatrixView(handmade, state))
    view.set_columns("target")
    assert set(view.col_ids) == {"offensive", "ceasefire", "talks"}
    assert is_red(cell_rgb(view, "turkey", "offensive"))
    assert is_blue(cell_rgb(view, "russia", "offensive"))
    r, c = view.row_ids.index("turkey"), view.col_ids.index("ceasefire")
    assert view.counts[r, c] == 2 and view.scores[r, c] == 0  # one for, one against
    view.activate_cell(r, c)
    assert state.cell == ("turkey", "ceasefire") and len(state.items) == 2


@pytest.mark.parametrize("sort, expected", [
    ("name", ["rebels", "russia", "turkey"]),
    ("net", ["russia", "rebels", "turkey"]),
])
def test_sorting(qtbot, handmade, state, sort, expected):
    view = show(qtbot, MatrixView(handmade, state))
    view.set_group_by("government")  # Lavrov counted under Russia
    view.set_sort(sort)
    assert view.row_ids == expected
    assert view.row_axis.labels == [handmade.actor_name(a) for a in expected]


def test_clicking_a_column_header_sorts_rows_by_it(qtbot, handmade, state):
    view = show(qtbot, MatrixView(handmade, state))
    c = view.col_ids.index("oppose")
    x = view.plot.getViewBox().mapViewToScene(pg.Point(c, 0)).x()
    y = view.col_axis.sceneBoundingRect().center().y()
    qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, pos=view.plot.mapFromScene(pg.Point(x, y)))
    assert view.row_ids[0] == "turkey"  # 2 oppose
    assert view.sort_box.currentText() == "By \u201coppose\u201d"
    view.sort_by_column("support")
    assert view.row_ids[0] == "russia" and view.sort_box.count() == 4  # one column entry at a time
    assert view.options()["sort"] == "col:support"


def test_filter_box(qtbot, handmade, state):
    view = show(qtbot, MatrixView(handmade, state))
    view.set_group_by("government")  # Lavrov counted under Russia
    qtbot.keyClicks(view.filter_edit, "tur")
    assert view.row_ids == ["turkey"]
    view.set_filter("nobody")
    assert view.row_ids == [] and "nobody" in view.empty_text.textItem.toPlainText()
    view.set_filter("")
    assert len(view.row_ids) == 3


def test_rows_are_the_actors_named_unless_grouped(qtbot, handmade, state):
    view = show(qtbot, MatrixView(handmade, state))
    assert "lavrov" in view.row_ids  # the default: a person is a row of their own
    view.set_group_by("party")
    assert "lavrov" in view.row_ids  # the text ties him to no party
    view.set_group_by("government")
    assert "lavrov" not in view.row_ids
    r = view.row_ids.index("russia")
    assert view.counts[r].sum() == 3  # Russia's own two and Lavrov's
    assert view.options()["group_by"] == "government"


def test_time_window_is_honoured(qtbot, handmade, state):
    view = show(qtbot, MatrixView(handmade, state))
    view.set_group_by("government")  # Lavrov counted under Russia
    state.set_time_window(date(2018, 9, 1), date(2018, 10, 1))  # after publication
    assert view.row_ids == [] and "No statements" in view.empty_text.textItem.toPlainText()
    state.set_time_window(date(2018, 8, 1), date(2018, 9, 1))
    assert len(view.row_ids) == 3


def test_no_scroll_bar_when_every_row_fits(qtbot, handmade, state):
    view = show(qtbot, MatrixView(handmade, state))
    assert view.scroll.isHidden()


def test_corrections_keep_the_scroll_position(qtbot, state):
    from core.analysis import Analysis
    from tests.support.synthetic import synthetic_results

    analysis = Analysis(synthetic_results(n_events=600, n_actors=120, n_articles=6, statements_per_article=100))
    view = show(qtbot, MatrixView(analysis, state))
    view.scroll.setValue(20)
    top = view.plot.getViewBox().viewRange()[1][0]
    analysis.rename_actor(view.row_ids[0], "Renamed")
    assert view.plot.getViewBox().viewRange()[1][0] == pytest.approx(top)
    view.set_columns("target")  # a different matrix starts at the top again
    assert view.plot.getViewBox().viewRange()[1][0] == pytest.approx(-0.5)


def test_hover_preview_counts(qtbot, handmade, state):
    view = show(qtbot, MatrixView(handmade, state))
    r, c = view.row_ids.index("turkey"), view.col_ids.index("oppose")
    text = view.cell_tooltip(r, c)
    assert "Turkey" in text and "2 statements" in text


def test_refreshes_on_corrections(qtbot, handmade, state):
    view = show(qtbot, MatrixView(handmade, state))
    handmade.set_polarity("a1:s2", "support")
    r = view.row_ids.index("turkey")
    assert list(view.counts[r]) == [2, 1, 0]
    handmade.undo()
    assert list(view.counts[view.row_ids.index("turkey")]) == [1, 2, 0]


def test_many_actors_stay_readable(qtbot, state):
    from core.analysis import Analysis
    from tests.support.synthetic import synthetic_results

    analysis = Analysis(synthetic_results(n_events=600, n_actors=120, n_articles=6, statements_per_article=100))
    view = show(qtbot, MatrixView(analysis, state))
    (y0, y1) = view.plot.getViewBox().viewRange()[1]
    rows_shown = y1 - y0
    assert len(view.row_ids) > rows_shown  # scrolls rather than squeezing 100+ rows
    assert view.plot.getViewBox().height() / rows_shown >= 20
    ticks = view.row_axis.tickValues(y0, y1, view.plot.getViewBox().height())[0][1]
    assert len(ticks) >= rows_shown - 1
    # a scroll bar says there is more, and scrolls
    assert not view.scroll.isHidden() and view.scroll.maximum() > 0
    view.scroll.setValue(view.scroll.maximum())
    assert view.plot.getViewBox().viewRange()[1][1] == pytest.approx(len(view.row_ids) - 0.5, abs=0.6)


def test_empty_analysis(qtbot, state):
    from core.analysis import Analysis

    view = show(qtbot, MatrixView(Analysis(), state))
    assert view.counts.shape == (0, 3)
    assert "No statements" in view.empty_text.textItem.toPlainText()


def test_seed_matrix_has_russia_and_turkey(qtbot, seed_analysis, state):
    view = show(qtbot, MatrixView(seed_analysis, state))
    names = view.row_axis.labels
    assert "Russia" in names and "Turkey" in names
    assert all(isinstance(a, str) for a in view.row_ids)
    assert np.all(view.counts.sum(axis=1) > 0)


def test_hovering_a_cell_with_the_mouse_shows_its_count(qtbot, handmade, state):
    """The real path: a mouse move over the plot, through pyqtgraph's scene, to a tooltip."""
    from PySide6.QtCore import QPointF
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QToolTip

    view = show(qtbot, MatrixView(handmade, state))
    r, c = view.row_ids.index("turkey"), view.col_ids.index("oppose")
    scene = view.plot.getViewBox().mapViewToScene(QPointF(c, r))
    pos = view.plot.mapFromScene(scene)
    QTest.mouseMove(view.plot.viewport(), pos)
    qtbot.waitUntil(lambda: "2 statements" in QToolTip.text(), timeout=2000)
    assert "Turkey" in QToolTip.text() and "oppose" in QToolTip.text()
    QToolTip.hideText()


def test_status_names_an_active_time_window(qtbot, handmade, state):
    view = show(qtbot, MatrixView(handmade, state))
    assert "window" not in view.status.text()
    state.set_date_range(date(2018, 8, 1), date(2018, 9, 30))  # both days included, as the user typed them
    assert view.status.text().endswith("statements \u00b7 window 01 Aug 2018 \u2013 30 Sep 2018")


def test_a_window_without_statements_says_so_not_no_statements_yet(qtbot, handmade, state):
    view = show(qtbot, MatrixView(handmade, state))
    state.set_time_window(date(2019, 1, 1), date(2019, 2, 1))
    assert view.empty_text.textItem.toPlainText().startswith(
        "No statements in the time window (01 Jan 2019 \u2013 31 Jan 2019).")
    state.set_time_window(None, None)
    assert view.empty_text.textItem.toPlainText() == "" and int(view.counts.sum()) > 0
