"""The events table after corrections: actor columns mapped per unique raw actor tuple (only the tuples
holding a changed actor are redone), sentence stance from effective polarities, user dates on the
corrected rows only, and the previous state's frame reused when the order cannot have changed."""
from __future__ import annotations

import numpy as np
import pandas as pd

from core.model import OPPOSE, SUPPORT
from core.analysis.context import TableContext
from core.analysis.raw import NAT, RawTables, seconds
from core.analysis.schema import TIMELINE_COLUMNS, empty_table
from core.analysis.columns import (datetimes, event_state, int_or_none, statement_state, static_columns,
                               strings)



def _tuple_index(raw: RawTables) -> dict[str, np.ndarray]:
    """Raw actor id -> codes of the unique actor tuples holding it."""
    index = raw.memo.get("tuples_with")
    if index is None:
        lists: dict[str, list[int]] = {}
        for k, t in enumerate(raw.tuples):
            for x in set(t):
                lists.setdefault(x, []).append(k)
        index = raw.memo["tuples_with"] = {x: np.array(v, dtype=np.int64) for x, v in lists.items()}
    return index  # type: ignore[return-value]


def _event_actors(ctx: TableContext, raw: RawTables) -> tuple[np.ndarray, np.ndarray]:
    """Per unique raw actor tuple: the visible canonical ids (deduplicated) and their names.

    Only the tuples holding an actor whose canonical id, visibility or name changed since the last
    state built on these rows are redone; with nothing changed the very same arrays come back."""
    done = ctx.memo.get("event_actors")
    if done is not None:
        return done  # type: ignore[return-value]
    index = _tuple_index(raw)
    name = ctx.actors.name
    base = raw.memo.get("event_actors")
    before = ctx.actors.previous() if ctx.actors.previous is not None else None
    if before is not None and before.event_actors is not None and before.event_actors[0] is raw:
        base = (*before.event_actors[1:], before)  # the state a rename was made in (also when reached by undo)
    moved: list[str] | None = None  # the ids whose entry changed, when known without comparing every id
    if base is not None and ctx.actors.derived_from(base[3]):
        # only names changed since the last build on these rows: only the renamed actors' ids are looked at
        shown, moved = dict(base[0]), []
        members = ctx.actors.members()
        for c in ctx.actors.renamed or ():
            for x in members.get(c, ()):
                if x in shown and shown[x][0] is not None:
                    shown[x] = (c, name(c))
                    moved.append(x)
    else:
        shown = {}
        for x in index:
            c = ctx.actors.canonical(x) if ctx.actors.visible(x) else None
            shown[x] = (c, name(c) if c is not None else None)
    if base is None:
        ids = np.empty(len(raw.tuples), dtype=object)
        names = np.empty(len(raw.tuples), dtype=object)
        todo = _from_previous(ctx.store.event_actors, raw, shown, ids, names)
    else:
        old, ids, names, _resolver = base  # type: ignore[misc]
        if moved is None:
            moved = [x for x, v in shown.items() if old[x] != v]
        changed = [index[x] for x in moved if x in index]
        if changed:
            todo = np.unique(np.concatenate(changed)).tolist()
            # a rename leaves every tuple's ids as they were: the same array, so the columns built
            # from it can stay
            names = names.copy()
        else:
            todo = ()
    shared_ids = base is not None  # copied before the first write: the last state still reads it
    for k in todo:
        t = raw.tuples[k]
        if len(t) == 1:
            c, n = shown[t[0]]
            kept, names[k] = ((c,), n) if c is not None else ((), "")
        else:
            kept = tuple(dict.fromkeys(c for c, _ in (shown[x] for x in t) if c is not None))
            names[k] = ", ".join(name(c) for c in kept)
        if ids[k] != kept:
            if shared_ids:
                ids, shared_ids = ids.copy(), False
            ids[k] = kept
    if base is None:
        # for the next article set (articles added or removed), by tuple value
        ctx.store.event_actors = (shown, dict(zip(raw.tuples, zip(ids.tolist(), names.tolist()))))
    raw.memo["event_actors"] = (shown, ids, names, ctx.actors)
    ctx.actors.event_actors = (raw, shown, ids, names)
    ctx.memo["event_actors"] = (ids, names)
    return ids, names


