"""The window's one Undo/Redo: the Analysis's labelled history, named in the Edit menu and the status bar."""
import pytest

from core.analysis import Analysis
from desktop.app.menus import undo_text
from tests.desktop.app.test_main_window import make_window  # noqa: F401  (the fixture: a window with a fake analyser)
from tests.desktop.conftest import make_analysis


def two_articles() -> Analysis:
    return Analysis([make_analysis("a1"), make_analysis("a2", title="Ankara warns Damascus")])


def test_undo_brings_a_removed_article_back_with_its_analysis(make_window):
    window = make_window(two_articles())
    statements_before = len(window.analysis.statements_table())
    window.remove_articles(["a2"])
    assert window.analysis.article_ids == ["a1"] and "Ctrl+Z" in window.status.text()
    undo = window.actions["undo"]
    assert undo.isEnabled() and undo.text() == "&Undo remove \u201cAnkara warns Damascus\u201d"
    undo.trigger()
    assert sorted(window.analysis.article_ids) == ["a1", "a2"]
    assert len(window.analysis.statements_table()) == statements_before  # nothing re-read or re-analysed
    assert window.workspace.article_list.model.rowCount() == 2
    assert window.status.text() == "Undone: remove \u201cAnkara warns Damascus\u201d."
    assert window.actions["redo"].text() == "&Redo remove \u201cAnkara warns Damascus\u201d"
    window.actions["redo"].trigger()
    assert window.analysis.article_ids == ["a1"]
    assert window.status.text() == "Redone: remove \u201cAnkara warns Damascus\u201d."


def test_the_menu_names_the_newest_step_and_the_status_says_what_was_undone(make_window):
    window = make_window(two_articles())
    window.analysis.rename_actor("turkey", "Republic of Turkey")
    label = window.analysis.history.undo_label
    assert "Turkey" in label and "Republic of Turkey" in label
    assert window.actions["undo"].text() == f"&Undo {label}"
    assert window.actions["undo"].toolTip() == f"Undo {label} (Ctrl+Z)"
    assert window.actions["undo"].iconText() == "Undo"  # the toolbar button stays short
    window.undo()
    assert window.status.text() == f"Undone: {label}."
    assert window.actions["undo"].text() == "&Undo" and not window.actions["undo"].isEnabled()


def test_corrections_and_removals_undo_in_the_order_they_were_made(make_window):
    window = make_window(two_articles())
    window.analysis.rename_actor("turkey", "Republic of Turkey")
    window.remove_articles(["a2"])
    window.undo()  # the removal is newest
    assert "a2" in window.analysis and window.analysis.actor_name("turkey") == "Republic of Turkey"
    window.undo()  # then the rename
    assert window.analysis.actor_name("turkey") == "Turkey"
    assert not window.actions["undo"].isEnabled()
    window.redo()  # redo replays in the same order: the rename first, then the removal
    assert window.analysis.actor_name("turkey") == "Republic of Turkey" and "a2" in window.analysis
    window.redo()
    assert "a2" not in window.analysis
    assert not window.actions["redo"].isEnabled()


def test_a_new_correction_clears_what_could_be_redone(make_window):
    window = make_window(two_articles())
    window.remove_articles(["a1"])
    window.undo()
    assert window.actions["redo"].isEnabled()
    window.analysis.hide_actor("turkey")
    assert not window.actions["redo"].isEnabled()
    assert window.analysis.article_ids.count("a1") == 1


def test_nothing_to_undo_is_said_not_silently_ignored(make_window):
    window = make_window(two_articles())
    window.undo()
    assert window.status.text() == "Nothing to undo."
    window.redo()
    assert window.status.text() == "Nothing to redo."


def test_removals_do_not_survive_opening_a_project(make_window, tmp_path):
    saved = make_window(Analysis([make_analysis("p1")]))
    assert saved.project.save(tmp_path / "other")
    window = make_window(two_articles())
    window.remove_articles(["a2"])
    assert window.open_project(tmp_path / "other.standpoint")
    assert not window.actions["undo"].isEnabled()
    window.undo()
    assert window.analysis.article_ids == ["p1"]


@pytest.mark.parametrize("verb, label, expected", [
    ("Undo", "", "Undo"),
    ("Redo", "merge \u2018A\u2019 into \u2018B\u2019", "Redo merge \u2018A\u2019 into \u2018B\u2019"),
    ("Undo", "rename \u2018AT&T\u2019", "Undo rename \u2018AT&&T\u2019"),  # not a mnemonic
    ("Undo", "remove \u201c" + "x" * 80 + "\u201d", "Undo remove \u201c" + "x" * 51 + "\u2026"),
])
def test_undo_text(verb, label, expected):
    assert undo_text(verb, label) == expected
