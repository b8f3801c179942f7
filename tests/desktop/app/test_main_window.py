"""The main window: empty state, drag-and-drop, bad files, evidence -> source, cancel, undo, projects."""
from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QPushButton

from core.analysis import Analysis
from core.model import ArticleAnalysis, Sentence
from core.pipeline import Progress
from desktop.app.main_window import MainWindow
from desktop.app.settings import Settings
from desktop.workers.analysis import AnalysisWorker
from tests.desktop.conftest import SEED, make_analysis

ARTICLE_TEXT = "Talks collapse\n\nTurkey said on Monday that talks had collapsed. Russia denied it.\n"


def fake_result(article) -> ArticleAnalysis:
    return ArticleAnalysis(article=article, sentences=(Sentence(article.id, 0, 0, len(article.text), article.text),))


def fake_analyse(delay: float = 0.0):
    def analyse(articles, pipeline):
        yield Progress(0, len(articles), "start")
        for i, article in enumerate(articles, 1):
            time.sleep(delay)
            yield Progress(i, len(articles), article.title, result=fake_result(article))
    return analyse


@pytest.fixture
def make_window(qtbot, settings):
    def make(analysis=None, delay=0.0, analyse_fn=None):
        worker = AnalysisWorker(loader=lambda: None, analyse_fn=analyse_fn or fake_analyse(delay))
        window = MainWindow(analysis, worker=worker, settings=Settings(settings), load_model=False)
        window.ask_before_discard = False
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        return window
    yield make


def drop_event(paths) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    event._mime = mime  # keep the mime data alive as long as the event
    return event


def test_empty_state_is_shown_at_start(make_window):
    window = make_window()
    assert window.stack.currentWidget() is window.empty
    assert window.empty.isVisible()
    assert window.empty.sample_button.text() == "Open the sample corpus"


