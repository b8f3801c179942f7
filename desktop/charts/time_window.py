"""The time-window band: a shaded LinearRegionItem kept in step with `state.time_window`."""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QObject

from desktop.charts.axes import day_of, epoch

DAY = 86400.0
BAND_BRUSH = (255, 200, 0, 40)
BAND_HOVER = (255, 200, 0, 70)


class TimeWindowBand(QObject):
    """Shows the state's time window on a date plot; when `movable`, dragging it sets the window.

    An optional checkbox turns the window on (placing the band over the middle third of the view)
    and off (clearing the window for every view). Echo loops are cut by blocking signals while the
    state's value is pushed into the band and the checkbox. A QObject child of the plot, so its
    connection to the longer-lived state goes away with the plot.
    """

    def __init__(self, plot, state, check=None, movable: bool = True):
        super().__init__(plot)
        self.plot = plot
        self.state = state
        self.check = check
        self.region = pg.LinearRegionItem(orientation="vertical", movable=movable, brush=pg.mkBrush(*BAND_BRUSH),
                                          hoverBrush=pg.mkBrush(*BAND_HOVER))
        self.region.setZValue(-10)
        self.region.setVisible(False)
        plot.addItem(self.region, ignoreBounds=True)
        if movable:
            self.region.sigRegionChangeFinished.connect(self._on_region_changed)
        if check is not None:
            check.toggled.connect(self._on_toggled)
        state.time_window_changed.connect(self._on_time_window_changed)
        self._on_time_window_changed(state.time_window)

    def _on_toggled(self, on: bool) -> None:
        if not on:
            self.region.setVisible(False)
            self.state.set_time_window(None, None)
            return
        if self.state.time_window == (None, None):
            x0, x1 = self.plot.getViewBox().viewRange()[0]
            third = (x1 - x0) / 3
            self.region.blockSignals(True)
            self.region.setRegion((x0 + third, x1 - third))
            self.region.blockSignals(False)
        self.region.setVisible(True)
        self._on_region_changed()

    def _on_region_changed(self, *_args) -> None:
        if not self.region.isVisible():
            return
        a, b = self.region.getRegion()
        start, end = day_of(a), day_of(b)
        if end <= start:
            end = day_of(a + DAY)
        self.state.set_time_window(start, end)

    def _on_time_window_changed(self, window) -> None:
        start, end = window
        on = start is not None and end is not None
        if self.check is not None:
            self.check.blockSignals(True)
            self.check.setChecked(on)
            self.check.blockSignals(False)
        self.region.blockSignals(True)
        if on:
            self.region.setRegion((epoch(start), epoch(end)))
        self.region.setVisible(on)
        self.region.blockSignals(False)

    def detach(self) -> None:
        """Stop following the state (the plot is being thrown away)."""
        try:
            self.state.time_window_changed.disconnect(self._on_time_window_changed)
        except (RuntimeError, TypeError):
            pass
