"""Hands chunks of articles to an executor (process pool or Dask) and yields their results in the articles' order."""
from __future__ import annotations

import logging
from collections import deque
from typing import Callable, Iterator, Sequence

from core import messages
from core.model import Article
from core.parallel.work import Outcome
from core.pipeline import Progress

log = logging.getLogger(__name__)

# The first chunks are single articles, so the first result comes as soon as a worker has parsed one;
# later chunks are bigger, so each worker parses a batch and pays the hand-over once per batch.
CHUNK = 8  # spaCy parses a batch of 8 as the one-process path does (analyse_articles batch_size)


def chunk_bounds(total: int, workers: int, chunk: int = CHUNK) -> list[tuple[int, int]]:
    """[start, end) of each chunk: `workers` single articles first, then chunks of `chunk`."""
    bounds, start = [], 0
    while start < total:
        size = 1 if len(bounds) < workers else chunk
        bounds.append((start, min(total, start + size)))
        start += size
    return bounds


def run_ordered(
    articles: Sequence[Article],
    submit: Callable[[list[Article]], object],
    workers: int,
    on_failure: Callable[[BaseException], None] = lambda exc: None,
    done: int = 0,
    chunk: int = CHUNK,
) -> Iterator[Progress]:
    """Yield a `Progress` per article, in order, while at most two chunks per worker are in flight.

    `submit(chunk)` returns a future (`concurrent.futures` or `distributed`: anything with `result()`
    and `cancel()`) of a list of `Outcome`. A chunk whose future fails (a worker killed, a cluster
    gone) becomes one error per article and `on_failure` hears of it (the pool starts new workers);
    the chunks in flight are submitted again and the others go on. Closing the generator cancels the chunks not yet started, so a cancelled run
    leaves nothing queued. `done` counts articles already reported by the caller.
    """
    total = done + len(articles)
    pending: deque = deque()
    bounds = deque(chunk_bounds(len(articles), workers, chunk))
    try:
        while bounds or pending:
            while bounds and len(pending) < 2 * workers:
                start, end = bounds.popleft()
                pending.append((start, end, submit(list(articles[start:end]))))
            start, end, future = pending.popleft()
            try:
                outcomes = future.result()
            except Exception as exc:  # a worker process died or the cluster went away: report, go on
                log.warning("a chunk of %d articles failed: %r", end - start, exc)
                on_failure(exc)
                # the chunks in flight went down with it (a broken pool fails them all): run them again
                for i, (s, e, other) in enumerate(list(pending)):
                    other.cancel()
                    pending[i] = (s, e, submit(list(articles[s:e])))
                reason = f"the analysis process stopped ({type(exc).__name__})"
                outcomes = [Outcome(None, messages.ANALYSIS_FAILED.format(title=a.title, reason=reason))
                            for a in articles[start:end]]
            for article, outcome in zip(articles[start:end], outcomes):
                done += 1
                yield Progress(done, total, article.title, result=outcome.result, error=outcome.error)
    finally:
        for _start, _end, future in pending:
            future.cancel()
