"""The article list: one table model (title, source, date, counts, status) and its view with remove / re-analyse."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import QVBoxLayout, QWidget

from core.messages import UserFacingError
from desktop.widgets.banner import Banner
from desktop.widgets.columns import fit_columns
from desktop.widgets.compact_buttons import CompactButtons, action_icon
from desktop.widgets.filtered_table import filtered_table, select_quietly, selected_source_rows
from desktop.widgets.theme import error_color

TITLE, SOURCE, PUBLISHED, EVENTS, STATEMENTS, STATUS = range(6)
# Short headers keep the list pane narrow; the tooltips say what each column counts.
HEADERS = ("Title", "Source", "Date", "Events", "Stmts", "Status")
HEADER_TIPS = ("", "The file or page the article came from", "Publication date (double-click to edit)",
               "Dated events found", "Statements (who says what) found", "Analysis status")
SET_DATE = "set date"
# Narrower than this for titles, the Events and Stmts columns make way (widen the pane to see them).
MIN_TITLE_PX = 110
ANALYSING, DONE, FAILED, QUEUED = "analysing", "done", "failed", "queued"
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class ArticleRow:
    article_id: str
    title: str
    source: str
    published: date | None
    published_origin: str = "unknown"
    n_events: int | None = None
    n_statements: int | None = None
    n_unresolved: int = 0
    status: str = DONE
    reason: str = ""
    dateline: str = ""  # a dateline's date without its year ("Aug. 29"), to help set the date


def rows_for(analysis, running: dict | None = None, failed: dict | None = None) -> list[ArticleRow]:
    """Rows from the analysis plus articles still being analysed (`running`: id -> Article) or failed (id -> (Article, reason))."""
    running, failed = running or {}, failed or {}
    rows: list[ArticleRow] = []
    table = analysis.articles_table() if len(analysis) else None
    if table is not None:
        for r in table.itertuples(index=False):
            rows.append(ArticleRow(
                r.article_id, r.title, r.source, r.published, r.published_origin, int(r.n_events),
                int(r.n_statements), int(r.n_unresolved), ANALYSING if r.article_id in running else DONE,
                dateline=_dateline_hint(r.notes),
            ))
    known = {row.article_id for row in rows}
    for aid, article in running.items():
        if aid not in known:
            rows.append(ArticleRow(aid, article.title, article.source, article.published,
                                   article.published_origin, status=ANALYSING))
    for aid, (article, reason) in failed.items():
        if aid not in known and aid not in running:
            rows.append(ArticleRow(aid, article.title, article.source, article.published,
                                   article.published_origin, status=FAILED, reason=reason))
    return rows


def _dateline_hint(notes: str) -> str:
    """The yearless dateline date the analysis noted for an undated article (see core.pipeline)."""
    m = re.search("dateline reads \u201c([^\u201d]+)\u201d", notes or "")
    return m.group(1) if m else ""


class ArticleTableModel(QAbstractTableModel):
    """Rows of `ArticleRow`; the publication date is editable and reported through `date_edited`."""

    date_edited = Signal(str, object)  # article id, date | None
    edit_refused = Signal(str)  # a user-facing message

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[ArticleRow] = []

    def set_rows(self, rows: list[ArticleRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> ArticleRow:
        return self._rows[index]

    def row_of(self, article_id: str) -> int:
        for i, row in enumerate(self._rows):
            if row.article_id == article_id:
                return i
        return -1

    @property
    def rows(self) -> list[ArticleRow]:
        return list(self._rows)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS[section] or None
        return None

    def flags(self, index: QModelIndex):
        base = super().flags(index)
        row = self._rows[index.row()]
        # Only articles already in the analysis can take a date (a first analysis has no counts yet).
        if index.column() == PUBLISHED and row.status != FAILED and row.n_events is not None:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == Qt.ItemDataRole.EditRole:
            return row.published.isoformat() if col == PUBLISHED and row.published else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, col)
        if role == Qt.ItemDataRole.UserRole:
            return row.article_id
        if role == SORT_ROLE:
            return self._sort_key(row, col)
        if role == Qt.ItemDataRole.FontRole and col == PUBLISHED and row.published is None:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            # Palette roles keep the flag readable in light and dark themes alike.
            if col == PUBLISHED and row.published is None:
                return QPalette().brush(QPalette.ColorRole.Link)
            if col == STATUS and row.status == FAILED:
                return QBrush(error_color())
            if col == STATUS and row.status != DONE:
                return QPalette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (EVENTS, STATEMENTS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: ArticleRow, col: int):
        return self._display_static(row, col)

    @staticmethod
    def _display_static(row: ArticleRow, col: int):
        if col == TITLE:
            return row.title
        if col == SOURCE:
            return Path(row.source).name if ("/" in row.source or "\\" in row.source) else row.source
        if col == PUBLISHED:
            return row.published.isoformat() if row.published else SET_DATE
        if col == EVENTS:
            return "" if row.n_events is None else str(row.n_events)
        if col == STATEMENTS:
            return "" if row.n_statements is None else str(row.n_statements)
        if col == STATUS:
            return f"failed: {row.reason}" if row.status == FAILED else row.status
        return None

    @staticmethod
    def _sort_key(row: ArticleRow, col: int):
        if col == PUBLISHED:
            return row.published.isoformat() if row.published else ""  # undated first
        if col in (EVENTS, STATEMENTS):
            value = row.n_events if col == EVENTS else row.n_statements
            return -1 if value is None else value
        if col == STATUS:
            return (FAILED, ANALYSING, QUEUED, DONE).index(row.status) if row.status in (FAILED, ANALYSING, QUEUED, DONE) else 9
        return str(ArticleTableModel._display_static(row, col) or "").casefold()

    def _tooltip(self, row: ArticleRow, col: int) -> str:
        if col == PUBLISHED:
            if row.published is None:
                hint = (f"The dateline reads \u201c{row.dateline}\u201d but gives no year.\n"
                        if row.dateline else "")
                return ("No publication date: relative dates (\u201con Wednesday\u201d) stay unresolved.\n"
                        f"{hint}Double-click to type one (YYYY-MM-DD).")
            text = f"Published {row.published:%A %d %B %Y} (from {row.published_origin})."
            if row.n_unresolved:
                text += f"\n{row.n_unresolved} time expression(s) unresolved."
            return text + "\nDouble-click to change."
        if col == SOURCE:
            return row.source
        if col == STATUS and row.reason:
            return row.reason
        if row.n_events is not None:
            # the counts stay at hand when a narrow pane hides their columns
            return f"{row.title}\n{row.n_events} dated events \u00b7 {row.n_statements} statements"
        return row.title

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or index.column() != PUBLISHED:
            return False
        from core.ingest import parse_user_date

        row = self._rows[index.row()]
        text = str(value or "").strip()
        if text.casefold() == SET_DATE:
            return False
        try:
            day = parse_user_date(text) if text else None
        except UserFacingError as exc:
            self.edit_refused.emit(str(exc))
            return False
        if day == row.published:
            return False
        self.date_edited.emit(row.article_id, day)
        return True


class ArticleList(QWidget):
    """The article table bound to the analysis and the selection state; asks once for missing dates."""

    remove_requested = Signal(object)  # list of article ids
    reanalyse_requested = Signal(object)  # list of article ids

    def __init__(self, analysis, state, parent: QWidget | None = None):
        super().__init__(parent)
        self.analysis, self.state = analysis, state
        self._running: dict = {}
        self._failed: dict = {}
        self._asked_for_dates = False
        self.model = ArticleTableModel(self)
        self.table, self.proxy, self.filter = filtered_table(self, self.model, TITLE, "Filter articles by title\u2026",
                                                             SORT_ROLE)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        fit_columns(self.table, {SOURCE: "a-rather-long-file-name.html", PUBLISHED: "2018-08-29",
                                 EVENTS: "999", STATEMENTS: "999", STATUS: "analysing"}, stretch=TITLE)
        self.table.setColumnHidden(SOURCE, True)
        self._count_px = self.table.columnWidth(EVENTS) + self.table.columnWidth(STATEMENTS)
        self._status_px = self.table.columnWidth(STATUS)  # (a hidden column's width reads 0)
        self.table.viewport().installEventFilter(self)
        self.date_banner = Banner(self)
        self.date_banner.hide()
        self.error_banner = Banner(self, kind="error")
        self.error_banner.hide()

        self.remove_action = QAction("&Remove article", self)
        self.remove_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.remove_action.triggered.connect(lambda: self._request(self.remove_requested))
        self.reanalyse_action = QAction("Re-&analyse", self)
        self.reanalyse_action.setShortcut(QKeySequence("Ctrl+R"))
        self.reanalyse_action.triggered.connect(lambda: self._request(self.reanalyse_requested))
        self.set_date_action = QAction("Set publication &date\u2026", self)
        self.set_date_action.triggered.connect(self.edit_date)
        for action in (self.set_date_action, self.reanalyse_action, self.remove_action):
            self.table.addAction(action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action, icon, short in ((self.reanalyse_action, "reanalyse", "Re-analyse"),
                                    (self.remove_action, "remove", "Remove")):
            action.setIcon(action_icon(icon))
            action.setIconText(short)
        self.buttons = CompactButtons((self.reanalyse_action, self.remove_action))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.date_banner)
        layout.addWidget(self.error_banner)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)

        self.model.date_edited.connect(self._on_date_edited)
        self.model.edit_refused.connect(self._on_edit_refused)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        state.article_changed.connect(self._on_article_changed)
        analysis.subscribe(self._on_analysis_changed)
        self.refresh()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        # the viewport's own resize: the list's resizeEvent comes before its children are laid out
        if obj is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns_to_width()
        return super().eventFilter(obj, event)

    def _fit_columns_to_width(self) -> None:
        """Hide the count columns while they would squeeze the titles below MIN_TITLE_PX; then the Status
        column too while every article is done (a narrow pane showed two letters of each title)."""
        width = self.table.viewport().width()
        date_px, status_px = self.table.columnWidth(PUBLISHED), self._status_px
        compact = width - date_px - status_px - self._count_px < MIN_TITLE_PX
        for col in (EVENTS, STATEMENTS):
            if self.table.isColumnHidden(col) != compact:
                self.table.setColumnHidden(col, compact)
        no_status = (width - date_px - status_px < MIN_TITLE_PX
                     and all(row.status == DONE for row in self.model.rows))
        if self.table.isColumnHidden(STATUS) != no_status:
            self.table.setColumnHidden(STATUS, no_status)

    @property
    def compact(self) -> bool:
        return self.table.isColumnHidden(EVENTS)

    # ---- model <- analysis -----------------------------------------------------------------
    def set_status(self, running: dict, failed: dict) -> None:
        """Articles being analysed (id -> Article) and failed ones (id -> (Article, reason))."""
        self._running, self._failed = dict(running), dict(failed)
        self._on_analysis_changed("status")  # after an undo nothing changed: keep the 10,000 rows

    def refresh(self) -> None:
        selected = self.state.article
        self._shown = self._inputs()
        self.model.set_rows(rows_for(self.analysis, self._running, self._failed))
        self._fit_columns_to_width()  # an article analysing or failed brings the Status column back
        self._select(selected)
        self._update_date_banner()

    def _inputs(self) -> tuple:
        """What the rows are made of: the articles table and the running and failed articles."""
        table = self.analysis.articles_table() if len(self.analysis) else None
        return table, tuple(self._running), tuple(self._failed)

    def _on_analysis_changed(self, reason: str) -> None:
        # Most corrections (a rename, a polarity) leave every article row as it was: rebuilding
        # 10,000 rows and resetting the view for them cost a tenth of a second per correction.
        shown = getattr(self, "_shown", None)
        table, running, failed = inputs = self._inputs()
        if shown is not None and shown[1:] == inputs[1:] and table is not None and shown[0] is not None \
                and (table is shown[0] or table.equals(shown[0])):
            self._shown = inputs
            return
        self.refresh()

    def _update_date_banner(self) -> None:
        undated = [r for r in self.model.rows if r.published is None and r.status == DONE]
        if not undated:
            self.date_banner.hide()
            return
        if self._asked_for_dates and self.date_banner.isHidden():
            return  # asked once; the flag in the table stays visible
        self._asked_for_dates = True
        n = len(undated)
        text = (f"{n} article{'s have' if n != 1 else ' has'} no publication date, so relative dates "
                "such as \u201con Wednesday\u201d cannot be placed. Double-click \u201cset date\u201d to add one.")
        self.date_banner.show_message(text, action="Set date\u2026",
                                      callback=lambda: self.edit_date(undated[0].article_id))

    # ---- user actions ------------------------------------------------------------------------
    def selected_ids(self) -> list[str]:
        return [self.model.row(r).article_id for r in selected_source_rows(self.table, self.proxy)]

    def edit_date(self, article_id: str | None = None) -> None:
        aid = article_id if isinstance(article_id, str) else (self.selected_ids() or [None])[0]
        row = self.model.row_of(aid) if aid else -1
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, PUBLISHED))
        if not index.isValid():
            self.filter.clear()  # the article is filtered out: show everything again
            index = self.proxy.mapFromSource(self.model.index(row, PUBLISHED))
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def _request(self, signal) -> None:
        ids = self.selected_ids()
        if ids:
            signal.emit(ids)

    def _on_date_edited(self, article_id: str, day) -> None:
        self.error_banner.hide()
        if article_id in self.analysis:
            self.analysis.set_published(article_id, day)

    def _on_edit_refused(self, message: str) -> None:
        self.error_banner.show_message(message)

    def _on_selection_changed(self, *_) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.state.set_article(ids[0])

    def _on_article_changed(self, article_id) -> None:
        if article_id not in self.selected_ids():
            self._select(article_id)

    def _select(self, article_id) -> None:
        row = self.model.row_of(article_id) if article_id else -1
        select_quietly(self.table, self.proxy, self.model.index(row, TITLE))
