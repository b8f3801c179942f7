"""The incremental tables (cached per-article rows + column-wise corrections) equal the from-scratch ones."""
from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

import pandas as pd
import pytest

import core.analysis.raw
from core.analysis import Analysis, event_id, statement_id
from core.model import (
    Actor, Article, ArticleAnalysis, Event, Mention, Sentence, Span, Statement, TimeExpression,
)
from core.analysis import net_stance
from core.analysis.event_groups import event_groups
from core.temporal import resolve_timex
from tests.core.analysis.reference_tables import (
    actor_registry_full, effective_full, full_analysis_class, surname_merges_full,
)
from tests.core.conftest import make_result

FullAnalysis = full_analysis_class()

ACTORS = (
    Actor("russia", "Russia", "country"), Actor("turkey", "Turkey", "country"),
    Actor("un", "United Nations", "international-organisation"),
    Actor("rebels", "rebels", "group"), Actor("moscow", "Moscow", "country"),
    Actor("sergei-lavrov", "Sergei Lavrov", "person", affiliation="russia"),
    Actor("lavrov", "Lavrov", "person"),  # surname only: joined to sergei-lavrov automatically
    Actor("mevlut-cavusoglu", "Mevlut Cavusoglu", "person", affiliation="turkey"),
    Actor("guterres", "Guterres", "person", affiliation="un"),
)
PHRASES = ("last week", "yesterday", "next month", "last year", "on Wednesday", "three days")
TOPICS = (None, "", "offensive", "ceasefire", "sanctions")
ISSUES = (None, None, "bailout", "election", "tax cut")


def synthetic(aid: str, seed: int, published: date | None = date(2018, 8, 29), n_events: int = 14,
              n_statements: int = 9, actors=ACTORS) -> ArticleAnalysis:
    """An article with every shape the builders meet: undated, unplaced and out-of-range items,
    repeated actors, sourceless statements, empty and missing topics, relations, int confidences."""
    rng = random.Random(seed)
    n_sent = 8
    texts = [f"Sentence {i} of {aid} says {rng.choice(PHRASES)}." for i in range(n_sent)]
    sentences, offset = [], 0
    for i, t in enumerate(texts):
        sentences.append(Sentence(aid, i, offset, offset + len(t), t))
        offset += len(t) + 1
    text = " ".join(texts)
    timexes = []
    for i, s in enumerate(sentences):
        phrase = next(p for p in PHRASES if p in s.text)
        start = s.start + s.text.index(phrase)
        timexes.append(resolve_timex(TimeExpression(aid, i, start, start + len(phrase), phrase, "DATE", "XXXX"),
                                     published))
    ids = [a.id for a in actors]
    events = []
    for i in range(n_events):
        si = rng.randrange(n_sent + 1)  # n_sent: a sentence the article does not have
        s = sentences[min(si, n_sent - 1)]
        who = tuple(rng.choice(ids) for _ in range(rng.choice((0, 1, 1, 2, 3))))
        tx = rng.choice((None, si if si < n_sent else None, rng.randrange(n_sent)))
        events.append(Event(aid, si, s.start, s.end, rng.choice(("say", "attack", "meet")), who, tx,
                            rng.choice(("asserted", "planned", "warned-of"))))
    # undated events anchored by tense (a separate generator: the other draws stay as they were)
    anchors = random.Random(seed + 1000)
    events = [replace(ev, anchor=kind, anchor_timex=anchors.randrange(n_sent + 1) if kind == "reference" else None,
                      mentioned_ids=ev.actor_ids + tuple(anchors.sample(ids, anchors.choice((0, 1)))))
              if ev.timex_index is None and (kind := anchors.choice(("", "publication", "reference", "after")))
              else ev for ev in events]
    statements = []
    for i in range(n_statements):
        si = rng.randrange(n_sent)
        s = sentences[si]
        cue = Span(s.start + 9, s.start + 11, s.text[9:11])
        source = Span(s.start, s.start + 8, s.text[:8]) if rng.random() < 0.8 else None
        target_actor = rng.choice((None, None, *ids))
        target = Span(s.start + 12, s.start + 14, s.text[12:14]) if rng.random() < 0.6 else None
        statements.append(Statement(
            aid, si, cue, source=source, source_actor=rng.choice((None, *ids)) if source else None,
            content=Span(s.start, s.end, s.text) if rng.random() < 0.5 else None, target=target,
            target_actor=target_actor, topic=rng.choice(TOPICS), issue=rng.choice(ISSUES),
            polarity=rng.choice(("support", "oppose", "oppose", "neutral")),
            confidence=rng.choice((0.3, 0.6, 0.9, 1)), kind=rng.choice(("speech", "stance", "relation")),
        ))
    mentions = tuple(Mention(aid, ev.sentence_index, ev.start, ev.start + 3, "xxx", x)
                     for ev in events for x in ev.actor_ids)
    notes = ("[W003] no publication date found",) if published is None else ()
    return ArticleAnalysis(
        Article(aid, f"Title {aid}", text, "synthetic", published, "metadata" if published else "unknown"),
        tuple(sentences), tuple(a for a in actors if a.id in {x for ev in events for x in ev.actor_ids} | {"russia"}),
        mentions, tuple(timexes), tuple(statements), tuple(events), notes,
    )


