"""Time-expression accuracy on the dev sets: writes predictions in the interchange format and runs the shared scorer.

Usage:
    .venv/bin/python benchmarks/timex_accuracy.py [--data ../shared/eval] [--errors timex_errors.txt]
        [--files timex_dev_tempeval3_train.jsonl,timex_dev_meantime_apple.jsonl] [--docs-cache DIR] [--blank]

Predictions come from the project's batch annotation (`core.annotate`, the `standpoint annotate`
command) with only the `timexes` layer. `--docs-cache DIR` keeps the parsed documents between runs
(a DocBin per file) and calls `core.temporal.find_timexes` on them directly: the same step, without
re-parsing, for a quick loop while working through the error list. `--blank` measures the same step
on the rule-based fallback documents (no POS, parse or entities).
"""
from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FILES = ("timex_dev_tempeval3_train.jsonl", "timex_dev_meantime_apple.jsonl")


def _records(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _predict_annotate(records: list[dict]) -> list[dict]:
    from core.annotate import annotate_records

    inputs = [{"id": r["id"], "text": r["text"], "dct": r.get("dct")} for r in records]
    return list(annotate_records(inputs, layers=("timexes",)))


def _predict_cached(records: list[dict], cache: Path | None, name: str, blank: bool = False) -> list[dict]:
    from spacy.tokens import DocBin

    from core.nlp import blank_pipeline, load_pipeline
    from core.temporal import find_timexes, is_range

    nlp = (blank_pipeline() if blank else load_pipeline()).nlp
    path = cache / f"{name}.spacy" if cache else None
    if blank:
        docs = list(nlp.pipe(r["text"] for r in records))
    elif path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe((r["text"] for r in records), batch_size=16))
        cache.mkdir(parents=True, exist_ok=True)
        DocBin(store_user_data=False, docs=docs).to_disk(path)
    out = []
    for r, doc in zip(records, docs):
        dct = date.fromisoformat(r["dct"][:10]) if r.get("dct") else None
        out.append({"id": r["id"], "timexes": [
            {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
            for t in find_timexes(doc, dct, r["id"]) if not is_range(t)]})  # as annotate writes them
    return out


def _score(gold: Path, pred: Path, errors: Path | None) -> str:
    cmd = [sys.executable, str(gold.parent / "score_timex.py"), str(gold), str(pred)]
    if errors:
        cmd += ["--errors", str(errors)]
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def _grouped(raw: Path) -> str:
    """The scorer's error dump grouped by category, most frequent phrases first."""
    groups: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for line in raw.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        kind, phrase = parts[0], parts[2].lower()
        detail = "\t".join(parts[3:])
        key = f"{phrase}\t{detail}" if kind == "VALUE" else phrase
        groups[kind].update([key])
    out = []
    for kind in ("MISS", "FP", "VALUE"):
        c = groups.get(kind, collections.Counter())
        out.append(f"## {kind} ({sum(c.values())})")
        out.extend(f"{n}\t{k}" for k, n in c.most_common())
    return "\n".join(out) + "\n"


def _by_rule(gold_records: list[dict], preds: list[dict]) -> str:
    """Per pattern rule: predictions with the right value, a wrong value, or no gold at all.

    Matching follows the scorer (overlap, an exact extent preferred); the rule is the first whose
    pattern reads the predicted phrase whole ("?" for modifier-prefixed or entity phrases).
    """
    from core.temporal.candidates import match_phrase

    def rule_of(phrase: str) -> str:
        c = match_phrase(phrase)
        return c.rule if c else "?"

    stats: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    by_id = {p["id"]: p.get("timexes", []) for p in preds}
    for g in gold_records:
        dcts = [t for t in g.get("timexes", []) if t.get("functionInDocument") == "CREATION_TIME"
                or t.get("attrs", {}).get("functionInDocument") == "CREATION_TIME"]
        gt = [t for t in g.get("timexes", []) if t not in dcts]
        until = g.get("scored_until", len(g.get("text", "")) + 1)
        pt = [p for p in by_id.get(g["id"], []) if p["start"] < until
              and not any(p["start"] < d["end"] and d["start"] < p["end"] for d in dcts)]
        used: set[int] = set()
        for t in gt:
            best = None
            for j, p in enumerate(pt):
                if j not in used and p["start"] < t["end"] and t["start"] < p["end"]:
                    if best is None or (p["start"], p["end"]) == (t["start"], t["end"]):
                        best = j
                        if (p["start"], p["end"]) == (t["start"], t["end"]):
                            break
            if best is not None:
                used.add(best)
                p = pt[best]
                stats[rule_of(p["text"])]["ok" if str(p["value"]) == str(t.get("value")) else "wrong"] += 1
        for j, p in enumerate(pt):
            if j not in used:
                stats[rule_of(p["text"])]["fp"] += 1
    rows = sorted(stats.items(), key=lambda kv: -(kv[1]["wrong"] + kv[1]["fp"]))
    out = ["## BY RULE (right value / wrong value / no gold)"]
    out.extend(f"{r}\t{c['ok']}\t{c['wrong']}\t{c['fp']}" for r, c in rows)
    return "\n".join(out) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--files", default=",".join(FILES))
    ap.add_argument("--errors", type=Path, help="write the grouped error list here (one section per file)")
    ap.add_argument("--docs-cache", type=Path, help="keep parsed docs here and call find_timexes directly")
    ap.add_argument("--keep", type=Path, help="folder to keep the prediction files in")
    ap.add_argument("--blank", action="store_true",
                    help="measure the rule-based fallback (no tagger, parser or NER) instead of the trained pipeline")
    a = ap.parse_args(argv)
    error_text = []
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = a.keep or Path(tmp)
        out_dir.mkdir(parents=True, exist_ok=True)
        for name in a.files.split(","):
            gold = a.data / name
            records = _records(gold)
            t0 = time.perf_counter()
            if a.blank:
                preds = _predict_cached(records, None, gold.stem, blank=True)
                how = "find_timexes on fallback (blank) docs"
            elif a.docs_cache:
                preds = _predict_cached(records, a.docs_cache, gold.stem)
                how = "find_timexes on cached docs"
            else:
                preds = _predict_annotate(records)
                how = "core.annotate --layers timexes"
            elapsed = time.perf_counter() - t0
            pred_path = out_dir / f"pred_{gold.stem}.jsonl"
            with open(pred_path, "w", encoding="utf-8") as fh:
                for p in preds:
                    fh.write(json.dumps(p, ensure_ascii=False) + "\n")
            raw = out_dir / f"errors_{gold.stem}.tsv"
            print(f"== {name}: {len(records)} docs, {how}, {elapsed:.1f} s")
            print(_score(gold, pred_path, raw), end="")
            error_text.append(f"# {name}\n" + _grouped(raw) + _by_rule(records, preds))
    if a.errors:
        a.errors.write_text("\n".join(error_text), encoding="utf-8")
        print(f"error list: {a.errors}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
