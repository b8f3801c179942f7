"""The evidence list: the sentences behind the selected items, with next/previous and stance/date corrections."""
from __future__ import annotations

import html

import pandas as pd
from PySide6.QtCore import QAbstractListModel, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication, QHBoxLayout, QLabel, QListView, QMenu, QStyle, QStyledItemDelegate,
    QStyleOptionViewItem, QToolButton, QVBoxLayout, QWidget,
)

from desktop.widgets.theme import accent

# Support blue and oppose red, as in the matrix's diverging colours.
TONE_HUES = {"support": 215, "oppose": 0, "event": 30}
# A virtual model draws only the rows in view; the cap keeps the scroll bar meaningful and the
# batched layout (row heights of wrapped rich text) short when a cell holds thousands of sentences.
MAX_ENTRIES = 2000

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


class EvidenceModel(QAbstractListModel):
    """One row per sentence: (item ids, article id, sentence index, sentence, labels, title, tooltip).

    A model, not a widget per row: the view asks for the rows it shows, so 2,000 entries cost what
    the dozen on screen cost."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple] = []
        self._by_sentence: dict[tuple[str, int], int] = {}

    def set_rows(self, rows: list[tuple]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._by_sentence = {(r[1], r[2]): i for i, r in enumerate(rows)}
        self.endResetModel()

    def entries(self) -> list[tuple[tuple[str, ...], str, int]]:
        return [r[:3] for r in self._rows]

    def row_of_sentence(self, value) -> int:
        return self._by_sentence.get(tuple(value), -1)

    def row_of_items(self, item_ids: tuple) -> int:
        return next((i for i, r in enumerate(self._rows) if r[0] == item_ids), -1)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        ids, article_id, sentence_index, sentence, labels, title, tip = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return sentence
        if role == ITEM_ROLE:
            return (ids, article_id, sentence_index)
        if role == LABELS_ROLE:
            return labels
        if role == TITLE_ROLE:
            return title
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip
        return None


class _EvidenceView(QListView):
    """A list view with the few QListWidget calls the pane and its tests use (rows, not items)."""

    def count(self) -> int:
        return self.model().rowCount()

    def item(self, row: int) -> QModelIndex:
        """The row's index: `.data(role)` reads it as a QListWidgetItem's would."""
        return self.model().index(row, 0)

    def currentRow(self) -> int:  # noqa: N802 (QListWidget's name)
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def setCurrentRow(self, row: int) -> None:  # noqa: N802
        self.setCurrentIndex(self.model().index(row, 0) if row >= 0 else QModelIndex())

    def visualItemRect(self, index: QModelIndex):  # noqa: N802
        return self.visualRect(index)


class EvidenceList(QWidget):
    """Shows `analysis.evidence(state.items)`; choosing an entry selects its sentence in the state."""

    message = Signal(str)  # a user-facing note (e.g. a refused date)

    def __init__(self, analysis, state, parent: QWidget | None = None):
        super().__init__(parent)
        self.analysis, self.state = analysis, state
        self.header = QLabel("Evidence", self)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)
        self.model = EvidenceModel(self)
        self.list = _EvidenceView(self)
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setUniformItemSizes(False)
        self.list.setAcceptDrops(False)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        # rows are measured (wrapped rich text) a batch at a time, between events, not all at once
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(100)
        self.list.setItemDelegate(EvidenceDelegate(self.list))
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._on_context_menu)
        self.list.selectionModel().currentChanged.connect(self._on_current_changed)
        self.list.clicked.connect(self._on_item_clicked)
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
        # a bound method, not a lambda: the connection ends with this list when a project replaces the
        # workspace (a lambda kept calling the deleted list, which then failed on the new selection)
        state.items_changed.connect(self._on_items_changed)
        state.sentence_changed.connect(self._on_sentence_changed)
        analysis.subscribe(lambda _reason: self.refresh(select_first=False))
        self.refresh(select_first=False)

    # ---- state -> view -------------------------------------------------------------------------
    def _on_items_changed(self, _items) -> None:
        self.refresh(select_first=True)

    def refresh(self, select_first: bool = False) -> None:
        """One entry per sentence: the labels of every selected item in it, then the sentence."""
        from core.analysis import item_kind

        items = self.state.items
        kinds = [item_kind(i) for i in items]
        statements = [i for i, k in zip(items, kinds) if k == "statement"]
        events = [i for i, k in zip(items, kinds) if k == "event"]
        counts = None
        if items and len(self.analysis) and len(items) > MAX_ENTRIES:
            statements, events, counts = self._first_sentences(statements, events)
        table = self.analysis.evidence(statements, events) if items and len(self.analysis) else None
        groups: dict[tuple[str, int], dict] = {}
        for row in (table.itertuples(index=False) if table is not None else ()):
            key = (row.article_id, int(row.sentence_index))
            group = groups.setdefault(key, {"ids": [], "labels": [], "sentence": row.sentence.strip(),
                                            "title": row.title})
            group["ids"].append(row.item_id)
            group["labels"].append((row.label, self._tone(row)))
        show_titles = len({a for a, _ in groups}) > 1
        shown = list(groups.items())[:MAX_ENTRIES]
        rows = []
        for (article_id, index), group in shown:
            labels_text = "\n".join(label for label, _ in group["labels"])
            rows.append((tuple(group["ids"]), article_id, index, group["sentence"], group["labels"],
                         group["title"] if show_titles else "",
                         f"{labels_text}\n\n{group['title']}\n\nRight-click to correct."))
        self.list.blockSignals(True)
        self.list.selectionModel().blockSignals(True)
        try:
            self.model.set_rows(rows)
            n, found = counts if counts is not None else (len(groups), len(table) if table is not None else 0)
            if not items:
                self.header.setText("Evidence \u2014 click a matrix cell, a timeline point or search")
            else:
                text = f"Evidence: {n} sentence{'s' * (n != 1)}, {found} item{'s' * (found != 1)}"
                if n > len(shown):
                    text += f" (showing the first {len(shown)})"
                self.header.setText(text)
            self._select_sentence(self.state.sentence)
        finally:
            self.list.blockSignals(False)
            self.list.selectionModel().blockSignals(False)
        for button in self.buttons:
            button.setEnabled(self.list.count() > 1)
        if select_first and self.list.count() and self.list.currentRow() < 0:
            self.list.setCurrentRow(0)

    def _first_sentences(self, statements: list[str], events: list[str]) -> tuple[list[str], list[str], tuple[int, int]]:
        """The items of the first MAX_ENTRIES sentences (in the evidence's order: article, sentence),
        and the counts of all: a search can select 100,000 items, and building every evidence row
        for a list that shows 2,000 took seconds after each correction."""
        places = self.analysis.item_places(statements, events)
        keys = places[["article_id", "sentence_index"]].drop_duplicates().sort_values(
            ["article_id", "sentence_index"], kind="stable")
        first = pd.MultiIndex.from_arrays([keys["article_id"].head(MAX_ENTRIES), keys["sentence_index"].head(MAX_ENTRIES)])
        inside = pd.MultiIndex.from_arrays([places["article_id"], places["sentence_index"]]).isin(first)
        kept = set(places["item_id"].to_numpy()[inside].tolist())
        return ([i for i in statements if i in kept], [i for i in events if i in kept], (len(keys), len(places)))

    @staticmethod
    def _tone(row) -> str:
        if row.kind != "statement":
            return "event"
        for polarity in ("support", "oppose"):
            if row.label.endswith(polarity) or f"\u2014 {polarity}" in row.label:
                return polarity
        return "neutral"

    def _select_sentence(self, value) -> None:
        row = self.model.row_of_sentence(value) if value is not None else -1
        self.list.setCurrentRow(row)

    def _on_sentence_changed(self, value) -> None:
        self.list.selectionModel().blockSignals(True)
        try:
            current = self.list.currentIndex()
            if not current.isValid() or value is None or (current.data(ITEM_ROLE)[1:] != tuple(value)):
                self._select_sentence(value)
        finally:
            self.list.selectionModel().blockSignals(False)

    # ---- view -> state -------------------------------------------------------------------------
    def _on_current_changed(self, current: QModelIndex, _previous=None) -> None:
        if current.isValid():
            self._choose(current)

    def _on_item_clicked(self, index: QModelIndex) -> None:
        self._choose(index)

    def _choose(self, index: QModelIndex) -> None:
        _item_ids, article_id, sentence_index = index.data(ITEM_ROLE)
        self.state.set_sentence(article_id, sentence_index)

    def step(self, delta: int) -> None:
        count = self.list.count()
        if count:
            row = self.list.currentRow()
            self.list.setCurrentRow((row + delta) % count if row >= 0 else 0)

    def entries(self) -> list[tuple[tuple[str, ...], str, int]]:
        """(item ids, article id, sentence index) of each entry, top to bottom."""
        return self.model.entries()

    # ---- corrections -----------------------------------------------------------------------------
    def _on_context_menu(self, pos) -> None:
        index = self.list.indexAt(pos)
        if not index.isValid():
            return
        menu = self.correction_menu(index.data(ITEM_ROLE))
        menu.exec(self.list.viewport().mapToGlobal(pos))

    def correction_menu(self, data) -> QMenu:
        """Corrections for every item in the entry (a submenu each when the sentence holds several)."""
        from desktop.panes.correction_menu import correction_menu

        item_ids = data[0]
        return correction_menu(self, self.analysis, item_ids, self._labels_for(item_ids))

    def _labels_for(self, item_ids) -> list[str]:
        row = self.model.row_of_items(tuple(item_ids))
        if row >= 0:
            return [label for label, _ in self.model.index(row, 0).data(LABELS_ROLE)]
        return list(item_ids)
