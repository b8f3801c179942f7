"""Fixed column widths from font metrics: ResizeToContents measures every row on every reset, which is slow for big tables."""
from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView


def fit_columns(table: QTableView, samples: dict[int, str], stretch: int) -> None:
    """Size each column in `samples` to fit its header and sample text; `stretch` takes the rest."""
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    bold = header.fontMetrics()
    model = table.model()
    for col, sample in samples.items():
        title = str(model.headerData(col, header.orientation()) or "")
        width = max(metrics.horizontalAdvance(sample), bold.horizontalAdvance(title)) + 12
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(col, width)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
