"""The from-scratch table builders (one Python pass over every article after every change), kept as the
reference the incremental builders in `core.analysis` are tested against and the benchmark baseline."""
from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from dataclasses import replace
from typing import Sequence

import numpy as np
import pandas as pd

from core.analysis import Analysis
from core.analysis.context import TableContext
from core.analysis.evidence import evidence_rows
from core.analysis.issues import canonical_issue, effective_labels, label_issues
from core.analysis.name_joins import name_merges
from core.analysis.raw import PeopleTally
from core.analysis.resolver import ActorResolver
from core.analysis.schema import (
    ARTICLE_COLUMNS, ACTOR_COLUMNS, REJECTED, STATEMENT_COLUMNS, TIMELINE_COLUMNS, TIMEX_COLUMNS, StanceMatrix,
    event_id, statement_id,
)
from core.events import place
from core.model import ANCHORED, OPPOSE, POLARITIES, SUPPORT, Actor

def _ts(day: date | None):
    return pd.Timestamp(day) if day is not None else pd.NaT


def articles_table_full(analysis: "Analysis") -> pd.DataFrame:
    """One row per article, counted straight from the results: the list is always visible, so it
    must not wait for the (much larger) events and statements tables."""
    rows = []
    for result in analysis.results():
        a = result.article
        dated = 0
        for i, ev in enumerate(result.events):
            tx, corrected = analysis._ctx.event_time(result, i)
            dated += tx is not None and tx.interval_start is not None or (
                tx is None and not corrected and place(ev, result.timexes, a.published) is not None)
        n_statements = sum(
            1 for i, st in enumerate(result.statements)
            if analysis.effective_polarity(statement_id(a.id, i), st) != REJECTED
        )
        rows.append({
            "article_id": a.id, "title": a.title, "source": a.source,
            "published": a.published, "published_origin": a.published_origin,
            "n_sentences": len(result.sentences), "n_events": dated, "n_statements": n_statements,
            "n_unresolved": sum(1 for t in result.timexes if t.certainty == "unresolved"),
            "notes": " ".join(result.notes),
        })
    return pd.DataFrame(rows, columns=ARTICLE_COLUMNS)


def actors_table_full(analysis: "Analysis") -> pd.DataFrame:
    registry = analysis.actor_registry()
    mentions: Counter[str] = Counter()
    articles: dict[str, set[str]] = defaultdict(set)
    for result in analysis.results():
        for m in result.mentions:
            actor_id = analysis.canonical(m.actor_id)
            mentions[actor_id] += 1
            articles[actor_id].add(m.article_id)
    statements = analysis.statements_table()
    by_source = statements.groupby("source_actor").size() if len(statements) else {}
    rows = []
    for actor_id, actor in registry.items():
        merged_from = sorted(k for k, v in analysis.corrections.actor_merges.items() if v == actor_id)
        rows.append({
            "actor_id": actor_id, "name": actor.name, "kind": actor.kind,
            "affiliation": actor.affiliation or "",
            "affiliation_name": analysis.actor_name(actor.affiliation) if actor.affiliation else "",
            "n_mentions": mentions.get(actor_id, 0),
            "n_statements": int(by_source.get(actor_id, 0)) if len(statements) else 0,
            "n_articles": len(articles.get(actor_id, ())),
            "hidden": actor_id in analysis.corrections.hidden_actors,
            "merged_from": ", ".join(merged_from),
        })
    table = pd.DataFrame(rows, columns=ACTOR_COLUMNS)
    return table.sort_values(["n_mentions", "name"], ascending=[False, True], ignore_index=True)


