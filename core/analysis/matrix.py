"""The actor × stance / actor × target matrix from the corrected statement columns, grouped with numpy."""
from __future__ import annotations

from collections import Counter, OrderedDict
from dataclasses import replace

import numpy as np
import pandas as pd

from core.model import OPPOSE, POLARITIES, SUPPORT
from core.analysis.columns import MATRIX_FIELDS, datetimes, shared, statement_state
from core.analysis.context import TableContext
from core.analysis.schema import StanceMatrix


_MATRICES = 16  # stance matrices kept per corrections state (time-window drags ask for many)


def stance_matrix(ctx: TableContext, columns: str, group_by: str, start, end, min_confidence,
                  include_relations: bool = False) -> StanceMatrix:
    key = (columns, group_by, start, end, min_confidence, include_relations)
    memo = ctx.memo.setdefault("matrices", OrderedDict())
    if key in memo:  # type: ignore[operator]
        memo.move_to_end(key)  # type: ignore[attr-defined]
        return memo[key]  # type: ignore[index]
    matrix = shared(ctx, "matrix", MATRIX_FIELDS, lambda: _renamed(ctx, key) or _stance_matrix(
        ctx, columns, group_by, start, end, min_confidence, include_relations), *key)
    memo[key] = matrix  # type: ignore[index]
    raw = ctx.raw()
    if ctx.actors.matrices is None or ctx.actors.matrices[0] is not raw:
        ctx.actors.matrices = (raw, {})
    ctx.actors.matrices[1][key] = matrix
    while len(memo) > _MATRICES:  # type: ignore[arg-type]
        memo.popitem(last=False)  # type: ignore[attr-defined]
    return matrix


# The matrices whose cells no name reaches: rows are actor ids, columns stances or issue labels.
_NAMELESS_COLUMNS = ("stance", "issue")
_RENAMES_BACK = 8  # states looked back through for one


def _renamed(ctx: TableContext, key: tuple) -> StanceMatrix | None:
    """The matrix the state this one was derived from by renames built for `key`, with the new names;
    None when there is none (counting 200,000 statements again took 0.1 s per rename)."""
    if key[0] not in _NAMELESS_COLUMNS:
        return None
    before = ctx.actors
    for _ in range(_RENAMES_BACK):  # the matrix tab may have been hidden during the last renames
        before = before.previous() if before.previous is not None else None
        if before is None or any(getattr(ctx.corrections, f) != getattr(before.corrections, f)
                                 for f in MATRIX_FIELDS if f != "actor_names"):
            return None
        if before.matrices is not None and before.matrices[0] is ctx.raw() and key in before.matrices[1]:
            old = before.matrices[1][key]
            return replace(old, names={a: ctx.actors.name(a) for a in old.names})
    return None


def _holders(ctx: TableContext, group_by: str) -> tuple[np.ndarray, list[str]]:
    """Per raw source code: the index of the row it counts under (-1: none or hidden), and the rows."""
    key = f"holders:{group_by}"
    if key not in ctx.memo:
        state = statement_state(ctx)
        index: dict[str, int] = {}
        codes = np.full(len(state.source_by_code), -1, dtype=np.int64)
        for code, actor_id in enumerate(state.source_by_code):
            holder = ctx.actors.stance_holder(actor_id, group_by)
            if holder is not None and ctx.actors.visible(holder):
                codes[code] = index.setdefault(holder, len(index))
        ctx.memo[key] = (codes, list(index))
    return ctx.memo[key]  # type: ignore[return-value]


