"""The timeline keeps its marks across changes that move none (renames, stance fixes) and equals a fresh build."""
from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from core.analysis import Analysis
from desktop.charts.timeline import TimelineView
from tests.core.analysis.test_incremental import corpus
from tests.desktop.conftest_charts import *  # noqa: F401,F403
from tests.desktop.conftest_charts import show
from tests.support.synthetic import synthetic_results


def assert_same_marks(kept, fresh) -> None:
    assert kept.lanes == fresh.lanes and kept.lane_keys == fresh.lane_keys and kept.folded == fresh.folded
    for name in ("row", "lane", "x0", "x1", "is_bar", "vague", "future", "category", "anchored", "count"):
        np.testing.assert_array_equal(getattr(kept, name), getattr(fresh, name), err_msg=name)
    assert kept.members == fresh.members
    pd.testing.assert_frame_equal(kept.table, fresh.table, check_exact=True)


def fresh_marks(qtbot, analysis, state, view):
    other = TimelineView(analysis, state)
    qtbot.addWidget(other)
    other.set_options(view.options())
    return other.marks


@pytest.fixture(params=["groups", "many lanes"])
def analysis(request):
    if request.param == "groups":
        a = Analysis(corpus())
        assert (a.event_groups()["group_size"] > 1).any()
        return a
    return Analysis(synthetic_results(n_events=600, n_actors=40, n_articles=3))


@pytest.mark.parametrize("lanes_by, colour_by", [("actor", "modality"), ("actor", "stance"), ("article", "modality")])
def test_a_rename_keeps_the_marks_and_equals_a_fresh_build(qtbot, state, analysis, lanes_by, colour_by):
    view = show(qtbot, TimelineView(analysis, state), 900, 600)
    view.set_lanes_by(lanes_by)
    view.set_colour_by(colour_by)
    items = list(view._items)
    actor = next(k for k in view.marks.lane_keys if analysis.actor_name(k) != k) if lanes_by == "actor" else \
        analysis.actors_table()["actor_id"].iloc[0]
    analysis.rename_actor(actor, "Zz Renamed")
    assert view._items == items  # no item rebuilt
    assert_same_marks(view.marks, fresh_marks(qtbot, analysis, state, view))
    if lanes_by == "actor":
        assert "Zz Renamed" in view.lane_axis.labels
        named = view.marks.table["actors"].astype(str).str.contains("Zz Renamed")
        assert named.any()
    analysis.undo()
    assert view._items == items
    assert_same_marks(view.marks, fresh_marks(qtbot, analysis, state, view))


def test_a_stance_fix_keeps_modality_marks_and_rebuilds_stance_colours(qtbot, state):
    analysis = Analysis(corpus())
    view = show(qtbot, TimelineView(analysis, state), 900, 600)
    table = analysis.statements_table()
    said = table[table["polarity"] != "support"].iloc[0]
    items = list(view._items)
    analysis.set_polarity(said["statement_id"], "support")
    assert view._items == items
    assert_same_marks(view.marks, fresh_marks(qtbot, analysis, state, view))
    view.set_colour_by("stance")
    items = list(view._items)
    analysis.set_polarity(said["statement_id"], "oppose")
    assert_same_marks(view.marks, fresh_marks(qtbot, analysis, state, view))


def test_a_date_fix_or_a_merge_builds_the_marks_again(qtbot, state):
    analysis = Analysis(corpus())
    view = show(qtbot, TimelineView(analysis, state), 900, 600)
    items = list(view._items)
    moved = view.marks.table["event_id"].iloc[0]
    analysis.set_event_date(moved, date(2016, 1, 1))
    assert view._items != items
    assert_same_marks(view.marks, fresh_marks(qtbot, analysis, state, view))
    lanes = [k for k in view.marks.lane_keys if analysis.actor_name(k) != k]
    analysis.merge_actors(lanes[1:2], into=lanes[0])
    assert lanes[1] not in view.marks.lane_keys
    assert_same_marks(view.marks, fresh_marks(qtbot, analysis, state, view))
