"""The analysed corpus: per-article results plus the user's corrections, viewed as pandas tables."""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, replace
from datetime import date
from typing import Callable, Iterable, Sequence

import pandas as pd

from core.corrections import Corrections
from core.model import (
    OPPOSE, POLARITIES, SUPPORT, Actor, ArticleAnalysis, Article, Statement, TimeExpression,
)
from core.tables_raw import TableStore, corrections_key

STANCE_COLUMNS = POLARITIES  # support, oppose, neutral
REJECTED = "rejected"
_STATES = 6  # corrections states whose tables stay cached (the undo/redo neighbourhood)

TIMELINE_COLUMNS = [
    "event_id", "article_id", "title", "sentence_index", "start", "end", "sentence",
    "date_start", "date_end", "granularity", "certainty", "future", "time_text", "time_value",
    "time_start", "time_end", "actor_ids", "actors", "predicate", "modality", "stance", "corrected",
]
STATEMENT_COLUMNS = [
    "statement_id", "article_id", "title", "sentence_index", "sentence", "sent_start", "sent_end",
    "source_actor", "source_name", "source_text", "source_start", "source_end",
    "cue_text", "cue_start", "cue_end", "content_text", "target_text", "target_start", "target_end",
    "target_actor", "target_name", "topic", "target_label", "polarity", "modality", "confidence",
    "kind", "date", "corrected",
]


def statement_id(article_id: str, index: int) -> str:
    return f"{article_id}:s{index}"


def event_id(article_id: str, index: int) -> str:
    return f"{article_id}:e{index}"


def split_id(item_id: str) -> tuple[str, str, int]:
    """("article id", "s" or "e", index) from a statement or event id."""
    article_id, tail = item_id.rsplit(":", 1)
    return article_id, tail[0], int(tail[1:])


@dataclass(frozen=True)
class StanceMatrix:
    """Actors × columns: counts, signed scores in [-1, 1], and the statements behind each cell."""

    counts: pd.DataFrame  # index: actor id; columns: stance or target labels; ints
    scores: pd.DataFrame  # same shape; support positive, oppose negative
    names: dict[str, str]  # actor id -> display name
    cells: dict[tuple[str, str], list[str]]  # (actor id, column) -> statement ids

    @property
    def is_empty(self) -> bool:
        return self.counts.empty


