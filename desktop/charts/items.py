"""Batched graphics items for big charts: many rectangles drawn in one call, culled to the visible area."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from pyqtgraph.Qt import internals
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen, QPixmap, QPolygonF, QTransform

from desktop.charts.pixels import (
    THIN_OUTLINE_MIN, stacked_copies, topmost_boxes, topmost_labels, topmost_points, visible_copies,
)


# transforms that keep a rectangle a rectangle (enum members compared by equality: PySide6 crashes on `<=`)
_AXIS_ALIGNED = (QTransform.TransformationType.TxNone, QTransform.TransformationType.TxTranslate,
                 QTransform.TransformationType.TxScale)


class RectBatch(pg.GraphicsObject):
    """Rectangles [x0, x1) × [y - h/2, y + h/2] with one pen and one brush.

    pyqtgraph's BarGraphItem draws every bar on every frame; with 30,000+ bars spread over 300
    lanes that costs ~90 ms a frame. Here only the bars inside the view are handed to Qt.
    """

    def __init__(self, x0=(), x1=(), y=(), height=0.5, brush=None, pen=None):
        super().__init__()
        self.opts = {"brush": pg.mkBrush(brush) if brush is not None else pg.mkBrush(None),
                     "pen": pg.mkPen(pen) if pen is not None else pg.mkPen(None)}
        self.opts["pen"].setCosmetic(True)
        self._rects = internals.PrimitiveArray(QRectF, 4)
        self._bounds = QRectF()
        self.setOpts(x0=x0, x1=x1, y=y, height=height)

    def setOpts(self, **opts) -> None:
        self.opts.update(opts)
        self._painted = None  # what the last paint drew, by view (see _paint_key)
        x0 = np.asarray(self.opts["x0"], dtype=float)
        x1 = np.asarray(self.opts["x1"], dtype=float)
        y = np.asarray(self.opts["y"], dtype=float)
        h = float(self.opts["height"])
        if (set(opts) <= {"x0", "x1", "y", "height"} and hasattr(self, "_x0") and _same(self._x0, x0)
                and _same(self._x1, x1) and _same(self._y0, y - h / 2) and _same(self._y1, y + h / 2)):
            return  # nothing moved: no repaint of the whole plot (a ring set again after a correction)
        self.prepareGeometryChange()
        self._x0, self._x1, self._y0, self._y1 = x0, x1, y - h / 2, y + h / 2
        self._stack: tuple | None = None  # (copies, the boxes that can show on screen), see _on_screen
        if len(x0):
            self._bounds = QRectF(float(x0.min()), float(self._y0.min()),
                                  float(x1.max() - x0.min()), float(self._y1.max() - self._y0.min()))
        else:
            self._bounds = QRectF()
        self.update()

    def __len__(self) -> int:
        return len(self._x0)

    def boundingRect(self):
        return QRectF(self._bounds)

    def dataBounds(self, ax, frac=1.0, orthoRange=None):
        if not len(self._x0):
            return None, None
        if ax == 0:
            return float(self._x0.min()), float(self._x1.max())
        return float(self._y0.min()), float(self._y1.max())

    def shape(self):
        path = QPainterPath()
        path.addRect(self._bounds)
        return path

    def visible_mask(self) -> np.ndarray:
        view = self.viewRect()
        if view is None or not len(self._x0):
            return np.ones(len(self._x0), dtype=bool)
        return ((self._x1 >= view.left()) & (self._x0 <= view.right())
                & (self._y1 >= view.top()) & (self._y0 <= view.bottom()))

    def paint(self, painter, option=None, widget=None):
        if not len(self._x0):
            return
        key = _paint_key(self, painter, widget)
        if key is not None and key == self._painted:
            # the same view as the last paint: its rectangles are still in `_rects` (pen and brush are
            # read again: a theme change sets them in place)
            painter.setPen(self._pen(self._painted_thin))
            painter.setBrush(self.opts["brush"])
            painter.drawRects(*self._rects.drawargs())
            return
        self._painted = None
        mask = self.visible_mask()
        n = int(mask.sum())  # bars in view, drawn or under others: what the outline's width goes by
        if not n:
            return
        if key is None:
            x0, x1, y0, y1 = self._x0[mask], self._x1[mask], self._y0[mask], self._y1[mask]
        else:
            x0, x1, y0, y1 = self._on_screen(_copies(self.opts), mask)
        view = self.viewRect()
        if view is not None:
            # clamp to the view: SVG output ignores the view box's clipping, and Qt rasterises huge
            # rectangles (a 10-year band at day zoom) slowly
            px, py = self.pixelVectors()
            pad_x = 2 * px.length() if px is not None else 0.0
            pad_y = 2 * py.length() if py is not None else 0.0
            left, right = view.left() - pad_x, view.right() + pad_x
            top, bottom = min(view.top(), view.bottom()) - pad_y, max(view.top(), view.bottom()) + pad_y
            x0, x1 = np.maximum(x0, left), np.minimum(x1, right)
            y0, y1 = np.maximum(y0, top), np.minimum(y1, bottom)
        t = painter.transform()
        if getattr(self, "_exportOpts", False) is False and t.type() in _AXIS_ALIGNED:
            # on screen, of bars exactly under a later one on the same device pixels only the top one
            xa, xb = t.m11() * x0 + t.dx(), t.m11() * x1 + t.dx()
            ya, yb = t.m22() * y0 + t.dy(), t.m22() * y1 + t.dy()
            dpr = widget.devicePixelRatioF() if widget is not None else 1.0
            keep = topmost_boxes(xa, ya, xb, yb, dpr, _copies(self.opts))
            if keep is not None:
                x0, x1, y0, y1 = x0[keep], x1[keep], y0[keep], y1[keep]
        thin = n >= THIN_OUTLINE_MIN and getattr(self, "_exportOpts", False) is False
        self._fill(painter, x0, y0, x1, y1, self._pen(thin))
        self._painted, self._painted_thin = key, thin

    def _on_screen(self, copies: int, mask: np.ndarray) -> tuple:
        """The bars in view (`mask`) less those under `copies` later ones with the same data box: on
        screen those never show, at any zoom (150,000 bars on a few thousand spots)."""
        if self._stack is None or self._stack[0] != copies:
            self._stack = (copies, stacked_copies((self._x0, self._x1, self._y0, self._y1), copies))
        keep = self._stack[1]
        if keep is None:
            return self._x0[mask], self._x1[mask], self._y0[mask], self._y1[mask]
        keep = keep[mask[keep]]
        return self._x0[keep], self._x1[keep], self._y0[keep], self._y1[keep]

    def _pen(self, thin: bool) -> QPen:
        """The outline; one pixel wide when `thin` (thousands of bars in view: Qt strokes a wider
        cosmetic outline five times slower, and the half pixel cannot be told apart)."""
        pen = self.opts["pen"]
        if thin and pen.widthF() > 1:
            pen = QPen(pen)
            pen.setWidth(1)
        return pen

    def _fill(self, painter, x0, y0, x1, y1, pen) -> None:
        self._rects.resize(len(x0))
        memory = self._rects.ndarray()
        memory[:, 0] = x0
        memory[:, 1] = y0
        memory[:, 2] = x1 - x0
        memory[:, 3] = y1 - y0
        painter.setPen(pen)
        painter.setBrush(self.opts["brush"])
        painter.drawRects(*self._rects.drawargs())


class PointBatch(pg.GraphicsObject):
    """Same-style round markers of a fixed pixel size, stamped from one pre-rendered pixmap.

    ScatterPlotItem keys every spot's style separately, which costs ~1 s per 100,000 points on each
    setData; here all points share one symbol, so setData is free and paint maps points with numpy.
    In export mode (SVG, PDF, scaled PNG) the markers are drawn as true circles.
    """

    def __init__(self, x=(), y=(), size: float = 9, pen=None, brush=None, symbol: str = "o"):
        super().__init__()
        # symbol: "o" circle, "d" diamond (an anchored date), "<" / ">" triangles (more beyond the edge)
        self.opts = {"size": float(size), "pen": pg.mkPen(pen) if pen is not None else pg.mkPen(None),
                     "brush": pg.mkBrush(brush) if brush is not None else pg.mkBrush(None), "symbol": symbol}
        self._fragments = internals.PrimitiveArray(QPainter.PixmapFragment, 10)
        self._pixmap: QPixmap | None = None
        self._pixmap_dpr = 0.0
        self.setData(x, y)

    def setData(self, x=(), y=()) -> None:
        x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        if isinstance(getattr(self, "x", None), np.ndarray) and _same(self.x, x) and _same(self.y, y):
            return  # nothing moved: no repaint of the whole plot
        self.prepareGeometryChange()
        self.x, self.y = x, y
        self._painted = None  # what the last paint drew, by view (see _paint_key)
        self._stack: tuple | None = None  # (copies, the points that can show on screen)
        self.update()

    @property
    def data(self):
        """(x, y) pairs, so `len(item.data)` counts points like ScatterPlotItem's."""
        return np.column_stack([self.x, self.y]) if len(self.x) else np.zeros((0, 2))

    def __len__(self) -> int:
        return len(self.x)

    def dataBounds(self, ax, frac=1.0, orthoRange=None):
        values = self.x if ax == 0 else self.y
        if not len(values):
            return None, None
        return float(values.min()), float(values.max())

    def pixelPadding(self) -> float:
        return self.opts["size"] / 2 + self.opts["pen"].widthF() + 1

    def boundingRect(self):
        if not len(self.x):
            return QRectF()
        x0, x1 = float(self.x.min()), float(self.x.max())
        y0, y1 = float(self.y.min()), float(self.y.max())
        px, py = self.pixelVectors()
        pad_x = px.length() * self.pixelPadding() if px is not None else 0.0
        pad_y = py.length() * self.pixelPadding() if py is not None else 0.0
        return QRectF(x0 - pad_x, y0 - pad_y, x1 - x0 + 2 * pad_x, y1 - y0 + 2 * pad_y)

    def viewTransformChanged(self):
        self.prepareGeometryChange()

    def _on_screen(self, copies: int) -> tuple[np.ndarray, np.ndarray]:
        """The points less those under `copies` later ones on the same data position: on screen those
        never show, at any zoom (167,000 events on 7,000 spots at 10,000 articles). Two copies at
        least: a symbol's antialiased rim is translucent, and two copies darken it visibly."""
        if self._stack is None or self._stack[0] != copies:
            keep = stacked_copies((self.x, self.y), copies)
            self._stack = (copies, (self.x, self.y) if keep is None else (self.x[keep], self.y[keep]))
        return self._stack[1]

    def _symbol(self, dpr: float) -> QPixmap:
        if self._pixmap is None or self._pixmap_dpr != dpr:
            side = int(np.ceil((self.opts["size"] + 2 * self.opts["pen"].widthF() + 2) * dpr))
            pixmap = QPixmap(side, side)
            pixmap.fill(QColor(0, 0, 0, 0))
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.scale(dpr, dpr)
            painter.setPen(self.opts["pen"])
            painter.setBrush(self.opts["brush"])
            _draw_symbol(painter, self.opts["symbol"], side / dpr / 2, side / dpr / 2, self.opts["size"] / 2)
            painter.end()
            self._pixmap, self._pixmap_dpr = pixmap, dpr
        return self._pixmap

    def paint(self, painter, option=None, widget=None):
        if not len(self.x):
            return
        key = _paint_key(self, painter, widget)
        if key is not None and key == self._painted and self._pixmap is not None:
            # the same view as the last paint: its fragments are still in `_fragments`
            painter.save()
            painter.resetTransform()
            painter.drawPixmapFragments(*self._fragments.drawargs(), self._pixmap)
            painter.restore()
            return
        self._painted = None
        x, y = (self.x, self.y) if key is None else self._on_screen(max(2, _copies(self.opts)))
        view = self.viewRect()
        mask = np.ones(len(x), dtype=bool)
        if view is not None:
            px, _py = self.pixelVectors()
            pad = px.length() * self.pixelPadding() if px is not None else 0.0
            mask = ((x >= view.left() - pad) & (x <= view.right() + pad)
                    & (y >= min(view.top(), view.bottom()) - 1) & (y <= max(view.top(), view.bottom()) + 1))
        n = int(mask.sum())
        if not n:
            return
        t = painter.transform()
        xs, ys = x[mask], y[mask]
        dx = t.m11() * xs + t.m21() * ys + t.dx()
        dy = t.m12() * xs + t.m22() * ys + t.dy()
        painter.save()
        painter.resetTransform()
        export = getattr(self, "_exportOpts", False)
        if export is not False:
            # vector output has no clip: keep only markers whose centre is inside the plot
            if view is not None:
                inside = ((xs >= view.left()) & (xs <= view.right())
                          & (ys >= min(view.top(), view.bottom())) & (ys <= max(view.top(), view.bottom())))
                dx, dy = dx[inside], dy[inside]
            scale = float(export.get("resolutionScale", 1.0))
            pen = QPen(self.opts["pen"])
            pen.setWidthF(pen.widthF() * scale)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(pen)
            painter.setBrush(self.opts["brush"])
            radius = self.opts["size"] * scale / 2
            for cx, cy in zip(dx.tolist(), dy.tolist()):
                _draw_symbol(painter, self.opts["symbol"], cx, cy, radius)
        else:
            dpr = widget.devicePixelRatioF() if widget is not None else 1.0
            pixmap = self._symbol(dpr)
            # centres on device pixels, so symbols on one pixel overlap exactly and the ones under
            # later copies can be left out
            dx, dy = np.rint(dx * dpr) / dpr, np.rint(dy * dpr) / dpr
            keep = topmost_points(dx, dy, dpr, max(2, _copies(self.opts)))
            if keep is not None:
                dx, dy = dx[keep], dy[keep]
                n = len(dx)
            self._fragments.resize(n)
            frags = self._fragments.ndarray()
            frags[:, 0] = dx
            frags[:, 1] = dy
            frags[:, 2:6] = [0, 0, pixmap.width(), pixmap.height()]
            frags[:, 6:10] = [1 / dpr, 1 / dpr, 0.0, 1.0]
            painter.drawPixmapFragments(*self._fragments.drawargs(), pixmap)
            self._painted = key
        painter.restore()


