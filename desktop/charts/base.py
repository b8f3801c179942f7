"""What every chart widget shares: its Analysis/SelectionState binding, export hooks and caption."""
from __future__ import annotations

import weakref
from datetime import date

import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from desktop.charts.axes import shorten
from desktop.widgets.theme import chart_colors, muted_color

pg.setConfigOptions(antialias=False, background="w", foreground="#222")


def subscribe_weak(analysis, method) -> None:
    """Subscribe a bound method without keeping its widget alive (Analysis has no unsubscribe)."""
    ref = weakref.WeakMethod(method)

    def callback(reason: str) -> None:
        bound = ref()
        # skip widgets whose Qt side is already deleted (closed tab, finished export)
        if bound is not None and shiboken6.isValid(bound.__self__):
            bound(reason)

    analysis.subscribe(callback)


def caption_text(titles, first: date | None, last: date | None, limit: int = 3) -> str:
    """"Sources: A; B; C (+2 more) · 17 May 2018 – 30 Aug 2018" for chart exports."""
    titles = [t for t in dict.fromkeys(titles) if t]
    shown = "; ".join(shorten(t, 70) for t in titles[:limit])
    if len(titles) > limit:
        shown += f" (+{len(titles) - limit} more)"
    parts = [f"Sources: {shown}" if shown else "Sources: none"]
    if first and last:
        parts.append(f"{first:%d %b %Y} \u2013 {last:%d %b %Y}" if first != last else f"{first:%d %b %Y}")
    return " \u00b7 ".join(parts)


def set_background(view, colors: dict) -> None:
    """The chart's background on screen, and in exports when it is dark.

    Exports render the scene on white, not the view: light axis text on that white would vanish,
    so a dark chart carries its background into the scene (a light one keeps exports as they were).
    """
    view.setBackground(colors["background"])
    dark = colors["background"].lightness() < 128
    view.scene().setBackgroundBrush(QBrush(colors["background"]) if dark else QBrush())


def style_plot(plot_item: pg.PlotItem, colors: dict) -> None:
    """Axis lines, tick labels, grid and title of one plot in the chart's palette colours."""
    for name in ("left", "bottom", "top", "right"):
        axis = plot_item.getAxis(name)
        axis.setPen(pg.mkPen(colors["muted"]))  # the grid is drawn with the axis pen, faded
        axis.setTextPen(pg.mkPen(colors["foreground"]))
    title = plot_item.titleLabel
    title.setAttr("color", colors["foreground"].name())
    if title.text:
        title.setText(title.text)


class StatusLabel(QLabel):
    """A grey one-line status that elides instead of forcing the chart wider than its pane."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(40)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.width())
        painter.setPen(muted_color(self.palette()))
        painter.drawText(self.rect(), int(self.alignment()), text)


class ChartWidget(QWidget):
    """Base of the chart views: each binds to the Analysis and the SelectionState only."""

    title = "Chart"

    def __init__(self, analysis, state, parent=None):
        super().__init__(parent)
        self.analysis = analysis
        self.state = state
        # work put off while the chart sits in a hidden tab, by key, run in order when it shows
        self._pending: dict = {}
        subscribe_weak(analysis, self._on_analysis_changed)

    # ---- palette -------------------------------------------------------------------------
    def chart_colors(self) -> dict:
        return chart_colors(self.palette())

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        # a theme switch (or a palette set on the chart) must restyle what pyqtgraph painted in fixed colours
        if event.type() == QEvent.Type.PaletteChange and getattr(self, "_styled", False):
            self.restyle()

    def restyle(self) -> None:
        """Apply the palette to the chart's plots and redraw what carries palette colours."""

    def _on_analysis_changed(self, reason: str) -> None:
        if not self.defer("refresh", self.refresh):
            self.refresh()

    # ---- lazy redraw ---------------------------------------------------------------------
    def hidden_in_window(self) -> bool:
        """True while the chart is in a tab (or pane) that is not shown: a redraw would be wasted.

        A chart on its own (tests, exports) is never hidden in this sense, so it stays eager.
        """
        window = self.window()
        return window is not self and not self.isVisibleTo(window)

    def defer(self, key: str, work) -> bool:
        """Queue `work` until the chart is shown, if it is hidden now; False means: do it now.

        A pending full refresh makes every smaller pending redraw redundant.
        """
        if not self.hidden_in_window():
            return False
        if key == "refresh":
            self._pending.clear()
            self._pending[key] = work
        elif "refresh" not in self._pending:
            self._pending[key] = work
        return True

    @property
    def stale(self) -> bool:
        return bool(self._pending)

    def ensure_fresh(self) -> None:
        """Run the work put off while hidden (on show, before an export, when a tab is chosen)."""
        while self._pending:
            key = next(iter(self._pending))
            work = self._pending.pop(key)
            if key == "refresh":
                self._pending.clear()
            work()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.ensure_fresh()

    def refresh(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def graphics_view(self):
        """The QGraphicsView whose scene is the chart (what charts.export renders)."""
        raise NotImplementedError

    def caption(self) -> str:
        return ""

    # ---- export pages (charts.export lays out a fresh copy of the chart; see charts.export_layout) ----
    def export_frame(self) -> QWidget:
        """The widget that must be the page's size (below the chart's own toolbars)."""
        return self.graphics_view().viewport()

    def export_view(self, source) -> None:
        """Take over what `source` (the chart on screen) shows: its dates, its first column."""

    def export_pages(self) -> int:
        return 1

    def show_export_page(self, index: int) -> None:
        """Show page `index` of `export_pages()`: its lanes, rows or strips."""

    def export_page_note(self, index: int) -> str:
        """"lanes 13–24 of 40" when a page shows part of the chart, else ""."""
        return ""

    def export_legend(self) -> list:
        """(colour, label) pairs an export draws under the chart, for a legend that is no part of the scene."""
        return []

    # the user's view options, for saving a session; the selection itself lives in the state
    def options(self) -> dict:
        return {}

    def set_options(self, options: dict) -> None:
        """Apply saved options; unknown keys are ignored so old sessions still load."""


def unindexed(view):
    """`view` (a pyqtgraph widget) with its scene's BSP index turned off, returned.

    The charts move, resize and replace their few batched items all the time; Qt's BSP index of item
    rectangles then crashed the timeline's repaint after the stance-over-time tab was redrawn (a
    segfault in QGraphicsView::paintEvent, 1 run in 3 at 10,000 articles). A scene of a few dozen
    items needs no index."""
    from PySide6.QtWidgets import QGraphicsScene

    view.scene().setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
    return view
