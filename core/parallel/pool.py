"""Every core busy: a pool of worker processes, each loading the model once, analysing chunks of articles."""
from __future__ import annotations

import logging
import multiprocessing
import sys
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Iterator, Sequence

from core.model import Article
from core.parallel.ordered import CHUNK, run_ordered
from core.parallel.work import WorkerInfo, analyse_chunk, available_cores, use_fallback, warm
from core.pipeline import Progress, analyse_articles

log = logging.getLogger(__name__)

# A worker is replaced after this many chunks: spaCy's string store grows with every new word it
# reads and never shrinks, so a long-lived parser creeps up; a fresh process starts from the model.
TASKS_PER_WORKER = 400


class AnalysisPool:
    """`workers` processes (started with "spawn": safe beside Qt's threads, and the same on every OS).

    The processes start on first use (or `start()`), load the pipeline once each and stay for later
    runs until `close()`. `analyse()` is a generator of `Progress` like `core.pipeline.analyse_articles`,
    results in the articles' order; closing it cancels the chunks not yet started.
    """

    def __init__(self, workers: int | None = None, chunk: int = CHUNK, tasks_per_worker: int | None = TASKS_PER_WORKER,
                 fallback: bool = False):
        self.workers = max(1, workers or available_cores())
        self.fallback = fallback  # the processes run the rule-based fallback, whether or not a model is installed
        self.chunk = chunk
        self._tasks_per_worker = tasks_per_worker
        self._executor: ProcessPoolExecutor | None = None
        self._warm: list[Future] = []
        self._lock = threading.Lock()

    # ---- life cycle ----------------------------------------------------------------------------
    def start(self) -> None:
        """Start the processes (loading the model in each) without waiting for them."""
        with self._lock:
            if self._executor is not None:
                return
            kwargs = {}
            if self._tasks_per_worker and sys.version_info >= (3, 11):
                kwargs["max_tasks_per_child"] = self._tasks_per_worker
            if self.fallback:
                kwargs["initializer"] = use_fallback
            self._executor = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"), **kwargs)
            self._warm = [self._executor.submit(warm) for _ in range(self.workers)]

    @property
    def ready(self) -> bool:
        """Has at least one worker loaded its model?"""
        return any(f.done() and not f.cancelled() and f.exception() is None for f in self._warm)

    def info(self, timeout: float | None = None) -> WorkerInfo:
        """The first worker's report once it has loaded the pipeline (starts the pool if needed)."""
        self.start()
        return self._warm[0].result(timeout)

    def close(self, wait: bool = True) -> None:
        """Stop the processes; queued chunks are dropped (`wait=False` returns at once)."""
        with self._lock:
            executor, self._executor, self._warm = self._executor, None, []
        if executor is not None:
            executor.shutdown(wait=wait, cancel_futures=True)

    def __enter__(self) -> "AnalysisPool":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def _restart(self, exc: BaseException) -> None:
        log.warning("restarting the analysis processes after %r", exc)
        self.close(wait=False)
        self.start()

    def _submit(self, articles: list[Article]) -> Future:
        self.start()
        return self._executor.submit(analyse_chunk, articles)

    # ---- work ------------------------------------------------------------------------------------
    def analyse(self, articles: Sequence[Article], local=None) -> Iterator[Progress]:
        """Analyse `articles` in the worker processes, yielding a `Progress` per article, in order.

        Given `local` (a pipeline already loaded in this process), articles are analysed here while
        the workers are still loading their model, so the first result does not wait for them.
        """
        articles = list(articles)
        total = len(articles)
        yield Progress(0, total, f"Analysing {total} article{'s' * (total != 1)}\u2026")
        self.start()
        done = 0
        while local is not None and done < total and not self.ready:
            for step in analyse_articles(articles[done:done + 1], local):
                if step.done:
                    done += 1
                    yield Progress(done, total, step.message, result=step.result, error=step.error)
        yield from run_ordered(articles[done:], self._submit, self.workers, self._restart, done=done, chunk=self.chunk)
