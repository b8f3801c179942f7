"""How the desktop analyses: the loaded pipeline for a few articles, a pool of processes (every core) for many, through the project's cache."""
from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Iterator, Sequence

from core.model import Article

log = logging.getLogger(__name__)

# Fewer articles than this are analysed in the worker thread: starting processes costs more than it saves.
POOL_MIN = 4
# The pool's processes hold a model each (~250 MB): stopped after this long without work, started again
# (with the first articles analysed here meanwhile) when a new batch comes.
IDLE_SECONDS = 120.0


class AnalysisEngine:
    """The worker's `analyse_fn`: `engine(articles, pipeline)` is a generator of `core.pipeline.Progress`.

    Articles already in the cache (a folder beside the project, `set_cache_folder`) come from it;
    the others run in `core.parallel.AnalysisPool` when there are at least POOL_MIN of them and more
    than one core, the first ones in this process while the pool's processes load their model.
    """

    def __init__(self, workers: int | None = None, idle_seconds: float = IDLE_SECONDS):
        from core.parallel import available_cores

        self.workers = workers or available_cores()
        self.idle_seconds = idle_seconds
        self._lock = threading.Lock()
        self._pool = None
        self._cache = None
        self._cache_folder: Path | None = None
        self._idle: threading.Timer | None = None

    # ---- GUI thread ------------------------------------------------------------------------------
    def set_cache_folder(self, folder: Path | None) -> None:
        """The cache to use from the next run on (None: no cache, e.g. a project not saved yet)."""
        with self._lock:
            if folder == self._cache_folder:
                return
            self._cache_folder = Path(folder) if folder else None
            old, self._cache = self._cache, None
        if old is not None:
            old.close()

    @property
    def pool_running(self) -> bool:
        return self._pool is not None

    def close(self) -> None:
        """Stop the pool's processes and close the cache (the window is closing)."""
        self._cancel_idle()
        with self._lock:
            pool, self._pool = self._pool, None
            cache, self._cache = self._cache, None
        if pool is not None:
            pool.close(wait=False)
        if cache is not None:
            cache.close()

    # ---- worker thread ---------------------------------------------------------------------------
    def __call__(self, articles: Sequence[Article], pipeline) -> Iterator:
        from core.io.cache import analyse_cached, predicted_pipeline
        from core.pipeline import analyse_articles

        self._cancel_idle()
        cache = self._open_cache()
        trained = getattr(pipeline, "trained", None)
        # results of the fallback pipeline are not stored under the trained model's version, nor back
        same_pipeline = trained is None or trained == (predicted_pipeline() != "fallback")

        # the pool's processes run the worker's own kind of pipeline, so a run never mixes results of the
        # trained model and of the rule-based fallback
        fallback = trained is False

        def analyse(misses: list[Article]):
            if (fallback or same_pipeline) and self.workers > 1 and len(misses) >= POOL_MIN:
                yield from self._pool_for_run(fallback).analyse(misses, local=pipeline)
            else:
                yield from analyse_articles(misses, pipeline)

        return analyse_cached(articles, cache, analyse, store=lambda: same_pipeline)

    def idle(self) -> None:
        """No more work queued: stop the pool after `idle_seconds` unless work comes first."""
        with self._lock:
            if self._pool is None or self._idle is not None:
                return
            self._idle = threading.Timer(self.idle_seconds, self._release_pool)
            self._idle.daemon = True
            self._idle.start()

    def _release_pool(self) -> None:
        with self._lock:
            pool, self._pool, self._idle = self._pool, None, None
        if pool is not None:
            log.info("stopping the idle analysis processes")
            pool.close(wait=False)

    def _cancel_idle(self) -> None:
        with self._lock:
            timer, self._idle = self._idle, None
        if timer is not None:
            timer.cancel()

    def _pool_for_run(self, fallback: bool = False):
        with self._lock:
            if self._pool is not None and self._pool.fallback != fallback:
                self._pool.close(wait=False)  # the worker's pipeline changed kind (a model installed or lost)
                self._pool = None
            if self._pool is None:
                from core.parallel import AnalysisPool

                self._pool = AnalysisPool(self.workers, fallback=fallback)
            return self._pool

    def _open_cache(self):
        with self._lock:
            if self._cache is None and self._cache_folder is not None:
                from core.io.cache import AnalysisCache

                self._cache = AnalysisCache.open(self._cache_folder)
            return self._cache
