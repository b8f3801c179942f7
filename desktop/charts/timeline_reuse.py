"""Timeline marks kept across a change that moves none of them: a rename, a stance fix, their undo.

Building the marks of 240,000 dated events takes most of a second, and a correction must show in every
view within a tenth of one. So the marks remember what they were built from (`Marks.built`); when the
new table places every event where it was (same events, times, lanes and colours) and the event groups
are the very same object, the marks stay: the lane labels are read again (the lanes are re-ranked, a
new name can break a tie) and only the table columns that changed are copied into the marks' table.
"""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from desktop.charts.timeline_data import OTHER, Marks, other_label, rank_lanes

# what places and colours a mark (besides its lane column and colour column)
PLACEMENT = ("event_id", "date_start", "date_end", "granularity", "certainty", "future")


def _buffer(column: pd.Series) -> tuple | None:
    """Where a column's values live: two columns with the same buffer, shape and strides hold the same
    values (the analysis never writes into a table it has handed out)."""
    values = getattr(column.array, "_ndarray", None)
    if values is None:
        values = column.to_numpy()
    try:
        return values.__array_interface__["data"][0], values.shape, values.strides, values.dtype.str
    except (AttributeError, TypeError):
        return None


def _same(a: pd.Series, b: pd.Series) -> bool:
    key = _buffer(a)
    return (key is not None and key == _buffer(b)) or a.equals(b)


def kept_marks(marks: Marks | None, table: pd.DataFrame, names, groups, options: tuple) -> Marks | None:
    """`marks` brought up to date with `table` (the timeline's rows) and `names`, when no mark moves;
    None when they must be built again. `options` are (lanes_by, colour_by, max_lanes, order, chosen)."""
    built = marks.built if marks is not None else None
    if built is None or built.options != options or built.groups is not groups:
        return None
    dated = table["date_start"].notna().to_numpy()
    if not dated.all():
        table = table[dated].reset_index(drop=True)
    old = built.source
    if len(old) != len(table) or list(old.columns) != list(table.columns):
        return None
    lanes_by, colour_by, max_lanes, order, chosen = options
    by_article = lanes_by == "article"
    decisive = PLACEMENT + (("article_id", "title") if by_article else ("actor_ids",))
    decisive += ("stance" if colour_by == "stance" else "modality",)
    if not all(_same(old[c], table[c]) for c in decisive):
        return None
    if by_article:
        labels = {k: k for k in built.tally.index}
        labels.update(zip(table["article_id"], table["title"]))
    else:
        labels = {k: names.get(k, k) for k in built.tally.index}
    lane_keys, folded = rank_lanes(built.tally, built.first, labels, max_lanes, order, chosen)
    if folded:
        lane_keys = lane_keys + [OTHER]
        labels[OTHER] = other_label(folded, "articles" if by_article else "actors")
    if lane_keys != marks.lane_keys:
        return None  # a new name reordered the lanes: every mark's lane changes
    frame = marks.table.copy(deep=False)
    whole = len(built.rows) == len(table)
    for column in table.columns:
        if column in decisive or _buffer(old[column]) == _buffer(table[column]):
            continue
        values = table[column]
        frame[column] = values.to_numpy() if whole else values.array.take(built.rows)
    return replace(marks, table=frame, lanes=[labels.get(k, k) for k in lane_keys],
                   folded=sorted(folded, key=lambda k: labels.get(k, k).casefold()),
                   built=replace(built, source=table))
