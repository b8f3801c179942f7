"""Project files: round trip, corrections kept, corrupt and newer files refused and left untouched."""
import sqlite3
from dataclasses import replace
from datetime import date

import pandas as pd

import pytest

from core.analysis import Analysis, statement_id
from core.messages import UserFacingError
from core.io.serialise import from_data, to_data
from core.io.store import FORMAT_VERSION, load_project, save_project
from core.model import ANCHOR_REFERENCE, ArticleAnalysis, Event, Span
from tests.core.conftest import make_result


def test_records_round_trip_through_plain_data(result):
    assert from_data(ArticleAnalysis, to_data(result)) == result


def _with_anchored_event(result: ArticleAnalysis) -> ArticleAnalysis:
    """The result plus an event placed by tense, with participants, mentions and triggers."""
    s = result.sentences[2]
    event = Event(result.article.id, 2, s.start, s.end, "hold", ("rebels",), anchor=ANCHOR_REFERENCE, anchor_timex=0,
                  mentioned_ids=("rebels", "russia"), predicates=("hold",),
                  triggers=(Span(s.start + 7, s.start + 11, "hold"),))
    return replace(result, events=result.events + (event,))


def test_anchored_events_round_trip_and_re_date_with_a_corrected_publication_date(tmp_path):
    analysis = Analysis([_with_anchored_event(make_result())])
    eid = f"a1:e{len(make_result().events)}"
    loaded = load_project(save_project(tmp_path / "p.standpoint", analysis))
    assert loaded.raw_results() == analysis.raw_results()
    row = loaded.events_table().set_index("event_id").loc[eid]
    assert (row.certainty, row.anchor, row.date_start) == ("anchored", "reference", pd.Timestamp("2018-08-29"))
    assert row.mentioned_ids == ("rebels", "russia")
    loaded.set_published("a1", date(2018, 9, 20))  # "on Wednesday" now lies more than a week back
    row = loaded.events_table().set_index("event_id").loc[eid]
    assert (row.anchor, row.date_start) == ("publication", pd.Timestamp("2018-09-20"))


def test_projects_saved_before_anchoring_open_with_every_actor_as_mentioned(tmp_path, analysis):
    data = to_data(analysis.raw_results()[0])
    for event in data["events"]:
        for name in ("anchor", "anchor_timex", "mentioned_ids", "predicates", "triggers"):
            event.pop(name)
    old = from_data(ArticleAnalysis, data)
    table = Analysis([old]).events_table()
    assert list(table["mentioned_ids"]) == list(table["actor_ids"]) and set(table["anchor"]) == {""}


def test_project_round_trip_keeps_analysis_and_corrections(tmp_path, analysis):
    analysis.rename_actor("russia", "Russian Federation")
    analysis.set_polarity(statement_id("a1", 0), "neutral")
    path = save_project(tmp_path / "p.standpoint", analysis)
    loaded = load_project(path)
    assert loaded.raw_results() == analysis.raw_results()
    assert loaded.corrections == analysis.corrections
    assert loaded.stance_matrix().names["russia"] == "Russian Federation"
    pd_equal = loaded.timeline().equals(analysis.timeline())
    assert pd_equal


def test_saved_publication_date_correction_re_resolves_on_open(tmp_path):
    analysis = Analysis([make_result(published=None)])
    assert analysis.timeline().empty
    analysis.set_published("a1", date(2018, 8, 29))
    loaded = load_project(save_project(tmp_path / "p.standpoint", analysis))
    assert not loaded.timeline().empty


@pytest.mark.parametrize(
    "content, code",
    [(b"", "E201"), (b"hello, not a database", "E201"), (b"SQLite format 3\x00" + b"\x00" * 200, "E201")],
)
def test_corrupt_files_are_refused_and_untouched(tmp_path, content, code, analysis):
    path = tmp_path / "bad.standpoint"
    path.write_bytes(content)
    with pytest.raises(UserFacingError, match=code):
        load_project(path)
    with pytest.raises(UserFacingError):
        save_project(path, analysis)
    assert path.read_bytes() == content


def test_other_sqlite_database_is_not_a_project(tmp_path, analysis):
    path = tmp_path / "other.standpoint"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE t (x)")
    db.close()
    before = path.read_bytes()
    with pytest.raises(UserFacingError, match="E201"):
        load_project(path)
    with pytest.raises(UserFacingError):
        save_project(path, analysis)
    assert path.read_bytes() == before


def test_newer_format_is_refused(tmp_path, analysis):
    path = save_project(tmp_path / "p.standpoint", analysis)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = ? WHERE key = 'format_version'", (str(FORMAT_VERSION + 1),))
    db.close()
    with pytest.raises(UserFacingError, match="E202"):
        load_project(path)


def test_malformed_json_inside_is_reported_as_corrupt(tmp_path, analysis):
    path = save_project(tmp_path / "p.standpoint", analysis)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE results SET data = '{\"timexes\": 5}'")
    db.close()
    with pytest.raises(UserFacingError, match="E201"):
        load_project(path)


def test_saving_over_own_project_replaces_it(tmp_path, analysis):
    path = save_project(tmp_path / "p.standpoint", analysis)
    analysis.add(make_result("a2"))
    save_project(path, analysis)
    assert len(load_project(path)) == 2
    assert [p.name for p in tmp_path.iterdir()] == ["p.standpoint"]


def test_reopened_project_re_resolves_future_weekdays_like_before(tmp_path, pipeline):
    """A publication date set after reopening gives the same reading as before saving."""
    from core.ingest import article_from_text
    from core.pipeline import analyse_all

    article = article_from_text("The ministers will meet on Monday. They met on Friday.", title="t")
    analysis = Analysis(analyse_all([article], pipeline))
    reopened = load_project(save_project(tmp_path / "p.standpoint", analysis))
    for a in (analysis, reopened):
        a.set_published(article.id, date(2018, 8, 29))  # a Wednesday
    values = [sorted(t.value for t in a.result(article.id).timexes) for a in (analysis, reopened)]
    assert values[0] == values[1] == ["2018-08-24", "2018-09-03"]
