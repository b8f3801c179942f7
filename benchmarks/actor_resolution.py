"""Benchmark: named mentions -> canonical actors on MEANTIME (gold coreference by entity_name).

Usage: .venv/bin/python benchmarks/actor_resolution.py [--data DIR] [--errors N] [--blank]

Gold: each record's `entities`; a gold *named* mention is one of syntactic type NAM or PRE.NAM, or
an untyped mention whose text starts with a capital and is not a pronoun ("Jobs", "Apple Corps").
Gold entities are (document, entity_name). Scored types: PER and ORG (actors); LOC is reported
apart since only countries are actors here (cities are places).

Matching: a gold mention is *found* when one of our mentions overlaps it; when several do ("Apple
CEO Steve Jobs" holds "Apple" and "Steve Jobs") the rightmost wins (the head of an English name
phrase).
- mention recall = found / gold named mentions.
- cluster accuracy = found mentions whose actor is (a) the actor most of their gold entity's found
  mentions map to (no split) and (b) an actor whose found mentions mostly belong to that same gold
  entity (no merge), over found mentions.
- spurious = our mentions overlapping no gold entity mention of any type, counted only up to the
  last annotated entity of each document (MEANTIME leaves the rest unannotated). A precision proxy:
  MEANTIME annotates products, places and nominals too, so a hit on any of them is not spurious.
Cost: ms/doc of find_actors beside ms/doc of the spaCy parse it needs.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PRONOUNS = {"he", "she", "it", "i", "we", "you", "they", "him", "her", "his", "its", "my", "me", "us", "our",
            "their", "them", "who", "which", "that", "mine", "ceo"}
ACTOR_TYPES = ("PER", "ORG")


def is_named(ent: dict) -> bool:
    kind = ent.get("syntactic_type")
    if kind in ("NAM", "PRE.NAM"):
        return True
    text = ent["text"].strip()
    return kind is None and text[:1].isupper() and text.lower() not in PRONOUNS


def best_overlap(gold: dict, mentions: list) -> object | None:
    """Our rightmost mention overlapping the gold one (the head of an English name phrase)."""
    best = None
    for m in mentions:
        if min(gold["end"], m.end) > max(gold["start"], m.start):
            best = m
    return best


def score(records: list[dict], predictions: list[list], types=ACTOR_TYPES) -> dict:
    gold_rows = []  # (doc, entity, gold mention, predicted mention or None)
    spurious = []
    for rec, mentions in zip(records, predictions):
        ents = rec["entities"]
        for ent in ents:
            if ent["ent_type"] in types and is_named(ent):
                gold_rows.append((rec["id"], ent["entity_name"].strip(), ent, best_overlap(ent, mentions)))
        annotated_until = max((e["end"] for e in ents), default=0)
        for m in mentions:
            if m.start < annotated_until and not any(min(e["end"], m.end) > max(e["start"], m.start) for e in ents):
                spurious.append((rec["id"], m))
    found = [r for r in gold_rows if r[3] is not None]
    gold_to_pred: dict[tuple, Counter] = defaultdict(Counter)
    pred_to_gold: dict[tuple, Counter] = defaultdict(Counter)
    for doc, entity, _, m in found:
        gold_to_pred[(doc, entity)][m.actor_id] += 1
        pred_to_gold[(doc, m.actor_id)][entity] += 1
    errors = Counter()
    examples = defaultdict(list)
    correct = 0
    for doc, entity, ent, m in gold_rows:
        if m is None:
            cat = f"missed {ent['ent_type']}"
        elif m.actor_id != gold_to_pred[(doc, entity)].most_common(1)[0][0]:
            cat = "split (other actor than the rest of its entity)"
        elif pred_to_gold[(doc, m.actor_id)].most_common(1)[0][0] != entity:
            cat = "merged (actor mostly another entity)"
        else:
            correct += 1
            continue
        errors[cat] += 1
        examples[cat].append(f"{doc}: {ent['text']!r} [{entity}] -> {m.actor_id if m else '-'}")
    for doc, m in spurious:
        errors["spurious mention"] += 1
        examples["spurious mention"].append(f"{doc}: {m.text!r} -> {m.actor_id}")
    return {"gold": len(gold_rows), "found": len(found), "correct": correct,
            "predicted": sum(len(p) for p in predictions), "spurious": len(spurious),
            "errors": errors, "examples": examples}


def pronoun_links(records: list[dict], predictions: list[list]) -> tuple[int, int]:
    """Our pronoun mentions, and how many point at the actor most of their gold entity's named mentions get."""
    made = right = 0
    for rec, mentions in zip(records, predictions):
        majority: dict[str, Counter] = defaultdict(Counter)
        for ent in rec["entities"]:
            if is_named(ent):
                m = best_overlap(ent, mentions)
                if m is not None:
                    majority[ent["entity_name"].strip()][m.actor_id] += 1
        for m in mentions:
            if m.via != "pronoun":
                continue
            made += 1
            gold = next((e for e in rec["entities"] if e["start"] == m.start and e["end"] == m.end), None)
            if gold and majority[gold["entity_name"].strip()]:
                right += majority[gold["entity_name"].strip()].most_common(1)[0][0] == m.actor_id
    return made, right


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--errors", type=int, default=5, help="examples printed per error category")
    parser.add_argument("--blank", action="store_true", help="use the rule-based fallback pipeline")
    args = parser.parse_args(argv)

    from core.actors import find_actors, load_alias_table
    from core.nlp import blank_pipeline, load_pipeline

    path = args.data / "timex_dev_meantime_apple.jsonl"
    records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    pipeline = blank_pipeline() if args.blank else load_pipeline()
    load_alias_table()
    t0 = time.perf_counter()
    docs = list(pipeline.nlp.pipe([r["text"] for r in records]))
    parse_ms = (time.perf_counter() - t0) * 1000 / len(records)
    t0 = time.perf_counter()
    predictions = [find_actors(doc, rec["id"])[1] for doc, rec in zip(docs, records)]
    find_ms = (time.perf_counter() - t0) * 1000 / len(records)

    print(f"MEANTIME apple: {len(records)} docs, pipeline {pipeline.name} (trained={pipeline.trained})")
    for label, types in (("PER+ORG", ACTOR_TYPES), ("PER", ("PER",)), ("ORG", ("ORG",)), ("LOC", ("LOC",))):
        s = score(records, predictions, types)
        recall = s["found"] / s["gold"] if s["gold"] else 0.0
        acc = s["correct"] / s["found"] if s["found"] else 0.0
        both = s["correct"] / s["gold"] if s["gold"] else 0.0
        print(f"  {label:8s} gold named mentions {s['gold']:4d}  mention recall {recall:.3f}  "
              f"cluster accuracy {acc:.3f}  correct/gold {both:.3f}")
    s = score(records, predictions)
    print(f"  our mentions {s['predicted']} (whole texts); in annotated regions, overlapping no gold "
          f"entity mention: {s['spurious']}")
    made, right = pronoun_links(records, predictions)
    print(f"  pronoun links (he/she + speech verb): {made} made, {right} to the gold entity's actor")
    print(f"  cost: find_actors {find_ms:.1f} ms/doc, spaCy parse {parse_ms:.1f} ms/doc")
    print("error categories (PER+ORG):")
    for cat, count in s["errors"].most_common():
        print(f"  {count:4d}  {cat}")
        for line in s["examples"][cat][:args.errors]:
            print(f"          {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
