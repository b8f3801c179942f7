"""Per corrections state: the statement and event columns the corrections change, computed once from
the cached correction-free rows (`core.analysis.raw`) and shared by every table built in that state."""
from __future__ import annotations

import copy
from collections import OrderedDict
from typing import Callable

import numpy as np
import pandas as pd

from core.analysis.context import TableContext
from core.analysis.issues import canonical_issue, effective_labels, label_issues
from core.analysis.raw import RawTables
from core.analysis.schema import REJECTED


STRING = pd.StringDtype(na_value=np.nan)  # what pandas infers for a column of str (and missing values)


def objects(values) -> np.ndarray:
    values = list(values)
    return np.fromiter(values, dtype=object, count=len(values))


def int_or_none(values: np.ndarray, present: np.ndarray):
    """What pandas infers for a column of ints and Nones: int64, float64 with NaN, or all-None objects."""
    if present.all():
        return values
    if not present.any():
        return np.full(len(values), None, dtype=object)
    out = values.astype(np.float64)
    out[~present] = np.nan
    return out


def datetimes(ticks: np.ndarray) -> np.ndarray:
    return ticks.view("datetime64[s]")


class StatementState:
    """Statement columns after corrections (all rows; `keep` drops the rejected ones)."""

    def __init__(self, ctx: TableContext, raw: RawTables):
        st, c = raw.statements, ctx.corrections
        self._set_polarity(ctx, raw)
        canonical = [ctx.actors.canonical(x) for x in raw.sources]
        self.source_by_code = objects(canonical)
        self.source_name_by_code = objects(ctx.actors.name(x) for x in canonical)
        targets = [ctx.actors.canonical(x) for x in raw.targets]
        self.target_by_code = objects(targets)
        self.target_name_by_code = objects(ctx.actors.name(x) for x in targets)
        codes, keys = issue_codes(raw)
        names = effective_labels(issue_labels(raw), c.issue_merges, c.issue_names)
        self.issue_key = objects([canonical_issue(k, c.issue_merges) for k in keys] + [None])[codes]
        self.issue = objects([names.get(k) for k in keys] + [None])[codes]
        # what a statement is about: the actor it names, else its issue, else a seed topic, else its words
        label = st["target_text"].copy()
        has_topic = ~_is_none(raw, "topic_label")
        label[has_topic] = st["topic_label"][has_topic]
        has_issue = ~_none_mask(self.issue)
        label[has_issue] = self.issue[has_issue]
        by_actor = objects(ctx.actors.name(x) if x else None for x in targets)
        has_actor = ~_none_mask(by_actor)[raw.st_target]
        label[has_actor] = by_actor[raw.st_target][has_actor]
        for sid, value in c.targets.items():
            row = raw.row(sid, "s")
            if row is not None and value:
                label[row] = value
        self.label = label

    def _set_polarity(self, ctx: TableContext, raw: RawTables) -> None:
        """The columns a polarity override changes: polarity, kept rows, and which rows are corrected."""
        c = ctx.corrections
        self.polarity = raw.statements["polarity"]
        corrected_rows = []
        if c.polarity:
            self.polarity = self.polarity.copy()
            for sid, value in c.polarity.items():
                row = raw.row(sid, "s")
                if row is not None:
                    self.polarity[row] = value
                    corrected_rows.append(row)
        # the only rows whose polarity can differ from another state's on the same rows
        self.polarity_rows = np.array(sorted(corrected_rows), dtype=np.int64)
        self.keep = self.polarity != REJECTED
        self.rows = np.flatnonzero(self.keep)
        corrected_rows += [row for sid in c.targets if (row := raw.row(sid, "s")) is not None]
        self.corrected = np.zeros(len(self.polarity), dtype=bool)
        self.corrected[corrected_rows] = True

    def carried_over(self, ctx: TableContext, raw: RawTables, polarity_changed: bool) -> "StatementState":
        """This state under `ctx`, whose resolver differs from this state's only in some actors' names,
        and whose polarity overrides may differ."""
        changed = ctx.actors.renamed
        state = copy.copy(self)
        if polarity_changed:
            state._set_polarity(ctx, raw)
        if not changed:
            return state
        name = ctx.actors.name
        for ids, names in (("source_by_code", "source_name_by_code"), ("target_by_code", "target_name_by_code")):
            codes = np.flatnonzero(pd.Series(getattr(self, ids)).isin(changed).to_numpy())
            if len(codes):
                values = getattr(self, names).copy()
                values[codes] = [name(x) for x in getattr(self, ids)[codes]]
                setattr(state, names, values)
        # `codes` are now the renamed targets'
        if len(codes):
            # a statement about a renamed actor is labelled with the new name, unless the user relabelled it
            rows = np.flatnonzero(np.isin(raw.st_target, codes))
            relabelled = ctx.corrections.targets
            if relabelled:
                ids = raw.statements["statement_id"]
                rows = rows[np.fromiter((not relabelled.get(ids[r]) for r in rows), dtype=bool, count=len(rows))]
            state.label = self.label.copy()
            state.label[rows] = state.target_name_by_code[raw.st_target[rows]]
        return state


