"""Tables of sentence -> time expression for core.temporal, on the trained pipeline and the fallback."""
from __future__ import annotations

from datetime import date

import pytest

from core.model import EXACT, RELATIVE, UNRESOLVED, VAGUE
from core.temporal import find_timexes, resolve_timex

DCT = date(2018, 8, 29)  # a Wednesday
D = date


def _one(nlp, sentence, phrase, dct=DCT):
    found = find_timexes(nlp(sentence), dct, "t")
    hits = [t for t in found if t.text == phrase]
    assert hits, f"{phrase!r} not found in {[t.text for t in found]}"
    return hits[0]


# sentence, phrase, type, value, interval start, interval end, granularity, certainty
CASES = [
    # explicit dates in their written forms
    ("They met in Sochi on May 17, 2018.", "May 17, 2018", "DATE", "2018-05-17", D(2018, 5, 17), D(2018, 5, 18), "day", EXACT),
    ("The talks opened on 17 May 2018 in Sochi.", "17 May 2018", "DATE", "2018-05-17", D(2018, 5, 17), D(2018, 5, 18), "day", EXACT),
    ("The report is dated 2018-05-17.", "2018-05-17", "DATE", "2018-05-17", D(2018, 5, 17), D(2018, 5, 18), "day", EXACT),
    ("The ceasefire began on Sept. 17, 2018.", "Sept. 17, 2018", "DATE", "2018-09-17", D(2018, 9, 17), D(2018, 9, 18), "day", EXACT),
    ("The first strikes came in March 2011.", "March 2011", "DATE", "2011-03", D(2011, 3, 1), D(2011, 4, 1), "month", EXACT),
    ("The war began in 2011.", "2011", "DATE", "2011", D(2011, 1, 1), D(2012, 1, 1), "year", EXACT),
    ("Fighting resumed on Aug. 10, officials said.", "Aug. 10", "DATE", "2018-08-10", D(2018, 8, 10), D(2018, 8, 11), "day", RELATIVE),
    ("The deal was signed on Monday, Aug. 27.", "Monday, Aug. 27", "DATE", "2018-08-27", D(2018, 8, 27), D(2018, 8, 28), "day", RELATIVE),
    ("The offensive stalled in July.", "July", "DATE", "2018-07", D(2018, 7, 1), D(2018, 8, 1), "month", RELATIVE),
    ("Aid convoys will resume in October.", "October", "DATE", "2018-10", D(2018, 10, 1), D(2018, 11, 1), "month", RELATIVE),
    ("Refugees fled in December.", "December", "DATE", "2017-12", D(2017, 12, 1), D(2018, 1, 1), "month", RELATIVE),
    ("Troops withdrew on 2 September, the ministry said.", "2 September", "DATE", "2017-09-02", D(2017, 9, 2), D(2017, 9, 3), "day", RELATIVE),
    ("Troops will withdraw on 2 September.", "2 September", "DATE", "2018-09-02", D(2018, 9, 2), D(2018, 9, 3), "day", RELATIVE),
    ("The dividend is payable Dec. 7 to holders of record.", "Dec. 7", "DATE", "2018-12-07", D(2018, 12, 7), D(2018, 12, 8), "day", RELATIVE),
    ("The insurgency peaked in the '90s.", "the '90s", "DATE", "199", D(1990, 1, 1), D(2000, 1, 1), "decade", EXACT),
    ("Exports fell in the fourth quarter of last year.", "the fourth quarter of last year", "DATE", "2017-Q4", D(2017, 10, 1), D(2018, 1, 1), "quarter", RELATIVE),
    ("The shelling stopped on Christmas Day.", "Christmas Day", "DATE", "2017-12-25", D(2017, 12, 25), D(2017, 12, 26), "day", RELATIVE),
    ("The vote ended at 8 p.m. on Sunday.", "8 p.m. on Sunday", "TIME", "2018-08-26T20:00", D(2018, 8, 26), D(2018, 8, 27), "time", RELATIVE),
    ("Shelling was heard last night.", "last night", "TIME", "2018-08-28TNI", D(2018, 8, 28), D(2018, 8, 29), "time", RELATIVE),
    ("The Taliban fell a decade ago.", "a decade ago", "DATE", "2008", D(2008, 1, 1), D(2009, 1, 1), "year", RELATIVE),
    ("Fighting continued through the winter of 2016.", "the winter of 2016", "DATE", "2016-WI", D(2016, 12, 1), D(2017, 3, 1), "season", EXACT),
    ("The siege began in late 2012.", "late 2012", "DATE", "2012", D(2012, 8, 29), D(2013, 1, 1), "year", EXACT),
    ("Results are due on 09/15/2018.", "09/15/2018", "DATE", "2018-09-15", D(2018, 9, 15), D(2018, 9, 16), "day", EXACT),
    ("Over the past 48 hours, at least 20 civilians were killed.", "the past 48 hours", "DURATION", "PT48H", D(2018, 8, 28), D(2018, 8, 30), "period", RELATIVE),
    ("Aid will arrive in the next few days.", "the next few days", "DURATION", "PXD", D(2018, 8, 29), D(2018, 9, 6), "period", VAGUE),
    ("Patrols pass twice a week.", "a week", "SET", "P1W", None, None, "none", EXACT),
    ("Talks will resume in two weeks.", "two weeks", "DURATION", "P2W", D(2018, 8, 29), D(2018, 9, 13), "period", RELATIVE),
    ("The town fell in two weeks.", "two weeks", "DURATION", "P2W", None, None, "period", EXACT),
    ("Inspectors visit every other week.", "every other week", "SET", "P2W", None, None, "none", EXACT),
    ("Violence has doubled over the past decade.", "the past decade", "DURATION", "P10Y", D(2008, 8, 30), D(2018, 8, 30), "period", RELATIVE),
    # weekdays in news
    ("A source close to Damascus said on Wednesday that the attack was near.", "Wednesday", "DATE", "2018-08-29", D(2018, 8, 29), D(2018, 8, 30), "day", RELATIVE),
    ("Rebels shelled the town on Friday.", "Friday", "DATE", "2018-08-24", D(2018, 8, 24), D(2018, 8, 25), "day", RELATIVE),
    ("The ministers will meet next Friday.", "next Friday", "DATE", "2018-08-31", D(2018, 8, 31), D(2018, 9, 1), "day", RELATIVE),
    ("The ministers will meet on Friday in Tehran.", "Friday", "DATE", "2018-08-31", D(2018, 8, 31), D(2018, 9, 1), "day", RELATIVE),
    ("He spoke last Monday.", "last Monday", "DATE", "2018-08-27", D(2018, 8, 27), D(2018, 8, 28), "day", RELATIVE),
    ("Clashes broke out on Tuesday night.", "Tuesday night", "DATE", "2018-08-28", D(2018, 8, 28), D(2018, 8, 29), "day", RELATIVE),
    ("Shelling began on Monday morning.", "Monday morning", "TIME", "2018-08-27TMO", D(2018, 8, 27), D(2018, 8, 28), "time", RELATIVE),
    ("Results for the year ended June 30 were weak.", "the year", "DURATION", "P1Y", None, None, "period", EXACT),
    ("Sales for the year rose.", "the year", "DATE", "2018", D(2018, 1, 1), D(2019, 1, 1), "year", RELATIVE),
    ("The talks may take two to three weeks.", "two to three weeks", "DURATION", "P2W", None, None, "period", VAGUE),
    ("Sanctions will be reviewed by year-end.", "year-end", "DATE", "2018", D(2018, 10, 20), D(2019, 1, 1), "year", RELATIVE),
    ("Rockets hit the town on Aug. 21. At 10 p.m., sirens sounded.", "10 p.m.", "TIME", "2018-08-21T22:00", D(2018, 8, 21), D(2018, 8, 22), "time", RELATIVE),
    ("The ceasefire held for 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M", None, None, "period", EXACT),
    ("The vote was postponed until Tuesday.", "Tuesday", "DATE", "2018-09-04", D(2018, 9, 4), D(2018, 9, 5), "day", RELATIVE),
    # deictic days
    ("The army said yesterday that it had advanced.", "yesterday", "DATE", "2018-08-28", D(2018, 8, 28), D(2018, 8, 29), "day", RELATIVE),
    ("Talks continue today in Geneva.", "today", "DATE", "2018-08-29", D(2018, 8, 29), D(2018, 8, 30), "day", RELATIVE),
    ("The envoy arrives tomorrow.", "tomorrow", "DATE", "2018-08-30", D(2018, 8, 30), D(2018, 8, 31), "day", RELATIVE),
    ("Explosions were heard this morning.", "this morning", "TIME", "2018-08-29TMO", D(2018, 8, 29), D(2018, 8, 30), "time", RELATIVE),
    ("He will speak later this afternoon.", "later this afternoon", "TIME", "2018-08-29TAF", D(2018, 8, 29), D(2018, 8, 30), "time", RELATIVE),
    ("Sales slowed during the summer.", "the summer", "DATE", "2018-SU", D(2018, 6, 1), D(2018, 9, 1), "season", RELATIVE),
    ("The deal was signed the previous Friday.", "the previous Friday", "DATE", "2018-08-24", D(2018, 8, 24), D(2018, 8, 25), "day", RELATIVE),
    ("Shelling resumed late Friday.", "late Friday", "DATE", "2018-08-24", D(2018, 8, 24), D(2018, 8, 25), "day", RELATIVE),
    # units relative to the publication date
    ("Turkey closed the border last year.", "last year", "DATE", "2017", D(2017, 1, 1), D(2018, 1, 1), "year", RELATIVE),
    ("Prices rose this month.", "this month", "DATE", "2018-08", D(2018, 8, 1), D(2018, 9, 1), "month", RELATIVE),
    ("Elections are planned for next year.", "next year", "DATE", "2019", D(2019, 1, 1), D(2020, 1, 1), "year", RELATIVE),
    ("The convoy was attacked last week.", "last week", "DATE", "2018-W34", D(2018, 8, 20), D(2018, 8, 27), "week", RELATIVE),
    ("Russia said earlier this week that it would help.", "earlier this week", "DATE", "2018-W35", D(2018, 8, 27), D(2018, 8, 30), "week", RELATIVE),
    ("The vote is set for later this month.", "later this month", "DATE", "2018-08", D(2018, 8, 30), D(2018, 9, 1), "month", RELATIVE),
    ("The ceasefire collapsed two years ago.", "two years ago", "DATE", "2016", D(2016, 1, 1), D(2017, 1, 1), "year", RELATIVE),
    ("The town fell three days ago.", "three days ago", "DATE", "2018-08-26", D(2018, 8, 26), D(2018, 8, 27), "day", RELATIVE),
    # quarters, halves, seasons, fiscal years, decades, centuries
    ("Exports fell in the second quarter.", "the second quarter", "DATE", "2018-Q2", D(2018, 4, 1), D(2018, 7, 1), "quarter", RELATIVE),
    ("Sales grew in the third quarter of 2017.", "the third quarter of 2017", "DATE", "2017-Q3", D(2017, 7, 1), D(2017, 10, 1), "quarter", EXACT),
    ("Revenue doubled in Q1 2018.", "Q1 2018", "DATE", "2018-Q1", D(2018, 1, 1), D(2018, 4, 1), "quarter", EXACT),
    ("Output rose in the first half of 2018.", "the first half of 2018", "DATE", "2018-H1", D(2018, 1, 1), D(2018, 7, 1), "half", EXACT),
    ("Fighting intensified this summer.", "this summer", "DATE", "2018-SU", D(2018, 6, 1), D(2018, 9, 1), "season", RELATIVE),
    ("The siege ended last winter.", "last winter", "DATE", "2017-WI", D(2017, 12, 1), D(2018, 3, 1), "season", RELATIVE),
    ("Budgets were cut in fiscal 2017.", "fiscal 2017", "DATE", "2017", D(2017, 1, 1), D(2018, 1, 1), "year", EXACT),
    ("Spending rose in the 2018 fiscal year.", "the 2018 fiscal year", "DATE", "2018", D(2018, 1, 1), D(2019, 1, 1), "year", EXACT),
    ("Results for FY2017 were mixed.", "FY2017", "DATE", "2017", D(2017, 1, 1), D(2018, 1, 1), "year", EXACT),
    ("The party was founded in the 1990s.", "the 1990s", "DATE", "199", D(1990, 1, 1), D(2000, 1, 1), "decade", EXACT),
    ("The city was rebuilt in the 19th century.", "the 19th century", "DATE", "18", D(1800, 1, 1), D(1900, 1, 1), "century", EXACT),
    # present, past and future references
    ("The rebels now hold the town.", "now", "DATE", "PRESENT_REF", D(2018, 8, 29), D(2018, 8, 30), "day", VAGUE),
    ("About 3 million people currently live in Idlib.", "currently", "DATE", "PRESENT_REF", D(2018, 8, 29), D(2018, 8, 30), "day", VAGUE),
    ("The army recently took the airport.", "recently", "DATE", "PAST_REF", D(2018, 5, 31), D(2018, 8, 30), "period", VAGUE),
    ("The attack will start soon.", "soon", "DATE", "FUTURE_REF", D(2018, 8, 30), D(2018, 11, 28), "period", VAGUE),
    # durations, bare and anchored to the publication date
    ("The siege lasted six months.", "six months", "DURATION", "P6M", None, None, "period", EXACT),
    ("Talks went on for several days.", "several days", "DURATION", "PXD", None, None, "period", VAGUE),
    ("He was held for 48 hours.", "48 hours", "DURATION", "PT48H", None, None, "period", EXACT),
    ("The war has lasted two decades.", "two decades", "DURATION", "P20Y", None, None, "period", EXACT),
    ("Prices doubled in the past six months.", "the past six months", "DURATION", "P6M", D(2018, 3, 1), D(2018, 8, 30), "period", RELATIVE),
    ("Strikes will continue in the coming hours.", "the coming hours", "DURATION", "PTXH", D(2018, 8, 29), D(2018, 9, 1), "period", VAGUE),
    ("Thousands fled in recent weeks.", "recent weeks", "DURATION", "PXW", D(2018, 7, 4), D(2018, 8, 30), "period", VAGUE),
    ("The town has changed in recent years.", "recent years", "DATE", "PAST_REF", D(2013, 8, 29), D(2018, 8, 30), "period", VAGUE),
    # sets
    ("The council meets every year.", "every year", "SET", "P1Y", None, None, "none", EXACT),
    ("Convoys cross daily.", "daily", "SET", "P1D", None, None, "none", EXACT),
    ("The market opens every Monday.", "every Monday", "SET", "XXXX-WXX-1", None, None, "day", EXACT),
    ("Pilgrims arrive each July.", "each July", "SET", "XXXX-07", None, None, "month", EXACT),
]


