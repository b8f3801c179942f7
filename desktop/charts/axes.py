"""Axis helpers shared by the charts: a category axis that labels only as many rows as fit."""
from __future__ import annotations

import math
from datetime import date, datetime, timezone

import pyqtgraph as pg
from PySide6.QtGui import QFont, QFontMetrics

MIN_LABEL_PX = 15  # rows closer than this on screen get every n-th label only
MIN_COLUMN_PX = 28  # likewise for columns
ROTATION_DEG = 45  # slant of rotated column labels


def shorten(text: str, limit: int = 28) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


class CategoryAxis(pg.AxisItem):
    """Labels integer positions 0..n-1 with names; thins the labels out when rows get dense."""

    def __init__(self, orientation: str, labels=(), limit: int = 28, min_label_px: float = MIN_LABEL_PX, **kwargs):
        super().__init__(orientation, **kwargs)
        self._limit = limit
        self._min_label_px = min_label_px
        self._labels: list[str] = []
        self._full: list[str] = []
        self.rotated = False  # a top axis whose labels slant up-left from their column (set_rotated)
        self.fixed_height: int | None = None
        self.natural_width = 0
        self.set_labels(labels)

    def set_rotated(self, on: bool, height: int) -> None:
        """Slanted column labels (a narrow column still gets a readable name) in an axis `height` px tall."""
        if self.orientation != "top" or (on == self.rotated and self.fixed_height == height):
            return
        self.prepareGeometryChange()
        self.rotated = on
        self.fixed_height = height
        self.setHeight(height)
        self.picture = None
        self.update()

    def rotated_room(self) -> float:
        """Length in pixels a slanted label may take (the rest is elided)."""
        height = self.fixed_height or self.height()
        return max(20.0, (height - 10) / math.sin(math.radians(ROTATION_DEG)))

    def slant_font(self) -> QFont:
        """Slanted labels in a regular weight a point smaller: more of a long name fits the slant."""
        font = QFont(self.style.get("tickFont") or QFont())
        font.setBold(False)
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        return font

    def boundingRect(self):  # noqa: N802 (Qt API)
        rect = super().boundingRect()
        if self.rotated:
            # the first columns' labels reach left over the empty corner above the row names (and half a
            # line beyond their slant): everything painted must lie inside, or a redraw leaves ghosts
            reach = self.rotated_room() * math.cos(math.radians(ROTATION_DEG)) + 16
            rect = rect.adjusted(-reach, -8, 8, 0)
        return rect

    def generateDrawSpecs(self, p):  # noqa: N802 (pyqtgraph API)
        specs = super().generateDrawSpecs(p)
        if specs is None or not self.rotated:
            return specs
        axis, ticks, _texts = specs
        return axis, ticks, []  # drawn slanted in drawPicture

    def drawPicture(self, p, axisSpec, tickSpecs, textSpecs):  # noqa: N802 (pyqtgraph API)
        super().drawPicture(p, axisSpec, tickSpecs, textSpecs)
        if self.rotated:
            self._draw_slanted(p)

    def _draw_slanted(self, p) -> None:
        from PySide6.QtCore import QRectF, Qt

        bounds = self.mapRectFromParent(self.geometry())
        lo, hi = self.range
        if hi == lo or not self._full:
            return
        font = self.slant_font()
        metrics = QFontMetrics(font)
        room = int(self.rotated_room())
        p.setFont(font)
        p.setPen(self.textPen())
        p.setClipRect(self.boundingRect())
        for level in self.tickValues(lo, hi, bounds.width()):
            for v in level[1]:
                i = int(round(v))
                if not 0 <= i < len(self._full):
                    continue
                x = bounds.left() + (v - lo) / (hi - lo) * bounds.width()
                text = metrics.elidedText(self._full[i], Qt.TextElideMode.ElideRight, room)
                p.save()
                p.translate(x, bounds.bottom() - 4)
                p.rotate(ROTATION_DEG)  # the label runs down to its column, ending there
                width, height = metrics.horizontalAdvance(text) + 2, metrics.height()
                p.drawText(QRectF(-width, -height / 2, width, height),
                           int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text)
                p.restore()

    def set_labels(self, labels) -> None:
        self._full = [" ".join(str(x).split()) for x in labels]
        self._labels = [shorten(x, self._limit) for x in labels]
        if self.orientation in ("left", "right"):
            metrics = QFontMetrics(self.style.get("tickFont") or QFont())
            widest = max((metrics.horizontalAdvance(x) for x in self._labels), default=30)
            self.natural_width = min(260, widest + 16)  # what its own labels need (a row of axes aligns to the widest)
            self.setWidth(self.natural_width)
        self.picture = None
        self.update()

    @property
    def labels(self) -> list[str]:
        return list(self._labels)

    def tickValues(self, minVal, maxVal, size):
        n = len(self._labels)
        minVal, maxVal = min(minVal, maxVal), max(minVal, maxVal)  # inverted views pass them reversed
        if n == 0 or size <= 0:
            return []
        lo, hi = max(0, math.ceil(minVal)), min(n - 1, math.floor(maxVal))
        if hi < lo:
            return []
        per_row = size / max(maxVal - minVal, 1e-9)
        self._px_per_unit = per_row
        # columns keep every label (elided to the column width) until they get really narrow
        min_px = self._min_label_px if self.orientation in ("left", "right") else MIN_COLUMN_PX
        step = max(1, math.ceil(min_px / per_row))
        start = lo - lo % step
        return [(step, [float(v) for v in range(start, hi + 1, step) if v >= lo])]

    def tickStrings(self, values, scale, spacing):
        out = []
        elide = self.orientation in ("top", "bottom")
        if elide:
            from PySide6.QtCore import Qt

            metrics = QFontMetrics(self.style.get("tickFont") or QFont())
            room = max(10, int(getattr(self, "_px_per_unit", 100) * max(spacing, 1)) - 6)
        for v in values:
            i = int(round(v))
            text = self._labels[i] if 0 <= i < len(self._labels) and abs(v - i) < 1e-6 else ""
            if elide and text:
                text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
            out.append(text)
        return out


