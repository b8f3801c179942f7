"""One item per real event: which events the grouping joins and which it keeps apart."""
import pandas as pd
import pytest

from core.analysis.event_groups import event_groups


def table(*rows):
    """Events table rows: (event id, article, sentence, day, granularity, certainty, predicates, actors)."""
    records = []
    for eid, article, sentence, day, gran, certainty, predicates, actors in rows:
        start = pd.Timestamp(day) if day else pd.NaT
        end = start + (pd.Timedelta(days=1) if gran == "day" else pd.DateOffset(years=1)) if day else pd.NaT
        records.append({"event_id": eid, "article_id": article, "sentence_index": sentence, "date_start": start,
                        "date_end": end, "granularity": gran, "certainty": certainty, "predicates": predicates,
                        "actor_ids": tuple(actors)})
    return pd.DataFrame(records)


def groups(events):
    out = event_groups(events)
    return {frozenset(ids) for ids in out.groupby("group_id")["event_id"].apply(list) if len(ids) > 1}


@pytest.mark.parametrize(
    "rows, expected",
    [
        # two articles date the same resignation
        ([("a:e0", "a", 3, "2011-08-24", "day", "exact", "resign", ["jobs"]),
          ("b:e0", "b", 1, "2011-08-24", "day", "relative", "quit;say", ["jobs"])], {frozenset({"a:e0", "b:e0"})}),
        # synonyms: died yesterday / killed, an anchored report one day later
        ([("a:e0", "a", 1, "2011-10-05", "day", "relative", "die", ["jobs"]),
          ("b:e3", "b", 4, "2011-10-06", "day", "anchored", "death", ["jobs"])], {frozenset({"a:e0", "b:e3"})}),
        # a different day: two attacks
        ([("a:e0", "a", 1, "2005-01-25", "day", "relative", "attack", ["rebels"]),
          ("b:e0", "b", 1, "2005-01-27", "day", "relative", "attack", ["rebels"])], set()),
        # no shared participant
        ([("a:e0", "a", 1, "2005-01-25", "day", "relative", "attack", ["rebels"]),
          ("b:e0", "b", 1, "2005-01-25", "day", "relative", "attack", ["army"])], set()),
        # unrelated predicates, and saying is no happening to merge on
        ([("a:e0", "a", 1, "2008-09-15", "day", "relative", "say", ["paulson"]),
          ("b:e0", "b", 1, "2008-09-15", "day", "relative", "say", ["paulson"])], set()),
        # the same year: one event at year precision
        ([("a:e0", "a", 1, "1991-01-01", "year", "exact", "settle", ["apple"]),
          ("b:e1", "b", 5, "1991-01-01", "year", "exact", "agreement", ["apple"])], {frozenset({"a:e0", "b:e1"})}),
        # two anchored events of one article are distinct happenings, unless one is the headline
        ([("a:e2", "a", 4, "2016-10-02", "day", "anchored", "buy", ["clarke"]),
          ("a:e5", "a", 9, "2016-10-02", "day", "anchored", "acquire", ["clarke"])], set()),
        ([("a:e0", "a", 0, "2008-03-06", "day", "anchored", "release", ["apple"]),
          ("a:e1", "a", 2, "2008-03-06", "day", "anchored", "release", ["apple"])], {frozenset({"a:e0", "a:e1"})}),
        # undated events are never grouped
        ([("a:e0", "a", 1, None, "none", "unresolved", "resign", ["jobs"]),
          ("b:e0", "b", 1, None, "none", "unresolved", "resign", ["jobs"])], set()),
    ],
)
def test_groups(rows, expected):
    assert groups(table(*rows)) == expected


def test_a_participant_the_corpus_is_all_about_does_not_tie_anchored_events():
    rows = [(f"x{k}:e0", f"x{k}", 2, "2016-09-30", "day", "relative", "rally", ["trump"]) for k in range(12)]
    rows[0] = ("x0:e0", "x0", 2, "2016-09-30", "day", "anchored", "rally", ["trump"])
    rows[1] = ("x1:e0", "x1", 2, "2016-09-30", "day", "anchored", "rally", ["trump"])
    got = event_groups(table(*rows)).set_index("event_id")["group_size"]
    assert got["x2:e0"] == 10  # the dated rallies of that day: one group
    assert got["x0:e0"] == 1 and got["x1:e0"] == 1


def test_group_size_and_articles_and_the_earliest_member_names_the_group():
    out = event_groups(table(
        ("b:e1", "b", 2, "2011-10-06", "day", "anchored", "die", ["jobs"]),
        ("a:e0", "a", 1, "2011-10-05", "day", "relative", "die", ["jobs"]),
        ("a:e4", "a", 6, "2011-10-05", "day", "relative", "death", ["jobs"]),
    )).set_index("event_id")
    assert set(out["group_id"]) == {"a:e0"}
    assert list(out["group_size"]) == [3, 3, 3] and list(out["group_articles"]) == [2, 2, 2]


def test_no_dated_events_gives_an_empty_table():
    out = event_groups(table(("a:e0", "a", 1, None, "none", "unresolved", "die", ["x"])))
    assert list(out.columns) == ["event_id", "group_id", "group_size", "group_articles"] and out.empty
