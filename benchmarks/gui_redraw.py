"""Redraw time of the timeline and matrix views on a big synthetic corpus, against an empty-view baseline.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/gui_redraw.py [--events 100000] [--actors 300]

Prints milliseconds (median of --repeat runs) for: a repaint of the current view, a pan/zoom
(view change + repaint), a selection highlight (state change + repaint) and a full refresh from
the (cached) analysis tables (rebuilding the batched items + repaint). Target: < 50 ms per repaint.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def timed(fn, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    return statistics.median(samples)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--actors", type=int, default=300)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--statements", type=int, default=20, help="statements per article")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from core.analysis import Analysis
    from desktop.charts.matrix import MatrixView
    from desktop.charts.timeline import TimelineView
    from desktop.state import SelectionState
    from tests.support.synthetic import synthetic_results

    t = time.perf_counter()
    big = Analysis(synthetic_results(args.events, args.actors, args.articles, days=730,
                                     statements_per_article=args.statements))
    built = time.perf_counter() - t
    t = time.perf_counter()
    big.timeline()
    big.statements_table()
    tables = time.perf_counter() - t
    print(f"corpus: {args.events:,} events, {args.actors} actors, {args.articles} articles, "
          f"{args.articles * args.statements:,} statements (built in {built:.1f} s, tables {tables:.1f} s)")

    def show(widget):
        widget.resize(1280, 800)
        widget.show()
        app.processEvents()
        widget.fit()
        app.processEvents()
        return widget

    def repaint(widget):
        # synchronous paint of the whole chart: what the user waits for after any change
        view = widget.graphics_view()
        view.viewport().repaint()

    rows = []
    for name, cls in (("timeline", TimelineView), ("matrix", MatrixView)):
        for label, analysis in (("empty (baseline)", Analysis()), (f"{args.events:,} events", big)):
            state = SelectionState()
            t = time.perf_counter()
            widget = show(cls(analysis, state))
            first = (time.perf_counter() - t) * 1000
            vb = widget.graphics_view().getPlotItem().getViewBox() if hasattr(widget.graphics_view(), "getPlotItem") \
                else None
            # the first frames after showing also settle layout and caches: not what a user waits for
            for _ in range(3):
                repaint(widget)
            result = {"chart": name, "data": label, "first show": first,
                      "repaint": timed(lambda: repaint(widget), args.repeat)}
            if vb is not None:
                def pan():
                    (x0, x1) = vb.viewRange()[0]
                    vb.translateBy(x=(x1 - x0) * 0.05)
                    repaint(widget)
                result["pan+repaint"] = timed(pan, args.repeat)
            actors = [a for a in (analysis.actor_registry() or {})][:args.repeat + 1]
            if actors:
                it = iter(actors * 2)
                result["select actor"] = timed(lambda: (state.set_actor(next(it)), repaint(widget)), args.repeat)
            hit = getattr(widget, "mark_at", None) or getattr(widget, "cell_at", None)
            centre = widget.graphics_view().getPlotItem().getViewBox().sceneBoundingRect().center()
            result["hover"] = timed(lambda: hit(centre), args.repeat)
            result["refresh"] = timed(lambda: (widget.refresh(), repaint(widget)), max(3, args.repeat // 2))
            rows.append(result)
            widget.close()
            widget.deleteLater()
            app.processEvents()

    columns = ["first show", "repaint", "pan+repaint", "select actor", "hover", "refresh"]
    print(f"\n{'chart':<9} {'data':<18}" + "".join(f"{c:>14}" for c in columns) + "   (ms, median)")
    for r in rows:
        cells = "".join(f"{r[c]:>14.1f}" if c in r else f"{'-':>14}" for c in columns)
        print(f"{r['chart']:<9} {r['data']:<18}{cells}")
    print("\ntarget: repaint, pan and select < 50 ms; hover = hit test under the cursor; refresh rebuilds from cached tables (not per frame)")


if __name__ == "__main__":
    main()
