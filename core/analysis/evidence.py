"""The evidence table: the sentences behind statements and events, with what to highlight in each."""
from __future__ import annotations

from collections import OrderedDict
from typing import Callable, Sequence

import numpy as np
import pandas as pd

from core.analysis.context import TableContext
from core.analysis.schema import EVIDENCE_COLUMNS


# Fewer ids than 1 in SUBSET_SHARE rows: their rows are built alone, not looked up in the whole table
# (after a correction the whole statements table of 10,000 articles takes a fifth of a second).
SUBSET_SHARE = 8


def evidence(ctx: TableContext, statements_table: Callable[[], pd.DataFrame], events_table: Callable[[], pd.DataFrame],
             statement_ids: Sequence[str], event_ids: Sequence[str]) -> pd.DataFrame:
    """Rows: one per (item, sentence); `highlights` lists (start, end, role) in article offsets."""
    from core.analysis.events_table import events_subset
    from core.analysis.tables import statements_subset

    raw = ctx.raw()

    def indexed(name: str, table: Callable[[], pd.DataFrame], column: str, subset, ids, n: int):
        if f"{name}_by_id" not in ctx.memo and len(ids) * SUBSET_SHARE < n:
            return lambda: subset(ctx, ids).set_index(column, drop=False)
        return lambda: ctx.cached(f"{name}_by_id", lambda: table().set_index(column, drop=False))

    return evidence_rows(
        indexed("statements", statements_table, "statement_id", statements_subset, statement_ids,
                len(raw.statements["sentence_index"])),
        indexed("events", events_table, "event_id", events_subset, event_ids, len(raw.events["sentence_index"])),
        statement_ids, event_ids)


def item_places(ctx: TableContext, statement_ids: Sequence[str], event_ids: Sequence[str]) -> pd.DataFrame:
    """Article and sentence of each known statement (not rejected) and event id, in the order given,
    read from the per-article rows without building the statements or events table."""
    from core.analysis.columns import statement_state

    raw, keep = ctx.raw(), statement_state(ctx).keep
    parts = []
    for ids, kind, article, sentence in (
            (statement_ids, "s", raw.st_article, raw.statements["sentence_index"]),
            (event_ids, "e", raw.ev_article, raw.events["sentence_index"])):
        ids, rows = _item_rows(raw, ids, kind)
        known = rows >= 0
        if kind == "s":
            known[known] = keep[rows[known]]
        rows = rows[known]
        parts.append(pd.DataFrame({
            "item_id": ids[known], "kind": "statement" if kind == "s" else "event",
            "article_id": _article_ids(raw)[article[rows]], "sentence_index": sentence[rows].astype(int)}))
    return pd.concat(parts, ignore_index=True)


def _article_ids(raw) -> np.ndarray:
    found = raw.memo.get("aids_array")
    if found is None:
        found = raw.memo["aids_array"] = np.array(raw.aids, dtype=object)
    return found  # type: ignore[return-value]


def _item_rows(raw, ids: Sequence[str], kind: str) -> tuple[np.ndarray, np.ndarray]:
    """(the ids, their rows in the raw columns or -1), remembered for the last id list of each kind:
    a selection of 100,000 items stays selected across corrections, which do not move rows."""
    key = (kind, tuple(ids))
    memo = raw.memo.setdefault("item_rows", OrderedDict())
    found = memo.get(key)  # type: ignore[union-attr]
    if found is None:
        rows = np.fromiter(((-1 if (r := raw.row(i, kind)) is None else r) for i in key[1]), dtype=np.int64,
                           count=len(key[1]))
        found = memo[key] = (np.array(key[1], dtype=object), rows)  # type: ignore[index]
        while len(memo) > 6:  # type: ignore[arg-type]
            memo.popitem(last=False)  # type: ignore[union-attr]
    return found


def evidence_rows(statements_by_id, events_by_id, statement_ids: Sequence[str], event_ids: Sequence[str]) -> pd.DataFrame:
    """The evidence table from the statements and events tables indexed by id (callables, so that
    a caller with cached tables builds only the one it needs)."""
    rows = []
    # One lookup of all the ids, then a walk over plain tuples: a `.loc` per id took a second per
    # thousand items, and a search can select tens of thousands.
    if statement_ids:
        statements = statements_by_id()
        index = statements.index
        for s in statements.loc[[sid for sid in statement_ids if sid in index]].itertuples(index=False):
            marks = [(int(s.cue_start), int(s.cue_end), "cue")]
            if pd.notna(s.source_start):
                marks.append((int(s.source_start), int(s.source_end), "source"))
            if pd.notna(s.target_start):
                marks.append((int(s.target_start), int(s.target_end), "target"))
            rows.append({
                "item_id": s.statement_id, "kind": "statement", "article_id": s.article_id, "title": s.title,
                "sentence_index": int(s.sentence_index), "start": int(s.sent_start), "end": int(s.sent_end),
                "sentence": s.sentence, "highlights": sorted(marks),
                "label": f"{s.source_name or s.source_text or '?'} \u2014 {s.cue_text} \u2014 {s.polarity}"
                         + (f" ({s.target_label})" if s.target_label else ""),
            })
    if event_ids:
        events = events_by_id()
        index = events.index
        for e in events.loc[[eid for eid in event_ids if eid in index]].itertuples(index=False):
            marks = []
            if e.time_start is not None and pd.notna(e.time_start):
                marks.append((int(e.time_start), int(e.time_end), "time"))
            rows.append({
                "item_id": e.event_id, "kind": "event", "article_id": e.article_id, "title": e.title,
                "sentence_index": int(e.sentence_index), "start": int(e.start), "end": int(e.end),
                "sentence": e.sentence, "highlights": marks,
                "label": f"{_phrase(e)} \u2192 {_date_label(e)} \u2014 {e.modality}", "_when": e.date_start,
            })
    table = pd.DataFrame(rows, columns=EVIDENCE_COLUMNS + ["_when"])
    if not len(table):
        return table.drop(columns="_when")
    # events alone (a merged event, an actor's timeline) read in time order; anything else by article
    keys = ["_when", "article_id", "sentence_index"] if not statement_ids else ["article_id", "sentence_index"]
    return table.sort_values(keys, kind="stable", na_position="last", ignore_index=True).drop(columns="_when")


def _phrase(e) -> str:
    """The date phrase, or how an event without one was placed."""
    if e.time_text:
        return e.time_text
    anchor = getattr(e, "anchor", "")
    return {"publication": "no date in the sentence: at publication",
            "reference": f"no date in the sentence: the day named before ({getattr(e, 'anchor_text', '')})",
            "after": "planned: after publication"}.get(anchor, "undated")


def _date_label(e) -> str:
    if pd.isna(e.date_start):
        return "undated"
    start = e.date_start
    if e.granularity == "day":
        return start.strftime("%a %d %b %Y")
    if e.granularity == "month":
        return start.strftime("%B %Y")
    if e.granularity == "year":
        return start.strftime("%Y")
    last = (e.date_end - pd.Timedelta(days=1)) if pd.notna(e.date_end) else start
    return f"{start:%d %b %Y} \u2013 {last:%d %b %Y}"