def statements_table_full(analysis: "Analysis") -> pd.DataFrame:
    rows = []
    c = analysis.corrections
    keys = [(_issue_of(s), s.target.text if s.target else "") for r in analysis.results() for s in r.statements]
    issues = effective_labels(label_issues(keys), c.issue_merges, c.issue_names)
    for result in analysis.results():
        a = result.article
        for i, s in enumerate(result.statements):
            sid = statement_id(a.id, i)
            polarity = analysis.effective_polarity(sid, s)
            if polarity == REJECTED:
                continue
            issue = issues.get(_issue_of(s)) if _issue_of(s) else None
            issue_id = canonical_issue(_issue_of(s), c.issue_merges) if _issue_of(s) else None
            sent = result.sentences[s.sentence_index] if s.sentence_index < len(result.sentences) else None
            source_actor = analysis.canonical(s.source_actor)
            target_actor = analysis.canonical(s.target_actor)
            label = analysis.corrections.targets.get(sid) or target_label(analysis, s.topic, target_actor, s.target,
                                                                          issue)
            rows.append({
                "statement_id": sid, "article_id": a.id, "title": a.title,
                "sentence_index": s.sentence_index, "sentence": sent.text if sent else "",
                "sent_start": sent.start if sent else s.cue.start, "sent_end": sent.end if sent else s.cue.end,
                "source_actor": source_actor, "source_name": analysis.actor_name(source_actor),
                "source_text": s.source.text if s.source else "",
                "source_start": s.source.start if s.source else None,
                "source_end": s.source.end if s.source else None,
                "cue_text": s.cue.text, "cue_start": s.cue.start, "cue_end": s.cue.end,
                "content_text": s.content.text if s.content else "",
                "target_text": s.target.text if s.target else "",
                "target_start": s.target.start if s.target else None,
                "target_end": s.target.end if s.target else None,
                "target_actor": target_actor, "target_name": analysis.actor_name(target_actor),
                "topic": s.topic, "issue_id": issue_id, "issue": issue, "target_label": label, "polarity": polarity, "modality": s.modality,
                "confidence": s.confidence, "kind": s.kind, "date": _ts(a.published),
                "corrected": sid in analysis.corrections.polarity or sid in analysis.corrections.targets,
            })
    return pd.DataFrame(rows, columns=STATEMENT_COLUMNS)


def _issue_of(s) -> str | None:
    return s.issue if s.target is not None and s.target_actor is None else None


def target_label(analysis: "Analysis", topic, target_actor, target, issue=None) -> str:
    if target_actor:
        return analysis.actor_name(target_actor)
    if issue:
        return issue
    if topic:
        return str(topic)
    return target.text if target is not None else ""


def timexes_table_full(analysis: "Analysis") -> pd.DataFrame:
    rows = []
    for result in analysis.results():
        for i, t in enumerate(result.timexes):
            rows.append({
                "timex_id": f"{t.article_id}:t{i}", "article_id": t.article_id,
                "sentence_index": t.sentence_index, "start": t.start, "end": t.end, "text": t.text,
                "type": t.type, "value": t.value, "date_start": _ts(t.interval_start),
                "date_end": _ts(t.interval_end), "granularity": t.granularity,
                "certainty": t.certainty, "future": t.future,
            })
    return pd.DataFrame(rows, columns=TIMEX_COLUMNS)


def events_table_full(analysis: "Analysis") -> pd.DataFrame:
    rows = []
    for result in analysis.results():
        a = result.article
        stance_by_sentence: dict[int, str] = {}
        for i, s in enumerate(result.statements):
            polarity = analysis.effective_polarity(statement_id(a.id, i), s)
            if polarity in (SUPPORT, OPPOSE):
                stance_by_sentence.setdefault(s.sentence_index, polarity)
        for i, ev in enumerate(result.events):
            tx, corrected = analysis._ctx.event_time(result, i)
            spot = place(ev, result.timexes, a.published) if tx is None and not corrected else None
            placed = tx is not None and tx.interval_start is not None
            actor_ids = tuple(dict.fromkeys(
                analysis.canonical(x) for x in ev.actor_ids if analysis.visible(x)
            ))
            mentioned_ids = tuple(dict.fromkeys(
                analysis.canonical(x) for x in (ev.mentioned_ids or ev.actor_ids) if analysis.visible(x)
            ))
            sent = result.sentences[ev.sentence_index] if ev.sentence_index < len(result.sentences) else None
            row = {
                "event_id": event_id(a.id, i), "article_id": a.id, "title": a.title,
                "sentence_index": ev.sentence_index, "start": ev.start, "end": ev.end,
                "sentence": sent.text if sent else "",
                "date_start": _ts(tx.interval_start) if placed else pd.NaT,
                "date_end": _ts(tx.interval_end) if placed else pd.NaT,
                "granularity": tx.granularity if tx else "none",
                "certainty": tx.certainty if tx else "unresolved",
                "future": bool(tx.future) if tx else False,
                "time_text": tx.text if tx else "", "time_value": tx.value if tx else "",
                "time_start": tx.start if tx else None, "time_end": tx.end if tx else None,
                "actor_ids": actor_ids,
                "actors": ", ".join(analysis.actor_name(x) for x in actor_ids),
                "predicate": ev.predicate, "modality": ev.modality,
                "stance": stance_by_sentence.get(ev.sentence_index, ""), "corrected": corrected,
                "anchor": "" if tx is not None or corrected else ev.anchor, "anchor_text": "",
                "mentioned_ids": mentioned_ids,
                "mentioned": ", ".join(analysis.actor_name(x) for x in mentioned_ids),
                "predicates": ";".join(ev.predicates or (ev.predicate,)),
            }
            if spot is not None:
                row.update({"date_start": _ts(spot.start), "date_end": _ts(spot.end), "granularity": "day",
                            "certainty": ANCHORED, "future": spot.future, "time_value": spot.start.isoformat(),
                            "anchor": spot.kind, "anchor_text": spot.text})
            rows.append(row)
    table = pd.DataFrame(rows, columns=TIMELINE_COLUMNS)
    table["date_start"] = pd.to_datetime(table["date_start"])
    table["date_end"] = pd.to_datetime(table["date_end"])
    return table.sort_values(["date_start", "article_id", "start"], na_position="last", ignore_index=True)


