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


def _event_stance(raw: RawTables, polarity: np.ndarray) -> np.ndarray:
    """Per event: the effective polarity of its sentence's first supporting or opposing statement."""
    ev, st = raw.events, raw.statements
    stance = np.full(len(ev["start"]), "", dtype=object)
    hits = np.flatnonzero((polarity == SUPPORT) | (polarity == OPPOSE))
    if not len(hits) or not len(stance):
        return stance
    low = min(int(ev["sentence_index"].min()), int(st["sentence_index"].min()))
    span = max(int(ev["sentence_index"].max()), int(st["sentence_index"].max())) - low + 1
    keys = raw.st_article[hits] * span + (st["sentence_index"][hits] - low)
    unique, first = np.unique(keys, return_index=True)
    ev_keys = raw.ev_article * span + (ev["sentence_index"] - low)
    at = np.minimum(np.searchsorted(unique, ev_keys), len(unique) - 1)
    found = unique[at] == ev_keys
    stance[found] = polarity[hits[first[at[found]]]]
    return stance


_TIME = ("date_start", "date_end", "granularity", "certainty", "future", "time_text", "time_value", "time_start",
         "time_end", "has_time", "anchor", "anchor_text")
_TIME_STRINGS = ("granularity", "certainty", "time_text", "time_value", "anchor", "anchor_text")


class _Last:
    """The last events table built on these rows, and what it was built from (raw row order)."""

    __slots__ = ("base", "cols", "corrected", "order", "frame", "ids", "names", "polarity")

    def __init__(self, base, cols, corrected, order, frame, ids, names, polarity):
        self.base, self.cols, self.corrected, self.order, self.frame = base, cols, corrected, order, frame
        self.ids, self.names, self.polarity = ids, names, polarity


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
    polarity = statement_state(ctx).polarity
    last = raw.memo.get("events_last")
    changed = _changed_rows(last, raw, cols, corrected) if isinstance(last, _Last) else None
    if changed is None or len(changed) > len(corrected) // 8 or not _patchable(last.frame):  # type: ignore[union-attr]
        order, frame = _build(raw, cols, corrected, ids, names, polarity)
    else:
        # the same rows, most in the same place: reorder the last frame, rewrite the changed times
        order, frame = last.order, last.frame.copy(deep=False)  # type: ignore[union-attr]
        if len(changed):
            order, frame = _resort(raw, last, cols, corrected, changed)  # type: ignore[arg-type]
        if last.ids is not ids:  # type: ignore[union-attr]
            _set_actors(frame, ids, names, raw.ev_tuple[order], raw.ev_mentioned[order])
        elif last.names is not names:  # type: ignore[union-attr]
            _set_actors(frame, None, names, raw.ev_tuple[order], raw.ev_mentioned[order])
        if not (last.polarity is polarity or np.array_equal(last.polarity, polarity)):  # type: ignore[union-attr]
            frame["stance"] = strings(_event_stance(raw, polarity)[order])
    raw.memo["events_last"] = _Last(raw.events["date_start"], cols, corrected, order, frame.copy(deep=False), ids,
                                    names, polarity)
    return frame


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
    return _build(raw, cols, corrected, ids, names, statement_state(ctx).polarity, rows)[1]


def _build(raw: RawTables, cols: dict[str, np.ndarray], corrected: np.ndarray, ids: np.ndarray,
           names: np.ndarray, polarity: np.ndarray, order: np.ndarray | None = None):
    if order is None:
        order = _order(raw, cols)
    has_time = cols["has_time"][order]
    data = {name: values.take(order) for name, values in _static(raw).items()}
    data.update({
        "date_start": datetimes(cols["date_start"][order]), "date_end": datetimes(cols["date_end"][order]),
        "future": cols["future"][order],
        "time_start": int_or_none(cols["time_start"][order], has_time),
        "time_end": int_or_none(cols["time_end"][order], has_time),
        "stance": strings(_event_stance(raw, polarity)[order]), "corrected": corrected[order],
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


