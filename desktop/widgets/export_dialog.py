"""The "Export chart" dialog: file, format, size in pixels and sharpness, with the last choices as defaults."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSpinBox, QVBoxLayout, QWidget,
)

FORMATS = (("png", "PNG image"), ("svg", "SVG drawing"), ("pdf", "PDF document"))
SCALES = ((1.0, "1\u00d7"), (2.0, "2\u00d7 (sharp on paper and high-DPI screens)"), (3.0, "3\u00d7"))
NOTES = {
    "png": "One image; a chart taller than the page shows its first part (the caption says which).",
    "svg": "One page, as a vector drawing.",
    "pdf": "Vector pages; lanes, rows or strips that do not fit one page continue on the next.",
}


class ExportDialog(QDialog):
    """Asks where and how big; `choice()` gives (path, width, height, scale)."""

    def __init__(self, path: Path, width: int = 1600, height: int = 1000, scale: float = 2.0, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Export chart")
        self.path_edit = QLineEdit(str(path))
        browse = QPushButton("Browse\u2026")
        browse.clicked.connect(self._browse)
        where = QWidget()
        row = QHBoxLayout(where)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.format_box = QComboBox()
        for key, label in FORMATS:
            self.format_box.addItem(label, key)
        self.width_spin, self.height_spin = QSpinBox(), QSpinBox()
        for spin, value in ((self.width_spin, width), (self.height_spin, height)):
            spin.setRange(200, 12000)
            spin.setSingleStep(100)
            spin.setSuffix(" px")
            spin.setValue(int(value))
        size = QWidget()
        row = QHBoxLayout(size)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.width_spin)
        row.addWidget(QLabel("\u00d7"))
        row.addWidget(self.height_spin)
        row.addStretch(1)
        self.scale_box = QComboBox()
        for value, label in SCALES:
            self.scale_box.addItem(label, value)
        self.scale_box.setCurrentIndex(max(0, self.scale_box.findData(float(scale))))
        self.scale_box.setToolTip("The chart is laid out at the size divided by this, and drawn this many times "
                                  "sharper: 1600 \u00d7 1000 at 2\u00d7 is an 800 \u00d7 500 chart with large, crisp text")
        self.note = QLabel("")
        self.note.setWordWrap(True)
        self.note.setEnabled(False)
        form = QFormLayout()
        form.addRow("File:", where)
        form.addRow("Format:", self.format_box)
        form.addRow("Size:", size)
        form.addRow("Sharpness:", self.scale_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.format_box.currentIndexChanged.connect(self._on_format_chosen)
        self.path_edit.textEdited.connect(self._on_path_typed)
        self._on_path_typed(self.path_edit.text())
        self.resize(560, self.sizeHint().height())

    def _on_path_typed(self, text: str) -> None:
        suffix = Path(text).suffix.lower().lstrip(".")
        index = self.format_box.findData(suffix)
        if index >= 0:
            self.format_box.blockSignals(True)
            self.format_box.setCurrentIndex(index)
            self.format_box.blockSignals(False)
        self._update_note()

    def _on_format_chosen(self, _index: int) -> None:
        path = Path(self.path_edit.text() or "chart")
        self.path_edit.setText(str(path.with_suffix("." + self.format_box.currentData())))
        self._update_note()

    def _update_note(self) -> None:
        self.note.setText(NOTES[self.format_box.currentData()])

    def _browse(self) -> None:
        key = self.format_box.currentData()
        label = dict(FORMATS)[key]
        path, _ = QFileDialog.getSaveFileName(self, "Export chart", self.path_edit.text(), f"{label} (*.{key})")
        if path:
            self.path_edit.setText(path)
            self._on_path_typed(path)

    def choice(self) -> tuple[Path, int, int, float]:
        path = Path(self.path_edit.text().strip() or "chart")
        key = self.format_box.currentData()
        if path.suffix.lower() != f".{key}":
            path = path.with_suffix(f".{key}")
        return path, self.width_spin.value(), self.height_spin.value(), float(self.scale_box.currentData())
