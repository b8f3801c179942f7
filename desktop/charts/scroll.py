"""Scroll bars for category rows (timeline lanes, matrix rows) and columns, kept in step with a ViewBox."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollBar


class RowScrollBar(QScrollBar):
    """Scrolls a ViewBox whose rows sit at integer y; shows itself only when rows overflow.

    `margin` is how far above row 0 the view starts (rows are centred on integers).
    """

    def __init__(self, viewbox, margin: float = 0.5, parent=None):
        super().__init__(Qt.Orientation.Vertical, parent)
        self.viewbox = viewbox
        self.margin = margin
        self.rows = 0
        self.valueChanged.connect(self._on_scrolled)
        viewbox.sigYRangeChanged.connect(self.sync)
        self.setVisible(False)

    def set_rows(self, rows: int) -> None:
        self.rows = rows
        self.sync()

    def sync(self, *_args) -> None:
        y0, y1 = self.viewbox.viewRange()[1]
        visible = max(1, int(round(y1 - y0)))
        self.blockSignals(True)
        self.setRange(0, max(0, self.rows - visible))
        self.setPageStep(visible)
        self.setValue(max(0, int(round(y0 + self.margin))))
        self.blockSignals(False)
        self.setVisible(self.rows > visible)

    def _on_scrolled(self, value: int) -> None:
        y0, y1 = self.viewbox.viewRange()[1]
        self.viewbox.setYRange(value - self.margin, value - self.margin + (y1 - y0), padding=0)


class ColumnScrollBar(QScrollBar):
    """The horizontal twin of RowScrollBar: scrolls category columns sitting at integer x."""

    def __init__(self, viewbox, margin: float = 0.5, parent=None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.viewbox = viewbox
        self.margin = margin
        self.columns = 0
        self.valueChanged.connect(self._on_scrolled)
        viewbox.sigXRangeChanged.connect(self.sync)
        self.setVisible(False)

    def set_columns(self, columns: int) -> None:
        self.columns = columns
        self.sync()

    def sync(self, *_args) -> None:
        x0, x1 = self.viewbox.viewRange()[0]
        visible = max(1, int(round(x1 - x0)))
        self.blockSignals(True)
        self.setRange(0, max(0, self.columns - visible))
        self.setPageStep(visible)
        self.setValue(max(0, int(round(x0 + self.margin))))
        self.blockSignals(False)
        self.setVisible(self.columns > visible)

    def _on_scrolled(self, value: int) -> None:
        x0, x1 = self.viewbox.viewRange()[0]
        self.viewbox.setXRange(value - self.margin, value - self.margin + (x1 - x0), padding=0)
