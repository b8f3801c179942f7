"""The event timeline: one lane per actor (or article), a mark per dated event, click-through to the sentence."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QToolTip, QVBoxLayout

from desktop.charts import palette
from desktop.charts.axes import CategoryAxis, date_axis, day_of, epoch
from desktop.charts.base import ChartWidget, StatusLabel, caption_text, set_background, style_plot, unindexed
from desktop.charts.export_layout import TimelinePages
from desktop.charts.items import LabelBatch, PointBatch, RectBatch
from desktop.charts.scroll import RowScrollBar
from desktop.charts.time_window import TimeWindowBand
from desktop.charts.timeline_data import (
    DAY, DEFAULT_MAX_LANES, FIRST_APPEARANCE, INVOLVEMENT, NO_ACTOR, OTHER, Marks, build_marks, hit_test, tooltip_html,
)
from desktop.charts.timeline_drawing import BAR_HEIGHT, POINT_SIZE, TimelineDrawingMixin
from desktop.charts.timeline_edges import BackgroundEdges
from desktop.charts.timeline_lanes import LaneButton, TimelineLanesMixin
from desktop.charts.timeline_reuse import kept_marks
from desktop.charts.timeline_navigation import TOP, LaneViewBox, TimelineNavigationMixin

HIT_PX = 6


class _Names:
    """Actor names read on demand: the lanes need a few hundred of the corpus's thousands."""

    def __init__(self, name_of):
        self._name_of, self._known = name_of, {}

    def get(self, key, default=None):
        if key not in self._known:
            self._known[key] = self._name_of(key)
        return self._known[key]


