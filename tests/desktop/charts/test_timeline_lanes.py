"""The timeline's lane limit: the most involved actors get lanes, the rest share "other actors"."""
from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from desktop.charts.timeline import TimelineView
from desktop.charts.timeline_data import FIRST_APPEARANCE, NO_ACTOR, OTHER, build_marks
from tests.desktop.conftest_charts import *  # noqa: F401,F403
from tests.desktop.conftest_charts import show

DAY0 = date(2020, 1, 1)


def table_of(events) -> pd.DataFrame:
    """One timeline row per (day offset, actor ids) — the columns build_marks reads."""
    rows = []
    for i, (offset, actors) in enumerate(events):
        start = pd.Timestamp(DAY0 + timedelta(days=offset))
        rows.append({"event_id": f"a{i % 3}:e{i}", "article_id": f"a{i % 3}", "title": f"Article {i % 3}",
                     "sentence_index": i, "date_start": start, "date_end": start + pd.Timedelta(days=1),
                     "granularity": "day", "certainty": "exact", "future": False, "actor_ids": tuple(actors),
                     "modality": "asserted", "stance": ""})
    return pd.DataFrame(rows)


# actor k is in k+1 events (x0 the most involved... x5 the least), x5 appears first
EVENTS = [(10 + j, (f"x{k}",)) for k in range(5) for j in range(6 - k)] + [(0, ("x5",)), (3, ("x4", "x5"))]


def lanes_of(marks, event_id) -> list[str]:
    ids = marks.table["event_id"].to_numpy()[marks.row]
    return sorted(marks.lane_keys[marks.lane[i]] for i in np.flatnonzero(ids == event_id))


@pytest.mark.parametrize("max_lanes, expected", [
    (None, ["x0", "x1", "x2", "x3", "x4", "x5"]),
    (6, ["x0", "x1", "x2", "x3", "x4", "x5"]),
    (5, ["x0", "x1", "x2", "x3", OTHER]),
    (3, ["x0", "x1", OTHER]),
    (2, ["x0", OTHER]),
    (1, ["x0", OTHER]),  # never fewer than one actor and "other"
])
def test_at_most_max_lanes_with_the_rest_in_other(max_lanes, expected):
    marks = build_marks(table_of(EVENTS), max_lanes=max_lanes)
    assert marks.lane_keys == expected
    assert len(marks.lanes) == len(expected)
    if OTHER in expected:
        folded = [k for k in ("x0", "x1", "x2", "x3", "x4", "x5") if k not in expected]
        assert marks.folded == folded and marks.lanes[-1] == f"other actors ({len(folded)})"


def test_an_event_shows_once_in_other_however_many_folded_actors_it_has():
    marks = build_marks(table_of(EVENTS), max_lanes=4)  # x0 x1 x2 kept; x3 x4 x5 folded
    both_folded = f"a{(len(EVENTS) - 1) % 3}:e{len(EVENTS) - 1}"  # (x4, x5)
    assert lanes_of(marks, both_folded) == [OTHER]
    mixed = build_marks(table_of([(0, ("x0",)), (0, ("x0",)), (1, ("x0", "x9")), (2, ("x8",))]), max_lanes=2)
    assert lanes_of(mixed, "a2:e2") == sorted(["x0", OTHER])  # a kept actor's lane, and "other" for x9
    assert len(mixed) == 5


def test_lanes_in_order_of_first_appearance():
    marks = build_marks(table_of(EVENTS), order=FIRST_APPEARANCE)
    assert marks.lane_keys == ["x5", "x4", "x0", "x1", "x2", "x3"]
    limited = build_marks(table_of(EVENTS), max_lanes=4, order=FIRST_APPEARANCE)
    assert limited.lane_keys == ["x0", "x1", "x2", OTHER]  # the most involved, shown by first appearance


def test_chosen_actors_get_the_lanes():
    marks = build_marks(table_of(EVENTS), max_lanes=3, chosen=["x4", "x1", "nobody"])
    assert marks.lane_keys == ["x1", "x4", OTHER]


