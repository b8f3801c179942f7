"""Time from a user correction to updated tables, incremental `Analysis` vs the from-scratch rebuild.

    .venv/bin/python benchmarks/corrections_speed.py [--repeat 5] [--sizes 1000:100000,300:30000]

For each corpus size (articles:events, 20 statements an article, 300 actors; the synthetic corpus of
benchmarks/gui_redraw.py) and each correction (rename, merge, polarity override, event date fix,
publication date fix, undo) prints the median milliseconds to make the change and get
events_table + statements_table + actors_table + stance_matrix, for the incremental tables and for
the from-scratch builders (`tests/core/analysis/reference_tables.py`, as before) in the same run, and their ratio.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def tables(analysis) -> None:
    analysis.events_table()
    analysis.statements_table()
    analysis.actors_table()
    analysis.stance_matrix()


def corrections(analysis, kind: str, run: int, n_articles: int, per_article: int) -> None:
    """The run-th correction of a kind: a different actor, statement, event or article each time."""
    from core.analysis import event_id, statement_id

    article = f"art{(run * 37) % n_articles}"
    if kind == "rename":
        analysis.rename_actor(f"actor-{2 * run}", f"Renamed actor {run}")
    elif kind == "merge":
        analysis.merge_actors([f"actor-{2 * run + 1}"], into=f"actor-{2 * run + 101}")
    elif kind == "polarity":
        analysis.set_polarity(statement_id(article, run % 20), ("support", "oppose", "neutral", "rejected")[run % 4])
    elif kind == "event date":
        analysis.set_event_date(event_id(article, run % per_article), date(2018, 1, 1) + timedelta(days=run))
    elif kind == "publication date":
        analysis.set_published(article, date(2018, 6, 1) + timedelta(days=run))


def timed_change(analysis, kind: str, run: int, n_articles: int, per_article: int) -> float:
    if kind == "undo":
        corrections(analysis, "rename", 50 + run, n_articles, per_article)
        tables(analysis)
        start = time.perf_counter()
        analysis.undo()
    else:
        start = time.perf_counter()
        corrections(analysis, kind, run, n_articles, per_article)
    tables(analysis)
    return (time.perf_counter() - start) * 1000


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000:100000,300:30000", help="articles:events, comma separated")
    parser.add_argument("--actors", type=int, default=300)
    parser.add_argument("--statements", type=int, default=20, help="statements per article")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    from core.analysis import Analysis
    from tests.core.analysis.reference_tables import full_analysis_class
    from tests.support.synthetic import synthetic_results

    full_analysis = full_analysis_class()
    kinds = ("rename", "merge", "polarity", "event date", "publication date", "undo")
    for size in args.sizes.split(","):
        n_articles, n_events = (int(x) for x in size.split(":"))
        results = synthetic_results(n_events, args.actors, n_articles, days=730,
                                    statements_per_article=args.statements)
        print(f"\n{n_events:,} events, {n_articles:,} articles, {n_articles * args.statements:,} statements, "
              f"{args.actors} actors; median of {args.repeat} (ms): change + events, statements, actors "
              "tables + stance matrix")
        figures = {}
        for label, cls in (("from scratch", full_analysis), ("incremental", Analysis)):
            start = time.perf_counter()
            analysis = cls(results)
            tables(analysis)
            first = (time.perf_counter() - start) * 1000
            runs = {kind: [timed_change(analysis, kind, run, n_articles, n_events // n_articles)
                           for run in range(args.repeat)] for kind in kinds}
            figures[label] = {"first tables": first, **{k: statistics.median(v) for k, v in runs.items()}}
        print(f"{'':<18}{'from scratch':>14}{'incremental':>14}{'ratio':>9}")
        for kind in ("first tables", *kinds):
            old, new = figures["from scratch"][kind], figures["incremental"][kind]
            print(f"{kind:<18}{old:>14.1f}{new:>14.1f}{old / max(new, 1e-6):>8.0f}x")


if __name__ == "__main__":
    main()