def filter_timeline_full(events: pd.DataFrame, actor_ids, start, end, article_ids, include_undated) -> pd.DataFrame:
    mask = pd.Series(True, index=events.index)
    if not include_undated:
        mask &= events["date_start"].notna()
    if actor_ids:
        wanted = set(actor_ids)
        mask &= events["actor_ids"].map(lambda ids: bool(wanted.intersection(ids)))
    if article_ids:
        mask &= events["article_id"].isin(list(article_ids))
    if start is not None:
        mask &= ~(events["date_end"] <= pd.Timestamp(start))
    if end is not None:
        mask &= ~(events["date_start"] >= pd.Timestamp(end))
    return events[mask].reset_index(drop=True)


def stance_matrix_full(analysis: "Analysis", columns: str, group_by: str, start, end, min_confidence,
                  include_relations: bool = False) -> StanceMatrix:
    statements = analysis.statements_table()
    cells: dict[tuple[str, str], list[str]] = defaultdict(list)
    signs: dict[tuple[str, str], list[int]] = defaultdict(list)
    for row in statements.itertuples(index=False):
        holder = analysis.stance_holder(row.source_actor, group_by)
        if holder is None or not analysis.visible(holder) or row.confidence < min_confidence:
            continue
        if row.kind == "relation" and not include_relations:
            continue
        if start is not None and pd.notna(row.date) and row.date < pd.Timestamp(start):
            continue
        if end is not None and pd.notna(row.date) and row.date >= pd.Timestamp(end):
            continue
        if columns == "stance":
            column = row.polarity
        elif columns == "issue":
            column = row.issue
        elif columns == "actor":
            column = row.target_name if isinstance(row.target_actor, str) and analysis.visible(row.target_actor) \
                else None
        else:
            column = row.target_label or "(no target)"
        if column is None or column != column:  # None or NaN: not about an issue / an actor
            continue
        cells[(holder, column)].append(row.statement_id)
        signs[(holder, column)].append(1 if row.polarity == SUPPORT else -1 if row.polarity == OPPOSE else 0)
    per_actor: Counter[str] = Counter()
    for (actor, _), ids in cells.items():
        per_actor[actor] += len(ids)
    actors = sorted(per_actor, key=lambda a: -per_actor[a])
    if columns == "stance":
        cols = list(POLARITIES)
    else:
        totals: Counter[str] = Counter()
        for (_, c), ids in cells.items():
            totals[c] += len(ids)
        cols = [c for c, _ in totals.most_common()]
    index = {a: i for i, a in enumerate(actors)}
    col_index = {c: j for j, c in enumerate(cols)}
    count_values = np.zeros((len(actors), len(cols)), dtype=int)
    score_values = np.zeros((len(actors), len(cols)), dtype=float)
    for (actor, column), ids in cells.items():
        i, j = index[actor], col_index[column]
        count_values[i, j] = len(ids)
        if columns == "stance":
            sign = 1 if column == SUPPORT else -1 if column == OPPOSE else 0
            score_values[i, j] = sign * len(ids) / per_actor[actor]
        else:
            values = signs[(actor, column)]
            score_values[i, j] = sum(values) / len(values)
    counts = pd.DataFrame(count_values, index=pd.Index(actors, name="actor_id"), columns=cols)
    scores = pd.DataFrame(score_values, index=counts.index, columns=cols)
    names = {a: analysis.actor_name(a) for a in actors}
    return StanceMatrix(counts=counts, scores=scores, names=names, cells=dict(cells))