def _paint_key(item, painter: QPainter, widget) -> tuple | None:
    """What an on-screen paint depends on besides the data: the transform, the view and the pixel ratio.
    A repaint with the same key (a selection ring moved, a tooltip closed) redraws what was computed."""
    if getattr(item, "_exportOpts", False) is not False:
        return None
    t, view = painter.transform(), item.viewRect()
    if view is None:
        return None
    return (t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy(), view.left(), view.top(), view.right(),
            view.bottom(), widget.devicePixelRatioF() if widget is not None else 1.0)


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    return a.shape == b.shape and bool(np.array_equal(a, b))


def _copies(opts: dict) -> int:
    """Stacked copies of a mark that still show: one if it is opaque, more the more translucent it is."""
    alphas = [opts["brush"].color().alphaF()] if opts["brush"].style() != Qt.BrushStyle.NoBrush else []
    if opts["pen"].style() != Qt.PenStyle.NoPen:
        alphas.append(opts["pen"].color().alphaF())
    return max(1, visible_copies(min(alphas))) if alphas else 1


def _draw_symbol(painter: QPainter, symbol: str, cx: float, cy: float, r: float) -> None:
    if symbol == "o":
        painter.drawEllipse(QPointF(cx, cy), r, r)
        return
    r *= 1.15  # a diamond or triangle of the circle's radius looks smaller than the circle
    corners = {"d": ((0, -r), (r, 0), (0, r), (-r, 0)), "<": ((-r, 0), (r * 0.7, -r), (r * 0.7, r)),
               ">": ((r, 0), (-r * 0.7, -r), (-r * 0.7, r))}[symbol]
    painter.drawPolygon(QPolygonF([QPointF(cx + x, cy + y) for x, y in corners]))


