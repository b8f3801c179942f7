"""The window's export commands: the current chart (file or clipboard), the tables, the actor network.

Every export starts in the folder of the last one (the user's Documents before the first) and proposes a
name that says what is in the file: "polnear-timeline-2016-09-01_2016-09-30.png".
"""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from core.messages import UserFacingError


def _report(window, text: str) -> None:
    window.status.setText(text)


def _slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text.strip().lower(), flags=re.UNICODE).strip("-") or "chart"


def export_name(window, what: str, suffix: str) -> str:
    """"<project>-<what>[-<first>_<last>].<suffix>": the project (or "standpoint"), the chart or table,
    and the date range when one is set."""
    project = window.project.path.stem if window.project.path is not None else "standpoint"
    name = f"{_slug(project)}-{_slug(what)}"
    first, last = window.state.date_range
    if first is not None or last is not None:
        name += f"-{first.isoformat() if first else 'start'}_{last.isoformat() if last else 'end'}"
    return f"{name}.{suffix}"


def _chart(window):
    return window.workspace.current_chart() if window.workspace is not None else None


def _chart_title(window) -> str:
    return window.workspace.charts.tabText(window.workspace.charts.currentIndex())


def export_chart(window, path: str | Path | None = None, width: int | None = None, height: int | None = None,
                 scale: float | None = None) -> Path | None:
    """The current chart as PNG, SVG or PDF; without `path`, the export dialog asks where and how big."""
    chart = _chart(window)
    if chart is None:
        return None
    saved = window.settings.export_size()
    if path is None:
        from desktop.widgets.export_dialog import ExportDialog

        start = Path(window.settings.export_folder()) / export_name(window, _chart_title(window), "png")
        dialog = ExportDialog(start, *saved, parent=window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        path, width, height, scale = dialog.choice()
    width, height, scale = width or saved[0], height or saved[1], scale or saved[2]
    path = Path(path)
    from desktop.charts.export import export_chart as write

    # a PDF of a 2,000-row matrix is a hundred pages and ~10 s: say so, and show the wait
    _report(window, f"Exporting {path.name}\u2026")
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    QApplication.processEvents()
    try:
        write(chart, path, width=width, height=height, scale=scale)
    except (OSError, UserFacingError, ValueError) as exc:
        window.error_banner.show_message(f"The chart could not be exported: {exc}")
        _report(window, "The chart was not exported.")
        return None
    finally:
        QApplication.restoreOverrideCursor()
    window.settings.set_export_folder(path.parent)
    window.settings.set_export_size(width, height, scale)
    pages = _pdf_pages(path) if path.suffix.lower() == ".pdf" else 1
    size = f"{width} \u00d7 {height} px" if path.suffix.lower() == ".png" else \
        f"{pages} page{'s' * (pages != 1)}" if path.suffix.lower() == ".pdf" else "vector drawing"
    _report(window, f"Exported {path.name} ({size}) to {path.parent}.")
    return path


def _pdf_pages(path: Path) -> int:
    try:
        return max(1, len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes())))
    except OSError:
        return 1


def copy_chart(window) -> None:
    chart = _chart(window)
    if chart is None:
        return
    from desktop.charts.export import ExportSize, copy_to_clipboard

    image = copy_to_clipboard(chart, ExportSize(*window.settings.export_size()))
    _report(window, f"Chart copied to the clipboard ({image.width()} \u00d7 {image.height()} px).")


def export_tables(window, folder: str | None = None):
    """Take the tables now (GUI thread, cached), write them in a background thread: an XLSX of a
    few hundred articles takes seconds. Returns the running job, or None when cancelled."""
    from core.io.export import table_frames, write_frames
    from desktop.workers.jobs import start_job

    folder = folder or QFileDialog.getExistingDirectory(window, "Export tables to folder",
                                                        window.settings.export_folder())
    if not folder:
        return None
    window.settings.set_export_folder(folder)
    matrix = window.workspace.chart_widgets.get("Matrix")
    # the matrix as the user has it on screen: its columns and the grouping every view shares
    frames = table_frames(window.analysis, getattr(matrix, "columns", "stance") or "stance", window.state.group_by)
    _report(window, f"Exporting tables to {folder}\u2026")
    return start_job(
        window,
        lambda: write_frames(frames, Path(folder), formats=("csv", "xlsx")),
        on_done=lambda written: _report(window, f"Exported {len(written)} files to {folder}."),
        on_failed=lambda reason: window.error_banner.show_message(f"The tables could not be exported: {reason}"),
    )


def export_graphml(window, path: str | None = None) -> Path | None:
    start = str(Path(window.settings.export_folder()) / export_name(window, "actor network", "graphml"))
    path = path or QFileDialog.getSaveFileName(window, "Export actor network", start, "GraphML (*.graphml)")[0]
    if not path:
        return None
    try:
        from core.io.export import export_graphml as write

        written = write(window.analysis, Path(path))
    except (OSError, UserFacingError) as exc:
        window.error_banner.show_message(f"The network could not be exported: {exc}")
        return None
    window.settings.set_export_folder(Path(path).parent)
    _report(window, f"Exported {Path(written).name}.")
    return Path(written)


def export_entity_timeline(window, folder: str | None = None) -> list[Path]:
    """The selected actor's events across the articles, as CSV and in the SemEval-2015 TimeLine format."""
    actor = window.state.actor
    if actor is None:
        window.error_banner.show_message("Select an actor first (its lane in the timeline or its row in Actors), "
                                         "then export its timeline.")
        return []
    folder = folder or QFileDialog.getExistingDirectory(window, "Export the entity timeline to folder",
                                                        str(Path.home()))
    if not folder:
        return []
    try:
        from core.io.export import export_entity_timeline as write

        written = write(window.analysis, actor, Path(folder))
    except (OSError, UserFacingError) as exc:
        window.error_banner.show_message(f"The entity timeline could not be exported: {exc}")
        return []
    _report(window, f"Exported {', '.join(p.name for p in written)}.")
    return written
