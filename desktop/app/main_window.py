"""The main window: loading articles (drop, menus, command line), the worker, projects, banners and the workspace."""
from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication, QFileDialog, QLabel, QMainWindow, QMessageBox, QProgressBar, QPushButton,
    QStackedWidget, QToolBar, QVBoxLayout, QWidget,
)

from desktop.app.drop import FileDropMixin
from desktop.app.empty_state import DropOverlay, EmptyState
from desktop.app.menus import apply_panes, build_menus, fill_toolbar
from desktop.app.preload import preload_then
from desktop.app.project import SUFFIX, ProjectController
from desktop.app.settings import Settings
from desktop.app.workspace import Workspace
from desktop.panes.search import SearchBox
from desktop.state import SelectionState
from desktop.widgets.banner import Banner
from desktop.window_undo import WindowUndo
from desktop.workers.analysis import AnalysisWorker

if TYPE_CHECKING:
    from core.analysis import Analysis

log = logging.getLogger(__name__)

APP_NAME = "Standpoint"
SYNC_LOAD_MAX = 20  # more files than this (or any folder) are read in the worker thread
FLUSH_MS = 150  # results are added in small batches so 100 articles do not redraw 100 times


class MainWindow(FileDropMixin, QMainWindow):
    """Owns the Analysis, the SelectionState, the worker and the project; the views live in `Workspace`."""

    analysis_finished = Signal(bool)  # after a run's results are in the analysis; True when cancelled
    analysis_replaced = Signal(object)  # a project was opened

    def __init__(self, analysis: "Analysis | None" = None, worker: AnalysisWorker | None = None,
                 settings: Settings | None = None, load_model: bool = True, defer: bool = False):
        """`defer=True` shows the empty window before pandas and the views load (the app's start-up)."""
        super().__init__()
        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self.resize(1280, 800)
        self.settings = settings or Settings()
        self.state = SelectionState(self)
        self.analysis = analysis
        self.worker = worker or AnalysisWorker(parent=self)
        self.project = ProjectController(self.settings, lambda: self.analysis, self,
                                         busy=lambda: bool(self._running))
        self._running: dict = {}  # article id -> Article being analysed
        self._failed: dict = {}  # article id -> (Article, reason)
        self._buffer: list = []
        self._load_model_after_bind = False
        self._reading = 0  # path jobs handed to the worker whose files are not read yet
        self._model_warned = False
        self.undo_history = WindowUndo()
        # Ask before dropping unsaved work (tests and the screenshot mode switch this off).
        self.ask_before_discard = True
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(FLUSH_MS)
        self._flush_timer.timeout.connect(self._flush_results)

        self.model_banner = Banner(kind="warning")
        self.load_banner = Banner(kind="info")
        self.error_banner = Banner(kind="error")
        for banner in (self.model_banner, self.load_banner, self.error_banner):
            banner.hide()
        self.empty = EmptyState()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.workspace: Workspace | None = None
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 4, 6, 0)
        layout.setSpacing(4)
        for banner in (self.model_banner, self.error_banner, self.load_banner):
            layout.addWidget(banner)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.drop_overlay = DropOverlay(central)

        self.search = SearchBox(self.analysis, self.state)
        self.search.searched.connect(self._on_searched)
        toolbar = QToolBar("Main", self)
        toolbar.setMovable(False)
        toolbar.setObjectName("main-toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.toolbar = toolbar
        self._build_status_bar()
        self.actions = build_menus(self)
        self._update_actions()
        fill_toolbar(self, toolbar, self.search)

        self.empty.open_sample.connect(self.open_sample)
        self.empty.open_files.connect(self.open_files_dialog)
        self.empty.open_folder.connect(self.open_folder_dialog)
        self.empty.open_project.connect(self.open_project_dialog)
        self.empty.open_recent.connect(self.open_project)
        self.empty.set_recent(self.settings.recent_projects())
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.worker.pipeline_loaded.connect(self._on_pipeline_loaded)
        self.worker.progress.connect(self._on_progress)
        self.worker.result.connect(self._on_result)
        self.worker.article_failed.connect(self._on_article_failed)
        self.worker.failed.connect(self._on_failed)
        self.worker.finished.connect(self._on_finished)
        self.worker.loaded.connect(self._on_loaded)
        QApplication.instance().aboutToQuit.connect(self.worker.shutdown)  # exit() skips closeEvent
        self.project.changed.connect(self._update_title)
        self.project.error.connect(lambda text: self.error_banner.show_message(text))
        if analysis is None and defer:
            # numpy and pandas load in a thread while the empty window paints; then the views
            preload_then(self._bind_new, self)
        else:
            self._bind(analysis)
        if load_model:
            self.status.setText("Loading language model\u2026")
            if self.workspace is None:
                # Imports in two threads at once slow both: the model waits for the views.
                self._load_model_after_bind = True
            else:
                self.worker.load_pipeline()

    # ---- layout helpers ------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.status = QLabel("Ready")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(240)
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop the analysis; articles already analysed are kept (Ctrl+.)")
        self.cancel_button.clicked.connect(self.cancel_analysis)
        self.summary = QLabel("")
        self.summary.setToolTip("Articles, dated events and statements in the analysis")
        bar.addWidget(self.status, 1)
        bar.addPermanentWidget(self.summary)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        self.progress.hide()
        self.cancel_button.hide()

    def _bind_new(self) -> None:
        if self.workspace is None:
            self._bind(None)
        if self._load_model_after_bind:
            self._load_model_after_bind = False
            self.worker.load_pipeline()

    def _bind(self, analysis: "Analysis | None") -> None:
        """Build the views for `analysis` (a new, empty one if None), replacing any previous workspace."""
        if analysis is None:
            from core.analysis import Analysis

            analysis = Analysis()
        self.analysis = analysis
        self.undo_history.bind(analysis)
        self.search.set_analysis(analysis)
        self.state.clear()
        self.state.set_article(None)
        old = self.workspace
        self.workspace = Workspace(analysis, self.state)
        self.workspace.article_list.remove_requested.connect(self.remove_articles)
        self.workspace.article_list.reanalyse_requested.connect(self.reanalyse_articles)
        self.workspace.evidence_list.message.connect(lambda text: self.error_banner.show_message(text))
        self.stack.addWidget(self.workspace)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        analysis.subscribe(self._on_analysis_changed)
        self.project.watch(analysis)
        apply_panes(self)
        self._update_page()
        self._update_actions()
        self._update_summary()

    def _update_page(self) -> None:
        if self.workspace is None:
            return
        has_content = len(self.analysis) > 0 or bool(self._running) or bool(self._failed)
        self.stack.setCurrentWidget(self.workspace if has_content else self.empty)

    def _update_title(self) -> None:
        name = self.project.path.stem if self.project.path else "Untitled"
        self.setWindowTitle(f"{name}{' *' if self.project.dirty else ''} \u2014 {APP_NAME}")

    def _update_actions(self) -> None:
        a, analysis = self.actions, self.analysis
        a["undo"].setEnabled(self.undo_history.can_undo)
        a["redo"].setEnabled(self.undo_history.can_redo)
        for key in ("save", "save_as", "export_tables", "export_graphml", "export_chart", "copy_chart"):
            a[key].setEnabled(analysis is not None and len(analysis) > 0)

    def _on_analysis_changed(self, reason: str) -> None:
        self.undo_history.on_changed(reason)
        self._update_actions()
        self._update_page()
        self._update_summary()

    def _update_summary(self) -> None:
        from desktop.app.workspace import summary_text

        self.summary.setText(summary_text(self.analysis))

    # ---- loading articles ------------------------------------------------------------------------
    def add_paths(self, paths: Iterable[str | Path]) -> int | None:
        """Load files/folders and analyse the new articles.

        A few files are read at once (returns how many articles were added); folders and long
        lists are read by the worker so the window never freezes (returns None; `loaded` follows).
        """
        from core.ingest import load_paths, slow_to_read

        self._bind_new()
        paths = [Path(p) for p in paths]
        projects = [p for p in paths if p.suffix == SUFFIX]
        if projects:
            self.open_project(projects[0])
            paths = [p for p in paths if p.suffix != SUFFIX]
            if not paths:
                return 0
        known = list(self.analysis.article_ids) + list(self._running)
        if len(paths) > SYNC_LOAD_MAX or any(p.is_dir() or slow_to_read(p) for p in paths):
            self._reading += 1
            self._show_busy(f"Reading {len(paths)} location{'s' * (len(paths) != 1)}\u2026")
            self.worker.load_and_analyse(paths, known)
            return None
        report = load_paths(paths, known_ids=known)
        self._show_report(report)
        if report.articles:
            self.analyse(report.articles)
        return len(report.articles)

    def _show_report(self, report) -> None:
        from desktop.widgets.dialogs import describe_load

        described = describe_load(report)
        if described is None:
            self.load_banner.hide()
        else:
            self.load_banner.show_message(described[1], kind=described[0])

    def _on_loaded(self, report) -> None:
        """Files read by the worker: list their articles as analysing (the worker goes on with them)."""
        self._reading = max(0, self._reading - 1)
        self._show_report(report)
        for article in report.articles:
            self._running[article.id] = article
            self._failed.pop(article.id, None)
        self._update_status()
        self._update_page()

    def _show_busy(self, text: str) -> None:
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.status.setText(text)

    def analyse(self, articles) -> None:
        self._bind_new()
        for article in articles:
            self._running[article.id] = article
            self._failed.pop(article.id, None)
        self._update_status()
        self._update_page()
        self._show_busy(f"Analysing {len(self._running)} article{'s' * (len(self._running) != 1)}\u2026")
        self.worker.analyse(list(articles))

    def open_sample(self) -> None:
        from core.resources import seeds_dir

        self.add_paths([seeds_dir()])

    def open_files_dialog(self) -> None:
        from desktop.widgets.dialogs import open_filter

        files, _ = QFileDialog.getOpenFileNames(self, "Open articles", self.settings.last_folder(),
                                                open_filter(SUFFIX))
        if files:
            self.settings.set_last_folder(Path(files[0]).parent)
            self.add_paths(files)

    def open_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Open a folder of articles", self.settings.last_folder())
        if folder:
            self.settings.set_last_folder(folder)
            self.add_paths([folder])

    def remove_articles(self, article_ids) -> None:
        for aid in article_ids:
            self._running.pop(aid, None)
            self._failed.pop(aid, None)
        wanted = set(article_ids)
        self.undo_history.removed([r for r in self.analysis.raw_results() if r.article.id in wanted])
        self.analysis.remove_many(article_ids)
        self._update_status()
        self._update_page()
        self._update_actions()
        n = len(article_ids)
        self.status.setText(f"Removed {n} article{'s' * (n != 1)}. Edit \u2192 Undo (Ctrl+Z) brings "
                            f"{'them' if n != 1 else 'it'} back.")

    def reanalyse_articles(self, article_ids) -> None:
        articles = []
        for aid in article_ids:
            if aid in self.analysis:
                articles.append(next(r.article for r in self.analysis.raw_results() if r.article.id == aid))
            elif aid in self._failed:
                articles.append(self._failed[aid][0])
        if articles:
            self.analyse(articles)

    # ---- worker signals ------------------------------------------------------------------------------
    def _on_pipeline_loaded(self, pipeline) -> None:
        if not self._running:
            self.status.setText("Ready. Drop articles on the window, or use File \u2192 Open.")
        if pipeline is not None and not getattr(pipeline, "trained", True) and not self._model_warned:
            self._model_warned = True
            self.model_banner.show_message(pipeline.warning or "Reduced, rule-based analysis.")

    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{done} / {total}")
        if done:
            self.status.setText(f"Analysed \u201c{message}\u201d")

    def _on_result(self, result) -> None:
        if self._running.pop(result.article.id, None) is None:
            return  # removed while it was being analysed: a stale result
        self._buffer.append(result)
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    def _flush_results(self) -> None:
        if self._buffer:
            results, self._buffer = self._buffer, []
            first = not len(self.analysis)
            started = time.perf_counter()
            self.analysis.add_many(results)
            # Slow redraws (big corpora) get rarer batches: at most about a third of the time redrawing.
            took_ms = int(1000 * (time.perf_counter() - started))
            self._flush_timer.setInterval(max(FLUSH_MS, min(3000, 2 * took_ms)))
            if first or self.state.article is None:
                self.state.set_article(results[0].article.id)
            if first and self.workspace is not None:
                QTimer.singleShot(0, self.workspace.fit_charts)
        self._update_status()

    def _on_article_failed(self, article_id: str, message: str) -> None:
        article = self._running.pop(article_id, None)
        if article is not None:
            self._failed[article_id] = (article, message.split(": ", 1)[-1])
        self._update_status()

    def _on_failed(self, message: str) -> None:
        self.error_banner.show_message(message)

    def _on_finished(self, cancelled: bool) -> None:
        self._flush_timer.stop()
        self._flush_results()
        if cancelled:
            dropped = [aid for aid in self._running if aid not in self.analysis]
            self._running.clear()
            self._reading = 0
            self.status.setText(f"Cancelled. {len(dropped)} article{'s were' if len(dropped) != 1 else ' was'} "
                                "not analysed; finished ones are kept.")
        elif not self._running:
            n = len(self.analysis)
            self.status.setText(f"{n} article{'s' * (n != 1)} analysed.")
        if not self._running:
            self.project.autosave()
        self._update_status()
        self._update_page()
        if not self._running and not self._reading:
            self.progress.hide()
            self.cancel_button.hide()
            self.analysis_finished.emit(cancelled)

    def _update_status(self) -> None:
        if self.workspace is not None:
            self.workspace.article_list.set_status(self._running, self._failed)

    def cancel_analysis(self) -> None:
        if self.worker.busy:
            self.status.setText("Cancelling\u2026")
            self.worker.cancel()

    # ---- drag and drop --------------------------------------------------------------------------------
    # ---- projects --------------------------------------------------------------------------------------
    def open_project_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open project", self.settings.last_folder(),
                                              f"Standpoint projects (*{SUFFIX})")
        if path:
            self.open_project(Path(path))

    def open_project(self, path: Path) -> bool:
        if not self._confirm_discard():
            return False
        analysis = self.project.load(path)
        if analysis is None:
            return False
        self.worker.cancel()
        self._running.clear()
        self._failed.clear()
        self._bind(analysis)
        self.project.mark_dirty(False)
        self._update_title()
        if len(analysis):
            self.state.set_article(analysis.article_ids[0])
            QTimer.singleShot(0, self.workspace.fit_charts)
        self.status.setText(f"Opened {Path(path).name}: {len(analysis)} articles.")
        self.analysis_replaced.emit(analysis)
        return True

    def save_project(self) -> bool:
        if self.project.path is None:
            return self.save_project_as()
        return self._saved(self.project.save())

    def save_project_as(self) -> bool:
        start = str(self.project.path or Path(self.settings.last_folder() or Path.home()) / f"Untitled{SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(self, "Save project", start, f"Standpoint projects (*{SUFFIX})")
        return self._saved(self.project.save(Path(path))) if path else False

    def _saved(self, ok: bool) -> bool:
        if ok:
            self.status.setText(f"Saved {self.project.path.name}.")
        return ok

    def _confirm_discard(self) -> bool:
        if (not self.ask_before_discard or not self.project.dirty or not self.analysis
                or self.project.path is not None):
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(self, APP_NAME, "Save the current analysis as a project first?",
                                      buttons.Save | buttons.Discard | buttons.Cancel)
        return self.save_project_as() if answer == buttons.Save else answer == buttons.Discard

    def closeEvent(self, event) -> None:  # noqa: N802
        if not self._confirm_discard():
            event.ignore()
            return
        self.worker.shutdown()
        self._flush_timer.stop()
        self._flush_results()  # results already received are part of the project
        if self.project.dirty and self.project.path is not None:
            self.project.save()
        self.settings.set_geometry(self.saveGeometry())
        event.accept()

    # ---- edit / search ---------------------------------------------------------------------------------
    def undo(self) -> None:
        self._after_history_step(self.undo_history.undo())

    def redo(self) -> None:
        self._after_history_step(self.undo_history.redo())

    def _after_history_step(self, message: str) -> None:
        if message:
            self.status.setText(message)
            self._update_status()
            self._update_page()
            self._update_actions()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _on_searched(self, query: str, n: int) -> None:
        if query.strip():
            self.status.setText(f"{n} match{'es' * (n != 1)} for \u201c{query.strip()}\u201d.")

    def show_chart(self, title: str) -> None:
        if self.workspace is not None:
            self.workspace.show_chart(title)
