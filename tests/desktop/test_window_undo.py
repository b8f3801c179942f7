"""One Undo for corrections and removed articles, newest first (desktop/window_undo.py)."""
from core.analysis import Analysis
from tests.desktop.conftest import make_analysis
from tests.desktop.app.test_main_window import make_window  # noqa: F401  (the fixture: a window with a fake analyser)


def two_articles() -> Analysis:
    return Analysis([make_analysis("a1"), make_analysis("a2", title="Ankara warns Damascus")])


def test_undo_brings_a_removed_article_back_with_its_analysis(make_window):
    window = make_window(two_articles())
    statements_before = len(window.analysis.statements_table())
    window.remove_articles(["a2"])
    assert window.analysis.article_ids == ["a1"] and "Ctrl+Z" in window.status.text()
    assert window.actions["undo"].isEnabled()
    window.actions["undo"].trigger()
    assert sorted(window.analysis.article_ids) == ["a1", "a2"]
    assert len(window.analysis.statements_table()) == statements_before  # nothing re-read or re-analysed
    assert window.workspace.article_list.model.rowCount() == 2
    assert "Restored 1 removed article" in window.status.text()
    window.actions["redo"].trigger()
    assert window.analysis.article_ids == ["a1"]


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


def test_removals_do_not_survive_opening_a_project(make_window, tmp_path):
    saved = make_window(Analysis([make_analysis("p1")]))
    assert saved.project.save(tmp_path / "other")
    window = make_window(two_articles())
    window.remove_articles(["a2"])
    assert window.open_project(tmp_path / "other.standpoint")
    assert not window.actions["undo"].isEnabled()
    window.undo()
    assert window.analysis.article_ids == ["p1"]