def _from_previous(previous, raw: RawTables, shown: dict, ids: np.ndarray, names: np.ndarray):
    """Fill the tuples an earlier article set mapped, unless one of their actors changed since;
    return the codes of the tuples still to do."""
    if previous is None:
        return range(len(raw.tuples))
    old, by_tuple = previous
    stale = {x for x, v in shown.items() if old.get(x) != v}
    todo = []
    for k, t in enumerate(raw.tuples):
        hit = by_tuple.get(t)
        if hit is None or (stale and not stale.isdisjoint(t)):
            todo.append(k)
        else:
            ids[k], names[k] = hit
    return todo


def _sentence_keys(raw: RawTables) -> tuple[np.ndarray, np.ndarray]:
    """(per event row, per statement row) one number per (article, sentence), once per article set."""
    found = raw.memo.get("sentence_keys")
    if found is None:
        ev, st = raw.events, raw.statements
        both = np.concatenate([ev["sentence_index"], st["sentence_index"], [0]])
        low, high = int(both.min()), int(both.max())
        span = high - low + 1
        found = raw.memo["sentence_keys"] = (raw.ev_article * span + (ev["sentence_index"] - low),
                                             raw.st_article * span + (st["sentence_index"] - low))
    return found  # type: ignore[return-value]


def _event_stance(raw: RawTables, polarity: np.ndarray, events: np.ndarray | None = None) -> np.ndarray:
    """Per event (of `events` rows, default all): the effective polarity of its sentence's first
    supporting or opposing statement, "" when it has none."""
    ev_keys, st_keys = _sentence_keys(raw)
    if events is not None:
        ev_keys = ev_keys[events]
    stance = np.full(len(ev_keys), "", dtype=object)
    if events is None:
        hits = np.flatnonzero((polarity == SUPPORT) | (polarity == OPPOSE))
    else:
        rows = np.flatnonzero(np.isin(st_keys, ev_keys))
        hits = rows[(polarity[rows] == SUPPORT) | (polarity[rows] == OPPOSE)]
    if not len(hits) or not len(stance):
        return stance
    unique, first = np.unique(st_keys[hits], return_index=True)
    at = np.minimum(np.searchsorted(unique, ev_keys), len(unique) - 1)
    found = unique[at] == ev_keys
    stance[found] = polarity[hits[first[at[found]]]]
    return stance


def _patched_stance(raw: RawTables, last, state) -> tuple[np.ndarray, np.ndarray] | None:
    """(the raw-order stance after a change of polarity overrides, the event rows redone): only the
    events in the sentences of the statements whose polarity changed are; None when `last` was built
    on other base polarities."""
    if last.polarity_base is not raw.statements["polarity"] or last.stance is None:
        return None
    rows = np.union1d(last.polarity_rows, state.polarity_rows)
    rows = rows[last.polarity[rows] != state.polarity[rows]]
    ev_keys, st_keys = _sentence_keys(raw)
    events = np.flatnonzero(np.isin(ev_keys, st_keys[rows])) if len(rows) else rows
    stance = last.stance.copy() if len(events) else last.stance
    stance[events] = _event_stance(raw, state.polarity, events)
    return stance, events


_TIME = ("date_start", "date_end", "granularity", "certainty", "future", "time_text", "time_value", "time_start",
         "time_end", "has_time", "anchor", "anchor_text")
_TIME_STRINGS = ("granularity", "certainty", "time_text", "time_value", "anchor", "anchor_text")


class _Last:
    """The last events table built on these rows, and what it was built from (raw row order)."""

    __slots__ = ("base", "cols", "corrected", "order", "frame", "ids", "names", "polarity", "polarity_base",
                 "polarity_rows", "stance")

    def __init__(self, base, cols, corrected, order, frame, ids, names, state, stance, raw):
        self.base, self.cols, self.corrected, self.order, self.frame = base, cols, corrected, order, frame
        self.ids, self.names, self.polarity, self.polarity_rows = ids, names, state.polarity, state.polarity_rows
        self.polarity_base, self.stance = raw.statements["polarity"], stance  # stance in raw row order


def _time_columns(raw: RawTables, fixes: dict) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """The time columns in raw row order with the user's dates on the corrected rows."""
    cols = {name: raw.events[name] for name in _TIME}
    corrected = np.zeros(len(raw.events["start"]), dtype=bool)
    if fixes:
        cols = {name: values.copy() for name, values in cols.items()}
        for row, tx in fixes.items():
            corrected[row] = True
            _set_time(cols, row, tx, tx is not None and tx.interval_start is not None)
    return cols, corrected


