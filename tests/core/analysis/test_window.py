"""The timeline's default window: the corpus's publication span and what it reports, background outside."""
from datetime import date

import pandas as pd
import pytest

from core.analysis.window import default_window


def events(*spans):
    """(start, end or None, certainty) -> an events table's time columns."""
    return pd.DataFrame({
        "date_start": pd.to_datetime([s for s, _, _ in spans]),
        "date_end": pd.to_datetime([e for _, e, _ in spans]),
        "certainty": [c for _, _, c in spans],
    })


CORPUS = [date(2016, 9, 20), date(2016, 9, 26), date(2016, 10, 7)]  # three articles' publication dates
NEWS = [("2016-09-20", "2016-09-21", "relative"), ("2016-09-26", "2016-09-27", "anchored"),
        ("2016-10-06", "2016-10-07", "exact")]


@pytest.mark.parametrize(
    "extra, published, window",
    [
        # a birth date in 1955 and a 2100 target stay background; the window is the news
        ([("1955-02-24", "1955-02-25", "exact"), ("2100-01-01", "2101-01-01", "exact")],
         CORPUS, (date(2016, 9, 20), date(2016, 10, 8), 1, 1)),
        # what the articles report just before their first publication date is in
        ([("2016-09-15", "2016-09-16", "relative")], CORPUS,
         (date(2016, 9, 15), date(2016, 10, 8), 0, 0)),
        # a month earlier is not (the publication span is 18 days: a week before at most)
        ([("2016-08-15", "2016-08-16", "relative")], CORPUS,
         (date(2016, 9, 20), date(2016, 10, 8), 1, 0)),
        # a planned date two weeks later is in; vague periods and long spans never widen it
        ([("2016-10-20", "2016-10-21", "relative"), ("2016-01-01", "2017-01-01", "relative"),
          ("2016-09-01", "2016-09-30", "vague")], CORPUS,
         (date(2016, 9, 20), date(2016, 10, 21), 0, 0)),
        # one article: what it reports within a year is its story (a meeting three months before)
        ([("2016-06-17", "2016-06-18", "exact"), ("2014-02-01", "2014-02-02", "exact")], [date(2016, 10, 7)],
         (date(2016, 6, 17), date(2016, 10, 8), 1, 0)),
        # no publication date: the events' span (between the 10th and 90th percentile when there are many)
        ([("1955-02-24", "1955-02-25", "vague")], [None], (date(2016, 9, 20), date(2016, 10, 7), 1, 0)),
    ],
)
def test_default_window(extra, published, window):
    w = default_window(events(*NEWS, *extra), published)
    assert (w.start, w.end, w.before, w.after) == window


def test_six_years_of_news_may_reach_two_months_out():
    w = default_window(events(("2005-03-20", "2005-03-21", "exact"), ("2005-05-07", "2005-05-08", "anchored"),
                              ("2011-10-06", "2011-10-07", "anchored"), ("1976-01-01", "1977-01-01", "exact")),
                       [date(2005, 5, 7), date(2008, 1, 1), date(2011, 10, 6)])
    assert (w.start, w.end, w.before) == (date(2005, 3, 20), date(2011, 10, 7), 1)
    assert (w.first, w.last) == (date(1976, 1, 1), date(2011, 10, 7))


def test_without_publication_dates_the_outer_tenths_of_many_events_are_background():
    spans = [(f"2016-09-{d:02d}", None, "relative") for d in range(1, 31)] + [("1955-02-24", None, "exact")] * 3
    w = default_window(events(*spans), [])
    assert date(2016, 9, 1) <= w.start < date(2016, 9, 5) and date(2016, 9, 25) < w.end < date(2016, 9, 30)
    assert w.before >= 3


def test_no_dated_event_gives_no_window():
    assert default_window(events(), [date(2016, 9, 20)]) is None
    assert default_window(events((None, None, "unresolved")), [date(2016, 9, 20)]) is None
