"""Builds the chart views another module provides, or a plain placeholder while one is missing or broken."""
from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

log = logging.getLogger(__name__)

# (tab title, module under desktop/, class name); every class takes (analysis, state).
CHARTS = (
    ("Timeline", "timeline_view", "TimelineView"),
    ("Matrix", "matrix_view", "MatrixView"),
    ("Stance over time", "stance_time_view", "StanceTimeView"),
)


def placeholder(text: str) -> QLabel:
    label = QLabel(text)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setEnabled(False)
    return label


def make_chart(title: str, module: str, cls: str, analysis, state) -> QWidget:
    """The chart widget, or a placeholder saying why it is not shown (never raises)."""
    try:
        factory = getattr(importlib.import_module(f"desktop.{module}"), cls)
    except ModuleNotFoundError as exc:
        if exc.name != f"desktop.{module}":
            log.exception("importing desktop.%s failed", module)
        return placeholder(f"The {title.lower()} view is not available in this build.")
    except Exception:  # a broken chart must not stop the window from opening
        log.exception("importing desktop.%s failed", module)
        return placeholder(f"The {title.lower()} view could not be loaded.")
    try:
        return factory(analysis, state)
    except Exception:
        log.exception("building %s failed", cls)
        return placeholder(f"The {title.lower()} view could not be shown.")
