"""A small dialog to tick some items of a long list (actors to give a lane), with a filter box."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout,
)


class PickDialog(QDialog):
    """Items as (key, label, count), most relevant first; `chosen()` gives the ticked keys in list order."""

    def __init__(self, title: str, prompt: str, items, chosen=(), parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        wanted = set(chosen)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter\u2026")
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setUniformItemSizes(True)
        for key, label, count in items:
            item = QListWidgetItem(f"{label}  ({count})")
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in wanted else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        clear = QPushButton("Untick all")
        buttons.addButton(clear, QDialogButtonBox.ButtonRole.ResetRole)
        clear.clicked.connect(lambda: self.set_chosen(()))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.filter.textChanged.connect(self._on_filter)
        layout = QVBoxLayout(self)
        note = QLabel(prompt)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(360, 460)

    def _on_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def set_chosen(self, keys) -> None:
        wanted = set(keys)
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in wanted
                               else Qt.CheckState.Unchecked)

    def chosen(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]


def pick(parent, title: str, prompt: str, items, chosen=()) -> list[str] | None:
    """Ask; the ticked keys, or None when cancelled."""
    dialog = PickDialog(title, prompt, items, chosen, parent)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
