"""A non-modal info bar: a message, an optional action button and a close button, coloured from the palette."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from PySide6.QtGui import QPalette

from desktop.widgets.theme import banner_colors, palette

ICONS = {"info": "\u2139", "warning": "\u26a0", "error": "\u2716"}


class Banner(QFrame):
    """Shows one message at a time; `show_message` replaces it, the close button hides it."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None, kind: str = "info"):
        super().__init__(parent)
        self.setObjectName("banner")
        self.kind = kind
        self._callback: Callable[[], None] | None = None
        self.icon = QLabel(ICONS.get(kind, ""), self)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action_button = QPushButton(self)
        self.action_button.hide()
        self.action_button.clicked.connect(self._on_action)
        close = QToolButton(self)
        close.setText("\u2715")
        close.setAutoRaise(True)
        close.setToolTip("Dismiss")
        close.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self._apply_colors()

    def _apply_colors(self) -> None:
        # The app palette, not self.palette(): a style sheet changes the widget's own palette.
        background, border = banner_colors(self.kind)
        text = palette().color(QPalette.ColorRole.WindowText).name()
        self.setStyleSheet(
            f"QFrame#banner {{ background: {background.name()}; border: 1px solid {border.name()};"
            f" border-radius: 4px; }} QFrame#banner QLabel {{ color: {text}; }}"
        )

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.ApplicationPaletteChange:
            self._apply_colors()
        super().changeEvent(event)

    @property
    def text(self) -> str:
        return self.label.text()

    def show_message(self, text: str, action: str | None = None,
                     callback: Callable[[], None] | None = None, kind: str | None = None) -> None:
        if kind and kind != self.kind:
            self.kind = kind
            self.icon.setText(ICONS.get(kind, ""))
            self._apply_colors()
        self.label.setText(text)
        self._callback = callback
        self.action_button.setVisible(bool(action and callback))
        if action:
            self.action_button.setText(action)
        self.show()

    def dismiss(self) -> None:
        self.hide()
        self.closed.emit()

    def _on_action(self) -> None:
        if self._callback is not None:
            self._callback()
