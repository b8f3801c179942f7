"""Builds the articles, actors, statements and timexes tables, and filters the timeline.

The correction-free rows come cached from `core.analysis.raw`; the user's corrections are applied here
column-wise (maps over the unique actor ids, only the corrected statement and event ids visited), so a
correction costs a few array operations, not a pass over every article. The tests keep from-scratch
builders these must match (`tests/core/analysis/reference_tables.py`).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from itertools import chain

import numpy as np
import pandas as pd

from core.analysis.columns import (
    STATEMENT_FIELDS, datetimes, event_state, int_or_none, shared, statement_state, static_columns, strings,
)
from core.analysis.columns import issue_labels
from core.analysis.context import TableContext
from core.analysis.issues import canonical_issue, effective_labels
from core.analysis.raw import RawTables
from core.analysis.schema import (
    REJECTED, ACTOR_COLUMNS, ARTICLE_COLUMNS, ISSUE_COLUMNS, STATEMENT_COLUMNS, TIMEX_COLUMNS, StanceMatrix, empty_table,
)
from core.model import OPPOSE, SUPPORT


def articles_table(ctx: TableContext) -> pd.DataFrame:
    """One row per article, counted from the cached rows: the list is always visible, so it must not
    wait for the (much larger) events and statements tables. Corrections other than event dates and
    rejected statements leave it as it was (the same frame, so the list need not look again)."""
    rejected = tuple(sorted(k for k, v in ctx.corrections.polarity.items() if v == REJECTED))
    return shared(ctx, "articles_table", ("event_dates",), lambda: _articles_table(ctx), rejected)


def _articles_table(ctx: TableContext) -> pd.DataFrame:
    raw = ctx.raw()
    if not raw.aids:
        return empty_table(ARTICLE_COLUMNS)
    if "articles" not in raw.memo:
        rows = []
        for result in raw.results:
            a = result.article
            rows.append({
                "article_id": a.id, "title": a.title, "source": a.source,
                "published": a.published, "published_origin": a.published_origin,
                "n_sentences": len(result.sentences), "n_events": 0, "n_statements": 0,
                "n_unresolved": sum(1 for t in result.timexes if t.certainty == "unresolved"),
                "notes": " ".join(result.notes),
            })
        raw.memo["articles"] = pd.DataFrame(rows, columns=ARTICLE_COLUMNS)
    table = raw.memo["articles"].copy()  # type: ignore[attr-defined]
    n = len(raw.aids)
    table["n_events"] = np.bincount(raw.ev_article[event_state(ctx).placed], minlength=n).astype(np.int64)
    table["n_statements"] = np.bincount(raw.st_article[statement_state(ctx).keep],
                                        minlength=n).astype(np.int64)
    return table


def actors_table(ctx: TableContext) -> pd.DataFrame:
    registry = ctx.actors.registry()
    raw = ctx.raw()
    mentions: Counter[str] = Counter()
    members: dict[str, list[str]] = defaultdict(list)
    for raw_id, n in raw.mentions.items():
        actor_id = ctx.actors.canonical(raw_id)
        mentions[actor_id] += n  # type: ignore[index]
        members[actor_id].append(raw_id)  # type: ignore[index]
    state = statement_state(ctx)
    per_code = np.bincount(raw.st_source[state.rows], minlength=len(raw.sources))
    by_source: Counter[str] = Counter()
    for code in np.flatnonzero(per_code):
        actor_id = state.source_by_code[code]
        if isinstance(actor_id, str):
            by_source[actor_id] += int(per_code[code])
    merged_into: dict[str, list[str]] = defaultdict(list)
    for source, target in ctx.corrections.actor_merges.items():
        merged_into[target].append(source)
    rows = []
    for actor_id, actor in registry.items():
        ids = members.get(actor_id, ())
        n_articles = len(raw.mention_articles[ids[0]]) if len(ids) == 1 else \
            len(set().union(*(raw.mention_articles[x] for x in ids)))
        rows.append({
            "actor_id": actor_id, "name": actor.name, "kind": actor.kind,
            "affiliation": actor.affiliation or "",
            "affiliation_name": ctx.actors.name(actor.affiliation) if actor.affiliation else "",
            "n_mentions": mentions.get(actor_id, 0),
            "n_statements": by_source.get(actor_id, 0),
            "n_articles": n_articles,
            "hidden": actor_id in ctx.corrections.hidden_actors,
            "merged_from": ", ".join(sorted(merged_into.get(actor_id, ()))),
        })
    table = pd.DataFrame(rows, columns=ACTOR_COLUMNS)
    return table.sort_values(["n_mentions", "name"], ascending=[False, True], ignore_index=True)


def statements_table(ctx: TableContext) -> pd.DataFrame:
    return shared(ctx, "statements", STATEMENT_FIELDS, lambda: _statements_table(ctx))


def statements_subset(ctx: TableContext, ids) -> pd.DataFrame:
    """The statements table's rows of these ids only (known, not rejected), in table order: a few
    selected statements need not wait for every statement's row after a correction."""
    raw, keep = ctx.raw(), statement_state(ctx).keep
    rows = sorted({r for i in ids if (r := raw.row(i, "s")) is not None and keep[r]})
    return _statements_table(ctx, np.array(rows, dtype=np.int64))


# The statement columns a correction can change: column -> (the StatementState attribute it is read
# from, the raw code it is indexed by, or None for the row itself).
_STATE_COLUMNS = {
    "source_actor": ("source_by_code", "st_source"), "source_name": ("source_name_by_code", "st_source"),
    "target_actor": ("target_by_code", "st_target"), "target_name": ("target_name_by_code", "st_target"),
    "issue_id": ("issue_key", None), "issue": ("issue", None), "target_label": ("label", None),
    "polarity": ("polarity", None), "corrected": ("corrected", None),
}


