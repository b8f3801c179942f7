"""Writes the analysis as data files: CSV/XLSX/JSON tables and a GraphML actor × target network."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Iterable
from xml.sax.saxutils import escape, quoteattr

import pandas as pd

from core.analysis import Analysis

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
    folder.mkdir(parents=True, exist_ok=True)
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
        frame.to_csv(path, index=False)
        written.append(path)
    return written


@table_writer("xlsx")
def _write_xlsx(frames: dict[str, pd.DataFrame], folder: Path) -> list[Path]:
    path = folder / "standpoint.xlsx"
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, frame in frames.items():
            _excel_safe(frame).to_excel(writer, sheet_name=name, index=False)
    return [path]


@table_writer("json")
def _write_json(frames: dict[str, pd.DataFrame], folder: Path) -> list[Path]:
    path = folder / "standpoint.json"
    payload = {name: json.loads(frame.to_json(orient="records", date_format="iso")) for name, frame in frames.items()}
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    return [path]


def _excel_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Excel has no time zones or tuples; text cells starting with '=' would run as formulas."""
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_object_dtype(out[column]) or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].astype(object).map(
                lambda v: ("'" + v) if isinstance(v, str) and v[:1] in "=+-@" else
                (";".join(map(str, v)) if isinstance(v, (tuple, list)) else v)
            )
    return out


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
    for node_id, (label, kind) in nodes.items():
        lines.append(f"    <node id={quoteattr(node_id)}><data key=\"label\">{escape(label)}</data>"
                     f"<data key=\"kind\">{escape(kind)}</data></node>")
    for i, (source, target, weight, stance) in enumerate(edges):
        lines.append(f"    <edge id=\"e{i}\" source={quoteattr(source)} target={quoteattr(target)}>"
                     f"<data key=\"weight\">{weight}</data><data key=\"stance\">{stance:.3f}</data></edge>")
    lines += ["  </graph>", "</graphml>"]
    path = Path(path)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
