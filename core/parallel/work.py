"""What a worker process runs: a chunk of articles through the one-process pipeline, with the model loaded once per process."""
from __future__ import annotations

import os
from typing import NamedTuple, Sequence

from core import messages
from core.model import Article, ArticleAnalysis


class Outcome(NamedTuple):
    """One article's analysis, or the user-facing reason it failed; sent back from a worker."""

    result: ArticleAnalysis | None
    error: str | None = None


class WorkerInfo(NamedTuple):
    """What a warmed-up worker reports: its process, and the pipeline it loaded (a fallback says why)."""

    pid: int
    trained: bool
    warning: str | None
    pipeline: str


def use_fallback() -> None:
    """A worker process's initializer for a pool of the rule-based fallback (the app's own pipeline when
    the model is missing or the user turned it off): set before the process loads any pipeline."""
    from core.nlp import FORCE_FALLBACK_ENV

    os.environ[FORCE_FALLBACK_ENV] = "1"


def warm() -> WorkerInfo:
    """Load the pipeline in this process (`core.nlp.load_pipeline` keeps it for the process's life)."""
    from core.nlp import load_pipeline

    pipeline = load_pipeline()
    return WorkerInfo(os.getpid(), pipeline.trained, pipeline.warning, pipeline.name)


def analyse_chunk(articles: Sequence[Article]) -> list[Outcome]:
    """Every article of the chunk, in order, through `core.pipeline.analyse_articles` (one parse batch)."""
    from core.nlp import load_pipeline
    from core.pipeline import analyse_articles

    outcomes = [Outcome(p.result, p.error) for p in analyse_articles(list(articles), load_pipeline()) if p.done]
    while len(outcomes) < len(articles):  # the generator ended early: never leave an article unaccounted for
        article = articles[len(outcomes)]
        outcomes.append(Outcome(None, messages.ANALYSIS_FAILED.format(title=article.title, reason="no result")))
    return outcomes


def available_cores() -> int:
    """The cores this process may run on (a container or `taskset` can allow fewer than the machine has)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)
