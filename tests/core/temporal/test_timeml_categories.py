"""TimeML categories beyond the development sets: clock times with zones, "annual", bare plural units,
ranges read as durations, "later this year"; and two resolution fixes (a past "since", a future chain)."""
from __future__ import annotations

from datetime import date

import pytest

from core.model import EXACT, RELATIVE, VAGUE
from core.temporal import find_timexes, is_range, resolve_timexes

DCT = date(2018, 3, 14)  # a Wednesday
D = date


def _found(nlp, sentence, dct=DCT):
    return {t.text: t for t in find_timexes(nlp(sentence), dct, "t")}


# sentence, phrase, type, value, interval start, interval end, certainty
CASES = [
    # clock times with a zone: the zone belongs to the phrase, the value is the clock time
    ("The talks began at 18:00 UTC on Monday.", "18:00 UTC on Monday", "TIME", "2018-03-12T18:00",
     D(2018, 3, 12), D(2018, 3, 13), RELATIVE),
    ("The ceasefire started at 0800 GMT.", "0800 GMT", "TIME", "2018-03-14T08:00", D(2018, 3, 14), D(2018, 3, 15),
     RELATIVE),
    ("The curfew began at 22:00 local time.", "22:00 local time", "TIME", "2018-03-14T22:00", D(2018, 3, 14),
     D(2018, 3, 15), RELATIVE),
    ("Troops moved in at 0600 hours.", "0600 hours", "TIME", "2018-03-14T06:00", D(2018, 3, 14), D(2018, 3, 15),
     RELATIVE),
    # "annual": a set, as an adverb and before an occurrence
    ("The festival is held annually.", "annually", "SET", "P1Y", None, None, EXACT),
    ("Leaders met at the annual summit in Davos.", "annual", "SET", "P1Y", None, None, EXACT),
    # bare plural units: an unknown number of them
    ("Over the years the town grew.", "the years", "DURATION", "PXY", None, None, VAGUE),
    ("The conflict has lasted decades.", "decades", "DURATION", "PXY", None, None, VAGUE),
    ("The strike went on for months.", "months", "DURATION", "PXM", None, None, VAGUE),
    # ... looking ahead: from publication on
    ("More fighting is expected in the weeks ahead.", "the weeks", "DURATION", "PXW", D(2018, 3, 14),
     D(2018, 4, 26), VAGUE),
    # ranges as durations spanning both dates
    ("He served between 2014 and 2016.", "between 2014 and 2016", "DURATION", "P2Y", D(2014, 1, 1), D(2017, 1, 1),
     EXACT),
    ("He was mayor from 2010 to 2014.", "from 2010 to 2014", "DURATION", "P4Y", D(2010, 1, 1), D(2015, 1, 1), EXACT),
    ("Prices rose 2014-2016.", "2014-2016", "DURATION", "P2Y", D(2014, 1, 1), D(2017, 1, 1), EXACT),
    ("The market fell between January and March.", "between January and March", "DURATION", "P2M", D(2018, 1, 1),
     D(2018, 4, 1), RELATIVE),
    # "later this year": the rest of the year
    ("The plant will open later this year.", "later this year", "DATE", "2018", D(2018, 3, 15), D(2019, 1, 1),
     RELATIVE),
    ("Sales rose earlier this year.", "earlier this year", "DATE", "2018", D(2018, 1, 1), D(2018, 3, 15), RELATIVE),
    # a point a period runs from lies before publication; a month of the same year named with "of"
    ("He has been on leave since January of this year.", "January of this year", "DATE", "2018-01",
     D(2018, 1, 1), D(2018, 2, 1), RELATIVE),
    ("He has been on leave since May.", "May", "DATE", "2017-05", D(2017, 5, 1), D(2017, 6, 1), RELATIVE),
    # a verb with no tense takes its head's: the troops leave next September, not last
    ("Italy announces it will begin withdrawing troops in September.", "September", "DATE", "2018-09",
     D(2018, 9, 1), D(2018, 10, 1), RELATIVE),
]


@pytest.mark.parametrize("sentence, phrase, type_, value, start, end, certainty", CASES,
                         ids=[c[1] for c in CASES])
def test_categories(nlp, sentence, phrase, type_, value, start, end, certainty):
    found = _found(nlp, sentence)
    assert phrase in found, f"{phrase!r} not in {list(found)}"
    t = found[phrase]
    assert (t.type, t.value, t.interval_start, t.interval_end, t.certainty) == (type_, value, start, end, certainty)


@pytest.mark.parametrize("sentence", [
    "Annual sales rose 8%.",  # a rate, not a schedule
    "He ran the course in 2:50 hours.",
    "It took 124 hours.",
])
def test_not_clock_times_nor_sets(nlp, sentence):
    assert not any(t.type in ("SET", "TIME") for t in find_timexes(nlp(sentence), DCT, "t"))


def test_a_range_keeps_its_two_dates_and_follows_them_to_a_new_publication_date(nlp):
    timexes = find_timexes(nlp("The market fell between January and March."), DCT, "t")
    assert [t.text for t in timexes] == ["January", "March", "between January and March"]
    assert [is_range(t) for t in timexes] == [False, False, True]
    moved = resolve_timexes(timexes, date(2019, 2, 1))
    assert (moved[2].interval_start, moved[2].interval_end) == (D(2019, 1, 1), D(2019, 4, 1))
    assert moved[2].text == "between January and March"


def test_unrelated_neighbouring_dates_are_no_range(nlp):
    timexes = find_timexes(nlp("He arrived in 2014 and left in 2016."), DCT, "t")
    assert not any(is_range(t) for t in timexes)
