"""Directed stance benchmark: find_statements on directed_dev, scored by the shared score_directed.py.

    .venv/bin/python -m benchmarks.directed_accuracy [DATA_DIR] [--errors 20] [--learn]

Each record marks two entities; those spans are the task's input, so they are passed to
find_statements as the mentions "e1" and "e2" (the label fields are never read for prediction).
A statement's source and target are written as the span of the mention they were resolved to.
`--learn` re-derives resources/stance/directed_weights.json from directed_train.jsonl (logistic
weights over the words that link the two entities and their roles), then evaluates on dev.
"""
from __future__ import annotations

import argparse
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


def examples(records, docs, lex):
    """Polarity and direction training examples for the linked entity pairs of `records`."""
    from core.statements.relations import direction_features, head_of, link, polarity_features

    pol_x, pol_y, dir_x, dir_y = [], [], [], []
    for rec, doc in zip(records, docs):
        m1, m2 = mentions_for(rec)
        got = link(doc, m1, m2)
        if got is None:
            continue
        a, b, found, toks, extra = got
        label = rec["label_name"]
        pol_x.append(polarity_features(a, b, found, toks, extra, lex))
        pol_y.append(0 if label == "neutral" else 1 if label.startswith("positive") else 2)
        if label != "neutral":
            e1_first = a.i == head_of(doc, m1).i
            dir_x.append(direction_features(a, b, found))
            dir_y.append(int(("e1->e2" in label) == e1_first))
    return pol_x, pol_y, dir_x, dir_y


def learn(train: list[dict], docs, out_path: Path) -> None:
    """Logistic weights for link polarity (neutral/support/oppose) and direction, from TRAIN."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from attribution_accuracy import fit_logistic
    from core.statements.lexicon import load

    pol_x, pol_y, dir_x, dir_y = examples(train, docs, load())
    pol = fit_logistic(pol_x, pol_y, n_classes=3, iters=400)
    dirw = fit_logistic(dir_x, dir_y, iters=400)
    out_path.write_text(json.dumps({
        "about": "logistic weights: polarity classes 0 neutral, 1 support, 2 oppose; direction 0 = from the "
                 "earlier mention; learned from directed_train.jsonl (benchmarks/directed_accuracy.py --learn)",
        "polarity": {str(k): v for k, v in pol.items()}, "direction": {"0": dirw[0]}}, indent=0, sort_keys=True),
        encoding="utf-8")
    print(f"learned link weights from {len(pol_x)} linked train pairs ({len(dir_x)} with a direction) -> {out_path}")


def error_report(gold_records, pred, scorer, n: int) -> None:
    conf = Counter()
    shown = defaultdict(list)
    for g in gold_records:
        p = scorer.predict(g, pred.get(g["id"]))
        conf[(g["label_name"], p)] += 1
        if p != g["label_name"] and len(shown[(g["label_name"], p)]) < 3:
            shown[(g["label_name"], p)].append(g["raw"][:160])
    labels = scorer.LABELS
    print("\nconfusion (rows gold, columns predicted):")
    print(" " * 18 + "".join(f"{lab[:12]:>14}" for lab in labels))
    for g in labels:
        print(f"{g:18}" + "".join(f"{conf[(g, p)]:>14}" for p in labels))
    if n:
        for (g, p), exs in sorted(shown.items(), key=lambda kv: -conf[kv[0]])[:n]:
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
        train = _read(args.data / "directed_train.jsonl")
        learn(train, nlp.pipe((r["text"] for r in train), batch_size=64), resource_path("stance", "directed_weights.json"))
        from core.statements import relations

        relations.learned_weights.cache_clear()
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