def _state_column(raw, state, column: str, rows: np.ndarray):
    attr, by = _STATE_COLUMNS[column]
    values = getattr(state, attr)[getattr(raw, by)[rows] if by else rows]
    return values if column == "corrected" else strings(values)


def _statements_table(ctx: TableContext, rows: np.ndarray | None = None) -> pd.DataFrame:
    raw = ctx.raw()
    state = statement_state(ctx)
    whole = rows is None
    if whole:
        rows = state.rows
        last = raw.memo.get("statements_last")
        if last is not None and (last[0].rows is rows or np.array_equal(last[0].rows, rows)):
            # the same rows (a rename, an override that rejects nothing): only the columns whose
            # state arrays changed are built again
            old, frame = last
            frame = frame.copy(deep=False)
            for column, (attr, _by) in _STATE_COLUMNS.items():
                if getattr(old, attr) is not getattr(state, attr):
                    frame[column] = _state_column(raw, state, column, rows)
            raw.memo["statements_last"] = (state, frame)
            return frame
    if not len(rows):
        return empty_table(STATEMENT_COLUMNS)
    st = raw.statements
    has_source, has_target = st["has_source"][rows], st["has_target"][rows]
    data = {name: values.take(rows) for name, values in _static_statements(raw).items()}
    data.update({
        "topic": strings(st["topic"][rows]),  # all None once filtered: pandas keeps objects
        "source_start": int_or_none(st["source_start"][rows], has_source),
        "source_end": int_or_none(st["source_end"][rows], has_source),
        "target_start": int_or_none(st["target_start"][rows], has_target),
        "target_end": int_or_none(st["target_end"][rows], has_target),
        "confidence": st["confidence"][rows].tolist(),  # ints and floats: let pandas infer as it did
        "date": datetimes(st["date"][rows]),
    })
    data.update({column: _state_column(raw, state, column, rows) for column in _STATE_COLUMNS})
    frame = pd.DataFrame(data, columns=STATEMENT_COLUMNS, copy=False)
    if whole:
        raw.memo["statements_last"] = (state, frame.copy(deep=False))
    return frame


# The statement columns no correction changes.
_STATIC_STATEMENT_COLUMNS = (
    "statement_id", "article_id", "title", "sentence_index", "sentence", "sent_start", "sent_end",
    "source_text", "cue_text", "cue_start", "cue_end", "content_text", "target_text", "modality", "kind")


def _static_statements(raw: RawTables) -> dict:
    return static_columns(raw, "statements_static", raw.statements, _STATIC_STATEMENT_COLUMNS)


def timexes_table(ctx: TableContext) -> pd.DataFrame:
    raw = ctx.raw()
    rows = list(chain.from_iterable(b.timex_rows() for b in raw.blocks))
    return pd.DataFrame(rows, columns=TIMEX_COLUMNS)


def filter_timeline(events: pd.DataFrame, actor_ids, start, end, article_ids, include_undated) -> pd.DataFrame:
    n = len(events)
    mask = np.ones(n, dtype=bool)
    if not include_undated:
        mask &= events["date_start"].notna().to_numpy()
    if actor_ids:
        wanted = set(actor_ids)
        mask &= np.fromiter((not wanted.isdisjoint(ids) for ids in events["actor_ids"].to_numpy()), dtype=bool,
                            count=n)
    if article_ids:
        mask &= events["article_id"].isin(list(article_ids)).to_numpy()
    if start is not None:
        mask &= ~(events["date_end"] <= pd.Timestamp(start)).to_numpy()
    if end is not None:
        mask &= ~(events["date_start"] >= pd.Timestamp(end)).to_numpy()
    kept = int(mask.sum())
    if mask[:kept].all():
        # dated events sort first, so the common filters keep a leading slice: no copy needed
        return events.iloc[:kept].reset_index(drop=True)
    return events[mask].reset_index(drop=True)


def net_stance(matrix: StanceMatrix) -> pd.Series:
    """Per actor: (support − oppose) / all statements, for sorting rows."""
    counts = matrix.counts
    total = counts.sum(axis=1).replace(0, 1)
    support = counts[SUPPORT] if SUPPORT in counts else 0
    oppose = counts[OPPOSE] if OPPOSE in counts else 0
    if SUPPORT in counts or OPPOSE in counts:
        return (support - oppose) / total
    return matrix.scores.mean(axis=1)


def issues_table(ctx: TableContext) -> pd.DataFrame:
    """One row per issue left after the user's merges, most discussed first."""
    raw = ctx.raw()
    state = statement_state(ctx)
    c = ctx.corrections
    labels = issue_labels(raw)
    rows = state.rows
    counts: Counter[str] = Counter()
    sources: dict[str, set] = defaultdict(set)
    for key, source in zip(state.issue_key[rows], state.source_by_code[raw.st_source[rows]]):
        if key is not None:
            counts[key] += 1
            if isinstance(source, str):
                sources[key].add(source)
    merged: dict[str, list[str]] = defaultdict(list)
    for key in labels:
        into = canonical_issue(key, c.issue_merges)
        if into != key:
            merged[into].append(key)  # type: ignore[index]
    names = effective_labels(labels, c.issue_merges, c.issue_names)
    out = [{"issue_id": key, "label": names.get(key) or key, "n_statements": n, "n_sources": len(sources[key]),
            "merged_from": ", ".join(sorted(merged.get(key, ()))), "renamed": key in c.issue_names}
           for key, n in counts.items()]
    table = pd.DataFrame(out, columns=ISSUE_COLUMNS)
    return table.sort_values(["n_statements", "label"], ascending=[False, True], ignore_index=True)
