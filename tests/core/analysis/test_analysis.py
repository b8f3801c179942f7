"""The Analysis tables: timeline, stance matrix, evidence, and corrections applied on top."""
from datetime import date

import pandas as pd
import pytest

from core.analysis import Analysis, event_id, statement_id
from tests.core.conftest import make_result


def test_timeline_lists_dated_events_in_order(analysis):
    table = analysis.timeline()
    assert list(table["date_start"]) == [pd.Timestamp("2017-01-01"), pd.Timestamp("2018-08-29")]
    assert list(table["time_text"]) == ["last year", "on Wednesday"]
    assert len(analysis.timeline(include_undated=True)) == 3


@pytest.mark.parametrize(
    "kwargs, expected",
    [
        ({"actor_ids": ["turkey"]}, ["on Wednesday"]),
        ({"start": date(2018, 1, 1)}, ["on Wednesday"]),
        ({"end": date(2018, 1, 1)}, ["last year"]),
        ({"start": date(2017, 6, 1), "end": date(2017, 7, 1)}, ["last year"]),  # overlaps the year's interval
        ({"article_ids": ["other"]}, []),
    ],
)
def test_timeline_filters(analysis, kwargs, expected):
    assert list(analysis.timeline(**kwargs)["time_text"]) == expected


def test_stance_matrix_counts_and_signs(analysis):
    m = analysis.stance_matrix("stance")
    assert m.counts.loc["turkey", "oppose"] == 1
    assert m.counts.loc["russia", "support"] == 1
    assert m.counts.loc["sergei-lavrov", "neutral"] == 1
    assert m.scores.loc["turkey", "oppose"] < 0 < m.scores.loc["russia", "support"]
    assert m.names["sergei-lavrov"] == "Sergei Lavrov"


def test_folding_people_counts_them_under_their_government(analysis):
    m = analysis.stance_matrix("stance", group_by="government")
    assert "sergei-lavrov" not in m.counts.index
    assert m.counts.loc["russia"].sum() == 2


def test_target_matrix_has_signed_scores(analysis):
    m = analysis.stance_matrix("target")
    assert m.scores.loc["turkey", "offensive"] == -1.0
    assert m.scores.loc["russia", "offensive"] == 1.0


def test_cells_hold_their_statement_ids_and_evidence_highlights(analysis):
    m = analysis.stance_matrix("stance")
    ids = m.cells[("turkey", "oppose")]
    assert ids == [statement_id("a1", 0)]
    ev = analysis.evidence(statement_ids=ids)
    row = ev.iloc[0]
    assert row.sentence == "Turkey warned against the offensive on Wednesday."
    roles = {role: analysis.article("a1").text[s:e] for s, e, role in row.highlights}
    assert roles == {"cue": "warned against", "source": "Turkey", "target": "the offensive"}


def test_event_evidence_highlights_the_time_phrase(analysis):
    ev = analysis.evidence(event_ids=[event_id("a1", 0)])
    (s, e, role), = ev.iloc[0].highlights
    assert role == "time" and analysis.article("a1").text[s:e] == "on Wednesday"
    assert "Wed 29 Aug 2018" in ev.iloc[0].label


def test_merge_rename_hide_and_undo(analysis):
    analysis.merge_actors(["sergei-lavrov"], into="russia")
    assert "sergei-lavrov" not in analysis.actors_table()["actor_id"].tolist()
    assert analysis.stance_matrix().counts.loc["russia"].sum() == 2
    analysis.rename_actor("russia", "Russian Federation")
    assert analysis.stance_matrix().names["russia"] == "Russian Federation"
    analysis.hide_actor("turkey")
    assert "turkey" not in analysis.stance_matrix().counts.index
    assert analysis.undo() and analysis.undo()
    assert analysis.stance_matrix().names["russia"] == "Russia"
    assert analysis.redo()
    assert analysis.stance_matrix().names["russia"] == "Russian Federation"


def test_split_undoes_merges(analysis):
    analysis.merge_actors(["sergei-lavrov", "turkey"], into="russia")
    analysis.split_actor("russia")
    assert {"russia", "turkey", "sergei-lavrov"} <= set(analysis.actors_table()["actor_id"])


def test_polarity_override_and_rejection(analysis):
    sid = statement_id("a1", 0)
    analysis.set_polarity(sid, "support")
    assert analysis.stance_matrix().counts.loc["turkey", "support"] == 1
    analysis.set_polarity(sid, "rejected")
    assert "turkey" not in analysis.stance_matrix().counts.index
    analysis.set_polarity(sid, None)
    assert analysis.stance_matrix().counts.loc["turkey", "oppose"] == 1


def test_event_date_correction(analysis):
    eid = event_id("a1", 2)
    analysis.set_event_date(eid, date(2018, 9, 1))
    row = analysis.timeline().set_index("event_id").loc[eid]
    assert row.date_start == pd.Timestamp("2018-09-01") and row.corrected
    analysis.set_event_date(event_id("a1", 0), None, wrong=True)
    assert event_id("a1", 0) not in set(analysis.timeline()["event_id"])