def evidence_full(analysis: "Analysis", statement_ids: Sequence[str], event_ids: Sequence[str]) -> pd.DataFrame:
    """Rows: one per (item, sentence); `highlights` lists (start, end, role) in article offsets."""
    statements = analysis.statements_table().set_index("statement_id", drop=False)
    events = analysis.events_table().set_index("event_id", drop=False)
    return evidence_rows(lambda: statements, lambda: events, statement_ids, event_ids)


def effective_full(raw: dict, published: dict) -> dict:
    """Today's `Analysis._rebuild`: every article's result with its corrected publication date."""
    from core.temporal import resolve_timex

    effective = {}
    for aid, result in raw.items():
        fixed = published.get(aid)
        if fixed is not None:
            day = date.fromisoformat(fixed)
            if day != result.article.published or result.article.published_origin != "user":
                article = replace(result.article, published=day, published_origin="user")
                timexes = tuple(resolve_timex(tx, day) for tx in result.timexes)
                notes = tuple(n for n in result.notes if "[W003]" not in n)
                result = replace(result, article=article, timexes=timexes, notes=notes)
        effective[aid] = result
    return effective


def surname_merges_full(results) -> dict[str, str]:
    """Today's automatic joins (people and bodies) over a full walk of every article (the grouping itself
    is `core.analysis.name_joins.name_merges`)."""
    tally = PeopleTally()
    for result in results:
        tally.add(result.actors, result.mentions)
    return name_merges(tally.first, tally.mentions)


def people_full(results) -> dict[str, Actor]:
    """One actor per id over every article, memberships voted across articles (a fresh tally)."""
    tally = PeopleTally()
    for result in results:
        tally.add(result.actors, result.mentions)
    return tally.registry()


def actor_registry_full(analysis: "Analysis") -> dict[str, Actor]:
    """Today's `Analysis.actor_registry`, walking every actor of every article."""
    registry = people_full(analysis.results())
    merged: dict[str, Actor] = {}
    for actor_id, actor in registry.items():
        target = analysis.canonical(actor_id)
        merged.setdefault(target, registry.get(target, actor))
    for actor_id, name in analysis.corrections.actor_names.items():
        if actor_id in merged:
            merged[actor_id] = replace(merged[actor_id], name=name)
    return merged


def full_analysis_class():
    """`Analysis` as it was before the incremental tables: everything rebuilt after every change."""
    class FullAnalysis(Analysis):
        def _rebuild(self) -> None:
            effective = effective_full(self._raw, self.corrections.published)
            people = people_full(effective.values())
            actors = ActorResolver(self.corrections, people, surname_merges_full(effective.values()))
            self._ctx = TableContext(self.corrections, actors, effective, self._store)

        def actor_registry(self):
            return self._ctx.cached("actors", lambda: actor_registry_full(self))

        def articles_table(self):
            return self._ctx.cached("articles_table", lambda: articles_table_full(self))

        def actors_table(self):
            return self._ctx.cached("actors_table", lambda: actors_table_full(self))

        def statements_table(self):
            return self._ctx.cached("statements_table", lambda: statements_table_full(self))

        def timexes_table(self):
            return self._ctx.cached("timexes_table", lambda: timexes_table_full(self))

        def events_table(self):
            return self._ctx.cached("events_table", lambda: events_table_full(self))

        def timeline(self, actor_ids=None, start=None, end=None, article_ids=None, include_undated=False):
            return filter_timeline_full(self.events_table(), actor_ids, start, end, article_ids, include_undated)

        def stance_matrix(self, columns="stance", group_by="none", start=None, end=None, min_confidence=0.0,
                          include_relations=False):
            return stance_matrix_full(self, columns, group_by, start, end, min_confidence, include_relations)

        def evidence(self, statement_ids=(), event_ids=()):
            return evidence_full(self, statement_ids, event_ids)

    return FullAnalysis
