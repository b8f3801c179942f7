"""Data export: CSV, XLSX, JSON tables and the GraphML network."""
import json
import xml.etree.ElementTree as ET

import pandas as pd

from core.io.export import export_graphml, export_tables

NS = "{http://graphml.graphdrawing.org/xmlns}"


def test_csv_tables_are_written_and_readable(tmp_path, analysis):
    written = export_tables(analysis, tmp_path, ["csv"])
    names = sorted(p.name for p in written)
    assert names == ["actors.csv", "articles.csv", "matrix.csv", "statements.csv", "timeline.csv"]
    timeline = pd.read_csv(tmp_path / "timeline.csv")
    assert set(timeline["time_text"].dropna()) == {"on Wednesday", "last year"}
    matrix = pd.read_csv(tmp_path / "matrix.csv").set_index("actor_id")
    assert matrix.loc["turkey", "oppose"] == 1


def test_xlsx_has_a_sheet_per_table(tmp_path, analysis):
    (path,) = export_tables(analysis, tmp_path, ["xlsx"])
    sheets = pd.read_excel(path, sheet_name=None)
    assert set(sheets) == {"timeline", "statements", "matrix", "actors", "articles"}
    assert "Turkey" in set(sheets["statements"]["source_name"])


def test_json_export_round_trips(tmp_path, analysis):
    (path,) = export_tables(analysis, tmp_path, ["json"])
    data = json.loads(path.read_text(encoding="utf-8"))
    assert {r["polarity"] for r in data["statements"]} == {"support", "oppose", "neutral"}


def test_graphml_is_a_valid_signed_network(tmp_path, analysis):
    path = export_graphml(analysis, tmp_path / "n.graphml")
    root = ET.parse(path).getroot()
    nodes = {n.get("id"): n for n in root.iter(f"{NS}node")}
    assert {"actor:turkey", "actor:russia", "target:offensive"} <= set(nodes)
    stances = {(e.get("source"), e.get("target")): float(e.find(f"{NS}data[@key='stance']").text)
               for e in root.iter(f"{NS}edge")}
    assert stances[("actor:turkey", "target:offensive")] == -1.0
    assert stances[("actor:russia", "target:offensive")] == 1.0


def test_excel_formula_injection_is_neutralised(tmp_path, analysis):
    analysis.rename_actor("turkey", "=HYPERLINK(\"x\")")
    (path,) = export_tables(analysis, tmp_path, ["xlsx"])
    names = pd.read_excel(path, sheet_name="actors")["name"].tolist()
    assert "'=HYPERLINK(\"x\")" in names
