"""Dropping files and folders anywhere on the main window adds them (with an overlay while dragging)."""
from __future__ import annotations

from PySide6.QtCore import QTimer


class FileDropMixin:
    """Drag-and-drop for a window that has `drop_overlay` and `add_paths(paths)`."""

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt API)
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()] if event.mimeData().hasUrls() else []
        if urls:
            event.acceptProposedAction()
            n = len(urls)
            self.drop_overlay.show_for(f"Drop to add {n} file{'s' * (n != 1)} or folder{'s' * (n != 1)}")
        else:
            event.ignore()

    def dragLeaveEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.drop_overlay.hide()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        self.drop_overlay.hide()
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            # Loading after the drop returns keeps the drag source (a file manager) responsive.
            QTimer.singleShot(0, lambda: self.add_paths(paths))