def test_listeners_hear_every_change(analysis):
    heard = []
    analysis.subscribe(heard.append)
    analysis.rename_actor("turkey", "Türkiye")
    analysis.add(make_result("a2"))
    analysis.remove("a2")
    assert heard == ["corrections", "articles", "articles"]


def test_removing_many_articles_is_one_change(analysis):
    analysis.add_many([make_result("a2"), make_result("a3")])
    heard = []
    analysis.subscribe(heard.append)
    analysis.remove_many(["a2", "a3", "not-there"])
    assert heard == ["articles"] and analysis.article_ids == ["a1"]
    analysis.remove_many(["not-there"])
    assert heard == ["articles"]  # nothing removed, nothing to refresh


def test_actors_merge_across_articles():
    a = Analysis([make_result("a1"), make_result("a2", text=make_result().article.text)])
    row = a.actors_table().set_index("actor_id").loc["turkey"]
    assert row.n_articles == 2 and row.n_mentions == 2


def test_articles_table_counts(analysis):
    row = analysis.articles_table().iloc[0]
    assert (row.n_events, row.n_statements, row.n_unresolved) == (2, 3, 0)


def _with_surname_only_person(article_id):
    from dataclasses import replace

    from core.model import Actor

    base = make_result(article_id)
    actors = tuple(a for a in base.actors if a.id != "sergei-lavrov") + (Actor("lavrov", "Lavrov", "person"),)
    mentions = tuple(replace(m, actor_id="lavrov") if m.actor_id == "sergei-lavrov" else m for m in base.mentions)
    statements = tuple(replace(s, source_actor="lavrov") if s.source_actor == "sergei-lavrov" else s
                       for s in base.statements)
    return replace(base, actors=actors, mentions=mentions, statements=statements)


def test_surname_only_person_joins_the_full_name_from_another_article():
    a = Analysis([make_result("a1"), _with_surname_only_person("a2")])
    table = a.actors_table().set_index("actor_id")
    assert "lavrov" not in table.index
    assert table.loc["sergei-lavrov", "n_articles"] == 2
    a.split_actor("sergei-lavrov")
    assert "lavrov" in set(a.actors_table()["actor_id"])
    assert a.undo()
    assert "lavrov" not in set(a.actors_table()["actor_id"])


def test_registry_prefers_the_version_with_an_affiliation():
    from dataclasses import replace

    first = make_result("a1")
    first = replace(first, actors=tuple(replace(x, affiliation=None) if x.id == "sergei-lavrov" else x
                                        for x in first.actors))
    a = Analysis([first, make_result("a2")])
    assert a.actor_registry()["sergei-lavrov"].affiliation == "russia"


def test_inferred_relations_count_only_when_asked():
    from dataclasses import replace

    from core.model import Span, Statement

    base = make_result()
    relation = Statement("a1", 2, cue=Span(0, 6, "Turkey"), source=Span(0, 6, "Turkey"), source_actor="turkey",
                         target=Span(0, 6, "Rebels"), target_actor="rebels", polarity="support",
                         confidence=0.5, kind="relation")
    a = Analysis([replace(base, statements=base.statements + (relation,))])
    assert a.stance_matrix().counts.loc["turkey", "support"] == 0
    assert a.stance_matrix(include_relations=True).counts.loc["turkey", "support"] == 1


def test_corrections_are_reapplied_after_re_analysis_and_new_articles():
    a = Analysis([make_result("a1")])
    a.rename_actor("turkey", "Türkiye")
    a.set_polarity(statement_id("a1", 0), "neutral")
    a.merge_actors(["sergei-lavrov"], into="russia")
    a.add(make_result("a1"))  # the same article analysed again replaces its result
    a.add(make_result("a2"))  # a new article naming the same actors
    m = a.stance_matrix()
    assert m.names["turkey"] == "Türkiye"
    assert m.counts.loc["turkey", "neutral"] == 1 and m.counts.loc["turkey", "oppose"] == 1  # a2 not overridden
    assert "sergei-lavrov" not in m.counts.index


def test_groups_from_different_countries_keep_their_own_rows(nlp):
    """Yemen's rebels and Syria's rebels are two actors in a corpus, not one "Rebels" row."""
    from core.model import Article
    from core.pipeline import analyse_doc

    texts = {"syria": "Syrian rebels said they would fight on. The rebels hold Idlib.",
             "yemen": "Yemeni rebels fired missiles. The rebels said they would go on."}
    results = [analyse_doc(nlp(t), Article(k, k, t)) for k, t in texts.items()]
    names = set(Analysis(results).actors_table()["name"])
    assert {"Rebels (Syria)", "Rebels (Yemen)"} <= names and "Rebels" not in names


def test_grouping_reads_only_bodies_of_the_chosen_kind(analysis):
    assert "sergei-lavrov" in analysis.stance_matrix("stance").counts.index  # rows are the actors named
    assert "sergei-lavrov" in analysis.stance_matrix("stance", group_by="party").counts.index  # no party given
    assert "sergei-lavrov" not in analysis.stance_matrix("stance", group_by="government").counts.index