def issue_codes(raw: RawTables) -> tuple[np.ndarray, list[str]]:
    """Per statement row: the code of its issue key (len(keys) for none), and the keys (once per article set)."""
    found = raw.memo.get("issue_codes")
    if found is None:
        index: dict[str, int] = {}
        values = raw.statements["issue"]
        codes = np.fromiter((index.setdefault(k, len(index)) if k else -1 for k in values), dtype=np.int64,
                            count=len(values))
        codes[codes < 0] = len(index)
        found = raw.memo["issue_codes"] = (codes, list(index))
    return found  # type: ignore[return-value]


def issue_labels(raw: RawTables) -> dict[str, tuple[str, int]]:
    """The corpus's issues (key -> commonest phrase, statements), once per article set."""
    found = raw.memo.get("issue_labels")
    if found is None:
        found = raw.memo["issue_labels"] = label_issues(zip(raw.statements["issue"], raw.statements["target_text"]))
    return found  # type: ignore[return-value]


def _is_none(raw: RawTables, column: str) -> np.ndarray:
    key = f"none:{column}"
    if key not in raw.memo:
        raw.memo[key] = _none_mask(raw.statements[column])
    return raw.memo[key]  # type: ignore[return-value]


def _none_mask(values: np.ndarray) -> np.ndarray:
    return np.fromiter((v is None for v in values), dtype=bool, count=len(values))


# corrections after which the statement columns are built anew (a rename or an override carries them over)
_REBUILD_FIELDS = ("targets", "issue_merges", "issue_names")


def statement_state(ctx: TableContext) -> StatementState:
    state = ctx.memo.get("statement_state")
    if state is None:
        raw = ctx.raw()
        # the state this one's resolver was derived from (the one before a rename or an override, also
        # when that one was reached by undo)
        before = ctx.actors.previous() if ctx.actors.previous is not None else None
        last = getattr(before, "statement_state", None)
        if last is not None and last[0] is raw and all(
                getattr(ctx.corrections, f) == getattr(before.corrections, f) for f in _REBUILD_FIELDS):
            # a rename or a polarity override: the other columns stay
            state = last[1].carried_over(ctx, raw, ctx.corrections.polarity != before.corrections.polarity)
        else:
            state = StatementState(ctx, raw)
        ctx.actors.statement_state = (raw, state)
        ctx.memo["statement_state"] = state
    return state  # type: ignore[return-value]


class EventState:
    """Event columns the corrections touch: user dates (only the corrected rows) and placement."""

    def __init__(self, ctx: TableContext, raw: RawTables):
        self.fixes: dict[int, object] = {}
        dates = ctx.corrections.event_dates
        key = []
        for eid in dates:
            row = raw.row(eid, "e")
            if row is not None:
                key.append((row, dates[eid]))
                k = int(raw.ev_article[row])
                self.fixes[row] = ctx.event_time(raw.results[k], row - int(raw.ev_offset[k]))[0]
        self.key = tuple(sorted(key))  # the same key: the same dates and the same row order
        self.placed = raw.events["placed"]
        if self.fixes:
            self.placed = self.placed.copy()
            for row, tx in self.fixes.items():
                self.placed[row] = tx is not None and tx.interval_start is not None  # type: ignore[attr-defined]


def event_state(ctx: TableContext) -> EventState:
    state = ctx.memo.get("event_state")
    if state is None:
        state = ctx.memo["event_state"] = EventState(ctx, ctx.raw())
    return state  # type: ignore[return-value]




def strings(values: np.ndarray):
    """A column of str (None allowed) as the str array pandas would infer, without inferring again."""
    if pd.api.types.infer_dtype(values, skipna=True) == "string":
        return pd.array(values, dtype=STRING)
    return values


def static_columns(raw, key: str, frame, names: tuple[str, ...]) -> dict:
    """Columns of `frame` that no correction changes, typed once per article set (kept in `raw.memo`)."""
    columns = raw.memo.get(key)
    if columns is None:
        columns = raw.memo[key] = {
            name: strings(frame[name]) if frame[name].dtype == object else frame[name] for name in names}
    return columns


_SHARED = 16  # values kept per article set by `shared`

# the kinds of correction each table depends on (beyond the article set)
STATEMENT_FIELDS = ("polarity", "targets", "actor_merges", "actor_names", "issue_names", "issue_merges")
MATRIX_FIELDS = STATEMENT_FIELDS + ("hidden_actors",)
# event groups read the events' times and participants: not names, stances or issues
EVENT_GROUP_FIELDS = ("event_dates", "actor_merges", "hidden_actors")


def shared(ctx: TableContext, name: str, fields: tuple[str, ...], build: Callable[[], object], *extra):
    """A value that depends only on some kinds of correction, reused by every state that agrees on
    them (an event date fix leaves the statements table and the matrix as they were)."""
    c = ctx.corrections
    key = (name, extra) + tuple(
        tuple(sorted(c.hidden_actors)) if f == "hidden_actors" else tuple(sorted(getattr(c, f).items()))
        for f in fields)
    memo = ctx.raw().memo.setdefault("shared", OrderedDict())
    if key in memo:  # type: ignore[operator]
        memo.move_to_end(key)  # type: ignore[attr-defined]
        return memo[key]  # type: ignore[index]
    value = memo[key] = build()  # type: ignore[index]
    while len(memo) > _SHARED:  # type: ignore[arg-type]
        memo.popitem(last=False)  # type: ignore[attr-defined]
    return value
