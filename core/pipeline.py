"""Runs the analysis steps over articles as a generator of progress, so a GUI thread or the CLI can drive it."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Iterable, Iterator, Sequence

from core import messages
from core.model import Article, ArticleAnalysis, Sentence
from core.nlp import Pipeline, load_pipeline
from core.parsed import doc_text, remember_text

log = logging.getLogger(__name__)

# spaCy refuses texts over nlp.max_length (1,000,000 characters by default).
MAX_CHARS = 1_000_000


@dataclass(frozen=True)
class Progress:
    """One step of a running analysis: `done` of `total` articles, and the result just finished."""

    done: int
    total: int
    message: str
    result: ArticleAnalysis | None = None
    error: str | None = None


ALL_LAYERS = frozenset({"timexes", "actors", "statements", "events"})


def analyse_doc(doc, article: Article, layers: frozenset[str] | set[str] = ALL_LAYERS) -> ArticleAnalysis:
    """The extractors over one parsed document; the doc does not outlive this call.

    `layers` limits the work (the batch annotator may want time expressions only); events need
    actors and time expressions, statements need actors.
    """
    from core.actors import find_actors, load_alias_table
    from core.resources import user_aliases_path
    from core.events import find_events
    from core.statements import find_statements
    from core.temporal import find_timexes

    aid = article.id
    remember_text(doc, article.text[:MAX_CHARS])
    text = doc_text(doc)
    sentences = tuple(
        Sentence(aid, i, s.start_char, s.start_char + len(body), body)
        for i, s in enumerate(doc.sents)
        for body in (text[s.start_char:s.end_char].rstrip(),)
    )
    skipped = _not_analysed(article)
    if skipped:  # kept with its text, title and date; an English model would only find junk in it
        return ArticleAnalysis(article=article, sentences=sentences, notes=(skipped,) + article_notes(article))
    want_actors = bool(layers & {"actors", "statements", "events"})
    # The user's alias file extends the bundled table; it is re-read only when it changes.
    user_aliases = user_aliases_path()
    table = load_alias_table(user_aliases if user_aliases.is_file() else None)
    actors, mentions = find_actors(doc, aid, table) if want_actors else ([], [])
    timexes = find_timexes(doc, article.published, aid) if layers & {"timexes", "events"} else []
    statements = find_statements(doc, mentions, aid) if "statements" in layers else []
    events = find_events(doc, timexes, mentions, aid, article.published, article.title) if "events" in layers else []
    notes = article_notes(article)
    return ArticleAnalysis(
        article=article,
        sentences=tuple(sentences),
        actors=tuple(actors),
        mentions=tuple(mentions),
        timexes=tuple(timexes),
        statements=tuple(statements),
        events=tuple(events),
        notes=tuple(notes),
    )


def _not_analysed(article: Article) -> str | None:
    """Why nothing is extracted from this article (not English, not an article), or None."""
    if getattr(article, "not_article", ""):
        return messages.NOT_ARTICLE.format(title=article.title, reason=article.not_article)
    language = getattr(article, "language", "")
    if language and language != "en":
        import pycountry

        found = pycountry.languages.get(alpha_2=language) if len(language) == 2 else None
        return messages.NOT_ENGLISH.format(title=article.title, language=getattr(found, "name", language))
    return None


def article_notes(article: Article) -> tuple[str, ...]:
    """What the user should know about an article itself (no publication date); also what a cached
    analysis is given again, since the title in the note may differ for the same text."""
    if article.published is not None:
        return ()
    from core.temporal import yearless_dateline

    when = yearless_dateline(article.text)
    dateline = f" Its dateline reads \u201c{when}\u201d, without a year." if when else ""
    return (messages.NO_PUBLICATION_DATE.format(title=article.title, dateline=dateline),)


def analyse_articles(
    articles: Sequence[Article], pipeline: Pipeline | None = None, batch_size: int = 8
) -> Iterator[Progress]:
    """Analyse articles in spaCy batches, yielding a `Progress` after each one.

    Stopping the iteration cancels the work: nothing is held beyond the current batch. A failure
    in one article is reported in its `Progress.error` and the others go on.
    """
    pipeline = pipeline or load_pipeline()
    total = len(articles)
    yield Progress(0, total, f"Analysing {total} article{'s' * (total != 1)}\u2026")
    texts = (a.text[:MAX_CHARS] for a in articles)
    done = 0
    docs = pipeline.pipe(texts, batch_size=batch_size)
    for article in articles:
        try:
            doc = next(docs)
            result = analyse_doc(doc, article)
        except StopIteration:
            break
        except Exception as exc:  # one bad article must not end the batch or reach the user as a traceback
            log.exception("analysis of %s failed", article.id)
            done += 1
            yield Progress(
                done, total, article.title,
                error=messages.ANALYSIS_FAILED.format(title=article.title, reason=type(exc).__name__),
            )
            docs = pipeline.pipe((a.text[:MAX_CHARS] for a in articles[done:]), batch_size=batch_size)
            continue
        done += 1
        yield Progress(done, total, article.title, result=result)


def analyse_all(articles: Iterable[Article], pipeline: Pipeline | None = None) -> list[ArticleAnalysis]:
    """Synchronous convenience for the CLI and tests: every successful result."""
    return [p.result for p in analyse_articles(list(articles), pipeline) if p.result is not None]
