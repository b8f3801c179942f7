"""Builds the pandas tables an `Analysis` offers: articles, actors, statements, events, matrix, evidence.

The correction-free rows come cached from `core.tables_raw`; the user's corrections are applied here
column-wise (maps over the unique actor ids, only the corrected statement and event ids visited), so a
correction costs a few array operations, not a pass over every article. `core.tables_full` keeps the
from-scratch builders these must match.
"""
from __future__ import annotations

from collections import Counter, OrderedDict, defaultdict
from itertools import chain
from typing import TYPE_CHECKING, Sequence

import numpy as np
import pandas as pd

from core.model import OPPOSE, POLARITIES, SUPPORT
from core.tables_full import (  # noqa: F401  (target_label: part of this module's interface)
    actors_table_full, articles_table_full, events_table_full, evidence_rows, filter_timeline_full,
    statements_table_full, target_label, timexes_table_full,
)
from core.tables_raw import NAT, RawTables

if TYPE_CHECKING:
    from core.analysis import Analysis, StanceMatrix

_MATRICES = 16  # stance matrices kept per corrections state (time-window drags ask for many)
_TIMEX_COLUMNS = [
    "timex_id", "article_id", "sentence_index", "start", "end", "text", "type", "value",
    "date_start", "date_end", "granularity", "certainty", "future",
]


def _raw(analysis: "Analysis") -> RawTables:
    raw = analysis._cache.get("raw")
    if raw is None:
        raw = analysis._cache["raw"] = analysis._store.tables(analysis._effective)
    return raw  # type: ignore[return-value]


def _objects(values) -> np.ndarray:
    values = list(values)
    return np.fromiter(values, dtype=object, count=len(values))


def _int_or_none(values: np.ndarray, present: np.ndarray):
    """What pandas infers for a column of ints and Nones: int64, float64 with NaN, or all-None objects."""
    if present.all():
        return values
    if not present.any():
        return np.full(len(values), None, dtype=object)
    out = values.astype(np.float64)
    out[~present] = np.nan
    return out


def _datetimes(ticks: np.ndarray) -> np.ndarray:
    return ticks.view("datetime64[s]")


class _Statements:
    """Statement columns after corrections (all rows; `keep` drops the rejected ones)."""

    def __init__(self, analysis: "Analysis", raw: RawTables):
        from core.analysis import REJECTED

        st, c = raw.statements, analysis.corrections
        self.polarity = st["polarity"]
        corrected_rows = []
        if c.polarity:
            self.polarity = self.polarity.copy()
            for sid, value in c.polarity.items():
                row = raw.row(sid, "s")
                if row is not None:
                    self.polarity[row] = value
                    corrected_rows.append(row)
        self.keep = self.polarity != REJECTED
        self.rows = np.flatnonzero(self.keep)
        canonical = [analysis.canonical(x) for x in raw.sources]
        self.source_by_code = _objects(canonical)
        self.source_name_by_code = _objects(analysis.actor_name(x) for x in canonical)
        targets = [analysis.canonical(x) for x in raw.targets]
        self.target_by_code = _objects(targets)
        self.target_name_by_code = _objects(analysis.actor_name(x) for x in targets)
        label = st["topic_label"].copy()
        no_topic = _is_none(raw, "topic_label")
        by_actor = _objects(analysis.actor_name(x) if x else None for x in targets)
        no_label = no_topic & _none_mask(by_actor)[raw.st_target]
        label[no_topic] = by_actor[raw.st_target][no_topic]
        label[no_label] = st["target_text"][no_label]
        for sid, value in c.targets.items():
            row = raw.row(sid, "s")
            if row is not None:
                corrected_rows.append(row)
                if value:
                    label[row] = value
        self.label = label
        self.corrected = np.zeros(len(label), dtype=bool)
        self.corrected[corrected_rows] = True


def _is_none(raw: RawTables, column: str) -> np.ndarray:
    key = f"none:{column}"
    if key not in raw.memo:
        raw.memo[key] = _none_mask(raw.statements[column])
    return raw.memo[key]  # type: ignore[return-value]


def _none_mask(values: np.ndarray) -> np.ndarray:
    return np.fromiter((v is None for v in values), dtype=bool, count=len(values))