@pytest.mark.parametrize("sentence,phrase,type_,value,start,end,gran,certainty", CASES)
def test_normalisation(nlp, sentence, phrase, type_, value, start, end, gran, certainty):
    tx = _one(nlp, sentence, phrase)
    assert (tx.type, tx.value, tx.interval_start, tx.interval_end, tx.granularity, tx.certainty) == (
        type_, value, start, end, gran, certainty)


FUTURE_CASES = [
    ("The final touches will be completed in the coming hours.", "the coming hours", True),
    ("Elections are planned for next year.", "next year", True),
    ("Turkey closed the border last year.", "last year", False),
    ("A source said on Wednesday that the attack was near.", "Wednesday", False),
    ("The ministers will meet next Friday.", "next Friday", True),
    ("The attack will start soon.", "soon", True),
]


@pytest.mark.parametrize("sentence,phrase,future", FUTURE_CASES)
def test_future_flag(nlp, sentence, phrase, future):
    assert _one(nlp, sentence, phrase).future is future


# Words that look like dates and are not.
TRAPS = [
    "Officials say the offensive May begin soon, but nobody knows.",
    "Jan Egeland, the UN adviser, warned of a bloodbath.",
    "We will not allow a massacre, the minister said.",
    "The strike killed 2016 people, the monitor said.",
    "The troops will march on the city.",
    "Protesters gathered in the spring of discontent, organisers said of the Arab Spring.",
    "The company paid $2018 in fees.",
    "The fall of Aleppo changed the war.",
    "He may resign.",
]


