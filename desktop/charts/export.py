"""Chart export: PNG / SVG / PDF (several pages when the chart is taller than one) and the clipboard.

An export lays out a fresh copy of the chart at the chosen size: what the chart shows (its options, its
dates, its date range and grouping), whole (every lane, row or strip, page after page), and without the
on-screen selection. pyqtgraph's own SVGExporter breaks on Qt 6 paths, so every format renders the copy's
scene with QPainter onto the target device, then a legend (when it is no part of the scene) and a caption
(sources and dates) under it.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QGuiApplication, QImage, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QGraphicsItem

SCREEN_DPI = 96.0
CAPTION_PT = 8.5
LEGEND_PX = 20
FORMATS = ("png", "svg", "pdf")
# the longest page note a caption may carry, to reserve its room before the page is laid out
PAGE_NOTE_ROOM = ("page 10 of 10 \u00b7 rows 1000\u20131020 of 1020, columns 100\u2013120 of 400, the 10 most "
                  "frequent targets per actor; every page is in a PDF export")


@dataclass(frozen=True)
class ExportSize:
    """Pixels of the file (`width` × `height`) and how many of them per layout pixel (`scale`): the default,
    1600 × 1000 at 2×, lays the chart out at 800 × 500 and draws it twice as sharp."""

    width: int = 1600
    height: int = 1000
    scale: float = 2.0

    @property
    def layout(self) -> QSizeF:
        return QSizeF(self.width / self.scale, self.height / self.scale)


def _view_and_caption(chart):
    """(QGraphicsView, caption, title) from a chart widget or a bare QGraphicsView."""
    if hasattr(chart, "graphics_view"):
        return chart.graphics_view(), chart.caption(), getattr(chart, "title", "")
    return chart, "", ""


def _source_rect(view) -> QRectF:
    return view.mapToScene(view.viewport().rect()).boundingRect()


def _caption_font() -> QFont:
    font = QFont()
    font.setPointSizeF(CAPTION_PT)
    return font


def _caption_height(caption: str, width: float, scale: float = 1.0) -> float:
    if not caption:
        return 0.0
    metrics = QFontMetricsF(_caption_font())
    rect = metrics.boundingRect(QRectF(0, 0, max(40.0, width - 16), 10_000), Qt.TextFlag.TextWordWrap, caption)
    return (rect.height() + 12) * scale


def _caption(chart, note: str = "") -> str:
    _view, caption, title = _view_and_caption(chart)
    text = f"{title} \u2014 {caption}" if title and caption else caption
    return f"{text} \u00b7 {note}" if note else text


@contextmanager
def _export_mode(scene, painter, scale: float):
    """Ask pyqtgraph items to paint for export: symbols as true shapes, sized for the target scale."""
    items = [i for i in scene.items() if hasattr(i, "setExportMode")]
    for item in items:
        item.setExportMode(True, {"antialias": True, "background": QColor("white"), "painter": painter,
                                  "resolutionScale": scale})
    # pyqtgraph's legends ignore transformations, so a 2x export drew them at half the size of the rest
    ignoring = QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
    fixed = [i for i in scene.items() if i.flags() & ignoring]
    for item in fixed:
        item.setFlag(ignoring, False)
    try:
        yield
    finally:
        for item in items:
            item.setExportMode(False)
        for item in fixed:
            item.setFlag(ignoring, True)


def _export_background(view) -> QColor:
    """White, or the scene's own background when the chart carries one (a dark chart, see
    charts.base.set_background), so the caption strip under a dark chart is not a white band."""
    brush = view.scene().backgroundBrush()
    return QColor(brush.color()) if brush.style() != Qt.BrushStyle.NoBrush else QColor("white")


# ---- painting one page -------------------------------------------------------------------------------
def chart_size(chart, scale: float = 1.0) -> QSize:
    """Pixel size of the chart as laid out now, at `scale`, legend and caption included."""
    view = _view_and_caption(chart)[0]
    source = _source_rect(view)
    legend = LEGEND_PX if getattr(chart, "export_legend", lambda: [])() else 0
    return QSize(round(source.width() * scale),
                 round((source.height() + legend) * scale + _caption_height(_caption(chart), source.width(), scale)))


def paint_chart(chart, painter: QPainter, scale: float = 1.0, note: str = "", height: float | None = None) -> None:
    """Paint the chart as laid out now (then its legend and caption) at `scale` device units per layout
    pixel; `height` (layout pixels) is the page's, when the caption strip fills it to the bottom."""
    view = _view_and_caption(chart)[0]
    source = _source_rect(view)
    legend = getattr(chart, "export_legend", lambda: [])()
    text = _caption(chart, note)
    total = height if height is not None else source.height() + (LEGEND_PX if legend else 0) + \
        _caption_height(text, source.width())
    background = _export_background(view)
    painter.fillRect(QRectF(0, 0, source.width() * scale, total * scale), background)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    with _export_mode(view.scene(), painter, scale):
        view.scene().render(painter, QRectF(0, 0, source.width() * scale, source.height() * scale), source)
    ink = QColor(90, 90, 90) if background.lightness() >= 128 else QColor(190, 190, 190)
    painter.save()
    painter.scale(scale, scale)
    y = source.height()
    if legend:
        _paint_legend(painter, legend, y, ink)
        y += LEGEND_PX
    if text:
        painter.setFont(_caption_font())
        painter.setPen(ink)  # grey that reads on the strip: a dark chart's caption continues its background
        box = QRectF(8, y + 4, source.width() - 16, max(0.0, total - y - 4))
        painter.drawText(box, Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft, text)
    painter.restore()