def _statement_state(analysis: "Analysis") -> _Statements:
    state = analysis._cache.get("statement_state")
    if state is None:
        state = analysis._cache["statement_state"] = _Statements(analysis, _raw(analysis))
    return state  # type: ignore[return-value]


class _Events:
    """Event columns the corrections touch: user dates (only the corrected rows) and placement."""

    def __init__(self, analysis: "Analysis", raw: RawTables):
        self.fixes: dict[int, object] = {}
        for eid in analysis.corrections.event_dates:
            row = raw.row(eid, "e")
            if row is not None:
                k = int(raw.ev_article[row])
                self.fixes[row] = analysis.event_time(raw.results[k], row - int(raw.ev_offset[k]))[0]
        self.placed = raw.events["placed"]
        if self.fixes:
            self.placed = self.placed.copy()
            for row, tx in self.fixes.items():
                self.placed[row] = tx is not None and tx.interval_start is not None  # type: ignore[attr-defined]


def _event_state(analysis: "Analysis") -> _Events:
    state = analysis._cache.get("event_state")
    if state is None:
        state = analysis._cache["event_state"] = _Events(analysis, _raw(analysis))
    return state  # type: ignore[return-value]


def articles_table(analysis: "Analysis") -> pd.DataFrame:
    """One row per article, counted from the cached rows: the list is always visible, so it must not
    wait for the (much larger) events and statements tables."""
    raw = _raw(analysis)
    if not raw.aids:
        return articles_table_full(analysis)
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
        raw.memo["articles"] = pd.DataFrame(rows, columns=[
            "article_id", "title", "source", "published", "published_origin", "n_sentences",
            "n_events", "n_statements", "n_unresolved", "notes",
        ])
    table = raw.memo["articles"].copy()  # type: ignore[attr-defined]
    n = len(raw.aids)
    table["n_events"] = np.bincount(raw.ev_article[_event_state(analysis).placed], minlength=n).astype(np.int64)
    table["n_statements"] = np.bincount(raw.st_article[_statement_state(analysis).keep],
                                        minlength=n).astype(np.int64)
    return table


def actors_table(analysis: "Analysis") -> pd.DataFrame:
    registry = analysis.actor_registry()
    raw = _raw(analysis)
    mentions: Counter[str] = Counter()
    members: dict[str, list[str]] = defaultdict(list)
    for raw_id, n in raw.mentions.items():
        actor_id = analysis.canonical(raw_id)
        mentions[actor_id] += n  # type: ignore[index]
        members[actor_id].append(raw_id)  # type: ignore[index]
    state = _statement_state(analysis)
    per_code = np.bincount(raw.st_source[state.rows], minlength=len(raw.sources))
    by_source: Counter[str] = Counter()
    for code in np.flatnonzero(per_code):
        actor_id = state.source_by_code[code]
        if isinstance(actor_id, str):
            by_source[actor_id] += int(per_code[code])
    merged_into: dict[str, list[str]] = defaultdict(list)
    for source, target in analysis.corrections.actor_merges.items():
        merged_into[target].append(source)
    rows = []
    for actor_id, actor in registry.items():
        ids = members.get(actor_id, ())
        n_articles = len(raw.mention_articles[ids[0]]) if len(ids) == 1 else \
            len(set().union(*(raw.mention_articles[x] for x in ids)))
        rows.append({
            "actor_id": actor_id, "name": actor.name, "kind": actor.kind,
            "affiliation": actor.affiliation or "",
            "affiliation_name": analysis.actor_name(actor.affiliation) if actor.affiliation else "",
            "n_mentions": mentions.get(actor_id, 0),
            "n_statements": by_source.get(actor_id, 0),
            "n_articles": n_articles,
            "hidden": actor_id in analysis.corrections.hidden_actors,
            "merged_from": ", ".join(sorted(merged_into.get(actor_id, ()))),
        })
    table = pd.DataFrame(rows, columns=[
        "actor_id", "name", "kind", "affiliation", "affiliation_name", "n_mentions",
        "n_statements", "n_articles", "hidden", "merged_from",
    ])
    return table.sort_values(["n_mentions", "name"], ascending=[False, True], ignore_index=True)


