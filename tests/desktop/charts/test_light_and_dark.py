"""Charts take their background, axes, captions and legends from the widget's palette (light and dark)."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from desktop.charts.matrix import MatrixView
from desktop.charts.stance_over_time import StanceTimeView
from desktop.charts.timeline import TimelineView
from desktop.widgets.theme import chart_colors

ROLES = QPalette.ColorRole
DARK = {ROLES.Window: "#202124", ROLES.Base: "#202124", ROLES.Text: "#e8eaed", ROLES.WindowText: "#e8eaed"}
LIGHT = {ROLES.Window: "#efefef", ROLES.Base: "#ffffff", ROLES.Text: "#000000", ROLES.WindowText: "#000000"}
VIEWS = [TimelineView, MatrixView, StanceTimeView]


def make_palette(colours: dict) -> QPalette:
    pal = QPalette()
    for role, colour in colours.items():
        pal.setColor(role, QColor(colour))
    return pal


def plots_of(view) -> list:
    """Every pyqtgraph PlotItem the view draws (one, or one strip per actor)."""
    if isinstance(view, StanceTimeView):
        return [plot for plot, _items in view.strips.values()]
    return [view.plot.getPlotItem()]


def dark_share(view) -> float:
    """Share of sampled pixels of the grabbed widget that are dark."""
    image = view.grab().toImage()
    samples = [image.pixelColor(x, y).lightness() < 100
               for x in range(0, image.width(), 9) for y in range(0, image.height(), 9)]
    return sum(samples) / len(samples)


def build(cls, qtbot, analysis, state, colours: dict | None, after_show: bool = False):
    view = cls(analysis, state)
    qtbot.addWidget(view)
    view.resize(900, 560)
    if colours is not None and not after_show:
        view.setPalette(make_palette(colours))
    view.show()
    qtbot.waitExposed(view)
    if colours is not None and after_show:
        # a theme switch while the chart is on screen: changeEvent(PaletteChange) must restyle it
        view.setPalette(make_palette(colours))
    return view


@pytest.mark.parametrize("cls", VIEWS)
@pytest.mark.parametrize("after_show", [False, True])
def test_dark_palette_gives_a_dark_chart_with_light_text(qtbot, analysis, state, cls, after_show):
    view = build(cls, qtbot, analysis, state, DARK, after_show)
    plots = plots_of(view)
    assert plots, "the synthetic analysis must draw at least one plot"
    background = view.graphics_view().backgroundBrush().color()
    assert background.lightness() < 60
    for plot in plots:
        for name in ("left", "bottom"):
            assert plot.getAxis(name).textPen().color().lightness() > 180
            # the axis line (and grid) sits between text and background: visible, not glaring
            assert 60 < plot.getAxis(name).pen().color().lightness() < 200
    assert dark_share(view) > 0.6


@pytest.mark.parametrize("cls", VIEWS)
def test_light_palette_keeps_a_light_chart_with_dark_text(qtbot, analysis, state, cls):
    view = build(cls, qtbot, analysis, state, LIGHT)
    assert view.graphics_view().backgroundBrush().color().lightness() > 240
    for plot in plots_of(view):
        assert plot.getAxis("left").textPen().color().lightness() < 60
    assert dark_share(view) < 0.2


def test_dark_then_light_again_restores_the_light_look(qtbot, analysis, state):
    view = build(TimelineView, qtbot, analysis, state, DARK)
    view.setPalette(make_palette(LIGHT))
    assert view.graphics_view().backgroundBrush().color().lightness() > 240
    assert view.legend.labelTextColor().lightness() < 60
    assert dark_share(view) < 0.2


def test_timeline_legend_lanes_and_marks_follow_the_dark_palette(qtbot, analysis, state):
    view = build(TimelineView, qtbot, analysis, state, DARK)
    assert view.legend.labelTextColor().lightness() > 180
    # lane stripes lighten a dark background instead of darkening it out of sight
    shade = view.lane_bands.opts["brush"].color()
    assert shade.lightness() > 200 and 0 < shade.alpha() < 40
    # selection rings must stand out on dark: a light ring, not the near-black one of the light theme
    assert view.highlight_points.opts["pen"].color().lightness() > 180


def test_matrix_empty_cells_and_grid_follow_the_dark_palette(qtbot, analysis, state):
    view = build(MatrixView, qtbot, analysis, state, DARK)
    empty = view.rgba[view.counts == 0]
    assert len(empty), "the synthetic matrix has empty cells"
    assert max(int(v) for v in empty[:, :3].ravel()) < 100
    assert view.labels.grid_colour.lightness() < 60
    assert view.colour_bar.getAxis("right").textPen().color().lightness() > 180


def test_stance_strip_titles_are_light_on_dark(qtbot, analysis, state):
    view = build(StanceTimeView, qtbot, analysis, state, DARK)
    for plot in plots_of(view):
        assert QColor(plot.titleLabel.opts["color"]).lightness() > 180


@pytest.mark.parametrize("colours, dark", [(DARK, True), (LIGHT, False)])
def test_chart_colors_background_and_text_come_from_the_palette(qapp, colours, dark):
    colors = chart_colors(make_palette(colours))
    assert colors["background"] == QColor(colours[ROLES.Base])
    assert colors["foreground"] == QColor(colours[ROLES.Text])
    assert (colors["highlight"].lightness() > 128) == dark


@pytest.mark.parametrize("cls", VIEWS)
def test_dark_export_keeps_the_dark_background_so_its_light_text_reads(qtbot, analysis, state, cls):
    from desktop.charts.export import render_image

    view = build(cls, qtbot, analysis, state, DARK)
    image = render_image(view)
    # the chart area (the caption strip below it is the exporter's own)
    top = image.height() // 2
    samples = [image.pixelColor(x, y).lightness() < 100 for x in range(0, image.width(), 9) for y in range(0, top, 9)]
    assert sum(samples) / len(samples) > 0.6


@pytest.mark.parametrize("colours, dark", [(DARK, True), (LIGHT, False)])
def test_export_caption_strip_matches_the_chart_background(qtbot, analysis, state, colours, dark):
    """A dark chart's caption strip is dark too, with light text; a light one stays white."""
    from desktop.charts.export import render_image

    view = build(TimelineView, qtbot, analysis, state, colours)
    image = render_image(view)
    strip = [image.pixelColor(x, image.height() - 2).lightness() for x in range(0, image.width(), 7)]
    assert (max(strip) < 100) if dark else (min(strip) > 240)
    text = [image.pixelColor(x, y).lightness() for x in range(0, image.width(), 2)
            for y in range(image.height() - 40, image.height())]
    assert (max(text) > 150) if dark else (min(text) < 160)  # the caption's letters are drawn
