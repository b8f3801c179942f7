"""Stance over time: small multiples, one strip per chosen actor, one lane per target, marks coloured by polarity."""
from __future__ import annotations

from html import escape

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QScrollArea, QSpinBox, QSplitter, QVBoxLayout, QWidget,
)

from desktop.charts import palette
from desktop.charts.axes import CategoryAxis, date_axis, day_of, epoch
from desktop.charts.base import ChartWidget, StatusLabel, caption_text, set_background, style_plot, unindexed
from desktop.charts.export_layout import StancePages
from desktop.charts.stance_rows import cued_holders, in_range_mask, spread, stance_rows, target_lanes
from desktop.charts.timeline_data import DAY
from desktop.widgets.date_range import range_text
from desktop.widgets.theme import is_dark, muted_color

DEFAULT_ACTORS = 3
DEFAULT_TARGETS = 8  # lanes per strip: the most frequent targets, then "other targets"
LANE_PX = 30
STRIP_EXTRA_PX = 70  # title and date axis of each strip
POLARITY_ORDER = ("support", "oppose", "neutral")


def legend_colour(polarity: str, pal=None) -> QColor:
    """The polarity's colour for legend text on the window background (lightened on a dark one)."""
    colour = palette.STANCE_COLOURS[polarity]
    return colour.lighter(170) if is_dark(pal) else colour


def tooltip(row) -> str:
    sentence = str(row["sentence"])
    if len(sentence) > 300:
        sentence = sentence[:299] + "\u2026"
    who = row["source_name"] or row["source_text"] or "?"
    muted = muted_color(tooltip=True).name()
    return (f"<b>{escape(str(who))}</b> \u2014 <i>{escape(str(row['cue_text']))}</i> \u2014 "
            f"<b>{escape(str(row['polarity']))}</b> on {escape(str(row['target_label']))}<br>"
            f"{escape(sentence)}<br><span style='color:{muted}'>{escape(str(row['title']))} \u00b7 "
            f"{row['date']:%d %b %Y}</span>")