def statements_table(analysis: "Analysis") -> pd.DataFrame:
    from core.analysis import STATEMENT_COLUMNS

    raw = _raw(analysis)
    state = _statement_state(analysis)
    rows = state.rows
    if not len(rows):
        return statements_table_full(analysis)
    st = raw.statements
    source, target = raw.st_source[rows], raw.st_target[rows]
    has_source, has_target = st["has_source"][rows], st["has_target"][rows]
    data = {name: st[name][rows] for name in (
        "statement_id", "article_id", "title", "sentence_index", "sentence", "sent_start", "sent_end",
        "source_text", "cue_text", "cue_start", "cue_end", "content_text", "target_text", "topic",
        "modality", "kind")}
    data.update({
        "source_actor": state.source_by_code[source], "source_name": state.source_name_by_code[source],
        "source_start": _int_or_none(st["source_start"][rows], has_source),
        "source_end": _int_or_none(st["source_end"][rows], has_source),
        "target_start": _int_or_none(st["target_start"][rows], has_target),
        "target_end": _int_or_none(st["target_end"][rows], has_target),
        "target_actor": state.target_by_code[target], "target_name": state.target_name_by_code[target],
        "target_label": state.label[rows], "polarity": state.polarity[rows],
        "confidence": st["confidence"][rows].tolist(),  # ints and floats: let pandas infer as it did
        "date": _datetimes(st["date"][rows]), "corrected": state.corrected[rows],
    })
    return pd.DataFrame(data, columns=STATEMENT_COLUMNS)


def timexes_table(analysis: "Analysis") -> pd.DataFrame:
    raw = _raw(analysis)
    rows = list(chain.from_iterable(b.timex_rows() for b in raw.blocks))
    return pd.DataFrame(rows, columns=_TIMEX_COLUMNS)


def _event_actors(analysis: "Analysis", raw: RawTables) -> tuple[np.ndarray, np.ndarray]:
    """Per unique raw actor tuple: the visible canonical ids (deduplicated) and their names."""
    shown: dict = {}
    for t in raw.tuples:
        for x in t:
            if x not in shown:
                shown[x] = analysis.canonical(x) if analysis.visible(x) else None
    ids = np.empty(len(raw.tuples), dtype=object)
    names = np.empty(len(raw.tuples), dtype=object)
    name = analysis.actor_name
    for k, t in enumerate(raw.tuples):
        if len(t) == 1:
            c = shown[t[0]]
            ids[k] = (c,) if c is not None else ()
        else:
            ids[k] = tuple(dict.fromkeys(c for c in (shown[x] for x in t) if c is not None))
        names[k] = ", ".join(name(x) for x in ids[k])
    return ids, names


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


def events_table(analysis: "Analysis") -> pd.DataFrame:
    from core.analysis import TIMELINE_COLUMNS

    raw = _raw(analysis)
    ev = raw.events
    if not len(ev["start"]):
        return events_table_full(analysis)
    fixes = _event_state(analysis).fixes
    cols = {name: ev[name] for name in (
        "date_start", "date_end", "granularity", "certainty", "future", "time_text", "time_value",
        "time_start", "time_end", "has_time")}
    corrected = np.zeros(len(ev["start"]), dtype=bool)
    if fixes:
        cols = {name: values.copy() for name, values in cols.items()}
        for row, tx in fixes.items():
            corrected[row] = True
            placed = tx is not None and tx.interval_start is not None  # type: ignore[attr-defined]
            _set_time(cols, row, tx, placed)
    order = np.lexsort((ev["start"], raw.article_rank[raw.ev_article],
                        np.where(cols["date_start"] == NAT, np.iinfo(np.int64).max, cols["date_start"])))
    ids, names = _event_actors(analysis, raw)
    codes = raw.ev_tuple[order]
    has_time = cols["has_time"][order]
    data = {name: ev[name][order] for name in (
        "event_id", "article_id", "title", "sentence_index", "start", "end", "sentence", "predicate", "modality")}
    data.update({
        "date_start": _datetimes(cols["date_start"][order]), "date_end": _datetimes(cols["date_end"][order]),
        "granularity": cols["granularity"][order], "certainty": cols["certainty"][order],
        "future": cols["future"][order], "time_text": cols["time_text"][order],
        "time_value": cols["time_value"][order],
        "time_start": _int_or_none(cols["time_start"][order], has_time),
        "time_end": _int_or_none(cols["time_end"][order], has_time),
        "actor_ids": ids[codes], "actors": names[codes],
        "stance": _event_stance(raw, _statement_state(analysis).polarity)[order],
        "corrected": corrected[order],
    })
    return pd.DataFrame(data, columns=TIMELINE_COLUMNS)