class LabelBatch(pg.GraphicsObject):
    """Short texts (a count beside a mark) at data points, drawn at a fixed pixel size; only those in view."""

    def __init__(self, x=(), y=(), texts=(), colour=None, offset=(6.0, -5.0)):
        super().__init__()
        self.colour = QColor(colour) if colour is not None else QColor(60, 60, 60)
        self.offset = offset
        self.setData(x, y, texts)

    def setData(self, x=(), y=(), texts=()) -> None:
        self.prepareGeometryChange()
        self.x = np.asarray(x, dtype=float)
        self.y = np.asarray(y, dtype=float)
        self.texts = list(texts)
        self.update()

    def __len__(self) -> int:
        return len(self.texts)

    def dataBounds(self, ax, frac=1.0, orthoRange=None):
        return None, None

    def boundingRect(self):
        if not len(self.x):
            return QRectF()
        px, py = self.pixelVectors()
        pad_x = px.length() * 40 if px is not None else 0.0
        pad_y = py.length() * 20 if py is not None else 0.0
        x0, x1, y0, y1 = float(self.x.min()), float(self.x.max()), float(self.y.min()), float(self.y.max())
        return QRectF(x0 - pad_x, y0 - pad_y, x1 - x0 + 2 * pad_x, y1 - y0 + 2 * pad_y)

    def viewTransformChanged(self):
        self.prepareGeometryChange()

    def paint(self, painter, option=None, widget=None):
        view = self.viewRect()
        if not len(self.x) or view is None:
            return
        mask = ((self.x >= view.left()) & (self.x <= view.right())
                & (self.y >= min(view.top(), view.bottom()) - 1) & (self.y <= max(view.top(), view.bottom()) + 1))
        t = painter.transform()
        painter.save()
        painter.resetTransform()
        scale = float(getattr(self, "_exportOpts", {}) and self._exportOpts.get("resolutionScale", 1.0) or 1.0)
        font = painter.font()
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.8) * scale)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QPen(self.colour))
        shown = np.flatnonzero(mask)
        xs, ys = self.x[shown], self.y[shown]
        dx = t.m11() * xs + t.m21() * ys + t.dx() + self.offset[0] * scale
        dy = t.m12() * xs + t.m22() * ys + t.dy() + self.offset[1] * scale
        if getattr(self, "_exportOpts", False) is False:
            # labels piled on one another cannot be read: on screen, the topmost of each label-sized cell
            height = QFontMetricsF(font).height()
            keep = topmost_labels(dx, dy, 2 * height, height)
            if keep is not None:
                shown, dx, dy = shown[keep], dx[keep], dy[keep]
        for i, x, y in zip(shown.tolist(), dx.tolist(), dy.tolist()):
            painter.drawText(QPointF(x, y), self.texts[i])
        painter.restore()
