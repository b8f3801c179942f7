"""Batched chart items: thousands of marks drawn one per device pixel look as they would drawn one by one."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QImage

import desktop.charts.pixels as pixels
from desktop.charts.items import PointBatch, RectBatch


def render(qtbot, item) -> np.ndarray:
    plot = pg.PlotWidget(background="w")
    plot.resize(640, 400)
    plot.addItem(item)
    plot.setXRange(0, 1000, padding=0)
    plot.setYRange(-1, 21, padding=0)
    qtbot.addWidget(plot)
    plot.show()
    qtbot.waitExposed(plot)
    image = plot.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    view = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    return view[:, :image.width(), :3].astype(int).copy()


def marks(n=30_000, seed=3, stacked=False):
    """Marks anywhere, or `stacked` on whole numbers (a day and a lane: several on each spot)."""
    rng = np.random.default_rng(seed)
    x = rng.integers(0, 1000, n).astype(float) if stacked else rng.uniform(0, 1000, n)
    return x, rng.integers(0, 20, n).astype(float)


@pytest.mark.parametrize("stacked", [False, True], ids=["spread", "stacked"])
@pytest.mark.parametrize("make", [
    lambda x, y: PointBatch(x=x, y=y, size=9, pen=pg.mkPen("k"), brush=pg.mkBrush(30, 90, 200)),
    lambda x, y: PointBatch(x=x, y=y, size=9, pen=pg.mkPen(None), brush=pg.mkBrush(30, 90, 200, 90)),
    lambda x, y: RectBatch(x0=x, x1=x + 3, y=y, height=0.5, brush=pg.mkBrush(200, 60, 30, 170),
                           pen=pg.mkPen(200, 60, 30, width=1.5)),
], ids=["points", "translucent points", "bars"])
def test_deduplicated_drawing_matches_drawing_every_mark(qtbot, monkeypatch, make, stacked):
    x, y = marks(stacked=stacked)
    fast = render(qtbot, make(x, y))
    monkeypatch.setattr(pixels, "DEDUPE_MIN", 10**9)
    slow = render(qtbot, make(x, y))
    inked = (slow.sum(axis=2) < 600) | (fast.sum(axis=2) < 600)
    assert inked.mean() > 0.2  # the marks cover the plot: the comparison is not of two blank images
    differs = np.abs(fast - slow).max(axis=2)
    assert (differs[inked] > 60).mean() < 0.005  # a colour level here and there on antialiased rims
    # a dozen opaque copies on one spot darken their antialiased rim more than the two kept do: a few
    # rim pixels in 100,000
    assert (differs[inked] > 100).mean() <= (1e-4 if stacked else 0)


def test_setting_the_same_marks_again_repaints_nothing(qtbot, monkeypatch):
    """A correction sets the selection rings again: unchanged, they must not repaint the whole plot."""
    x, y = marks(100)
    for item, set_same, set_other in (
            (PointBatch(x=x, y=y), lambda i: i.setData(x.copy(), y.copy()), lambda i: i.setData(x + 1, y)),
            (RectBatch(x0=x, x1=x + 3, y=y), lambda i: i.setOpts(x0=x.copy(), x1=x + 3, y=y.copy()),
             lambda i: i.setOpts(x0=x, x1=x + 4, y=y))):
        updates = []
        monkeypatch.setattr(item, "update", lambda *a: updates.append(1))
        set_same(item)
        assert updates == []
        set_other(item)
        assert updates == [1]


def test_a_repaint_of_the_same_view_reuses_the_last_paint(qtbot, monkeypatch):
    import desktop.charts.items as items

    x, y = marks()
    point, bar = PointBatch(x=x, y=y, size=9, brush=pg.mkBrush(30, 90, 200)), RectBatch(x0=x, x1=x + 3, y=y)
    plot = pg.PlotWidget(background="w")
    plot.resize(640, 400)
    plot.addItem(point)
    plot.addItem(bar)
    qtbot.addWidget(plot)
    plot.show()
    qtbot.waitExposed(plot)
    first = plot.grab().toImage()
    computed = []
    for name in ("topmost_points", "topmost_boxes"):
        real = getattr(items, name)
        monkeypatch.setattr(items, name, lambda *a, real=real, name=name: (computed.append(name), real(*a))[1])
    assert plot.grab().toImage() == first and computed == []  # drawn again from the last paint
    plot.getViewBox().translateBy(x=50)
    plot.grab()
    assert sorted(set(computed)) == ["topmost_boxes", "topmost_points"]  # a new view is worked out again


def test_a_pen_and_brush_set_in_place_show_on_the_next_repaint_of_the_same_view(qtbot):
    """A theme change sets the ring's pen in place: the remembered paint must not keep the old colour."""
    x, y = marks()
    bar = RectBatch(x0=x, x1=x + 3, y=y, pen=pg.mkPen(255, 0, 0, width=2), brush=pg.mkBrush(255, 0, 0))
    plot = pg.PlotWidget(background="w")
    plot.resize(640, 400)
    plot.addItem(bar)
    qtbot.addWidget(plot)
    plot.show()
    qtbot.waitExposed(plot)

    def colours():
        image = plot.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        bgr = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
        red = (bgr[:, :, 2] > 200) & (bgr[:, :, 0] < 60)
        blue = (bgr[:, :, 0] > 200) & (bgr[:, :, 2] < 60)
        return int(red.sum()), int(blue.sum())

    red, blue = colours()
    assert red > 1000 and blue == 0
    bar.opts["pen"] = pg.mkPen(0, 0, 255, width=2)
    bar.opts["pen"].setCosmetic(True)
    bar.opts["brush"] = pg.mkBrush(0, 0, 255)
    bar.update()
    red, blue = colours()
    assert blue > 1000 and red == 0
