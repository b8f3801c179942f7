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
