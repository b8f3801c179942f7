"""Buttons that keep their names while they fit and fall back to icons with tooltips in a narrow pane."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from core.analysis import Analysis
from desktop.panes.actors import ActorPanel
from desktop.panes.articles import ArticleList
from desktop.widgets.compact_buttons import CompactButtons, action_icon
from tests.desktop.conftest import make_analysis


@pytest.mark.parametrize("name", ["rename", "merge", "split", "hide", "reanalyse", "remove"])
def test_every_action_icon_exists(qapp, name):
    assert not action_icon(name).isNull()


def test_names_while_they_fit_icons_when_not(qtbot):
    actions = []
    for text, icon in (("&Merge selected", "merge"), ("&Split merged", "split"), ("&Hide / show", "hide")):
        action = QAction(action_icon(icon), text)
        action.setIconText(text.replace("&", ""))
        actions.append(action)
    actions[0].setShortcut(QKeySequence("Ctrl+M"))
    row = CompactButtons(actions)
    qtbot.addWidget(row)
    row.resize(row.sizeHint().width() + 10, 30)
    row.show()
    assert not row.compact
    row.resize(row.minimumSizeHint().width() + 5, 30)
    assert row.compact
    assert all(b.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly for b in row.buttons)
    assert row.buttons[0].toolTip() == "Merge selected (Ctrl+M)" and row.buttons[2].toolTip() == "Hide / show"
    row.buttons[1].click()  # still the action
    assert row.minimumSizeHint().width() < 120


@pytest.mark.parametrize("pane", [ActorPanel, ArticleList])
def test_a_200_pixel_pane_shows_whole_icons_not_cut_words(qtbot, state, pane):
    widget = pane(Analysis([make_analysis()]), state)
    qtbot.addWidget(widget)
    widget.resize(200, 400)
    widget.show()
    qtbot.waitExposed(widget)
    buttons = widget.buttons
    assert buttons.minimumSizeHint().width() <= 200
    if buttons.sizeHint().width() > buttons.width():
        assert buttons.compact
    for button in buttons.buttons:
        assert button.geometry().right() <= buttons.width() and button.toolTip()
