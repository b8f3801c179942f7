"""The issues table: the corpus's issues, renamed inline, merged and split as undoable corrections."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel

from core.analysis import Analysis
from desktop.panes.issues import LABEL, STATEMENTS, IssuePanel, IssueTableModel, rows_for
from tests.core.analysis.test_issues import corpus_with_issues


@pytest.fixture
def panel(qtbot, state):
    widget = IssuePanel(Analysis(corpus_with_issues()), state)
    qtbot.addWidget(widget)
    return widget


def select(panel, *issue_ids):
    panel.table.clearSelection()
    for issue_id in issue_ids:
        index = panel.proxy.mapFromSource(panel.model.index(panel.model.row_of(issue_id), LABEL))
        panel.table.selectionModel().select(
            index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def test_model_rows_without_a_view(qapp):
    model = IssueTableModel()
    model.set_rows(rows_for(Analysis(corpus_with_issues())))
    row = model.row_of("bailout")
    assert model.data(model.index(row, LABEL)) == "bailout"
    assert model.data(model.index(row, STATEMENTS)) == 4


def test_rename_inline_is_an_undoable_correction(panel):
    model = panel.model
    assert model.setData(model.index(model.row_of("bailout"), LABEL), "rescue")
    assert panel.model.row(panel.model.row_of("bailout")).label == "rescue"
    panel.analysis.undo()
    assert panel.model.row(panel.model.row_of("bailout")).label == "bailout"


def test_merge_and_split(panel):
    select(panel, "bailout", "election")
    assert panel.merge_action.isEnabled()
    panel.merge_selected(into="bailout")
    assert [r.issue_id for r in panel.model._rows] == ["bailout"]
    select(panel, "bailout")
    assert panel.split_action.isEnabled()
    panel.split_selected()
    assert {r.issue_id for r in panel.model._rows} == {"bailout", "election"}


def test_selecting_an_issue_shows_its_statements(panel, state):
    select(panel, "election")
    assert len(state.items) == 2 and all(":s" in i for i in state.items)