class TimelineView(TimelineDrawingMixin, TimelineLanesMixin, TimelinePages, TimelineNavigationMixin, ChartWidget):
    """Events over time, lane per actor; binds to the SelectionState only."""

    title = "Timeline"
    TOP_STRIP = TOP  # exported pages keep the background strip above lane 0

    def __init__(self, analysis, state, parent=None):
        super().__init__(analysis, state, parent)
        self.lanes_by = "actor"
        self.colour_by = "modality"
        self.max_lanes = DEFAULT_MAX_LANES
        self.lane_order = INVOLVEMENT
        self.chosen: list[str] = []  # actors picked for lanes (empty: the most involved)
        self.marks: Marks | None = None
        self._items: list[pg.GraphicsObject] = []
        self._fitted_all = False
        self._fitted_view: tuple[float, float] = (0.0, 0.0)
        self._build_ui()
        self._style_frame()
        state.actor_changed.connect(self._on_selection_changed)
        state.items_changed.connect(self._on_selection_changed)
        self.refresh()
        self.fit()
        self._styled = True

    # ---- layout ------------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.lanes_box = QComboBox()
        self.lanes_box.addItem("By actor", "actor")
        self.lanes_box.addItem("By article", "article")
        self.lanes_box.setToolTip("One lane per actor, or one lane per article")
        self.colour_box = QComboBox()
        self.colour_box.addItem("Modality", "modality")
        self.colour_box.addItem("Stance", "stance")
        self.colour_box.setToolTip("Colour marks by modality (happened / planned / warned of / hypothetical) or stance")
        self.lane_button = LaneButton(self)
        fit = QPushButton("Fit")
        fit.setMaximumWidth(60)
        fit.setToolTip("Fit the corpus: its publication span and what it reports (Home); press again to "
                       "include the background (older and later dates, long and vague periods)")
        self.status = StatusLabel()
        bar = QHBoxLayout()
        for w in (self.lanes_box, self.colour_box, self.lane_button, fit):
            bar.addWidget(w)
        bar.addWidget(self.status, 1)

        self.lane_axis = CategoryAxis("left")
        self.plot = unindexed(pg.PlotWidget(viewBox=LaneViewBox(), axisItems={"bottom": date_axis(), "left": self.lane_axis}))
        self.plot.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.plot.installEventFilter(self)
        self.plot.showGrid(x=True, y=False, alpha=0.15)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        vb = self.plot.getViewBox()
        vb.invertY(True)
        vb.setLimits(minYRange=1.0, minXRange=DAY)
        vb.sigResized.connect(self._on_resized)
        # below the axis, in the plot's own layout: it never hides marks and it is part of exports
        self.legend = pg.LegendItem(labelTextColor="#222", colCount=3, horSpacing=14)
        # across the lane names' column too: a narrow pane then needs fewer legend rows, and the legend
        # can no longer make the plot wider than its pane (it was clipped at the right)
        self.plot.getPlotItem().layout.addItem(self.legend, 4, 0, 1, 2)
        # room on the right for the last date label, which was cut in half at the plot's edge
        self.plot.getPlotItem().layout.setContentsMargins(2, 2, 18, 2)
        # the shared date range, shaded; dragging it changes the range every view counts in
        self.window_band = TimeWindowBand(self.plot, self.state)
        self.region = self.window_band.region
        self.state.time_window_changed.connect(self._on_time_window_changed)
        # rings drawn over the selected marks: one style, so no per-point brushes to render
        self.highlight_points = PointBatch(size=POINT_SIZE + 7, pen=palette.HIGHLIGHT_PEN, brush=None)
        self.highlight_bars = RectBatch(height=BAR_HEIGHT + 0.2, pen=palette.HIGHLIGHT_PEN)
        for item in (self.highlight_bars, self.highlight_points):
            item.setZValue(20)
            self.plot.addItem(item, ignoreBounds=True)
        # the selected actor's lane glows, whichever view selected the actor
        self.actor_band = RectBatch(height=1.0, brush=palette.faded(palette.SELECT_COLOUR, 50))
        self.actor_band.setZValue(-15)
        self.plot.addItem(self.actor_band, ignoreBounds=True)
        # every other lane lightly banded so the eye can follow a lane to its label
        self.lane_bands = RectBatch(height=1.0, brush=palette.LANE_SHADE)
        self.lane_bands.setZValue(-20)
        self.plot.addItem(self.lane_bands, ignoreBounds=True)

        # how many sentences tell a merged event, beside its mark
        self.counts = LabelBatch()
        self.counts.setZValue(12)
        self.plot.addItem(self.counts, ignoreBounds=True)
        self.edges = BackgroundEdges(self.plot)

        self.scroll = RowScrollBar(vb, margin=TOP)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.plot, 1)
        body.addWidget(self.scroll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(bar)
        layout.addLayout(body, 1)

        self.lanes_box.currentIndexChanged.connect(self._on_lanes_changed)
        self.colour_box.currentIndexChanged.connect(self._on_colour_changed)
        fit.clicked.connect(self.home)
        scene = self.plot.scene()
        scene.sigMouseClicked.connect(self._on_mouse_clicked)
        scene.sigMouseMoved.connect(self._on_mouse_moved)

    def graphics_view(self):
        return self.plot

    def _style_frame(self) -> None:
        colors = self.chart_colors()
        set_background(self.plot, colors)
        style_plot(self.plot.getPlotItem(), colors)
        self.legend.setLabelTextColor(colors["foreground"])
        ring = pg.mkPen(colors["highlight"], width=2.5)
        ring.setCosmetic(True)
        self.highlight_points.opts["pen"] = ring
        self.highlight_points._pixmap = None  # the stamped symbol carries the old pen
        self.highlight_bars.opts["pen"] = ring
        self.lane_bands.opts["brush"] = pg.mkBrush(colors["lane"])
        for item in (self.highlight_points, self.highlight_bars, self.lane_bands):
            item.update()
        self.counts.colour = pg.mkColor(colors["foreground"])
        self.edges.restyle(colors)

    def restyle(self) -> None:
        self._style_frame()
        if self.marks is not None:
            self._draw()

    # ---- options -----------------------------------------------------------------------
    def set_lanes_by(self, mode: str) -> None:
        self.lanes_box.setCurrentIndex(self.lanes_box.findData(mode))

    def set_colour_by(self, mode: str) -> None:
        self.colour_box.setCurrentIndex(self.colour_box.findData(mode))

    def options(self) -> dict:
        return {"lanes_by": self.lanes_by, "colour_by": self.colour_by, "max_lanes": self.max_lanes,
                "lane_order": self.lane_order, "chosen": list(self.chosen)}

    def set_options(self, options: dict) -> None:
        if options.get("lanes_by") in ("actor", "article"):
            self.set_lanes_by(options["lanes_by"])
        if options.get("colour_by") in ("modality", "stance"):
            self.set_colour_by(options["colour_by"])
        if isinstance(options.get("max_lanes"), int):
            self.set_max_lanes(options["max_lanes"])
        if options.get("lane_order") in (INVOLVEMENT, FIRST_APPEARANCE):
            self.set_lane_order(options["lane_order"])
        if isinstance(options.get("chosen"), list):
            self.set_chosen([a for a in options["chosen"] if isinstance(a, str)])

    def _on_lanes_changed(self) -> None:
        self.lanes_by = self.lanes_box.currentData()
        self.refresh()
        self.fit()

    def _on_colour_changed(self) -> None:
        self.colour_by = self.colour_box.currentData()
        self.refresh()

    # ---- drawing -----------------------------------------------------------------------
    def refresh(self) -> None:
        """Rebuild the marks from the analysis and redraw them (a handful of batched items)."""
        table = self.analysis.timeline()
        names = _Names(self.analysis.actor_name)
        was_empty = self.marks is None or not len(self.marks)
        chosen = self.chosen if self.lanes_by == "actor" else ()
        groups = self.analysis.event_groups() if self.lanes_by == "actor" else None
        options = (self.lanes_by, self.colour_by, self.max_lanes, self.lane_order, tuple(chosen))
        kept = kept_marks(self.marks, table, names, groups, options)
        if kept is not None:
            # no mark moved (a rename, a stance fix): new labels and tooltips, the same items
            self.marks = kept
            self._relabel()
            return
        self.marks = build_marks(table, self.lanes_by, self.colour_by, names, max_lanes=self.max_lanes,
                                 order=self.lane_order, chosen=chosen, groups=groups)
        self._draw()
        if was_empty and len(self.marks):
            # the first events to arrive (the app starts empty) must be in view without pressing Home
            self.fit()

    def _on_time_window_changed(self, window) -> None:
        """A date range typed or chosen elsewhere comes into view; one dragged here stays where it is."""
        start, end = window
        m = self.marks
        if (start is None and end is None) or m is None or not len(m):
            return
        vb = self.plot.getViewBox()
        x0, x1 = vb.viewRange()[0]
        a = epoch(start) if start is not None else float(np.nanmin(m.x0))
        b = epoch(end) if end is not None else float(np.nanmax(m.x1))
        if x0 <= a and b <= x1 and (b - a) >= 0.2 * (x1 - x0):
            return
        pad = max((b - a) * 0.04, DAY)
        vb.setXRange(a - pad, b + pad, padding=0)

    # ---- selection ---------------------------------------------------------------------
    def selected_marks(self) -> np.ndarray:
        """Marks to ring: the selected events (and the events in selected statements' sentences),
        plus the selected actor's events when lanes are articles."""
        m = self.marks
        if m is None or not len(m):
            return np.zeros(0, dtype=int)
        chosen = np.zeros(len(m), dtype=bool)
        items = self.state.items
        if items:
            wanted = {i for i in items if ":e" in i}
            if wanted and m.members:  # a member of a merged event selects the event's mark
                group_of = {e: g for g, es in m.members.items() for e in es}
                wanted = {group_of.get(i, i) for i in wanted}
            if wanted:  # hashed per table row (np.isin sorts object arrays: seconds at 100,000 marks)
                chosen |= m.table["event_id"].isin(wanted).to_numpy()[m.row]
            statements = [i for i in items if ":s" in i]
            if statements:
                # a matrix cell selects statements: light up the events told in the same sentences
                said = self.analysis.item_places(statements)
                keys = pd.MultiIndex.from_arrays([said["article_id"], said["sentence_index"].astype(int)])
                # only the events of the selected statements' articles can share a sentence with them
                near = np.flatnonzero(m.table["article_id"].isin(said["article_id"].unique()).to_numpy())
                in_sentence = np.zeros(len(m.table), dtype=bool)
                if len(near):
                    places = pd.MultiIndex.from_arrays([m.table["article_id"].to_numpy()[near],
                                                        m.table["sentence_index"].to_numpy()[near].astype(int)])
                    in_sentence[near] = places.isin(keys)
                chosen |= in_sentence[m.row]
        actor = self.state.actor
        # with a lane per actor, the lane's glow marks the actor; rings would bury the lane
        # (an actor in the "other" lane has no lane to glow: its events get rings)
        if actor is not None and (self.lanes_by != "actor" or actor not in m.lane_keys):
            with_actor = m.table["actor_ids"].map(lambda ids: actor in ids).to_numpy()
            chosen |= with_actor[m.row]
        return np.flatnonzero(chosen)

    def _update_highlight(self) -> None:
        m = self.marks
        actor = self.state.actor
        if actor is not None and self.lanes_by == "actor" and actor in m.lane_keys and len(m):
            lo, hi = float(np.nanmin(m.x0)), float(np.nanmax(m.x1))
            margin = max(hi - lo, 365 * DAY) * 5
            self.actor_band.setOpts(x0=[lo - margin], x1=[hi + margin], y=[float(m.lane_keys.index(actor))])
        else:
            self.actor_band.setOpts(x0=[], x1=[], y=[])
        sel = self.selected_marks()
        points = sel[~m.is_bar[sel]] if len(sel) else sel
        bars = sel[m.is_bar[sel]] if len(sel) else sel
        self.highlight_points.setData(x=m.x0[points], y=m.lane[points].astype(float))
        self.highlight_bars.setOpts(x0=m.x0[bars], x1=m.x1[bars], y=m.lane[bars].astype(float))

    def _on_selection_changed(self, _value=None) -> None:
        if self.marks is not None:
            self._update_highlight()

    # ---- mouse -------------------------------------------------------------------------
    def mark_at(self, scene_pos) -> int | None:
        vb = self.plot.getViewBox()
        if not vb.sceneBoundingRect().contains(scene_pos) or self.marks is None:
            return None
        p = vb.mapSceneToView(scene_pos)
        px, py = vb.viewPixelSize()
        return hit_test(self.marks, p.x(), p.y(), px * HIT_PX, max(py * HIT_PX, 0.35), BAR_HEIGHT / 2 + 0.05)

    def scene_pos_of(self, event_id: str):
        """Scene position of an event's first mark (tests and keyboard navigation use it)."""
        m = self.marks
        ids = m.table["event_id"].to_numpy()[m.row]
        hits = np.flatnonzero(ids == event_id)
        if not len(hits):
            return None
        i = int(hits[0])
        x = m.x0[i] if not m.is_bar[i] else (m.x0[i] + m.x1[i]) / 2
        return self.plot.getViewBox().mapViewToScene(pg.Point(x, float(m.lane[i])))

    def activate_mark(self, i: int) -> None:
        row = self.marks.table.iloc[int(self.marks.row[i])]
        self.state.set_items(self.marks.member_ids(i))  # a merged event: every sentence that tells it
        self.state.set_sentence(row["article_id"], int(row["sentence_index"]))

    def _on_mouse_clicked(self, ev) -> None:
        if ev.button() != Qt.MouseButton.LeftButton:
            return
        if self.edges.hit(ev.scenePos()):
            self.fit(everything=True)
            ev.accept()
            return
        i = self.mark_at(ev.scenePos())
        if i is not None:
            self.activate_mark(i)
            ev.accept()
            return
        lane = self.lane_at_label(ev.scenePos())
        if lane is not None and self.lanes_by == "actor" and self.marks.lane_keys[lane] not in (NO_ACTOR, OTHER):
            # a lane's name selects that actor everywhere (matrix row, stance strips)
            key = self.marks.lane_keys[lane]
            self.state.set_actor(None if self.state.actor == key else key)
            if self.state.actor == key:
                # the actor's own timeline across the articles, in order, in the evidence list
                self.state.set_items(list(self.analysis.entity_timeline(key)["event_id"]))
            ev.accept()

    def lane_at_label(self, scene_pos) -> int | None:
        if self.marks is None or not self.lane_axis.sceneBoundingRect().contains(scene_pos):
            return None
        lane = int(round(self.plot.getViewBox().mapSceneToView(scene_pos).y()))
        return lane if 0 <= lane < len(self.marks.lanes) else None

    def _on_mouse_moved(self, scene_pos) -> None:
        i = self.mark_at(scene_pos)
        if i is None:
            QToolTip.hideText()
            return
        row = self.marks.table.iloc[int(self.marks.row[i])]
        view_pos = self.plot.mapFromScene(scene_pos)
        QToolTip.showText(self.plot.mapToGlobal(view_pos + QPoint(12, 12)), tooltip_html(row), self.plot)

    # ---- export ------------------------------------------------------------------------
    def caption(self) -> str:
        m = self.marks
        if m is None or not len(m):
            return caption_text([], None, None)
        (x0, x1) = self.plot.getViewBox().viewRange()[0]
        shown = (m.x1 >= x0) & (m.x0 <= x1)
        titles = m.table["title"].to_numpy()[m.row[shown]].tolist()
        if not shown.any():
            return caption_text(titles, None, None)
        first = day_of(max(x0, float(m.x0[shown].min())))
        last = day_of(min(x1, float(m.x1[shown].max())) - 1)
        background = self.edges.text
        return caption_text(titles, first, last) + (f" \u00b7 {background}" if background else "")
