"""The main window: loading articles (drop, menus, command line), projects, banners, undo and the workspace."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication, QFileDialog, QLabel, QMainWindow, QMessageBox, QProgressBar, QPushButton,
    QStackedWidget, QToolBar, QVBoxLayout, QWidget,
)

from desktop.app.analysis_runs import FLUSH_MS, LOADING_MODEL, AnalysisRunsMixin
from desktop.app.drop import FileDropMixin
from desktop.app.empty_state import DropOverlay, EmptyState
from desktop.app.geometry import place
from desktop.app.menus import apply_panes, build_menus, fill_toolbar, update_undo_actions
from desktop.app.preload import preload_then
from desktop.app.project import SUFFIX, ProjectController
from desktop.app.settings import Settings
from desktop.app.workspace import Workspace
from desktop.panes.search import SearchBox
from desktop.state import SelectionState
from desktop.widgets.banner import Banner
from desktop.workers.analysis import AnalysisWorker

if TYPE_CHECKING:
    from core.analysis import Analysis

log = logging.getLogger(__name__)

APP_NAME = "Standpoint"
SYNC_LOAD_MAX = 20  # more files than this (or any folder) are read in the worker thread


class MainWindow(FileDropMixin, AnalysisRunsMixin, QMainWindow):
    """Owns the Analysis, the SelectionState, the worker and the project; the views live in `Workspace`.

    Dropping files is `FileDropMixin`'s; the analysis in the worker thread is `AnalysisRunsMixin`'s.
    """

    analysis_finished = Signal(bool)  # after a run's results are in the analysis; True when cancelled
    analysis_replaced = Signal(object)  # a project was opened

    def __init__(self, analysis: "Analysis | None" = None, worker: AnalysisWorker | None = None,
                 settings: Settings | None = None, load_model: bool = True, defer: bool = False):
        """`defer=True` shows the empty window before pandas and the views load (the app's start-up)."""
        super().__init__()
        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self.settings = settings or Settings()
        if self.settings.theme() != "system":
            from desktop.widgets.theme import apply_theme

            apply_theme(self.settings.theme())  # before anything is built: no flash of the other look
        self.state = SelectionState(self)
        self.analysis = analysis
        self.worker = worker or AnalysisWorker(parent=self)
        self.project = ProjectController(self.settings, lambda: self.analysis, self,
                                         busy=lambda: bool(self._running))
        self.project.changed.connect(self._on_project_path_changed)
        self._running: dict = {}  # article id -> Article being analysed
        self._failed: dict = {}  # article id -> (Article, reason)
        self._buffer: list = []
        self._load_model_after_bind = False
        self._reading = 0  # path jobs handed to the worker whose files are not read yet
        self._model_warned = False
        self._stepping = False  # inside Undo/Redo: the change is not a new correction to announce
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
        place(self, self.settings.geometry())
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
            self.status.setText(LOADING_MODEL)
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

    def _on_project_path_changed(self) -> None:
        """The analysis cache lives beside the project file (none before the first save)."""
        from core.io.cache import cache_folder_for

        self.worker.set_cache_folder(cache_folder_for(self.project.path) if self.project.path else None)

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
        update_undo_actions(a, analysis)
        for key in ("save", "save_as", "export_tables", "export_graphml", "export_chart", "copy_chart"):
            a[key].setEnabled(analysis is not None and len(analysis) > 0)

    def _on_analysis_changed(self, reason: str) -> None:
        if reason == "corrections" and not self._stepping and self.analysis.history.undo_label:
            # a correction says what it did and how to take it back (undo/redo say "Undone: …" themselves)
            label = self.analysis.history.undo_label
            self.status.setText(f"{label[:1].upper()}{label[1:]}. Edit \u2192 Undo (Ctrl+Z) takes it back.")
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
        n = len(analysis)
        self.status.setText(f"Opened {Path(path).name}: {n} article{'s' * (n != 1)}.")
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
        """Undo the newest change of the analysis's one history (corrections and removals alike)."""
        self._step_history("Undone", "undo")

    def redo(self) -> None:
        self._step_history("Redone", "redo")

    def _step_history(self, done: str, method: str) -> None:
        self._stepping = True
        try:
            label = getattr(self.analysis, method)() if self.analysis is not None else ""
        finally:
            self._stepping = False
        self._after_history_step(done, label)

    def _after_history_step(self, done: str, label: str) -> None:
        if not label:
            self.status.setText(f"Nothing to {done[:-2].lower()}.")
            return
        self.status.setText(f"{done}: {label}.")
        self._update_status()
        self._update_page()
        self._update_actions()

    def set_theme(self, name: str) -> None:
        """View → Theme: System, Light or Dark for the whole app, remembered for the next start."""
        from desktop.widgets.theme import apply_theme

        applied = apply_theme(name)
        self.settings.set_theme(applied)
        for key in ("system", "light", "dark"):
            self.actions[f"theme_{key}"].setChecked(key == applied)
        self.status.setText(f"Theme: {applied}.")

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _on_searched(self, query: str, n: int) -> None:
        if query.strip():
            self.status.setText(f"{n} match{'es' * (n != 1)} for \u201c{query.strip()}\u201d.")

    def show_chart(self, title: str) -> None:
        if self.workspace is not None:
            self.workspace.show_chart(title)
