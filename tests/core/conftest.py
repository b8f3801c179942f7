"""Small hand-built analysis results, so table, store and correction tests need no parsing."""
from datetime import date

import pytest

from core.model import (
    Actor, Article, ArticleAnalysis, Event, Mention, Sentence, Span, Statement, TimeExpression,
)

TEXT = (
    "Turkey warned against the offensive on Wednesday. "
    "Russia backs the offensive, Lavrov said last year. "
    "Rebels hold Idlib."
)


def sentence_bounds(text):
    out, start = [], 0
    for part in text.split(". "):
        end = start + len(part) + (1 if not part.endswith(".") else 0)
        out.append((start, min(end, len(text))))
        start = end + 1
    return out


def make_result(article_id="a1", published=date(2018, 8, 29), text=TEXT, title="Idlib") -> ArticleAnalysis:
    sents = sentence_bounds(text)
    sentences = tuple(Sentence(article_id, i, s, e, text[s:e]) for i, (s, e) in enumerate(sents))

    def span(phrase, after=0):
        i = text.index(phrase, after)
        return Span(i, i + len(phrase), phrase)

    def mention(phrase, actor_id, si):
        s = span(phrase)
        return Mention(article_id, si, s.start, s.end, phrase, actor_id)

    wed, last_year = span("on Wednesday"), span("last year")
    placed = published is not None
    timexes = (
        TimeExpression(article_id, 0, wed.start, wed.end, wed.text, "DATE",
                       published.isoformat() if placed else "XXXX-XX-XX",
                       published if placed else None,
                       date.fromordinal(published.toordinal() + 1) if placed else None,
                       "day", "relative" if placed else "unresolved"),
        TimeExpression(article_id, 1, last_year.start, last_year.end, last_year.text, "DATE",
                       str(published.year - 1) if placed else "XXXX",
                       date(published.year - 1, 1, 1) if placed else None,
                       date(published.year, 1, 1) if placed else None,
                       "year", "relative" if placed else "unresolved"),
    )
    actors = (
        Actor("turkey", "Turkey", "country"),
        Actor("russia", "Russia", "country"),
        Actor("sergei-lavrov", "Sergei Lavrov", "person", affiliation="russia"),
        Actor("rebels", "rebels", "group"),
    )
    mentions = (
        mention("Turkey", "turkey", 0), mention("Russia", "russia", 1),
        mention("Lavrov", "sergei-lavrov", 1), mention("Rebels", "rebels", 2),
    )
    statements = (
        Statement(article_id, 0, cue=span("warned against"), source=span("Turkey"), source_actor="turkey",
                  target=span("the offensive"), topic="offensive", polarity="oppose", confidence=0.9, kind="stance"),
        Statement(article_id, 1, cue=span("backs"), source=span("Russia"), source_actor="russia",
                  target=span("the offensive", text.index("backs")), topic="offensive", polarity="support",
                  confidence=0.9, kind="stance"),
        Statement(article_id, 1, cue=span("said"), source=span("Lavrov"), source_actor="sergei-lavrov",
                  content=span("Russia backs the offensive"), polarity="neutral", confidence=0.7),
    )
    events = (
        Event(article_id, 0, sents[0][0], sents[0][1], "warn", ("turkey",), 0, "warned-of"),
        Event(article_id, 1, sents[1][0], sents[1][1], "say", ("russia", "sergei-lavrov"), 1, "asserted"),
        Event(article_id, 2, sents[2][0], sents[2][1], "hold", ("rebels",), None, "asserted"),
    )
    return ArticleAnalysis(
        article=Article(article_id, title, text, source="test", published=published,
                        published_origin="sidecar" if placed else "unknown"),
        sentences=sentences, actors=actors, mentions=mentions, timexes=timexes,
        statements=statements, events=events,
    )


@pytest.fixture
def result():
    return make_result()


@pytest.fixture
def analysis():
    from core.analysis import Analysis

    return Analysis([make_result()])
