"""A narrow article list gives its titles the room: counts, then a Status column of only "done", make way."""
from PySide6.QtWidgets import QApplication

from core.analysis import Analysis
from desktop.panes.articles import EVENTS, STATUS, TITLE, ArticleList
from tests.desktop.conftest import make_analysis


def test_status_makes_way_for_titles_while_every_article_is_done(qtbot, state):
    view = ArticleList(Analysis([make_analysis("a1", "A long title about talks collapsing")]), state)
    qtbot.addWidget(view)
    view.resize(200, 400)
    view.show()
    qtbot.waitExposed(view)
    assert view.table.isColumnHidden(EVENTS) and view.table.isColumnHidden(STATUS)
    assert view.table.columnWidth(TITLE) >= 90
    view.resize(205, 400)  # the next resize must not bring it back (a hidden column's width reads 0)
    QApplication.processEvents()
    assert view.table.isColumnHidden(STATUS)
    running = {"b1": make_analysis("b1", "Still being read").article}
    view.set_status(running, {})
    assert not view.table.isColumnHidden(STATUS)  # "analysing" must be seen
    view.set_status({}, {})
    assert view.table.isColumnHidden(STATUS)
    view.resize(700, 400)
    qtbot.waitUntil(lambda: not view.table.isColumnHidden(STATUS) and not view.table.isColumnHidden(EVENTS))


def test_the_same_status_again_keeps_the_rows(qtbot, state, monkeypatch):
    """An undo reports the (unchanged) running and failed articles: 10,000 rows are not rebuilt for it."""
    view = ArticleList(Analysis([make_analysis("a1", "Talks")]), state)
    qtbot.addWidget(view)
    rebuilt = []
    real = view.model.set_rows
    monkeypatch.setattr(view.model, "set_rows", lambda rows: (rebuilt.append(len(rows)), real(rows))[1])
    view.set_status({}, {})
    assert rebuilt == []
    view.set_status({"b1": make_analysis("b1", "Still being read").article}, {})
    assert rebuilt == [2]
