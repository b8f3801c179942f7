"""Moving around the timeline: the wheel, the keys, Fit / Home, and lanes kept readable when the view resizes."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt

from desktop.charts.axes import epoch
from desktop.charts.timeline_data import DAY

LANE_PX = 24  # comfortable lane height; more lanes than fit scroll
# Lanes start this far below the top of the plot: the strip above lane 0 holds the background labels
# ("◀ 12 earlier, 1955 – 2004"), so they never cover a mark.
TOP = 1.3


class LaneViewBox(pg.ViewBox):
    """Wheel zooms time only; Shift+wheel scrolls lanes (lanes are categories, not a scale)."""

    def wheelEvent(self, ev, axis=None):
        if ev.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            delta = ev.delta() if hasattr(ev, "delta") else ev.angleDelta().y()
            self.translateBy(y=-3 if delta > 0 else 3)
            ev.accept()
            return
        super().wheelEvent(ev, axis=0)


class TimelineNavigationMixin:
    """Zoom, pan, fit and lane scrolling for `TimelineView`: its `plot`, `legend` and `marks`."""

    def home(self) -> None:
        """Home key / Fit button: fit the events in focus; pressed again, fit everything."""
        current = self.plot.getViewBox().viewRange()[0]
        again = abs(current[0] - self._fitted_view[0]) < DAY and abs(current[1] - self._fitted_view[1]) < DAY
        self.fit(everything=again and not self._fitted_all)

    def fit(self, everything: bool = False) -> None:
        """The corpus's default window (`core.analysis.default_window`: the publication span and what the
        articles report around it), or `everything`, and as many lanes from the top as fit.

        Background dates (a founder's birth, a 1982 massacre, a 2100 target) would squeeze the corpus's
        weeks into a corner; they stay reachable at the view's edges and with Fit pressed again.
        """
        m = self.marks
        vb = self.plot.getViewBox()
        if m is None or not len(m):
            vb.setRange(xRange=(epoch_today() - 30 * DAY, epoch_today()), yRange=(-0.5, 0.5), padding=0)
            return
        window = None if everything else self.analysis.default_window()
        if window is not None:
            lo, hi = epoch(window.start), epoch(window.end)
        else:
            lo, hi = float(np.nanmin(m.x0)), float(np.nanmax(m.x1))
        pad = max((hi - lo) * 0.04, DAY)
        visible = self._lanes_that_fit()
        vb.setRange(xRange=(lo - pad, hi + pad), yRange=(-TOP, min(len(m.lanes), visible) - 0.4), padding=0)
        self._fitted_all = everything or window is None
        self._fitted_view = tuple(vb.viewRange()[0])
        self.edges.update()

    def _on_resized(self, *_args) -> None:
        """Keep lanes a readable height: a taller view shows more lanes, not fatter ones."""
        self.fit_legend()  # a narrow pane gets fewer legend columns rather than a plot wider than the pane
        if self.marks is None or not len(self.marks):
            return
        vb = self.plot.getViewBox()
        y0 = vb.viewRange()[1][0]
        n, fit = len(self.marks.lanes), self._lanes_that_fit()
        top = -TOP if n <= fit else min(max(-TOP, y0), n - fit - 0.4)
        vb.setYRange(top, top + min(n, fit) + TOP - 0.4, padding=0)

    def _lanes_that_fit(self) -> int:
        height = self.plot.getViewBox().height() or 500
        return max(4, int(height // LANE_PX) - 1)  # a lane's height goes to the strip above lane 0

    def eventFilter(self, obj, event):
        if obj is self.plot and event.type() == QEvent.Type.KeyPress and self._handle_key(event.key()):
            return True
        return super().eventFilter(obj, event)

    def keyPressEvent(self, event):
        if not self._handle_key(event.key()):
            super().keyPressEvent(event)

    def _handle_key(self, key) -> bool:
        vb = self.plot.getViewBox()
        (x0, x1), (y0, y1) = vb.viewRange()
        K = Qt.Key
        if key in (K.Key_Plus, K.Key_Equal):
            vb.scaleBy(x=0.7, y=1)
        elif key == K.Key_Minus:
            vb.scaleBy(x=1 / 0.7, y=1)
        elif key == K.Key_Left:
            vb.translateBy(x=-(x1 - x0) * 0.15)
        elif key == K.Key_Right:
            vb.translateBy(x=(x1 - x0) * 0.15)
        elif key == K.Key_Up:
            vb.translateBy(y=-1)
        elif key == K.Key_Down:
            vb.translateBy(y=1)
        elif key == K.Key_PageUp:
            vb.translateBy(y=-(y1 - y0))
        elif key == K.Key_PageDown:
            vb.translateBy(y=(y1 - y0))
        elif key == K.Key_Home:
            self.home()
        else:
            return False
        return True


def epoch_today() -> float:
    from datetime import date

    return epoch(date.today())
