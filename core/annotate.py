"""Batch annotation in the interchange format (`standpoint annotate`): JSONL of id/text/dct in, plain spans out."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

from core.model import Article, ArticleAnalysis, Span
from core.nlp import Pipeline, load_pipeline
from core.pipeline import analyse_doc

LAYERS = ("timexes", "actors", "statements", "events")


def _span(span: Span | None, **extra) -> dict | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": span.text, **extra}


def to_interchange(result: ArticleAnalysis, record_id: str, layers: Iterable[str] = LAYERS) -> dict:
    """One output record: the analysis as plain spans (see ../shared/eval/README.md)."""
    layers = set(layers)
    out: dict = {"id": record_id}
    if "timexes" in layers:
        out["timexes"] = [
            {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value,
             "interval": [t.interval_start.isoformat() if t.interval_start else None,
                          t.interval_end.isoformat() if t.interval_end else None],
             "granularity": t.granularity, "certainty": t.certainty}
            for t in result.timexes
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
             "polarity": s.polarity, "modality": s.modality, "confidence": s.confidence, "kind": s.kind}
            for s in result.statements
        ]
    if "events" in layers:
        out["events"] = [
            {"sentence": {"start": e.start, "end": e.end}, "timex": e.timex_index, "actors": list(e.actor_ids),
             "predicate": e.predicate, "modality": e.modality}
            for e in result.events
        ]
    return out


def annotate_records(
    records: Iterable[dict], pipeline: Pipeline | None = None, layers: Iterable[str] = LAYERS, batch_size: int = 16
) -> Iterator[dict]:
    """Analyse each record (`id`, `text`, optional `dct`) and yield its interchange record."""
    pipeline = pipeline or load_pipeline()
    layers = tuple(layers)
    records = list(records)
    docs = pipeline.pipe((r["text"] for r in records), batch_size=batch_size)
    for record, doc in zip(records, docs):
        dct = _parse_dct(record.get("dct"))
        article = Article(id=str(record["id"]), title=str(record["id"]), text=record["text"], published=dct,
                          published_origin="metadata" if dct else "unknown")
        yield to_interchange(analyse_doc(doc, article, frozenset(layers)), str(record["id"]), layers)


def _parse_dct(value) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def annotate_file(in_path: Path, out_path: Path, layers: Iterable[str] = LAYERS, pipeline: Pipeline | None = None) -> int:
    """Read JSONL, write JSONL; returns the number of records written."""
    with open(in_path, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    n = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for record in annotate_records(records, pipeline, layers):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n
