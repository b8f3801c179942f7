"""The search box: text, actor names or a date, selecting the matching statements and events as evidence."""
from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


_DAY_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y", "%B %d, %Y", "%b %d, %Y")
_MONTH_FORMATS = ("%B %Y", "%b %Y")


def parse_query_date(query: str) -> tuple[date, date] | None:
    """[start, end) for "2018-08-29", "29 Aug 2018", "2018-08", "August 2018" or "2018", else None."""
    from datetime import datetime

    text = " ".join(query.strip().split())
    for fmt in _DAY_FORMATS:
        try:
            day = datetime.strptime(text, fmt).date()
            return day, date.fromordinal(day.toordinal() + 1)
        except ValueError:
            pass
    for fmt in _MONTH_FORMATS:
        try:
            first = datetime.strptime(text, fmt).date()
            return first, date(first.year + first.month // 12, first.month % 12 + 1, 1)
        except ValueError:
            pass
    try:
        day = date.fromisoformat(text)
        return day, date.fromordinal(day.toordinal() + 1)
    except ValueError:
        pass
    match = _MONTH.match(text)
    if match:
        year, month = int(match[1]), int(match[2])
        if 1 <= month <= 12:
            return date(year, month, 1), date(year + month // 12, month % 12 + 1, 1)
    if re.fullmatch(r"\d{4}", text):
        return date(int(text), 1, 1), date(int(text) + 1, 1, 1)
    return None


def find_items(analysis, query: str) -> list[str]:
    """Statement and event ids whose sentence, actors or date match `query` (case-insensitive)."""
    import pandas as pd

    query = query.strip()
    if not query or analysis is None or not len(analysis):
        return []
    statements, events = analysis.statements_table(), analysis.timeline(include_undated=True)
    window = parse_query_date(query)
    if window is not None:
        start, end = pd.Timestamp(window[0]), pd.Timestamp(window[1])
        hit = events["date_start"].notna() & (events["date_start"] < end) & (events["date_end"] > start)
        ids = list(events.loc[hit, "event_id"])
        published = statements["date"].notna() & (statements["date"] >= start) & (statements["date"] < end)
        return ids + list(statements.loc[published, "statement_id"])
    needle = query.casefold()

    def contains(series):
        return series.fillna("").astype(str).str.casefold().str.contains(needle, regex=False)

    s_hit = (contains(statements["sentence"]) | contains(statements["source_name"])
             | contains(statements["target_name"]) | contains(statements["target_label"]))
    e_hit = contains(events["sentence"]) | contains(events["actors"]) | contains(events["time_text"])
    ids = list(statements.loc[s_hit, "statement_id"]) + list(events.loc[e_hit, "event_id"])
    return ids


class SearchBox(QLineEdit):
    """Enter runs the search and puts the matches into `state.items`; Escape clears it."""

    searched = Signal(str, int)  # query, number of matches

    def __init__(self, analysis, state, parent: QWidget | None = None):
        super().__init__(parent)
        self.analysis, self.state = analysis, state
        self.setPlaceholderText("Search sentences, actors or a date (29 Aug 2018, 2018-08)\u2026  Ctrl+F")
        self.setClearButtonEnabled(True)
        self.setAcceptDrops(False)
        self.setMinimumWidth(280)
        self.returnPressed.connect(self.run)

    def set_analysis(self, analysis) -> None:
        self.analysis = analysis

    def run(self) -> list[str]:
        query = self.text()
        ids = find_items(self.analysis, query)
        if query.strip():
            self.state.set_items(ids)
        self.searched.emit(query, len(ids))
        return ids

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            self.state.set_items(())
            return
        super().keyPressEvent(event)