def test_dropping_a_file_adds_it(make_window, qtbot, tmp_path):
    path = tmp_path / "talks.txt"
    path.write_text(ARTICLE_TEXT, encoding="utf-8")
    window = make_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(QPoint(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    with qtbot.waitSignal(window.analysis_finished, timeout=10_000):
        window.dropEvent(drop_event([path]))
    assert len(window.analysis) == 1
    assert window.analysis.results()[0].article.title == "Talks collapse"
    assert window.stack.currentWidget() is window.workspace
    model = window.workspace.article_list.model
    assert model.rowCount() == 1 and model.row(0).status == "done"
    assert window.state.article == window.analysis.article_ids[0]
    assert window.progress.isHidden() and window.cancel_button.isHidden()


def test_drag_without_files_is_refused(make_window):
    window = make_window()
    mime = QMimeData()
    mime.setText("just text")
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(enter)
    assert not enter.isAccepted()


@pytest.mark.parametrize("name, content, expected", [
    ("empty.txt", b"", "holds no text"),
    ("blob.txt", b"\x00\x01\x02binary\x00" * 50, "binary"),
    ("picture.png", b"\x89PNG....", ".png"),
])
def test_bad_file_shows_a_message_and_keeps_what_was_loaded(make_window, tmp_path, name, content, expected):
    window = make_window(Analysis([make_analysis()]))
    path = tmp_path / name
    path.write_bytes(content)
    assert window.add_paths([path]) == 0
    assert not window.load_banner.isHidden()
    assert name in window.load_banner.text and expected in window.load_banner.text
    assert window.analysis.article_ids == ["a1"]
    assert window.stack.currentWidget() is window.workspace


def test_duplicates_are_skipped_with_a_note(make_window, qtbot, tmp_path):
    (tmp_path / "one.txt").write_text(ARTICLE_TEXT, encoding="utf-8")
    (tmp_path / "copy.txt").write_text(ARTICLE_TEXT, encoding="utf-8")
    window = make_window()
    with qtbot.waitSignal(window.analysis_finished, timeout=10_000):
        assert window.add_paths([tmp_path]) is None  # a folder is read in the worker
    assert "already in the project" in window.load_banner.text
    assert len(window.analysis) == 1
    assert window.add_paths([tmp_path / "one.txt"]) == 0
    assert len(window.analysis) == 1


def test_clicking_evidence_highlights_its_sentence(make_window, qtbot):
    window = make_window(Analysis([make_analysis(), make_analysis("a2", "Second")]))
    evidence, source = window.workspace.evidence_list, window.workspace.source_view
    window.state.set_items(["a2:s1", "a1:s2"])
    entries = evidence.entries()
    assert entries == [(("a1:s2",), "a1", 2), (("a2:s1",), "a2", 1)]
    item = evidence.list.item(1)
    rect = evidence.list.visualItemRect(item)
    qtbot.mouseClick(evidence.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    sentence = window.analysis.result("a2").sentences[1]
    assert window.state.sentence == ("a2", 1)
    assert source.article_id == "a2"
    assert source.highlighted_range == (sentence.start, sentence.end)
    selections = source.editor.extraSelections()
    first = selections[0].cursor
    assert (first.selectionStart(), first.selectionEnd()) == (sentence.start, sentence.end)
    assert first.selectedText() == sentence.text
    # The statement's cue is marked inside the sentence too.
    marked = {s.cursor.selectedText() for s in selections[1:]}
    assert "warned against" in marked
    evidence.step(-1)
    assert window.state.sentence == ("a1", 2)


def test_cancel_keeps_finished_articles(make_window, qtbot):
    window = make_window(delay=0.05)
    articles = [make_analysis(f"c{i}", f"Article {i}").article for i in range(20)]
    window.worker.result.connect(lambda r: window.cancel_analysis() if r.article.id == "c1" else None)
    with qtbot.waitSignal(window.analysis_finished, timeout=10_000) as finished:
        window.analyse(articles)
    assert finished.args == [True]
    ids = window.analysis.article_ids
    assert 2 <= len(ids) < 20 and ids == [f"c{i}" for i in range(len(ids))]
    assert window.workspace.article_list.model.rowCount() == len(ids)
    assert window.status.text().startswith("Analysis cancelled: ") and "kept" in window.status.text()
    assert window.cancel_button.isHidden()


def test_undo_redo_of_a_rename(make_window):
    window = make_window(Analysis([make_analysis()]))
    panel = window.workspace.actor_panel
    window.workspace.left.setCurrentWidget(panel)  # renaming happens in the Actors tab
    row = panel.model.row_of("turkey")
    panel.model.setData(panel.model.index(row, 0), "Republic of Turkey", Qt.ItemDataRole.EditRole)
    assert window.analysis.actor_name("turkey") == "Republic of Turkey"
    assert window.actions["undo"].isEnabled()
    window.actions["undo"].trigger()
    assert window.analysis.actor_name("turkey") == "Turkey"
    assert panel.model.row(panel.model.row_of("turkey")).name == "Turkey"
    assert window.actions["redo"].isEnabled()
    window.actions["redo"].trigger()
    assert panel.model.row(panel.model.row_of("turkey")).name == "Republic of Turkey"


def test_save_and_reopen_project(make_window, tmp_path):
    window = make_window(Analysis([make_analysis()]))
    window.analysis.rename_actor("turkey", "Türkiye")
    assert window.project.dirty
    assert window.project.save(tmp_path / "work")
    assert window.project.path == tmp_path / "work.standpoint" and not window.project.dirty
    assert "work" in window.windowTitle()
    other = make_window()
    assert other.open_project(tmp_path / "work.standpoint")
    assert other.analysis.article_ids == ["a1"]
    assert other.analysis.actor_name("turkey") == "Türkiye"
    assert other.stack.currentWidget() is other.workspace
    assert tmp_path / "work.standpoint" in [p for p in other.settings.recent_projects()]


def test_corrupt_project_is_a_message_not_a_crash(make_window, tmp_path):
    bad = tmp_path / "bad.standpoint"
    bad.write_bytes(b"this is not sqlite")
    window = make_window(Analysis([make_analysis()]))
    assert not window.open_project(bad)
    assert not window.error_banner.isHidden() and "bad.standpoint" in window.error_banner.text
    assert window.analysis.article_ids == ["a1"]
    assert bad.read_bytes() == b"this is not sqlite"


def test_autosave_writes_when_dirty(make_window, tmp_path):
    window = make_window(Analysis([make_analysis()]))
    window.project.save(tmp_path / "auto.standpoint")
    stamp = (tmp_path / "auto.standpoint").stat().st_mtime_ns
    window.analysis.hide_actor("russia")
    time.sleep(0.01)
    window.project.autosave()
    assert not window.project.dirty
    assert (tmp_path / "auto.standpoint").stat().st_mtime_ns != stamp


def test_search_selects_matching_sentences(make_window):
    window = make_window(Analysis([make_analysis()]))
    window.search.setText("refugees")
    assert window.search.run() == ["a1:s1"]
    assert window.state.items == ("a1:s1",)
    assert window.workspace.evidence_list.entries() == [(("a1:s1",), "a1", 1)]


def test_end_to_end_with_the_seed(qtbot, settings, pipeline, tmp_path):
    """The real pipeline, through the real worker, from a dropped folder to the article list."""
    window = MainWindow(worker=AnalysisWorker(loader=lambda: pipeline), settings=Settings(settings), load_model=False)
    window.ask_before_discard = False
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.analysis_finished, timeout=60_000):
        window.dropEvent(drop_event([SEED.parent]))
    assert len(window.analysis) == 1
    row = window.workspace.article_list.model.row(0)
    assert row.status == "done" and row.published is not None
    assert row.n_statements > 0
    assert window.workspace.source_view.editor.toPlainText().startswith("Assad Offensive")


def test_fallback_model_warning_is_shown_once(qtbot, settings):
    from core.nlp import blank_pipeline

    fallback = blank_pipeline()
    worker = AnalysisWorker(loader=lambda: fallback, analyse_fn=fake_analyse())
    window = MainWindow(worker=worker, settings=Settings(settings))
    window.ask_before_discard = False
    qtbot.addWidget(window)
    assert window.status.text() == "Loading language model\u2026"
    # The load may finish before a waitSignal could connect: wait for its effect instead.
    qtbot.waitUntil(lambda: not window.model_banner.isHidden(), timeout=10_000)
    assert window.model_banner.text == fallback.warning
    window.model_banner.dismiss()
    window._on_pipeline_loaded(fallback)
    assert window.model_banner.isHidden()


def test_removing_an_article_mid_analysis_drops_its_result(make_window, qtbot):
    window = make_window(delay=0.05)
    articles = [make_analysis(f"r{i}", f"Article {i}").article for i in range(3)]
    window.worker.started.connect(lambda _ids: window.remove_articles(["r2"]))
    with qtbot.waitSignal(window.analysis_finished, timeout=10_000):
        window.analyse(articles)
    assert window.analysis.article_ids == ["r0", "r1"]


def test_deferred_start_shows_the_empty_window_first(qtbot, settings):
    worker = AnalysisWorker(loader=lambda: None, analyse_fn=fake_analyse())
    window = MainWindow(worker=worker, settings=Settings(settings), load_model=False, defer=True)
    window.ask_before_discard = False
    qtbot.addWidget(window)
    window.show()
    assert window.workspace is None and window.analysis is None
    assert window.stack.currentWidget() is window.empty
    assert not window.actions["undo"].isEnabled() and not window.actions["save"].isEnabled()
    window.undo()  # harmless before the views exist
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=5000)
    assert len(window.analysis) == 0 and window.stack.currentWidget() is window.empty


def test_drag_shows_an_overlay_and_drop_hides_it(make_window, tmp_path):
    window = make_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "a.txt")), QUrl.fromLocalFile(str(tmp_path))])
    enter = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(enter)
    assert window.drop_overlay.isVisible()
    assert window.drop_overlay.text() == "Drop to add 2 files or folders"
    window.dragLeaveEvent(None)
    assert not window.drop_overlay.isVisible()


