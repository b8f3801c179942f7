"""A row of buttons for actions that shows their names while they fit, and icons with tooltips when not."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QToolButton, QWidget

SPACING = 4


def action_icon(name: str) -> QIcon:
    """An icon from resources/icons/actions/<name>.svg (an empty icon if it is missing)."""
    from core.resources import resource_path

    path = resource_path("icons", "actions", f"{name}.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()


class CompactButtons(QWidget):
    """Tool buttons for `actions` (each with its icon), right-aligned.

    Squeezed narrower than the buttons with their names need ("rge select", "lide / show" in a
    200-pixel pane), the row drops the names and keeps the icons; the tooltip always names the action
    and its key.
    """

    def __init__(self, actions, parent: QWidget | None = None):
        super().__init__(parent)
        self.buttons: list[QToolButton] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING)
        layout.addStretch(1)
        for action in actions:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setAutoRaise(False)
            button.setIconSize(QSize(16, 16))
            self._set_tip(button)
            action.changed.connect(lambda b=button: self._set_tip(b))
            layout.addWidget(button)
            self.buttons.append(button)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._widths: dict[Qt.ToolButtonStyle, int] = {}
        self._measure()
        self._apply(self.width() or self._widths[Qt.ToolButtonStyle.ToolButtonTextBesideIcon])

    @staticmethod
    def _set_tip(button: QToolButton) -> None:
        action = button.defaultAction()
        name = action.text().replace("&", "").rstrip("\u2026")
        keys = action.shortcut().toString()
        tip = action.statusTip() or action.toolTip()
        tip = tip if tip and tip.replace("&", "").rstrip("\u2026") != name else ""
        button.setToolTip(f"{name}{f' ({keys})' if keys else ''}{f': {tip}' if tip else ''}")

    def _measure(self) -> None:
        """Width the row needs with names and with icons only."""
        for style in (Qt.ToolButtonStyle.ToolButtonTextBesideIcon, Qt.ToolButtonStyle.ToolButtonIconOnly):
            total = 0
            for button in self.buttons:
                button.setToolButtonStyle(style)
                total += button.sizeHint().width() + SPACING
            self._widths[style] = total

    @property
    def compact(self) -> bool:
        return bool(self.buttons) and self.buttons[0].toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly

    def _apply(self, width: int) -> None:
        with_text = Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        style = with_text if width >= self._widths[with_text] else Qt.ToolButtonStyle.ToolButtonIconOnly
        for button in self.buttons:
            if button.toolButtonStyle() != style:
                button.setToolButtonStyle(style)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(self._widths[Qt.ToolButtonStyle.ToolButtonTextBesideIcon], super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(self._widths[Qt.ToolButtonStyle.ToolButtonIconOnly], super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._apply(event.size().width())

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._measure()
            self._apply(self.width())
