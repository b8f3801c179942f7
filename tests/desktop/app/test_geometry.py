"""The first window fits the screen it opens on; a saved geometry is restored only if it still fits."""
import pytest
from PySide6.QtCore import QPoint, QRect

from desktop.app.geometry import centred, fits, initial_size, place
from desktop.app.main_window import MainWindow
from desktop.app.settings import Settings


@pytest.mark.parametrize("screen, expected", [
    ((1024, 768), (972, 729)),
    ((1280, 800), (1280, 800)),
    ((1366, 768), (1280, 729)),
    ((1920, 1080), (1632, 918)),
    ((3840, 2160), (1800, 1200)),
    ((800, 600), (760, 570)),
])
def test_initial_size_fits_the_screen(screen, expected):
    available = QRect(0, 0, *screen)
    size = initial_size(available)
    assert size.toTuple() == expected
    assert fits(centred(size, available), available, slack=0)


@pytest.mark.parametrize("frame, fit", [
    (QRect(26, 19, 972, 729), True),
    (QRect(0, 0, 1280, 800), False),  # the old default on a 1024 × 768 screen: status bar off-screen
    (QRect(-4, -4, 1030, 774), True),  # a window-manager border sticking out a little
    (QRect(900, 100, 400, 300), False),  # half on a monitor that is gone
])
def test_fits(frame, fit):
    assert fits(frame, QRect(0, 0, 1024, 768)) is fit


def test_the_window_opens_within_the_screen(qtbot, settings):
    window = MainWindow(settings=Settings(settings), load_model=False)
    qtbot.addWidget(window)
    available = window.screen().availableGeometry()
    assert fits(window.frameGeometry(), available)
    assert window.size().toTuple() == initial_size(available).toTuple()
    assert window.minimumSizeHint().width() <= 1024 * 0.95  # the layout can shrink to a small screen


def test_a_saved_geometry_is_used_only_if_it_fits(qtbot, settings):
    """(The offscreen test screen is small and Qt clamps some geometries itself: the rule is checked
    through what `place` decides and where the window ends up.)"""
    first = MainWindow(settings=Settings(settings), load_model=False)
    qtbot.addWidget(first)
    available = first.screen().availableGeometry()
    second = MainWindow(settings=Settings(settings), load_model=False)
    qtbot.addWidget(second)
    for where in (QRect(available.topLeft(), first.size()),
                  QRect(available.topLeft() + QPoint(available.width() // 2, 0), available.size())):
        first.setGeometry(where)
        restored = place(second, first.saveGeometry())
        if restored:
            assert fits(second.frameGeometry(), available) or second.isMaximized()
        else:  # refused: opened centred at the default size instead
            assert second.size() == initial_size(available) or second.size() == second.minimumSize()
    first.setGeometry(QRect(available.topLeft() + QPoint(available.width() // 2, 0), available.size()))
    assert not fits(first.frameGeometry(), available)  # half of it on a monitor that is not there any more