class StanceTimeView(StancePages, ChartWidget):
    """Per actor, per target: who said what when. Binds to the SelectionState only."""

    title = "Stance over time"

    def __init__(self, analysis, state, parent=None):
        super().__init__(analysis, state, parent)
        self.actor_ids: list[str] = []
        self.rows = pd.DataFrame()
        self.strips: dict[str, tuple[pg.PlotItem, list[pg.ScatterPlotItem]]] = {}
        self.max_targets = DEFAULT_TARGETS
        self.lane_px, self.strip_extra_px = LANE_PX, STRIP_EXTRA_PX  # an export page squeezes them
        self._page_actors: list[str] | None = None  # the strips of one export page (None: all)
        self._layout = None  # what placed the strips drawn last (see _draw)
        self._build_ui()
        state.actor_changed.connect(self._on_actor_changed)
        state.items_changed.connect(self._on_items_changed)
        # the grouping and the date range are the matrix's too: one choice for every view
        state.group_by_changed.connect(self._on_counting_changed)
        state.time_window_changed.connect(self._on_counting_changed)
        self.refresh()
        self._styled = True

    def _build_ui(self) -> None:
        self.actor_list = QListWidget()
        self.actor_list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.actor_list.setToolTip("Choose one or more actors (Ctrl/Shift-click)")
        # long names elide (full name in the item's tooltip) instead of scrolling the list sideways
        self.actor_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.actor_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.actor_list.setMinimumWidth(90)
        self.actor_list.itemSelectionChanged.connect(self._on_list_changed)
        self.graphics = unindexed(pg.GraphicsLayoutWidget())
        self.graphics.ci.setSpacing(4)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.graphics)
        self.empty = QLabel("No statements with a publication date yet.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setEnabled(False)  # the palette's disabled text: grey in light and dark themes
        legend = QHBoxLayout()
        self.swatches: dict[str, QLabel] = {}
        for polarity in POLARITY_ORDER:
            swatch = QLabel("\u25cf " + polarity)
            swatch.setStyleSheet(f"color: {legend_colour(polarity, self.palette()).name()}; font-weight: bold")
            legend.addWidget(swatch)
            self.swatches[polarity] = swatch
        self.note = StatusLabel()
        self.note.setText("Dates are publication dates.")
        legend.addWidget(self.note, 1)
        self.targets_spin = QSpinBox()
        self.targets_spin.setRange(2, 99)
        self.targets_spin.setValue(self.max_targets)
        self.targets_spin.setSuffix(" targets")
        self.targets_spin.setToolTip("Lanes per actor: the most frequent targets, the rest in \u201cother targets\u201d")
        self.targets_spin.valueChanged.connect(self.set_max_targets)
        legend.addWidget(self.targets_spin)
        right = QWidget()
        box = QVBoxLayout(right)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(legend)
        box.addWidget(self.scroll, 1)
        box.addWidget(self.empty, 1)
        splitter = QSplitter()
        splitter.addWidget(self.actor_list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([150, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(splitter)

    def graphics_view(self):
        return self.graphics

    def export_frame(self):
        return self.scroll.viewport()  # the strips scroll inside it; a page is its size

    def restyle(self) -> None:
        self._layout = None  # new colours: every strip is built again
        for polarity, swatch in self.swatches.items():
            swatch.setStyleSheet(f"color: {legend_colour(polarity, self.palette()).name()}; font-weight: bold")
        if not self.defer("draw", self._draw):
            self._draw()

    def set_max_targets(self, n: int) -> None:
        n = max(2, int(n))
        if n != self.max_targets:
            self.max_targets = n
            self.targets_spin.blockSignals(True)
            self.targets_spin.setValue(n)
            self.targets_spin.blockSignals(False)
            if not self.defer("draw", self._draw):
                self._draw()

    def _on_counting_changed(self, *_args) -> None:
        if not self.defer("refresh", self.refresh):
            self.refresh()

    # ---- actors ------------------------------------------------------------------------
    def refresh(self) -> None:
        """The actor list, counted as the views count: the shared grouping and date range."""
        table = self.analysis.statements_table()
        counts: dict[str, int] = {}
        if len(table):
            keep, held = self._cued_holders(table)
            if self.state.time_window != (None, None):
                keep = keep & in_range_mask(table, *self.state.date_range)
            tally = pd.Series(held[keep]).value_counts()
            counts = {h: int(n) for h, n in tally.items() if h is not None and self.analysis.visible(h)}
        order = sorted(counts, key=lambda a: (-counts[a], self.analysis.actor_name(a)))
        keep = [a for a in self.actor_ids if a in counts]
        if self.state.actor in counts and self.state.actor not in keep:
            keep.insert(0, self.state.actor)
        if not keep:
            keep = order[:DEFAULT_ACTORS]
        self.actor_list.blockSignals(True)
        listed = [self.actor_list.item(i) for i in range(self.actor_list.count())]
        if [item.data(Qt.ItemDataRole.UserRole) for item in listed] != order:
            # new actors or a new order: the list anew (thousands of rows); else only changed texts
            self.actor_list.clear()
            listed = []
            for a in order:
                item = QListWidgetItem()
                item.setData(Qt.ItemDataRole.UserRole, a)
                self.actor_list.addItem(item)
                listed.append(item)
        for a, item in zip(order, listed):
            name = self.analysis.actor_name(a)
            text = f"{name}  ({counts[a]})"
            if item.text() != text:
                item.setText(text)
                item.setToolTip(f"{name}: {counts[a]} statement{'s' * (counts[a] != 1)}")
        self.actor_list.blockSignals(False)
        self.set_actors(keep)

    def set_actors(self, actor_ids) -> None:
        """Show these actors' strips (and select them in the list)."""
        self.actor_ids = list(dict.fromkeys(actor_ids))
        self.actor_list.blockSignals(True)
        chosen = set(self.actor_ids)
        for i in range(self.actor_list.count()):
            item = self.actor_list.item(i)
            if item.isSelected() != (item.data(Qt.ItemDataRole.UserRole) in chosen):
                item.setSelected(not item.isSelected())
        self.actor_list.blockSignals(False)
        if not self.defer("draw", self._draw):
            self._draw()

    def options(self) -> dict:
        return {"actors": list(self.actor_ids), "max_targets": self.max_targets}

    def set_options(self, options: dict) -> None:
        if isinstance(options.get("max_targets"), int):
            self.set_max_targets(options["max_targets"])
        actors = options.get("actors")
        if isinstance(actors, list):
            known = {self.actor_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.actor_list.count())}
            self.set_actors([a for a in actors if a in known])

    def _on_list_changed(self) -> None:
        chosen = [i.data(Qt.ItemDataRole.UserRole) for i in self.actor_list.selectedItems()]
        # keep the user's earlier order, add new ones at the end
        self.set_actors([a for a in self.actor_ids if a in chosen] + [a for a in chosen if a not in self.actor_ids])

    def _on_actor_changed(self, actor_id) -> None:
        if actor_id is not None and actor_id not in self.actor_ids:
            if any(self.actor_list.item(i).data(Qt.ItemDataRole.UserRole) == actor_id
                   for i in range(self.actor_list.count())):
                self.set_actors([actor_id] + self.actor_ids)

    # ---- drawing -----------------------------------------------------------------------
    def _draw(self) -> None:
        colors = self.chart_colors()
        table = self.analysis.statements_table()
        self.rows = stance_rows(self.analysis, self.actor_ids, self.state.group_by, *self.state.date_range,
                                known=self._cued_holders(table) if len(table) else None)
        undated = self._undated_count()
        shown = range_text(*self.state.date_range)
        self.note.setText((f"Statements {shown}. " if shown else "") + "Dates are publication dates." + (
            f" {undated} statement{'s' if undated != 1 else ''} from articles without a date not shown."
            if undated else ""))
        has_rows = bool(len(self.rows))
        self.scroll.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        strips = []
        for actor in (self.actor_ids if self._page_actors is None else self._page_actors) if has_rows else ():
            mine = self.rows[self.rows["holder"] == actor]
            if len(mine):
                lanes, lane_of = target_lanes(mine["target_label"], self.max_targets)
                mine = mine.assign(lane_label=mine["target_label"].map(lane_of))
                strips.append((actor, mine, lanes, *spread(mine, lanes, "lane_label")))
        # what places the strips: the same, and a correction only renames or recolours marks in them
        layout = ([(actor, len(lanes)) for actor, _m, lanes, _x, _y in strips], self.lane_px, self.strip_extra_px,
                  self.state.date_range)
        if layout == self._layout and strips:
            for actor, mine, lanes, x, y in strips:
                self._update_strip(self.strips[actor][0], actor, mine, lanes, x, y)
            self._align_axes()
        else:
            self._build_strips(strips, colors)
        self._layout = layout if strips else None
        self._on_items_changed(self.state.items)

    def _build_strips(self, strips: list, colors: dict) -> None:
        self.graphics.clear()
        self.strips = {}
        set_background(self.graphics, colors)
        ring = pg.mkPen(colors["highlight"], width=2.5)
        if not strips:
            return
        x_lo, x_hi = self._x_range()
        first = None
        height = 0
        for actor, mine, lanes, x, y in strips:
            # a strip's few lanes keep every name, even squeezed onto an export page
            axis = CategoryAxis("left", labels=list(lanes), limit=24, min_label_px=11)
            plot = self.graphics.addPlot(axisItems={"left": axis, "bottom": date_axis()})
            self.graphics.nextRow()
            plot.setMenuEnabled(False)
            plot.hideButtons()
            plot.showGrid(x=True, alpha=0.15)
            style_plot(plot, colors)
            plot.getViewBox().invertY(True)
            plot.setYRange(-0.6, len(lanes) - 0.4, padding=0)
            plot.getViewBox().setMouseEnabled(y=False)
            strip_px = len(lanes) * self.lane_px + self.strip_extra_px
            plot.setMinimumHeight(strip_px)
            plot.setMaximumHeight(strip_px)
            height += strip_px + 6
            highlight = pg.ScatterPlotItem(size=17, brush=None, pen=ring)
            highlight.setZValue(20)
            plot.addItem(highlight)
            plot.highlight, plot.axis, plot.lane_names, plot.marks, plot.drawn = highlight, axis, list(lanes), [], None
            self._update_strip(plot, actor, mine, lanes, x, y)
            if first is None:
                first = plot
                plot.setXRange(x_lo, x_hi, padding=0)
            else:
                plot.setXLink(first)
            self.strips[actor] = (plot, plot.marks + [highlight])
        self._align_axes()
        self.graphics.setMinimumHeight(height)

    def _update_strip(self, plot, actor: str, mine: pd.DataFrame, lanes: dict, x: np.ndarray, y: np.ndarray) -> None:
        """A strip's title, lane names and marks; marks that have not changed are kept (a few
        thousand marks take a tenth of a second to build)."""
        plot.setTitle(f"<b>{escape(self.analysis.actor_name(actor))}</b>", size="10pt")
        if plot.lane_names != list(lanes):
            plot.lane_names = list(lanes)
            plot.axis.set_labels(plot.lane_names)
        index, ids, polarity = mine.index.to_numpy(), mine["statement_id"].to_numpy(), mine["polarity"].to_numpy()
        drawn = (index, ids, polarity, x, y)
        if plot.drawn is None or not all(len(a) == len(b) and (a == b).all() for a, b in zip(plot.drawn, drawn)):
            for scatter in plot.marks:
                plot.removeItem(scatter)
            plot.marks = []
            dark = is_dark(self.palette())
            for value in POLARITY_ORDER:
                sel = np.flatnonzero(polarity == value)
                if not len(sel):
                    continue
                colour = palette.on_dark(palette.STANCE_COLOURS[value], dark)
                scatter = pg.ScatterPlotItem(
                    x=x[sel], y=y[sel], data=index[sel], size=11,
                    brush=pg.mkBrush(colour), pen=pg.mkPen(colour.darker(150), width=1), hoverable=True,
                    hoverSize=14, tip=self._tip,
                )
                scatter.sigClicked.connect(self._on_points_clicked)
                plot.addItem(scatter)
                plot.marks.append(scatter)
            if actor in self.strips:
                self.strips[actor] = (plot, plot.marks + [plot.highlight])
        plot.drawn = drawn
        plot.mark_y = dict(zip(index.tolist(), y.tolist()))
        plot.mark_x = dict(zip(index.tolist(), x.tolist()))
        plot.mark_arrays = (ids, x, y)

    def _align_axes(self) -> None:
        """One label width for every strip keeps their time axes aligned."""
        axes = [plot.axis for plot, _items in self.strips.values()]
        width = max((axis.natural_width for axis in axes), default=0)
        for axis in axes:
            axis.setWidth(width)

    def _undated_count(self) -> int:
        """Statements of the chosen actors that cannot be placed: their article has no date."""
        table = self.analysis.statements_table()
        if not len(table) or not self.actor_ids:
            return 0
        cued, held = self._cued_holders(table)
        undated = cued & table["date"].isna().to_numpy()
        return int(pd.Series(held[undated]).isin(self.actor_ids).sum())

    def _cued_holders(self, table: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
        """`cued_holders` of this statements table, worked out once for the list, the strips and the note."""
        last = getattr(self, "_held", None)
        if last is None or last[0] is not table or last[1] != self.state.group_by:
            last = self._held = (table, self.state.group_by, *cued_holders(self.analysis, table, self.state.group_by))
        return last[2], last[3]

    def _tip(self, x, y, data) -> str:
        return tooltip(self.rows.loc[int(data)])

    def _on_points_clicked(self, _item, points, *_args) -> None:
        if len(points):
            self.activate_row(int(points[0].data()))

    def activate_row(self, index: int) -> None:
        row = self.rows.loc[index]
        self.state.set_items([row["statement_id"]])
        self.state.set_sentence(row["article_id"], int(row["sentence_index"]))

    def _on_items_changed(self, items) -> None:
        chosen = set(items)
        for plot, _items in self.strips.values():
            ids, x, y = plot.mark_arrays
            sel = np.flatnonzero(pd.Series(ids).isin(chosen).to_numpy()) if chosen else np.zeros(0, dtype=int)
            plot.highlight.setData(x=x[sel], y=y[sel])

    def scene_pos_of(self, statement_id: str):
        """Scene position of a statement's mark (for tests and keyboard access)."""
        hits = self.rows.index[self.rows["statement_id"] == statement_id]
        if not len(hits):
            return None
        i = int(hits[0])
        plot = self.strips[self.rows.at[i, "holder"]][0]
        return plot.getViewBox().mapViewToScene(pg.Point(plot.mark_x[i], plot.mark_y[i]))

    def _x_range(self) -> tuple[float, float]:
        """The date range when one is set (the strips show exactly it), else the statements' days."""
        first, last = self.state.date_range
        lo = epoch(first) if first is not None else float(self.rows["x"].min()) - DAY / 2
        hi = epoch(last) + DAY if last is not None else float(self.rows["x"].max()) + DAY / 2
        pad = max((hi - lo) * 0.02, DAY)
        return lo - pad, hi + pad

    def fit(self) -> None:
        if self.strips:
            first = next(iter(self.strips.values()))[0]
            first.setXRange(*self._x_range(), padding=0)

    def export_legend(self) -> list[tuple[QColor, str]]:
        return [(palette.on_dark(palette.STANCE_COLOURS[p], is_dark(self.palette())), p) for p in POLARITY_ORDER]

    def caption(self) -> str:
        if not len(self.rows):
            return caption_text([], None, None)
        return caption_text(self.rows["title"].tolist(), day_of(float(self.rows["x"].min())),
                            day_of(float(self.rows["x"].max())))


__all__ = ["StanceTimeView", "stance_rows"]