def _changed_rows(last: _Last, raw: RawTables, cols: dict[str, np.ndarray], corrected: np.ndarray) -> np.ndarray:
    if last.base is raw.events["date_start"]:
        # the same resolved times underneath: only rows with a user date, then or now, can differ
        rows = np.flatnonzero(last.corrected | corrected)
    elif raw.parent is not None and last.base is raw.parent[0]:
        # publication dates fixed since: the re-resolved articles' rows too
        rows = np.union1d(raw.parent[1], np.flatnonzero(last.corrected | corrected))
    else:
        rows = np.arange(len(corrected))
    differ = last.corrected[rows] != corrected[rows]
    for name, values in cols.items():
        if last.cols[name] is not values:
            differ |= last.cols[name][rows] != values[rows]
    return rows[differ]


def _order(raw: RawTables, cols: dict[str, np.ndarray]) -> np.ndarray:
    """The reference sort (date, article id, start; undated last; stable) as one lexsort."""
    return np.lexsort((raw.events["start"], raw.article_rank[raw.ev_article],
                       np.where(cols["date_start"] == NAT, np.iinfo(np.int64).max, cols["date_start"])))


def events_table(ctx: TableContext) -> pd.DataFrame:
    raw = ctx.raw()
    if not len(raw.events["start"]):
        return empty_table(TIMELINE_COLUMNS, datetimes=("date_start", "date_end"))
    cols, corrected = _time_columns(raw, event_state(ctx).fixes)
    ids, names = _event_actors(ctx, raw)
    state = statement_state(ctx)
    last = raw.memo.get("events_last")
    changed = _changed_rows(last, raw, cols, corrected) if isinstance(last, _Last) else None
    if changed is None or len(changed) > len(corrected) // 8 or not _patchable(last.frame):  # type: ignore[union-attr]
        stance = _event_stance(raw, state.polarity)
        order, frame = _build(raw, cols, corrected, ids, names, stance)
    else:
        # the same rows, most in the same place: reorder the last frame, rewrite the changed times
        order, frame = last.order, last.frame.copy(deep=False)  # type: ignore[union-attr]
        if len(changed):
            order, frame = _resort(raw, last, cols, corrected, changed)  # type: ignore[arg-type]
        if last.ids is not ids:  # type: ignore[union-attr]
            _set_actors(frame, ids, names, raw.ev_tuple[order], raw.ev_mentioned[order])
        elif last.names is not names:  # type: ignore[union-attr]
            _set_actors(frame, None, names, raw.ev_tuple[order], raw.ev_mentioned[order])
        stance = last.stance  # type: ignore[union-attr]
        if last.polarity is not state.polarity:  # type: ignore[union-attr]
            patched = _patched_stance(raw, last, state)
            if patched is None:
                stance = _event_stance(raw, state.polarity)
                frame["stance"] = strings(stance[order])
            else:
                stance, redone = patched
                _set_stance(frame, stance, order, redone)
    raw.memo["events_last"] = _Last(raw.events["date_start"], cols, corrected, order, frame.copy(deep=False), ids,
                                    names, state, stance, raw)
    return frame


def _set_stance(frame: pd.DataFrame, stance: np.ndarray, order: np.ndarray, rows: np.ndarray) -> None:
    """Rewrite the stance of these raw rows in `frame` (rows in `order`)."""
    values = frame["stance"].array
    if not len(rows):
        return
    if not isinstance(values, pd.arrays.StringArray):
        frame["stance"] = strings(stance[order])
        return
    where = np.empty(len(order), dtype=np.int64)
    where[order] = np.arange(len(order))
    values = values.copy()
    values[where[rows]] = stance[rows].tolist()
    frame["stance"] = values


def _patchable(frame: pd.DataFrame) -> bool:
    return all(isinstance(frame[name].array, pd.arrays.StringArray) for name in _TIME_STRINGS)


