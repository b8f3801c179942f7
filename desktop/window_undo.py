"""One Undo/Redo for the window: the Analysis's corrections, and removed articles brought back."""
from __future__ import annotations

from itertools import count
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.analysis import Analysis


class WindowUndo:
    """Interleaves the two kinds of change a user undoes with Ctrl+Z, newest first.

    Corrections keep their own undo stack inside `Analysis` (they are stored with the project);
    a removal is remembered here with the article's whole analysis, so Undo restores it without
    reading or analysing the file again. Only the order between the two needs recording.
    """

    def __init__(self) -> None:
        self.analysis: Analysis | None = None
        self._clock = count(1)
        self._corrections: list[int] = []  # when each correction on the Analysis's undo stack was made
        self._removals: list[tuple[int, list]] = []  # (when, raw results), newest last
        self._redo: list[tuple[str, list]] = []  # ("removal", results) or ("correction", []), newest last
        self._own_change = False

    def bind(self, analysis: "Analysis | None") -> None:
        """A new or opened analysis: nothing of the old one can be undone into it."""
        self.analysis = analysis
        self._corrections.clear()
        self._removals.clear()
        self._redo.clear()

    def on_changed(self, reason: str) -> None:
        """Called by the window for every Analysis change; records corrections the user made."""
        if reason == "corrections" and not self._own_change:
            self._corrections.append(next(self._clock))
            self._redo.clear()

    def removed(self, results: list) -> None:
        """The user removed these articles (their raw results, as `Analysis.raw_results` gives them)."""
        if results:
            self._removals.append((next(self._clock), list(results)))
            self._redo.clear()

    @property
    def can_undo(self) -> bool:
        return bool(self._removals) or (self.analysis is not None and self.analysis.can_undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> str:
        """Undo the newest change; returns what to tell the user ("" when there was nothing)."""
        if self.analysis is None:
            return ""
        newest_correction = self._corrections[-1] if self._corrections else 0
        if self._removals and (self._removals[-1][0] > newest_correction or not self.analysis.can_undo):
            _when, results = self._removals.pop()
            results = [r for r in results if r.article.id not in self.analysis]
            self._redo.append(("removal", results))
            self.analysis.add_many(results)
            return _count(len(results), "Restored {} removed article{}.")
        if not self._quietly(self.analysis.undo):
            return ""
        if self._corrections:
            self._corrections.pop()
        self._redo.append(("correction", []))
        return "Undone."

    def redo(self) -> str:
        if self.analysis is None or not self._redo:
            return ""
        kind, results = self._redo.pop()
        if kind == "removal":
            self.analysis.remove_many(r.article.id for r in results)
            self._removals.append((next(self._clock), results))
            return _count(len(results), "Removed {} article{} again.")
        if not self._quietly(self.analysis.redo):
            return ""
        self._corrections.append(next(self._clock))
        return "Redone."

    def _quietly(self, step) -> bool:
        """Run the Analysis's own undo/redo without recording it as a new correction."""
        self._own_change = True
        try:
            return step()
        finally:
            self._own_change = False


def _count(n: int, template: str) -> str:
    return template.format(n, "s" * (n != 1))