def _set_time(cols: dict[str, np.ndarray], row: int, tx, placed: bool) -> None:
    from core.tables_raw import seconds

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


def filter_timeline(events: pd.DataFrame, actor_ids, start, end, article_ids, include_undated) -> pd.DataFrame:
    return filter_timeline_full(events, actor_ids, start, end, article_ids, include_undated)


def stance_matrix(analysis: "Analysis", columns: str, fold_people: bool, start, end, min_confidence,
                  include_relations: bool = False) -> "StanceMatrix":
    key = (columns, fold_people, start, end, min_confidence, include_relations)
    memo = analysis._cache.setdefault("matrices", OrderedDict())
    if key in memo:  # type: ignore[operator]
        memo.move_to_end(key)  # type: ignore[attr-defined]
        return memo[key]  # type: ignore[index]
    matrix = _stance_matrix(analysis, columns, fold_people, start, end, min_confidence, include_relations)
    memo[key] = matrix  # type: ignore[index]
    while len(memo) > _MATRICES:  # type: ignore[arg-type]
        memo.popitem(last=False)  # type: ignore[attr-defined]
    return matrix


def _holders(analysis: "Analysis", fold_people: bool) -> tuple[np.ndarray, list[str]]:
    """Per raw source code: the index of the row it counts under (-1: none or hidden), and the rows."""
    key = f"holders:{fold_people}"
    if key not in analysis._cache:
        state = _statement_state(analysis)
        index: dict[str, int] = {}
        codes = np.full(len(state.source_by_code), -1, dtype=np.int64)
        for code, actor_id in enumerate(state.source_by_code):
            holder = analysis.stance_holder(actor_id, fold_people)
            if holder is not None and analysis.visible(holder):
                codes[code] = index.setdefault(holder, len(index))
        analysis._cache[key] = (codes, list(index))
    return analysis._cache[key]  # type: ignore[return-value]


def _stance_matrix(analysis: "Analysis", columns: str, fold_people: bool, start, end, min_confidence,
                   include_relations: bool) -> "StanceMatrix":
    from core.analysis import StanceMatrix

    raw = _raw(analysis)
    state = _statement_state(analysis)
    st = raw.statements
    rows = state.rows
    holder_codes, holders = _holders(analysis, fold_people)
    holder = holder_codes[raw.st_source[rows]]
    confidence = st["confidence"][rows]
    ok = (holder >= 0) & ~(confidence < min_confidence).astype(bool)
    if not include_relations:
        ok &= st["kind"][rows] != "relation"
    dates = _datetimes(st["date"][rows])
    if start is not None:
        ok &= ~(dates < np.datetime64(pd.Timestamp(start)))
    if end is not None:
        ok &= ~(dates >= np.datetime64(pd.Timestamp(end)))
    rows, holder = rows[ok], holder[ok]
    polarity = state.polarity[rows]
    if columns == "stance":
        values = polarity
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
    names = {a: analysis.actor_name(a) for a in actors}
    return StanceMatrix(counts=counts, scores=scores, names=names, cells=cells)


def net_stance(matrix: "StanceMatrix") -> pd.Series:
    """Per actor: (support − oppose) / all statements, for sorting rows."""
    counts = matrix.counts
    total = counts.sum(axis=1).replace(0, 1)
    support = counts[SUPPORT] if SUPPORT in counts else 0
    oppose = counts[OPPOSE] if OPPOSE in counts else 0
    if SUPPORT in counts or OPPOSE in counts:
        return (support - oppose) / total
    return matrix.scores.mean(axis=1)


def evidence(analysis: "Analysis", statement_ids: Sequence[str], event_ids: Sequence[str]) -> pd.DataFrame:
    """Rows: one per (item, sentence); `highlights` lists (start, end, role) in article offsets."""
    def indexed(name: str, table, column: str):
        def get():
            key = f"{name}_by_id"
            if key not in analysis._cache:
                analysis._cache[key] = table().set_index(column, drop=False)
            return analysis._cache[key]
        return get

    return evidence_rows(indexed("statements", analysis.statements_table, "statement_id"),
                         indexed("events", analysis.events_table, "event_id"), statement_ids, event_ids)
