"""The desktop on a big project: open it, redraw, select, search, correct and undo, with each view's time, and memory.

    QT_QPA_PLATFORM=offscreen python -m benchmarks.desktop_scale build/scale/10000.standpoint [--screenshot docs/x.png]
    python -m benchmarks.desktop_scale --reanalyse 200 --rounds 3     # memory across re-analysis and cancel

A correction is "visible in every view" when the visible views have redrawn and each hidden chart tab,
shown next, has caught up: both are timed. Milliseconds are wall time on the GUI thread (what the
user waits for); CPU seconds are given where the machine's load makes wall time noisy.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_mb() -> float:
    from benchmarks.scale import tree_rss

    return tree_rss(os.getpid()) / 2**20


def ms(fn, repeat: int = 1) -> float:
    samples = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        samples.append(1000 * (time.perf_counter() - t))
    return statistics.median(samples)


def open_and_use(path: Path, screenshot: Path | None) -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from desktop.app.main_window import MainWindow
    from desktop.workers.analysis import AnalysisWorker

    window = MainWindow(worker=AnalysisWorker(loader=lambda: None), load_model=False)
    window.ask_before_discard = False
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    print(f"window shown; memory {rss_mb():,.0f} MB; load average {os.getloadavg()[0]:.1f}")
    import shutil
    import tempfile

    # a copy: the window autosaves, and the corrections made here must not land in the benchmark's project
    copy = Path(tempfile.mkdtemp()) / path.name
    shutil.copy(path, copy)
    t, c = time.perf_counter(), time.process_time()
    assert window.open_project(copy)
    while window.workspace is None or not len(window.analysis):
        app.processEvents()
    app.processEvents()
    print(f"open {path.name}: {len(window.analysis):,} articles, views drawn after {time.perf_counter() - t:.1f} s "
          f"({time.process_time() - c:.1f} s CPU); memory {rss_mb():,.0f} MB")
    ws = window.workspace
    a = window.analysis
    actors = list(a.actor_registry())
    top = a.actors_table().sort_values("n_mentions", ascending=False)["actor_id"].tolist()[:5]
    rows = []

    def step(label, action, repeat=3):
        def run():
            action()
            app.processEvents()
        rows.append((label, ms(run, repeat)))

    def repaint(widget):
        view = widget.graphics_view() if hasattr(widget, "graphics_view") else widget
        view.viewport().repaint()

    for title, widget in ws.chart_widgets.items():
        ws.show_chart(title)
        app.processEvents()
        step(f"redraw: {title}", lambda w=widget: repaint(w))
    ws.show_chart("Timeline")
    app.processEvents()
    timeline = ws.chart_widgets["Timeline"]
    box = timeline.plot.getViewBox()
    span = box.viewRange()[0][1] - box.viewRange()[0][0]
    shifts = iter([span / 10, -span / 10] * 3)
    # the move, then the event loop paints once, as when the user drags or scrolls (a repaint() here as
    # well painted twice: once at once, once more for the scene's queued update)
    step("pan the timeline by a tenth, painted", lambda: box.translateBy(x=next(shifts)))
    zooms = iter([0.5, 2.0] * 3)
    step("zoom the timeline in / out, painted", lambda: box.scaleBy(x=next(zooms), y=1))
    step("redraw: article list (10,000 rows)", lambda: ws.article_list.table.viewport().repaint())
    ws.left.setCurrentWidget(ws.actor_panel)
    app.processEvents()
    step(f"redraw: actor list ({len(actors):,} rows)", lambda: ws.actor_panel.table.viewport().repaint())
    ws.left.setCurrentWidget(ws.article_list)
    app.processEvents()
    it = iter(top * 3)
    step("select an actor (every view follows)", lambda: window.state.set_actor(next(it)))
    ids = a.article_ids
    it2 = iter(ids[::997])
    step("select an article (list, source view)", lambda: window.state.set_article(next(it2)))
    statements = a.statements_table()["statement_id"].tolist()
    step("select 500 items (evidence list)", lambda: window.state.set_items(statements[:500]), 2)
    window.search.setText("said")
    step("search \u201csaid\u201d (evidence list, charts)", window.search.run, 1)
    actor = top[0]
    for label, selection in (("a cell's 40 statements selected", statements[:40]),
                             ("the search's items selected", None)):
        if selection is not None:
            window.state.set_items(selection)
        else:
            window.search.run()
        app.processEvents()
        n = len(window.state.items)
        step(f"rename an actor, {label} ({n:,}): visible views",
             lambda: a.rename_actor(actor, f"Renamed {time.perf_counter():.3f}"), 2)
        step(f"  undo ({n:,} selected)", window.undo, 1)
    window.state.set_items(statements[:40])
    app.processEvents()
    step("rename an actor (40 selected): visible views", lambda: a.rename_actor(actor, f"Renamed {time.perf_counter():.3f}"), 1)
    hidden = [title for title in ws.chart_widgets if ws.charts.currentWidget() is not ws.chart_widgets[title]]
    for title in hidden:
        step(f"  then show {title} (catches up)", lambda t=title: ws.show_chart(t), 1)
    ws.show_chart("Timeline")
    app.processEvents()
    step("undo: visible views", window.undo, 1)
    step("polarity override: visible views",
         lambda: a.set_polarity(statements[0], "support"), 1)
    step("undo", window.undo, 1)
    print(f"\n{'':52}{'ms':>8}")
    for label, value in rows:
        print(f"{label:52}{value:>8.0f}")
    print(f"\nmemory after: {rss_mb():,.0f} MB; load average {os.getloadavg()[0]:.1f}")
    if screenshot:
        ws.show_chart("Timeline")
        window.state.set_actor(top[0])
        app.processEvents()
        window.grab().save(str(screenshot))
        print(f"screenshot {screenshot}")
    window.close()


def reanalyse_rounds(n: int, rounds: int) -> None:
    """Analyse `n` articles, then re-analyse them and cancel half-way, `rounds` times: memory after each."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from benchmarks.scale_corpus import build
    from core.ingest import load_paths
    from desktop.app.main_window import MainWindow

    articles = load_paths([build(1000)]).articles[:n]
    window = MainWindow()
    window.ask_before_discard = False
    window.show()

    def wait(signal, timeout_s=1800):
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(int(timeout_s * 1000), loop.quit)
        loop.exec()
        signal.disconnect(loop.quit)

    if window.worker.pipeline is None:
        wait(window.worker.pipeline_loaded)
    print(f"model loaded; memory {rss_mb():,.0f} MB (window + workers)")
    t = time.perf_counter()
    window.analyse(articles)
    wait(window.analysis_finished)
    print(f"analysed {len(window.analysis)} in {time.perf_counter() - t:.0f} s; memory {rss_mb():,.0f} MB")
    for r in range(rounds):
        cancel_at = [len(articles) // 2]
        seen = [0]

        def on_result(_r):
            seen[0] += 1
            if seen[0] == cancel_at[0]:
                window.cancel_analysis()
        window.worker.result.connect(on_result)
        window.reanalyse_articles(window.analysis.article_ids)
        wait(window.analysis_finished)
        window.worker.result.disconnect(on_result)
        app.processEvents()
        print(f"round {r + 1}: re-analysed all and cancelled at {cancel_at[0]}; memory {rss_mb():,.0f} MB")
        window.analysis.remove_many(window.analysis.article_ids[: n // 2])
        window.analyse(articles[: n // 2])
        wait(window.analysis_finished)
        app.processEvents()
        print(f"round {r + 1}: removed and analysed {n // 2} again; memory {rss_mb():,.0f} MB")
    window.close()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", nargs="?", type=Path)
    parser.add_argument("--screenshot", type=Path)
    parser.add_argument("--reanalyse", type=int, default=0, help="articles for the memory rounds")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    if args.reanalyse:
        reanalyse_rounds(args.reanalyse, args.rounds)
    if args.project:
        open_and_use(args.project, args.screenshot)
    return 0


if __name__ == "__main__":
    sys.exit(main())
