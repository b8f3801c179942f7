"""The analysed corpus as tables: `Analysis` (the facade the desktop and the CLI use), its corrections and history."""
from __future__ import annotations

from core.analysis.corrections import Corrections
from core.analysis.facade import Analysis
from core.analysis.history import Change, History
from core.analysis.schema import (
    REJECTED, STANCE_COLUMNS, STATEMENT_COLUMNS, TIMELINE_COLUMNS, StanceMatrix, article_of, event_id, item_kind,
    signed, split_id, statement_id,
)
from core.analysis.tables import net_stance
from core.analysis.window import TimeWindow, default_window

__all__ = [
    "REJECTED", "STANCE_COLUMNS", "STATEMENT_COLUMNS", "TIMELINE_COLUMNS", "Analysis", "Change", "Corrections",
    "History", "StanceMatrix", "TimeWindow", "article_of", "default_window", "event_id", "item_kind", "net_stance",
    "signed", "split_id", "statement_id",
]
