"""What the table builders read for one state (article set + corrections): narrow inputs, not the `Analysis`."""
from __future__ import annotations

from datetime import date
from typing import Callable

from core.analysis.corrections import Corrections
from core.analysis.raw import RawTables, TableStore
from core.analysis.resolver import ActorResolver
from core.analysis.schema import event_id
from core.model import ArticleAnalysis, Statement, TimeExpression


class TableContext:
    """One state's inputs and memos: the corrections, the actor resolver, the corrected results, the
    shared per-article cache (`store`), and `memo` for everything built in this state (kept while the
    state is in the undo/redo neighbourhood, so undo finds its tables again)."""

    def __init__(self, corrections: Corrections, actors: ActorResolver, effective: dict[str, ArticleAnalysis],
                 store: TableStore):
        self.corrections = corrections
        self.actors = actors
        self.effective = effective
        self.store = store
        self.memo: dict[str, object] = {}

    def raw(self) -> RawTables:
        raw = self.memo.get("raw")
        if raw is None:
            raw = self.memo["raw"] = self.store.tables(self.effective)
        return raw  # type: ignore[return-value]

    def results(self) -> list[ArticleAnalysis]:
        return list(self.effective.values())

    def cached(self, key: str, build: Callable[[], object]):
        if key not in self.memo:
            self.memo[key] = build()
        return self.memo[key]

    def effective_polarity(self, stmt_id: str, statement: Statement) -> str:
        return self.corrections.polarity.get(stmt_id, statement.polarity)

    def event_time(self, result: ArticleAnalysis, index: int) -> tuple[TimeExpression | None, bool]:
        """The time expression of an event after user corrections, and whether it was corrected."""
        ev = result.events[index]
        fixed = self.corrections.event_dates.get(event_id(result.article.id, index))
        base = result.timexes[ev.timex_index] if ev.timex_index is not None else None
        if fixed is None:
            return base, False
        if fixed == "":
            return None, True
        day = date.fromisoformat(fixed)
        published = result.article.published
        return (
            TimeExpression(
                article_id=result.article.id, sentence_index=ev.sentence_index,
                start=base.start if base else ev.start, end=base.end if base else ev.start,
                text=base.text if base else "", type="DATE", value=fixed,
                interval_start=day, interval_end=date.fromordinal(day.toordinal() + 1),
                granularity="day", certainty="exact", future=bool(published and day > published),
            ),
            True,
        )
