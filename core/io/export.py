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


def table_frames(analysis: Analysis) -> dict[str, pd.DataFrame]:
    """The tables a user exports, with list-valued columns flattened to text."""
    timeline = analysis.timeline(include_undated=True).copy()
    timeline["actor_ids"] = timeline["actor_ids"].map(lambda ids: ";".join(ids))
    matrix = analysis.stance_matrix("stance")
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


def export_tables(analysis: Analysis, folder: Path, formats: Iterable[str] = ("csv",)) -> list[Path]:
    """Write each table as CSV (one file each) and/or XLSX (one workbook, a sheet each)."""
    return write_frames(table_frames(analysis), folder, formats)


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


def export_graphml(analysis: Analysis, path: Path, fold_people: bool = True) -> Path:
    """The actor × target network for Gephi/visone: actors and targets as nodes, stance as signed edges."""
    matrix = analysis.stance_matrix("target", fold_people=fold_people)
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
