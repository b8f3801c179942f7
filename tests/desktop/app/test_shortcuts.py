"""Every keyboard shortcut of the window, listed and checked for clashes (an ambiguous key does nothing)."""
from collections import defaultdict

from PySide6.QtGui import QAction, QKeySequence, QShortcut

from core.analysis import Analysis
from desktop.app.menus import shortcut_rows
from tests.desktop.app.test_main_window import make_window  # noqa: F401  (the fixture)
from tests.desktop.conftest import make_analysis


def every_shortcut(window) -> dict[str, list[str]]:
    """Key sequence -> the actions and shortcut objects bound to it, anywhere in the window."""
    keys: dict[str, list[str]] = defaultdict(list)
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            if not sequence.isEmpty():
                keys[sequence.toString()].append(action.text().replace("&", ""))
    for shortcut in window.findChildren(QShortcut):
        for sequence in shortcut.keys():
            if not sequence.isEmpty():
                keys[sequence.toString()].append(shortcut.objectName() or "QShortcut")
    return keys


def test_no_key_is_bound_twice(make_window):
    window = make_window(Analysis([make_analysis()]))
    keys = every_shortcut(window)
    clashes = {key: names for key, names in keys.items() if len(names) > 1}
    assert clashes == {}
    # the list is real: the keys a user learns first are all there
    for key in ("Ctrl+Z", "Ctrl+Shift+Z", "F8", "Shift+F8", "Alt+Down", "Alt+Up", "Ctrl+F", "Ctrl+E", "Ctrl+1",
                "F2", "Del", "Ctrl+R", "F1"):
        assert key in keys, key
    assert len(keys) >= 25


def test_f8_steps_through_the_evidence_from_anywhere(make_window, qtbot):
    window = make_window(Analysis([make_analysis()]))
    statements = list(window.analysis.statements_table()["statement_id"])
    window.state.set_items(statements)
    evidence = window.workspace.evidence_list
    assert evidence.list.count() == 3 and evidence.list.currentRow() == 0
    evidence.list.setFocus()  # where F8 used to be ambiguous between the list's action and the menu's
    window.actions["next"].trigger()
    assert evidence.list.currentRow() == 1
    window.actions["previous"].trigger()
    assert evidence.list.currentRow() == 0


def test_the_shortcuts_help_lists_each_key_once_per_command(make_window):
    window = make_window(Analysis([make_analysis()]))
    rows = shortcut_rows(window)
    names = [name for name, _keys in rows]
    assert len(names) == len(set(names))
    assert ("Undo", QKeySequence("Ctrl+Z").toString(QKeySequence.SequenceFormat.NativeText)) in rows
    window.analysis.rename_actor("turkey", "Republic of Turkey")
    assert ("Undo", QKeySequence("Ctrl+Z").toString(QKeySequence.SequenceFormat.NativeText)) in shortcut_rows(window)