def test_status_summary_counts_the_analysis(make_window):
    window = make_window(Analysis([make_analysis(), make_analysis("a2", "Undated", published=None)]))
    assert window.summary.text() == "2 articles \u00b7 2 dated events \u00b7 6 statements \u00b7 1 without date"


def test_recent_projects_on_the_empty_page(make_window, tmp_path, settings):
    first = make_window(Analysis([make_analysis()]))
    first.project.save(tmp_path / "recent.standpoint")
    window = make_window()
    buttons = [w for w in window.empty.findChildren(QPushButton) if "recent" in w.text()]
    assert len(buttons) == 1
    buttons[0].click()
    assert window.analysis.article_ids == ["a1"] and window.project.path == tmp_path / "recent.standpoint"


def test_paste_article_text(make_window, qtbot):
    from desktop.app.menus import paste_article

    window = make_window()
    assert not paste_article(window, "   ")
    assert "no text" in window.load_banner.text
    with qtbot.waitSignal(window.analysis_finished, timeout=10_000):
        assert paste_article(window, ARTICLE_TEXT)
    assert [r.article.source for r in window.analysis.results()] == ["pasted text"]
    assert not paste_article(window, ARTICLE_TEXT)
    assert "already in the project" in window.load_banner.text


def test_shortcuts_cover_the_common_actions(make_window):
    from desktop.app.menus import shortcut_rows

    keys = dict(shortcut_rows(make_window()))
    assert keys["Undo"] == "Ctrl+Z" and keys["Redo"] == "Ctrl+Shift+Z"
    assert keys["Open files"] == "Ctrl+O" and keys["Find"] == "Ctrl+F" and keys["Save project"] == "Ctrl+S"
    assert keys["Timeline: zoom in / out"] == "+ / \u2212" and keys["Timeline: fit"] == "Home"
    assert keys["Source text and evidence"] == "Ctrl+Shift+T" and keys["Article and actor lists"] == "Ctrl+Shift+L"