def corpus() -> list[ArticleAnalysis]:
    unaffiliated = tuple(replace(a, affiliation=None) if a.id == "sergei-lavrov" else a for a in ACTORS)
    return [
        make_result("a1"), make_result("a2", published=None),
        synthetic("s1", 1), synthetic("s2", 2, published=None), synthetic("s3", 3, actors=unaffiliated),
        synthetic("s0", 4, published=date(2017, 3, 1)), synthetic("s10", 5, n_statements=0),
    ]


def _sid(a, k=0) -> str:
    return statement_id(a, k)


# Each step: (label, function of an Analysis). The steps run in order on the incremental Analysis and
# on the from-scratch one side by side.
STEPS = {
    "actors": [
        ("rename", lambda a: a.rename_actor("turkey", "Türkiye")),
        ("merge", lambda a: a.merge_actors(["sergei-lavrov", "moscow"], into="russia")),
        ("merge chain", lambda a: a.merge_actors(["russia"], into="un")),
        ("rename merged", lambda a: a.rename_actor("un", "UN")),
        ("hide", lambda a: a.hide_actor("turkey")),
        ("hide merged target", lambda a: a.hide_actor("un")),
        ("unhide", lambda a: a.hide_actor("un", False)),
        ("split", lambda a: a.split_actor("russia")),
        ("split auto join", lambda a: a.split_actor("sergei-lavrov")),
        ("undo", lambda a: a.undo()),
        ("undo", lambda a: a.undo()),
        ("redo", lambda a: a.redo()),
        ("rename back", lambda a: a.rename_actor("turkey", None)),
    ],
    # renames reuse the previous state's columns (only the renamed actors' names move): every path
    "renames": [
        ("target label", lambda a: a.set_target(_sid("a1", 1), "aid")),
        ("empty target label", lambda a: a.set_target(_sid("a1", 2), "")),
        ("rename", lambda a: a.rename_actor("russia", "RF")),
        ("rename again", lambda a: a.rename_actor("russia", "Russian Federation")),
        ("rename another", lambda a: a.rename_actor("turkey", "T\u00fcrkiye")),
        ("hide", lambda a: a.hide_actor("syria")),
        ("rename hidden", lambda a: a.rename_actor("syria", "SAR")),
        ("merge", lambda a: a.merge_actors(["moscow"], into="russia")),
        ("rename merged away", lambda a: a.rename_actor("moscow", "Kremlin")),
        ("rename merged into", lambda a: a.rename_actor("russia", "Russia")),
        ("undo", lambda a: a.undo()),
        ("rename after undo", lambda a: a.rename_actor("russia", "R")),
        ("rename back", lambda a: a.rename_actor("russia", None)),
        ("redo-less rename of a person", lambda a: a.rename_actor("sergei-lavrov", "S. Lavrov")),
    ],
    "statements": [
        ("override", lambda a: a.set_polarity(_sid("a1"), "support")),
        ("reject", lambda a: a.set_polarity(_sid("s1", 2), "rejected")),
        ("neutralise", lambda a: a.set_polarity(_sid("s2", 0), "neutral")),
        ("unknown ids", lambda a: a.set_polarity("zz:s1", "support")),
        ("non-canonical id", lambda a: a.set_polarity("s1:s01", "rejected")),
        ("target label", lambda a: a.set_target(_sid("s1", 3), "humanitarian aid")),
        ("rename issue", lambda a: a.rename_issue("bailout", "the rescue")),
        ("merge issues", lambda a: a.merge_issues(["tax cut", "election"], into="bailout")),
        ("split issue", lambda a: a.split_issue("bailout")),
        ("empty target label", lambda a: a.set_target(_sid("s3", 1), "")),
        ("reject all of a1", lambda a: [a.set_polarity(_sid("a1", k), "rejected") for k in range(3)]),
        ("restore", lambda a: a.set_polarity(_sid("a1"), None)),
        ("undo", lambda a: a.undo()),
        ("redo", lambda a: a.redo()),
    ],
    "dates": [
        ("event date", lambda a: a.set_event_date(event_id("a1", 2), date(2018, 9, 1))),
        ("wrong date", lambda a: a.set_event_date(event_id("a1", 0), None, wrong=True)),
        ("date on undated", lambda a: a.set_event_date(event_id("s1", 3), date(2016, 1, 5))),
        ("future date", lambda a: a.set_event_date(event_id("s2", 1), date(2030, 1, 1))),
        ("unknown event", lambda a: a.set_event_date("s1:e999", date(2016, 1, 5))),
        ("publication date", lambda a: a.set_published("s2", date(2018, 3, 14))),
        ("same publication date", lambda a: a.set_published("a1", date(2018, 8, 29))),
        ("publication of undated", lambda a: a.set_published("a2", date(2019, 1, 2))),
        ("undo", lambda a: a.undo()),
        ("undo", lambda a: a.undo()),
        ("redo", lambda a: a.redo()),
        ("restore event", lambda a: a.set_event_date(event_id("a1", 0), None)),
    ],
    "articles": [
        ("rename", lambda a: a.rename_actor("russia", "Russian Federation")),
        ("add", lambda a: a.add(synthetic("s4", 9))),
        ("replace", lambda a: a.add(synthetic("a1", 10))),
        ("remove", lambda a: a.remove("s1")),
        ("add many", lambda a: a.add_many([make_result("b1"), synthetic("b2", 11, published=None)])),
        ("reject on new", lambda a: a.set_polarity(_sid("b1"), "rejected")),
        ("undo", lambda a: a.undo()),
        ("clear", lambda a: a.clear()),
        ("add after clear", lambda a: a.add(make_result("c1"))),
    ],
}


