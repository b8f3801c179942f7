"""Fixtures for the chart tests: a small hand-made analysis, a synthetic corpus, and the seed article.

Import the fixtures into a test module with `from tests.desktop.conftest_charts import *`.
"""
from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from core.analysis import Analysis  # noqa: E402
from core.model import (  # noqa: E402
    Actor, Article, ArticleAnalysis, Event, Sentence, Span, Statement, TimeExpression,
)

ROOT = Path(__file__).resolve().parents[2]
PUBLISHED = date(2018, 8, 29)

# (sentence, time phrase, [start, end), granularity, certainty, future, actors, modality)
EVENTS = [
    ("Putin met Assad in Sochi on May 17, 2018.", "May 17, 2018", date(2018, 5, 17), date(2018, 5, 18),
     "day", "exact", False, ("russia", "syria"), "asserted"),
    ("Russia said on Wednesday that militants must be liquidated.", "on Wednesday", date(2018, 8, 29),
     date(2018, 8, 30), "day", "relative", False, ("russia",), "asserted"),
    ("Turkey reinforced its posts last week.", "last week", date(2018, 8, 20), date(2018, 8, 27),
     "week", "relative", False, ("turkey",), "asserted"),
    ("Rebels have dug in in recent weeks.", "in recent weeks", date(2018, 7, 29), date(2018, 8, 29),
     "period", "vague", False, ("rebels",), "asserted"),
    ("The offensive will start on Monday.", "on Monday", date(2018, 9, 3), date(2018, 9, 4),
     "day", "relative", True, ("syria",), "planned"),
]

# (sentence index, source actor, polarity, topic)
STATEMENTS = [
    (1, "russia", "support", "offensive"),
    (1, "russia", "support", "offensive"),
    (2, "turkey", "oppose", "offensive"),
    (2, "turkey", "oppose", "ceasefire"),
    (2, "turkey", "support", "ceasefire"),
    (0, "lavrov", "support", "offensive"),
    (3, "rebels", "neutral", "talks"),
]

ACTORS = (
    Actor("russia", "Russia", "country"), Actor("syria", "Syria", "country"),
    Actor("turkey", "Turkey", "country"), Actor("rebels", "Rebels", "group"),
    Actor("lavrov", "Sergei Lavrov", "person", affiliation="russia"),
)


def handmade_result(article_id: str = "a1", title: str = "Idlib offensive imminent") -> ArticleAnalysis:
    text, sentences, timexes, events = "", [], [], []
    for i, (sent, phrase, start, end, gran, cert, future, actors, modality) in enumerate(EVENTS):
        offset = len(text)
        sentences.append(Sentence(article_id, i, offset, offset + len(sent), sent))
        p = offset + sent.index(phrase)
        timexes.append(TimeExpression(article_id, i, p, p + len(phrase), phrase, "DATE", start.isoformat(),
                                      start, end, gran, cert, future))
        events.append(Event(article_id, i, offset, offset + len(sent), "act", actors, i, modality))
        text += sent + " "
    statements = []
    for index, source, polarity, topic in STATEMENTS:
        s = sentences[index]
        statements.append(Statement(article_id, index, Span(s.start, s.start + 4, s.text[:4]),
                                    source_actor=source, topic=topic, polarity=polarity, confidence=0.9))
    article = Article(article_id, title, text, "test", PUBLISHED, "metadata")
    return ArticleAnalysis(article, tuple(sentences), ACTORS, (), tuple(timexes), tuple(statements), tuple(events))


@pytest.fixture
def handmade():
    return Analysis([handmade_result()])


@pytest.fixture
def state(qtbot):
    from desktop.state import SelectionState

    return SelectionState()


@pytest.fixture
def synthetic():
    from tests.support.synthetic import synthetic_results

    return Analysis(synthetic_results(n_events=300, n_actors=15, n_articles=5, seed=1))


@pytest.fixture(scope="session")
def seed_analysis():
    from core.ingest import load_file
    from core.pipeline import analyse_all

    return Analysis(analyse_all([load_file(ROOT / "seeds" / "idlib-offensive-2018.txt")]))


def show(qtbot, widget, width: int = 1280, height: int = 800):
    """Lay the widget out offscreen at a realistic size (mapping needs real geometry)."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    widget.fit()
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    return widget


__all__ = ["handmade", "state", "synthetic", "seed_analysis", "show", "handmade_result", "PUBLISHED"]
