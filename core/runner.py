"""Runs an analysis the way the command line asks: on this process, every core, or a Dask cluster, through the analysis cache."""
from __future__ import annotations

import logging
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Sequence

from core import messages
from core.messages import UserFacingError
from core.model import Article
from core.pipeline import Progress

log = logging.getLogger(__name__)

MAX_WORKERS = 256
# Starting worker processes (each loads the model, a few seconds) pays off from about this many
# articles on; fewer run in this process unless --workers asks for more explicitly.
POOL_MIN_ARTICLES = 16


@dataclass(frozen=True)
class RunOptions:
    """How to run: `workers` processes (1: this one), or on the Dask `scheduler` ("local" starts a
    LocalCluster of `workers` processes); the cache folder, or None for no cache. `explicit`: the
    user chose `workers`, so a pool starts even for a few articles."""

    workers: int = 1
    explicit: bool = False
    scheduler: str | None = None
    cache: Path | None = None


def parse_workers(text: str | None, default: int) -> int:
    """--workers: a whole number from 1 to MAX_WORKERS (None: `default`)."""
    if text is None:
        return default
    try:
        n = int(str(text).strip())
    except ValueError:
        n = 0
    if not 1 <= n <= MAX_WORKERS:
        raise UserFacingError(messages.BAD_WORKERS.format(most=MAX_WORKERS, text=text))
    return n


def run_analysis(articles: Sequence[Article], options: RunOptions, warn: Callable[[str], None]) -> Iterator[Progress]:
    """A generator of `Progress` over `articles`, results in the articles' order when no cache answers
    (cached ones come first); `warn` hears what the user should know (a fallback model, a cache that
    cannot be used). Closing the generator stops the workers."""
    from core.io.cache import AnalysisCache, analyse_cached, predicted_pipeline

    with ExitStack() as stack:
        cache = AnalysisCache.open(options.cache, warn=warn) if options.cache else None
        if cache is not None:
            stack.callback(cache.close)
        expected = predicted_pipeline()
        state = {"store": True}

        def check(trained: bool, warning: str | None) -> None:
            if warning:
                warn(warning)
            # results of another pipeline than the cache version names must not be stored under it
            state["store"] = trained == (expected != "fallback")

        def analyse(misses: list[Article]) -> Iterator[Progress]:
            if options.scheduler:
                from core.parallel.cluster import ClusterRunner

                runner = stack.enter_context(ClusterRunner(options.scheduler, options.workers))
                infos = runner.start()
                for info in {(i.trained, i.warning) for i in infos}:
                    check(*info)
                yield from runner.analyse(misses)
            elif options.workers > 1 and len(misses) >= (2 if options.explicit else POOL_MIN_ARTICLES):
                from core.parallel import AnalysisPool

                pool = stack.enter_context(AnalysisPool(min(options.workers, len(misses))))
                info = pool.info()
                check(info.trained, info.warning)
                yield from pool.analyse(misses)
            else:
                from core.nlp import load_pipeline
                from core.pipeline import analyse_articles

                pipeline = load_pipeline()
                check(pipeline.trained, pipeline.warning)
                yield from analyse_articles(misses, pipeline)

        yield from analyse_cached(articles, cache, analyse, store=lambda: state["store"])


def default_cache(project: Path | None) -> Path | None:
    """The cache beside the project file, when there is one."""
    if project is None:
        return None
    from core.io.cache import cache_folder_for

    return cache_folder_for(project)