def _filters(analysis):
    ids = sorted(analysis.actor_registry())[:3]
    return [
        {}, {"include_undated": True}, {"actor_ids": ids[:1]}, {"actor_ids": ids, "include_undated": True},
        {"start": date(2018, 1, 1)}, {"end": date(2018, 1, 1), "include_undated": True},
        {"article_ids": ["s2", "a1"]},
    ]


def assert_same_tables(new: Analysis, ref: Analysis) -> None:
    eq = pd.testing.assert_frame_equal
    assert [r.article.id for r in new.results()] == [r.article.id for r in ref.results()]
    assert new.results() == ref.results()
    assert new.actor_registry() == ref.actor_registry()
    for name in ("articles_table", "actors_table", "statements_table", "timexes_table", "events_table"):
        eq(getattr(new, name)(), getattr(ref, name)(), check_exact=True, obj=name)
    for kwargs in _filters(ref):
        eq(new.timeline(**kwargs), ref.timeline(**kwargs), check_exact=True, obj=f"timeline {kwargs}")
    eq(new.issues_table(), ref.issues_table(), check_exact=True, obj="issues_table")
    eq(new.event_groups(), event_groups(ref.events_table()), check_exact=True, obj="event_groups")
    for columns in ("stance", "target", "issue", "actor"):
        for fold in ("none", "government", "party"):
            for extra in ({}, {"include_relations": True}, {"start": date(2018, 1, 1), "end": date(2019, 1, 1)},
                          {"min_confidence": 0.6}):
                m, r = new.stance_matrix(columns, fold, **extra), ref.stance_matrix(columns, fold, **extra)
                what = f"stance_matrix {columns} fold={fold} {extra}"
                eq(m.counts, r.counts, check_exact=True, obj=what)
                eq(m.scores, r.scores, check_exact=True, obj=what)
                assert m.names == r.names, what
                assert list(m.cells.items()) == list(r.cells.items()), what
                pd.testing.assert_series_equal(net_stance(m), net_stance(r), check_exact=True, obj=what)
    statements = list(ref.statements_table()["statement_id"][::3]) + ["zz:s1"]
    events = list(ref.events_table()["event_id"][::5]) + ["zz:e1"]
    eq(new.evidence(statements, events), ref.evidence(statements, events), check_exact=True, obj="evidence")
    eq(new.evidence(statements[:2]), ref.evidence(statements[:2]), check_exact=True, obj="evidence")
    # a few items: their rows are built alone (rejected and unknown ids dropped as the whole tables do)
    every = [statement_id(r.article.id, k) for r in ref.results() for k in range(len(r.statements))]
    few_events = events[:2] + events[-2:]
    eq(new.evidence(every[:3] + ["zz:s1"], few_events), ref.evidence(every[:3] + ["zz:s1"], few_events),
       check_exact=True, obj="evidence of a few items")
    places = new.item_places(every[:4] + ["zz:s1"], few_events)
    said = ref.statements_table().set_index("statement_id")
    done = ref.events_table().set_index("event_id")
    expected = [(i, "statement", said.at[i, "article_id"], int(said.at[i, "sentence_index"]))
                for i in every[:4] if i in said.index]
    expected += [(i, "event", done.at[i, "article_id"], int(done.at[i, "sentence_index"]))
                 for i in few_events if i in done.index]
    assert list(places.itertuples(index=False, name=None)) == expected


