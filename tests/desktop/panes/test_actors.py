"""The actors table: rename, merge, split, hide, each an undoable correction that every view sees."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core.analysis import Analysis
from desktop.panes.actors import ARTICLES, KIND, MENTIONS, NAME, ActorPanel, ActorTableModel, rows_for


@pytest.fixture
def panel(qtbot, synthetic, state):
    widget = ActorPanel(Analysis([synthetic]), state)
    qtbot.addWidget(widget)
    return widget


def select(panel, *actor_ids):
    panel.table.clearSelection()
    from PySide6.QtCore import QItemSelectionModel

    for actor_id in actor_ids:
        index = panel.proxy.mapFromSource(panel.model.index(panel.model.row_of(actor_id), NAME))
        panel.table.selectionModel().select(
            index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def test_model_rows_without_a_view(synthetic, qapp):
    model = ActorTableModel()
    model.set_rows(rows_for(Analysis([synthetic])))
    assert model.rowCount() == 3
    row = model.row_of("united-nations")
    assert model.data(model.index(row, NAME)) == "United Nations"
    assert model.data(model.index(row, KIND)) == "international-organisation"
    assert model.data(model.index(row, MENTIONS)) == 1
    assert model.data(model.index(row, ARTICLES)) == 1
    assert model.data(model.index(row, NAME), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert rows_for(Analysis()) == []


def test_rename_inline_and_undo(panel):
    analysis = panel.analysis
    index = panel.model.index(panel.model.row_of("turkey"), NAME)
    assert panel.model.setData(index, "  T\u00fcrkiye ", Qt.ItemDataRole.EditRole)
    assert analysis.actor_name("turkey") == "T\u00fcrkiye"
    assert not panel.model.setData(panel.model.index(0, KIND), "x", Qt.ItemDataRole.EditRole)
    analysis.undo()
    assert panel.model.row(panel.model.row_of("turkey")).name == "Turkey"


def test_merge_selected_into_one_then_split(panel, state):
    analysis = panel.analysis
    select(panel, "russia", "turkey")
    assert panel.merge_action.isEnabled()
    panel.merge_selected(into="russia")
    assert panel.model.row_of("turkey") == -1
    row = panel.model.row(panel.model.row_of("russia"))
    assert row.merged_from == "turkey" and row.n_mentions == 2
    assert state.actor == "russia"
    assert analysis.stance_matrix().counts.loc["russia"].sum() == 2
    select(panel, "russia")
    assert panel.split_action.isEnabled()
    panel.split_selected()
    assert panel.model.row_of("turkey") >= 0


def test_hide_from_check_box_and_action(panel):
    analysis = panel.analysis
    index = panel.model.index(panel.model.row_of("turkey"), NAME)
    panel.model.setData(index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert "turkey" in analysis.corrections.hidden_actors
    assert "turkey" not in analysis.stance_matrix().counts.index
    select(panel, "turkey")
    panel.toggle_hidden()
    assert "turkey" not in analysis.corrections.hidden_actors


def test_selection_sets_the_actor(panel, state):
    select(panel, "united-nations")
    assert state.actor == "united-nations"
    state.set_actor("russia")
    assert panel.selected_ids() == ["russia"]


def test_sort_and_filter_keep_actions_on_the_right_actor(panel, state):
    from PySide6.QtCore import Qt as _Qt

    panel.table.sortByColumn(NAME, _Qt.SortOrder.DescendingOrder)
    assert panel.proxy.data(panel.proxy.index(0, NAME)) == "United Nations"
    panel.table.selectRow(0)
    assert state.actor == "united-nations" and panel.selected_ids() == ["united-nations"]
    panel.filter.setText("tur")
    assert panel.proxy.rowCount() == 1
    state.set_actor("russia")  # filtered out: no selection
    assert panel.selected_ids() == []
    select(panel, "turkey")
    panel.toggle_hidden()
    assert "turkey" in panel.analysis.corrections.hidden_actors
