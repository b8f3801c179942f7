"""The one background worker: loads the language model, then runs `core.pipeline.analyse_articles` off the GUI thread."""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Sequence

from PySide6.QtCore import QObject, QThread, Signal

from core.model import Article

log = logging.getLogger(__name__)


def _default_loader():
    from core.nlp import load_pipeline

    return load_pipeline()


@dataclass(frozen=True)
class _PathsJob:
    """Files and folders to read in the worker thread before their articles are analysed."""

    paths: tuple
    known_ids: frozenset


class _Thread(QThread):
    """Runs queued jobs; signals are emitted from this thread and queued to the GUI thread."""

    def __init__(self, owner: "AnalysisWorker"):
        super().__init__()
        self._owner = owner

    def run(self) -> None:
        self._owner._run_jobs()


class AnalysisWorker(QObject):
    """Analyses articles in one background thread, with progress, per-article results and cancel.

    `analyse()` while a run is going queues the articles for the next run. `cancel()` stops after
    the article being parsed; results already emitted stay valid, so the analysis stays consistent.
    `loader` and `analyse_fn` are injectable so tests can drive the worker with fakes.
    """

    pipeline_loaded = Signal(object)  # core.nlp.Pipeline, once
    progress = Signal(int, int, str)  # done, total, message
    result = Signal(object)  # ArticleAnalysis
    failed = Signal(str)  # a user-facing message (one article, or the whole run)
    article_failed = Signal(str, str)  # article id, user-facing reason
    loaded = Signal(object)  # core.ingest.LoadReport of a load_and_analyse() job, before its results
    started = Signal(object)  # tuple of article ids in this run
    finished = Signal(bool)  # True when the run was cancelled

    def __init__(
        self,
        loader: Callable[[], object] | None = None,
        analyse_fn: Callable[[Sequence[Article], object], Iterator] | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._loader = loader or _default_loader
        # Without an injected analysis: every core for big batches, and the project's cache.
        self.engine = None
        if analyse_fn is None:
            from desktop.workers.engine import AnalysisEngine

            self.engine = AnalysisEngine()
        self._analyse = analyse_fn or self.engine
        self._pipeline = None
        self._lock = threading.Lock()
        self._queue: list = []  # Article or _PathsJob, in order
        self._cancel = threading.Event()
        self._thread = _Thread(self)
        # analyse() can land just as the thread decides it has nothing left: restart then.
        self._thread.finished.connect(self._on_thread_finished)

    # ---- GUI-thread API ------------------------------------------------------------------
    @property
    def pipeline(self):
        return self._pipeline

    @property
    def busy(self) -> bool:
        return self._thread.isRunning()

    def load_pipeline(self) -> None:
        """Start loading the model in the background (a run with no articles)."""
        self._start()

    def analyse(self, articles: Sequence[Article]) -> None:
        with self._lock:
            self._queue.extend(articles)
        self._start()

    def load_and_analyse(self, paths: Iterable, known_ids: Iterable[str] = ()) -> None:
        """Read files/folders in the background (`loaded` reports what came of it), then analyse them."""
        with self._lock:
            self._queue.append(_PathsJob(tuple(paths), frozenset(known_ids)))
        self._start()

    def set_cache_folder(self, folder) -> None:
        """Where the analysis cache of the current project lives (None: no cache)."""
        if self.engine is not None:
            self.engine.set_cache_folder(folder)

    def cancel(self) -> None:
        """Stop the running analysis and drop anything queued."""
        with self._lock:
            self._queue.clear()
        self._cancel.set()

    def wait(self, msecs: int = 30_000) -> bool:
        return self._thread.wait(msecs)

    def shutdown(self) -> None:
        """Cancel and wait, for closing the window or quitting without a thread left running.

        Waits as long as it takes: a cancelled run stops after the article being parsed, but loading
        the model cannot be interrupted, and a QThread destroyed while running aborts the process.
        """
        self.cancel()
        if self._thread.isRunning():
            log.info("waiting for the analysis thread to stop")
            self._thread.wait()
        if self.engine is not None:
            self.engine.close()

    def _on_thread_finished(self) -> None:
        with self._lock:
            pending = bool(self._queue)
        if pending:
            self._start()

    def _start(self) -> None:
        if not self._thread.isRunning():
            self._cancel.clear()
            self._thread.start()

    # ---- worker thread -------------------------------------------------------------------
    def _run_jobs(self) -> None:
        if self._pipeline is None:
            try:
                self._pipeline = self._loader()
            except Exception as exc:  # the loader never should raise; never let a thread die silently
                log.exception("loading the language model failed")
                self.failed.emit(f"The language model could not be loaded ({type(exc).__name__}).")
                self.finished.emit(False)
                return
            self.pipeline_loaded.emit(self._pipeline)
        while True:
            with self._lock:
                jobs, self._queue = self._queue, []
            if not jobs:
                if self.engine is not None:
                    self.engine.idle()
                return  # a run that only loaded the model ends without `finished`
            articles = self._read(jobs)
            if self._cancel.is_set():
                self.finished.emit(True)
                return
            if not articles:
                self.finished.emit(False)
                continue
            cancelled = self._run_once(articles)
            self.finished.emit(cancelled)
            if cancelled:
                if self.engine is not None:
                    self.engine.idle()
                return

    def _read(self, jobs: list) -> list[Article]:
        """Articles from the queued jobs, reading files for path jobs (duplicates across jobs skipped)."""
        from core.ingest import load_paths

        articles: list[Article] = []
        for job in jobs:
            if self._cancel.is_set():
                break
            if not isinstance(job, _PathsJob):
                articles.append(job)
                continue
            try:
                report = load_paths(job.paths, known_ids=set(job.known_ids) | {a.id for a in articles})
            except Exception as exc:  # load_paths reports bad files itself; this would be a bug
                log.exception("reading %s failed", job.paths)
                from core.ingest import LoadReport

                # Still a report, so the window knows this job is done.
                report = LoadReport(problems=[f"The files could not be read ({type(exc).__name__})."])
            self.loaded.emit(report)
            articles.extend(report.articles)
        return articles

    def _run_once(self, articles: list[Article]) -> bool:
        self.started.emit(tuple(a.id for a in articles))
        generator = self._analyse(articles, self._pipeline)
        try:
            for step in generator:
                if self._cancel.is_set():
                    return True
                if step.error:
                    self.failed.emit(step.error)
                    if 0 < step.done <= len(articles):
                        self.article_failed.emit(articles[step.done - 1].id, step.error)
                if step.result is not None:
                    self.result.emit(step.result)
                self.progress.emit(step.done, step.total, step.message)
            return self._cancel.is_set()
        except Exception as exc:  # the generator reports per-article errors itself; this is a bug
            log.exception("analysis run failed")
            self.failed.emit(f"The analysis stopped unexpectedly ({type(exc).__name__}).")
            return False
        finally:
            close = getattr(generator, "close", None)
            if close is not None:
                close()
