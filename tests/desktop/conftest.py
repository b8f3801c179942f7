"""Desktop fixtures: synthetic `ArticleAnalysis` records built by hand (fast), and a real seed analysis (slow, once)."""
from __future__ import annotations

import gc
from datetime import date, timedelta
from pathlib import Path

import pytest

from core.model import (
    Actor, Article, ArticleAnalysis, Event, Mention, Sentence, Span, Statement, TimeExpression,
)

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "idlib-offensive-2018.txt"

SENTENCES = (
    "Russia said on Wednesday that militants in Idlib must be liquidated.",
    "Turkey warned against an offensive, fearing a wave of refugees.",
    "The United Nations urged restraint on Thursday.",
)


def _span(text: str, phrase: str, base: int = 0) -> Span:
    start = text.index(phrase, base)
    return Span(start, start + len(phrase), phrase)


def make_analysis(
    article_id: str = "a1",
    title: str = "Idlib offensive looms",
    published: date | None = date(2018, 8, 29),
    sentences: tuple[str, ...] = SENTENCES,
) -> ArticleAnalysis:
    """A small, fully offset-consistent analysis: 3 actors, 2 time expressions, 3 statements, 2 events."""
    text = f"{title}\n\n" + " ".join(sentences)
    sents = []
    cursor = len(title) + 2
    for i, s in enumerate(sentences):
        sents.append(Sentence(article_id, i, cursor, cursor + len(s), s))
        cursor += len(s) + 1
    actors = (
        Actor("russia", "Russia", "country"),
        Actor("turkey", "Turkey", "country"),
        Actor("united-nations", "United Nations", "international-organisation"),
    )

    def mention(phrase: str, sentence: int, actor_id: str) -> Mention:
        span = _span(text, phrase, sents[sentence].start)
        return Mention(article_id, sentence, span.start, span.end, phrase, actor_id)

    mentions = (
        mention("Russia", 0, "russia"), mention("Turkey", 1, "turkey"),
        mention("United Nations", 2, "united-nations"),
    )

    def timex(phrase: str, sentence: int, offset_days: int) -> TimeExpression:
        span = _span(text, phrase, sents[sentence].start)
        if published is None:
            return TimeExpression(article_id, sentence, span.start, span.end, phrase, "DATE", "XXXX-XX-XX",
                                  certainty="unresolved")
        day = published + timedelta(days=offset_days)
        return TimeExpression(article_id, sentence, span.start, span.end, phrase, "DATE", day.isoformat(),
                              day, day + timedelta(days=1), "day", "relative")

    timexes = (timex("Wednesday", 0, 0), timex("Thursday", 2, 1))

    def statement(sentence: int, source: str, actor: str, cue: str, polarity: str, target: str) -> Statement:
        base = sents[sentence].start
        return Statement(
            article_id, sentence, cue=_span(text, cue, base), source=_span(text, source, base), source_actor=actor,
            target=_span(text, target, base), topic="offensive" if "offensive" in target else None,
            polarity=polarity, confidence=0.8,
        )

    statements = (
        statement(0, "Russia", "russia", "said", "support", "militants in Idlib must be liquidated"),
        statement(1, "Turkey", "turkey", "warned against", "oppose", "an offensive"),
        statement(2, "The United Nations", "united-nations", "urged", "neutral", "restraint"),
    )
    events = (
        Event(article_id, 0, sents[0].start, sents[0].end, "say", ("russia",), 0),
        Event(article_id, 2, sents[2].start, sents[2].end, "urge", ("united-nations",), 1),
    )
    return ArticleAnalysis(
        article=Article(article_id, title, text, source=f"{article_id}.txt", published=published,
                        published_origin="dateline" if published else "unknown"),
        sentences=tuple(sents), actors=actors, mentions=mentions, timexes=timexes,
        statements=statements, events=events,
        notes=() if published else ("No publication date was found [W003]",),
    )


@pytest.fixture(autouse=True)
def _collect_garbage_in_the_gui_thread():
    """As the app does (desktop.app.gc_timer): no automatic collection while worker threads run; collect at teardown.

    A collection triggered in a worker thread, or in the middle of a later test's event loop, can free
    chart items of windows closed earlier and crash; here it happens after widgets are deleted.
    """
    gc.disable()
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    gc.enable()


@pytest.fixture
def synthetic():
    """One synthetic ArticleAnalysis (published 2018-08-29)."""
    return make_analysis()


@pytest.fixture
def analysis():
    """An Analysis of two synthetic articles, one of them without a publication date."""
    from core.analysis import Analysis

    return Analysis([make_analysis(), make_analysis("a2", "Undated report", published=None)])


@pytest.fixture
def state(qtbot):
    from desktop.state import SelectionState

    return SelectionState()


@pytest.fixture(scope="session")
def seed_analysis_results(pipeline):
    """The seed article analysed by the real pipeline, once per session (results, reused read-only)."""
    from core.ingest import load_file
    from core.pipeline import analyse_all

    return analyse_all([load_file(SEED)], pipeline)


@pytest.fixture
def settings(tmp_path):
    """A QSettings in a temporary INI file, so tests never touch the user's recent projects."""
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
