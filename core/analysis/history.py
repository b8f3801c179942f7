"""One labelled undo/redo history for every change a user makes: corrections and removed articles alike."""
from __future__ import annotations

from dataclasses import dataclass

from core.analysis.corrections import Corrections
from core.model import ArticleAnalysis

CORRECTION = "correction"
REMOVAL = "removal"


@dataclass(frozen=True)
class Change:
    """What one step did, enough to undo and redo it, and how to name it ("rename 'Trump' → 'Donald Trump'").

    A correction step keeps the corrections before and after; a removal keeps the removed articles'
    whole analysis, so undo brings them back without reading or analysing the files again."""

    kind: str  # CORRECTION or REMOVAL
    label: str
    before: Corrections | None = None
    after: Corrections | None = None
    removed: tuple[ArticleAnalysis, ...] = ()


class History:
    """A command stack in the manner of Qt's QUndoStack: push, undo, redo, labels of the next steps."""

    def __init__(self, limit: int = 200):
        self._done: list[Change] = []
        self._undone: list[Change] = []
        self._limit = limit

    def push(self, change: Change) -> None:
        self._done.append(change)
        del self._done[:-self._limit]
        self._undone.clear()

    def undo(self) -> Change | None:
        if not self._done:
            return None
        change = self._done.pop()
        self._undone.append(change)
        return change

    def redo(self) -> Change | None:
        if not self._undone:
            return None
        change = self._undone.pop()
        self._done.append(change)
        return change

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    @property
    def undo_label(self) -> str:
        return self._done[-1].label if self._done else ""

    @property
    def redo_label(self) -> str:
        return self._undone[-1].label if self._undone else ""
