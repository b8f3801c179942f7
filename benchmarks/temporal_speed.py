"""Speed of the temporal step alone against spaCy's parse of the same documents (docs per second).

Usage:
    .venv/bin/python benchmarks/temporal_speed.py [--data ../shared/eval] [--limit 120] [--repeat 3]

Texts come from the TempEval-3 dev file when the data folder is there, else the seed article.
The target: the temporal step takes under a quarter of the parse time.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _texts(data: Path, limit: int) -> tuple[list[str], list[date | None], str]:
    path = data / "timex_dev_tempeval3_train.jsonl"
    if path.exists():
        recs = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()][:limit]
        return ([r["text"] for r in recs], [date.fromisoformat(r["dct"][:10]) if r.get("dct") else None for r in recs],
                path.name)
    seed = (ROOT / "seeds" / "idlib-offensive-2018.txt").read_text(encoding="utf-8")
    return [seed] * limit, [date(2018, 8, 29)] * limit, "seed article"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--limit", type=int, default=120)
    ap.add_argument("--repeat", type=int, default=3, help="runs of the temporal step (best is kept)")
    a = ap.parse_args(argv)

    from core.nlp import load_pipeline
    from core.temporal import find_timexes

    pipeline = load_pipeline()
    texts, dcts, origin = _texts(a.data, a.limit)
    chars = sum(len(t) for t in texts)
    find_timexes(pipeline.nlp("Warm-up on Friday, 3 May 2018."), date(2018, 5, 4))

    t0 = time.perf_counter()
    docs = list(pipeline.pipe(texts, batch_size=16))
    parse = time.perf_counter() - t0

    best = float("inf")
    n_found = 0
    for _ in range(a.repeat):
        t0 = time.perf_counter()
        n_found = sum(len(find_timexes(doc, dct, str(i))) for i, (doc, dct) in enumerate(zip(docs, dcts)))
        best = min(best, time.perf_counter() - t0)

    print(f"documents       {len(docs)} ({origin}, {chars / len(docs):.0f} chars each on average)")
    print(f"pipeline        {pipeline.name} (trained={pipeline.trained})")
    print(f"spaCy parse     {parse:.2f} s   {len(docs) / parse:8.1f} docs/s")
    print(f"temporal step   {best:.2f} s   {len(docs) / best:8.1f} docs/s   ({n_found} expressions)")
    print(f"temporal/parse  {best / parse:.3f}  (target < 0.25)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
