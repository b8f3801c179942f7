"""Where the main window opens: a size that fits the screen it is on, a saved geometry only if it still fits."""
from __future__ import annotations

from PySide6.QtCore import QRect, QSize

PREFERRED = QSize(1280, 800)  # the size the layout is designed around, when the screen has room
MARGIN = 0.95  # of the screen's free area, on a screen smaller than PREFERRED (room for a panel or dock)
ROOMY, LARGEST = 0.85, QSize(1800, 1200)  # on a bigger screen: this share of it, up to this size
SLACK = 8  # pixels a restored frame may stick out (window-manager borders and rounding)


def initial_size(available: QRect, preferred: QSize = PREFERRED) -> QSize:
    """Most of a small screen's free area (1024×768: 972×729); PREFERRED on a laptop; on a big screen
    85% of it, up to LARGEST (1920×1080: 1632×918), so the charts get the room the screen has."""

    def one(free: int, want: int, most: int) -> int:
        if free < want:
            return int(free * MARGIN)
        return max(want, min(int(free * ROOMY), most))

    return QSize(one(available.width(), preferred.width(), LARGEST.width()),
                 one(available.height(), preferred.height(), LARGEST.height()))


def centred(size: QSize, available: QRect) -> QRect:
    rect = QRect(0, 0, size.width(), size.height())
    rect.moveCenter(available.center())
    return rect


def fits(frame: QRect, available: QRect, slack: int = SLACK) -> bool:
    """True when the window's frame lies on the screen's free area (give or take `slack` pixels)."""
    return available.adjusted(-slack, -slack, slack, slack).contains(frame)


def place(window, saved=None) -> bool:
    """Restore `saved` (QMainWindow.saveGeometry bytes) if the result fits the screen, else open centred at
    `initial_size`. Returns True when the saved geometry was used.

    A geometry saved on a bigger monitor would put the source panel and the status bar off a laptop's screen.
    """
    screen = window.screen()
    available = screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 800)
    if saved is not None and window.restoreGeometry(saved):
        if window.isMaximized() or window.isFullScreen() or fits(window.frameGeometry(), available):
            return True
    window.setGeometry(centred(initial_size(available), available))
    return False
