"""Attribution benchmark: find_statements on PolNeAR dev, scored by the shared score_statements.py.

    .venv/bin/python -m benchmarks.attribution_accuracy [DATA_DIR] [--errors 25] [--learn]

Prints the scorer's figures (cue-matched P/R/F1 and source F1), the error categories (missed and
spurious cues by lemma, wrong speakers) and the time per document against the spaCy parse.
`--learn` re-derives resources/stance/learned_cues.csv from the TRAIN split (counts only: for each
verb lemma, how often it is an annotated cue), then evaluates on dev.
"""
from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

# Kinds that PolNeAR annotates as attributions; hostile actions are stances we add on top.
ATTRIBUTION_KINDS = ("speech", "belief", "stance")


def _load_scorer(data: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, data / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _span(s):
    return None if s is None else {"start": s.start, "end": s.end, "text": s.text}


def predict(records, nlp, use_mentions: bool = True):
    """Interchange records for `records`, timing the parse and the statement step apart."""
    from core.statements import find_statements

    try:
        from core.actors import find_actors
    except ImportError:  # the actor step is another engineer's; run without it if absent
        find_actors = None
    parse_s = stmt_s = 0.0
    out = []
    t0 = time.perf_counter()
    docs = list(nlp.pipe((r["text"] for r in records), batch_size=16))
    parse_s = time.perf_counter() - t0
    for rec, doc in zip(records, docs):
        mentions = ()
        if use_mentions and find_actors is not None:
            try:
                found = find_actors(doc, rec["id"])
                mentions = found[1] if isinstance(found, tuple) else found
            except Exception:  # a broken actor step must not hide the statement figures
                mentions = ()
        t1 = time.perf_counter()
        sts = find_statements(doc, mentions, rec["id"])
        stmt_s += time.perf_counter() - t1
        out.append({"id": rec["id"], "statements": [
            {"source": _span(s.source), "cue": _span(s.cue), "content": _span(s.content),
             "target": _span(s.target), "polarity": s.polarity, "kind": s.kind} for s in sts]})
    return out, docs, parse_s, stmt_s


def _overlap(a, b):
    return bool(a and b) and a["start"] < b["end"] and b["start"] < a["end"]


def error_report(gold: dict, pred: dict, n: int) -> None:
    missed, spurious, wrong_src = Counter(), Counter(), []
    for doc_id, g in gold.items():
        ps = pred.get(doc_id, {}).get("statements", [])
        used = set()
        for ga in g.get("attributions", []):
            hit = None
            for j, pa in enumerate(ps):
                if j in used:
                    continue
                if _overlap(ga.get("cue"), pa.get("cue")) if ga.get("cue") and pa.get("cue") else \
                        _overlap(ga.get("content"), pa.get("content")):
                    hit = j
                    break
            if hit is None:
                missed[(ga.get("cue") or {}).get("text", "<none>").lower()] += 1
            else:
                used.add(hit)
                pa = ps[hit]
                ok = _overlap(ga.get("source"), pa.get("source")) or (not ga.get("source") and not pa.get("source"))
                if not ok:
                    wrong_src.append((pa["cue"]["text"], (ga.get("source") or {}).get("text"),
                                      (pa.get("source") or {}).get("text")))
        for j, pa in enumerate(ps):
            if j not in used:
                spurious[pa["cue"]["text"].lower()] += 1
    print(f"\nmissed gold cues ({sum(missed.values())}), top {n}:")
    print("  " + ", ".join(f"{k!r}:{v}" for k, v in missed.most_common(n)))
    print(f"spurious predicted cues ({sum(spurious.values())}), top {n}:")
    print("  " + ", ".join(f"{k!r}:{v}" for k, v in spurious.most_common(n)))
    print(f"matched with wrong source ({len(wrong_src)}); gold None: "
          f"{sum(1 for w in wrong_src if w[1] is None)}, predicted None: {sum(1 for w in wrong_src if w[2] is None)}")
    for cue, g, p in wrong_src[:n]:
        print(f"  {cue!r:18} gold={g!r:40.40} pred={p!r:.40}")


def learn(train: list[dict], nlp, out_path: Path, min_count: int = 4, min_share: float = 0.35) -> None:
    """Counts, per verb lemma in TRAIN, how often it heads an annotated cue; keeps the frequent ones."""
    cue_hits, seen = Counter(), Counter()
    for rec, doc in zip(train, nlp.pipe((r["text"] for r in train), batch_size=16)):
        cue_starts = set()
        for a in rec.get("attributions", []):
            cue = a.get("cue")
            if cue:
                for frag in cue.get("fragments") or [[cue["start"], cue["end"]]]:
                    cue_starts.update(range(frag[0], frag[1]))
        for tok in doc:
            if tok.pos_ != "VERB":
                continue
            lemma = tok.lemma_.lower()
            seen[lemma] += 1
            if tok.idx in cue_starts:
                cue_hits[lemma] += 1
    rows = []
    for lemma, hits in cue_hits.items():
        share = hits / seen[lemma]
        if hits >= min_count and share >= min_share and lemma.isalpha():
            rows.append((lemma, round(share, 3), hits, seen[lemma]))
    rows.sort(key=lambda r: -r[2])
    with out_path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["lemma", "share", "cue_count", "verb_count", "kind", "needs"])
        for lemma, share, hits, total in rows:
            w.writerow([lemma, share, hits, total, "speech", "clause"])
    print(f"learned {len(rows)} cue lemmas from {len(train)} train docs -> {out_path}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", type=Path, default=REPO.parent / "shared" / "eval")
    ap.add_argument("--errors", type=int, default=20)
    ap.add_argument("--learn", action="store_true", help="re-learn the cue list from the train split first")
    ap.add_argument("--no-mentions", action="store_true", help="skip core.actors (statement step alone)")
    ap.add_argument("--all-kinds", action="store_true", help="also score action statements")
    ap.add_argument("--pred", type=Path, help="write the predictions here (JSONL)")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args(argv)

    from core.nlp import load_pipeline

    nlp = load_pipeline().nlp
    if args.learn:
        from core.resources import resource_path

        learn(_read(args.data / "attribution_train_polnear.jsonl"), nlp, resource_path("stance", "learned_cues.csv"))
        from core.statements import lexicon

        lexicon.load.cache_clear()
    gold_records = _read(args.data / "attribution_dev_polnear.jsonl")
    if args.limit:
        gold_records = gold_records[: args.limit]
    pred_records, _docs, parse_s, stmt_s = predict(gold_records, nlp, not args.no_mentions)
    if not args.all_kinds:
        for r in pred_records:
            r["statements"] = [s for s in r["statements"] if s["kind"] in ATTRIBUTION_KINDS]
    if args.pred:
        with args.pred.open("w", encoding="utf-8") as fh:
            for r in pred_records:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    scorer = _load_scorer(args.data, "score_statements")
    gold = {r["id"]: r for r in gold_records}
    pred = {r["id"]: r for r in pred_records}
    result = scorer.score(gold, pred)
    n = len(gold_records)
    print(f"attribution_dev_polnear: {n} docs, kinds={'all' if args.all_kinds else ','.join(ATTRIBUTION_KINDS)}")
    for k, v in result.items():
        print(f"  {k:12s} {v:.4f}" if isinstance(v, float) else f"  {k:12s} {v}")
    print(f"  parse        {1000 * parse_s / n:.1f} ms/doc (spaCy)")
    print(f"  statements   {1000 * stmt_s / n:.1f} ms/doc (find_statements)")
    if args.errors:
        error_report(gold, pred, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
