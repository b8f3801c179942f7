"""The matrix's graphics: the visible cells painted in screen pixels, and a view box whose wheel scrolls rows."""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPen

from desktop.charts import palette


class ScrollViewBox(pg.ViewBox):
    """A matrix is categories both ways: the wheel scrolls rows, Shift+wheel (or a sideways wheel) columns;
    it never zooms."""

    def wheelEvent(self, ev, axis=None):
        delta = ev.delta() if hasattr(ev, "delta") else ev.angleDelta().y()
        sideways = bool(ev.modifiers() & Qt.KeyboardModifier.ShiftModifier) or (
            hasattr(ev, "orientation") and ev.orientation() == Qt.Orientation.Horizontal)
        step = -3 if delta > 0 else 3
        self.translateBy(x=step) if sideways else self.translateBy(y=step)
        ev.accept()


class Cells(pg.GraphicsObject):
    """The visible cells: colour, white grid and count, painted in screen pixels.

    Painting only the cells in view keeps a 300 × 50 matrix as cheap as a 10 × 3 one, keeps the
    counts sharp at any zoom, and needs no clipping (which SVG output would ignore).
    """

    def __init__(self):
        super().__init__()
        self.counts = np.zeros((0, 0), dtype=int)
        self.rgba = np.zeros((0, 0, 4), dtype=np.ubyte)
        self.font = QFont()
        self.font.setPointSizeF(10)
        self.font.setBold(True)
        self.grid_colour = QColor(palette.TEXT_LIGHT)

    def set_cells(self, counts: np.ndarray, rgba: np.ndarray) -> None:
        self.prepareGeometryChange()
        self.counts, self.rgba = counts, rgba
        self.update()

    def boundingRect(self):
        rows, cols = self.counts.shape
        return QRectF(-0.5, -0.5, cols, rows)

    def paint(self, painter, *_args):
        rows, cols = self.counts.shape
        vb = self.getViewBox()
        if not rows or not cols or vb is None:
            return
        (x0, x1), (y0, y1) = vb.viewRange()
        c0, c1 = max(0, math.floor(x0)), min(cols - 1, math.ceil(x1))
        r0, r1 = max(0, math.floor(y0)), min(rows - 1, math.ceil(y1))
        transform = painter.transform()
        corner_a = transform.map(QPointF(-0.5, -0.5))
        corner_b = transform.map(QPointF(0.5, 0.5))
        cell_w, cell_h = abs(corner_b.x() - corner_a.x()), abs(corner_b.y() - corner_a.y())
        # everything is clamped to the view by hand: SVG output ignores the view box's clip
        view = QRectF(transform.map(QPointF(max(x0, -0.5), max(y0, -0.5))),
                      transform.map(QPointF(min(x1, cols - 0.5), min(y1, rows - 0.5)))).normalized()
        painter.save()
        painter.resetTransform()
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                cell = QRectF(transform.map(QPointF(c - 0.5, r - 0.5)), transform.map(QPointF(c + 0.5, r + 0.5)))
                painter.fillRect(cell.normalized().intersected(view), QColor(*(int(v) for v in self.rgba[r, c])))
        # grid lines in the background colour separate cells of similar colour
        painter.setPen(QPen(self.grid_colour, 1.5))
        for c in range(c0, c1 + 2):
            x = transform.map(QPointF(c - 0.5, 0)).x()
            if view.left() - 0.5 <= x <= view.right() + 0.5:
                painter.drawLine(QPointF(x, view.top()), QPointF(x, view.bottom()))
        for r in range(r0, r1 + 2):
            y = transform.map(QPointF(0, r - 0.5)).y()
            if view.top() - 0.5 <= y <= view.bottom() + 0.5:
                painter.drawLine(QPointF(view.left(), y), QPointF(view.right(), y))
        if cell_h >= 11 and cell_w >= 14:
            font = QFont(self.font)
            font.setPointSizeF(max(7.0, min(12.0, cell_h * 0.42)))
            painter.setFont(font)
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    n = int(self.counts[r, c])
                    if n == 0:
                        continue
                    centre = transform.map(QPointF(c, r))
                    if not view.contains(centre):
                        continue
                    painter.setPen(palette.text_colour_on(self.rgba[r, c]))
                    painter.drawText(QRectF(centre.x() - cell_w / 2, centre.y() - cell_h / 2, cell_w, cell_h),
                                     Qt.AlignmentFlag.AlignCenter, str(n))
        painter.restore()
