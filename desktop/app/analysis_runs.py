"""The main window's background analysis: articles handed to the worker, its progress, results and failures."""
from __future__ import annotations

import time

from PySide6.QtCore import QTimer

FLUSH_MS = 150  # results are added in small batches so 100 articles do not redraw 100 times
LOADING_MODEL = "Loading language model\u2026"


def cancel_text(dropped: int, kept: int) -> str:
    """What a cancel did, in words: never "0 articles were not analysed"."""
    kept_text = f"the {kept} article{'s' * (kept != 1)} analysed so far {'are' if kept != 1 else 'is'} kept"
    if not dropped:
        return f"Analysis cancelled; {kept_text}." if kept else "Analysis cancelled."
    left = f"{dropped} article{'s were' if dropped != 1 else ' was'} not analysed"
    return f"Analysis cancelled: {left}; {kept_text}." if kept else f"Analysis cancelled: {left}."


class AnalysisRunsMixin:
    """Analysing articles in the worker thread, for the main window.

    The window owns the worker, the Analysis, the status bar (`status`, `progress`, `cancel_button`),
    the banners and the bookkeeping: `_running` and `_failed` (article id -> Article / (Article, reason)),
    `_buffer` and `_flush_timer` for results not yet added, `_reading` (path jobs the worker still reads).
    """

    def analyse(self, articles) -> None:
        self._bind_new()
        for article in articles:
            self._running[article.id] = article
            self._failed.pop(article.id, None)
        self._update_status()
        self._update_page()
        self._show_busy(f"Analysing {len(self._running)} article{'s' * (len(self._running) != 1)}\u2026")
        self.worker.analyse(list(articles))

    def reanalyse_articles(self, article_ids) -> None:
        articles = []
        for aid in article_ids:
            if aid in self.analysis:
                articles.append(next(r.article for r in self.analysis.raw_results() if r.article.id == aid))
            elif aid in self._failed:
                articles.append(self._failed[aid][0])
        if articles:
            self.analyse(articles)

    def remove_articles(self, article_ids) -> None:
        for aid in article_ids:
            self._running.pop(aid, None)
            self._failed.pop(aid, None)
        # recorded in the analysis's one history with the articles' whole analysis: undo needs no re-read
        self.analysis.remove_many(article_ids, undoable=True)
        self._update_status()
        self._update_page()
        self._update_actions()
        n = len(article_ids)
        self.status.setText(f"Removed {n} article{'s' * (n != 1)}. Edit \u2192 Undo (Ctrl+Z) brings "
                            f"{'them' if n != 1 else 'it'} back.")

    def _show_busy(self, text: str) -> None:
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.status.setText(text)

    # ---- worker signals ------------------------------------------------------------------------------
    def _on_loaded(self, report) -> None:
        """Files read by the worker: list their articles as analysing (the worker goes on with them)."""
        self._reading = max(0, self._reading - 1)
        self._show_report(report)
        for article in report.articles:
            self._running[article.id] = article
            self._failed.pop(article.id, None)
        self._update_status()
        self._update_page()

    def _on_pipeline_loaded(self, pipeline) -> None:
        # only the loading note gives way: "Opened x.standpoint: 84 articles." must stay in view
        if not self._running and self.status.text() == LOADING_MODEL:
            self.status.setText("Ready." if self.analysis is not None and len(self.analysis) else
                                "Ready. Drop articles on the window, or use File \u2192 Open.")
        if pipeline is not None and not getattr(pipeline, "trained", True) and not self._model_warned:
            self._model_warned = True
            self.model_banner.show_message(pipeline.warning or "Reduced, rule-based analysis.")

    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{done} / {total}")
        if done:
            self.status.setText(f"Analysed \u201c{message}\u201d")

    def _on_result(self, result) -> None:
        if self._running.pop(result.article.id, None) is None:
            return  # removed while it was being analysed: a stale result
        self._buffer.append(result)
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    def _flush_results(self) -> None:
        if self._buffer:
            results, self._buffer = self._buffer, []
            first = not len(self.analysis)
            started = time.perf_counter()
            self.analysis.add_many(results)
            # Slow redraws (big corpora) get rarer batches: at most about a third of the time redrawing.
            took_ms = int(1000 * (time.perf_counter() - started))
            self._flush_timer.setInterval(max(FLUSH_MS, min(3000, 2 * took_ms)))
            if first or self.state.article is None:
                self.state.set_article(results[0].article.id)
            if first and self.workspace is not None:
                QTimer.singleShot(0, self.workspace.fit_charts)
        self._update_status()

    def _on_article_failed(self, article_id: str, message: str) -> None:
        article = self._running.pop(article_id, None)
        if article is not None:
            self._failed[article_id] = (article, message.split(": ", 1)[-1])
        self._update_status()

    def _on_failed(self, message: str) -> None:
        self.error_banner.show_message(message)

    def _on_finished(self, cancelled: bool) -> None:
        self._flush_timer.stop()
        self._flush_results()
        if cancelled:
            dropped = [aid for aid in self._running if aid not in self.analysis]
            self._running.clear()
            self._reading = 0
            self.status.setText(cancel_text(len(dropped), len(self.analysis)))
        elif not self._running:
            n = len(self.analysis)
            self.status.setText(f"{n} article{'s' * (n != 1)} analysed.")
        if not self._running:
            self.project.autosave()
        self._update_status()
        self._update_page()
        if not self._running and not self._reading:
            self.progress.hide()
            self.cancel_button.hide()
            self.analysis_finished.emit(cancelled)

    def _update_status(self) -> None:
        if self.workspace is not None:
            self.workspace.article_list.set_status(self._running, self._failed)

    def cancel_analysis(self) -> None:
        if self.worker.busy:
            self.status.setText("Cancelling\u2026")
            self.worker.cancel()