def _paint_legend(painter: QPainter, legend, y: float, ink: QColor) -> None:
    font = _caption_font()
    font.setBold(True)
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    x = 8.0
    for colour, label in legend:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(QPointF(x + 5, y + LEGEND_PX / 2), 5, 5)
        painter.setPen(colour if colour.lightness() < 200 else ink)
        painter.drawText(QPointF(x + 14, y + LEGEND_PX / 2 + metrics.ascent() / 2 - 1), label)
        x += 14 + metrics.horizontalAdvance(label) + 16


def render_image(chart, scale: float = 1.0, dpi: float | None = None) -> QImage:
    """The chart as laid out on screen, as an image; `dpi` (if given) sets the scale against a 96-dpi screen."""
    if dpi:
        scale = dpi / SCREEN_DPI
    image = QImage(chart_size(chart, scale), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        paint_chart(chart, painter, scale)
    finally:
        painter.end()
    if dpi:
        _set_dpi(image, dpi)
    return image


def _set_dpi(image: QImage, dpi: float) -> None:
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))


# ---- a fresh copy laid out at the export size --------------------------------------------------------------
@contextmanager
def laid_out(chart, size: ExportSize):
    """A copy of `chart` whose graphics are exactly the export's layout size less its legend and caption
    (a bare QGraphicsView is used as it is). Closed afterwards."""
    if not hasattr(chart, "export_pages") or not hasattr(chart, "analysis"):
        yield chart
        return
    from PySide6.QtWidgets import QApplication

    from desktop.state import SelectionState

    if hasattr(chart, "ensure_fresh"):
        chart.ensure_fresh()
    state = SelectionState()  # the date range and grouping, and no selection: no highlight in the file
    state.set_time_window(*chart.state.time_window)
    state.set_group_by(chart.state.group_by)
    copy = type(chart)(chart.analysis, state)
    try:
        copy.setPalette(chart.palette())
        copy.set_options(chart.options())
        layout = size.layout
        reserve = (LEGEND_PX if chart.export_legend() else 0) + \
            _caption_height(_caption(chart, PAGE_NOTE_ROOM), layout.width())
        want = QSize(round(layout.width()), max(80, round(layout.height() - reserve)))
        copy.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        copy.resize(want)
        copy.show()
        for _ in range(2):  # the toolbars above the plot take their share: grow until the plot has `want`
            QApplication.processEvents()
            viewport = copy.export_frame().size()
            copy.resize(copy.width() + want.width() - viewport.width(), copy.height() + want.height() - viewport.height())
        QApplication.processEvents()
        if hasattr(copy, "fit"):
            copy.fit()
        copy.export_view(chart)
        QApplication.processEvents()
        yield copy
    finally:
        copy.close()
        copy.deleteLater()


def _pages(copy):
    """(index, note) of each page of a laid-out copy, the page shown when it is yielded."""
    from PySide6.QtWidgets import QApplication

    n = copy.export_pages() if hasattr(copy, "export_pages") else 1
    for i in range(n):
        if hasattr(copy, "show_export_page"):
            copy.show_export_page(i)
            QApplication.processEvents()
        part = copy.export_page_note(i) if hasattr(copy, "export_page_note") else ""
        note = " \u00b7 ".join(x for x in (f"page {i + 1} of {n}" if n > 1 else "", part) if x)
        yield i, n, note


