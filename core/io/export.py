"""Writes the analysis as data files: CSV/XLSX/JSON tables and a GraphML actor × target network."""
from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Callable, Iterable
from xml.sax.saxutils import escape, quoteattr

import pandas as pd

from core import messages
from core.analysis import Analysis
from core.atomic import atomic_output
from core.messages import UserFacingError

TABLES = ("timeline", "statements", "matrix", "actors", "articles")


def table_frames(analysis: Analysis, matrix_columns: str = "stance", group_by: str = "none") -> dict[str, pd.DataFrame]:
    """The tables a user exports, with list-valued columns flattened to text; the matrix with the columns and
    grouping asked for (`Analysis.stance_matrix`)."""
    from core.analysis.event_groups import with_groups

    timeline = with_groups(analysis.timeline(include_undated=True), analysis.event_groups())
    timeline = flat_timeline(timeline)
    matrix = analysis.stance_matrix(matrix_columns, group_by=group_by)
    matrix_table = matrix.counts.copy()
    matrix_table.insert(0, "actor", [matrix.names.get(a, a) for a in matrix_table.index])
    matrix_table = matrix_table.reset_index()
    return {
        "timeline": timeline,
        "statements": analysis.statements_table(),
        "matrix": matrix_table,
        "actors": analysis.actors_table(),
        "articles": analysis.articles_table(),
    }


def flat_timeline(table: pd.DataFrame) -> pd.DataFrame:
    """Timeline rows with their id lists as text ("a;b") and a `placed` column saying how each date was
    found: "time expression", "user", or for an anchored event "anchored: no date in the sentence, placed
    at publication" (or at the reference day named before it, or after publication)."""
    out = table.copy()
    for name in ("actor_ids", "mentioned_ids"):
        out[name] = out[name].map(lambda ids: ";".join(ids))
    out["placed"] = [_placement(row) for row in out[["anchor", "anchor_text", "corrected", "time_text",
                                                     "date_start"]].itertuples(index=False)]
    return out


_ANCHOR_NOTES = {
    "publication": "anchored: no date in the sentence, placed at publication",
    "reference": "anchored: no date in the sentence, placed on the day named before it ({text})",
    "after": "anchored: planned, no date in the sentence, placed after publication",
}


def _placement(row) -> str:
    anchor, text, corrected, time_text, start = row
    if corrected:
        return "user"
    if anchor and pd.notna(start):
        return _ANCHOR_NOTES[anchor].format(text=text)
    if anchor:
        return "anchored: no publication date yet"
    return "time expression" if time_text else "undated"


def export_tables(analysis: Analysis, folder: Path, formats: Iterable[str] = ("csv",), matrix_columns: str = "stance",
                  group_by: str = "none") -> list[Path]:
    """Write each table as CSV (one file each) and/or XLSX (one workbook, a sheet each)."""
    return write_frames(table_frames(analysis, matrix_columns, group_by), folder, formats)