def _stance_matrix(ctx: TableContext, columns: str, group_by: str, start, end, min_confidence,
                   include_relations: bool) -> StanceMatrix:
    raw = ctx.raw()
    state = statement_state(ctx)
    st = raw.statements
    rows = state.rows
    holder_codes, holders = _holders(ctx, group_by)
    holder = holder_codes[raw.st_source[rows]]
    confidence = st["confidence"][rows]
    ok = (holder >= 0) & ~(confidence < min_confidence).astype(bool)
    if not include_relations:
        ok &= st["kind"][rows] != "relation"
    dates = datetimes(st["date"][rows])
    if start is not None:
        ok &= ~(dates < np.datetime64(pd.Timestamp(start)))
    if end is not None:
        ok &= ~(dates >= np.datetime64(pd.Timestamp(end)))
    about = _about(ctx, state, raw, columns)
    if about is not None:  # actor × issue and actor × actor count only statements about one
        ok &= ~_none(about[rows])
    rows, holder = rows[ok], holder[ok]
    polarity = state.polarity[rows]
    if columns == "stance":
        values = polarity
    elif about is not None:
        values = about[rows]
    else:
        values = state.label[rows].copy()
        values[values == ""] = "(no target)"
    column_codes, column_names = pd.factorize(values, sort=False)
    signs = (polarity == SUPPORT).astype(np.int64) - (polarity == OPPOSE)
    group_keys = holder * max(len(column_names), 1) + column_codes
    unique, first, inverse, sizes = np.unique(group_keys, return_index=True, return_inverse=True,
                                              return_counts=True)
    by_row = np.argsort(inverse, kind="stable")
    bounds = np.concatenate(([0], np.cumsum(sizes)))
    ids = st["statement_id"][rows][by_row]
    sign_sums = np.bincount(inverse, weights=signs, minlength=len(unique))
    cells: dict[tuple[str, str], list[str]] = {}
    sums: dict[tuple[str, str], float] = {}
    width = max(len(column_names), 1)
    for g in np.argsort(first):
        cell = (holders[unique[g] // width], str(column_names[unique[g] % width]))
        cells[cell] = ids[bounds[g]:bounds[g + 1]].tolist()
        sums[cell] = float(sign_sums[g])
    per_actor: Counter[str] = Counter()
    for (actor, _), cell_ids in cells.items():
        per_actor[actor] += len(cell_ids)
    actors = sorted(per_actor, key=lambda a: -per_actor[a])
    if columns == "stance":
        cols = list(POLARITIES)
    else:
        totals: Counter[str] = Counter()
        for (_, c), cell_ids in cells.items():
            totals[c] += len(cell_ids)
        cols = [c for c, _ in totals.most_common()]
    index = {a: i for i, a in enumerate(actors)}
    col_index = {c: j for j, c in enumerate(cols)}
    count_values = np.zeros((len(actors), len(cols)), dtype=int)
    score_values = np.zeros((len(actors), len(cols)), dtype=float)
    for (actor, column), cell_ids in cells.items():
        i, j = index[actor], col_index[column]
        count_values[i, j] = len(cell_ids)
        if columns == "stance":
            sign = 1 if column == SUPPORT else -1 if column == OPPOSE else 0
            score_values[i, j] = sign * len(cell_ids) / per_actor[actor]
        else:
            score_values[i, j] = sums[(actor, column)] / len(cell_ids)
    counts = pd.DataFrame(count_values, index=pd.Index(actors, name="actor_id"), columns=cols)
    scores = pd.DataFrame(score_values, index=counts.index, columns=cols)
    names = {a: ctx.actors.name(a) for a in actors}
    return StanceMatrix(counts=counts, scores=scores, names=names, cells=cells)




def _about(ctx: TableContext, state, raw, columns: str) -> np.ndarray | None:
    """Per statement row, the column it counts in for the issue and actor views (None: not counted)."""
    if columns == "issue":
        return state.issue
    if columns == "actor":
        names = np.array([name if actor is not None and ctx.actors.visible(actor) else None
                          for actor, name in zip(state.target_by_code, state.target_name_by_code)], dtype=object)
        return names[raw.st_target]
    return None


def _none(values: np.ndarray) -> np.ndarray:
    return np.fromiter((v is None for v in values), dtype=bool, count=len(values))