def test_fallback_pipeline_end_to_end_degrades_without_crashing(qtbot, settings):
    """No trained model: the rule-based fallback still fills every view, and the user is told once."""
    from core.nlp import blank_pipeline

    fallback = blank_pipeline()
    window = MainWindow(worker=AnalysisWorker(loader=lambda: fallback), settings=Settings(settings))
    window.ask_before_discard = False
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.analysis_finished, timeout=60_000):
        window.add_paths([SEED])
    assert len(window.analysis) == 1 and not window._failed
    assert window.model_banner.text == fallback.warning
    assert window.workspace.article_list.model.row(0).status == "done"
    statements = window.analysis.statements_table()
    assert len(statements) > 0  # the fallback cue patterns still find reported speech
    window.state.set_items(list(statements["statement_id"][:3]))
    assert 1 <= len(window.workspace.evidence_list.entries()) <= 3
    assert window.workspace.source_view.highlighted_range is not None


def test_autosave_waits_for_the_analysis_to_finish(make_window, qtbot, tmp_path):
    window = make_window(Analysis([make_analysis()]), delay=0.05)
    window.project.save(tmp_path / "busy.standpoint")
    saves = []
    window.project.saved.connect(saves.append)
    window.analyse([make_analysis(f"b{i}", f"B {i}").article for i in range(3)])
    window.project.mark_dirty()
    window.project.autosave()
    assert saves == []  # not while analysing
    with qtbot.waitSignal(window.analysis_finished, timeout=10_000):
        pass
    assert len(saves) == 1 and not window.project.dirty
    from core.io.store import load_project

    assert len(load_project(tmp_path / "busy.standpoint")) == 4


def test_failed_article_is_listed_with_its_reason_and_can_be_retried(make_window, qtbot):
    attempts = []

    def flaky(articles, pipeline):
        yield Progress(0, len(articles), "start")
        for i, article in enumerate(articles, 1):
            attempts.append(article.id)
            if attempts.count(article.id) == 1 and article.id == "f1":
                yield Progress(i, len(articles), article.title,
                               error=f"Analysing \u201c{article.title}\u201d failed: ValueError. [E301]")
            else:
                yield Progress(i, len(articles), article.title, result=fake_result(article))

    window = make_window(analyse_fn=flaky)
    with qtbot.waitSignal(window.analysis_finished, timeout=10_000):
        window.analyse([make_analysis(f"f{i}", f"F {i}").article for i in range(3)])
    model = window.workspace.article_list.model
    row = model.row(model.row_of("f1"))
    assert row.status == "failed" and row.reason == "ValueError. [E301]"
    assert "failed" in window.error_banner.text
    assert window.analysis.article_ids == ["f0", "f2"]
    with qtbot.waitSignal(window.analysis_finished, timeout=10_000):
        window.reanalyse_articles(["f1"])
    assert model.row(model.row_of("f1")).status == "done"
    assert sorted(window.analysis.article_ids) == ["f0", "f1", "f2"]


@pytest.mark.parametrize("query, expected", [
    ("2018-08-29", ("2018-08-29", "2018-08-30")),
    ("29 Aug 2018", ("2018-08-29", "2018-08-30")),
    ("29  August 2018", ("2018-08-29", "2018-08-30")),
    ("August 29, 2018", ("2018-08-29", "2018-08-30")),
    ("2018-08", ("2018-08-01", "2018-09-01")),
    ("Dec 2018", ("2018-12-01", "2019-01-01")),
    ("2018", ("2018-01-01", "2019-01-01")),
    ("Wednesday", None),
    ("2018-13", None),
    ("refugees", None),
])
def test_search_understands_dates(query, expected):
    from desktop.panes.search import parse_query_date

    found = parse_query_date(query)
    assert (None if found is None else tuple(d.isoformat() for d in found)) == expected