def write_frames(frames: dict[str, pd.DataFrame], folder: Path, formats: Iterable[str] = ("csv",)) -> list[Path]:
    """Write tables already taken from an analysis; touches no shared state, so a GUI can run it in
    a background thread (XLSX of a few hundred articles takes seconds)."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserFacingError(messages.OUTPUT_NOT_FOLDER.format(
            path=folder, reason=(exc.strerror or type(exc).__name__).lower())) from exc
    wanted = set(formats)
    unknown = wanted - set(TABLE_WRITERS)
    if unknown:
        raise ValueError(f"unknown table formats: {', '.join(sorted(unknown))}")
    written: list[Path] = []
    for name, write in TABLE_WRITERS.items():  # registry order, whatever order was asked
        if name in wanted:
            written += write(frames, folder)
    return written


TableWriter = Callable[[dict[str, pd.DataFrame], Path], list[Path]]
TABLE_WRITERS: dict[str, TableWriter] = {}


def table_writer(name: str) -> Callable[[TableWriter], TableWriter]:
    """Register a table format ("csv", "xlsx", …): the writer gets the frames and a folder, returns files."""
    def register(write: TableWriter) -> TableWriter:
        TABLE_WRITERS[name] = write
        return write
    return register


@table_writer("csv")
def _write_csv(frames: dict[str, pd.DataFrame], folder: Path) -> list[Path]:
    written = []
    for name, frame in frames.items():
        path = folder / f"{name}.csv"
        buffer = io.StringIO()
        spreadsheet_safe(frame).to_csv(buffer, index=False)
        with atomic_output(path) as fh:
            fh.write(buffer.getvalue().encode("utf-8"))
        written.append(path)
    return written


@table_writer("xlsx")
def _write_xlsx(frames: dict[str, pd.DataFrame], folder: Path) -> list[Path]:
    path = folder / "standpoint.xlsx"
    buffer = io.BytesIO()  # the whole workbook first: a failure on the last sheet leaves no partial file
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in frames.items():
            spreadsheet_safe(frame, xlsx=True).to_excel(writer, sheet_name=name, index=False)
    with atomic_output(path) as fh:
        fh.write(buffer.getvalue())
    return [path]


@table_writer("json")
def _write_json(frames: dict[str, pd.DataFrame], folder: Path) -> list[Path]:
    path = folder / "standpoint.json"
    payload = {name: json.loads(frame.to_json(orient="records", date_format="iso")) for name, frame in frames.items()}
    with atomic_output(path) as fh:
        fh.write(json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8", "replace"))
    return [path]


# Characters XML 1.0 (GraphML, and the XML inside XLSX) cannot hold at all.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# A cell a spreadsheet would run as a formula starts with one of these (after any blanks, tabs or breaks).
FORMULA_START = "=+-@"


def safe_cell(value: str, xlsx: bool = False) -> str:
    """A text cell a spreadsheet shows as text: formulas get a leading apostrophe, as spreadsheets
    themselves mark text; XLSX also loses the characters its XML cannot hold."""
    if xlsx:
        value = XML_ILLEGAL.sub("", value)
    stripped = value.lstrip(" \t\r\n")
    if stripped[:1] in FORMULA_START and stripped and not _number(stripped) or value[:1] in ("\t", "\r"):
        return "'" + value
    return value


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def spreadsheet_safe(frame: pd.DataFrame, xlsx: bool = False) -> pd.DataFrame:
    """Excel has no time zones or tuples; text cells that would run as formulas are escaped."""
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_object_dtype(out[column]) or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].astype(object).map(
                lambda v: safe_cell(v, xlsx) if isinstance(v, str) else
                (safe_cell(";".join(map(str, v)), xlsx) if isinstance(v, (tuple, list)) else v)
            )
    if xlsx:
        out.columns = [safe_cell(str(c), xlsx) for c in out.columns]
    return out


def xml_text(value: str) -> str:
    """Text for an XML document: characters XML cannot hold removed, the rest escaped."""
    return escape(XML_ILLEGAL.sub("", value))


def export_graphml(analysis: Analysis, path: Path, group_by: str = "none") -> Path:
    """The actor × target network for Gephi/visone: actors and targets as nodes, stance as signed edges."""
    matrix = analysis.stance_matrix("target", group_by=group_by)
    registry = analysis.actor_registry()
    nodes: dict[str, tuple[str, str]] = {}
    for actor_id, name in matrix.names.items():
        nodes[f"actor:{actor_id}"] = (name, registry[actor_id].kind if actor_id in registry else "actor")
    edges = []
    for (actor_id, column), ids in matrix.cells.items():
        target_node = f"target:{column}"
        nodes.setdefault(target_node, (column, "target"))
        edges.append((f"actor:{actor_id}", target_node, len(ids), float(matrix.scores.loc[actor_id, column])))
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
        '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
        '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
        '  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>',
        '  <key id="stance" for="edge" attr.name="stance" attr.type="double"/>',
        '  <graph id="standpoint" edgedefault="directed">',
    ]
    def attr(value: str) -> str:
        return quoteattr(XML_ILLEGAL.sub("", value))

    for node_id, (label, kind) in nodes.items():
        lines.append(f"    <node id={attr(node_id)}><data key=\"label\">{xml_text(label)}</data>"
                     f"<data key=\"kind\">{xml_text(kind)}</data></node>")
    for i, (source, target, weight, stance) in enumerate(edges):
        lines.append(f"    <edge id=\"e{i}\" source={attr(source)} target={attr(target)}>"
                     f"<data key=\"weight\">{weight}</data><data key=\"stance\">{stance:.3f}</data></edge>")
    lines += ["  </graph>", "</graphml>"]
    path = Path(path)
    with atomic_output(path) as fh:
        fh.write(("\n".join(lines) + "\n").encode("utf-8", "replace"))
    return path


# ---- entity timelines ------------------------------------------------------------------------

ENTITY_COLUMNS = ["order", "date", "date_start", "date_end", "granularity", "certainty", "placed", "group_id",
                  "group_size", "group_articles", "article_id", "title", "source", "sentence_index", "sentence",
                  "predicate", "predicates", "time_text", "modality", "actors", "mentioned", "event_id"]


def entity_timeline_frame(analysis: Analysis, actor_id: str, include_mentioned: bool = False) -> pd.DataFrame:
    """One actor's events across the articles in time order, one row per event, with `order` (the same
    for events of one group or one date) and `date` at the precision it is known (YYYY, YYYY-MM,
    YYYY-MM-DD, or XXXX-XX-XX when undated or vague), as the SemEval-2015 TimeLine task writes them."""
    table = flat_timeline(analysis.entity_timeline(actor_id, include_mentioned))
    sources = {r.article.id: r.article.source for r in analysis.results()}
    table["source"] = table["article_id"].map(sources).fillna("")
    table["date"] = [timeline_date(r.date_start, r.granularity, r.certainty)
                     for r in table[["date_start", "granularity", "certainty"]].itertuples(index=False)]
    undated = table["date"].str.startswith("XXXX")
    # undated first (as TimeLine gold files list them), then by date; one group keeps one order number
    table = pd.concat([table[undated], table[~undated].sort_values(["date_start", "article_id", "start"],
                                                                   kind="stable")], ignore_index=True)
    table["order"] = _orders(table, table["date"].str.startswith("XXXX"))
    return table[ENTITY_COLUMNS]


def _orders(table: pd.DataFrame, undated: pd.Series) -> list[int]:
    """0 for undated events; then 1, 2, … per distinct date, the events of one group sharing their
    first member's number."""
    orders: list[int] = []
    by_group: dict[str, int] = {}
    last_date, current = None, 0
    for date_text, gid, is_undated in zip(table["date"], table["group_id"], undated):
        if is_undated:
            orders.append(0)
            continue
        if gid in by_group:
            orders.append(by_group[gid])
            continue
        if date_text != last_date:
            current, last_date = current + 1, date_text
        by_group[gid] = current
        orders.append(current)
    return orders


