"""Synthetic ArticleAnalysis corpora for the chart tests and the GUI and corrections benchmarks (no NLP needed)."""
from __future__ import annotations

import random
from datetime import date, timedelta

from core.model import (
    MODALITIES, NEUTRAL, OPPOSE, SUPPORT, Actor, Article, ArticleAnalysis, Event, Mention, Sentence,
    Span, Statement, TimeExpression,
)

TOPICS = ("offensive", "ceasefire", "sanctions", "talks", "buffer zone", "aid corridor")


def make_actors(n: int) -> list[Actor]:
    """Countries, organisations and, every fifth, a person speaking for the previous actor."""
    actors: list[Actor] = []
    for i in range(n):
        if i % 5 == 4 and actors:
            actors.append(Actor(f"person-{i}", f"Minister {i:03d}", "person", affiliation=actors[-1].id))
        else:
            kind = "country" if i % 2 == 0 else "organisation"
            actors.append(Actor(f"actor-{i}", f"Actor {i:03d}", kind))
    return actors


def synthetic_results(
    n_events: int = 200, n_actors: int = 12, n_articles: int = 4, seed: int = 0,
    start: date = date(2018, 1, 1), days: int = 240, statements_per_article: int = 10,
) -> list[ArticleAnalysis]:
    """`n_events` events spread over `n_articles` articles, with a realistic mix of time phrases."""
    rng = random.Random(seed)
    actors = make_actors(n_actors)
    results = []
    per_article = max(1, n_events // n_articles)
    for a in range(n_articles):
        aid = f"art{a}"
        published = start + timedelta(days=rng.randrange(days))
        n = per_article if a < n_articles - 1 else n_events - per_article * (n_articles - 1)
        texts, sentences, timexes, events, mentions = [], [], [], [], []
        offset = 0
        for i in range(n):
            ev_actors = tuple(rng.sample(actors, k=1 + (rng.random() < 0.3)))
            day = start + timedelta(days=rng.randrange(days))
            kind = rng.random()
            phrase = f"on {day:%d %B %Y}"
            if kind < 0.65:
                span, gran, cert = (day, day + timedelta(days=1)), "day", "exact"
            elif kind < 0.8:
                span, gran, cert = (day, day + timedelta(days=7)), "week", "relative"
                phrase = "last week"
            elif kind < 0.9:
                first = day.replace(day=1)
                span, gran, cert = (first, (first + timedelta(days=32)).replace(day=1)), "month", "exact"
                phrase = f"in {day:%B %Y}"
            else:
                span, gran, cert = (day - timedelta(days=21), day), "period", "vague"
                phrase = "in recent weeks"
            text = f"{' and '.join(x.name for x in ev_actors)} acted {phrase}. "
            sentences.append(Sentence(aid, i, offset, offset + len(text) - 1, text[:-1]))
            t_start = offset + text.index(phrase)
            timexes.append(TimeExpression(
                aid, i, t_start, t_start + len(phrase), phrase, "DATE", day.isoformat(), span[0], span[1],
                gran, cert, future=span[0] > published,
            ))
            modality = MODALITIES[0] if span[0] <= published else rng.choice(MODALITIES[1:])
            events.append(Event(aid, i, offset, offset + len(text) - 1, "act", tuple(x.id for x in ev_actors), i, modality))
            for x in ev_actors:
                mentions.append(Mention(aid, i, offset, offset + len(x.name), x.name, x.id))
            texts.append(text)
            offset += len(text)
        statements = []
        for k in range(min(statements_per_article, n)):
            sent = sentences[rng.randrange(n)]
            src = rng.choice(actors)
            polarity = rng.choice((SUPPORT, OPPOSE, OPPOSE, NEUTRAL))
            statements.append(Statement(
                aid, sent.index, Span(sent.start, sent.start + 3, sent.text[:3]),
                source=Span(sent.start, sent.start + 3, sent.text[:3]), source_actor=src.id,
                topic=rng.choice(TOPICS), polarity=polarity, confidence=0.8,
            ))
        article = Article(aid, f"Synthetic report {a}", "".join(texts), "synthetic", published, "metadata")
        results.append(ArticleAnalysis(
            article, tuple(sentences), tuple(actors), tuple(mentions), tuple(timexes), tuple(statements),
            tuple(events),
        ))
    return results
