"""Words per second of the whole Standpoint analysis against spaCy's own nlp.pipe on the same texts, same run."""
from __future__ import annotations

import argparse
import json
import platform
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus(data_dir: Path, limit: int) -> list[str]:
    """News texts: the TempEval-3 training documents when the eval folder is there, else the seed repeated."""
    path = data_dir / "timex_dev_tempeval3_train.jsonl"
    if path.is_file():
        with open(path, encoding="utf-8") as fh:
            return [json.loads(line)["text"] for line in fh if line.strip()][:limit]
    from core.ingest import load_file

    return [load_file(ROOT / "seeds" / "idlib-offensive-2018.txt").text] * min(limit, 20)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--limit", type=int, default=120)
    ap.add_argument("--repeat", type=int, default=2, help="best of N runs for each side")
    args = ap.parse_args()

    from core.ingest import article_from_text
    from core.nlp import load_pipeline
    from core.pipeline import analyse_articles

    texts = corpus(args.data, args.limit)
    words = sum(len(t.split()) for t in texts)
    pipeline = load_pipeline()
    articles = [article_from_text(t, title=f"doc{i}", published=None) for i, t in enumerate(texts)]
    # warm up: loading lexicons, first-call caches
    list(analyse_articles(articles[:2], pipeline))

    def spacy_only() -> float:
        t0 = time.perf_counter()
        for _ in pipeline.pipe((a.text for a in articles), batch_size=8):
            pass
        return time.perf_counter() - t0

    def standpoint() -> float:
        t0 = time.perf_counter()
        for _ in analyse_articles(articles, pipeline):
            pass
        return time.perf_counter() - t0

    base = min(spacy_only() for _ in range(args.repeat))
    full = min(standpoint() for _ in range(args.repeat))
    print(f"machine        {platform.machine()} {platform.processor() or ''} python {platform.python_version()}")
    print(f"pipeline       {pipeline.name} (trained={pipeline.trained})")
    print(f"documents      {len(texts)}  words {words}")
    print(f"spaCy nlp.pipe {words / base:,.0f} words/s  ({len(texts) / base:.1f} docs/s)")
    print(f"standpoint     {words / full:,.0f} words/s  ({len(texts) / full:.1f} docs/s)")
    print(f"ratio          {full / base:.2f}x spaCy's parse time "
          f"(analysis steps add {100 * (full - base) / base:.0f}%)")


if __name__ == "__main__":
    main()
