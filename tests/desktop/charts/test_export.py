"""charts.export: PNG/SVG/PDF files are valid, non-blank, and carry a caption with sources and dates."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QGuiApplication, QImage

from desktop.charts.export import copy_to_clipboard, export_chart, export_png, render_image
from desktop.charts.matrix import MatrixView
from desktop.charts.stance_over_time import StanceTimeView
from desktop.charts.timeline import TimelineView
from tests.desktop.conftest_charts import *  # noqa: F401,F403
from tests.desktop.conftest_charts import show

VIEWS = [TimelineView, MatrixView]
SVG = "{http://www.w3.org/2000/svg}"


def distinct_colours(image: QImage, step: int = 7) -> int:
    seen = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            seen.add(image.pixel(x, y))
    return len(seen)


@pytest.mark.parametrize("cls", VIEWS)
def test_png_is_valid_and_not_blank(qtbot, handmade, state, tmp_path, cls):
    view = show(qtbot, cls(handmade, state), 900, 600)
    path = export_png(view, tmp_path / "chart.png")
    image = QImage(str(path))
    assert not image.isNull()
    assert (image.width(), image.height()) == (1600, 1000)  # the default size, whatever the pane's
    assert distinct_colours(image) >= 5


@pytest.mark.parametrize("cls", VIEWS + [StanceTimeView])
@pytest.mark.parametrize("width, height, scale", [(1600, 1000, 2.0), (1200, 800, 1.0), (2400, 1200, 3.0)])
def test_png_has_the_chosen_size_and_resolution(qtbot, handmade, state, tmp_path, cls, width, height, scale):
    view = show(qtbot, cls(handmade, state), 700, 500)
    image = QImage(str(export_chart(view, tmp_path / "chart.png", width=width, height=height, scale=scale)))
    assert (image.width(), image.height()) == (width, height)
    assert round(image.dotsPerMeterX() * 0.0254) == round(96 * scale)
    assert distinct_colours(image) >= 5


@pytest.mark.parametrize("cls", VIEWS)
def test_svg_parses_and_has_paths_and_text(qtbot, handmade, state, tmp_path, cls):
    view = show(qtbot, cls(handmade, state), 900, 600)
    path = export_chart(view, tmp_path / "chart.svg")
    root = ET.parse(path).getroot()
    tags = {el.tag.replace(SVG, "") for el in root.iter()}
    assert "path" in tags or "polyline" in tags or "rect" in tags
    texts = " ".join("".join(el.itertext()) for el in root.iter(f"{SVG}text"))
    assert "Russia" in texts
    assert "Idlib offensive imminent" in texts  # the caption names the source
    assert "2018" in texts


@pytest.mark.parametrize("cls", VIEWS)
def test_pdf_starts_with_magic(qtbot, handmade, state, tmp_path, cls):
    view = show(qtbot, cls(handmade, state), 900, 600)
    path = export_chart(view, tmp_path / "chart.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 2000


def test_caption_lists_sources_and_dates(qtbot, handmade, state):
    view = show(qtbot, TimelineView(handmade, state))
    caption = view.caption()
    assert "Sources: Idlib offensive imminent" in caption
    assert "2018" in caption
    matrix = show(qtbot, MatrixView(handmade, state))
    assert matrix.caption() == "Sources: Idlib offensive imminent \u00b7 29 Aug 2018"


def test_caption_makes_the_image_taller(qtbot, handmade, state):
    view = show(qtbot, MatrixView(handmade, state), 900, 600)
    assert render_image(view).height() > view.plot.viewport().height()


def test_clipboard(qtbot, handmade, state):
    view = show(qtbot, MatrixView(handmade, state), 900, 600)
    image = copy_to_clipboard(view)
    pasted = QGuiApplication.clipboard().image()
    assert not pasted.isNull() and pasted.size() == image.size()


def test_unknown_format_is_refused(qtbot, handmade, state, tmp_path):
    view = show(qtbot, MatrixView(handmade, state), 900, 600)
    with pytest.raises(ValueError, match="Unsupported"):
        export_chart(view, tmp_path / "chart.bmp")


@pytest.mark.parametrize("cls", VIEWS)
def test_charts_fit_a_narrow_pane(qtbot, handmade, state, cls):
    """Embedded beside the article list and source view, a chart gets ~550 px: nothing may be cut off."""
    view = show(qtbot, cls(handmade, state), 550, 700)
    assert view.minimumSizeHint().width() <= 550
    plot_item = view.plot.getPlotItem()
    assert plot_item.width() <= view.plot.viewport().width() + 1


@pytest.mark.parametrize("cls, options", [
    (TimelineView, {"lanes_by": "article", "colour_by": "stance", "max_lanes": 7, "lane_order": "first",
                    "chosen": []}),
    (TimelineView, {"lanes_by": "actor", "colour_by": "modality", "max_lanes": 12, "lane_order": "involvement",
                    "chosen": ["turkey", "russia"]}),
    (MatrixView, {"columns": "target", "sort": "name", "group_by": "party", "include_relations": True,
                  "filter": "ru"}),
    (StanceTimeView, {"actors": ["turkey"], "max_targets": 5}),
])
def test_view_options_round_trip(qtbot, handmade, state, cls, options):
    view = show(qtbot, cls(handmade, state))
    view.set_options(options)
    assert view.options() == options
    fresh = show(qtbot, cls(handmade, state))
    fresh.set_options(view.options())
    assert fresh.options() == options
    fresh.set_options({"unknown": 1, "columns": "bogus"})  # old or damaged sessions are ignored
    assert fresh.options() == options
