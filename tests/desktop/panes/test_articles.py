"""The article table model on its own (no view), and the list widget's date editing against a real Analysis."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from desktop.panes.articles import (
    ANALYSING, DONE, EVENTS, FAILED, PUBLISHED, SET_DATE, STATEMENTS, STATUS, TITLE, ArticleList, ArticleRow,
    ArticleTableModel, rows_for,
)
from tests.desktop.conftest import make_analysis

DISPLAY, EDIT = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole


def model_with(*rows: ArticleRow) -> ArticleTableModel:
    model = ArticleTableModel()
    model.set_rows(list(rows))
    return model


ROW = ArticleRow("a1", "Idlib offensive looms", "/data/a1.txt", date(2018, 8, 29), "dateline", 2, 3, 0)
UNDATED = ArticleRow("a2", "Undated report", "a2.txt", None, n_events=0, n_statements=3, n_unresolved=2)


@pytest.mark.parametrize("row, column, expected", [
    (ROW, TITLE, "Idlib offensive looms"),
    (ROW, PUBLISHED, "2018-08-29"),
    (UNDATED, PUBLISHED, SET_DATE),
    (ROW, EVENTS, "2"),
    (ROW, STATEMENTS, "3"),
    (ROW, STATUS, "done"),
    (ArticleRow("x", "T", "s", None, status=ANALYSING), EVENTS, ""),
    (ArticleRow("x", "T", "s", None, status=ANALYSING), STATUS, "analysing"),
    (ArticleRow("x", "T", "s", None, status=FAILED, reason="parser crashed"), STATUS, "failed: parser crashed"),
])
def test_display(qapp, row, column, expected):
    model = model_with(row)
    assert model.data(model.index(0, column), DISPLAY) == expected


def test_set_rows_resets_and_counts(qapp):
    model = model_with(ROW)
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    model.set_rows([ROW, UNDATED])
    assert (model.rowCount(), model.columnCount(), resets) == (2, 6, [1])
    assert model.row_of("a2") == 1 and model.row_of("nope") == -1


def test_only_the_date_is_editable_and_not_for_failed_or_first_analysis_rows(qapp):
    model = model_with(ROW, ArticleRow("f", "F", "s", None, status=FAILED),
                       ArticleRow("x", "T", "s", None, status=ANALYSING))
    assert model.flags(model.index(0, PUBLISHED)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, TITLE)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(1, PUBLISHED)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(2, PUBLISHED)) & Qt.ItemFlag.ItemIsEditable


def test_undated_row_is_flagged(qapp):
    model = model_with(UNDATED)
    index = model.index(0, PUBLISHED)
    assert model.data(index, Qt.ItemDataRole.FontRole).italic()
    assert "No publication date" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert model.data(index, EDIT) == ""


@pytest.mark.parametrize("text, expected", [
    ("2018-08-30", date(2018, 8, 30)),
    (" 2018-08-30 ", date(2018, 8, 30)),
    ("", None),
])
def test_valid_date_edit_is_reported(qapp, text, expected):
    model = model_with(ROW)
    edits = []
    model.date_edited.connect(lambda aid, day: edits.append((aid, day)))
    assert model.setData(model.index(0, PUBLISHED), text, EDIT)
    assert edits == [("a1", expected)]


@pytest.mark.parametrize("text", ["yesterday", "2018-02-30", "29/08/2018", "2018-8-29"])
def test_invalid_date_edit_gets_a_clear_message(qapp, text):
    model = model_with(ROW)
    refused, edits = [], []
    model.edit_refused.connect(refused.append)
    model.date_edited.connect(lambda *a: edits.append(a))
    assert not model.setData(model.index(0, PUBLISHED), text, EDIT)
    assert edits == [] and len(refused) == 1
    assert text.strip() in refused[0] and "YYYY-MM-DD" in refused[0]


def test_same_date_is_not_an_edit(qapp):
    model = model_with(ROW)
    edits = []
    model.date_edited.connect(lambda *a: edits.append(a))
    assert not model.setData(model.index(0, PUBLISHED), "2018-08-29", EDIT)
    assert edits == []


def test_rows_for_merges_running_and_failed(analysis):
    pending = make_analysis("new", "New one").article
    broken = make_analysis("bad", "Broken").article
    rows = rows_for(analysis, running={"new": pending, "a1": analysis.article("a1")},
                    failed={"bad": (broken, "parser crashed")})
    by_id = {r.article_id: r for r in rows}
    assert [r.article_id for r in rows] == ["a1", "a2", "new", "bad"]
    assert by_id["a1"].status == ANALYSING and by_id["a2"].status == DONE
    assert by_id["new"].n_events is None and by_id["bad"].reason == "parser crashed"
    assert by_id["a2"].n_unresolved == 2 and by_id["a1"].n_statements == 3


def test_date_edit_in_the_list_re_resolves_dates(qtbot, analysis, state):
    widget = ArticleList(analysis, state)
    qtbot.addWidget(widget)
    assert not widget.date_banner.isHidden()
    assert "1 article has no publication date" in widget.date_banner.text
    row = widget.model.row_of("a2")
    assert analysis.articles_table().set_index("article_id").loc["a2", "n_unresolved"] == 2
    assert widget.model.setData(widget.model.index(row, PUBLISHED), "2018-08-29", EDIT)
    table = analysis.articles_table().set_index("article_id")
    assert table.loc["a2", "n_unresolved"] == 0
    assert table.loc["a2", "published"] == date(2018, 8, 29)
    assert widget.model.data(widget.model.index(widget.model.row_of("a2"), PUBLISHED), DISPLAY) == "2018-08-29"
    assert widget.date_banner.isHidden()
    analysis.undo()
    assert analysis.articles_table().set_index("article_id").loc["a2", "n_unresolved"] == 2


def test_invalid_date_in_the_list_shows_a_banner(qtbot, analysis, state):
    widget = ArticleList(analysis, state)
    qtbot.addWidget(widget)
    widget.model.setData(widget.model.index(0, PUBLISHED), "last week", EDIT)
    assert not widget.error_banner.isHidden()
    assert "last week" in widget.error_banner.text
    assert not analysis.can_undo


def test_selection_follows_the_state_both_ways(qtbot, analysis, state):
    widget = ArticleList(analysis, state)
    qtbot.addWidget(widget)
    widget.table.selectRow(widget.model.row_of("a2"))
    assert state.article == "a2"
    state.set_article("a1")
    assert widget.selected_ids() == ["a1"]


def test_remove_and_reanalyse_requests(qtbot, analysis, state):
    widget = ArticleList(analysis, state)
    qtbot.addWidget(widget)
    widget.table.selectRow(0)
    with qtbot.waitSignal(widget.remove_requested) as removed:
        widget.remove_action.trigger()
    with qtbot.waitSignal(widget.reanalyse_requested) as again:
        widget.reanalyse_action.trigger()
    assert removed.args == [["a1"]] and again.args == [["a1"]]


def test_sort_keys_are_typed(qapp):
    from desktop.panes.articles import SORT_ROLE

    model = model_with(ROW, UNDATED, ArticleRow("x", "T", "s", None, status=ANALYSING))
    assert [model.data(model.index(r, EVENTS), SORT_ROLE) for r in range(3)] == [2, 0, -1]
    assert [model.data(model.index(r, PUBLISHED), SORT_ROLE) for r in range(3)] == ["2018-08-29", "", ""]


def test_sorting_the_view_keeps_selection_by_article(qtbot, analysis, state):
    widget = ArticleList(analysis, state)
    qtbot.addWidget(widget)
    widget.table.sortByColumn(PUBLISHED, Qt.SortOrder.AscendingOrder)  # undated a2 first
    assert widget.proxy.data(widget.proxy.index(0, TITLE)) == "Undated report"
    widget.table.selectRow(0)
    assert state.article == "a2" and widget.selected_ids() == ["a2"]
    state.set_article("a1")
    assert widget.selected_ids() == ["a1"]
    widget.edit_date("a2")
    assert widget.table.currentIndex().row() == 0


def test_filter_by_title(qtbot, analysis, state):
    widget = ArticleList(analysis, state)
    qtbot.addWidget(widget)
    widget.filter.setText("undated")
    assert widget.proxy.rowCount() == 1
    assert widget.proxy.data(widget.proxy.index(0, TITLE)) == "Undated report"
    state.set_article("a1")  # filtered out: nothing selected, nothing breaks
    assert widget.selected_ids() == []
    widget.edit_date("a1")  # editing a hidden article clears the filter first
    assert widget.filter.text() == "" and widget.proxy.rowCount() == 2


@pytest.mark.parametrize("width, compact", [(240, True), (300, True), (420, False), (600, False)])
def test_narrow_pane_hides_the_counts_so_titles_stay_readable(qtbot, analysis, state, width, compact):
    widget = ArticleList(analysis, state)
    qtbot.addWidget(widget)
    widget.resize(width, 400)
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.compact is compact
    assert widget.table.isColumnHidden(STATEMENTS) is compact
    assert widget.table.columnWidth(TITLE) >= 80
    widget.resize(700 if compact else 240, 400)
    qtbot.wait(10)
    assert widget.compact is not compact  # widening the pane brings the counts back


def test_title_tooltip_carries_the_counts(qapp):
    tip = model_with(ROW).data(model_with(ROW).index(0, TITLE), Qt.ItemDataRole.ToolTipRole)
    assert tip == "Idlib offensive looms\n2 dated events \u00b7 3 statements"


def test_undated_row_shows_a_yearless_dateline(qapp):
    from dataclasses import replace

    from core.analysis import Analysis
    from desktop.panes.articles import rows_for
    from tests.desktop.conftest import make_analysis

    undated = make_analysis("u1", published=None)
    note = ("No publication date was found for \u201cX\u201d: relative dates stay unresolved until you set one. "
            "Its dateline reads \u201cAug. 29\u201d, without a year. [W003]")
    rows = rows_for(Analysis([replace(undated, notes=(note,))]))
    tip = model_with(*rows).data(model_with(*rows).index(0, PUBLISHED), Qt.ItemDataRole.ToolTipRole)
    assert "The dateline reads \u201cAug. 29\u201d but gives no year" in tip
