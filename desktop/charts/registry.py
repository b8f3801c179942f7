"""The chart tabs: titles and view classes, imported when a tab is built (a placeholder if missing or broken)."""
from __future__ import annotations

import logging
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

log = logging.getLogger(__name__)


# Each loader imports its view only when the tab is built: pyqtgraph and numpy must not slow the empty
# window's start-up. Plain import statements, so PyInstaller and every other tool see them.
def _timeline() -> type:
    from desktop.charts.timeline import TimelineView

    return TimelineView


def _matrix() -> type:
    from desktop.charts.matrix import MatrixView

    return MatrixView


def _stance_over_time() -> type:
    from desktop.charts.stance_over_time import StanceTimeView

    return StanceTimeView


# (tab title, loader returning the view class); every class takes (analysis, state).
CHARTS: tuple[tuple[str, Callable[[], type]], ...] = (
    ("Timeline", _timeline),
    ("Matrix", _matrix),
    ("Stance over time", _stance_over_time),
)


def placeholder(text: str) -> QLabel:
    label = QLabel(text)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setEnabled(False)
    return label


def make_chart(title: str, load: Callable[[], type], analysis, state) -> QWidget:
    """The chart widget, or a placeholder saying why it is not shown (never raises)."""
    try:
        factory = load()
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith("desktop.charts."):  # a chart left out of a build is no error
            log.exception("importing the %s view failed", title.lower())
        return placeholder(f"The {title.lower()} view is not available in this build.")
    except Exception:  # a broken chart must not stop the window from opening
        log.exception("importing the %s view failed", title.lower())
        return placeholder(f"The {title.lower()} view could not be loaded.")
    try:
        return factory(analysis, state)
    except Exception:
        log.exception("building %s failed", getattr(factory, "__name__", title))
        return placeholder(f"The {title.lower()} view could not be shown.")