@pytest.mark.parametrize("sentence", TRAPS)
def test_traps_give_nothing(nlp, sentence):
    found = [t.text for t in find_timexes(nlp(sentence), DCT, "t") if t.text not in ("soon",)]
    assert found == []


def test_seed_article(nlp, seed_text):
    found = find_timexes(nlp(seed_text), DCT, "seed")
    by_text = {}
    for t in found:
        by_text.setdefault(t.text, t)
    assert by_text["May 17, 2018"].value == "2018-05-17"
    assert by_text["Wednesday"].value == "2018-08-29"
    assert by_text["the coming hours"].future and by_text["the coming hours"].certainty == VAGUE
    assert by_text["last year"].value == "2017"
    assert by_text["this month"].value == "2018-08"
    assert by_text["recent years"].certainty == VAGUE
    assert by_text["recent weeks"].certainty == VAGUE
    past6 = by_text["the past six months"]
    assert (past6.value, past6.interval_start, past6.interval_end) == ("P6M", D(2018, 3, 1), D(2018, 8, 30))
    starts = [t.start for t in found]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    assert all(seed_text[t.start:t.end] == t.text for t in found)
    sents = list(nlp(seed_text).sents)
    assert all(sents[t.sentence_index].start_char <= t.start < sents[t.sentence_index].end_char for t in found)


