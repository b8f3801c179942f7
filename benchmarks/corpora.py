"""Materialises the development corpora as folders of dated article files, the way a user would drop them.

Usage: .venv/bin/python benchmarks/corpora.py [--data DIR] [--cache DIR] [NAME ...]

The eval data stays outside the repository (`--data`, default `<repo>/../shared/eval`); the folders are
written under `--cache` (default `<repo>/build/corpora/<name>/`, ignored by git) and rewritten only when
their content changed, so a benchmark can call `materialise` every run.

Corpora:
- `polnear_dev`: the 84 PolNeAR dev articles (2016 US election), `<dct>-<id>.txt`.
- `bg_<story>`: the six background stories (`iraq_war`, `financial_crisis`, `bp_oil_spill`, `mj_death`,
  `swine_flu`, `haitian_earthquake`), one `<dct>.txt` per dated update.
- `apple_timelines`: the 30 SemEval-2015 TimeLine trial documents, `<dct>-<id>.txt`, the names
  `score_entity_timelines.py --write-docs` gives them (so that scorer can read the same output).

How the publication date reaches the app: `core.ingest.article_from_text` takes a dateline first, then
the file name (`publication_date_from_filename` reads a leading `YYYY-MM-DD`). None of these texts has a
dateline that disagrees with its `dct` (checked when this was written), so the file name is enough and no
`.meta.json` sidecar is written: the benchmark then exercises the path a user's dated files take.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "eval"
DEFAULT_CACHE = ROOT / "build" / "corpora"

POLNEAR_FILE = "attribution_dev_polnear.jsonl"
BACKGROUND_FILE = "corpus_dev_background.jsonl"
TIMELINE_DOCS_FILE = "entity_timelines_dev_docs.jsonl"
BACKGROUND_STORIES = ("iraq_war", "financial_crisis", "bp_oil_spill", "mj_death", "swine_flu", "haitian_earthquake")
CORPORA = ("polnear_dev",) + tuple(f"bg_{s}" for s in BACKGROUND_STORIES) + ("apple_timelines",)


def _records(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _safe(name: str) -> str:
    """A file-name-safe form of a record id (ids can hold slashes or spaces)."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip("_") or "doc"


def corpus_files(name: str, data: Path = DEFAULT_DATA) -> dict[str, str]:
    """File name -> text for one corpus, built from the eval data (nothing is written)."""
    data = Path(data)
    files: dict[str, str] = {}
    if name == "polnear_dev":
        for r in _records(data / POLNEAR_FILE):
            files[f"{r['dct']}-{_safe(r['id'])}.txt"] = r["text"]
    elif name.startswith("bg_") and name[3:] in BACKGROUND_STORIES:
        story = name[3:]
        for r in _records(data / BACKGROUND_FILE):
            if r["corpus"] != story:
                continue
            stem = r["dct"]
            n = 2
            while f"{stem}.txt" in files:  # two updates on one day keep apart, the date still leads
                stem = f"{r['dct']}-{n}"
                n += 1
            files[f"{stem}.txt"] = r["text"]
    elif name == "apple_timelines":
        for r in _records(data / TIMELINE_DOCS_FILE):
            if r.get("set", "trial") == "trial":
                files[f"{r['dct']}-{_safe(r['id'])}.txt"] = r["text"]
    else:
        raise ValueError(f"unknown corpus {name!r}; choose from {', '.join(CORPORA)}")
    return files


def materialise(name: str, data: Path = DEFAULT_DATA, cache: Path = DEFAULT_CACHE) -> Path:
    """Write (or refresh) `cache/name/` and return it; files no longer in the corpus are removed."""
    folder = Path(cache) / name
    folder.mkdir(parents=True, exist_ok=True)
    files = corpus_files(name, data)
    for existing in folder.iterdir():
        if existing.is_file() and existing.name not in files:
            existing.unlink()
    for file_name, text in files.items():
        path = folder / file_name
        # Unchanged files keep their mtime, so a cached analysis of the folder stays recognisably current.
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    return folder


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("names", nargs="*", help=f"corpora to write (default: all of {', '.join(CORPORA)})")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared eval folder")
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="where the corpus folders go")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"no eval data at {args.data} (pass --data)", file=sys.stderr)
        return 2
    for name in args.names or CORPORA:
        folder = materialise(name, args.data, args.cache)
        print(f"{name}: {sum(1 for _ in folder.glob('*.txt'))} files in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