def _resort(raw: RawTables, last: _Last, cols: dict[str, np.ndarray], corrected: np.ndarray, changed: np.ndarray):
    order = _order(raw, cols)
    n = len(order)
    where_last = np.empty(n, dtype=np.int64)
    where_last[last.order] = np.arange(n)
    frame = last.frame.take(where_last[order]).reset_index(drop=True)
    where = np.empty(n, dtype=np.int64)
    where[order] = np.arange(n)
    at = where[changed]
    for name in _TIME_STRINGS:
        values = frame[name].array.copy()
        values[at] = cols[name][changed].tolist()
        frame[name] = values
    has_time = cols["has_time"][order]
    frame["date_start"] = datetimes(cols["date_start"][order])
    frame["date_end"] = datetimes(cols["date_end"][order])
    frame["future"] = cols["future"][order]
    frame["time_start"] = int_or_none(cols["time_start"][order], has_time)
    frame["time_end"] = int_or_none(cols["time_end"][order], has_time)
    frame["corrected"] = corrected[order]
    return order, frame


def _set_actors(frame: pd.DataFrame, ids: np.ndarray | None, names: np.ndarray, codes: np.ndarray,
                mentioned: np.ndarray) -> None:
    """The actor columns; the id columns are left as they are when `ids` is None (only names changed)."""
    if ids is not None:
        frame["actor_ids"] = ids[codes]
        frame["mentioned_ids"] = ids[mentioned]
    named = strings(names)  # once for both columns
    frame["actors"] = named.take(codes)
    frame["mentioned"] = named.take(mentioned)


# The event columns no correction changes.
_STATIC_EVENT_COLUMNS = ("event_id", "article_id", "title", "sentence_index", "start", "end", "sentence",
                         "predicate", "modality", "predicates")


def _static(raw: RawTables) -> dict:
    return static_columns(raw, "events_static", raw.events, _STATIC_EVENT_COLUMNS)


def events_subset(ctx: TableContext, event_ids) -> pd.DataFrame:
    """The events table's rows of these ids only (the known ones), in raw order (an article's events in
    sentence order), for a few selected events."""
    raw = ctx.raw()
    rows = np.array(sorted({r for i in event_ids if (r := raw.row(i, "e")) is not None}), dtype=np.int64)
    if not len(rows):
        return empty_table(TIMELINE_COLUMNS, datetimes=("date_start", "date_end"))
    cols, corrected = _time_columns(raw, event_state(ctx).fixes)
    ids, names = _event_actors(ctx, raw)
    stance = np.full(len(raw.events["start"]), "", dtype=object)
    stance[rows] = _event_stance(raw, statement_state(ctx).polarity, rows)
    return _build(raw, cols, corrected, ids, names, stance, rows)[1]


def _build(raw: RawTables, cols: dict[str, np.ndarray], corrected: np.ndarray, ids: np.ndarray,
           names: np.ndarray, stance: np.ndarray, order: np.ndarray | None = None):
    if order is None:
        order = _order(raw, cols)
    has_time = cols["has_time"][order]
    data = {name: values.take(order) for name, values in _static(raw).items()}
    data.update({
        "date_start": datetimes(cols["date_start"][order]), "date_end": datetimes(cols["date_end"][order]),
        "future": cols["future"][order],
        "time_start": int_or_none(cols["time_start"][order], has_time),
        "time_end": int_or_none(cols["time_end"][order], has_time),
        "stance": strings(stance[order]), "corrected": corrected[order],
    })
    for name in _TIME_STRINGS:
        data[name] = strings(cols[name][order])
    codes, mentioned = raw.ev_tuple[order], raw.ev_mentioned[order]
    data["actor_ids"], data["actors"] = ids[codes], strings(names).take(codes)
    data["mentioned_ids"], data["mentioned"] = ids[mentioned], strings(names).take(mentioned)
    return order, pd.DataFrame(data, columns=TIMELINE_COLUMNS, copy=False)


def _set_time(cols: dict[str, np.ndarray], row: int, tx, placed: bool) -> None:
    cols["date_start"][row] = seconds(tx.interval_start) if placed else NAT
    cols["date_end"][row] = seconds(tx.interval_end) if placed else NAT
    cols["granularity"][row] = tx.granularity if tx else "none"
    cols["certainty"][row] = tx.certainty if tx else "unresolved"
    cols["future"][row] = bool(tx.future) if tx else False
    cols["time_text"][row] = tx.text if tx else ""
    cols["time_value"][row] = tx.value if tx else ""
    cols["has_time"][row] = tx is not None
    cols["time_start"][row] = tx.start if tx else 0
    cols["time_end"][row] = tx.end if tx else 0
    cols["anchor"][row] = ""  # the user's date replaces any anchor
    cols["anchor_text"][row] = ""