@pytest.mark.parametrize("scenario", list(STEPS))
def test_every_table_equals_the_from_scratch_one_after_each_correction(scenario):
    new, ref = Analysis(corpus()), FullAnalysis(corpus())
    assert_same_tables(new, ref)
    for label, step in STEPS[scenario]:
        step(new)
        step(ref)
        assert new.corrections == ref.corrections, label
        try:
            assert_same_tables(new, ref)
        except AssertionError as exc:
            raise AssertionError(f"after step {label!r}: {exc}") from exc


def test_the_reference_helpers_agree_with_the_analysis():
    a = Analysis(corpus())
    a.set_published("s2", date(2018, 3, 14))
    a.merge_actors(["moscow"], into="russia")
    assert a.results() == list(effective_full(a._raw, a.corrections.published).values())
    assert a._ctx.actors.auto_merges == surname_merges_full(a.results()) == {"lavrov": "sergei-lavrov"}
    assert a.actor_registry() == actor_registry_full(a)


@pytest.mark.parametrize("results", [
    [],
    [make_result("a1", published=None)],
    [replace(make_result("a1"), events=(), statements=())],  # no events nor statements
    [replace(make_result("a1"), statements=tuple(replace(s, source=None, source_actor=None, target=None,
                                                           target_actor=None, topic=None)
                                                   for s in make_result().statements))],
    [replace(make_result("a1"), events=tuple(replace(e, timex_index=None) for e in make_result().events))],
], ids=["empty", "undated", "no-items", "sourceless", "no-times"])
def test_dtypes_follow_the_from_scratch_tables_in_corner_cases(results):
    new, ref = Analysis(results), FullAnalysis(results)
    assert_same_tables(new, ref)
    for a in (new, ref):
        a.set_event_date(event_id("a1", 0), None, wrong=True)
        a.set_polarity(_sid("a1", 1), "rejected")
    assert_same_tables(new, ref)


