"""The evidence list: the sentences behind the selected items, with next/previous and stance/date corrections."""
from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMenu, QStyle, QStyledItemDelegate,
    QStyleOptionViewItem, QToolButton, QVBoxLayout, QWidget,
)

from desktop.widgets.theme import accent

# Support blue and oppose red, as in the matrix's diverging colours.
TONE_HUES = {"support": 215, "oppose": 0, "event": 30}
MAX_ENTRIES = 300

ITEM_ROLE = Qt.ItemDataRole.UserRole  # (item ids, article id, sentence index)
LABELS_ROLE = Qt.ItemDataRole.UserRole + 1  # [(label, tone)] with tone support/oppose/neutral/event
TITLE_ROLE = Qt.ItemDataRole.UserRole + 2  # the article title, when entries come from several articles


class EvidenceDelegate(QStyledItemDelegate):
    """Draws an entry as coloured bold labels over the wrapped sentence (rich text from palette colours)."""

    PAD = 6

    def _document(self, option, index, width: float) -> QTextDocument:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pal = option.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text = pal.color(text_role).name()
        lines = []
        for label, tone in index.data(LABELS_ROLE) or ():
            hue = TONE_HUES.get(tone)
            color = text if selected or hue is None else accent(hue, pal).name()
            lines.append(f'<div style="color:{color}; font-weight:600">{html.escape(label)}</div>')
        lines.append(f'<div style="color:{text}">{html.escape(index.data(Qt.ItemDataRole.DisplayRole) or "")}</div>')
        title = index.data(TITLE_ROLE)
        if title:
            muted = text if selected else pal.color(QPalette.ColorRole.PlaceholderText).name()
            lines.append(f'<div style="color:{muted}; font-size:small">\u2014 {html.escape(title)}</div>')
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(0)
        doc.setHtml("".join(lines))
        doc.setTextWidth(max(40.0, width))
        return doc

    def _width(self, option) -> float:
        view = self.parent()
        width = view.viewport().width() if view is not None else option.rect.width()
        return width - 2 * self.PAD

    def paint(self, painter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(option, index, option.rect.width() - 2 * self.PAD)
        painter.save()
        painter.translate(option.rect.left() + self.PAD, option.rect.top() + self.PAD)
        doc.drawContents(painter)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 (Qt API)
        doc = self._document(option, index, self._width(option))
        return QSize(int(doc.idealWidth()) + 2 * self.PAD, int(doc.size().height()) + 2 * self.PAD)


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
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setItemDelegate(EvidenceDelegate(self.list))
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._on_context_menu)
        self.list.currentRowChanged.connect(self._on_current_row_changed)
        self.list.itemClicked.connect(self._on_item_clicked)
        self.previous_action = QAction("&Previous evidence", self)
        # F8 / Shift+F8 belong to the window's View menu: the same keys here made them ambiguous
        self.previous_action.setShortcut(QKeySequence("Alt+Up"))
        self.previous_action.triggered.connect(lambda: self.step(-1))
        self.next_action = QAction("&Next evidence", self)
        self.next_action.setShortcut(QKeySequence("Alt+Down"))
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
        """One entry per sentence: the labels of every selected item in it, then the sentence."""
        from core.analysis import split_id

        items = self.state.items
        statements = [i for i in items if split_id(i)[1] == "s"]
        events = [i for i in items if split_id(i)[1] == "e"]
        table = self.analysis.evidence(statements, events) if items and len(self.analysis) else None
        groups: dict[tuple[str, int], dict] = {}
        for row in (table.itertuples(index=False) if table is not None else ()):
            key = (row.article_id, int(row.sentence_index))
            group = groups.setdefault(key, {"ids": [], "labels": [], "sentence": row.sentence.strip(),
                                            "title": row.title})
            group["ids"].append(row.item_id)
            group["labels"].append((row.label, self._tone(row)))
        show_titles = len({a for a, _ in groups}) > 1
        shown = dict(list(groups.items())[:MAX_ENTRIES])  # thousands of rich-text rows would crawl
        self.list.blockSignals(True)
        try:
            self.list.clear()
            for (article_id, index), group in shown.items():
                item = QListWidgetItem(group["sentence"])
                item.setData(ITEM_ROLE, (tuple(group["ids"]), article_id, index))
                item.setData(LABELS_ROLE, group["labels"])
                item.setData(TITLE_ROLE, group["title"] if show_titles else "")
                labels = "\n".join(label for label, _ in group["labels"])
                item.setToolTip(f"{labels}\n\n{group['title']}\n\nRight-click to correct.")
                self.list.addItem(item)
            n = len(groups)
            if not items:
                self.header.setText("Evidence \u2014 click a matrix cell, a timeline point or search")
            else:
                text = f"Evidence: {n} sentence{'s' * (n != 1)}, {len(table)} item{'s' * (len(table) != 1)}"
                if n > len(shown):
                    text += f" (showing the first {len(shown)})"
                self.header.setText(text)
            self._select_sentence(self.state.sentence)
        finally:
            self.list.blockSignals(False)
        for button in self.buttons:
            button.setEnabled(self.list.count() > 1)
        if select_first and self.list.count() and self.list.currentRow() < 0:
            self.list.setCurrentRow(0)

    @staticmethod
    def _tone(row) -> str:
        if row.kind != "statement":
            return "event"
        for polarity in ("support", "oppose"):
            if row.label.endswith(polarity) or f"\u2014 {polarity}" in row.label:
                return polarity
        return "neutral"

    def _select_sentence(self, value) -> None:
        for i in range(self.list.count()):
            data = self.list.item(i).data(ITEM_ROLE)
            if value is not None and (data[1], data[2]) == tuple(value):
                self.list.setCurrentRow(i)
                return
        self.list.setCurrentRow(-1)

    def _on_sentence_changed(self, value) -> None:
        self.list.blockSignals(True)
        try:
            current = self.list.currentItem()
            if current is None or value is None or (current.data(ITEM_ROLE)[1:] != tuple(value)):
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
        _item_ids, article_id, sentence_index = item.data(ITEM_ROLE)
        self.state.set_sentence(article_id, sentence_index)

    def step(self, delta: int) -> None:
        count = self.list.count()
        if count:
            row = self.list.currentRow()
            self.list.setCurrentRow((row + delta) % count if row >= 0 else 0)

    def entries(self) -> list[tuple[tuple[str, ...], str, int]]:
        """(item ids, article id, sentence index) of each entry, top to bottom."""
        return [self.list.item(i).data(ITEM_ROLE) for i in range(self.list.count())]

    # ---- corrections -----------------------------------------------------------------------------
    def _on_context_menu(self, pos) -> None:
        item = self.list.itemAt(pos)
        if item is None:
            return
        menu = self.correction_menu(item.data(ITEM_ROLE))
        menu.exec(self.list.viewport().mapToGlobal(pos))

    def correction_menu(self, data) -> QMenu:
        """Corrections for every item in the entry (a submenu each when the sentence holds several)."""
        from desktop.panes.correction_menu import correction_menu

        item_ids = data[0]
        return correction_menu(self, self.analysis, item_ids, self._labels_for(item_ids))

    def _labels_for(self, item_ids) -> list[str]:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(ITEM_ROLE)[0] == tuple(item_ids):
                return [label for label, _ in item.data(LABELS_ROLE)]
        return list(item_ids)