@pytest.mark.parametrize("query, expected", [
    ("refugees", ["a1:s1"]),
    ("TURKEY", ["a1:s1"]),  # the source actor's name, any case
    ("united nations", ["a1:s2", "a1:e1"]),
    ("30 Aug 2018", ["a1:e1"]),  # the event dated Thursday
    ("2018-08", ["a1:e0", "a1:e1", "a1:s0", "a1:s1", "a1:s2"]),  # events in the month, statements published in it
    ("nothing like this", []),
])
def test_search_finds_items(synthetic, query, expected):
    from desktop.panes.search import find_items

    assert find_items(Analysis([synthetic]), query) == expected


def test_a_folder_is_read_in_the_background(make_window, qtbot, tmp_path):
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text(f"Article {i}\n\nTurkey said on Monday that talks {i} collapsed.\n",
                                            encoding="utf-8")
    (tmp_path / "broken.txt").write_bytes(b"")
    window = make_window()
    statuses = []
    window.worker.loaded.connect(
        lambda _r: statuses.append(sorted(r.status for r in window.workspace.article_list.model.rows)))
    with qtbot.waitSignal(window.analysis_finished, timeout=10_000):
        assert window.add_paths([tmp_path]) is None
        assert not window.progress.isHidden() and "Reading" in window.status.text()
    assert statuses == [["analysing"] * 3]
    assert len(window.analysis) == 3 and "broken.txt" in window.load_banner.text
    assert window.progress.isHidden()


def test_cancel_while_reading_leaves_a_consistent_window(make_window, qtbot, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE_TEXT, encoding="utf-8")
    window = make_window(delay=0.2)
    window.worker.loaded.connect(lambda _r: window.cancel_analysis())
    with qtbot.waitSignal(window.analysis_finished, timeout=10_000) as finished:
        window.add_paths([tmp_path])
    assert finished.args == [True]
    assert window._reading == 0 and not window._running and window.cancel_button.isHidden()


def test_a_correction_shows_at_once_in_every_view(make_window):
    from PySide6.QtGui import QTextCursor

    from desktop.panes.evidence import LABELS_ROLE

    window = make_window(Analysis([make_analysis()]))
    ws = window.workspace
    window.state.set_items(["a1:s1"])
    window.analysis.rename_actor("turkey", "T\u00fcrkiye")
    assert ws.evidence_list.list.item(0).data(LABELS_ROLE)[0][0].startswith("T\u00fcrkiye \u2014 warned against")
    ws.left.setCurrentWidget(ws.actor_panel)  # behind the Articles tab it catches up when shown
    assert ws.actor_panel.model.row(ws.actor_panel.model.row_of("turkey")).name == "T\u00fcrkiye"
    cursor = QTextCursor(ws.source_view.editor.document())
    cursor.setPosition(window.analysis.result("a1").mentions[1].start + 1)
    assert cursor.charFormat().toolTip() == "Turkey \u2192 T\u00fcrkiye"
    window.analysis.set_polarity("a1:s1", "support")
    assert ws.evidence_list.list.item(0).data(LABELS_ROLE)[0][1] == "support"
    window.undo()
    window.undo()
    assert ws.evidence_list.list.item(0).data(LABELS_ROLE)[0][0] == "Turkey \u2014 warned against \u2014 oppose (offensive)"


def test_side_panes_hide_from_the_view_menu_and_stay_hidden_for_a_new_project(make_window, tmp_path, qtbot):
    window = make_window(Analysis([make_analysis()]))
    ws = window.workspace
    qtbot.waitUntil(lambda: ws.charts.width() > 0)
    narrow = ws.charts.width()
    window.actions["pane_source"].trigger()
    qtbot.waitUntil(lambda: ws.charts.width() > narrow + 250)
    assert not ws.right.isVisible() and ws.left.isVisible()
    window.actions["pane_list"].trigger()
    qtbot.waitUntil(lambda: not ws.left.isVisible())
    assert ws.charts.width() >= 1200
    assert window.project.save(tmp_path / "p")
    assert window.open_project(tmp_path / "p.standpoint")
    assert window.workspace is not ws and window.workspace.left.isHidden() and window.workspace.right.isHidden()
    window.actions["pane_list"].trigger()
    window.actions["pane_source"].trigger()
    assert not window.workspace.left.isHidden() and not window.workspace.right.isHidden()