def test_a_correction_does_not_walk_the_articles_again(monkeypatch):
    walked = []
    build = core.analysis.raw.article_block
    monkeypatch.setattr(core.analysis.raw, "article_block", lambda result: walked.append(result.article.id)
                        or build(result))
    a = Analysis([synthetic(f"s{k}", k) for k in range(6)])

    def touch():
        a.events_table(), a.statements_table(), a.actors_table(), a.articles_table(), a.stance_matrix()

    touch()
    assert sorted(walked) == [f"s{k}" for k in range(6)]
    for change in (lambda: a.rename_actor("russia", "RF"), lambda: a.merge_actors(["moscow"], into="russia"),
                   lambda: a.hide_actor("turkey"), lambda: a.set_polarity(_sid("s1"), "support"),
                   lambda: a.set_target(_sid("s1"), "aid"), lambda: a.set_event_date(event_id("s2", 0), date(2018, 1, 1)),
                   lambda: a.split_actor("russia"), a.undo, a.redo):
        change()
        touch()
    assert len(walked) == 6
    a.set_published("s3", date(2018, 5, 1))
    touch()
    assert walked[6:] == ["s3"]
    a.undo()  # back to the result it had: its rows are still cached
    touch()
    a.add(synthetic("s9", 9))
    touch()
    a.remove("s0")
    touch()
    assert walked[6:] == ["s3", "s9"]


def test_undo_and_reapplying_find_the_cached_tables():
    a = Analysis(corpus())
    events, matrix = a.events_table(), a.stance_matrix()
    a.rename_actor("turkey", "Türkiye")
    renamed = a.events_table()
    assert renamed is not events
    a.undo()
    assert a.events_table() is events and a.stance_matrix() is matrix
    a.redo()
    assert a.events_table() is renamed
    a.set_polarity(_sid("a1"), "support")
    a.set_polarity(_sid("a1"), None)  # the same corrections as after the rename, built anew
    assert a.events_table() is renamed


@pytest.mark.parametrize("columns", ["stance", "issue"])
def test_renames_made_while_the_matrix_was_not_asked_for_reuse_its_counts(columns):
    new, ref = Analysis(corpus()), FullAnalysis(corpus())
    matrix = new.stance_matrix(columns)
    for a in (new, ref):
        a.rename_actor("turkey", "T\u00fcrkiye")
        a.rename_actor("rebels", "Opposition")  # the matrix tab hidden: not asked for in between
    renamed = new.stance_matrix(columns)
    assert renamed.counts is matrix.counts and renamed.cells is matrix.cells
    assert "Opposition" in renamed.names.values()
    expected = ref.stance_matrix(columns)
    pd.testing.assert_frame_equal(renamed.counts, expected.counts)
    assert renamed.names == expected.names and renamed.cells == expected.cells


def test_a_polarity_override_between_renames_counts_the_matrix_again():
    a = Analysis(corpus())
    matrix = a.stance_matrix()
    a.rename_actor("turkey", "T\u00fcrkiye")
    a.set_polarity(_sid("a1"), "support")
    a.rename_actor("russia", "RF")
    assert a.stance_matrix().counts is not matrix.counts


def test_event_groups_are_reused_by_corrections_that_cannot_change_them():
    a = Analysis(corpus())
    groups = a.event_groups()
    assert (groups["group_size"] > 1).any()  # the corpus has groups to keep or break
    a.rename_actor("turkey", "T\u00fcrkiye")
    a.set_polarity(_sid("a1"), "support")
    assert a.event_groups() is groups
    a.set_event_date(event_id("s1", 0), date(2018, 1, 1))
    assert a.event_groups() is not groups
    pd.testing.assert_frame_equal(a.event_groups(), event_groups(a.events_table()))
    a.merge_actors(["moscow"], into="russia")
    pd.testing.assert_frame_equal(a.event_groups(), event_groups(a.events_table()))


