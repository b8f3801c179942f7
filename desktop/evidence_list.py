"""The evidence list: the sentences behind the selected items, with next/previous and stance/date corrections."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMenu, QToolButton, QVBoxLayout, QWidget,
)

ITEM_ROLE = Qt.ItemDataRole.UserRole  # (item id, kind, article id, sentence index)
POLARITY_ACTIONS = (
    ("Mark as &support", "support"), ("Mark as &oppose", "oppose"), ("Mark as &neutral", "neutral"),
    ("&Reject: not a stance", "rejected"), ("Restore &detected stance", None),
)


class EvidenceList(QWidget):
    """Shows `analysis.evidence(state.items)`; choosing an entry selects its sentence in the state."""

    message = Signal(str)  # a user-facing note (e.g. a refused date)

    def __init__(self, analysis, state, parent: QWidget | None = None):
        super().__init__(parent)
        self.analysis, self.state = analysis, state
        self.header = QLabel("Evidence", self)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setUniformItemSizes(False)
        self.list.setAcceptDrops(False)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._on_context_menu)
        self.list.currentRowChanged.connect(self._on_current_row_changed)
        self.list.itemClicked.connect(self._on_item_clicked)
        self.previous_action = QAction("&Previous evidence", self)
        self.previous_action.setShortcuts([QKeySequence("Shift+F8"), QKeySequence("Alt+Up")])
        self.previous_action.triggered.connect(lambda: self.step(-1))
        self.next_action = QAction("&Next evidence", self)
        self.next_action.setShortcuts([QKeySequence("F8"), QKeySequence("Alt+Down")])
        self.next_action.triggered.connect(lambda: self.step(1))
        header = QHBoxLayout()
        header.addWidget(self.header, 1)
        self.buttons = []
        for action, arrow in ((self.previous_action, Qt.ArrowType.UpArrow), (self.next_action, Qt.ArrowType.DownArrow)):
            button = QToolButton(self)
            button.setArrowType(arrow)
            button.setAutoRaise(True)
            button.clicked.connect(action.trigger)
            button.setToolTip(f"{action.text().replace('&', '')} ({action.shortcut().toString()})")
            self.addAction(action)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.buttons.append(button)
            header.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self.list, 1)
        state.items_changed.connect(lambda _items: self.refresh(select_first=True))
        state.sentence_changed.connect(self._on_sentence_changed)
        analysis.subscribe(lambda _reason: self.refresh(select_first=False))
        self.refresh(select_first=False)

    # ---- state -> view -------------------------------------------------------------------------
    def refresh(self, select_first: bool = False) -> None:
        from core.analysis import split_id

        items = self.state.items
        statements = [i for i in items if split_id(i)[1] == "s"]
        events = [i for i in items if split_id(i)[1] == "e"]
        table = self.analysis.evidence(statements, events) if items and len(self.analysis) else None
        current = self.state.sentence
        self.list.blockSignals(True)
        try:
            self.list.clear()
            rows = list(table.itertuples(index=False)) if table is not None else []
            for row in rows:
                text = f"{row.label}\n{row.sentence.strip()}"
                if len(self.analysis) > 1 or len({r.article_id for r in rows}) > 1:
                    text += f"\n\u2014 {row.title}"
                item = QListWidgetItem(text)
                item.setData(ITEM_ROLE, (row.item_id, row.kind, row.article_id, int(row.sentence_index)))
                item.setToolTip(f"{row.label}\n\n{row.sentence.strip()}\n\nRight-click to correct.")
                self.list.addItem(item)
            n = len(rows)
            if not items:
                self.header.setText("Evidence \u2014 click a matrix cell, a timeline point or search")
            else:
                self.header.setText(f"Evidence: {n} sentence{'s' * (n != 1)}")
            self._select_sentence(current)
        finally:
            self.list.blockSignals(False)
        for button in self.buttons:
            button.setEnabled(self.list.count() > 1)
        if select_first and self.list.count() and self.list.currentRow() < 0:
            self.list.setCurrentRow(0)

    def _select_sentence(self, value) -> None:
        for i in range(self.list.count()):
            data = self.list.item(i).data(ITEM_ROLE)
            if value is not None and (data[2], data[3]) == tuple(value):
                self.list.setCurrentRow(i)
                return
        self.list.setCurrentRow(-1)

    def _on_sentence_changed(self, value) -> None:
        self.list.blockSignals(True)
        try:
            current = self.list.currentItem()
            if current is None or value is None or (current.data(ITEM_ROLE)[2:] != tuple(value)):
                self._select_sentence(value)
        finally:
            self.list.blockSignals(False)

    # ---- view -> state -------------------------------------------------------------------------
    def _on_current_row_changed(self, row: int) -> None:
        if row >= 0:
            self._choose(self.list.item(row))

    def _on_item_clicked(self, item: QListWidgetItem) -> None:
        self._choose(item)

    def _choose(self, item: QListWidgetItem) -> None:
        _item_id, _kind, article_id, sentence_index = item.data(ITEM_ROLE)
        self.state.set_sentence(article_id, sentence_index)

    def step(self, delta: int) -> None:
        count = self.list.count()
        if count:
            row = self.list.currentRow()
            self.list.setCurrentRow((row + delta) % count if row >= 0 else 0)

    def entries(self) -> list[tuple[str, str, str, int]]:
        return [self.list.item(i).data(ITEM_ROLE) for i in range(self.list.count())]

    # ---- corrections -----------------------------------------------------------------------------
    def _on_context_menu(self, pos) -> None:
        item = self.list.itemAt(pos)
        if item is None:
            return
        menu = self.correction_menu(item.data(ITEM_ROLE))
        menu.exec(self.list.viewport().mapToGlobal(pos))

    def correction_menu(self, data) -> QMenu:
        item_id, kind, _aid, _index = data
        menu = QMenu(self)
        if kind == "statement":
            for text, polarity in POLARITY_ACTIONS:
                action = menu.addAction(text)
                action.triggered.connect(lambda _=False, p=polarity: self.analysis.set_polarity(item_id, p))
        else:
            menu.addAction("This date is &wrong (treat as undated)").triggered.connect(
                lambda: self.analysis.set_event_date(item_id, None, wrong=True))
            menu.addAction("&Set the right date\u2026").triggered.connect(lambda: self.ask_event_date(item_id))
            menu.addAction("Restore &detected date").triggered.connect(
                lambda: self.analysis.set_event_date(item_id, None))
        return menu

    def ask_event_date(self, event_id: str) -> None:
        from desktop.dialogs import ask_date

        day = ask_date(self, "Event date", "The right date of this event (YYYY-MM-DD):")
        if day is not None:
            self.analysis.set_event_date(event_id, day)

