"""The issues table: what the corpus's statements are about, found in the corpus; rename, merge and split issues."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop.widgets.columns import fit_columns
from desktop.widgets.filtered_table import filtered_table, selected_source_rows

LABEL, STATEMENTS, SOURCES, MERGED = range(4)
HEADERS = ("Issue", "Statements", "Speakers", "Merged from")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class IssueRow:
    issue_id: str
    label: str
    n_statements: int
    n_sources: int
    merged_from: str
    renamed: bool


def rows_for(analysis) -> list[IssueRow]:
    if not len(analysis):
        return []
    return [IssueRow(r.issue_id, r.label, int(r.n_statements), int(r.n_sources), r.merged_from, bool(r.renamed))
            for r in analysis.issues_table().itertuples(index=False)]


class IssueTableModel(QAbstractTableModel):
    """Rows of `IssueRow`; the label is editable (`renamed`)."""

    renamed = Signal(str, object)  # issue id, new label | None to restore

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[IssueRow] = []

    def set_rows(self, rows: list[IssueRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> IssueRow:
        return self._rows[index]

    def row_of(self, issue_id: str | None) -> int:
        return next((i for i, r in enumerate(self._rows) if r.issue_id == issue_id), -1)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole and section == LABEL:
            return "What statements are about, grouped by their key word; double-click to rename."
        return None

    def flags(self, index: QModelIndex):
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == LABEL else base

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = self._rows[index.row()], index.column()
        values = (row.label, row.n_statements, row.n_sources, row.merged_from)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return values[col]
        if role == Qt.ItemDataRole.UserRole:
            return row.issue_id
        if role == SORT_ROLE:
            value = values[col]
            return value.casefold() if isinstance(value, str) else value
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{row.label}: {row.n_statements} statements by {row.n_sources} speakers (key \u201c{row.issue_id}\u201d)"
            if row.merged_from:
                tip += f"\nmerged from {row.merged_from}"
            return tip + ("\nrenamed by you" if row.renamed else "")
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (STATEMENTS, SOURCES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if index.column() != LABEL or role != Qt.ItemDataRole.EditRole:
            return False
        row = self._rows[index.row()]
        label = str(value or "").strip()
        if label and label != row.label:
            self.renamed.emit(row.issue_id, label)
            return True
        return False


class IssuePanel(QWidget):
    """The issues table bound to the analysis; selecting an issue shows its statements as evidence."""

    def __init__(self, analysis, state, parent: QWidget | None = None):
        super().__init__(parent)
        self.analysis, self.state = analysis, state
        self.model = IssueTableModel(self)
        self.table, self.proxy, self.filter = filtered_table(self, self.model, LABEL, "Filter issues\u2026", SORT_ROLE)
        fit_columns(self.table, {STATEMENTS: "9999", SOURCES: "999", MERGED: "several-issues"}, stretch=LABEL)
        self.table.setColumnHidden(MERGED, True)

        # F2 is the table's own edit key (the actors' Rename action owns the F2 shortcut)
        self.rename_action = QAction("Re&name\u2026", self)
        self.rename_action.triggered.connect(self.rename_selected)
        self.merge_action = QAction("&Merge selected", self)
        self.merge_action.triggered.connect(self.merge_selected)
        self.split_action = QAction("&Split merged", self)
        self.split_action.triggered.connect(self.split_selected)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for action in (self.rename_action, self.merge_action, self.split_action):
            self.table.addAction(action)
            button = QPushButton(action.text().replace("&", "").rstrip("\u2026"), self)
            button.setToolTip(action.text().replace("&", ""))
            button.clicked.connect(action.trigger)
            buttons.addWidget(button)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.model.renamed.connect(self.analysis.rename_issue)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self._stale = False
        analysis.subscribe(lambda _reason: self._on_analysis_changed())
        self.refresh()

    def _on_analysis_changed(self) -> None:
        window = self.window()
        if window is not self and not self.isVisibleTo(window):
            self._stale = True  # a hidden tab catches up when shown
        else:
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        self.model.set_rows(rows_for(self.analysis))
        self._update_actions()

    def selected_ids(self) -> list[str]:
        return [self.model.row(r).issue_id for r in selected_source_rows(self.table, self.proxy)]

    def _update_actions(self) -> None:
        ids = self.selected_ids()
        self.rename_action.setEnabled(len(ids) == 1)
        self.merge_action.setEnabled(len(ids) >= 2)
        self.split_action.setEnabled(any(self.model.row(self.model.row_of(i)).merged_from for i in ids))

    def rename_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.table.edit(self.proxy.mapFromSource(self.model.index(self.model.row_of(ids[0]), LABEL)))

    def merge_selected(self, into: str | None = None) -> None:
        """Merge the selected issues into `into`, else ask which (the most discussed first)."""
        ids = self.selected_ids()
        if len(ids) < 2:
            return
        if into is None:
            from desktop.widgets.dialogs import ask_choice

            rows = sorted((self.model.row(self.model.row_of(i)) for i in ids), key=lambda r: -r.n_statements)
            choice = ask_choice(self, "Merge issues", f"Merge {len(ids)} issues into:", [r.label for r in rows])
            if choice is None:
                return
            into = rows[choice].issue_id
        self.analysis.merge_issues(ids, into)

    def split_selected(self) -> None:
        for issue_id in self.selected_ids():
            if self.model.row(self.model.row_of(issue_id)).merged_from:
                self.analysis.split_issue(issue_id)
                return

    def _on_selection_changed(self, *_) -> None:
        self._update_actions()
        ids = set(self.selected_ids())
        if ids:
            table = self.analysis.statements_table()
            self.state.set_items(tuple(table.loc[table["issue_id"].isin(ids), "statement_id"]))