def render_pages(chart, size: ExportSize = ExportSize(), first_only: bool = False) -> list[QImage]:
    """Each page as a `size.width` × `size.height` image (the first only, for PNG and the clipboard)."""
    images = []
    with laid_out(chart, size) as copy:
        for _i, n, note in _pages(copy):
            if first_only and n > 1:
                note += "; every page is in a PDF export"
            image = QImage(QSize(size.width, size.height), QImage.Format.Format_ARGB32)
            image.fill(QColor("white"))
            painter = QPainter(image)
            try:
                paint_chart(copy, painter, size.scale, note, height=size.layout.height())
            finally:
                painter.end()
            # the resolution is set after painting: fonts on an image follow its DPI, which would scale them twice
            _set_dpi(image, SCREEN_DPI * size.scale)
            images.append(image)
            if first_only:
                break
    return images


def export_png(chart, path, size: ExportSize = ExportSize()) -> Path:
    path = Path(path)
    if not render_pages(chart, size, first_only=True)[0].save(str(path), "PNG"):
        raise OSError(f"Could not write {path}")
    return path


def export_svg(chart, path, size: ExportSize = ExportSize()) -> Path:
    """One page, in layout pixels (a vector drawing has no pixel size of its own)."""
    from PySide6.QtSvg import QSvgGenerator

    path = Path(path)
    layout = size.layout
    with laid_out(chart, size) as copy:
        _i, n, note = next(_pages(copy))
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(QSize(round(layout.width()), round(layout.height())))
        generator.setViewBox(QRectF(0, 0, layout.width(), layout.height()))
        generator.setTitle(getattr(chart, "title", "") or "Standpoint chart")
        generator.setDescription(_caption(copy, note))
        generator.setResolution(round(SCREEN_DPI))
        painter = QPainter()
        if not painter.begin(generator):
            raise OSError(f"Could not write {path}")
        try:
            paint_chart(copy, painter, 1.0, note, height=layout.height())
        finally:
            painter.end()
    return path


def export_pdf(chart, path, size: ExportSize = ExportSize()) -> Path:
    """Every page of the chart, one PDF page each, the page the layout size in points (96 px = 72 pt)."""
    path = Path(path)
    layout = size.layout
    writer = QPdfWriter(str(path))
    # device units are screen pixels: fonts in points then come out as on screen (at 288 dpi they were
    # scaled by the device and again by the painter); a PDF is vector, so nothing is lost
    writer.setResolution(round(SCREEN_DPI))
    writer.setPageSize(QPageSize(QSizeF(layout.width() * 72 / SCREEN_DPI, layout.height() * 72 / SCREEN_DPI),
                                 QPageSize.Unit.Point, "chart"))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setTitle(getattr(chart, "title", "") or "Standpoint chart")
    writer.setCreator("Standpoint")
    painter = QPainter()
    with laid_out(chart, size) as copy:
        if not painter.begin(writer):
            raise OSError(f"Could not write {path}")
        try:
            for i, _n, note in _pages(copy):
                if i:
                    writer.newPage()
                paint_chart(copy, painter, writer.width() / max(1.0, layout.width()), note, height=layout.height())
        finally:
            painter.end()
    return path


def copy_to_clipboard(chart, size: ExportSize = ExportSize()) -> QImage:
    """Put the chart's first page, as a PNG export would be, on the clipboard, ready to paste."""
    image = render_pages(chart, size, first_only=True)[0]
    QGuiApplication.clipboard().setImage(image)
    return image


def export_chart(chart, path, width: int | None = None, height: int | None = None, scale: float | None = None) -> Path:
    """Dispatch on the file suffix: .png, .svg or .pdf, at `width` × `height` pixels drawn at `scale`
    (default 1600 × 1000 at 2×)."""
    default = ExportSize()
    size = ExportSize(width or default.width, height or default.height, scale or default.scale)
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix == "png":
        return export_png(chart, path, size)
    if suffix == "svg":
        return export_svg(chart, path, size)
    if suffix == "pdf":
        return export_pdf(chart, path, size)
    raise ValueError(f"Unsupported chart format: .{suffix} (use {', '.join(FORMATS)})")
