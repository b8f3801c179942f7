"""Events: a time expression dates the verb it attaches to; other verbs are anchored by their tense; participants come from the parse."""
from datetime import date

import pytest

from core.actors import find_actors
from core.events import find_events, place
from core.model import ANCHOR_AFTER, ANCHOR_PUBLICATION, ANCHOR_REFERENCE
from core.temporal import find_timexes

DCT = date(2018, 8, 29)  # a Wednesday


def events_of(nlp, text, dct=DCT, title=""):
    doc = nlp(text)
    actors, mentions = find_actors(doc, "t")
    timexes = find_timexes(doc, dct, "t")
    return [(e, timexes[e.timex_index] if e.timex_index is not None else None, place(e, timexes, dct))
            for e in find_events(doc, timexes, mentions, "t", dct, title)]


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
        # a date that pre-modifies a noun dates that noun, not the clause's verb
        ("Over 700 pilgrims died in the deadliest incident since the 2003 invasion began.",
         [("2003", "invasion", "asserted")]),
        # ... unless the noun is where the verb happened
        ("In a Wednesday media event, Apple released new laptops.", [("Wednesday", "release", "asserted")]),
        # a range dates the event as a whole, not by its first year
        ("Russia held the city between 2014 and 2016.", [("between 2014 and 2016", "hold", "asserted")]),
        # two phrases on one verb: the day dates it, not the vaguer period
        ("Over the weekend, Turkey sent troops into Syria on Sunday.", [("Sunday", "send", "asserted")]),
    ],
)
def test_dated_events(nlp, text, expected):
    got = [(tx.text.replace("on ", "").replace("in ", ""), e.predicate, e.modality)
           for e, tx, _ in events_of(nlp, text) if tx is not None]
    expected = [(p.replace("on ", "").replace("in ", ""), v, m) for p, v, m in expected]
    assert got == expected


@pytest.mark.parametrize(
    "text, anchor, day",
    [
        # past, perfect and present-tense reports: on the publication date
        ("Iran sent troops to Syria.", ANCHOR_PUBLICATION, DCT),
        ("Turkey has warned against an attack.", ANCHOR_PUBLICATION, DCT),
        ("Russia says the militants must be liquidated.", ANCHOR_PUBLICATION, DCT),
        ("Syrian forces are preparing an offensive.", ANCHOR_PUBLICATION, DCT),
        # planned and future: after publication
        ("Turkey will send troops to the border.", ANCHOR_AFTER, date(2018, 8, 30)),
        ("Russia plans to build a base in Syria.", ANCHOR_AFTER, date(2018, 8, 30)),
    ],
)
def test_undated_verbs_are_anchored_by_tense(nlp, text, anchor, day):
    anchored = [(e, spot) for e, tx, spot in events_of(nlp, text) if tx is None]
    assert [(e.anchor, spot.start) for e, spot in anchored][:1] == [(anchor, day)]


@pytest.mark.parametrize(
    "text, predicates",
    [
        # in a text told in the past, a present-tense verb is a habit or a state
        ("Iran sent advisers. Iran supports the Syrian government.", ["send"]),
        ("Turkey could send troops.", []),  # modal
        ("Russia did not sign the deal.", []),  # negated
        ("Turkey is a member of NATO.", []),  # a copula
    ],
)
def test_states_modals_and_negations_are_no_events(nlp, text, predicates):
    assert [e.predicate for e, _, _ in events_of(nlp, text)] == predicates


def test_the_narrative_reference_day_dates_the_reports_that_follow(nlp):
    text = ("Apple unveiled a new phone on Monday at its conference. Steve Jobs said sales were strong. "
            "Jobs showed a new laptop.")
    events = events_of(nlp, text)
    anchored = [(e.anchor, spot.start) for e, tx, spot in events if tx is None]
    assert anchored == [(ANCHOR_REFERENCE, date(2018, 8, 27))] * 2


