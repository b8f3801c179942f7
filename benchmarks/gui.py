"""GUI timings: first window, background model load, seed drop to first result; `--synthetic N` for a big corpus."""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

STARTED = time.perf_counter()
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from PySide6.QtCore import QEventLoop, QMimeData, QPointF, Qt, QTimer, QUrl
    from PySide6.QtGui import QDropEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from desktop.app.main_window import MainWindow

    window = MainWindow(defer=True)  # as desktop.app.run starts it
    window.ask_before_discard = False
    window.show()
    app.processEvents()  # the first paint; the views load once numpy/pandas are imported
    shown = time.perf_counter() - STARTED
    print(f"first window: {shown:.2f} s (imports + construction + show, platform {app.platformName()})")
    while window.workspace is None:
        app.processEvents()
    print(f"views ready (pandas and the charts loaded): {time.perf_counter() - STARTED:.2f} s")

    def wait(signal, timeout_s: float = 120.0) -> float:
        loop, started = QEventLoop(), time.perf_counter()
        signal.connect(loop.quit)
        QTimer.singleShot(int(timeout_s * 1000), loop.quit)
        loop.exec()
        signal.disconnect(loop.quit)
        return time.perf_counter() - started

    if window.worker.pipeline is None:
        wait(window.worker.pipeline_loaded)
    pipeline = window.worker.pipeline
    print(f"language model loaded in the background by: {time.perf_counter() - STARTED:.2f} s "
          f"({'trained' if pipeline and pipeline.trained else 'fallback'}; the window stays usable meanwhile)")
    seeds = ROOT / "seeds"
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(seeds))])
    event = QDropEvent(QPointF(100, 100), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    dropped = time.perf_counter()
    window.dropEvent(event)
    first = wait(window.worker.result)
    print(f"drop seed folder -> first result: {first:.2f} s")
    if window.worker.busy or window._running:
        wait(window.analysis_finished)
    app.processEvents()
    total = time.perf_counter() - dropped
    print(f"drop seed folder -> all views refreshed: {total:.2f} s ({len(window.analysis)} article(s))")
    # Responsiveness of a correction: the visible views redraw at once; charts in hidden tabs when shown.
    actor = next(iter(window.analysis.actor_registry()), None)
    if actor:
        t0 = time.perf_counter()
        window.analysis.rename_actor(actor, "Renamed")
        app.processEvents()
        print(f"rename an actor -> visible views updated: {1000 * (time.perf_counter() - t0):.0f} ms")
        t0 = time.perf_counter()
        window.analysis.undo()
        app.processEvents()
        print(f"undo -> visible views updated: {1000 * (time.perf_counter() - t0):.0f} ms")
        for title in ("Matrix", "Stance over time"):
            t0 = time.perf_counter()
            window.show_chart(title)  # catches up with the two corrections made while hidden
            app.processEvents()
            print(f"show the {title.lower()} tab after them: {1000 * (time.perf_counter() - t0):.0f} ms")
    window.close()
    return 0



def synthetic_corpus(n_articles: int):
    """`n_articles` small analyses with consistent offsets (three actors, statements, dated events each)."""
    from datetime import date, timedelta

    from core.model import (
        Actor, Article, ArticleAnalysis, Event, Mention, Sentence, Span, Statement, TimeExpression,
    )

    actors = [Actor(f"actor-{i}", f"Actor {i}", "country") for i in range(40)]
    results = []
    for k in range(n_articles):
        aid = f"syn{k:05d}"
        sentences, text = [], f"Synthetic article {k}\n\n"
        mentions, timexes, statements, events = [], [], [], []
        for j in range(12):
            a, b = actors[(k + j) % 40], actors[(k * 7 + j + 1) % 40]
            sentence = f"{a.name} said on Monday that {b.name} must stop the offensive near town {j}."
            start = len(text)
            text += sentence + " "
            sentences.append(Sentence(aid, j, start, start + len(sentence), sentence))
            mentions.append(Mention(aid, j, start, start + len(a.name), a.name, a.id))
            cue = start + len(a.name) + 1
            day = date(2018, 1, 1) + timedelta(days=(k * 3 + j) % 365)
            on = text.index("on Monday", start)
            timexes.append(TimeExpression(aid, j, on, on + 9, "on Monday", "DATE", day.isoformat(), day,
                                          day + timedelta(days=1), "day", "relative"))
            statements.append(Statement(aid, j, cue=Span(cue, cue + 4, "said"), source=Span(start, start + len(a.name), a.name),
                                        source_actor=a.id, target_actor=b.id, topic="offensive",
                                        polarity=("support", "oppose", "neutral")[(k + j) % 3], confidence=0.7))
            events.append(Event(aid, j, start, start + len(sentence), "say", (a.id, b.id), j))
        article = Article(aid, f"Synthetic article {k}", text, "synthetic", date(2018, 1, 1) + timedelta(days=k % 365))
        results.append(ArticleAnalysis(article, tuple(sentences), tuple(actors), tuple(mentions), tuple(timexes),
                                       tuple(statements), tuple(events)))
    return results


def big_corpus(n_articles: int) -> None:
    """Adding many results in the worker's batches, then corrections, on a large synthetic corpus."""
    from PySide6.QtWidgets import QApplication

    from desktop.app.main_window import MainWindow
    from desktop.workers.analysis import AnalysisWorker

    app = QApplication.instance() or QApplication([])
    results = synthetic_corpus(n_articles)
    window = MainWindow(worker=AnalysisWorker(loader=lambda: None), load_model=False)
    window.ask_before_discard = False
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    # Results arrive as from the worker (~200 articles/s here); the window batches its redraws.
    for r in results:
        window._running[r.article.id] = r.article
    flushes = []
    window.analysis.subscribe(lambda _reason: flushes.append(1))
    t0 = time.perf_counter()
    for r in results:
        window._on_result(r)
        next_at = time.perf_counter() + 0.005
        while time.perf_counter() < next_at:
            app.processEvents()
    while len(window.analysis) < len(results):
        app.processEvents()
    added = time.perf_counter() - t0
    print(f"synthetic {n_articles} articles arriving at 200/s: all shown after {added:.2f} s "
          f"({len(flushes)} batched redraws; arrival alone takes {len(results) * 0.005:.2f} s)")
    for label, action in (
        ("rename an actor", lambda: window.analysis.rename_actor("actor-1", "Renamed")),
        ("undo", window.analysis.undo),
        ("select 200 items (evidence list + source view)",
         lambda: window.state.set_items([f"syn{k:05d}:s{j}" for k in range(20) for j in range(10)])),
        ("remove 50 selected articles", lambda: window.remove_articles(window.analysis.article_ids[:50])),
        ("undo the removal", window.undo),
    ):
        t0 = time.perf_counter()
        action()
        app.processEvents()
        print(f"  {label}: {1000 * (time.perf_counter() - t0):.0f} ms")
    window.close()


if __name__ == "__main__" and "--synthetic" in sys.argv:
    big_corpus(int(sys.argv[sys.argv.index("--synthetic") + 1]))
elif __name__ == "__main__":
    sys.exit(main())
