"""The sortable, filterable, editable table set-up that the article list and the actors panel share."""
from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTableView, QWidget


def filtered_table(owner: QWidget, model, filter_column: int, placeholder: str, sort_role: int
                   ) -> tuple[QTableView, QSortFilterProxyModel, QLineEdit]:
    """A table over `model` through a proxy (sorting never reorders the model itself, so models are
    tested without views), with a filter box on one column; rows keep the model's order until a
    header is clicked."""
    table = QTableView(owner)
    proxy = QSortFilterProxyModel(owner)
    proxy.setSourceModel(model)
    proxy.setSortRole(sort_role)
    proxy.setFilterKeyColumn(filter_column)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    box = QLineEdit(owner)
    box.setPlaceholderText(placeholder)
    box.setClearButtonEnabled(True)
    box.setAcceptDrops(False)  # a drop on the box is a drop of articles on the window
    box.textChanged.connect(proxy.setFilterFixedString)
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    return table, proxy, box


def selected_source_rows(table: QTableView, proxy: QSortFilterProxyModel) -> list[int]:
    """The model rows selected in `table`, in the view's order."""
    rows = sorted({i.row() for i in table.selectionModel().selectedRows()})
    return [proxy.mapToSource(proxy.index(r, 0)).row() for r in rows]


def select_quietly(table: QTableView, proxy: QSortFilterProxyModel, source_index) -> None:
    """Select (and show) the row of a model index without emitting selection signals: the shared
    selection changed elsewhere and the table only follows it. An invalid index, or a row the filter
    hides, clears the selection."""
    selection = table.selectionModel()
    selection.blockSignals(True)
    try:
        index = proxy.mapFromSource(source_index) if source_index.isValid() else None
        if index is None or not index.isValid():
            selection.clearSelection()
        else:
            table.selectRow(index.row())
            table.scrollTo(index)
    finally:
        selection.blockSignals(False)
    table.viewport().update()
