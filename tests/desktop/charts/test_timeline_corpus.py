"""TimelineView over a corpus: one mark per event told in several articles, anchored marks, the default view
with its background at the edges, an actor's own timeline."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt

from core.analysis import Analysis
from core.model import ANCHOR_PUBLICATION, Event, Sentence, TimeExpression
from desktop.charts.axes import epoch
from desktop.charts.items import PointBatch
from desktop.charts.timeline import TimelineView
from desktop.charts.timeline_data import tooltip_html
from tests.desktop.conftest_charts import *  # noqa: F401,F403
from tests.desktop.conftest_charts import handmade_result, show


def second_report(article_id: str = "a2", published: date = date(2018, 8, 29)):
    """Another article: it reports the 17 May meeting again (same day, same participants), an undated past
    event anchored at publication, and a 1955 birth date (background)."""
    base = handmade_result(article_id, title="Putin and Assad met in Sochi")
    text = "Putin met Assad in Sochi on May 17, 2018. Turkey sent troops. Assad was born in 1965."
    s0, s1, s2 = (0, 41), (42, 61), (62, len(text))
    sentences = tuple(Sentence(article_id, i, a, b, text[a:b]) for i, (a, b) in enumerate((s0, s1, s2)))
    p = text.index("May 17, 2018")
    q = text.index("1965")
    timexes = (TimeExpression(article_id, 0, p, p + 12, "May 17, 2018", "DATE", "2018-05-17", date(2018, 5, 17),
                              date(2018, 5, 18), "day", "exact"),
               TimeExpression(article_id, 2, q, q + 4, "1965", "DATE", "1965", date(1965, 1, 1), date(1966, 1, 1),
                              "year", "exact"))
    events = (Event(article_id, 0, *s0, "meet", ("russia", "syria"), 0, predicates=("meet",)),
              Event(article_id, 1, *s1, "send", ("turkey",), None, anchor=ANCHOR_PUBLICATION, predicates=("send",)),
              Event(article_id, 2, *s2, "bear", ("syria",), 1, predicates=("bear",)))
    article = replace(base.article, text=text, published=published)
    return replace(base, article=article, sentences=sentences, timexes=timexes, events=events, statements=())


@pytest.fixture
def corpus():
    first = handmade_result()
    first = replace(first, events=tuple(replace(e, predicates=("meet",)) if e.sentence_index == 0 else e
                                        for e in first.events))
    return Analysis([first, second_report("a2"), second_report("a3", date(2018, 8, 30))])


def test_an_event_told_in_several_articles_is_one_mark_that_selects_every_sentence(qtbot, corpus, state):
    view = show(qtbot, TimelineView(corpus, state))
    meeting = [i for i in range(len(view.marks)) if view.marks.x0[i] == epoch(date(2018, 5, 17))]
    assert len(meeting) == 2  # one mark in each of its two lanes, not one per article
    assert set(view.marks.count[meeting]) == {3}
    assert "\u00d73" in view.counts.texts
    view.fit(everything=True)
    i = meeting[0]
    x, y = view.marks.x0[i], float(view.marks.lane[i])
    qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.plot.mapFromScene(view.plot.getViewBox().mapViewToScene(pg.Point(x, y))))
    assert set(state.items) == {"a1:e0", "a2:e0", "a3:e0"}
    row = view.marks.table.iloc[int(view.marks.row[i])]
    assert "Told in 3 sentences of 3 articles" in tooltip_html(row)


def test_an_undated_event_placed_by_tense_is_a_diamond_and_says_so(qtbot, corpus, state):
    view = show(qtbot, TimelineView(corpus, state))
    anchored = [i for i in range(len(view.marks)) if view.marks.anchored[i]]
    assert anchored
    item_of = {int(i): item for item in view._items for i in item.mark_indices}
    assert {item_of[i].opts["symbol"] for i in anchored} == {"d"}
    assert all(isinstance(item, PointBatch) and item.opts["symbol"] == "o" for i, item in item_of.items()
               if i not in anchored and not view.marks.is_bar[i])
    row = view.marks.table.iloc[int(view.marks.row[anchored[0]])]
    assert "no date in the sentence: placed at publication" in tooltip_html(row)
    assert any("no date in the sentence" in label.text for _sample, label in view.legend.items)


def test_the_default_view_is_the_corpus_and_the_background_waits_at_the_edge(qtbot, corpus, state):
    view = show(qtbot, TimelineView(corpus, state))
    (x0, x1) = view.plot.getViewBox().viewRange()[0]
    # three articles of 29-30 August: their days, the week before and the planned 3 September
    assert x0 <= epoch(date(2018, 8, 22)) and epoch(date(2018, 9, 3)) <= x1
    assert x0 > epoch(date(2018, 5, 18))  # the May meeting and the births are background
    assert view.edges.counts["left"] == 3 and view.edges.labels["left"].isVisible()  # the meeting, two births
    assert "1965 \u2013 2018" in view.edges.labels["left"].textItem.toPlainText()
    assert "3 earlier events outside the view" in view.caption()
    label = view.edges.labels["left"]
    qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.plot.mapFromScene(label.sceneBoundingRect().center()))
    assert view.plot.getViewBox().viewRange()[0][0] <= epoch(date(1965, 1, 1))
    assert view.edges.counts["left"] == 0 and not view.edges.labels["left"].isVisible()


def test_one_article_keeps_what_it_reports_within_a_year_in_view(qtbot, handmade, state):
    view = show(qtbot, TimelineView(handmade, state))
    (x0, x1) = view.plot.getViewBox().viewRange()[0]
    assert x0 <= epoch(date(2018, 5, 17)) and epoch(date(2018, 9, 3)) <= x1
    assert view.edges.counts == {"left": 0, "right": 0}


def test_clicking_an_actors_lane_lists_its_events_across_the_articles_in_order(qtbot, corpus, state):
    view = show(qtbot, TimelineView(corpus, state))
    lane = view.marks.lane_keys.index("syria")
    vb = view.plot.getViewBox()
    y = vb.mapViewToScene(pg.Point(0, float(lane))).y()
    x = view.lane_axis.sceneBoundingRect().center().x()
    qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, pos=view.plot.mapFromScene(pg.Point(x, y)))
    assert state.actor == "syria"
    expected = list(corpus.entity_timeline("syria")["event_id"])
    assert list(state.items) == expected and {"a1:e0", "a2:e0", "a2:e2", "a3:e2"} <= set(expected)
    days = corpus.evidence(event_ids=list(state.items))["item_id"].tolist()
    assert days[0] in ("a2:e2", "a3:e2")  # the evidence list reads in time order: the 1965 births first
