"""StanceTimeView: strips per actor, lanes per target, marks at publication dates, click-through."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from PySide6.QtCore import Qt

from desktop.charts import palette
from desktop.charts.axes import epoch
from desktop.charts.export import export_chart
from desktop.charts.stance_over_time import StanceTimeView
from desktop.charts.stance_rows import spread, stance_rows
from tests.desktop.conftest_charts import *  # noqa: F401,F403
from tests.desktop.conftest_charts import handmade_result, show

DAY = 86400


def test_default_actors_are_the_most_vocal(qtbot, handmade, state):
    state.set_group_by("government")  # Lavrov's statements count under Russia
    view = show(qtbot, StanceTimeView(handmade, state))
    assert view.actor_ids == ["russia", "turkey", "rebels"]
    assert list(view.strips) == ["russia", "turkey", "rebels"]


def test_people_count_under_their_government_only_when_grouped(handmade):
    rows = stance_rows(handmade, ["russia"], "government")
    assert len(rows) == 3 and set(rows["source_actor"]) == {"russia", "lavrov"}
    assert set(stance_rows(handmade, ["russia"])["source_actor"]) == {"russia"}


def test_the_actor_picker_follows_the_grouping_choice(qtbot, handmade, state):
    view = show(qtbot, StanceTimeView(handmade, state))
    listed = lambda: {view.actor_list.item(i).toolTip().split(":")[0] for i in range(view.actor_list.count())}
    assert "Sergei Lavrov" in listed()
    state.set_group_by("government")
    assert "Sergei Lavrov" not in listed()


@pytest.mark.parametrize("actor, lanes", [
    ("russia", ["offensive"]),
    ("turkey", ["ceasefire", "offensive"]),
    ("rebels", ["talks"]),
])
def test_one_lane_per_target(qtbot, handmade, state, actor, lanes):
    view = show(qtbot, StanceTimeView(handmade, state))
    plot, _items = view.strips[actor]
    assert plot.getAxis("left").labels == lanes


def test_marks_sit_at_the_publication_date_coloured_by_polarity(qtbot, handmade, state):
    view = show(qtbot, StanceTimeView(handmade, state))
    assert set(view.rows["x"]) == {epoch(date(2018, 8, 29)) + DAY / 2}
    plot, _ = view.strips["russia"]
    assert all(abs(x - epoch(date(2018, 8, 29)) - DAY / 2) < DAY / 2 for x in plot.mark_x.values())
    _plot, items = view.strips["turkey"]
    colours = {item.opts["brush"].color().name() for item in items[:-1]}
    assert len(colours) == 2  # support and oppose


@pytest.mark.parametrize("n", [2, 3, 4, 7, 12])
def test_shared_day_and_lane_fan_out_within_the_day(n):
    base = epoch(date(2018, 8, 29)) + DAY / 2
    table = pd.DataFrame({"x": [base] * n + [base + DAY], "target_label": ["a"] * (n + 1)})
    x, y = spread(table, {"a": 0})
    assert len(set(zip(x[:n], y[:n]))) == n  # every mark has its own spot
    assert all(abs(v - base) < DAY / 2 for v in x[:n])  # ... on its own day
    assert all(abs(v) < 0.5 for v in y[:n])  # ... in its own lane
    assert (x[n], y[n]) == (base + DAY, 0)


def test_click_on_a_mark_opens_its_sentence(qtbot, handmade, state):
    view = show(qtbot, StanceTimeView(handmade, state))
    pos = view.graphics.mapFromScene(view.scene_pos_of("a1:s6"))
    with qtbot.waitSignal(state.sentence_changed, timeout=1000):
        qtbot.mouseClick(view.graphics.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert state.items == ("a1:s6",)
    assert state.sentence == ("a1", 3)
    plot, _ = view.strips["rebels"]
    assert len(plot.highlight.data) == 1


def test_state_actor_adds_a_strip_and_list_selects(qtbot, state):
    from core.analysis import Analysis

    analysis = Analysis([handmade_result()])
    view = show(qtbot, StanceTimeView(analysis, state))
    view.set_actors(["turkey"])
    assert list(view.strips) == ["turkey"]
    state.set_actor("russia")
    assert view.actor_ids[0] == "russia" and "turkey" in view.actor_ids
    selected = {i.data(Qt.ItemDataRole.UserRole) for i in view.actor_list.selectedItems()}
    assert selected == {"russia", "turkey"}
    view.actor_list.clearSelection()
    assert view.strips == {} and view.actor_ids == []


def test_refreshes_on_corrections(qtbot, handmade, state):
    view = show(qtbot, StanceTimeView(handmade, state))
    handmade.set_polarity("a1:s6", "rejected")
    assert "rebels" not in view.strips


def test_a_rename_keeps_every_strip_and_mark_and_shows_the_new_name(qtbot, handmade, state):
    view = show(qtbot, StanceTimeView(handmade, state))
    before = {actor: (plot, list(items)) for actor, (plot, items) in view.strips.items()}
    view.strips["turkey"][0].getViewBox().setXRange(0, 10 * DAY, padding=0)  # the user's zoom
    handmade.rename_actor("turkey", "T\u00fcrkiye")
    assert {actor: (plot, list(items)) for actor, (plot, items) in view.strips.items()} == before
    assert "T\u00fcrkiye" in view.strips["turkey"][0].titleLabel.text
    assert view.strips["turkey"][0].getViewBox().viewRange()[0] == pytest.approx([0, 10 * DAY])
    names = [view.actor_list.item(i).text() for i in range(view.actor_list.count())]
    assert any(n.startswith("T\u00fcrkiye") for n in names) and not any(n.startswith("Turkey") for n in names)


def test_a_polarity_override_recolours_its_mark_and_keeps_the_other_strips(qtbot, handmade, state):
    view = show(qtbot, StanceTimeView(handmade, state))
    russia = list(view.strips["russia"][1])
    row = view.rows[(view.rows["holder"] == "turkey") & (view.rows["polarity"] == "support")].iloc[0]
    handmade.set_polarity(row["statement_id"], "neutral")
    assert list(view.strips["russia"][1]) == russia
    neutral = palette.on_dark(palette.STANCE_COLOURS["neutral"], False).name()
    marks = {item.opts["brush"].color().name(): item for item in view.strips["turkey"][1][:-1]}
    assert neutral in marks and len(marks[neutral].data) == 1
    handmade.set_polarity(row["statement_id"], "rejected")
    assert neutral not in {item.opts["brush"].color().name() for item in view.strips["turkey"][1][:-1]}


def test_export(qtbot, handmade, state, tmp_path):
    view = show(qtbot, StanceTimeView(handmade, state))
    assert export_chart(view, tmp_path / "s.pdf").read_bytes().startswith(b"%PDF")
    assert "Idlib offensive imminent" in view.caption()


def test_empty(qtbot, state):
    from core.analysis import Analysis

    view = show(qtbot, StanceTimeView(Analysis(), state))
    assert view.strips == {} and not view.empty.isHidden()


def test_the_date_range_filters_every_strip_and_frames_them(qtbot, handmade, state):
    state.set_group_by("government")  # Lavrov's statement counts in Russia's strip
    view = show(qtbot, StanceTimeView(handmade, state))
    view.set_actors(["russia", "turkey", "rebels"])
    state.set_date_range(date(2018, 8, 30), date(2018, 9, 10))  # after the only publication date
    assert len(view.rows) == 0 and not view.empty.isHidden()
    state.set_date_range(date(2018, 8, 20), date(2018, 8, 29))
    assert len(view.rows) == 7 and set(view.strips) == {"russia", "turkey", "rebels"}
    plot = view.strips["russia"][0]
    x0, x1 = plot.getViewBox().viewRange()[0]
    assert x0 <= epoch(date(2018, 8, 20)) < epoch(date(2018, 8, 30)) <= x1
    assert x1 - x0 < 13 * DAY  # the range, not months around it
    assert "20 Aug 2018 \u2013 29 Aug 2018" in view.note.text()
    state.set_time_window(None, None)
    assert len(view.rows) == 7


def test_the_grouping_choice_is_shared_with_the_matrix(qtbot, handmade, state):
    view = show(qtbot, StanceTimeView(handmade, state))
    listed = lambda: [view.actor_list.item(i).data(Qt.ItemDataRole.UserRole)  # noqa: E731
                      for i in range(view.actor_list.count())]
    assert "lavrov" in listed()
    state.set_group_by("government")  # "Group by government" chosen in the matrix
    assert "lavrov" not in listed()
    assert len(view.rows[view.rows["holder"] == "russia"]) == 3


def test_a_strip_has_at_most_max_targets_lanes(qtbot, state):
    from tests.desktop.charts.test_matrix_wide import wide_analysis

    view = show(qtbot, StanceTimeView(wide_analysis(30), state))
    view.set_actors(["russia"])
    labels = view.strips["russia"][0].getAxis("left").labels
    assert len(labels) == 8 and labels[-1].startswith("other targets (")
    assert len(view.rows[view.rows["holder"] == "russia"]) == len(view.strips["russia"][0].mark_x)  # none lost
    view.targets_spin.setValue(4)
    assert len(view.strips["russia"][0].getAxis("left").labels) == 4
    assert view.options()["max_targets"] == 4


def test_undated_statements_are_counted_not_hidden_silently(qtbot, state):
    from dataclasses import replace

    from core.analysis import Analysis

    result = handmade_result()
    undated = replace(result, article=replace(result.article, id="a2", published=None))
    undated = replace(undated, statements=tuple(replace(s, article_id="a2") for s in undated.statements))
    state.set_group_by("government")
    view = show(qtbot, StanceTimeView(Analysis([result, undated]), state))
    assert len(view.rows) == 7  # the dated article only
    assert "7 statements from articles without a date" in view.note.text()


def test_tooltip_names_speaker_cue_polarity_and_target(handmade):
    from desktop.charts.stance_over_time import tooltip

    rows = stance_rows(handmade, ["turkey"])
    text = tooltip(rows[rows["statement_id"] == "a1:s2"].iloc[0])
    assert "Turkey" in text and "oppose" in text and "offensive" in text
    assert "Turkey reinforced its posts last week." in text and "29 Aug 2018" in text


def test_actor_list_elides_long_names_and_names_them_in_tooltips(qtbot, handmade, state):
    state.set_group_by("government")
    view = show(qtbot, StanceTimeView(handmade, state), 600, 500)
    items = [view.actor_list.item(i) for i in range(view.actor_list.count())]
    assert [i.toolTip() for i in items][:2] == ["Russia: 3 statements", "Turkey: 3 statements"]
    assert view.actor_list.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert view.actor_list.width() <= 160  # the strips get the room


def test_inferred_relations_are_not_drawn():
    from dataclasses import replace

    from core.analysis import Analysis
    from core.model import Span, Statement
    from desktop.charts.stance_rows import stance_rows
    from tests.core.conftest import make_result

    base = make_result()
    relation = Statement("a1", 2, cue=Span(0, 6, "Turkey"), source=Span(0, 6, "Turkey"), source_actor="turkey",
                         target_actor="rebels", polarity="support", confidence=0.5, kind="relation")
    analysis = Analysis([replace(base, statements=base.statements + (relation,))])
    rows = stance_rows(analysis, ["turkey"])
    assert list(rows["kind"]) == ["stance"]
