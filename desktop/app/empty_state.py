"""The first screen ("Drop articles here", open buttons, recent projects) and the overlay shown while dragging."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class DropOverlay(QLabel):
    """A translucent cover over the window while files are dragged onto it (palette colours)."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.setFont(font)
        self.hide()

    def show_for(self, text: str) -> None:
        pal = self.parentWidget().palette()
        highlight = pal.color(QPalette.ColorRole.Highlight)
        text_color = pal.color(QPalette.ColorRole.HighlightedText).name()
        self.setStyleSheet(
            f"QLabel {{ background: rgba({highlight.red()},{highlight.green()},{highlight.blue()},170);"
            f" color: {text_color}; border: 3px dashed {text_color}; border-radius: 12px; }}"
        )
        self.setText(text)
        self.setGeometry(self.parentWidget().rect().adjusted(12, 12, -12, -12))
        self.raise_()
        self.show()


class EmptyState(QWidget):
    open_sample = Signal()
    open_files = Signal()
    open_folder = Signal()
    open_project = Signal()
    open_recent = Signal(object)  # Path

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
            "Text, Markdown, HTML, PDF, Word (.docx) or e-mail (.eml) files, or whole folders of them.\n"
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
        self.recent_box = QVBoxLayout()
        self.recent_box.setSpacing(2)
        inner.addSpacing(16)
        inner.addLayout(self.recent_box)
        inner.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(60, 40, 60, 40)
        outer.addWidget(frame)

    def set_recent(self, paths) -> None:
        """Links to recently used projects under the buttons (the ones that still exist)."""
        while self.recent_box.count():
            widget = self.recent_box.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        paths = [p for p in paths if p.exists()][:5]
        if not paths:
            return
        heading = QLabel("Recent projects")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.recent_box.addWidget(heading)
        for path in paths:
            button = QPushButton(f"{path.stem}  \u2014  {path.parent}")
            button.setFlat(True)
            button.setToolTip(str(path))
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _=False, p=path: self.open_recent.emit(p))
            self.recent_box.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
