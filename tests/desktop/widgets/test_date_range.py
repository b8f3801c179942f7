"""The typed date range: parsing, presets, the bar bound to the state, and every view counting within it."""
from __future__ import annotations

from datetime import date

import pytest

from core.analysis import Analysis
from desktop.widgets.date_range import (
    ALL, CUSTOM, LAST7, LAST30, SPAN, DateRangeBar, parse_bound, preset_range, range_text,
)
from tests.desktop.conftest import make_analysis


@pytest.mark.parametrize("text, last, expected", [
    ("", False, None),
    ("  ", True, None),
    ("2016-09-08", False, date(2016, 9, 8)),
    ("2016-09-08", True, date(2016, 9, 8)),
    ("2016-09", False, date(2016, 9, 1)),
    ("2016-09", True, date(2016, 9, 30)),
    ("2016-2", True, date(2016, 2, 29)),
    ("2016", False, date(2016, 1, 1)),
    ("2016", True, date(2016, 12, 31)),
])
def test_parse_bound(text, last, expected):
    assert parse_bound(text, last) == expected


@pytest.mark.parametrize("text", ["yesterday", "08/09/2016", "2016-13", "2016-02-30"])
def test_parse_bound_refuses_what_is_not_a_date(text):
    with pytest.raises(ValueError, match=text):
        parse_bound(text)


DAYS = [date(2016, 9, 8), None, date(2016, 11, 30), date(2016, 10, 1)]


@pytest.mark.parametrize("key, expected", [
    (ALL, (None, None)),
    (SPAN, (date(2016, 9, 8), date(2016, 11, 30))),
    (LAST30, (date(2016, 11, 1), date(2016, 11, 30))),
    (LAST7, (date(2016, 11, 24), date(2016, 11, 30))),
])
def test_presets(key, expected):
    assert preset_range(key, DAYS) == expected
    assert preset_range(key, []) == (None, None)


@pytest.mark.parametrize("first, last, text", [
    (None, None, ""),
    (date(2016, 9, 8), None, "from 08 Sep 2016"),
    (None, date(2016, 9, 8), "until 08 Sep 2016"),
    (date(2016, 9, 8), date(2016, 9, 30), "08 Sep 2016 \u2013 30 Sep 2016"),
])
def test_range_text(first, last, text):
    assert range_text(first, last) == text


def corpus() -> Analysis:
    return Analysis([make_analysis("a1", published=date(2018, 8, 29)),
                     make_analysis("a2", "Later report", published=date(2018, 10, 2))])


def test_typing_a_range_sets_the_state_both_days_included(qtbot, state):
    bar = DateRangeBar(corpus(), state)
    qtbot.addWidget(bar)
    assert bar.type_range("2018-08-29", "2018-09")
    assert state.date_range == (date(2018, 8, 29), date(2018, 9, 30))
    assert state.time_window == (date(2018, 8, 29), date(2018, 10, 1))  # the day after the last one
    assert bar.presets.currentData() == CUSTOM and bar.last_edit.text() == "2018-09-30"
    assert not bar.type_range("2018-08-29", "soon")
    assert not bar.message.isHidden() and "soon" in bar.message.text()
    assert state.date_range == (date(2018, 8, 29), date(2018, 9, 30))  # a refused date changes nothing
    assert bar.type_range("", "")
    assert state.time_window == (None, None) and bar.presets.currentData() == ALL and bar.message.isHidden()


def test_presets_follow_the_corpus(qtbot, state):
    analysis = corpus()
    bar = DateRangeBar(analysis, state)
    qtbot.addWidget(bar)
    bar.choose_preset(LAST30)
    assert state.date_range == (date(2018, 9, 3), date(2018, 10, 2))
    assert (bar.first_edit.text(), bar.last_edit.text()) == ("2018-09-03", "2018-10-02")
    analysis.add(make_analysis("a3", "Newest", published=date(2018, 12, 1)))
    assert state.date_range == (date(2018, 11, 2), date(2018, 12, 1))  # "last 30 days" moved with the corpus
    bar.choose_preset(SPAN)
    assert state.date_range == (date(2018, 8, 29), date(2018, 12, 1))
    bar.choose_preset(ALL)
    assert state.time_window == (None, None) and bar.first_edit.text() == ""


def test_a_range_set_elsewhere_shows_as_custom(qtbot, state):
    bar = DateRangeBar(corpus(), state)
    qtbot.addWidget(bar)
    bar.choose_preset(SPAN)
    state.set_time_window(date(2018, 9, 1), date(2018, 9, 11))  # the timeline's band dragged
    assert bar.presets.currentData() == CUSTOM
    assert (bar.first_edit.text(), bar.last_edit.text()) == ("2018-09-01", "2018-09-10")


def test_every_view_counts_within_the_typed_range(qtbot, state):
    from desktop.charts.matrix import MatrixView
    from desktop.charts.stance_over_time import StanceTimeView
    from tests.desktop.conftest_charts import show

    analysis = corpus()
    matrix = show(qtbot, MatrixView(analysis, state), 900, 600)
    stance = show(qtbot, StanceTimeView(analysis, state), 900, 600)
    bar = DateRangeBar(analysis, state)
    qtbot.addWidget(bar)
    assert int(matrix.counts.sum()) == 6 and len(stance.rows) == 6
    bar.type_range("2018-10", "2018-10")
    assert int(matrix.counts.sum()) == 3 and len(stance.rows) == 3
    assert set(stance.rows["article_id"]) == {"a2"}
    assert matrix.status.text().endswith("window 01 Oct 2018 \u2013 31 Oct 2018")
    bar.choose_preset(ALL)
    assert int(matrix.counts.sum()) == 6 and len(stance.rows) == 6
