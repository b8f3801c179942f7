"""View → Theme: System / Light / Dark for the whole app, saved in the settings, charts following."""
import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from core.analysis import Analysis
from desktop.app.main_window import MainWindow
from desktop.app.settings import Settings
from desktop.widgets.theme import apply_theme, is_dark
from tests.desktop.app.test_main_window import make_window  # noqa: F401  (the fixture)
from tests.desktop.conftest import make_analysis


@pytest.fixture
def system_theme_after():
    yield
    apply_theme("system")


def chart_background(window, title: str):
    chart = window.workspace.chart_widgets[title]
    return chart.chart_colors()["background"]


def test_the_theme_menu_switches_the_app_and_the_charts(make_window, system_theme_after):
    window = make_window(Analysis([make_analysis()]))
    light_before = not is_dark(QApplication.instance().palette())
    window.actions["theme_dark"].trigger()
    QApplication.processEvents()  # the palette reaches the widgets through events
    assert is_dark(QApplication.instance().palette()) and window.actions["theme_dark"].isChecked()
    assert QApplication.instance().style().name().lower() == "fusion"
    for title in ("Timeline", "Matrix", "Stance over time"):
        assert chart_background(window, title).lightness() < 60, title
    timeline = window.workspace.chart_widgets["Timeline"]
    assert timeline.plot.backgroundBrush().color().lightness() < 60  # restyled, not just re-coloured later
    assert window.settings.theme() == "dark" and window.status.text() == "Theme: dark."
    window.actions["theme_light"].trigger()
    QApplication.processEvents()
    assert not is_dark(QApplication.instance().palette())
    assert chart_background(window, "Matrix").lightness() > 200
    window.actions["theme_system"].trigger()
    QApplication.processEvents()
    assert window.settings.theme() == "system"
    assert (not is_dark(QApplication.instance().palette())) == light_before


def test_the_saved_theme_is_applied_when_the_window_opens(qtbot, settings, system_theme_after):
    Settings(settings).set_theme("dark")
    window = MainWindow(settings=Settings(settings), load_model=False)
    window.ask_before_discard = False
    qtbot.addWidget(window)
    assert is_dark(QApplication.instance().palette()) and window.actions["theme_dark"].isChecked()


@pytest.mark.parametrize("stored, expected", [("dark", "dark"), ("light", "light"), ("purple", "system"), ("", "system")])
def test_unknown_stored_themes_fall_back_to_system(settings, stored, expected):
    settings.setValue("theme", stored)
    assert Settings(settings).theme() == expected


def test_dark_palette_reads(qapp):
    from desktop.widgets.theme import dark_palette

    pal = dark_palette()
    roles = QPalette.ColorRole
    assert pal.color(roles.Base).lightness() < 50 and pal.color(roles.Text).lightness() > 200
    assert abs(pal.color(roles.Window).lightness() - pal.color(roles.WindowText).lightness()) > 150
