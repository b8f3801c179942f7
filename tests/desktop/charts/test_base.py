"""What every chart shares: scenes without Qt's BSP index (it crashed repaints of items that move all the time)."""
import pytest
from PySide6.QtWidgets import QGraphicsScene

from desktop.charts.matrix import MatrixView
from desktop.charts.stance_over_time import StanceTimeView
from desktop.charts.timeline import TimelineView
from tests.desktop.conftest_charts import *  # noqa: F401,F403
from tests.desktop.conftest_charts import show


@pytest.mark.parametrize("chart", [TimelineView, MatrixView, StanceTimeView])
def test_chart_scenes_keep_no_bsp_index(qtbot, handmade, state, chart):
    view = show(qtbot, chart(handmade, state))
    assert view.graphics_view().scene().itemIndexMethod() == QGraphicsScene.ItemIndexMethod.NoIndex
