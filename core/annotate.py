"""Batch annotation in the interchange format (`standpoint annotate`): JSONL of id/text/dct in, plain spans out."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from core import messages
from core.ingest import limits
from core.messages import UserFacingError
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
    if not value or not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


MAX_LINE_BYTES = 8 * 2**20  # a record's text is at most MAX_TEXT_CHARS; JSON escaping may grow it a few times
BATCH = 32  # records parsed together: memory stays bounded however long the input


def check_record(record: object) -> str | None:
    """Why `record` cannot be annotated (a reason for the user), or None when it can."""
    if not isinstance(record, dict):
        return f"a record must be a JSON object, not {_json_kind(record)}"
    rid = record.get("id")
    if rid is None or isinstance(rid, (bool, dict, list, float)) or (isinstance(rid, str) and not rid.strip()):
        return "a record needs an \"id\" (a string or a whole number)"
    if isinstance(rid, int) and abs(rid) > 10**18:
        return "its \"id\" is too large a number; use a string"
    text = record.get("text")
    if not isinstance(text, str):
        return f"\"text\" must be a string, not {_json_kind(text)}"
    if not text.strip():
        return "\"text\" is empty"
    if len(text) > limits.MAX_TEXT_CHARS:
        return f"\"text\" holds {len(text):,} characters; the limit is {limits.MAX_TEXT_CHARS:,}"
    if limits.count_tokens(text, stop=limits.MAX_TEXT_TOKENS) > limits.MAX_TEXT_TOKENS:
        return f"\"text\" holds over {limits.MAX_TEXT_TOKENS:,} words, numbers and marks, the limit"
    dct = record.get("dct")
    if dct is not None and _parse_dct(dct) is None:
        return "\"dct\" must be a date written YYYY-MM-DD"
    mentions = record.get("mentions")
    if mentions is not None and not (isinstance(mentions, list) and all(_offsets_ok(m, text) for m in mentions)):
        return "\"mentions\" must be a list of objects with whole-number \"start\" and \"end\" inside the text"
    for key in ("entity1", "entity2"):
        if key in record and not _offsets_ok(record[key], text):
            return f"\"{key}\" must be an object with whole-number \"start\" and \"end\" inside the text"
    return None


def _offsets_ok(mark: object, text: str) -> bool:
    if not isinstance(mark, dict):
        return False
    start, end = mark.get("start"), mark.get("end")
    return (type(start) is int and type(end) is int and 0 <= start < end <= len(text))


def _json_kind(value: object) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "true or false", type(None): "null",
            int: "a number", float: "a number"}.get(type(value), type(value).__name__)


def _clean_record(record: dict) -> dict:
    """Lone surrogates (from JSON escapes) become U+FFFD: same length, so every offset still holds."""
    def fix(value: str) -> str:
        return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in value) if _has_surrogate(value) else value

    return {**record, "id": fix(str(record["id"])), "text": fix(record["text"])}


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= c <= "\udfff" for c in text)


def read_records(in_path: Path, report: Callable[[str], None]) -> Iterator[dict]:
    """The valid records of a JSONL file, one at a time; each bad line is reported and skipped."""
    from core.ingest.decode import printable

    shown = printable(in_path.name)
    with _open_input(in_path, shown) as fh:
        number = 0
        while True:
            raw = fh.readline(MAX_LINE_BYTES + 1)
            if not raw:
                break
            number += 1
            if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                while raw and not raw.endswith(b"\n"):  # skip the rest of an over-long line
                    raw = fh.readline(1 << 20)
                report(messages.ANNOTATE_BAD_RECORD.format(path=shown, line=number, reason="the line is too long"))
                continue
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError:
                reason = "it is not UTF-8 text"
            except (ValueError, RecursionError):
                reason = "it is not valid JSON"
            else:
                reason = check_record(record)
                if reason is None:
                    yield _clean_record(record)
                    continue
            report(messages.ANNOTATE_BAD_RECORD.format(path=shown, line=number, reason=reason))


class _open_input:
    """The input opened for reading in binary, after the checks every read file gets (no pipes or devices)."""

    def __init__(self, path: Path, shown: str):
        self.path, self.shown = Path(path), shown

    def __enter__(self):
        import os
        import stat

        try:
            fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except (OSError, ValueError) as exc:
            from core.ingest.files import _os_message

            raise UserFacingError(_os_message(exc, self.path, self.shown) if isinstance(exc, OSError) else
                                  messages.ANNOTATE_BAD_INPUT.format(path=self.shown, reason=str(exc))) from exc
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            os.close(fd)
            kind = "a folder" if stat.S_ISDIR(mode) else "not an ordinary file"
            raise UserFacingError(messages.ANNOTATE_BAD_INPUT.format(path=self.shown, reason=f"it is {kind}"))
        os.set_blocking(fd, True)
        self.fh = os.fdopen(fd, "rb")
        return self.fh

    def __exit__(self, *exc_info) -> None:
        self.fh.close()


def annotate_file(
    in_path: Path, out_path: Path, layers: Iterable[str] = LAYERS, pipeline: Pipeline | None = None,
    statements: str = "all", report: Callable[[str], None] | None = None,
) -> int:
    """Read JSONL, write JSONL (atomically: a temporary file renamed at the end); returns the number of
    records written. Bad lines are reported through `report` and skipped; the others are annotated."""
    from core.atomic import atomic_output

    in_path, out_path = Path(in_path), Path(out_path)
    problems: list[str] = []

    def note(problem: str) -> None:
        problems.append(problem)
        if report is not None:
            report(problem)

    if out_path.exists() and in_path.exists() and _same_file(in_path, out_path):
        raise UserFacingError(messages.ANNOTATE_BAD_INPUT.format(
            path=out_path.name, reason="the output would overwrite the input; choose another output file"))
    n = 0
    with atomic_output(out_path) as out:
        batch: list[dict] = []
        for record in read_records(in_path, note):
            batch.append(record)
            if len(batch) >= BATCH:
                n += _write(batch, out, pipeline, layers, statements)
                batch = []
        n += _write(batch, out, pipeline, layers, statements)
    return n


def _same_file(a: Path, b: Path) -> bool:
    import os

    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _write(batch: list[dict], out, pipeline, layers, statements) -> int:
    if not batch:
        return 0
    for record in annotate_records(batch, pipeline, layers, statements=statements):
        out.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
    return len(batch)
