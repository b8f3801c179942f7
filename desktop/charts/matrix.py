"""Actor × stance (or × target) heat map: counts in the cells, click a cell for its evidence."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QLineEdit, QVBoxLayout

from desktop.charts import palette
from desktop.charts.base import ChartWidget, StatusLabel, caption_text, set_background, style_plot, unindexed
from desktop.charts.export_layout import MatrixPages
from desktop.charts.matrix_cells import Cells, ScrollViewBox
from desktop.charts.matrix_pointer import MatrixPointerMixin
from desktop.charts.scroll import ColumnScrollBar, RowScrollBar

MIN_ROW_PX = 22
MIN_COL_PX = 38  # room for a count; more columns than fit scroll sideways
HEADER_PX, SLANTED_HEADER_PX = 26, 130  # column header height, flat and slanted
SORTS = (("activity", "Most active"), ("name", "By name"), ("net", "By net stance"))


def window_text(start, end) -> str:
    """"1 Sep 1989 – 6 Nov 1989" for an active time window, "" when there is none."""
    if start is None and end is None:
        return ""
    first = f"{start:%d %b %Y}" if start else "\u2026"
    last = f"{end:%d %b %Y}" if end else "\u2026"
    return f"{first} \u2013 {last}"


GROUP_CHOICES = (("none", "Rows: every actor"), ("government", "Group by government"),
                 ("party", "Group by party"), ("organisation", "Group by organisation"))


class MatrixView(MatrixPages, MatrixPointerMixin, ChartWidget):
    """Heat map of who stands where; binds to the SelectionState only."""

    title = "Stance matrix"

    def __init__(self, analysis, state, parent=None):
        super().__init__(analysis, state, parent)
        self.columns = "stance"
        self.sort = "activity"
        self.group_by = state.group_by
        self.include_relations = False
        self.filter_text = ""
        self.matrix = None
        self.row_ids: list[str] = []
        self.col_ids: list[str] = []
        self.counts = np.zeros((0, 0), dtype=int)
        self.scores = np.zeros((0, 0))
        self.rgba = np.zeros((0, 0, 4), dtype=np.ubyte)
        self._cell_items: tuple[str, ...] = ()  # what a click on the selected cell put in the state
        self._build_ui()
        self._style_frame()
        state.time_window_changed.connect(self._on_time_window_changed)
        state.cell_changed.connect(self._on_selection_changed)
        state.actor_changed.connect(self._on_selection_changed)
        state.group_by_changed.connect(self.set_group_by)
        self.refresh()
        self._styled = True

    # ---- layout ------------------------------------------------------------------------
    def _build_ui(self) -> None:
        from desktop.charts.axes import CategoryAxis

        self.columns_box = QComboBox()
        self.columns_box.addItem("Stance", "stance")
        self.columns_box.addItem("Issues", "issue")
        self.columns_box.addItem("Actors", "actor")
        self.columns_box.addItem("Targets", "target")
        self.columns_box.setToolTip("Columns: support / oppose / neutral; the issues found in the corpus; the actors "
                                    "statements are about (who stands where toward whom); or every target")
        self.sort_box = QComboBox()
        for key, label in SORTS:
            self.sort_box.addItem(label, key)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Filter actors\u2026")
        self.filter_edit.setClearButtonEnabled(True)
        self.group_box = QComboBox()
        for key, label in GROUP_CHOICES:
            self.group_box.addItem(label, key)
        self.group_box.setToolTip("Rows: every actor the text names, or people counted under the government, "
                                  "party or organisation the text ties them to")
        self.relations_check = QCheckBox("Inferred links")
        self.relations_check.setToolTip(
            "Also count stances inferred from the words between two named actors, without a stance "
            "word such as \u201cbacks\u201d or \u201cwarned against\u201d (less certain)")
        self.status = StatusLabel()
        self.sort_box.setToolTip("Order of the rows")
        self.filter_edit.setMinimumWidth(110)
        # two short rows: in one, the controls needed ~790 px and were clipped in a 1280 window
        bar = QVBoxLayout()
        bar.setSpacing(2)
        first, second = QHBoxLayout(), QHBoxLayout()
        for w in (self.columns_box, self.sort_box):
            first.addWidget(w)
        first.addWidget(self.filter_edit, 1)
        for w in (self.group_box, self.relations_check):
            second.addWidget(w)
        second.addWidget(self.status, 1)
        bar.addLayout(first)
        bar.addLayout(second)

        self.row_axis = CategoryAxis("left", limit=26)
        self.col_axis = CategoryAxis("top", limit=18)
        header = QFont()
        header.setPointSizeF(10)
        header.setBold(True)
        self.col_axis.setStyle(tickFont=header)
        self.col_axis.set_rotated(False, HEADER_PX)
        rows_font = QFont()
        rows_font.setPointSizeF(10)
        self.row_axis.setStyle(tickFont=rows_font)
        self.plot = unindexed(pg.PlotWidget(viewBox=ScrollViewBox(), axisItems={"left": self.row_axis, "top": self.col_axis}))
        item = self.plot.getPlotItem()
        item.showAxis("top")
        item.hideAxis("bottom")
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        vb = self.plot.getViewBox()
        vb.invertY(True)
        vb.setMouseEnabled(x=True, y=True)
        vb.sigResized.connect(self._on_resized)
        self.labels = Cells()
        self.labels.setZValue(5)
        self.row_box = pg.QtWidgets.QGraphicsRectItem()
        self.row_box.setPen(pg.mkPen("#333", width=1.5, style=Qt.PenStyle.DashLine))
        self.cell_box = pg.QtWidgets.QGraphicsRectItem()
        self.cell_box.setPen(pg.mkPen(palette.SELECT_COLOUR, width=4))
        for z, graphics in ((6, self.row_box), (7, self.cell_box)):
            graphics.setZValue(z)
            graphics.setVisible(False)
            pen = graphics.pen()
            pen.setCosmetic(True)
            graphics.setPen(pen)
        for graphics in (self.labels, self.row_box, self.cell_box):
            self.plot.addItem(graphics)
        self.empty_text = pg.TextItem("", color="#666", anchor=(0.5, 0.5))
        self.plot.addItem(self.empty_text, ignoreBounds=True)
        self.colour_bar = pg.ColorBarItem(values=(-1, 1), colorMap=palette.diverging_colormap(), interactive=False,
                                          width=14, label="oppose \u2190 net stance \u2192 support", colorMapMenu=False)
        self.colour_bar.axis.setTicks([[(v, f"{v:+g}" if v else "0") for v in (-1, -0.5, 0, 0.5, 1)]])
        item.layout.addItem(self.colour_bar, 2, 3)
        item.layout.setContentsMargins(4, 4, 4, 12)  # room for the colour bar's end labels

        self.scroll = RowScrollBar(vb, margin=0.5)
        self.hscroll = ColumnScrollBar(vb, margin=0.5)
        body = QGridLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.plot, 0, 0)
        body.addWidget(self.scroll, 0, 1)
        body.addWidget(self.hscroll, 1, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(bar)
        layout.addLayout(body, 1)

        self.columns_box.currentIndexChanged.connect(self._on_options_changed)
        self.sort_box.currentIndexChanged.connect(self._on_options_changed)
        self.group_box.currentIndexChanged.connect(self._on_options_changed)
        self.relations_check.toggled.connect(self._on_options_changed)
        self.filter_edit.textChanged.connect(self._on_filter_changed)
        self.plot.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self.plot.scene().sigMouseMoved.connect(self._on_mouse_moved)

    def graphics_view(self):
        return self.plot

    def _style_frame(self) -> None:
        colors = self.chart_colors()
        set_background(self.plot, colors)
        style_plot(self.plot.getPlotItem(), colors)
        style_plot(self.colour_bar, colors)
        self.labels.grid_colour = QColor(colors["background"])
        box_pen = pg.mkPen(colors["foreground"], width=1.5, style=Qt.PenStyle.DashLine)
        box_pen.setCosmetic(True)
        self.row_box.setPen(box_pen)
        self.empty_text.setColor(colors["muted"])

    def restyle(self) -> None:
        self._style_frame()
        self._draw()

    # ---- options -----------------------------------------------------------------------
    def set_columns(self, columns: str) -> None:
        self.columns_box.setCurrentIndex(self.columns_box.findData(columns))

    def set_sort(self, key: str) -> None:
        self.sort_box.setCurrentIndex(self.sort_box.findData(key))

    def set_filter(self, text: str) -> None:
        self.filter_edit.setText(text)

    def set_group_by(self, key: str) -> None:
        self.group_box.setCurrentIndex(max(0, self.group_box.findData(key)))

    def options(self) -> dict:
        return {"columns": self.columns, "sort": self.sort, "group_by": self.group_by,
                "include_relations": self.include_relations, "filter": self.filter_edit.text()}

    def set_options(self, options: dict) -> None:
        if options.get("columns") in ("stance", "issue", "actor", "target"):
            self.set_columns(options["columns"])
        sort = options.get("sort")
        if sort in dict(SORTS):
            self.set_sort(sort)
        elif isinstance(sort, str) and sort.startswith("col:"):
            self.sort_by_column(sort[4:])
        if options.get("group_by") in dict(GROUP_CHOICES):
            self.set_group_by(options["group_by"])
        if isinstance(options.get("include_relations"), bool):
            self.relations_check.setChecked(options["include_relations"])
        if isinstance(options.get("filter"), str):
            self.set_filter(options["filter"])

    def _on_options_changed(self, *_args) -> None:
        self.columns = self.columns_box.currentData()
        self.sort = self.sort_box.currentData()
        self.group_by = self.group_box.currentData()
        self.state.set_group_by(self.group_by)
        self.include_relations = self.relations_check.isChecked()
        self.refresh()

    def _on_filter_changed(self, text: str) -> None:
        self.filter_text = text.strip().lower()
        self._draw(fit=True)

    def _on_time_window_changed(self, _window) -> None:
        # dragging the window on the timeline must not recount a matrix nobody sees
        if not self.defer("window", self.refresh):
            self.refresh()

    # ---- data --------------------------------------------------------------------------
    def refresh(self, fit: bool = True) -> None:
        start, end = self.state.time_window
        self.matrix = self.analysis.stance_matrix(columns=self.columns, group_by=self.group_by,
                                                  start=start, end=end, include_relations=self.include_relations)
        self._draw(fit=fit)
        self._sync_cell_items()

    def _sync_cell_items(self) -> None:
        """The selected cell's evidence follows its recount (new articles, a correction, the date range),
        unless the user has since chosen other evidence (a timeline point, a search)."""
        cell = self.state.cell
        if cell is None or self.matrix is None or self.state.items != self._cell_items:
            return
        self._cell_items = tuple(self.matrix.cells.get(cell, ()))
        self.state.set_items(self._cell_items)

    def _on_analysis_changed(self, reason: str) -> None:
        # a correction must not throw the user back to the top of a long matrix
        had_rows = bool(self.row_ids)
        if not self.defer("refresh", lambda: self.refresh(fit=not bool(self.row_ids))):
            self.refresh(fit=not had_rows)

    def _ordered_rows(self) -> list[str]:
        m = self.matrix
        # statements without a known source can arrive as a NaN row id: there is no actor to show
        rows = [a for a in m.counts.index if isinstance(a, str)]
        if self.filter_text:
            rows = [a for a in rows if self.filter_text in m.names.get(a, a).lower() or self.filter_text in a.lower()]
        if self.sort == "name":
            rows.sort(key=lambda a: m.names.get(a, a).lower())
        elif self.sort == "net":
            from core.analysis import net_stance

            net = net_stance(m)
            rows.sort(key=lambda a: (-float(net.get(a, 0.0)), m.names.get(a, a).lower()))
        elif self.sort.startswith("col:") and self.sort[4:] in m.counts.columns:
            column = m.counts[self.sort[4:]]
            rows.sort(key=lambda a: (-int(column.get(a, 0)), m.names.get(a, a).lower()))
        return rows

    def sort_by_column(self, column: str) -> None:
        """Rows by their count in one column (a click on its header)."""
        key = f"col:{column}"
        if self.sort_box.findData(key) < 0:
            # one entry for "the column last clicked", replaced on the next click
            for i in range(self.sort_box.count() - 1, len(SORTS) - 1, -1):
                self.sort_box.removeItem(i)
            self.sort_box.addItem(f"By \u201c{column}\u201d", key)
        self.sort_box.setCurrentIndex(self.sort_box.findData(key))

    def _draw(self, fit: bool = False) -> None:
        m = self.matrix
        self.row_ids = self._ordered_rows() if m is not None else []
        self.col_ids = list(m.counts.columns) if m is not None else []
        if self.row_ids and self.col_ids:
            self.counts = m.counts.loc[self.row_ids, self.col_ids].to_numpy(dtype=int)
            self.scores = m.scores.loc[self.row_ids, self.col_ids].to_numpy(dtype=float)
        else:
            self.counts = np.zeros((len(self.row_ids), len(self.col_ids)), dtype=int)
            self.scores = np.zeros(self.counts.shape)
        # the colour is the model's score; the view only maps it through the shared palette
        empty = palette.empty_rgb(self.chart_colors()["background"])
        self.rgba = palette.diverging_rgba(self.scores, self.counts, empty)
        rows, cols = self.counts.shape
        self.scroll.set_rows(rows)
        self.hscroll.set_columns(cols)
        self.labels.set_cells(self.counts, self.rgba)
        self.row_axis.set_labels([m.names.get(a, a) for a in self.row_ids] if m is not None else [])
        self.col_axis.set_labels(self.col_ids)
        vb = self.plot.getViewBox()
        vb.setLimits(xMin=-0.5, xMax=max(cols, 1) - 0.5, yMin=-0.5, yMax=max(rows, 1) - 0.5,
                     maxXRange=max(cols, 1), maxYRange=max(rows, 1))
        window = window_text(*self.state.date_range)
        if (m is None or m.is_empty) and window and len(self.analysis.statements_table()):
            self.empty_text.setText(f"No statements in the time window ({window}).\n"
                                    "Choose \u201cAll dates\u201d above the charts to count them all.")
        elif m is None or m.is_empty:
            self.empty_text.setText("No statements yet: the matrix fills as articles are analysed.")
        elif not rows:
            self.empty_text.setText(f"No actor matches \u201c{self.filter_text}\u201d.")
        else:
            self.empty_text.setText("")
        self.empty_text.setPos(max(cols, 1) / 2 - 0.5, max(rows, 1) / 2 - 0.5)
        total = int(self.counts.sum())
        # a matrix limited by the timeline's window must say so, or its counts look like the whole corpus
        note = f" \u00b7 window {window}" if window else ""
        self.status.setText(f"{rows} actors \u00b7 {cols} columns \u00b7 {total:,} statements{note}" if rows else "")
        if fit:
            self.fit()
        else:
            self._on_resized()  # same top row, clamped to the new number of rows
        self._on_selection_changed()

    def _fitting(self) -> tuple[int, int]:
        """(rows, columns) that fit the view at MIN_ROW_PX / MIN_COL_PX (at least one of each)."""
        rows, cols = self.counts.shape
        vb = self.plot.getViewBox()
        return (max(1, min(rows, int((vb.height() or 600) // MIN_ROW_PX))),
                max(1, min(cols, int((vb.width() or 600) // MIN_COL_PX))))

    def fit(self) -> None:
        visible_rows, visible_cols = self._fitting()
        self.plot.getViewBox().setRange(xRange=(-0.5, visible_cols - 0.5), yRange=(-0.5, visible_rows - 0.5),
                                        padding=0)
        self._update_headers()

    def _on_resized(self, *_args) -> None:
        """Rows stay at least MIN_ROW_PX tall and columns MIN_COL_PX wide: a resize changes how many show,
        from the same top row and left column."""
        rows, cols = self.counts.shape
        if not rows:
            return
        vb = self.plot.getViewBox()
        fit_rows, fit_cols = self._fitting()
        (x0, _x1), (y0, _y1) = vb.viewRange()
        top = min(max(-0.5, y0), rows - fit_rows - 0.5)
        left = min(max(-0.5, x0), cols - fit_cols - 0.5)
        vb.setRange(xRange=(left, left + fit_cols), yRange=(top, top + fit_rows), padding=0)
        self._update_headers()

    def _update_headers(self) -> None:
        """Flat column names while they fit their column, slanted ones (and a taller header) when not."""
        x0, x1 = self.plot.getViewBox().viewRange()[0]
        column_px = (self.plot.getViewBox().width() or 600) / max(x1 - x0, 1e-9)
        metrics = QFontMetrics(self.col_axis.style.get("tickFont") or QFont())
        widest = max((metrics.horizontalAdvance(label) for label in self.col_ids), default=0)
        slanted = widest > column_px - 6  # the room CategoryAxis.tickStrings gives a flat label
        self.col_axis.set_rotated(slanted, SLANTED_HEADER_PX if slanted else HEADER_PX)

    # ---- selection ---------------------------------------------------------------------
    def _on_selection_changed(self, _value=None) -> None:
        cols = len(self.col_ids)
        actor = self.state.actor
        if actor in self.row_ids:
            r = self.row_ids.index(actor)
            self.row_box.setRect(QRectF(-0.5, r - 0.5, cols, 1))
            self.row_box.setVisible(True)
        else:
            self.row_box.setVisible(False)
        cell = self.state.cell
        if cell is not None and cell[0] in self.row_ids and cell[1] in self.col_ids:
            r, c = self.row_ids.index(cell[0]), self.col_ids.index(cell[1])
            self.cell_box.setRect(QRectF(c - 0.5, r - 0.5, 1, 1))
            self.cell_box.setVisible(True)
        else:
            self.cell_box.setVisible(False)

    # ---- export ------------------------------------------------------------------------
    def caption(self) -> str:
        start, end = self.state.time_window
        if self.matrix is None or self.matrix.is_empty:
            return caption_text([], start, end)
        ids = [sid for key, sids in self.matrix.cells.items() if key[0] in self.row_ids for sid in sids]
        table = self.analysis.statements_table()
        rows = table[table["statement_id"].isin(ids)]
        dates = rows["date"].dropna()
        first = start or (dates.min().date() if len(dates) else None)
        last = end or (dates.max().date() if len(dates) else None)
        return caption_text(rows["title"].tolist(), first, last)
