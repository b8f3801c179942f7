"""Secondary text (chart notes, tooltip source lines) stays legible in light and dark palettes."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage, QPalette

from desktop.charts.base import StatusLabel
from desktop.widgets.theme import muted_color

# (window, window text, tooltip base, tooltip text)
PALETTES = {
    "light": ("#efefef", "#000000", "#ffffdc", "#000000"),
    "dark": ("#2b2b2b", "#e0e0e0", "#333333", "#eeeeee"),
    "black": ("#000000", "#ffffff", "#101010", "#ffffff"),
}


def make_palette(name: str) -> QPalette:
    window, text, tip_base, tip_text = PALETTES[name]
    pal = QPalette()
    roles = QPalette.ColorRole
    base = "#ffffff" if QColor(window).lightness() > 128 else "#1e1e1e"
    for role, colour in ((roles.Window, window), (roles.WindowText, text), (roles.ToolTipBase, tip_base),
                         (roles.ToolTipText, tip_text), (roles.Base, base)):
        pal.setColor(role, QColor(colour))
    return pal


@pytest.mark.parametrize("name", list(PALETTES))
@pytest.mark.parametrize("tooltip", [False, True])
def test_muted_text_is_between_text_and_background_and_readable(qapp, name, tooltip):
    pal = make_palette(name)
    roles = QPalette.ColorRole
    bg = pal.color(roles.ToolTipBase if tooltip else roles.Window).lightness()
    fg = pal.color(roles.ToolTipText if tooltip else roles.WindowText).lightness()
    muted = muted_color(pal, tooltip=tooltip).lightness()
    assert min(bg, fg) <= muted <= max(bg, fg)
    assert abs(muted - bg) >= 100  # the old fixed #555 was 38 away from a #2b2b2b window


@pytest.mark.parametrize("name", ["light", "dark"])
def test_status_label_draws_in_the_muted_colour(qtbot, name):
    label = StatusLabel()
    qtbot.addWidget(label)
    label.setPalette(make_palette(name))
    label.setText("\u2588\u2588\u2588\u2588 7 actors")
    label.resize(200, 24)
    image = QImage(label.size(), QImage.Format.Format_ARGB32)
    image.fill(label.palette().color(QPalette.ColorRole.Window))
    label.render(image)
    window = label.palette().color(QPalette.ColorRole.Window).lightness()
    inked = [QColor(image.pixel(x, y)).lightness() for x in range(image.width()) for y in range(image.height())]
    contrast = max(abs(v - window) for v in inked)
    assert contrast >= 100, contrast


@pytest.mark.parametrize("name", ["light", "dark", "black"])
@pytest.mark.parametrize("polarity", ["support", "oppose", "neutral"])
def test_stance_legend_text_reads_on_the_window_background(qapp, name, polarity):
    from desktop.charts.stance_over_time import legend_colour

    pal = make_palette(name)
    window = pal.color(QPalette.ColorRole.Window).lightness()
    assert abs(legend_colour(polarity, pal).lightness() - window) >= 70
