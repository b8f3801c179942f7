"""The analysed corpus: per-article results plus the user's corrections, viewed as pandas tables."""
from __future__ import annotations

from collections import OrderedDict
from datetime import date
from typing import Callable, Iterable, Sequence

import pandas as pd

from core.analysis import evidence as evidence_module
from core.analysis import events_table as events_module
from core.analysis import matrix as matrix_module
from core.analysis import tables
from core.analysis.context import TableContext
from core.analysis.corrections import Corrections
from core.analysis.history import CORRECTION, REMOVAL, Change, History
from core.analysis.raw import TableStore, corrections_key
from core.analysis.resolver import ActorResolver
from core.analysis.schema import StanceMatrix
from core.model import Actor, Article, ArticleAnalysis, Statement

_STATES = 6  # corrections states whose tables stay cached (the undo/redo neighbourhood)


class Analysis:
    """All analysed articles and the corrections on top of them, with one labelled undo history.

    Listeners registered with `subscribe` are called with a short reason ("articles",
    "corrections") after every change, so views can refresh without knowing each other.
    """

    def __init__(self, results: Iterable[ArticleAnalysis] = (), corrections: Corrections | None = None):
        self._raw: dict[str, ArticleAnalysis] = {result.article.id: result for result in results}
        self.corrections = corrections or Corrections()
        self.history = History()
        self._listeners: list[Callable[[str], None]] = []
        # one context per (article set, corrections): undo and redo find its tables again
        self._states: OrderedDict[tuple, TableContext] = OrderedDict()
        self._version = 0  # bumped whenever the article set changes
        self._store = TableStore()
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
        self.add_many([result])

    def add_many(self, results: Iterable[ArticleAnalysis]) -> None:
        for result in results:
            self._raw[result.article.id] = result
        self._changed("articles")

    def remove(self, article_id: str, *, undoable: bool = False) -> None:
        self.remove_many([article_id], undoable=undoable)

    def remove_many(self, article_ids: Iterable[str], *, undoable: bool = False) -> None:
        """Remove these articles with one change notification; `undoable` records it in the history
        with their whole analysis, so undo restores them without reading the files again."""
        removed = [r for aid in list(article_ids) if (r := self._raw.pop(aid, None)) is not None]
        if not removed:
            return
        if undoable:
            label = f"remove \u201c{removed[0].article.title}\u201d" if len(removed) == 1 else \
                f"remove {len(removed)} articles"
            self.history.push(Change(REMOVAL, label, removed=tuple(removed)))
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
        return self._ctx.results()

    def raw_results(self) -> list[ArticleAnalysis]:
        return list(self._raw.values())

    def result(self, article_id: str) -> ArticleAnalysis:
        return self._ctx.effective[article_id]

    def article(self, article_id: str) -> Article:
        return self._ctx.effective[article_id].article

    # ---- corrections and the history -----------------------------------------------------
    def apply(self, corrections: Corrections, label: str = "correction") -> None:
        """Replace the corrections, recording the step as `label` in the undo history."""
        if corrections == self.corrections:
            return
        self.history.push(Change(CORRECTION, label, before=self.corrections, after=corrections))
        self.corrections = corrections
        self._changed("corrections")

    def undo(self) -> str:
        """Undo the newest change; returns its label ("" when there was nothing to undo)."""
        change = self.history.undo()
        if change is None:
            return ""
        if change.kind == REMOVAL:
            self.add_many(r for r in change.removed if r.article.id not in self._raw)
        else:
            self.corrections = change.before  # type: ignore[assignment]
            self._changed("corrections")
        return change.label

    def redo(self) -> str:
        """Redo the newest undone change; returns its label ("" when there was nothing to redo)."""
        change = self.history.redo()
        if change is None:
            return ""
        if change.kind == REMOVAL:
            ids = {r.article.id for r in change.removed}
            if any(self._raw.pop(aid, None) is not None for aid in list(ids)):
                self._changed("articles")
        else:
            self.corrections = change.after  # type: ignore[assignment]
            self._changed("corrections")
        return change.label

    @property
    def can_undo(self) -> bool:
        return self.history.can_undo

    @property
    def can_redo(self) -> bool:
        return self.history.can_redo

    def set_published(self, article_id: str, published: date | None) -> None:
        title = self._raw[article_id].article.title if article_id in self._raw else article_id
        what = f"date \u201c{_short(title)}\u201d {published.isoformat()}" if published else \
            f"restore the date of \u201c{_short(title)}\u201d"
        self.apply(self.corrections.with_entry("published", article_id, published.isoformat() if published else None),
                   what)

    def rename_actor(self, actor_id: str, name: str | None) -> None:
        old = self.actor_name(actor_id)
        label = f"rename \u2018{old}\u2019 \u2192 \u2018{name}\u2019" if name else f"restore the name of \u2018{old}\u2019"
        self.apply(self.corrections.with_entry("actor_names", actor_id, name), label)

    def merge_actors(self, actor_ids: Sequence[str], into: str) -> None:
        corrections = self.corrections
        others = [actor_id for actor_id in actor_ids if actor_id != into]
        for actor_id in others:
            corrections = corrections.with_entry("actor_merges", actor_id, into)
        names = ", ".join(f"\u2018{self.actor_name(a)}\u2019" for a in others[:3]) + ("\u2026" if len(others) > 3 else "")
        self.apply(corrections, f"merge {names} into \u2018{self.actor_name(into)}\u2019")

    def split_actor(self, actor_id: str) -> None:
        """Undo every merge into `actor_id`, and its own merge into another actor."""
        name = self.actor_name(actor_id)
        corrections = self.corrections.with_entry("actor_merges", actor_id, None)
        for source, target in self.corrections.actor_merges.items():
            if target == actor_id:
                corrections = corrections.with_entry("actor_merges", source, None)
        # an automatic surname join is undone by pinning the surname actor to itself
        for source, target in self._ctx.actors.auto_merges.items():
            if actor_id in (source, target):
                corrections = corrections.with_entry("actor_merges", source, source)
        self.apply(corrections, f"split \u2018{name}\u2019")

    def hide_actor(self, actor_id: str, hidden: bool = True) -> None:
        verb = "hide" if hidden else "show"
        self.apply(self.corrections.with_hidden(actor_id, hidden), f"{verb} \u2018{self.actor_name(actor_id)}\u2019")

    def set_polarity(self, stmt_id: str, polarity: str | None) -> None:
        """Override a statement's polarity ("support", "oppose", "neutral", "rejected"; None restores)."""
        label = f"mark a statement \u2018{polarity}\u2019" if polarity else "restore a statement's stance"
        self.apply(self.corrections.with_entry("polarity", stmt_id, polarity), label)

    def set_target(self, stmt_id: str, label: str | None) -> None:
        what = f"set a statement's target to \u2018{label}\u2019" if label else "restore a statement's target"
        self.apply(self.corrections.with_entry("targets", stmt_id, label), what)

    def set_event_date(self, ev_id: str, value: date | None, *, wrong: bool = False) -> None:
        """Correct an event's date; `wrong=True` with no value marks it undated; both None restores."""
        text = value.isoformat() if value else ("" if wrong else None)
        label = f"date an event {text}" if text else ("mark an event undated" if wrong else "restore an event's date")
        self.apply(self.corrections.with_entry("event_dates", ev_id, text), label)

    def rename_issue(self, issue_id: str, label: str | None) -> None:
        """Give an issue (a key of `issues_table`) the user's own label; None restores the corpus's."""
        old = self.issue_label(issue_id)
        what = f"rename issue \u2018{old}\u2019 \u2192 \u2018{label}\u2019" if label else f"restore issue \u2018{old}\u2019"
        self.apply(self.corrections.with_entry("issue_names", issue_id, label), what)

    def merge_issues(self, issue_ids: Sequence[str], into: str) -> None:
        corrections = self.corrections
        others = [i for i in issue_ids if i != into]
        for issue_id in others:
            corrections = corrections.with_entry("issue_merges", issue_id, into)
        names = ", ".join(f"\u2018{self.issue_label(i)}\u2019" for i in others[:3]) + ("\u2026" if len(others) > 3 else "")
        self.apply(corrections, f"merge issues {names} into \u2018{self.issue_label(into)}\u2019")

    def split_issue(self, issue_id: str) -> None:
        """Undo every merge into `issue_id`, and its own merge into another issue."""
        name = self.issue_label(issue_id)
        corrections = self.corrections.with_entry("issue_merges", issue_id, None)
        for source, target in self.corrections.issue_merges.items():
            if target == issue_id:
                corrections = corrections.with_entry("issue_merges", source, None)
        self.apply(corrections, f"split issue \u2018{name}\u2019")

    def issue_label(self, issue_id: str) -> str:
        table = self.issues_table()
        hit = table.loc[table["issue_id"] == issue_id, "label"]
        return str(hit.iloc[0]) if len(hit) else issue_id

    def issues_table(self) -> pd.DataFrame:
        """The corpus's issues after merges and renames: id, label, statements, distinct sources, merged keys."""
        return self._ctx.cached("issues_table", lambda: tables.issues_table(self._ctx))

    # ---- the state the tables are built from -----------------------------------------------
    def _rebuild(self) -> None:
        key = (self._version, corrections_key(self.corrections))
        ctx = self._states.pop(key, None)
        for stale in [k for k in self._states if k[0] != self._version]:
            del self._states[stale]
        if ctx is None:
            previous = getattr(self, "_ctx", None)
            if (previous is not None and getattr(self, "_ctx_version", None) == self._version
                    and previous.corrections.published == self.corrections.published):
                # same articles and dates: the same corrected results and people (walking 10,000
                # articles to find that out costs a correction 40 ms)
                effective, people, auto_merges = previous.effective, previous.actors.people, previous.actors.auto_merges
            else:
                effective = self._store.effective(self._raw, self.corrections.published)
                people, auto_merges = self._store.people(effective)
            actors = ActorResolver(self.corrections, people, auto_merges,
                                   previous.actors if previous is not None else None)
            ctx = TableContext(self.corrections, actors, effective, self._store)
        self._ctx_version = self._version
        self._ctx = self._states[key] = ctx
        while len(self._states) > _STATES:
            self._states.popitem(last=False)

    # actor questions, answered for the current corrections
    def canonical(self, actor_id: str | None) -> str | None:
        """The actor an id now stands for: the user's merges first, then automatic surname joins."""
        return self._ctx.actors.canonical(actor_id)

    def actor_registry(self) -> dict[str, Actor]:
        """Every canonical actor id (after merges) -> Actor with the user's name applied."""
        return self._ctx.actors.registry()

    def actor_name(self, actor_id: str | None) -> str:
        return self._ctx.actors.name(actor_id)

    def visible(self, actor_id: str | None) -> bool:
        return self._ctx.actors.visible(actor_id)

    def stance_holder(self, actor_id: str | None, group_by: str = "none") -> str | None:
        """The row a statement counts under: the actor, or (grouping) the body a person is tied to."""
        return self._ctx.actors.stance_holder(actor_id, group_by)

    def effective_polarity(self, stmt_id: str, statement: Statement) -> str:
        return self._ctx.effective_polarity(stmt_id, statement)

    # ---- tables ----------------------------------------------------------------------------
    def articles_table(self) -> pd.DataFrame:
        return self._ctx.cached("articles_table", lambda: tables.articles_table(self._ctx))

    def actors_table(self) -> pd.DataFrame:
        return self._ctx.cached("actors_table", lambda: tables.actors_table(self._ctx))

    def statements_table(self) -> pd.DataFrame:
        return self._ctx.cached("statements_table", lambda: tables.statements_table(self._ctx))

    def timexes_table(self) -> pd.DataFrame:
        return self._ctx.cached("timexes_table", lambda: tables.timexes_table(self._ctx))

    def events_table(self) -> pd.DataFrame:
        return self._ctx.cached("events_table", lambda: events_module.events_table(self._ctx))

    def timeline(
        self,
        actor_ids: Sequence[str] | None = None,
        start: date | None = None,
        end: date | None = None,
        article_ids: Sequence[str] | None = None,
        include_undated: bool = False,
    ) -> pd.DataFrame:
        """One row per event (dated ones only unless `include_undated`), filtered, sorted by date."""
        return tables.filter_timeline(self.events_table(), actor_ids, start, end, article_ids, include_undated)

    def event_groups(self) -> pd.DataFrame:
        """Per dated event: its group (one real event reported in several sentences or articles), the
        group's size and how many articles report it (`core.analysis.event_groups`)."""
        from core.analysis.columns import EVENT_GROUP_FIELDS, shared
        from core.analysis.event_groups import event_groups

        # a rename or a stance fix leaves every group as it was: seconds saved at 10,000 articles
        return self._ctx.cached("event_groups", lambda: shared(
            self._ctx, "event_groups", EVENT_GROUP_FIELDS, lambda: event_groups(self.events_table())))

    def entity_timeline(self, actor_id: str, include_mentioned: bool = False) -> pd.DataFrame:
        """One actor's events across all articles in time order (dated first, then undated), with their
        groups: the events it takes part in, or with `include_mentioned` also those that only name it."""
        actor = self.canonical(actor_id)
        events = self.events_table()
        column = "mentioned_ids" if include_mentioned else "actor_ids"
        mask = events[column].map(lambda ids: actor in ids).to_numpy(dtype=bool) if len(events) else []
        from core.analysis.event_groups import with_groups

        return with_groups(events[mask].reset_index(drop=True), self.event_groups())

    def default_window(self):
        """The timeline's default view (`core.analysis.window.default_window`): where the events are dense,
        with how many dated events lie outside it. None when no event is dated."""
        from core.analysis.window import default_window

        return self._ctx.cached("default_window", lambda: default_window(
            self.timeline(), (r.article.published for r in self._ctx.effective.values())))

    def stance_matrix(
        self,
        columns: str = "stance",
        group_by: str = "none",
        start: date | None = None,
        end: date | None = None,
        min_confidence: float = 0.0,
        include_relations: bool = False,
    ) -> StanceMatrix:
        """Actors × stance (support/oppose/neutral counts) or actors × target (signed score).

        Rows are the actors the text names; `group_by` ("government", "party", "organisation") counts a
        person under the body of that kind the text ties them to (see `core.analysis.schema.GROUPINGS`).

        Statements of kind "relation" (a stance inferred from the words linking two named
        actors, without a stance cue) count only when `include_relations` is set.
        """
        return matrix_module.stance_matrix(self._ctx, columns, group_by, start, end, min_confidence,
                                           include_relations)

    def item_places(self, statement_ids: Sequence[str] = (), event_ids: Sequence[str] = ()) -> pd.DataFrame:
        """Article id and sentence index of each known item (statements not rejected), in the order given:
        where selected items sit, without waiting for the whole statements or events table."""
        return evidence_module.item_places(self._ctx, statement_ids, event_ids)

    def evidence(self, statement_ids: Sequence[str] = (), event_ids: Sequence[str] = ()) -> pd.DataFrame:
        """The sentences behind statements and/or events, with what to highlight in each."""
        return evidence_module.evidence(self._ctx, self.statements_table, self.events_table, statement_ids,
                                        event_ids)


def _short(title: str, limit: int = 40) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "\u2026"
