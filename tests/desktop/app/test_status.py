"""The status bar says what happened: an opened project, a correction, a cancel, and a cell's evidence kept current."""
import pytest

from core.analysis import Analysis
from desktop.app.analysis_runs import LOADING_MODEL, cancel_text
from tests.desktop.app.test_main_window import make_window  # noqa: F401  (the fixture)
from tests.desktop.conftest import make_analysis


@pytest.mark.parametrize("dropped, kept, expected", [
    (0, 0, "Analysis cancelled."),
    (0, 5, "Analysis cancelled; the 5 articles analysed so far are kept."),
    (0, 1, "Analysis cancelled; the 1 article analysed so far is kept."),
    (3, 0, "Analysis cancelled: 3 articles were not analysed."),
    (1, 2, "Analysis cancelled: 1 article was not analysed; the 2 articles analysed so far are kept."),
])
def test_cancel_text(dropped, kept, expected):
    assert cancel_text(dropped, kept) == expected


def test_an_opened_project_is_still_announced_after_the_model_loads(make_window, tmp_path):
    saved = make_window(Analysis([make_analysis("p1"), make_analysis("p2", title="Second")]))
    assert saved.project.save(tmp_path / "two")
    window = make_window()
    window.status.setText(LOADING_MODEL)
    assert window.open_project(tmp_path / "two.standpoint")
    assert window.status.text() == "Opened two.standpoint: 2 articles."
    window._on_pipeline_loaded(None)
    assert window.status.text() == "Opened two.standpoint: 2 articles."


@pytest.mark.parametrize("articles, expected", [
    (0, "Ready. Drop articles on the window, or use File \u2192 Open."),
    (1, "Ready."),
])
def test_the_loading_note_gives_way_once_the_model_is_there(make_window, articles, expected):
    window = make_window(Analysis([make_analysis()]) if articles else None)
    window.status.setText(LOADING_MODEL)
    window._on_pipeline_loaded(None)
    assert window.status.text() == expected


def test_a_correction_says_what_it_did(make_window):
    window = make_window(Analysis([make_analysis()]))
    window.analysis.merge_actors(["turkey", "russia"], "russia")
    label = window.analysis.history.undo_label
    assert window.status.text() == f"{label[0].upper()}{label[1:]}. Edit \u2192 Undo (Ctrl+Z) takes it back."
    window.undo()
    assert window.status.text() == f"Undone: {label}."


def test_a_selected_cell_keeps_its_evidence_current_as_articles_arrive(make_window):
    window = make_window(Analysis([make_analysis("a1")]))
    window.show_chart("Matrix")
    matrix = window.workspace.chart_widgets["Matrix"]
    r, c = matrix.row_ids.index("turkey"), matrix.col_ids.index("oppose")
    matrix.activate_cell(r, c)
    assert len(window.state.items) == 1
    evidence = window.workspace.evidence_list
    assert evidence.list.count() == 1
    window.analysis.add_many([make_analysis("a2", title="Second report")])
    assert len(window.state.items) == 2  # the cell now holds two statements: so does the evidence
    assert evidence.list.count() == 2 and evidence.header.text().startswith("Evidence: 2 sentences")


def test_evidence_chosen_elsewhere_is_not_replaced_by_the_cell(make_window):
    window = make_window(Analysis([make_analysis("a1")]))
    window.show_chart("Matrix")
    matrix = window.workspace.chart_widgets["Matrix"]
    matrix.activate_cell(matrix.row_ids.index("turkey"), matrix.col_ids.index("oppose"))
    chosen = ("a1:e0",)
    window.state.set_items(chosen)  # a timeline point clicked since
    window.analysis.add_many([make_analysis("a2", title="Second report")])
    assert window.state.items == chosen


def test_a_cell_chosen_after_a_project_opened_reaches_only_the_new_panes(make_window, tmp_path, qtbot):
    """The first (empty) workspace's evidence list and source view must not follow the state any more."""
    saved = make_window(Analysis([make_analysis("p1")]))
    assert saved.project.save(tmp_path / "one")
    window = make_window()  # an empty workspace first, as the app starts
    old_evidence = window.workspace.evidence_list
    assert window.open_project(tmp_path / "one.standpoint")
    qtbot.wait(10)  # the old workspace is deleted later
    window.show_chart("Matrix")
    matrix = window.workspace.chart_widgets["Matrix"]
    matrix.activate_cell(matrix.row_ids.index("turkey"), matrix.col_ids.index("oppose"))  # raised TypeError
    assert window.workspace.evidence_list is not old_evidence
    assert window.workspace.evidence_list.list.count() == 1
