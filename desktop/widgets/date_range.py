"""The typed date range shared by every view: from/to fields and presets, bound to `SelectionState.time_window`."""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from desktop.widgets.theme import error_color

ALL, SPAN, LAST30, LAST7, CUSTOM = "all", "span", "last30", "last7", "custom"
PRESETS = (
    (ALL, "All dates"),
    (SPAN, "Publication span"),
    (LAST30, "Last 30 days of the corpus"),
    (LAST7, "Last 7 days of the corpus"),
    (CUSTOM, "Custom range"),
)
PRESET_TIPS = {
    ALL: "Every statement and event, whatever its date",
    SPAN: "From the first to the last publication date of the articles",
    LAST30: "The 30 days up to the newest article's publication date",
    LAST7: "The 7 days up to the newest article's publication date",
    CUSTOM: "The dates typed in the fields",
}
_PARTIAL = re.compile(r"^\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\s*$")


def parse_bound(text: str, last: bool = False) -> date | None:
    """A typed bound: "" (open), "2016", "2016-09" or "2016-09-08". A year or month means its first day,
    or its last day when `last` ("to 2016-09" is the whole of September). Raises ValueError otherwise."""
    if not text.strip():
        return None
    m = _PARTIAL.match(text)
    if not m:
        raise ValueError(f"\u201c{text.strip()}\u201d is not a date: type YYYY-MM-DD, YYYY-MM or YYYY.")
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if month is None:
            return date(year, 12, 31) if last else date(year, 1, 1)
        if day is None:
            return date(year, int(month), calendar.monthrange(year, int(month))[1] if last else 1)
        return date(year, int(month), int(day))
    except ValueError:
        raise ValueError(f"\u201c{text.strip()}\u201d is not a calendar date.") from None


def preset_range(key: str, published) -> tuple[date | None, date | None]:
    """(first day, last day) of a preset over the articles' publication dates (None: open-ended)."""
    days = sorted(d for d in published if d is not None)
    if key == ALL or not days:
        return None, None
    if key == SPAN:
        return days[0], days[-1]
    if key in (LAST30, LAST7):
        length = 30 if key == LAST30 else 7
        return days[-1] - timedelta(days=length - 1), days[-1]
    raise ValueError(f"unknown preset {key!r}")


def range_text(first: date | None, last: date | None) -> str:
    """"8 Sep 2016 – 30 Sep 2016", "from 8 Sep 2016", "" for no range."""
    if first is None and last is None:
        return ""
    if last is None:
        return f"from {first:%d %b %Y}"
    if first is None:
        return f"until {last:%d %b %Y}"
    return f"{first:%d %b %Y} \u2013 {last:%d %b %Y}"


class DateRangeBar(QWidget):
    """"Dates: [preset] from [____] to [____]": typing or a preset sets the window every view counts in.

    The state is the one source: a window set elsewhere (dragging the timeline's band) shows here, with
    "Custom range". Echo loops are cut by blocking signals while the state's value is written in.
    """

    def __init__(self, analysis, state, parent: QWidget | None = None):
        super().__init__(parent)
        self.analysis, self.state = analysis, state
        self.preset = ALL
        self.presets = QComboBox()
        for key, label in PRESETS:
            self.presets.addItem(label, key)
            self.presets.setItemData(self.presets.count() - 1, PRESET_TIPS[key], Qt.ItemDataRole.ToolTipRole)
        self.presets.setToolTip("The dates the matrix and stance over time count, and the timeline shows")
        self.first_edit, self.last_edit = QLineEdit(), QLineEdit()
        for edit, word in ((self.first_edit, "from"), (self.last_edit, "to")):
            edit.setPlaceholderText(word)
            edit.setClearButtonEnabled(True)
            edit.setToolTip(f"Type a date ({word}): YYYY-MM-DD, YYYY-MM or YYYY; empty for no limit")
            edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("0000-00-00") + 44)
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("0000-00") + 30)
            edit.editingFinished.connect(self._on_typed)
        self.message = QLabel("")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet(f"color: {error_color().name()}")
        self.message.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        label = QLabel("Dates:")
        label.setBuddy(self.presets)
        layout.addWidget(label)
        layout.addWidget(self.presets)
        layout.addWidget(self.first_edit)
        layout.addWidget(QLabel("\u2013"))
        layout.addWidget(self.last_edit)
        layout.addWidget(self.message, 1)
        layout.addStretch(0)
        self.presets.currentIndexChanged.connect(self._on_preset_chosen)
        state.time_window_changed.connect(self._on_time_window_changed)
        analysis.subscribe(self._on_analysis_changed)
        self._on_time_window_changed(state.time_window)

    # ---- user -> state ---------------------------------------------------------------------------
    def choose_preset(self, key: str) -> None:
        self.presets.setCurrentIndex(self.presets.findData(key))

    def type_range(self, first: str, last: str) -> bool:
        """Type both fields and confirm (what a user does; tests use it). False when a date is refused."""
        self.first_edit.setText(first)
        self.last_edit.setText(last)
        return self._on_typed()

    def _on_preset_chosen(self, _index: int) -> None:
        key = self.presets.currentData()
        self.preset = key
        if key != CUSTOM:
            self._apply_preset()

    def _apply_preset(self) -> None:
        published = self.analysis.articles_table()["published"].tolist() if len(self.analysis) else []
        self.state.set_date_range(*preset_range(self.preset, published))

    def _on_typed(self) -> bool:
        try:
            first = parse_bound(self.first_edit.text())
            last = parse_bound(self.last_edit.text(), last=True)
        except ValueError as exc:
            self.message.setText(str(exc))
            self.message.setToolTip(str(exc))
            self.message.show()
            return False
        self.message.hide()
        self.preset = CUSTOM if (first, last) != (None, None) else ALL
        self.state.set_date_range(first, last)
        self._show(self.state.date_range)
        return True

    # ---- state -> view ---------------------------------------------------------------------------
    def _on_time_window_changed(self, _window) -> None:
        first, last = self.state.date_range
        if (first, last) == (None, None):
            self.preset = ALL
        elif self.preset in (SPAN, LAST30, LAST7):
            published = self.analysis.articles_table()["published"].tolist() if len(self.analysis) else []
            if preset_range(self.preset, published) != (first, last):
                self.preset = CUSTOM  # dragged or typed elsewhere: no longer the preset
        elif self.preset == ALL:
            self.preset = CUSTOM
        self._show((first, last))

    def _show(self, days) -> None:
        first, last = days
        for edit, day in ((self.first_edit, first), (self.last_edit, last)):
            edit.blockSignals(True)
            edit.setText(day.isoformat() if day else "")
            edit.blockSignals(False)
        self.presets.blockSignals(True)
        self.presets.setCurrentIndex(self.presets.findData(self.preset))
        self.presets.blockSignals(False)

    def _on_analysis_changed(self, _reason: str) -> None:
        # "the last 30 days of the corpus" moves with the corpus as articles arrive
        if self.preset in (SPAN, LAST30, LAST7):
            self._apply_preset()
