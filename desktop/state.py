"""The one selection state every view binds to; views never talk to each other directly."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QObject, Signal


class SelectionState(QObject):
    """What the user has selected, shared by article list, timeline, matrix and source view.

    Each field has its own signal, emitted only when the value really changes, so a view that
    pushes a value back into the state does not start an echo loop.
    """

    time_window_changed = Signal(object)  # (date | None, date | None): first day, day after the last
    actor_changed = Signal(object)  # actor id | None
    cell_changed = Signal(object)  # (actor id, column) | None
    article_changed = Signal(object)  # article id | None
    items_changed = Signal(object)  # tuple of statement/event ids whose evidence is shown
    sentence_changed = Signal(object)  # (article id, sentence index) | None
    group_by_changed = Signal(str)  # "none", "government", "party", "organisation" (core.analysis GROUPINGS)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._time_window: tuple[date | None, date | None] = (None, None)
        self._actor: str | None = None
        self._cell: tuple[str, str] | None = None
        self._article: str | None = None
        self._items: tuple[str, ...] = ()
        self._sentence: tuple[str, int] | None = None
        self._group_by = "none"

    @property
    def time_window(self) -> tuple[date | None, date | None]:
        return self._time_window

    def set_time_window(self, start: date | None, end: date | None) -> None:
        if (start, end) != self._time_window:
            self._time_window = (start, end)
            self.time_window_changed.emit(self._time_window)

    @property
    def date_range(self) -> tuple[date | None, date | None]:
        """The time window as the user reads it: (first day, last day), both included."""
        start, end = self._time_window
        return start, (end - timedelta(days=1) if end is not None else None)

    def set_date_range(self, first: date | None, last: date | None) -> None:
        """Set the window from days the user typed, both included (None: open-ended)."""
        if first is not None and last is not None and last < first:
            first, last = last, first
        self.set_time_window(first, last + timedelta(days=1) if last is not None else None)

    @property
    def actor(self) -> str | None:
        return self._actor

    def set_actor(self, actor_id: str | None) -> None:
        if actor_id != self._actor:
            self._actor = actor_id
            self.actor_changed.emit(actor_id)

    @property
    def cell(self) -> tuple[str, str] | None:
        return self._cell

    def set_cell(self, cell: tuple[str, str] | None) -> None:
        if cell != self._cell:
            self._cell = cell
            self.cell_changed.emit(cell)

    @property
    def article(self) -> str | None:
        return self._article

    def set_article(self, article_id: str | None) -> None:
        if article_id != self._article:
            self._article = article_id
            self.article_changed.emit(article_id)

    @property
    def items(self) -> tuple[str, ...]:
        return self._items

    def set_items(self, item_ids) -> None:
        item_ids = tuple(item_ids)
        if item_ids != self._items:
            self._items = item_ids
            self.items_changed.emit(item_ids)

    @property
    def sentence(self) -> tuple[str, int] | None:
        return self._sentence

    def set_sentence(self, article_id: str | None, index: int | None = None) -> None:
        value = (article_id, index) if article_id is not None and index is not None else None
        if value != self._sentence:
            self._sentence = value
            self.sentence_changed.emit(value)
            if value is not None:
                self.set_article(article_id)

    @property
    def group_by(self) -> str:
        """Whose row a statement counts under, in every view: the actor, or a body it belongs to."""
        return self._group_by

    def set_group_by(self, group_by: str) -> None:
        if group_by != self._group_by:
            self._group_by = group_by
            self.group_by_changed.emit(group_by)

    def clear(self) -> None:
        self.set_cell(None)
        self.set_items(())
        self.set_sentence(None)
        self.set_actor(None)
        self.set_time_window(None, None)
