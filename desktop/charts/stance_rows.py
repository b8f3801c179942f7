"""Which statements the stance-over-time strips show and where: holders, date range, target lanes, spread marks."""
from __future__ import annotations

import numpy as np
import pandas as pd

from desktop.charts.timeline_data import DAY, epoch_seconds


def cued_statements(analysis) -> pd.DataFrame:
    """Statements with a stance or reporting cue; stances inferred only from the words between two
    names (kind "relation") are left out here, as in the matrix by default."""
    table = analysis.statements_table()
    return table[table["kind"] != "relation"] if len(table) else table


def in_range(table: pd.DataFrame, first=None, last=None) -> pd.DataFrame:
    """Rows whose `date` lies in [first, last] (days, both included; None: open-ended)."""
    return table[in_range_mask(table, first, last)]


def in_range_mask(table: pd.DataFrame, first=None, last=None) -> np.ndarray:
    keep = table["date"].notna()
    if first is not None:
        keep &= table["date"] >= pd.Timestamp(first)
    if last is not None:
        keep &= table["date"] < pd.Timestamp(last) + pd.Timedelta(days=1)
    return keep.to_numpy()


def holders(analysis, sources: pd.Series, group_by: str) -> np.ndarray:
    """Per statement: the row its source counts under (None without a source), asked once per actor
    (200,000 statements have a few thousand sources)."""
    codes, uniques = pd.factorize(sources)
    answers = [analysis.stance_holder(a, group_by) if isinstance(a, str) else None for a in uniques]
    return np.array(answers + [None], dtype=object)[codes]  # code -1 (no source): the None at the end


def cued_mask(table: pd.DataFrame) -> np.ndarray:
    return table["kind"].to_numpy() != "relation"


def cued_holders(analysis, table: pd.DataFrame, group_by: str) -> tuple[np.ndarray, np.ndarray]:
    """(which rows are cued statements, the holder of each cued row or None) for the statements table."""
    cued = cued_mask(table)
    held = np.full(len(table), None, dtype=object)
    held[cued] = holders(analysis, table["source_actor"][cued], group_by)
    return cued, held


def stance_rows(analysis, actor_ids, group_by: str = "none", first=None, last=None, known=None) -> pd.DataFrame:
    """Dated statements of the given actors in the date range (people counted under the body of the
    `group_by` kind the text ties them to), with a `holder` column. `known`: `cued_holders` of the
    statements table, when the caller has them."""
    table = analysis.statements_table()
    if not len(table):
        return table.assign(holder=pd.Series(dtype=object), x=pd.Series(dtype=float))
    cued, held = known if known is not None else cued_holders(analysis, table, group_by)
    keep = cued & pd.Series(held).isin(list(actor_ids)).to_numpy() & in_range_mask(table, first, last)
    rows = np.flatnonzero(keep)
    # only the chosen rows are copied out of the (200,000-row) table
    table = table.take(rows).assign(holder=held[rows])
    table["target_label"] = table["target_label"].fillna("").replace("", "(no target)")
    table["x"] = epoch_seconds(table["date"]) + DAY / 2  # mid-day: the day the article appeared
    return table.reset_index(drop=True)


def target_lanes(targets: pd.Series, max_lanes: int) -> tuple[dict[str, int], dict[str, str]]:
    """({lane label: lane}, {target: lane label}) for one actor's statement targets: the most frequent
    ones get a lane each, at most `max_lanes` lanes, the rest share "other targets (n)"."""
    counts = targets.value_counts(sort=False)
    ranked = sorted(counts.index, key=lambda t: (-counts[t], t == "(no target)", str(t).casefold()))
    if len(ranked) <= max_lanes:
        return {t: i for i, t in enumerate(ranked)}, {t: t for t in ranked}
    kept = ranked[:max(max_lanes, 2) - 1]
    other = f"other targets ({len(ranked) - len(kept)})"
    lane_of = {t: (t if t in kept else other) for t in ranked}
    return {t: i for i, t in enumerate(kept + [other])}, lane_of


def spread(table: pd.DataFrame, lanes: dict[str, int], column: str = "target_label") -> tuple[np.ndarray, np.ndarray]:
    """(x, y) positions fanning out statements that share a day and a lane, so each stays clickable.

    Marks spread across their own day (never into the next one) and a little up and down the lane.
    """
    x = table["x"].to_numpy(dtype=float).copy()
    y = table[column].map(lanes).to_numpy(dtype=float)
    if not len(table):
        return x, y
    groups = table.groupby(["x", column])
    rank = groups.cumcount().to_numpy()
    size = groups["x"].transform("size").to_numpy()
    columns = np.minimum(size, 4)
    col, row = rank % columns, rank // columns
    rows = np.ceil(size / columns)
    x += (col - (columns - 1) / 2) * 0.8 * DAY / columns
    # a slight diagonal keeps marks apart even when zoomed out so far that a day is one pixel
    y += (col - (columns - 1) / 2) * 0.12
    y += np.where(rows > 1, (row - (rows - 1) / 2) * np.minimum(0.5 / np.maximum(rows - 1, 1), 0.3), 0.0)
    return x, y