BLANK_CASES = [
    ("Rebels shelled the town on Friday, officials said.", "Friday", "2018-08-24"),
    ("The ministers will meet on Friday in Tehran.", "Friday", "2018-08-31"),
    ("They met in Sochi on May 17, 2018.", "May 17, 2018", "2018-05-17"),
    ("Turkey closed the border last year.", "last year", "2017"),
    ("Prices doubled in the past six months.", "the past six months", "P6M"),
    ("Early next year the talks resume.", "Early next year", "2019"),
]


@pytest.mark.parametrize("sentence,phrase,value", BLANK_CASES)
def test_fallback_pipeline(blank_nlp, sentence, phrase, value):
    assert _one(blank_nlp, sentence, phrase).value == value


def test_fallback_traps(blank_nlp):
    doc = blank_nlp("We will not allow it. Jan Egeland said the strike killed 2016 people. It may rain.")
    assert find_timexes(doc, DCT, "t") == []


RESOLVE_CASES = [
    ("Turkey closed the border last year.", "last year", date(2020, 3, 1), "2019", RELATIVE),
    ("Rebels shelled the town on Friday.", "Friday", date(2020, 3, 4), "2020-02-28", RELATIVE),
    ("They met in Sochi on May 17, 2018.", "May 17, 2018", date(2020, 3, 4), "2018-05-17", EXACT),
    ("Turkey closed the border last year.", "last year", None, "XXXX-XX-XX", UNRESOLVED),
    ("Rebels shelled the town on Friday.", "Friday", None, "XXXX-WXX-5", UNRESOLVED),
    ("Prices doubled in the past six months.", "the past six months", None, "P6M", UNRESOLVED),
]


