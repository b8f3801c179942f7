"""Merging actors through the real window (actor panel button, the choice dialog): no statement is lost."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QPushButton

from core.analysis import Analysis
from desktop.panes.actors import NAME
from tests.desktop.app.test_main_window import make_window  # noqa: F401 -- the window fixture
from tests.desktop.conftest import make_analysis


def _select(panel, *actor_ids) -> None:
    panel.table.clearSelection()
    for actor_id in actor_ids:
        index = panel.proxy.mapFromSource(panel.model.index(panel.model.row_of(actor_id), NAME))
        panel.table.selectionModel().select(
            index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def _statements_by_actor(analysis) -> dict[str, int]:
    table = analysis.statements_table()
    return table.groupby("source_actor").size().to_dict() if len(table) else {}


@pytest.mark.parametrize("chosen", [0, 1])
def test_merge_button_keeps_every_statement_under_the_chosen_name(make_window, monkeypatch, chosen):  # noqa: F811
    window = make_window(Analysis([make_analysis(), make_analysis("a2", "Second report")]))
    panel = window.workspace.actor_panel
    before = _statements_by_actor(window.analysis)
    total = sum(before.values())
    assert before.get("russia") and before.get("turkey")
    offered = []

    def choose(parent, title, label, choices, current=0):
        offered.extend(choices)
        return chosen

    monkeypatch.setattr("desktop.widgets.dialogs.ask_choice", choose)
    _select(panel, "russia", "turkey")
    button = next(b for b in panel.findChildren(QPushButton) if b.text() == "Merge selected")
    button.click()

    assert len(offered) == 2 and all("(" in c for c in offered)  # both names offered, with their kinds
    survivor = "russia" if offered[chosen].startswith("Russia") else "turkey"
    gone = "turkey" if survivor == "russia" else "russia"
    merges = dict(window.analysis.corrections.actor_merges)
    assert merges == {gone: survivor}
    after = _statements_by_actor(window.analysis)
    assert sum(after.values()) == total
    assert after[survivor] == before["russia"] + before["turkey"]
    assert gone not in after
    assert window.analysis.stance_matrix().counts.loc[survivor].sum() == before["russia"] + before["turkey"]
    panel.refresh()  # a hidden panel refreshes when shown
    assert panel.model.row_of(gone) == -1


def test_merge_survives_saving_and_reopening(make_window, monkeypatch, tmp_path):  # noqa: F811
    window = make_window(Analysis([make_analysis()]))
    panel = window.workspace.actor_panel
    monkeypatch.setattr("desktop.widgets.dialogs.ask_choice", lambda *a, **k: 0)
    _select(panel, "russia", "turkey")
    panel.merge_action.trigger()
    merged = dict(window.analysis.corrections.actor_merges)
    assert all(isinstance(v, str) and v in ("russia", "turkey") for v in merged.values())
    counts = _statements_by_actor(window.analysis)
    path = tmp_path / "merged.standpoint"
    assert window.project.save(path)
    assert window.open_project(path)
    assert dict(window.analysis.corrections.actor_merges) == merged
    assert _statements_by_actor(window.analysis) == counts


def test_cancelling_the_choice_merges_nothing(make_window, monkeypatch):  # noqa: F811
    window = make_window(Analysis([make_analysis()]))
    panel = window.workspace.actor_panel
    monkeypatch.setattr("desktop.widgets.dialogs.ask_choice", lambda *a, **k: None)
    _select(panel, "russia", "turkey")
    panel.merge_action.trigger()
    assert dict(window.analysis.corrections.actor_merges) == {}
