"""Directed stance benchmark: find_statements on directed_dev, scored by the shared score_directed.py.

    .venv/bin/python -m benchmarks.directed_accuracy [DATA_DIR] [--errors 20] [--learn]

Each record marks two entities; those spans are the task's input, so they are passed to
find_statements as the mentions "e1" and "e2" (the label fields are never read for prediction).
A statement's source and target are written as the span of the mention they were resolved to.
`--learn` re-derives resources/stance/directed_lexicon.csv from directed_train.jsonl (per-lemma
counts of the words that link the two entities), then evaluates on dev.
"""
from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _load_scorer(data: Path):
    spec = importlib.util.spec_from_file_location("score_directed", data / "score_directed.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def mentions_for(rec: dict):
    from core.model import Mention

    out = []
    for key, actor in (("entity1", "e1"), ("entity2", "e2")):
        e = rec[key]
        out.append(Mention(rec["id"], 0, e["start"], e["end"], e["text"], actor))
    return out


def _span(s, actor=None, mentions=()):
    if actor is not None:
        for m in mentions:
            if m.actor_id == actor:
                return {"start": m.start, "end": m.end, "text": m.text}
    return None if s is None else {"start": s.start, "end": s.end, "text": s.text}


def predict(records, docs):
    from core.statements import find_statements

    out, stmt_s = [], 0.0
    for rec, doc in zip(records, docs):
        mentions = mentions_for(rec)
        t0 = time.perf_counter()
        sts = find_statements(doc, mentions, rec["id"])
        stmt_s += time.perf_counter() - t0
        out.append({"id": rec["id"], "statements": [
            {"source": _span(s.source, s.source_actor, mentions), "target": _span(s.target, s.target_actor, mentions),
             "cue": {"start": s.cue.start, "end": s.cue.end, "text": s.cue.text},
             "polarity": s.polarity, "kind": s.kind} for s in sts]})
    return out, stmt_s


def learn(train: list[dict], docs, out_path: Path, min_count: int = 3) -> None:
    """Per lemma on the dependency path between the two entities: how often the pair is positive,
    negative or neutral, and how often the stance runs from the entity on the subject side."""
    from core.statements.relations import linking_words

    counts: dict[str, Counter] = defaultdict(Counter)
    for rec, doc in zip(train, docs):
        label = rec["label_name"]
        pol = "neutral" if label == "neutral" else label.split("(")[0]
        words = linking_words(doc, mentions_for(rec))
        for lemma in set(words):
            counts[lemma][pol] += 1
    rows = []
    for lemma, c in counts.items():
        n = sum(c.values())
        if n >= min_count:
            rows.append((lemma, c["positive"], c["negative"], c["neutral"]))
    rows.sort(key=lambda r: -(r[1] + r[2] + r[3]))
    with out_path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["lemma", "positive", "negative", "neutral"])
        w.writerows(rows)
    print(f"learned {len(rows)} linking lemmas from {len(train)} train sentences -> {out_path}")


def error_report(gold_records, pred, scorer, n: int) -> None:
    conf = Counter()
    examples = defaultdict(list)
    for g in gold_records:
        p = scorer.predict(g, pred.get(g["id"]))
        conf[(g["label_name"], p)] += 1
        if p != g["label_name"] and len(examples[(g["label_name"], p)]) < 3:
            examples[(g["label_name"], p)].append(g["raw"][:160])
    labels = scorer.LABELS
    print("\nconfusion (rows gold, columns predicted):")
    print(" " * 18 + "".join(f"{lab[:12]:>14}" for lab in labels))
    for g in labels:
        print(f"{g:18}" + "".join(f"{conf[(g, p)]:>14}" for p in labels))
    if n:
        for (g, p), exs in sorted(examples.items(), key=lambda kv: -conf[kv[0]])[:n]:
            print(f"\n{g} -> {p} ({conf[(g, p)]}):")
            for e in exs:
                print("   ", e)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", type=Path, default=REPO.parent / "shared" / "eval")
    ap.add_argument("--errors", type=int, default=8)
    ap.add_argument("--learn", action="store_true")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--pred", type=Path)
    args = ap.parse_args(argv)

    from core.nlp import load_pipeline

    nlp = load_pipeline().nlp
    if args.learn:
        from core.resources import resource_path
        from core.statements import lexicon

        train = _read(args.data / "directed_train.jsonl")
        learn(train, nlp.pipe((r["text"] for r in train), batch_size=64), resource_path("stance", "directed_lexicon.csv"))
        lexicon.load.cache_clear()
    records = _read(args.data / "directed_dev.jsonl")
    if args.limit:
        records = records[: args.limit]
    t0 = time.perf_counter()
    docs = list(nlp.pipe((r["text"] for r in records), batch_size=64))
    parse_s = time.perf_counter() - t0
    pred_records, stmt_s = predict(records, docs)
    if args.pred:
        with args.pred.open("w", encoding="utf-8") as fh:
            for r in pred_records:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    scorer = _load_scorer(args.data)
    pred = {r["id"]: r for r in pred_records}
    pairs = [(g["label_name"], scorer.predict(g, pred.get(g["id"]))) for g in records]
    acc, mf1 = scorer.macro(pairs)
    bacc, bmf1 = scorer.macro([(g, "neutral") for g, _ in pairs])
    n = len(records)
    print(f"directed_dev: {n} sentences")
    print(f"  accuracy     {acc:.4f}   (always-neutral {bacc:.4f})")
    print(f"  macro_f1     {mf1:.4f}   (always-neutral {bmf1:.4f})")
    for lab in scorer.LABELS:
        tp = sum(1 for g, p in pairs if g == lab and p == lab)
        fp = sum(1 for g, p in pairs if g != lab and p == lab)
        fn = sum(1 for g, p in pairs if g == lab and p != lab)
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        print(f"    {lab:18} P {pr:.3f} R {rc:.3f} F1 {f:.3f}")
    print(f"  parse        {1000 * parse_s / n:.1f} ms/sentence (spaCy)")
    print(f"  statements   {1000 * stmt_s / n:.2f} ms/sentence (find_statements)")
    error_report(records, pred, scorer, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
