"""Events: each takes its time from the expression that governs its verb; modality from its clause."""
from datetime import date

import pytest

from core.actors import find_actors
from core.events import find_events
from core.temporal import find_timexes

DCT = date(2018, 8, 29)


def events_of(nlp, text):
    doc = nlp(text)
    actors, mentions = find_actors(doc, "t")
    timexes = find_timexes(doc, DCT, "t")
    return [(e, timexes[e.timex_index] if e.timex_index is not None else None)
            for e in find_events(doc, timexes, mentions, "t")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # (time phrase, predicate lemma, modality) for each dated event, in text order
        ("Turkey warned on Wednesday against an offensive.", [("Wednesday", "warn", "warned-of")]),
        ("Syrian forces are preparing an offensive, a source said on Wednesday.",
         [("Wednesday", "say", "planned")]),
        ("Russia signed the deal in 2017 and will review it next year.",
         [("2017", "sign", "asserted"), ("next year", "review", "planned")]),
        ("The talks, which began in May, collapsed on Friday.",
         [("May", "begin", "asserted"), ("Friday", "collapse", "asserted")]),
        ("The offensive could start in the coming days.", [("the coming days", "start", "planned")]),
        ("An attack would be a massacre, the minister said this month.",
         [("this month", "say", "hypothetical")]),
    ],
)
def test_dated_events(nlp, text, expected):
    got = [(tx.text.replace("on ", "").replace("in ", ""), e.predicate, e.modality)
           for e, tx in events_of(nlp, text) if tx is not None]
    expected = [(p.replace("on ", "").replace("in ", ""), v, m) for p, v, m in expected]
    assert got == expected


def test_sentence_with_actors_but_no_date_is_an_undated_event(nlp):
    (event, tx), = events_of(nlp, "Iran supports the Syrian government.")
    assert tx is None and event.timex_index is None
    assert set(event.actor_ids) >= {"iran", "syria"}


def test_sentence_without_actors_or_dates_is_no_event(nlp):
    assert events_of(nlp, "It was a long and difficult process.") == []


def test_durations_and_sets_do_not_date_an_event(nlp):
    got = events_of(nlp, "Turkey has held talks every year for six years.")
    assert all(tx is None for _, tx in got)


def test_event_offsets_cover_the_sentence(nlp):
    text = "Intro line.\n\nTurkey warned on Wednesday against an offensive.\n\nNext."
    (event, tx), = [x for x in events_of(nlp, text) if x[1] is not None]
    assert text[event.start:event.end] == "Turkey warned on Wednesday against an offensive."
    assert text[tx.start:tx.end].endswith("Wednesday")


def test_fallback_docs_still_date_events(blank_nlp):
    (event, tx), = [x for x in events_of(blank_nlp, "Turkey warned on Wednesday against an offensive.") if x[1]]
    assert tx.value == "2018-08-29"