@pytest.mark.parametrize("sentence,phrase,new_dct,value,certainty", RESOLVE_CASES)
def test_resolve_against_new_date(nlp, sentence, phrase, new_dct, value, certainty):
    tx = resolve_timex(_one(nlp, sentence, phrase), new_dct)
    assert (tx.value, tx.certainty) == (value, certainty)
    if new_dct is None and certainty == UNRESOLVED:
        assert tx.interval_start is None and tx.interval_end is None


def test_no_dct_leaves_relative_unresolved(nlp):
    found = find_timexes(nlp("The army said on Friday that it took the town last year, on May 17, 2018."), None, "t")
    got = {t.text: (t.value, t.certainty, t.interval_start) for t in found}
    assert got["Friday"] == ("XXXX-WXX-5", UNRESOLVED, None)
    assert got["last year"] == ("XXXX-XX-XX", UNRESOLVED, None)
    assert got["May 17, 2018"][1] == EXACT


def test_resolve_keeps_clause_context(nlp):
    """A future weekday stays future, and 'the year ended ...' stays a duration, after re-resolving."""
    doc = nlp("The ministers will meet on Friday. Results for the year ended June 30 were weak.")
    found = {t.text: t for t in find_timexes(doc, DCT, "ctx")}
    moved = resolve_timex(found["Friday"], date(2018, 9, 5))
    assert (moved.value, moved.future) == ("2018-09-07", True)
    assert resolve_timex(found["the year"], date(2019, 1, 1)).value == "P1Y"


def test_resolve_with_modifier(nlp):
    tx = _one(nlp, "The talks resume early next year.", "early next year")
    again = resolve_timex(tx, date(2020, 6, 1))
    assert (again.value, again.interval_start, again.interval_end) == ("2021", date(2021, 1, 1), date(2021, 5, 5))


