"""The working area for one Analysis: article and actor lists, the charts, the source view and the evidence list."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from desktop.charts.registry import CHARTS, make_chart
from desktop.panes.actors import ActorPanel
from desktop.panes.articles import ArticleList
from desktop.panes.evidence import EvidenceList
from desktop.panes.issues import IssuePanel
from desktop.panes.source import SourceView
from desktop.widgets.date_range import DateRangeBar


class Workspace(QWidget):
    """Every view bound to the same Analysis and SelectionState; rebuilt when a project replaces the Analysis."""

    def __init__(self, analysis, state, parent: QWidget | None = None):
        super().__init__(parent)
        self.analysis, self.state = analysis, state
        self.article_list = ArticleList(analysis, state)
        self.actor_panel = ActorPanel(analysis, state)
        self.issue_panel = IssuePanel(analysis, state)
        self.left = QTabWidget()
        self.left.setDocumentMode(True)
        self.left.addTab(self.article_list, "Articles")
        self.left.addTab(self.actor_panel, "Actors")
        self.left.addTab(self.issue_panel, "Issues")

        self.charts = QTabWidget()
        self.charts.setDocumentMode(True)
        self.chart_widgets: dict[str, QWidget] = {}
        for title, load in CHARTS:
            widget = make_chart(title, load, analysis, state)
            self.chart_widgets[title] = widget
            self.charts.addTab(widget, title)
        # charts in hidden tabs put their redraws off; choosing the tab brings them up to date
        # (showEvent does it too, but not while the whole window is still hidden)
        self.charts.currentChanged.connect(self._on_chart_shown)

        # one date range for every chart, typed or chosen above the tabs
        self.date_range = DateRangeBar(analysis, state)
        self.centre = QWidget()
        centre = QVBoxLayout(self.centre)
        centre.setContentsMargins(0, 0, 0, 0)
        centre.setSpacing(2)
        centre.addWidget(self.date_range)
        centre.addWidget(self.charts, 1)

        self.source_view = SourceView(analysis, state)
        self.evidence_list = EvidenceList(analysis, state)
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(self.source_view)
        self.right.addWidget(self.evidence_list)
        self.right.setStretchFactor(0, 3)
        self.right.setStretchFactor(1, 2)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        for widget in (self.left, self.centre, self.right):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 3)
        # Explicit minimums: the panes' own size hints add up to more than a 1280-pixel screen.
        self.left.setMinimumWidth(200)
        self.charts.setMinimumWidth(360)
        self.right.setMinimumWidth(260)
        # the charts get the room: at 1280 px they were ~440 px wide, too narrow to read a timeline
        self.splitter.setSizes([260, 680, 320])
        self._pane_px: dict[str, int] = {}  # widths of hidden side panes
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)

    def fit_charts(self) -> None:
        """Fit every chart to its data (after the first results land, when the panes have their sizes)."""
        for widget in self.chart_widgets.values():
            if getattr(widget, "stale", False):
                continue  # its pending refresh fits it when the tab is shown
            fit = getattr(widget, "fit", None)
            if callable(fit):
                try:
                    fit()
                except Exception:  # a chart that cannot fit yet must not break loading
                    import logging

                    logging.getLogger(__name__).exception("fitting %s failed", type(widget).__name__)

    def set_pane_visible(self, pane: str, visible: bool) -> None:
        """Hide or show the side pane "list" (articles, actors) or "source" (text, evidence)."""
        widget, at = (self.left, 0) if pane == "list" else (self.right, 2)
        if widget.isHidden() != visible:
            return
        sizes = self.splitter.sizes()
        # the charts take all of a hidden pane's width, and give it back when it returns
        if visible:
            width = self._pane_px.pop(pane, widget.minimumWidth())
            sizes[1], sizes[at] = max(self.charts.minimumWidth(), sizes[1] - width), width
        else:
            self._pane_px[pane] = sizes[at]
            sizes[1], sizes[at] = sizes[1] + sizes[at], 0
        widget.setVisible(visible)
        self.splitter.setSizes(sizes)

    def _on_chart_shown(self, index: int) -> None:
        ensure_fresh = getattr(self.charts.widget(index), "ensure_fresh", None)
        if callable(ensure_fresh):
            ensure_fresh()

    def current_chart(self) -> QWidget | None:
        widget = self.charts.currentWidget()
        ensure_fresh = getattr(widget, "ensure_fresh", None)
        if callable(ensure_fresh):
            ensure_fresh()
        return widget

    def show_chart(self, title: str) -> None:
        widget = self.chart_widgets.get(title)
        if widget is not None:
            self.charts.setCurrentWidget(widget)


def summary_text(analysis) -> str:
    """"3 articles · 40 dated events · 120 statements · 1 without date" for the status bar."""
    if analysis is None or not len(analysis):
        return ""
    table = analysis.articles_table()
    n, events, statements = len(table), int(table["n_events"].sum()), int(table["n_statements"].sum())
    undated = int(table["published"].isna().sum())
    text = f"{n} article{'s' * (n != 1)} \u00b7 {events} dated events \u00b7 {statements} statements"
    return text + (f" \u00b7 {undated} without date" if undated else "")