def test_events_without_actors_fold_into_other_too():
    events = [(0, ("x0",))] * 3 + [(1, ("x1",))] * 2 + [(2, ())] * 4
    assert build_marks(table_of(events)).lane_keys == ["x0", "x1", NO_ACTOR]
    marks = build_marks(table_of(events), max_lanes=2)
    assert marks.lane_keys == ["x0", OTHER] and marks.lanes[-1] == "other actors (1) or none"


def test_lanes_by_article_are_limited_the_same_way():
    marks = build_marks(table_of(EVENTS), lanes_by="article", max_lanes=2)
    assert len(marks.lanes) == 2 and marks.lanes[-1] == "other articles (2)"
    assert len(marks) == len(EVENTS)  # one mark per event either way


def test_the_lane_control_limits_the_view(qtbot, state):
    from core.analysis import Analysis
    from tests.support.synthetic import synthetic_results

    analysis = Analysis(synthetic_results(n_events=600, n_actors=40, n_articles=3))
    view = show(qtbot, TimelineView(analysis, state), 900, 600)
    assert len(view.marks.lanes) == 12 and view.lane_button.text() == "12 lanes"
    view.lane_button.spin.setValue(5)
    assert len(view.marks.lanes) == 5 and view.marks.lane_keys[-1] == OTHER
    assert "in \u201cother\u201d" in view.status.text() and view.lane_button.text() == "5 lanes"
    assert view.lane_axis.labels[-1].startswith("other actors")
    folded = view.marks.folded[0]
    state.set_actor(folded)  # an actor without a lane: its events are ringed in "other"
    assert len(view.selected_marks()) > 0
    assert 4 in {int(view.marks.lane[i]) for i in view.selected_marks()}  # (and its events shared with kept lanes)
    view.set_chosen([folded])
    assert view.marks.lane_keys == [folded, OTHER] and view.lane_button.text() == "1 picked"
    options = view.options()
    other = TimelineView(analysis, state)
    qtbot.addWidget(other)
    other.set_options(options)
    assert other.marks.lane_keys == view.marks.lane_keys and other.options() == options


def test_a_click_on_the_other_lane_name_selects_no_actor(qtbot, state):
    import pyqtgraph as pg
    from PySide6.QtCore import Qt

    from core.analysis import Analysis
    from tests.support.synthetic import synthetic_results

    view = show(qtbot, TimelineView(Analysis(synthetic_results(n_events=300, n_actors=20, n_articles=2)), state))
    view.set_max_lanes(3)
    y = view.plot.getViewBox().mapViewToScene(pg.Point(0, 2.0)).y()
    x = view.lane_axis.sceneBoundingRect().center().x()
    qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, pos=view.plot.mapFromScene(pg.Point(x, y)))
    assert state.actor is None


@pytest.mark.parametrize("seed", range(6))
def test_ranking_only_the_candidates_equals_ranking_every_key(seed):
    """rank_lanes sorts only the keys that can make the lanes; with ties and "(no actor)" it must keep
    exactly what a sort of every key keeps."""
    import random

    from desktop.charts.timeline_data import rank_lanes

    rng = random.Random(seed)
    keys = [f"k{i}" for i in range(rng.randrange(3, 60))] + [NO_ACTOR]
    rng.shuffle(keys)
    tally = pd.Series({k: rng.choice([1, 1, 2, 3, 5, 40]) for k in keys})
    first = pd.Series({k: float(rng.randrange(100)) for k in keys})
    labels = {k: rng.choice(["Alpha", "beta", "Gamma", k]) for k in keys}
    for max_lanes in (1, 2, 5, 12, 100):
        count = tally.to_dict()
        every = sorted(count, key=lambda k: (k == NO_ACTOR, -count[k], labels.get(k, k).casefold()))
        expected = every[:max(max_lanes, 2) - 1] if len(every) > max(max_lanes, 1) else every
        kept, folded = rank_lanes(tally, first, labels, max_lanes)
        assert kept == expected and folded == set(keys) - set(expected)