DAY_SECONDS = 86400.0
DAY_LABEL_PX = 56  # room for a "29 Aug" label and a gap
DAY_STEPS = (1, 2, 7, 14)
MIN_TICK_PX = 14  # closer ticks (and their grid lines) are left out


class DayAxis(pg.DateAxisItem):
    """Date axis whose day-level ticks read "29 Aug" and never collide with month ticks.

    pyqtgraph's default draws bare day numbers ("28 29 30") plus a second level of month names
    that overlaps them ("Aug02"); a reader then cannot tell which month a mark is in.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # pyqtgraph sets this on first paint; ticks asked for earlier (an export) would fail
        self.fontMetrics = QFontMetrics(QFont())

    def tickValues(self, minVal, maxVal, size):
        levels = super().tickValues(minVal, maxVal, size)
        px_per_day = size / max((maxVal - minVal) / DAY_SECONDS, 1e-9)
        step = next((s for s in DAY_STEPS if s * px_per_day >= DAY_LABEL_PX), None)
        if step is None:
            # months or coarser: keep pyqtgraph's month/year levels, drop its crowded day level
            self._day_spacing = None
            coarse = [lv for lv in levels if lv[0] >= 28 * DAY_SECONDS]
            # a level whose ticks stand closer than MIN_TICK_PX is a grey wash of grid lines (165 months
            # over 15 years), and drawing them cost a zoom 50 ms
            px_per_second = size / max(maxVal - minVal, 1e-9)
            spaced = [lv for lv in coarse if lv[0] * px_per_second >= MIN_TICK_PX]
            return spaced or coarse[:1] or levels
        first, last = math.ceil(minVal / DAY_SECONDS), math.floor(maxVal / DAY_SECONDS)
        # weekly ticks fall on Mondays (epoch day 4 was a Monday), others on every n-th day
        offset = 4 if step % 7 == 0 else 0
        days = [d for d in range(first, last + 1) if (d - offset) % step == 0]
        self._day_spacing = step * DAY_SECONDS
        return [(self._day_spacing, [d * DAY_SECONDS for d in days])]

    def tickStrings(self, values, scale, spacing):
        if getattr(self, "_day_spacing", None) == spacing and spacing >= DAY_SECONDS:
            return [day_of(v).strftime("%d %b").lstrip("0") for v in values]
        return super().tickStrings(values, scale, spacing)


def date_axis() -> pg.DateAxisItem:
    # utcOffset=0: dates are calendar days, not instants; labels must not shift by the local zone.
    return DayAxis(orientation="bottom", utcOffset=0)


def epoch(day) -> float:
    """Epoch seconds (UTC midnight) of a date or pandas Timestamp."""
    if hasattr(day, "to_pydatetime"):
        day = day.to_pydatetime().date()
    if isinstance(day, datetime):
        day = day.date()
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc).timestamp()


def day_of(seconds: float) -> date:
    return datetime.fromtimestamp(seconds, tz=timezone.utc).date()
