"""The sample article end to end, against a reviewed expected-output file (containment, not equality)."""
import json
from pathlib import Path

import pandas as pd
import pytest

from core.analysis import Analysis
from core.ingest import load_file
from core.pipeline import analyse_all

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = json.loads((Path(__file__).parent / "expected" / "seed_idlib.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_analysis(pipeline):
    return Analysis(analyse_all([load_file(ROOT / "seeds" / "idlib-offensive-2018.txt")], pipeline))


@pytest.mark.parametrize("fact", EXPECTED["timeline"], ids=lambda f: f"{f['time_text']}:{f['sentence_contains'][:25]}")
def test_timeline_contains(seed_analysis, fact):
    rows = seed_analysis.timeline()
    rows = rows[rows["sentence"].str.contains(fact["sentence_contains"], regex=False)]
    rows = rows[rows["time_text"].str.contains(fact["time_text"], regex=False)]
    assert len(rows) >= 1, f"no event for {fact}"
    row = rows.iloc[0]
    if "date_start" in fact:
        assert row.date_start == pd.Timestamp(fact["date_start"])
    if "date_end" in fact:
        assert row.date_end == pd.Timestamp(fact["date_end"])
    if "modality" in fact:
        assert row.modality == fact["modality"]
    if "future" in fact:
        assert bool(row.future) == fact["future"]


@pytest.mark.parametrize("fact", EXPECTED["anchored"], ids=lambda f: f["sentence_contains"][:30])
def test_reported_but_undated_events_are_anchored(seed_analysis, fact):
    rows = seed_analysis.timeline()
    rows = rows[rows["sentence"].str.contains(fact["sentence_contains"], regex=False) & (rows["certainty"] == "anchored")]
    assert len(rows) >= 1, f"no anchored event for {fact}"
    row = rows.iloc[0]
    assert row.date_start == pd.Timestamp(fact["date_start"]) and row.time_text == ""
    assert row.anchor in ("publication", "reference") and fact["actor"] in row.actor_ids
    if "modality" in fact:
        assert row.modality == fact["modality"]


@pytest.mark.parametrize("fact", EXPECTED["stances"], ids=lambda f: f"{f['actor']}-{f['polarity']}")
def test_matrix_cell_contains_the_statement(seed_analysis, fact):
    matrix = seed_analysis.stance_matrix("stance", group_by="government")
    ids = matrix.cells.get((fact["actor"], fact["polarity"]), [])
    assert ids, f"empty cell {fact['actor']} × {fact['polarity']}"
    table = seed_analysis.statements_table().set_index("statement_id").loc[ids]
    if "sentence_contains" in fact:
        table = table[table["sentence"].str.contains(fact["sentence_contains"], regex=False)]
    if "cue" in fact:
        table = table[table["cue_text"].str.contains(fact["cue"], regex=False)]
    if "topic" in fact:
        table = table[table["topic"] == fact["topic"]]
    if "target_actor" in fact:
        table = table[table["target_actor"] == fact["target_actor"]]
    assert len(table) >= 1, f"the cell has no statement matching {fact}"
    evidence = seed_analysis.evidence(statement_ids=list(table.index[:1]))
    start, end = int(evidence.iloc[0].start), int(evidence.iloc[0].end)
    assert seed_analysis.article(evidence.iloc[0].article_id).text[start:end] == evidence.iloc[0].sentence


@pytest.mark.parametrize("person, government", EXPECTED["people"].items())
def test_people_are_one_actor_tied_to_their_government(seed_analysis, person, government):
    actors = seed_analysis.actors_table().set_index("actor_id")
    assert actors.loc[person, "kind"] == "person"
    assert actors.loc[person, "affiliation"] == government
    surname = actors.loc[person, "name"].split()[-1].split("-")[-1]
    assert (actors["name"].str.contains(surname, regex=False)).sum() == 1


def test_no_actor_from_page_furniture(seed_analysis):
    names = {n.casefold() for n in seed_analysis.actors_table()["name"]}
    assert names.isdisjoint(EXPECTED["not_actors"])


def test_putin_assad_meeting_and_wednesday_events_are_on_the_timeline(seed_analysis):
    days = set(seed_analysis.timeline()["date_start"].dt.date.astype(str))
    assert {"2018-05-17", "2018-08-29"} <= days
