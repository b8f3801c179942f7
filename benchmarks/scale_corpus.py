"""Builds 1,000- and 10,000-article folders of real news text from the development data, for the scale benchmarks.

Usage: python -m benchmarks.scale_corpus [--data DIR] [--out DIR] [--sizes 1000,10000]

The eval data stays outside the repository (`--data`, default `<repo>/../shared/eval`); the folders are
written at run time under `--out` (default `<repo>/build/scale/<n>/`, ignored by git) and rebuilt only
when missing or incomplete.

About 1,400 distinct documents exist (PolNeAR train and dev, the background stories, TempEval-3,
MEANTIME); a folder of 10,000 needs more. Each document is used as it is, then in variants that leave
out one body paragraph (or one sentence of a one-paragraph body): every sentence is still real news
text, each variant has its own text (Standpoint skips a file whose text it has seen), and the words per
article stay those of real articles. Each variant moves the publication date by a few weeks, and the
file names vary the way a user's folder does: `2016-09-12-slug.txt`, `slug_20160912.txt`,
`2016-09-12 Title words.md`, and a plain `slug.txt` with a `slug.meta.json` sidecar giving the date.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "eval"
DEFAULT_OUT = ROOT / "build" / "scale"
SOURCES = (
    "attribution_train_polnear.jsonl", "attribution_dev_polnear.jsonl", "corpus_dev_background.jsonl",
    "timex_dev_tempeval3_train.jsonl", "timex_dev_meantime_apple.jsonl",
)
STAMP = ".complete"


def documents(data: Path) -> list[tuple[str, date, str]]:
    """(id, publication date, text) of every distinct development document, in a fixed order."""
    seen: set[str] = set()
    docs = []
    for name in SOURCES:
        path = Path(data) / name
        if not path.is_file():
            continue
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                record = json.loads(line)
                text = record.get("text") or ""
                key = " ".join(text.split())
                if len(key.split()) < 40 or key in seen:
                    continue
                seen.add(key)
                try:
                    published = date.fromisoformat(str(record.get("dct"))[:10])
                except ValueError:
                    published = date(2016, 1, 1)
                docs.append((str(record["id"]), published, text))
    return docs


def variant(text: str, k: int) -> str | None:
    """The text itself (k = 0), or the text without its k-th body paragraph or sentence; None when used up."""
    if k == 0:
        return text
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    if len(paragraphs) >= 3:
        head, body = paragraphs[:1], paragraphs[1:]
        if k > len(body):
            return None
        return "\n\n".join(head + body[: k - 1] + body[k:]) + "\n"
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z\u201c\"])", text.strip())
    if k >= len(sentences):
        return None
    return " ".join(sentences[:k] + sentences[k + 1:]) + "\n"


def _slug(text: str, words: int = 6) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "article")
    tokens = re.findall(r"[A-Za-z0-9]+", first)[:words]
    return "-".join(t.lower() for t in tokens) or "article"


def file_for(text: str, published: date, n: int) -> dict[str, str]:
    """The file(s) a user might have for this article: name -> content (a sidecar for undated names)."""
    slug = f"{_slug(text)}-{n:05d}"
    style = n % 4
    if style == 0:
        return {f"{published.isoformat()}-{slug}.txt": text}
    if style == 1:
        return {f"{slug}_{published:%Y%m%d}.txt": text}
    if style == 2:
        title = " ".join(_slug(text, 8).split("-")).capitalize()
        return {f"{published.isoformat()} {title} {n:05d}.md": text}
    return {f"{slug}.txt": text, f"{slug}.meta.json": json.dumps({"published": published.isoformat()})}


def build(n_articles: int, data: Path = DEFAULT_DATA, out: Path = DEFAULT_OUT) -> Path:
    """Write `out/<n>/` with `n_articles` distinct articles (unless already complete) and return it."""
    folder = Path(out) / str(n_articles)
    if (folder / STAMP).is_file():
        return folder
    docs = documents(data)
    if not docs:
        raise SystemExit(f"no development documents under {data}")
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    written, k = 0, 0
    seen: set[str] = set()
    while written < n_articles and k < 200:
        for doc_id, published, text in docs:
            if written >= n_articles:
                break
            body = variant(text, k)
            if body is None:
                continue
            key = " ".join(body.split()).casefold()
            if key in seen:
                continue
            seen.add(key)
            day = published + timedelta(days=23 * k)
            for name, content in file_for(body, day, written).items():
                (folder / name).write_text(content, encoding="utf-8")
            written += 1
        k += 1
    (folder / STAMP).write_text(f"{written}\n", encoding="utf-8")
    return folder


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--sizes", default="1000,10000")
    args = parser.parse_args(argv)
    for size in (int(s) for s in args.sizes.split(",") if s.strip()):
        folder = build(size, args.data, args.out)
        files = [p for p in folder.iterdir() if p.suffix in (".txt", ".md")]
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in files)
        print(f"{folder}: {len(files)} articles, {words:,} words ({words / max(1, len(files)):.0f} per article)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
