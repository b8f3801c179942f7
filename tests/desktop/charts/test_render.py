"""render.write_charts: the CLI's headless chart output."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtGui import QImage

from desktop.charts.render import write_charts
from tests.desktop.conftest_charts import *  # noqa: F401,F403


def test_write_charts_writes_png_and_svg(qtbot, handmade, tmp_path):
    written = write_charts(handmade, tmp_path / "out")
    names = sorted(p.name for p in written)
    assert names == ["matrix.png", "matrix.svg", "timeline.png", "timeline.svg"]
    for path in written:
        assert path.exists() and path.stat().st_size > 1000
        if path.suffix == ".png":
            image = QImage(str(path))
            assert image.width() >= 1200 and image.height() >= 700
        else:
            ET.parse(path)


def test_write_charts_on_an_empty_analysis(qtbot, tmp_path):
    from core.analysis import Analysis

    written = write_charts(Analysis(), tmp_path, formats=("png",))
    assert [p.name for p in written] == ["timeline.png", "matrix.png"]
    assert all(p.stat().st_size > 0 for p in written)


def test_write_charts_on_the_seed(qtbot, seed_analysis, tmp_path):
    written = write_charts(seed_analysis, tmp_path, formats=("png", "svg", "pdf"))
    assert len(written) == 6
    assert (tmp_path / "matrix.pdf").read_bytes().startswith(b"%PDF")


def test_deleted_views_ignore_later_analysis_changes(qtbot, handmade, tmp_path):
    """write_charts throws its widgets away; the analysis must stay usable afterwards."""
    write_charts(handmade, tmp_path, formats=("png",))
    qtbot.wait(10)  # let deleteLater run
    handmade.set_polarity("a1:s2", "support")
    handmade.undo()