class Analysis:
    """All analysed articles and the corrections on top of them.

    Listeners registered with `subscribe` are called with a short reason ("articles",
    "corrections") after every change, so views can refresh without knowing each other.
    """

    def __init__(self, results: Iterable[ArticleAnalysis] = (), corrections: Corrections | None = None):
        self._raw: dict[str, ArticleAnalysis] = {}
        self._effective: dict[str, ArticleAnalysis] = {}
        self.corrections = corrections or Corrections()
        self._undo: list[Corrections] = []
        self._redo: list[Corrections] = []
        self._listeners: list[Callable[[str], None]] = []
        self._cache: dict[str, object] = {}
        # tables and memos per (article set, corrections): undo and redo find them again
        self._states: OrderedDict[tuple, dict[str, object]] = OrderedDict()
        self._version = 0  # bumped whenever the article set changes
        self._store = TableStore()
        for result in results:
            self._raw[result.article.id] = result
        self._rebuild()

    # ---- observation -------------------------------------------------------------------
    def subscribe(self, callback: Callable[[str], None]) -> None:
        self._listeners.append(callback)

    def _changed(self, reason: str) -> None:
        if reason == "articles":
            self._version += 1
        self._rebuild()
        for callback in list(self._listeners):
            callback(reason)

    # ---- articles ----------------------------------------------------------------------
    def add(self, result: ArticleAnalysis) -> None:
        self._raw[result.article.id] = result
        self._changed("articles")

    def add_many(self, results: Iterable[ArticleAnalysis]) -> None:
        for result in results:
            self._raw[result.article.id] = result
        self._changed("articles")

    def remove(self, article_id: str) -> None:
        self.remove_many([article_id])

    def remove_many(self, article_ids: Iterable[str]) -> None:
        """Remove these articles with one change notification (views refresh once, not per article)."""
        removed = [aid for aid in list(article_ids) if self._raw.pop(aid, None) is not None]
        if removed:
            self._changed("articles")

    def clear(self) -> None:
        self._raw.clear()
        self._changed("articles")

    @property
    def article_ids(self) -> list[str]:
        return list(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._raw

    def results(self) -> list[ArticleAnalysis]:
        """Results with corrections applied (publication dates set, timexes re-resolved)."""
        return list(self._effective.values())

    def raw_results(self) -> list[ArticleAnalysis]:
        return list(self._raw.values())

    def result(self, article_id: str) -> ArticleAnalysis:
        return self._effective[article_id]

    def article(self, article_id: str) -> Article:
        return self._effective[article_id].article

    # ---- corrections -------------------------------------------------------------------
    def apply(self, corrections: Corrections) -> None:
        """Replace the corrections (pushing the old ones on the undo stack)."""
        if corrections == self.corrections:
            return
        self._undo.append(self.corrections)
        self._redo.clear()
        self.corrections = corrections
        self._changed("corrections")

    def undo(self) -> bool:
        if not self._undo:
            return False
        self._redo.append(self.corrections)
        self.corrections = self._undo.pop()
        self._changed("corrections")
        return True

    def redo(self) -> bool:
        if not self._redo:
            return False
        self._undo.append(self.corrections)
        self.corrections = self._redo.pop()
        self._changed("corrections")
        return True

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def set_published(self, article_id: str, published: date | None) -> None:
        self.apply(self.corrections.with_entry("published", article_id, published.isoformat() if published else None))

    def rename_actor(self, actor_id: str, name: str | None) -> None:
        self.apply(self.corrections.with_entry("actor_names", actor_id, name))

    def merge_actors(self, actor_ids: Sequence[str], into: str) -> None:
        corrections = self.corrections
        for actor_id in actor_ids:
            if actor_id != into:
                corrections = corrections.with_entry("actor_merges", actor_id, into)
        self.apply(corrections)

    def split_actor(self, actor_id: str) -> None:
        """Undo every merge into `actor_id`, and its own merge into another actor."""
        corrections = self.corrections.with_entry("actor_merges", actor_id, None)
        for source, target in self.corrections.actor_merges.items():
            if target == actor_id:
                corrections = corrections.with_entry("actor_merges", source, None)
        # an automatic surname join is undone by pinning the surname actor to itself
        for source, target in self._auto_merges.items():
            if actor_id in (source, target):
                corrections = corrections.with_entry("actor_merges", source, source)
        self.apply(corrections)

    def hide_actor(self, actor_id: str, hidden: bool = True) -> None:
        self.apply(self.corrections.with_hidden(actor_id, hidden))

    def set_polarity(self, stmt_id: str, polarity: str | None) -> None:
        """Override a statement's polarity ("support", "oppose", "neutral", "rejected"; None restores)."""
        self.apply(self.corrections.with_entry("polarity", stmt_id, polarity))

    def set_target(self, stmt_id: str, label: str | None) -> None:
        self.apply(self.corrections.with_entry("targets", stmt_id, label))

    def set_event_date(self, ev_id: str, value: date | None, *, wrong: bool = False) -> None:
        """Correct an event's date; `wrong=True` with no value marks it undated; both None restores."""
        text = value.isoformat() if value else ("" if wrong else None)
        self.apply(self.corrections.with_entry("event_dates", ev_id, text))

    # ---- applying corrections ------------------------------------------------------------
    def _rebuild(self) -> None:
        key = (self._version, corrections_key(self.corrections))
        cache = self._states.pop(key, None)
        for stale in [k for k in self._states if k[0] != self._version]:
            del self._states[stale]
        self._cache = self._states[key] = {} if cache is None else cache
        while len(self._states) > _STATES:
            self._states.popitem(last=False)
        self._effective = self._store.effective(self._raw, self.corrections.published)
        self._people, self._auto_merges = self._store.people(self._effective)

    def canonical(self, actor_id: str | None) -> str | None:
        """The actor an id now stands for: the user's merges first, then automatic surname joins."""
        memo = self._cache.setdefault("canonical", {})
        try:
            return memo[actor_id]  # type: ignore[index]
        except (KeyError, TypeError):
            pass
        result = self._resolve_canonical(actor_id)
        if isinstance(actor_id, str):
            memo[actor_id] = result  # type: ignore[index]
        return result

    def _resolve_canonical(self, actor_id: str | None) -> str | None:
        actor_id = self.corrections.canonical(actor_id)
        if actor_id in self._auto_merges and actor_id not in self.corrections.actor_merges:
            actor_id = self.corrections.canonical(self._auto_merges[actor_id])
        return actor_id

    def actor_registry(self) -> dict[str, Actor]:
        """Every canonical actor id (after merges) -> Actor with the user's name applied."""
        if "actors" in self._cache:
            return self._cache["actors"]  # type: ignore[return-value]
        registry = self._people
        merged: dict[str, Actor] = {}
        for actor_id, actor in registry.items():
            target = self.canonical(actor_id)
            base = registry.get(target, actor)
            merged.setdefault(target, base)
        for actor_id, name in self.corrections.actor_names.items():
            if actor_id in merged:
                merged[actor_id] = replace(merged[actor_id], name=name)
        self._cache["actors"] = merged
        return merged

    def actor_name(self, actor_id: str | None) -> str:
        if not isinstance(actor_id, str):
            return ""
        memo = self._cache.setdefault("names", {})
        if actor_id not in memo:  # type: ignore[operator]
            actor = self.actor_registry().get(self.canonical(actor_id) or "")
            memo[actor_id] = actor.name if actor else actor_id  # type: ignore[index]
        return memo[actor_id]  # type: ignore[index]

    def visible(self, actor_id: str | None) -> bool:
        return isinstance(actor_id, str) and self.canonical(actor_id) not in self.corrections.hidden_actors

    def stance_holder(self, actor_id: str | None, fold_people: bool) -> str | None:
        """The row a statement counts under: the actor, or a person's government when folding."""
        if not isinstance(actor_id, str):  # None, or NaN from a pandas column
            return None
        actor_id = self.canonical(actor_id)
        if fold_people:
            actor = self.actor_registry().get(actor_id)
            if actor is not None and actor.kind == "person" and actor.affiliation:
                affiliation = self.canonical(actor.affiliation)
                if affiliation in self.actor_registry():
                    return affiliation
        return actor_id

    # ---- tables (built in core.tables to keep this file small) ---------------------------
    def articles_table(self) -> pd.DataFrame:
        from core.tables import articles_table

        return self._cached("articles_table", lambda: articles_table(self))

    def actors_table(self) -> pd.DataFrame:
        from core.tables import actors_table

        return self._cached("actors_table", lambda: actors_table(self))

    def statements_table(self) -> pd.DataFrame:
        from core.tables import statements_table

        return self._cached("statements_table", lambda: statements_table(self))

    def timexes_table(self) -> pd.DataFrame:
        from core.tables import timexes_table

        return self._cached("timexes_table", lambda: timexes_table(self))

    def events_table(self) -> pd.DataFrame:
        from core.tables import events_table

        return self._cached("events_table", lambda: events_table(self))

    def timeline(
        self,
        actor_ids: Sequence[str] | None = None,
        start: date | None = None,
        end: date | None = None,
        article_ids: Sequence[str] | None = None,
        include_undated: bool = False,
    ) -> pd.DataFrame:
        """One row per event (dated ones only unless `include_undated`), filtered, sorted by date."""
        from core.tables import filter_timeline

        return filter_timeline(self.events_table(), actor_ids, start, end, article_ids, include_undated)

    def stance_matrix(
        self,
        columns: str = "stance",
        fold_people: bool = True,
        start: date | None = None,
        end: date | None = None,
        min_confidence: float = 0.0,
        include_relations: bool = False,
    ) -> StanceMatrix:
        """Actors × stance (support/oppose/neutral counts) or actors × target (signed score).

        Statements of kind "relation" (a stance inferred from the words linking two named
        actors, without a stance cue) count only when `include_relations` is set.
        """
        from core.tables import stance_matrix

        return stance_matrix(self, columns, fold_people, start, end, min_confidence, include_relations)

    def evidence(
        self,
        statement_ids: Sequence[str] = (),
        event_ids: Sequence[str] = (),
    ) -> pd.DataFrame:
        """The sentences behind statements and/or events, with what to highlight in each."""
        from core.tables import evidence

        return evidence(self, statement_ids, event_ids)

    def _cached(self, key: str, build: Callable[[], pd.DataFrame]) -> pd.DataFrame:
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]  # type: ignore[return-value]

    # helpers the table builders share
    def effective_polarity(self, stmt_id: str, statement: Statement) -> str:
        return self.corrections.polarity.get(stmt_id, statement.polarity)

    def event_time(self, result: ArticleAnalysis, index: int) -> tuple[TimeExpression | None, bool]:
        """The time expression of an event after user corrections, and whether it was corrected."""
        ev = result.events[index]
        fixed = self.corrections.event_dates.get(event_id(result.article.id, index))
        if fixed is None:
            tx = result.timexes[ev.timex_index] if ev.timex_index is not None else None
            return tx, False
        if fixed == "":
            return None, True
        day = date.fromisoformat(fixed)
        base = result.timexes[ev.timex_index] if ev.timex_index is not None else None
        return (
            TimeExpression(
                article_id=result.article.id, sentence_index=ev.sentence_index,
                start=base.start if base else ev.start, end=base.end if base else ev.start,
                text=base.text if base else "", type="DATE", value=fixed,
                interval_start=day, interval_end=date.fromordinal(day.toordinal() + 1),
                granularity="day", certainty="exact", future=bool(result.article.published and day > result.article.published),
            ),
            True,
        )


def signed(polarity: str) -> int:
    return 1 if polarity == SUPPORT else -1 if polarity == OPPOSE else 0
