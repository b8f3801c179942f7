"""Batch annotation in the interchange format (`standpoint annotate`): JSONL of id/text/dct in, plain spans out."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from core.model import Article, ArticleAnalysis, Mention, Span
from core.nlp import Pipeline, load_pipeline
from core.pipeline import analyse_doc
from core.statements import is_attribution
from core.temporal import is_range

LAYERS = ("timexes", "actors", "statements", "events")
# "all": every statement (speech, beliefs, stances, actions, inferred actor-to-actor relations).
# "attributions": what corpora such as PolNeAR annotate as attributions — who said or thinks
# what, with a content span, and only the outermost one when one report nests in another.
STATEMENT_SETS = ("all", "attributions")


def _span(span: Span | None, **extra) -> dict | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": span.text, **extra}


def to_interchange(
    result: ArticleAnalysis, record_id: str, layers: Iterable[str] = LAYERS,
    nested: Sequence[bool] | None = None, statements: str = "all",
) -> dict:
    """One output record: the analysis as plain spans (see ../shared/eval/README.md).

    `nested[i]` tells whether statement i is reported inside another statement's content.
    """
    layers = set(layers)
    nested = list(nested) if nested is not None else [False] * len(result.statements)
    out: dict = {"id": record_id}
    if "timexes" in layers:
        out["timexes"] = [
            {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value,
             "interval": [t.interval_start.isoformat() if t.interval_start else None,
                          t.interval_end.isoformat() if t.interval_end else None],
             "granularity": t.granularity, "certainty": t.certainty}
            for t in result.timexes
            if not is_range(t)  # a range's duration is TimeML's non-consuming one: its two dates stand for it
        ]
    if "actors" in layers:
        by_actor: dict[str, list[dict]] = {}
        for m in result.mentions:
            by_actor.setdefault(m.actor_id, []).append({"start": m.start, "end": m.end, "text": m.text})
        out["actors"] = [
            {"id": a.id, "name": a.name, "kind": a.kind, "affiliation": a.affiliation,
             "mentions": by_actor.get(a.id, [])}
            for a in result.actors
        ]
    if "statements" in layers:
        out["statements"] = [
            {"source": _span(s.source, actor=s.source_actor), "cue": _span(s.cue), "content": _span(s.content),
             "target": _span(s.target, actor=s.target_actor, topic=s.topic),
             "polarity": s.polarity, "modality": s.modality, "confidence": s.confidence, "kind": s.kind,
             "nested": is_nested, "weak_cue": s.weak_cue}
            for s, is_nested in zip(result.statements, nested)
            if statements == "all" or is_attribution(s, is_nested)
        ]
    if "events" in layers:
        out["events"] = [
            {"sentence": {"start": e.start, "end": e.end}, "timex": e.timex_index, "actors": list(e.actor_ids),
             "predicate": e.predicate, "modality": e.modality}
            for e in result.events
        ]
    return out


def annotate_records(
    records: Iterable[dict], pipeline: Pipeline | None = None, layers: Iterable[str] = LAYERS,
    batch_size: int = 16, statements: str = "all",
) -> Iterator[dict]:
    """Analyse each record (`id`, `text`, optional `dct`) and yield its interchange record."""
    from core.statements import nested_in_speech

    if statements not in STATEMENT_SETS:
        raise ValueError(f"statements must be one of {STATEMENT_SETS}")
    pipeline = pipeline or load_pipeline()
    layers = tuple(layers)
    records = list(records)
    docs = pipeline.pipe((r["text"] for r in records), batch_size=batch_size)
    for record, doc in zip(records, docs):
        dct = _parse_dct(record.get("dct"))
        article = Article(id=str(record["id"]), title=str(record["id"]), text=record["text"], published=dct,
                          published_origin="metadata" if dct else "unknown")
        result = analyse_doc(doc, article, frozenset(layers))
        marks = marked_mentions(record)
        if marks and "statements" in layers:
            result = _with_marked_statements(result, doc, marks)
        nested = nested_in_speech(result.statements, doc) if result.statements else []
        yield to_interchange(result, str(record["id"]), layers, nested, statements)


def marked_mentions(record: dict) -> list[Mention]:
    """Spans the input marks as the actors of interest: `mentions` [{start, end, actor?}], or the
    `entity1`/`entity2` pair of directed-stance data (as actors "e1", "e2"). Labels are never read."""
    marks = []
    for i, m in enumerate(record.get("mentions") or []):
        marks.append((m, str(m.get("actor") or f"m{i + 1}")))
    for key, actor in (("entity1", "e1"), ("entity2", "e2")):
        if isinstance(record.get(key), dict):
            marks.append((record[key], actor))
    text = record["text"]
    out = []
    for m, actor in marks:
        start, end = int(m["start"]), int(m["end"])
        if 0 <= start < end <= len(text):
            out.append(Mention(str(record["id"]), 0, start, end, text[start:end], actor, via="marked"))
    return out


def _with_marked_statements(result: ArticleAnalysis, doc, marks: list[Mention]) -> ArticleAnalysis:
    """Statements computed with the marked spans as the actors; their source/target spans are
    the marked spans when the statement is attributed to a marked actor."""
    from dataclasses import replace

    from core.statements import find_statements

    by_actor = {m.actor_id: m for m in marks}

    def marked_span(span, actor):
        m = by_actor.get(actor)
        return Span(m.start, m.end, m.text) if m is not None else span

    statements = tuple(
        replace(st, source=marked_span(st.source, st.source_actor), target=marked_span(st.target, st.target_actor))
        for st in find_statements(doc, marks, result.article.id)
    )
    return replace(result, statements=statements)


def _parse_dct(value) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def annotate_file(
    in_path: Path, out_path: Path, layers: Iterable[str] = LAYERS, pipeline: Pipeline | None = None,
    statements: str = "all",
) -> int:
    """Read JSONL, write JSONL; returns the number of records written."""
    with open(in_path, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    n = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for record in annotate_records(records, pipeline, layers, statements=statements):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n