def test_a_reference_day_more_than_a_week_old_gives_way_to_the_publication_date(nlp):
    text = "Apple unveiled a new phone on August 2. Steve Jobs said sales were strong."
    (event, tx, spot), = [x for x in events_of(nlp, text) if x[1] is None]
    assert event.anchor == ANCHOR_REFERENCE and spot.kind == ANCHOR_PUBLICATION and spot.start == DCT


def test_headline_present_tense_reports_news(nlp):
    text = "Apple unveils iPod nano\nApple makes music players."
    got = events_of(nlp, text, title="Apple unveils iPod nano")
    assert [(e.predicate, e.anchor) for e, _, _ in got] == [("unveil", ANCHOR_PUBLICATION)]


def test_a_text_told_in_the_present_anchors_its_present_tense_events(nlp):
    text = "Lehman Brothers declares bankruptcy, and Bank of America agrees to buy Merrill Lynch."
    got = events_of(nlp, text)
    assert [e.anchor for e, _, _ in got][:1] == [ANCHOR_PUBLICATION]


def test_one_event_per_sentence_and_day_with_the_participants_of_every_verb(nlp):
    (event, tx, spot), = events_of(nlp, "Turkey sent troops and Iran deployed advisers.")
    assert spot.start == DCT and set(event.actor_ids) == {"turkey", "iran"}
    assert event.predicates == ("send", "deploy")


@pytest.mark.parametrize(
    "text, participants, mentioned",
    [
        # the subject and the prepositional object take part; the possessor's country is only mentioned
        ("Boeing has received far more orders than Airbus in 2005.", {"boeing"}, {"boeing", "airbus"}),
        ("Russia signed a deal with Turkey on Wednesday.", {"russia", "turkey"}, {"russia", "turkey"}),
        # a passive agent takes part
        ("The deal was signed by Iran on Wednesday.", {"iran"}, {"iran"}),
    ],
)
def test_participants_come_from_the_argument_structure(nlp, text, participants, mentioned):
    (event, *_), = events_of(nlp, text)
    assert set(event.actor_ids) == participants and set(event.mentioned_ids) == mentioned


def test_a_subject_hung_on_a_side_clause_still_takes_part(nlp):
    text = "Russian President Vladimir Putin, left, shakes hands with Bashar al-Assad on May 17, 2018."
    (event, tx, _), = events_of(nlp, text)
    assert tx.text == "May 17, 2018" and "vladimir-putin" in event.actor_ids


def test_sentence_without_actors_or_dates_is_no_event(nlp):
    assert events_of(nlp, "It was a long and difficult process.") == []


def test_durations_and_sets_do_not_date_an_event(nlp):
    got = events_of(nlp, "Turkey has held talks every year for six years.")
    assert all(tx is None for _, tx, _ in got)


def test_event_offsets_cover_the_sentence(nlp):
    text = "Intro line.\n\nTurkey warned on Wednesday against an offensive.\n\nNext."
    (event, tx, _), = [x for x in events_of(nlp, text) if x[1] is not None]
    assert text[event.start:event.end] == "Turkey warned on Wednesday against an offensive."
    assert text[tx.start:tx.end].endswith("Wednesday")


def test_anchored_events_without_a_publication_date_stay_undated(nlp):
    (event, tx, spot), = events_of(nlp, "Iran sent troops to Syria.", dct=None)
    assert event.anchor == ANCHOR_PUBLICATION and tx is None and spot is None


def test_fallback_docs_still_date_events(blank_nlp):
    (event, tx, _), = [x for x in events_of(blank_nlp, "Turkey warned on Wednesday against an offensive.") if x[1]]
    assert tx.value == "2018-08-29"


def test_fallback_docs_keep_undated_sentences_with_actors(blank_nlp):
    (event, tx, spot), = events_of(blank_nlp, "Iran supports the Syrian government.")
    assert tx is None and spot is None and event.anchor == ""
