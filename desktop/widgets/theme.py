"""Colours derived from the system palette, so every widget reads well in light and dark themes."""
from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

# Hues for the subtle marks in the source view; drawn translucent over the base colour.
ACTOR_HUE, CUE_HUE, TIME_HUE = 210, 280, 35
SOURCE_HUE, TARGET_HUE = 210, 140


def palette() -> QPalette:
    app = QApplication.instance()
    return app.palette() if app is not None else QPalette()


def is_dark(pal: QPalette | None = None) -> bool:
    pal = pal or palette()
    return pal.color(QPalette.ColorRole.Base).lightness() < 128


def tint(hue: int, alpha: int = 60, pal: QPalette | None = None) -> QColor:
    """A translucent colour of `hue` that stays legible over the palette's base colour."""
    color = QColor.fromHsv(hue, 200, 230 if is_dark(pal) else 210)
    color.setAlpha(alpha)
    return color


def accent(hue: int, pal: QPalette | None = None) -> QColor:
    """An opaque text colour of `hue` with enough contrast against the base colour."""
    return QColor.fromHsv(hue, 160, 240) if is_dark(pal) else QColor.fromHsv(hue, 230, 150)


def error_color(pal: QPalette | None = None) -> QColor:
    return QColor.fromHsv(0, 150, 255) if is_dark(pal) else QColor.fromHsv(0, 230, 180)


def banner_colors(kind: str, pal: QPalette | None = None) -> tuple[QColor, QColor]:
    """(background, border) for an info bar of `kind` (info, warning, error)."""
    pal = pal or palette()
    hue = {"info": 210, "warning": 40, "error": 0}.get(kind, 210)
    base = pal.color(QPalette.ColorRole.Window)
    tone = QColor.fromHsv(hue, 180, 220)
    mix = 0.22 if is_dark(pal) else 0.14
    background = QColor(
        round(base.red() * (1 - mix) + tone.red() * mix),
        round(base.green() * (1 - mix) + tone.green() * mix),
        round(base.blue() * (1 - mix) + tone.blue() * mix),
    )
    return background, tone


def muted_color(pal: QPalette | None = None, tooltip: bool = False) -> QColor:
    """Secondary text (notes, counts, a tooltip's source line): between the text and its background.

    A fixed grey such as #555 vanishes on a dark background; a blend reads in both themes.
    """
    pal = pal or palette()
    roles = QPalette.ColorRole
    fg = pal.color(roles.ToolTipText if tooltip else roles.WindowText)
    bg = pal.color(roles.ToolTipBase if tooltip else roles.Window)
    mix = 0.62
    return QColor(round(fg.red() * mix + bg.red() * (1 - mix)), round(fg.green() * mix + bg.green() * (1 - mix)),
                  round(fg.blue() * mix + bg.blue() * (1 - mix)))


def chart_colors(pal: QPalette | None = None) -> dict[str, QColor]:
    """Colours of a chart's frame (background, axes, grid, lane stripes) from the widget's palette.

    pyqtgraph's defaults are a fixed white background and black axes, which glare in a dark theme.
    """
    pal = pal or palette()
    roles = QPalette.ColorRole
    dark = is_dark(pal)
    text = pal.color(roles.Text)
    shade = QColor(255, 255, 255, 16) if dark else QColor(0, 0, 0, 10)
    return {
        "background": pal.color(roles.Base),
        "foreground": text,
        "muted": muted_color(pal),
        "lane": shade,
        "highlight": QColor(240, 240, 240) if dark else QColor(20, 20, 20),
    }


# ---- the View → Theme choice ---------------------------------------------------------------------------
THEMES = (("system", "&System"), ("light", "&Light"), ("dark", "&Dark"))
_SYSTEM: tuple[str, QPalette] | None = None  # the style and palette the app started with


def light_palette() -> QPalette:
    from PySide6.QtWidgets import QStyleFactory

    return QStyleFactory.create("Fusion").standardPalette()


def dark_palette() -> QPalette:
    """A dark Fusion palette: grey surfaces, light text, a blue that reads on both."""
    roles, groups = QPalette.ColorRole, QPalette.ColorGroup
    pal = QPalette()
    for role, colour in ((roles.Window, "#2b2b2b"), (roles.WindowText, "#e0e0e0"), (roles.Base, "#1e1e1e"),
                         (roles.AlternateBase, "#262626"), (roles.ToolTipBase, "#333333"),
                         (roles.ToolTipText, "#eeeeee"), (roles.PlaceholderText, "#8c8c8c"), (roles.Text, "#e0e0e0"),
                         (roles.Button, "#353535"), (roles.ButtonText, "#e0e0e0"), (roles.BrightText, "#ff6b6b"),
                         (roles.Light, "#4a4a4a"), (roles.Midlight, "#3e3e3e"), (roles.Mid, "#2f2f2f"),
                         (roles.Dark, "#1a1a1a"), (roles.Shadow, "#101010"), (roles.Highlight, "#3d6fb4"),
                         (roles.HighlightedText, "#ffffff"), (roles.Link, "#79a9ff"), (roles.LinkVisited, "#b08cff")):
        pal.setColor(role, QColor(colour))
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        pal.setColor(groups.Disabled, role, QColor("#7a7a7a"))
    pal.setColor(groups.Disabled, roles.Highlight, QColor("#4a4a4a"))
    return pal


def apply_theme(name: str) -> str:
    """Switch the whole app to the "system", "light" or "dark" look; returns the theme applied.

    Light and dark use the Fusion style, whose widgets follow a palette everywhere; "system" goes back to
    the style and palette the app started with. Every chart restyles on the palette change.
    """
    global _SYSTEM
    app = QApplication.instance()
    if app is None:
        return "system"
    if _SYSTEM is None:
        _SYSTEM = (app.style().name(), QPalette(app.palette()))
    if name not in ("light", "dark"):
        name = "system"
    if name == "system":
        app.setStyle(_SYSTEM[0])
        app.setPalette(_SYSTEM[1])
    else:
        app.setStyle("Fusion")
        app.setPalette(dark_palette() if name == "dark" else light_palette())
    return name