ANAPHOR_CASES = [
    ("Rockets hit Ghouta on August 21, 2013. That day, hundreds died.", "That day", "2013-08-21"),
    ("Rockets hit Ghouta on August 21, 2013. The following day, inspectors arrived.", "The following day", "2013-08-22"),
    ("The revolt began in March 2011. Later that year, the army moved in.", "Later that year", "2011"),
    ("The town fell in 2016. The next year, it was retaken.", "The next year", "2017"),
]


@pytest.mark.parametrize("text,phrase,value", ANAPHOR_CASES)
def test_anaphoric_expressions_count_from_the_last_named_date(nlp, text, phrase, value):
    assert _one(nlp, text, phrase).value == value


def test_that_day_after_a_bare_year_is_not_placed(nlp):
    tx = _one(nlp, "The town fell in 2016. That day, the army entered.", "That day")
    assert tx.interval_start is None and tx.certainty == UNRESOLVED


def test_spacy_entities_add_vague_directions(nlp):
    doc = nlp("Analysts expect more fighting in the days ahead.")
    found = {t.text: t.value for t in find_timexes(doc, DCT, "t")}
    assert any(v == "FUTURE_REF" for v in found.values()), found


KNOWN_GAPS = [
    # A month with a spelled-out year is read as two expressions, the month resolved to this year.
    ("The bomb went off in January nineteen ninety-seven.", "January nineteen ninety-seven", "1997-01"),
    # "the week of March 6" is a week, not the day.
    ("Talks are planned for the week of March 6.", "the week of March 6", "2018-W10"),
    # Approximate "a week or so ago" keeps only "a week".
    ("The convoy left a week or so ago.", "a week or so ago", "2018-W34"),
    # A bare "the day" needs the narrative's reference time; it is left out.
    ("He arrived in Geneva later in the day.", "later in the day", "2018-08-29"),
]


@pytest.mark.xfail(strict=True, reason="known gap")
@pytest.mark.parametrize("sentence,phrase,value", KNOWN_GAPS)
def test_known_gaps(nlp, sentence, phrase, value):
    assert _one(nlp, sentence, phrase).value == value


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "x" * 500,
                                  "Feb. 30, 2018, 31/02/2018, 2018-02-30, Q5 2018, the 45th century and 25:99 p.m."])
def test_odd_text_never_crashes(blank_nlp, text):
    found = find_timexes(blank_nlp(text), DCT, "odd")
    assert all(text[t.start:t.end] == t.text for t in found)
    assert all(t.interval_start is None or t.interval_start < t.interval_end for t in found)


EXTENT_CASES = [
    ("The eight-year war ended in 1988.", "eight-year"),
    ("Net income rose in the third-quarter report.", "third-quarter"),
    ("Its fourth quarter was weak.", "fourth quarter"),
    ("The siege lasted nearly four years.", "nearly four years"),
    ("He was held for more than two weeks.", "more than two weeks"),
    ("The truce collapsed almost two years ago.", "almost two years ago"),
    ("Over the past 48 hours, at least 20 civilians were killed.", "the past 48 hours"),
    ("Aid convoys stopped in early March.", "early March"),
]


@pytest.mark.parametrize("sentence,phrase", EXTENT_CASES)
def test_extents(nlp, sentence, phrase):
    assert _one(nlp, sentence, phrase).text == phrase


def test_sentence_initial_now_comma_is_a_discourse_marker(nlp):
    found = [t.text for t in find_timexes(nlp("Now, he says, the war is over. The rebels now hold Idlib."), DCT, "t")]
    assert found == ["now"]


NUMBER_TRAPS = [
    "The council passed resolution 1559 and UNSCR 2254.",
    "Some 1800 militants and 1990 civilians fled.",
    "The March 14 alliance won the vote.",
    "Article 1990 of the penal code applies.",
    "The 6-year-old girl was rescued.",
]


@pytest.mark.parametrize("sentence", NUMBER_TRAPS)
def test_numbers_and_names_that_look_like_dates(blank_nlp, sentence):
    assert find_timexes(blank_nlp(sentence), DCT, "t") == []


def test_resolve_entity_reading(nlp):
    doc = nlp("Analysts expect more fighting in the days ahead.")
    tx = [t for t in find_timexes(doc, DCT, "ent") if t.value == "FUTURE_REF"][0]
    moved = resolve_timex(tx, date(2020, 1, 1))
    assert (moved.value, moved.interval_start) == ("FUTURE_REF", date(2020, 1, 2))
    assert resolve_timex(tx, None).interval_start is None
