"""Chart export: PNG at a chosen size/DPI, SVG via QSvgGenerator, PDF via QPdfWriter, and the clipboard.

pyqtgraph's own SVGExporter breaks on Qt 6 paths, so every format renders the chart's scene with
QPainter onto the target device, then writes a caption (sources and dates) under it.
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QGuiApplication, QImage, QPageSize, QPainter, QPdfWriter

SCREEN_DPI = 96.0
CAPTION_PT = 8.5
FORMATS = ("png", "svg", "pdf")


def _view_and_caption(chart):
    """(QGraphicsView, caption, title) from a chart widget or a bare QGraphicsView."""
    if hasattr(chart, "graphics_view"):
        return chart.graphics_view(), chart.caption(), getattr(chart, "title", "")
    return chart, "", ""


def _source_rect(view) -> QRectF:
    return view.mapToScene(view.viewport().rect()).boundingRect()


def _caption_height(caption: str, width: float, scale: float) -> float:
    if not caption:
        return 0.0
    font = QFont()
    font.setPointSizeF(CAPTION_PT)
    metrics = QFontMetricsF(font)
    rect = metrics.boundingRect(QRectF(0, 0, width - 16, 10_000), Qt.TextFlag.TextWordWrap, caption)
    return (rect.height() + 12) * scale


@contextmanager
def _export_mode(scene, painter, scale: float):
    """Ask pyqtgraph items to paint for export: symbols as true shapes, sized for the target scale."""
    items = [i for i in scene.items() if hasattr(i, "setExportMode")]
    for item in items:
        item.setExportMode(True, {"antialias": True, "background": QColor("white"), "painter": painter,
                                  "resolutionScale": scale})
    try:
        yield
    finally:
        for item in items:
            item.setExportMode(False)


def chart_size(chart, scale: float = 1.0) -> QSize:
    """Pixel size of an export at `scale`, caption included."""
    view, caption, title = _view_and_caption(chart)
    source = _source_rect(view)
    text = f"{title} \u2014 {caption}" if title and caption else caption
    return QSize(round(source.width() * scale), round(source.height() * scale + _caption_height(text, source.width(), scale)))


def paint_chart(chart, painter: QPainter, scale: float = 1.0) -> None:
    """Paint the chart (and its caption underneath) with `painter` at `scale` device units per pixel."""
    view, caption, title = _view_and_caption(chart)
    source = _source_rect(view)
    target = QRectF(0, 0, source.width() * scale, source.height() * scale)
    background = _export_background(view)
    painter.fillRect(QRectF(0, 0, target.width(), chart_size(chart, scale).height()), background)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    scene = view.scene()
    with _export_mode(scene, painter, scale):
        scene.render(painter, target, source)
    text = f"{title} \u2014 {caption}" if title and caption else caption
    if text:
        font = QFont()
        font.setPointSizeF(CAPTION_PT)
        painter.save()
        painter.scale(scale, scale)
        painter.setFont(font)
        # Grey that reads on the strip: a dark chart's caption continues its background.
        painter.setPen(QColor(90, 90, 90) if background.lightness() >= 128 else QColor(190, 190, 190))
        box = QRectF(8, source.height() + 4, source.width() - 16, _caption_height(text, source.width(), 1.0))
        painter.drawText(box, Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft, text)
        painter.restore()


def _export_background(view) -> QColor:
    """White, or the scene's own background when the chart carries one (a dark chart, see
    charts.base.set_background), so the caption strip under a dark chart is not a white band."""
    brush = view.scene().backgroundBrush()
    return QColor(brush.color()) if brush.style() != Qt.BrushStyle.NoBrush else QColor("white")


def render_image(chart, scale: float = 1.0, dpi: float | None = None) -> QImage:
    """The chart as an image; `dpi` (if given) sets the scale relative to a 96-dpi screen."""
    if dpi:
        scale = dpi / SCREEN_DPI
    size = chart_size(chart, scale)
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    if dpi:
        per_metre = round(dpi / 0.0254)
        image.setDotsPerMeterX(per_metre)
        image.setDotsPerMeterY(per_metre)
    painter = QPainter(image)
    try:
        paint_chart(chart, painter, scale)
    finally:
        painter.end()
    return image


def export_png(chart, path, scale: float = 1.0, dpi: float | None = None, width: int | None = None) -> Path:
    """PNG at `scale`, at `dpi`, or scaled to `width` pixels wide."""
    if width:
        scale = width / max(1.0, _source_rect(_view_and_caption(chart)[0]).width())
    path = Path(path)
    if not render_image(chart, scale, dpi).save(str(path), "PNG"):
        raise OSError(f"Could not write {path}")
    return path


def export_svg(chart, path) -> Path:
    from PySide6.QtSvg import QSvgGenerator

    path = Path(path)
    _view, caption, title = _view_and_caption(chart)
    size = chart_size(chart)
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle(title or "Standpoint chart")
    generator.setDescription(caption)
    generator.setResolution(round(SCREEN_DPI))
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(f"Could not write {path}")
    try:
        paint_chart(chart, painter, 1.0)
    finally:
        painter.end()
    return path


def export_pdf(chart, path) -> Path:
    path = Path(path)
    size = chart_size(chart)
    writer = QPdfWriter(str(path))
    writer.setResolution(round(SCREEN_DPI) * 3)
    writer.setPageSize(QPageSize(QSizeF(size.width() * 72 / SCREEN_DPI, size.height() * 72 / SCREEN_DPI),
                                 QPageSize.Unit.Point, "chart"))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    _view, caption, title = _view_and_caption(chart)
    writer.setTitle(title or "Standpoint chart")
    writer.setCreator("Standpoint")
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"Could not write {path}")
    try:
        paint_chart(chart, painter, writer.width() / max(1, size.width()))
    finally:
        painter.end()
    return path


def copy_to_clipboard(chart, scale: float = 2.0) -> QImage:
    """Put a sharp (2×) image of the chart on the clipboard, ready to paste into a document."""
    image = render_image(chart, scale)
    QGuiApplication.clipboard().setImage(image)
    return image


def export_chart(chart, path, **options) -> Path:
    """Dispatch on the file suffix: .png (2× the on-screen size unless told), .svg or .pdf."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix == "png":
        # a chart in a narrow pane is small on screen: twice the pixels by default prints sharply
        if not options:
            options = {"scale": 2.0}
        return export_png(chart, path, **options)
    if suffix == "svg":
        return export_svg(chart, path)
    if suffix == "pdf":
        return export_pdf(chart, path)
    raise ValueError(f"Unsupported chart format: .{suffix} (use {', '.join(FORMATS)})")