def timeline_date(start, granularity: str, certainty: str) -> str:
    """A date at the precision it is known, in the TimeLine task's form."""
    if pd.isna(start) or certainty == "vague":
        return "XXXX-XX-XX"
    if granularity in ("day", "time"):
        return f"{start:%Y-%m-%d}"
    if granularity in ("week", "month"):
        return f"{start:%Y-%m}"
    return f"{start:%Y}"


def semeval_timeline(analysis: Analysis, actor_id: str, include_mentioned: bool = False) -> str:
    """The actor's timeline in the SemEval-2015 Task 4 TimeLine text format: the target's name, then one
    line per event (`order TAB date TAB mention…`, the mentions of one merged event on one line), each
    mention `document-sentence-token-word` (the file name the article came from, the sentence number
    and the token number in it, counting whitespace-separated tokens from 0, and the trigger word)."""
    table = entity_timeline_frame(analysis, actor_id, include_mentioned)
    lines = [analysis.actor_name(analysis.canonical(actor_id))]
    done: dict[str, int] = {}
    for row in table.itertuples(index=False):
        mentions = _mentions(analysis, row.event_id, row.source or row.article_id)
        if row.group_id in done:
            lines[done[row.group_id]] += "".join(f"\t{m}" for m in mentions)
            continue
        done[row.group_id] = len(lines)
        lines.append("\t".join([str(row.order), row.date, *mentions]))
    return "\n".join(lines) + "\n"


def _mentions(analysis: Analysis, event_id: str, source: str) -> list[str]:
    from core.analysis import split_id

    article_id, _, index = split_id(event_id)
    result = analysis.result(article_id)
    event = result.events[index]
    doc = Path(source).stem if source else article_id
    sentence = result.sentences[event.sentence_index] if event.sentence_index < len(result.sentences) else None
    triggers = event.triggers or ()
    if sentence is None or not triggers:
        return [f"{doc}-{event.sentence_index}-0-{event.predicate}"]
    out = []
    for trigger in triggers[:1]:  # the event's own predicate: the others are listed in `predicates`
        token = len(analysis.article(article_id).text[sentence.start:trigger.start].split())
        out.append(f"{doc}-{event.sentence_index}-{token}-{trigger.text}")
    return out


def export_entity_timeline(analysis: Analysis, actor_id: str, folder: Path,
                           include_mentioned: bool = False) -> list[Path]:
    """Write `timeline-<actor id>.csv` and `timeline-<actor id>.txt` (SemEval-2015 TimeLine format)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    actor = analysis.canonical(actor_id) or actor_id
    csv_path, txt_path = folder / f"timeline-{actor}.csv", folder / f"timeline-{actor}.txt"
    buffer = io.StringIO()
    spreadsheet_safe(entity_timeline_frame(analysis, actor, include_mentioned)).to_csv(buffer, index=False)
    with atomic_output(csv_path) as fh:
        fh.write(buffer.getvalue().encode("utf-8"))
    with atomic_output(txt_path) as fh:
        fh.write(semeval_timeline(analysis, actor, include_mentioned).encode("utf-8", "replace"))
    return [csv_path, txt_path]


def find_actor(analysis: Analysis, name: str) -> str | None:
    """The actor id a user means by `name`: an id, or a displayed name (case does not matter)."""
    registry = analysis.actor_registry()
    if name in registry:
        return name
    wanted = name.casefold().strip()
    for actor_id, actor in registry.items():
        if actor.name.casefold() == wanted:
            return actor_id
    return None
