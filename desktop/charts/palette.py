"""Colours, symbols and legend entries shared by every chart, so a stance looks the same everywhere."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath

from core.model import ASSERTED, HYPOTHETICAL, NEUTRAL, OPPOSE, PLANNED, SUPPORT, WARNED

# ColorBrewer RdBu end points: red/blue stays distinguishable for the common colour-vision
# deficiencies (unlike red/green), and prints readably in greyscale.
OPPOSE_RGB = (178, 24, 43)
NEUTRAL_RGB = (236, 236, 236)
SUPPORT_RGB = (33, 102, 172)
EMPTY_RGB = (250, 250, 250)

STANCE_COLOURS = {
    SUPPORT: QColor(*SUPPORT_RGB),
    OPPOSE: QColor(*OPPOSE_RGB),
    NEUTRAL: QColor(130, 130, 130),
    "": QColor(130, 130, 130),
}
STANCE_LABELS = {SUPPORT: "support", OPPOSE: "oppose", NEUTRAL: "neutral / none", "": "neutral / none"}

# Okabe-Ito colours: chosen to stay apart under deuteranopia and protanopia.
MODALITY_COLOURS = {
    ASSERTED: QColor(0, 114, 178),  # blue: it happened
    PLANNED: QColor(230, 159, 0),  # orange: it is planned
    WARNED: QColor(213, 94, 0),  # vermilion: someone warns of it
    HYPOTHETICAL: QColor(204, 121, 167),  # purple: if ... then
}
OTHER_COLOUR = QColor(120, 120, 120)

LANE_SHADE = QColor(0, 0, 0, 10)
HIGHLIGHT_PEN = pg.mkPen(QColor(20, 20, 20), width=2.5)
SELECT_COLOUR = QColor(255, 200, 0)
TEXT_DARK = QColor(30, 30, 30)
TEXT_LIGHT = QColor(255, 255, 255)


def on_dark(colour: QColor, dark: bool) -> QColor:
    """The colour lightened for a dark background, where deep red and blue marks sink into it."""
    return QColor(colour).lighter(150) if dark else QColor(colour)


def colour_for(mode: str, value: str, dark: bool = False) -> QColor:
    """Colour of an event by its modality or its stance (`mode` is "modality" or "stance")."""
    table = MODALITY_COLOURS if mode == "modality" else STANCE_COLOURS
    return on_dark(table.get(value, OTHER_COLOUR), dark)


def categories(mode: str) -> list[tuple[str, str]]:
    """(value, legend label) pairs in a stable order for the legend."""
    if mode == "modality":
        return [(m, m) for m in MODALITY_COLOURS]
    return [(SUPPORT, "support"), (OPPOSE, "oppose"), ("", "no stance")]


def faded(colour: QColor, alpha: int) -> QColor:
    c = QColor(colour)
    c.setAlpha(alpha)
    return c


def diverging_colormap() -> pg.ColorMap:
    """oppose (-1) red → neutral (0) light grey → support (+1) blue."""
    return pg.ColorMap(
        pos=np.array([0.0, 0.5, 1.0]),
        color=np.array([OPPOSE_RGB + (255,), NEUTRAL_RGB + (255,), SUPPORT_RGB + (255,)], dtype=np.ubyte),
    )


def empty_rgb(background: QColor) -> tuple[int, int, int]:
    """Cells without evidence: near-white on a light chart, a step off the background on a dark one."""
    if background.lightness() >= 128:
        return EMPTY_RGB
    lifted = QColor(background).lighter(135)
    return lifted.red(), lifted.green(), lifted.blue()


def diverging_rgba(scores: np.ndarray, counts: np.ndarray, empty=EMPTY_RGB) -> np.ndarray:
    """RGBA (rows, cols, 4) uint8 from scores in [-1, 1]; cells without evidence are near-white."""
    scores = np.clip(np.nan_to_num(np.asarray(scores, dtype=float)), -1.0, 1.0)
    lut = diverging_colormap().getLookupTable(0.0, 1.0, 256, alpha=True)
    index = np.round((scores + 1.0) / 2.0 * 255).astype(int)
    rgba = lut[index].astype(np.ubyte)
    rgba[np.asarray(counts) == 0] = tuple(empty) + (255,)
    return rgba


def text_colour_on(rgba) -> QColor:
    """Dark or light text, whichever reads better on a cell of this colour."""
    r, g, b = (float(v) for v in rgba[:3])
    luminance = 0.299 * r + 0.587 * g + 0.114 * b
    return TEXT_LIGHT if luminance < 140 else TEXT_DARK


def legend_sample(colour: QColor, symbol: str = "o", hollow: bool = False, bar: bool = False,
                  dashed: bool = False, alpha: int = 255,
                  fill: QColor | None = None) -> pg.GraphicsObject:
    """A stand-alone item whose look a LegendItem copies into its sample swatch."""
    if bar:
        # a wide rectangle symbol: legends draw scatter samples without the stray line of other items
        shape = QPainterPath()
        shape.addRect(QRectF(-0.6, -0.25, 1.2, 0.5))
        pen = pg.mkPen(colour, width=1.2, style=Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine) \
            if alpha > 100 or dashed else pg.mkPen(None)
        return pg.ScatterPlotItem(symbol=shape, size=20, brush=pg.mkBrush(faded(colour, alpha)), pen=pen)
    # a hollow mark is filled with the chart's background, so it reads as hollow in any theme
    inside = fill if fill is not None else QColor(255, 255, 255)
    brush = pg.mkBrush(inside) if hollow else pg.mkBrush(faded(colour, alpha))
    pen = pg.mkPen(colour, width=2) if hollow else pg.mkPen(colour.darker(130), width=1)
    return pg.ScatterPlotItem(symbol=symbol, size=10, brush=brush, pen=pen)
