"""How the timeline's marks look: batched items per style, anchored diamonds, paler long spans, counts, legend, status."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desktop.charts import palette
from desktop.charts.items import PointBatch, RectBatch
from desktop.charts.timeline_data import DAY, NO_ACTOR
from desktop.charts.timeline_navigation import TOP
from desktop.widgets.theme import is_dark

POINT_SIZE = 9
LONG_SPAN_DAYS = 31  # spans longer than this ("this year") are context: drawn paler and thinner
BAR_HEIGHT = 0.5


class TimelineDrawingMixin:
    """Drawing for `TimelineView`: its `plot`, `marks`, `legend`, `counts`, `edges`, `status` and lanes."""

    def _draw(self) -> None:
        plot = self.plot
        for item in self._items:
            plot.removeItem(item)
        self._items = []
        m = self.marks
        # grouping by style keeps the item count small (≤ ~20) whatever the number of events
        codes, categories = pd.factorize(m.category)
        style = (((codes * 2 + m.is_bar) * 2 + m.future) * 2 + m.vague) * 2 + m.anchored
        order = np.argsort(style, kind="stable")
        keys, starts = np.unique(style[order], return_index=True)
        for key, idx in zip(keys.tolist(), np.split(order, starts[1:])):
            code, is_bar = key // 16, bool(key // 8 % 2)
            future, vague, anchored = bool(key // 4 % 2), bool(key // 2 % 2), bool(key % 2)
            category = categories[code]
            colour = palette.colour_for(self.colour_by, category, is_dark(self.palette()))
            if is_bar:
                # spans longer than a month ("this year") are context: paler and thinner than weeks
                long = (m.x1[idx] - m.x0[idx]) > LONG_SPAN_DAYS * DAY
                made = [self._bar_item(part, colour, future, vague, lengthy)
                        for part, lengthy in ((idx[~long], False), (idx[long], True)) if len(part)]
            else:
                made = [self._point_item(idx, colour, future, anchored)]
            for item in made:
                plot.addItem(item)
                self._items.append(item)
        told = np.flatnonzero(m.count > 1)
        self.counts.setData(m.x0[told], m.lane[told].astype(float), [f"\u00d7{c}" for c in m.count[told].tolist()])
        self.edges.set_marks(m)
        self._shade_lanes()
        self.lane_axis.set_labels(m.lanes)
        vb = plot.getViewBox()
        vb.setLimits(yMin=-TOP - 0.4, yMax=max(len(m.lanes), 1) + 0.0)
        self._update_legend()
        self.fit_legend()
        self._update_highlight()
        n_events = int(m.count[np.unique(m.row, return_index=True)[1]].sum()) if len(m) else 0
        undated = len(self.analysis.events_table()) - len(self.analysis.timeline())
        note = f" \u00b7 {undated:,} undated, not shown" if undated > 0 else ""
        anchored = int(self.analysis.timeline()["certainty"].eq("anchored").sum()) if n_events else 0
        merged = f" in {len(m.table):,} items" if len(m.table) < n_events else ""
        folded = len([k for k in m.folded if k != NO_ACTOR])
        word = "articles" if self.lanes_by == "article" else "actors"
        lanes = f"{len(m.lanes)} lanes" + (f" ({folded:,} {word} in \u201cother\u201d)" if folded else "")
        self.status.setText(
            f"{n_events:,} dated events{merged} ({anchored:,} placed by tense) \u00b7 {lanes}{note}"
            if n_events else "No dated events yet: add articles, or correct unresolved dates." + note)
        self.lane_button.sync()
        self.scroll.set_rows(len(m.lanes))

    def _relabel(self) -> None:
        """After a change that moved no mark: the lane names and the rings, not the items."""
        self.lane_axis.set_labels(self.marks.lanes)
        self._update_highlight()

    def _shade_lanes(self) -> None:
        m = self.marks
        odd = np.arange(1, len(m.lanes), 2, dtype=float)
        if len(m) and len(odd):
            lo, hi = float(np.nanmin(m.x0)), float(np.nanmax(m.x1))
            margin = max(hi - lo, 365 * DAY) * 5
            self.lane_bands.setOpts(x0=np.full(len(odd), lo - margin), x1=np.full(len(odd), hi + margin), y=odd)
        else:
            self.lane_bands.setOpts(x0=[], x1=[], y=[])

    def _point_item(self, idx, colour: QColor, future: bool, anchored: bool = False):
        m = self.marks
        if future:
            brush, pen = pg.mkBrush(self.chart_colors()["background"]), pg.mkPen(colour, width=2)
        elif anchored:
            # placed by tense, not by a date in the sentence: a paler diamond
            brush, pen = pg.mkBrush(palette.faded(colour, 120)), pg.mkPen(colour.darker(120), width=1.2)
        else:
            brush, pen = pg.mkBrush(colour), pg.mkPen(colour.darker(140), width=1)
        item = PointBatch(x=m.x0[idx], y=m.lane[idx].astype(float), size=POINT_SIZE + (1 if anchored else 0),
                          pen=pen, brush=brush, symbol="d" if anchored else "o")
        item.setZValue(10 if future else 11)
        item.mark_indices = idx
        return item

    def _bar_item(self, idx, colour: QColor, future: bool, vague: bool, long: bool = False):
        m = self.marks
        alpha = 55 if vague else (80 if long else 170)
        if future:
            alpha = min(alpha, 60)
        style = Qt.PenStyle.DashLine if future else Qt.PenStyle.SolidLine
        pen = pg.mkPen(colour, width=1.5, style=style) if (future or not (vague or long)) else pg.mkPen(None)
        height = BAR_HEIGHT * (0.7 if vague or long else 1.0)
        item = RectBatch(x0=m.x0[idx], x1=m.x1[idx], y=m.lane[idx].astype(float), height=height,
                     brush=pg.mkBrush(palette.faded(colour, alpha)), pen=pen)
        item.setZValue(2 if vague else 5)
        item.mark_indices = idx
        return item

    def fit_legend(self) -> None:
        """As many legend columns as the width takes (1 to 4), so the legend never runs off the chart."""
        if not self.legend.items:
            return
        from PySide6.QtGui import QFontMetrics

        metrics = QFontMetrics(self.font())
        widest = max(metrics.horizontalAdvance(label.text) for _sample, label in self.legend.items) + 48
        self.legend.setColumnCount(max(1, min(4, int((self.plot.width() - 20) // widest))))

    def _update_legend(self) -> None:
        self.legend.clear()
        present = set(self.marks.category.tolist())
        dark = is_dark(self.palette())
        for value, label in palette.categories(self.colour_by):
            if value in present or not present:
                self.legend.addItem(palette.legend_sample(palette.colour_for(self.colour_by, value, dark)), label)
        grey = palette.on_dark(palette.OTHER_COLOUR, dark)
        if self.marks.future.any():
            fill = self.chart_colors()["background"]
            self.legend.addItem(palette.legend_sample(grey, hollow=True, fill=fill), "future (hollow)")
        if (self.marks.is_bar & ~self.marks.vague).any():
            self.legend.addItem(palette.legend_sample(grey, bar=True, alpha=170), "week / month span")
        if self.marks.vague.any():
            self.legend.addItem(palette.legend_sample(grey, bar=True, alpha=55), "vague period")
        if self.marks.anchored.any():
            self.legend.addItem(palette.legend_sample(grey, symbol="d", alpha=120), "no date in the sentence (by tense)")
        if (self.marks.count > 1).any():
            self.legend.addItem(palette.legend_sample(grey), "\u00d7n: told in n sentences")
