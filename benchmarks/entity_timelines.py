"""Entity timelines (SemEval-2015 TimeLine trial set): writes the documents, runs `standpoint analyze` and the shared scorer."""
# Usage:
#     .venv/bin/python benchmarks/entity_timelines.py [--data ../shared/eval] [--errors N] [--keep DIR]
#
# Steps: `score_entity_timelines.py --write-docs` writes the 30 Wikinews articles as `<dct>-<id>.txt`
# (the publication date comes from the file name), `python -m core.cli analyze DOCS --out OUT
# --no-charts` analyses them as a user would, and `score_entity_timelines.py GOLD DOCS OUT trial`
# scores `OUT/timeline.csv`: a gold item is (target entity, document, sentence, date); an event
# matches when it is in the same sentence, lists the target among its actors (by name, lower-cased
# words without corporate suffixes) and has the gold date at the gold's granularity. Gold entries
# dated `XXXX-XX-XX` are not gold items, but every event of the target in any sentence counts
# against precision, undated events included.
#
# Besides the scorer's lines this prints the counts per target entity (gold items, system items,
# matches) and how many gold items each target can reach at all (an actor of that name exists).
from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD, DOCS, SET = "entity_timelines_dev.jsonl", "entity_timelines_dev_docs.jsonl", "trial"


def scorer_module(data: Path):
    """The shared scorer imported as a module (for its name matching), without running it."""
    spec = importlib.util.spec_from_file_location("score_entity_timelines", data / "score_entity_timelines.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def write_docs(data: Path, folder: Path) -> None:
    subprocess.run([sys.executable, str(data / "score_entity_timelines.py"), "--write-docs", str(folder),
                    str(data / GOLD), str(data / DOCS), SET], check=True)


def analyze(docs: Path, out: Path) -> float:
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "core.cli", "analyze", str(docs), "--out", str(out), "--no-charts"],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - began


def score(data: Path, out: Path, errors: int = 0) -> str:
    cmd = [sys.executable, str(data / "score_entity_timelines.py"), str(data / GOLD), str(data / DOCS), str(out), SET]
    if errors:
        cmd += ["--errors", str(errors)]
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def gold_items(data: Path) -> list[tuple[str, str, int, str]]:
    """(target, doc, offset, granularity-cut date) for every gold item, as the scorer counts them."""
    texts = {json.loads(line)["id"] for line in open(data / DOCS, encoding="utf-8")}
    items = []
    for line in open(data / GOLD, encoding="utf-8"):
        g = json.loads(line)
        if g["set"] != SET:
            continue
        for entry in g["entries"]:
            if entry["date"].startswith("XXXX"):
                continue
            for m in entry["mentions"]:
                if m["doc_id"] in texts:
                    items.append((g["target"], m["doc_id"], m["start"], entry["date"].replace("-XX", "")))
    return items


def per_target(data: Path, out: Path) -> list[str]:
    """Per target: gold items, events listing it, matched gold items, and whether any actor has its name."""
    sc = scorer_module(data)
    arts = {r["article_id"]: Path(r["source"]).stem.split("-", 3)[-1]
            for r in csv.DictReader(open(out / "articles.csv", encoding="utf-8"))}
    events = list(csv.DictReader(open(out / "timeline.csv", encoding="utf-8")))
    names = {r["name"] for r in csv.DictReader(open(out / "actors.csv", encoding="utf-8"))}
    items = gold_items(data)
    rows = [f"{'target':<22}{'gold':>6}{'system':>8}{'dated':>7}{'match':>7}  actor of that name"]
    for target in dict.fromkeys(t for t, *_ in items):
        mine = [e for e in events if any(sc.same_entity(x, target) for x in (e["actors"] or "").split(",") if x.strip())]
        hits = 0
        for _, doc, off, gran in (i for i in items if i[0] == target):
            hits += any(arts.get(e["article_id"]) == doc and int(float(e["start"])) <= off < int(float(e["end"]))
                        and (e["date_start"] or "")[:len(gran)] == gran for e in mine)
        gold = sum(1 for i in items if i[0] == target)
        named = sorted(n for n in names if sc.same_entity(n, target))
        rows.append(f"{target:<22}{gold:>6}{len(mine):>8}{sum(1 for e in mine if e['date_start']):>7}{hits:>7}  "
                    f"{', '.join(named) or '-'}")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--errors", type=int, default=0, help="print the first N misses and false positives")
    parser.add_argument("--keep", type=Path, help="write the documents and the analysis here instead of a temp folder")
    args = parser.parse_args(argv)
    data = args.data.resolve()
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep.resolve() if args.keep else Path(tmp)
        docs, out = base / "docs", base / "out"
        write_docs(data, docs)
        seconds = analyze(docs, out)
        print(score(data, out, args.errors), end="")
        print(f"analysis {seconds:.1f} s for {len(list(docs.glob('*.txt')))} documents")
        print("\n".join(per_target(data, out)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
