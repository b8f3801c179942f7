"""Prints every merged event (a group of two or more sentences) of a corpus, for judging merge precision by hand."""
# Usage: .venv/bin/python benchmarks/event_groups_review.py [--corpus polnear_dev] [--data ../shared/eval]
#
# The corpus folder comes from benchmarks/corpora.py; the articles are analysed in-process as the app
# does (core.ingest, core.pipeline, core.analysis.Analysis.event_groups). For each group: its size, how
# many articles tell it, then one line per member (date, certainty, predicates, participants, sentence).
# A reader marks each member after the first as rightly or wrongly joined: merge precision is the share of
# right links (a group of k members has k - 1 links). The figures recorded in BENCHMARKS.md were counted
# this way.
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpora import DEFAULT_CACHE, DEFAULT_DATA, materialise  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", action="append", help="corpus name (repeatable); default polnear_dev")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args(argv)
    from core.analysis import Analysis
    from core.ingest import load_paths
    from core.pipeline import analyse_all

    for name in args.corpus or ["polnear_dev"]:
        folder = materialise(name, args.data, DEFAULT_CACHE)
        analysis = Analysis(analyse_all(load_paths([folder]).articles))
        table = analysis.timeline().merge(analysis.event_groups(), on="event_id")
        multi = table[table["group_size"] > 1].sort_values(["group_id", "date_start"], kind="stable")
        links = int((multi.groupby("group_id").size() - 1).sum())
        print(f"### {name}: {len(table)} dated events, {multi['group_id'].nunique()} merged events "
              f"({len(multi)} sentences, {links} links), "
              f"{multi[multi['group_articles'] > 1]['group_id'].nunique()} across articles")
        for gid, rows in multi.groupby("group_id", sort=False):
            print(f"== {gid}: {len(rows)} sentences, {rows['group_articles'].iloc[0]} articles")
            for r in rows.itertuples():
                print(f"   {r.date_start:%Y-%m-%d} {r.certainty[:5]:<5} [{r.predicates}] ({r.actors[:50]}) "
                      f"{r.sentence[:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