def _random_step(rng: random.Random, a: Analysis) -> None:
    aids = a.article_ids
    aid = rng.choice(aids) if aids else "s0"
    actors = [x.id for x in ACTORS]
    kind = rng.randrange(10)
    if kind == 0:
        a.rename_actor(rng.choice(actors), rng.choice(("Renamed", None)))
    elif kind == 1:
        a.merge_actors([rng.choice(actors)], into=rng.choice(actors))
    elif kind == 2:
        a.split_actor(rng.choice(actors))
    elif kind == 3:
        a.hide_actor(rng.choice(actors), rng.random() < 0.7)
    elif kind == 4:
        a.set_polarity(_sid(aid, rng.randrange(10)), rng.choice(("support", "oppose", "neutral", "rejected", None)))
    elif kind == 5:
        a.set_target(_sid(aid, rng.randrange(10)), rng.choice(("aid", "", None)))
    elif kind == 6:
        a.set_event_date(event_id(aid, rng.randrange(15)), rng.choice((date(2018, 2, 3), None)),
                         wrong=rng.random() < 0.5)
    elif kind == 7:
        a.set_published(aid, rng.choice((date(2018, 4, 1), date(2019, 1, 1), None)))
    elif kind == 8:
        (a.undo if rng.random() < 0.6 else a.redo)()
    else:
        a.add(synthetic(f"r{rng.randrange(3)}", rng.randrange(100))) if rng.random() < 0.7 else a.remove(aid)


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_random_correction_sequences_match_the_from_scratch_tables(seed):
    results = [synthetic(f"s{k}", 20 + k, published=None if k == 2 else date(2018, 8, 29)) for k in range(5)]
    new, ref = Analysis(results), FullAnalysis(results)
    rng_new, rng_ref = random.Random(seed), random.Random(seed)
    for step in range(14):
        _random_step(rng_new, new)
        _random_step(rng_ref, ref)
        try:
            assert_same_tables(new, ref)
        except AssertionError as exc:
            raise AssertionError(f"seed {seed}, step {step}: {exc}") from exc


def test_a_rename_or_an_override_rebuilds_no_statement_columns_and_resolves_no_actor_again(monkeypatch):
    import core.analysis.columns as columns
    from core.analysis.corrections import Corrections

    a = Analysis(corpus())
    a.events_table(), a.stance_matrix()
    built, resolved = [], []
    real_init, real_canonical = columns.StatementState.__init__, Corrections.canonical
    monkeypatch.setattr(columns.StatementState, "__init__",
                        lambda self, ctx, raw: (built.append(1), real_init(self, ctx, raw))[1])
    monkeypatch.setattr(Corrections, "canonical",  # what a resolver asks when it has no answer yet
                        lambda self, x: (resolved.append(x), real_canonical(self, x))[1])
    a.rename_actor("russia", "RF")
    a.events_table(), a.stance_matrix()
    assert built == [] and resolved == []  # taken over from the state before
    assert "RF" in set(a.events_table()["actors"].str.split(", ").explode())
    assert "RF" in set(a.statements_table()["source_name"])
    a.set_polarity(_sid("a1"), "rejected")  # an override: only the polarity columns are redone
    a.stance_matrix()
    assert built == [] and _sid("a1") not in set(a.statements_table()["statement_id"])
    a.set_target(_sid("a1", 1), "aid")  # a new label: the columns are built again
    a.stance_matrix()
    assert built == [1]


def test_tables_handed_out_before_a_correction_stay_as_they_were():
    a = Analysis(corpus())
    before = {name: getattr(a, name)() for name in ("statements_table", "events_table")}
    kept = {name: table.copy(deep=True) for name, table in before.items()}
    a.rename_actor("russia", "RF")
    a.set_polarity(_sid("a1"), "oppose")
    for name in before:
        getattr(a, name)()
        pd.testing.assert_frame_equal(before[name], kept[name], check_exact=True, obj=name)
    assert "RF" in set(a.statements_table()["source_name"])


def test_a_rename_after_an_undo_also_carries_the_columns_over(monkeypatch):
    import core.analysis.columns as columns

    a = Analysis(corpus())
    a.rename_actor("russia", "RF")
    a.stance_matrix(), a.events_table()
    a.set_target(_sid("a1", 1), "aid")
    a.stance_matrix(), a.events_table()
    a.undo()  # back to the renamed state, built before
    built = []
    real_init = columns.StatementState.__init__
    monkeypatch.setattr(columns.StatementState, "__init__",
                        lambda self, ctx, raw: (built.append(1), real_init(self, ctx, raw))[1])
    a.rename_actor("turkey", "T")
    a.stance_matrix(), a.events_table()
    assert built == []
    ref = FullAnalysis(corpus())
    ref.rename_actor("russia", "RF")
    ref.rename_actor("turkey", "T")
    assert_same_tables(a, ref)
