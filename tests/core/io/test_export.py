"""Data export: CSV, XLSX, JSON tables, the GraphML network and entity timelines (CSV, SemEval-2015 TimeLine)."""
import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date

import pandas as pd
import pytest

from core.analysis import Analysis
from core.io.export import (
    export_entity_timeline, export_graphml, export_tables, find_actor, semeval_timeline, timeline_date,
)
from core.model import ANCHOR_PUBLICATION, Event, Span
from tests.core.conftest import make_result

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


def _two_articles():
    """Two reports of Turkey's warning (one dated, one anchored a day later) and an undated event."""
    first = make_result("a1", published=date(2018, 8, 29))
    second = make_result("a2", published=date(2018, 8, 30))
    s = second.sentences[0]
    warning = Event("a2", 0, s.start, s.end, "warn", ("turkey",), None, "warned-of", anchor=ANCHOR_PUBLICATION,
                    predicates=("warn",), triggers=(Span(s.start + 7, s.start + 13, "warned"),))
    second = replace(second, events=(warning,) + second.events[1:])
    return Analysis([first, second])


def test_entity_timeline_csv_orders_events_and_shares_an_order_within_a_group(tmp_path):
    analysis = _two_articles()
    csv_path, txt_path = export_entity_timeline(analysis, "turkey", tmp_path)
    table = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
    assert list(table["date"]) == ["2018-08-29", "2018-08-30"]
    assert list(table["order"]) == ["1", "1"] and table["group_id"].nunique() == 1
    assert list(table["placed"]) == ["time expression", "anchored: no date in the sentence, placed at publication"]


def test_entity_timeline_in_the_semeval_timeline_format(tmp_path):
    analysis = _two_articles()
    text = semeval_timeline(analysis, "turkey")
    lines = text.splitlines()
    assert lines[0] == "Turkey"
    # one merged event: both articles' mentions on one line (document-sentence-token-word)
    assert lines[1:] == ["1\t2018-08-29\ttest-0-0-warn\ttest-0-1-warned"]


def test_entity_timeline_lists_only_events_the_actor_takes_part_in(analysis):
    table = analysis.entity_timeline("sergei-lavrov")
    assert list(table["predicate"]) == ["say"]
    assert analysis.entity_timeline("rebels")["date_start"].isna().all()  # its one event is undated


@pytest.mark.parametrize("start, granularity, certainty, text", [
    (pd.Timestamp("2011-08-24"), "day", "exact", "2011-08-24"),
    (pd.Timestamp("2011-08-01"), "month", "relative", "2011-08"),
    (pd.Timestamp("2011-01-01"), "year", "exact", "2011"),
    (pd.Timestamp("2011-08-01"), "month", "vague", "XXXX-XX-XX"),
    (pd.NaT, "none", "unresolved", "XXXX-XX-XX"),
])
def test_timeline_dates_keep_their_precision(start, granularity, certainty, text):
    assert timeline_date(start, granularity, certainty) == text


def test_find_actor_by_id_or_name(analysis):
    assert find_actor(analysis, "turkey") == "turkey"
    assert find_actor(analysis, "sergei lavrov") == "sergei-lavrov"
    assert find_actor(analysis, "Nobody") is None


def test_timeline_csv_says_how_each_date_was_found_and_which_group(tmp_path, analysis):
    export_tables(analysis, tmp_path, ["csv"])
    table = pd.read_csv(tmp_path / "timeline.csv", dtype=str, keep_default_na=False)
    assert {"placed", "group_id", "group_size", "mentioned_ids", "anchor"} <= set(table.columns)
    assert set(table["placed"]) == {"time expression", "undated"}
