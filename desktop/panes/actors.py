"""The actors table: rename inline, merge several into one, split a merge, hide an actor from the charts."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.widgets.columns import fit_columns
from desktop.widgets.compact_buttons import CompactButtons, action_icon
from desktop.widgets.filtered_table import filtered_table, select_quietly, selected_source_rows

NAME, KIND, MENTIONS, STATEMENTS, ARTICLES, MERGED = range(6)
HEADERS = ("Actor", "Kind", "Mentions", "Statements", "Articles", "Merged from")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class ActorRow:
    actor_id: str
    name: str
    kind: str
    n_mentions: int
    n_statements: int
    n_articles: int
    hidden: bool
    merged_from: str
    affiliation_name: str = ""


def rows_for(analysis) -> list[ActorRow]:
    if not len(analysis):
        return []
    return [
        ActorRow(r.actor_id, r.name, r.kind, int(r.n_mentions), int(r.n_statements), int(r.n_articles),
                 bool(r.hidden), r.merged_from, r.affiliation_name)
        for r in analysis.actors_table().itertuples(index=False)
    ]


class ActorTableModel(QAbstractTableModel):
    """Rows of `ActorRow`; the name is editable (`renamed`), the name cell's check box shows it (`hidden_toggled`)."""

    renamed = Signal(str, object)  # actor id, new name | None to restore
    hidden_toggled = Signal(str, bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[ActorRow] = []

    def set_rows(self, rows: list[ActorRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> ActorRow:
        return self._rows[index]

    def row_of(self, actor_id: str | None) -> int:
        return next((i for i, r in enumerate(self._rows) if r.actor_id == actor_id), -1)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole and section == NAME:
            return "Untick to hide an actor from every chart; double-click to rename."
        return None

    def flags(self, index: QModelIndex):
        base = super().flags(index)
        if index.column() == NAME:
            return base | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return (row.name, row.kind, row.n_mentions, row.n_statements, row.n_articles, row.merged_from)[col]
        if role == Qt.ItemDataRole.CheckStateRole and col == NAME:
            return Qt.CheckState.Unchecked if row.hidden else Qt.CheckState.Checked
        if role == Qt.ItemDataRole.UserRole:
            return row.actor_id
        if role == SORT_ROLE:
            value = (row.name, row.kind, row.n_mentions, row.n_statements, row.n_articles, row.merged_from)[col]
            return value.casefold() if isinstance(value, str) else value
        if role == Qt.ItemDataRole.ForegroundRole and row.hidden:
            return QPalette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{row.name} ({row.kind}, id {row.actor_id})"
            if row.affiliation_name:
                tip += f"\nspeaks for {row.affiliation_name}"
            if row.merged_from:
                tip += f"\nmerged from {row.merged_from}"
            return tip + ("\nhidden from the charts" if row.hidden else "")
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (MENTIONS, STATEMENTS, ARTICLES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if index.column() != NAME:
            return False
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole:
            hidden = Qt.CheckState(value) == Qt.CheckState.Unchecked
            if hidden != row.hidden:
                self.hidden_toggled.emit(row.actor_id, hidden)
            return True
        if role == Qt.ItemDataRole.EditRole:
            name = str(value or "").strip()
            if name and name != row.name:
                self.renamed.emit(row.actor_id, name)
                return True
        return False


class ActorPanel(QWidget):
    """The actors table bound to the analysis (corrections) and the state (selected actor)."""

    def __init__(self, analysis, state, parent: QWidget | None = None):
        super().__init__(parent)
        self.analysis, self.state = analysis, state
        self.model = ActorTableModel(self)
        self.table, self.proxy, self.filter = filtered_table(self, self.model, NAME, "Filter actors\u2026", SORT_ROLE)
        fit_columns(self.table, {KIND: "organisation", MENTIONS: "9999", STATEMENTS: "9999", ARTICLES: "999",
                                 MERGED: "several-actor-ids"}, stretch=NAME)
        self.table.setColumnHidden(MERGED, True)

        self.rename_action = QAction("Re&name\u2026", self)
        self.rename_action.setShortcut(QKeySequence("F2"))
        self.rename_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.rename_action.triggered.connect(self.rename_selected)
        self.merge_action = QAction("&Merge selected", self)
        # QAction.triggered passes `checked` (False): connected directly, that False became the merge
        # target, every merged actor merged into "False" and their statements vanished from the views.
        self.merge_action.triggered.connect(lambda _checked=False: self.merge_selected())
        self.split_action = QAction("&Split merged", self)
        self.split_action.triggered.connect(self.split_selected)
        self.hide_action = QAction("&Hide / show", self)
        self.hide_action.triggered.connect(self.toggle_hidden)
        # names while they fit, icons with tooltips in a narrow pane (they read "rge select" squeezed)
        for action, icon, short in ((self.rename_action, "rename", "Rename"), (self.merge_action, "merge", "Merge"),
                                    (self.split_action, "split", "Split"), (self.hide_action, "hide", "Hide / show")):
            action.setIcon(action_icon(icon))
            action.setIconText(short)
            self.table.addAction(action)
        self.buttons = CompactButtons((self.rename_action, self.merge_action, self.split_action, self.hide_action))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)

        self.model.renamed.connect(self.analysis.rename_actor)
        self.model.hidden_toggled.connect(self.analysis.hide_actor)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        state.actor_changed.connect(self._on_actor_changed)
        self._stale = False
        analysis.subscribe(lambda _reason: self._on_analysis_changed())
        self.refresh()

    def _on_analysis_changed(self) -> None:
        # behind the Articles tab most of the time: rebuilding 1,000 rows per correction can wait
        window = self.window()
        if window is not self and not self.isVisibleTo(window):
            self._stale = True
        else:
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        self.model.set_rows(rows_for(self.analysis))
        self._select(self.state.actor)
        self._update_actions()

    def selected_ids(self) -> list[str]:
        return [self.model.row(r).actor_id for r in selected_source_rows(self.table, self.proxy)]

    def _update_actions(self) -> None:
        ids = self.selected_ids()
        rows = [self.model.row(self.model.row_of(i)) for i in ids]
        self.rename_action.setEnabled(len(ids) == 1)
        self.merge_action.setEnabled(len(ids) >= 2)
        self.split_action.setEnabled(any(r.merged_from for r in rows))
        self.hide_action.setEnabled(bool(ids))

    def rename_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.table.edit(self.proxy.mapFromSource(self.model.index(self.model.row_of(ids[0]), NAME)))

    def merge_selected(self, into: str | None = None) -> None:
        """Merge the selected actors into `into`, else ask which (the most mentioned first)."""
        ids = self.selected_ids()
        if len(ids) < 2:
            return
        if into not in ids:  # only one of the selected actors can be the one that stays
            into = None
        if into is None:
            from desktop.widgets.dialogs import ask_choice

            rows = sorted((self.model.row(self.model.row_of(i)) for i in ids), key=lambda r: -r.n_mentions)
            choice = ask_choice(self, "Merge actors", f"Merge {len(ids)} actors into:",
                                [f"{r.name} ({r.kind})" for r in rows])
            if choice is None:
                return
            into = rows[choice].actor_id
        self.analysis.merge_actors(ids, into)
        self.state.set_actor(into)

    def split_selected(self) -> None:
        for actor_id in self.selected_ids():
            row = self.model.row(self.model.row_of(actor_id))
            if row.merged_from:
                self.analysis.split_actor(actor_id)
                return

    def toggle_hidden(self) -> None:
        ids = self.selected_ids()
        if ids:
            hidden = not self.model.row(self.model.row_of(ids[0])).hidden
            for actor_id in ids:
                self.analysis.hide_actor(actor_id, hidden)

    def _on_selection_changed(self, *_) -> None:
        ids = self.selected_ids()
        self._update_actions()
        if len(ids) == 1:
            self.state.set_actor(ids[0])

    def _on_actor_changed(self, actor_id) -> None:
        if actor_id not in self.selected_ids():
            self._select(actor_id)

    def _select(self, actor_id) -> None:
        row = self.model.row_of(actor_id)
        select_quietly(self.table, self.proxy, self.model.index(row, NAME))
