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

    The window itself is typed or chosen in the date-range bar (desktop.widgets.date_range); the band
    shows it and lets a mouse adjust it. Echo loops are cut by blocking signals while the state's value
    is pushed into the band. A QObject child of the plot, so its connection to the longer-lived state
    goes away with the plot.
    """

    def __init__(self, plot, state, movable: bool = True):
        super().__init__(plot)
        self.plot = plot
        self.state = state
        self.region = pg.LinearRegionItem(orientation="vertical", movable=movable, brush=pg.mkBrush(*BAND_BRUSH),
                                          hoverBrush=pg.mkBrush(*BAND_HOVER))
        self.region.setZValue(-10)
        self.region.setVisible(False)
        plot.addItem(self.region, ignoreBounds=True)
        if movable:
            self.region.sigRegionChangeFinished.connect(self._on_region_changed)
        state.time_window_changed.connect(self._on_time_window_changed)
        self._on_time_window_changed(state.time_window)

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
        on = start is not None and end is not None  # an open-ended range has no band to drag
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
