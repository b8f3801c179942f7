"""A wide matrix (many targets): it scrolls sideways, its headers slant and stay readable, every cell has a tooltip."""
from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from core.analysis import Analysis
from core.model import Span, Statement
from desktop.charts.matrix import MIN_COL_PX, MatrixView
from tests.desktop.conftest_charts import *  # noqa: F401,F403
from tests.desktop.conftest_charts import handmade_result, show

CUES = ("criticised", "criticised", "backed")


def wide_analysis(n_targets: int = 40) -> Analysis:
    """The hand-made article plus statements by Russia and Turkey on `n_targets` long-named targets."""
    base = handmade_result()
    sentence = base.sentences[1]
    statements = list(base.statements)
    for k in range(n_targets):
        for j, (actor, polarity) in enumerate((("russia", "oppose"), ("russia", "oppose"), ("turkey", "support"))):
            if k % 2 and actor == "turkey":
                continue
            cue = CUES[j]
            statements.append(Statement(base.article.id, sentence.index, Span(sentence.start, sentence.start + 4, cue),
                                        source_actor=actor, topic=f"the long target no. {k:02d}",
                                        polarity=polarity, confidence=0.9))
    return Analysis([dataclasses.replace(base, statements=tuple(statements))])


def test_wide_views_scroll_sideways_with_readable_columns(qtbot, state):
    view = MatrixView(wide_analysis(), state)
    view.set_columns("target")
    view = show(qtbot, view, 900, 600)
    vb = view.plot.getViewBox()
    (x0, x1), _ = vb.viewRange()
    shown = x1 - x0
    assert len(view.col_ids) > 40 and shown < len(view.col_ids)
    assert vb.width() / shown >= MIN_COL_PX - 0.5  # wide enough for a count
    assert not view.hscroll.isHidden() and view.hscroll.maximum() > 0
    view.hscroll.setValue(view.hscroll.maximum())
    assert vb.viewRange()[0][1] == pytest.approx(len(view.col_ids) - 0.5, abs=0.6)
    view.resize(1200, 600)
    qtbot.waitUntil(lambda: vb.viewRange()[0][1] - vb.viewRange()[0][0] > shown + 3, timeout=2000)


def test_headers_slant_when_names_do_not_fit_and_are_not_reduced_to_dots(qtbot, state):
    view = MatrixView(wide_analysis(), state)
    view = show(qtbot, view, 900, 600)
    assert not view.col_axis.rotated  # support / oppose / neutral fit flat
    view.set_columns("target")
    QApplication.processEvents()
    assert view.col_axis.rotated and view.col_axis.height() >= 100
    room = view.col_axis.rotated_room()
    metrics = QFontMetrics(view.col_axis.slant_font())
    name = next(c for c in view.col_ids if c.startswith("the long target"))
    assert metrics.horizontalAdvance(name) <= room  # the whole name fits along the slant
    # painting draws the slanted labels (what a screenshot shows), and grabbing does not fail
    image = view.plot.grab().toImage()
    assert image.width() > 0
    view.set_columns("stance")
    QApplication.processEvents()
    assert not view.col_axis.rotated and view.col_axis.height() < 40


def test_every_cell_has_a_tooltip_with_count_share_and_cue(qtbot, state):
    view = MatrixView(wide_analysis(4), state)
    view.set_columns("target")
    view = show(qtbot, view, 900, 600)
    r = view.row_ids.index("russia")
    c = view.col_ids.index("the long target no. 01")
    text = view.cell_tooltip(r, c)
    total = int(view.counts[r].sum())
    assert "Russia" in text and "2 statements" in text and f"of Russia\u2019s {total}" in text
    assert f"{round(200 / total)}%" in text
    assert "oppose 2" in text and "net score -" in text
    assert "cue used most: \u201ccriti" in text
    turkey = view.row_ids.index("turkey")
    assert "no statements" in view.cell_tooltip(turkey, c)
    for rr in range(len(view.row_ids)):
        for cc in range(len(view.col_ids)):
            assert view.cell_tooltip(rr, cc).startswith("<b>")


def test_the_grouping_is_shared_through_the_state(qtbot, handmade, state):
    view = show(qtbot, MatrixView(handmade, state))
    assert "lavrov" in view.row_ids
    state.set_group_by("government")
    assert "lavrov" not in view.row_ids and view.group_box.currentData() == "government"
    view.set_group_by("none")
    assert state.group_by == "none" and "lavrov" in view.row_ids
