"""The timeline's background at the view's edges: how many events lie before or after it, per lane and in all."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor

from desktop.charts.axes import day_of
from desktop.charts.items import PointBatch
from desktop.charts.timeline_data import Marks

EDGE_PX = 9  # how far inside the plot's edge the lane markers sit


class BackgroundEdges:
    """Triangles at the left and right edge of every lane with events beyond the view, and a label per
    side ("◀ 12 earlier events, 1955 – 2004"); a click on a label shows everything (Fit, pressed again).

    The items live in the plot's scene, so exported images show them too."""

    def __init__(self, plot: pg.PlotWidget):
        self.plot = plot
        self.marks: Marks | None = None
        self.left = PointBatch(size=8, symbol="<", pen=pg.mkPen(None), brush=pg.mkBrush(QColor(120, 120, 120, 200)))
        self.right = PointBatch(size=8, symbol=">", pen=pg.mkPen(None), brush=pg.mkBrush(QColor(120, 120, 120, 200)))
        self.labels = {side: pg.TextItem(anchor=(0.0, 0.0) if side == "left" else (1.0, 0.0), color=(90, 90, 90),
                                         fill=pg.mkBrush(255, 255, 255, 215), border=pg.mkPen(150, 150, 150))
                       for side in ("left", "right")}
        for item in (self.left, self.right, *self.labels.values()):
            item.setZValue(30)
            plot.addItem(item, ignoreBounds=True)
        self.counts = {"left": 0, "right": 0}
        plot.getViewBox().sigRangeChanged.connect(lambda *_: self.update())

    def set_marks(self, marks: Marks | None) -> None:
        self.marks = marks
        self.update()

    def restyle(self, colors: dict) -> None:
        grey = QColor(colors["foreground"])
        grey.setAlpha(170)
        for item in (self.left, self.right):
            item.opts["brush"] = pg.mkBrush(grey)
            item._pixmap = None  # the stamped symbol carries the old brush
            item.update()
        fill = QColor(colors["background"])
        fill.setAlpha(225)
        for label in self.labels.values():
            label.fill = pg.mkBrush(fill)
            label.setColor(QColor(colors["foreground"]))

    def update(self) -> None:
        m = self.marks
        vb = self.plot.getViewBox()
        (x0, x1), (y0, y1) = vb.viewRange()
        if m is None or not len(m):
            for side in ("left", "right"):
                self._show(side, 0, "", x0, x1, y0)
            self.left.setData([], [])
            self.right.setData([], [])
            return
        px = vb.viewPixelSize()[0]
        before, after = m.x1 <= x0, m.x0 >= x1
        lanes_before = _present(m.lane[before], len(m.lanes)).astype(float)
        lanes_after = _present(m.lane[after], len(m.lanes)).astype(float)
        self.left.setData(np.full(len(lanes_before), x0 + EDGE_PX * px), lanes_before)
        self.right.setData(np.full(len(lanes_after), x1 - EDGE_PX * px), lanes_after)
        top = min(y0, y1)
        for side, hidden in (("left", before), ("right", after)):
            n = len(_present(m.row[hidden], len(m.table)))
            if n:
                lo, hi = day_of(float(m.x0[hidden].min())), day_of(float(m.x1[hidden].max()) - 1)
                span = f"{lo:%Y}" if lo.year == hi.year else f"{lo:%Y} \u2013 {hi:%Y}"
                if lo.year == hi.year and (lo.month, hi.month) != (1, 12):
                    span = f"{lo:%b %Y}" if (lo.year, lo.month) == (hi.year, hi.month) else f"{lo:%b} \u2013 {hi:%b %Y}"
                word = "earlier" if side == "left" else "later"
                text = f"\u25c0 {n:,} {word}, {span}" if side == "left" else f"{n:,} {word}, {span} \u25b6"
            else:
                text = ""
            self._show(side, n, text, x0 + 18 * px, x1 - 18 * px, top)

    def _show(self, side: str, n: int, text: str, left: float, right: float, top: float) -> None:
        label = self.labels[side]
        self.counts[side] = n
        label.setText(text)
        label.setVisible(bool(n))
        label.setPos(left if side == "left" else right, top)

    def hit(self, scene_pos) -> bool:
        """Whether a scene position is on a visible edge label (a click there shows everything)."""
        return any(label.isVisible() and label.sceneBoundingRect().contains(scene_pos)
                   for label in self.labels.values())

    @property
    def text(self) -> str:
        """What the edges say, for the exported image's caption."""
        parts = [f"{self.counts['left']:,} earlier" if self.counts["left"] else "",
                 f"{self.counts['right']:,} later" if self.counts["right"] else ""]
        parts = [p for p in parts if p]
        return f"{' and '.join(parts)} event{'s' * (sum(self.counts.values()) != 1)} outside the view" if parts else ""


def _present(codes: np.ndarray, size: int) -> np.ndarray:
    """The distinct codes (0 <= code < size), sorted: a count per code, not a sort (this runs on every pan
    and zoom over 300,000 marks)."""
    if not len(codes):
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(np.bincount(codes, minlength=size))
