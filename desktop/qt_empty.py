"""The first screen: "Drop articles here", with buttons to open files or the sample corpus."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    open_sample = Signal()
    open_files = Signal()
    open_folder = Signal()
    open_project = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        frame = QFrame(self)
        frame.setObjectName("dropzone")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        border = self.palette().color(QPalette.ColorRole.Mid).name()
        frame.setStyleSheet(f"QFrame#dropzone {{ border: 2px dashed {border}; border-radius: 12px; }}")
        title = QLabel("Drop articles here")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(
            "Text, Markdown or HTML files, or whole folders of them.\n"
            "Standpoint finds who says what about whom, and when, and draws it as a timeline "
            "and an actor-by-stance matrix \u2014 every point clicks through to its sentence."
        )
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.sample_button = QPushButton("Open the sample corpus")
        self.sample_button.setDefault(True)
        self.sample_button.clicked.connect(self.open_sample)
        files = QPushButton("Open files\u2026")
        files.clicked.connect(self.open_files)
        folder = QPushButton("Open folder\u2026")
        folder.clicked.connect(self.open_folder)
        project = QPushButton("Open project\u2026")
        project.clicked.connect(self.open_project)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.sample_button, files, folder, project):
            button.setMinimumHeight(32)
            buttons.addWidget(button)
        buttons.addStretch(1)
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(48, 48, 48, 48)
        inner.addStretch(1)
        inner.addWidget(title)
        inner.addSpacing(8)
        inner.addWidget(hint)
        inner.addSpacing(20)
        inner.addLayout(buttons)
        inner.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(60, 40, 60, 40)
        outer.addWidget(frame)
