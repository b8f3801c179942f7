"""Web-page ingest accuracy: the app's load_file against trafilatura (text) and htmldate (date) on the same pages, same run.

Usage:
    .venv/bin/python benchmarks/ingest_accuracy.py [--data ../shared/eval] [--limit N] [--errors FILE]

Data: `ingest_dev_trafilatura.jsonl.gz` (400 saved pages from trafilatura's evaluation set, many languages),
each with `gold_with` snippets the main text must contain, `gold_without` furniture it must not, and
`gold_date` (300 pages). Never copied into the repository.

The three sides, each timed per page on the same bytes:
- app: the page's bytes written to a temporary `page.html` and read with `core.ingest.load_file`, the public
  entry point a dropped file goes through. A `UserFacingError` counts as a refused page (its code kept).
- trafilatura alone: `trafilatura.extract(raw bytes, include_comments=False)`. It is given the undecoded
  bytes, as trafilatura's own evaluation does (tests/comparison_small.py), so it decodes them with its
  own `utils.decode_file` (UTF-8, else charset detection); the app's own decoding is then part of what
  is measured. Same options as the app's `bare_extraction` call (tables on, formatting off, fallbacks on).
- htmldate alone: `find_date(raw bytes, extensive_search=True, original_date=True)`, no URL (a dropped
  file has none beyond what the page itself says).

Scoring follows trafilatura's evaluation: a `gold_with` snippet in the text is a true positive, missing a
false negative; a `gold_without` snippet found is a false positive, absent a true negative; no text at all
(refused) counts every wanted snippet missed and every unwanted one absent. Dates: exact day on the pages
with `gold_date`. Also: the language the app detected against the page's declared `<html lang>`, and the
pages it flagged as not articles.
"""
from __future__ import annotations

import argparse
import collections
import gzip
import json
import re
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

FILE = "ingest_dev_trafilatura.jsonl.gz"
CODE = re.compile(r"\[([A-Z]\d{3})\]\s*$")


def load_pages(data: Path, limit: int | None) -> list[dict]:
    with gzip.open(data / FILE, "rt", encoding="utf-8") as fh:
        pages = [json.loads(line) for line in fh if line.strip()]
    return pages[:limit] if limit else pages


def run_app(path: Path) -> dict:
    from core.ingest import load_file
    from core.messages import UserFacingError

    t0 = time.perf_counter()
    try:
        art = load_file(path)
    except UserFacingError as exc:
        message = str(exc)
        code = CODE.search(message)
        return {"text": None, "refused": code.group(1) if code else "?", "message": message,
                "secs": time.perf_counter() - t0}
    return {"text": art.text, "title": art.title, "date": art.published, "origin": art.published_origin,
            "language": art.language, "not_article": art.not_article, "refused": None,
            "secs": time.perf_counter() - t0}


def run_trafilatura(data: bytes) -> dict:
    import trafilatura

    t0 = time.perf_counter()
    text = trafilatura.extract(data, include_comments=False, include_tables=True, include_formatting=False)
    return {"text": text, "secs": time.perf_counter() - t0}


def run_htmldate(data: bytes) -> dict:
    from htmldate import find_date

    t0 = time.perf_counter()
    try:
        found = find_date(data, extensive_search=True, original_date=True)
    except Exception:  # noqa: BLE001 -- a library crash on one page is that page's miss, not the run's end
        found = None
    secs = time.perf_counter() - t0
    try:
        day = date.fromisoformat(found[:10]) if found else None
    except ValueError:
        day = None
    return {"date": day, "secs": secs}


def score(text: str | None, page: dict) -> dict:
    """Trafilatura's evaluate_result: per-snippet TP/FN (wanted) and FP/TN (unwanted), plus which ones."""
    if not text:
        return {"tp": 0, "fn": len(page["gold_with"]), "fp": 0, "tn": len(page["gold_without"]),
                "missed": list(page["gold_with"]), "unwanted": []}
    missed = [s for s in page["gold_with"] if s not in text]
    unwanted = [s for s in page["gold_without"] if s in text]
    return {"tp": len(page["gold_with"]) - len(missed), "fn": len(missed), "fp": len(unwanted),
            "tn": len(page["gold_without"]) - len(unwanted), "missed": missed, "unwanted": unwanted}


def prf(counts: collections.Counter) -> tuple[float, float, float, float]:
    tp, fn, fp, tn = counts["tp"], counts["fn"], counts["fp"], counts["tn"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return precision, recall, f1, (tp + tn) / max(1, tp + fn + fp + tn)


def _warm_up(page: dict, path: Path) -> None:
    """One untimed call per side, so import and model-loading costs stay out of the per-page times."""
    data = page["html_latin1"].encode("latin-1")
    path.write_bytes(data)
    run_app(path)
    run_trafilatura(data)
    run_htmldate(data)


def evaluate(pages: list[dict]) -> list[dict]:
    """Every page through the three sides (and the cause replay): one result row per page."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        # A neutral name: the app reads dates from file names, and the page's id is not one.
        path = Path(tmp) / "page.html"
        _warm_up(pages[0], path)
        for i, page in enumerate(pages, 1):
            data = page["html_latin1"].encode("latin-1")
            path.write_bytes(data)
            row = {"page": page, "app": run_app(path), "lib": run_trafilatura(data), "hd": run_htmldate(data)}
            row["app_score"] = score(row["app"]["text"], page)
            row["lib_score"] = score(row["lib"]["text"], page)
            rows.append(row)
            if i % 50 == 0:
                print(f"  {i}/{len(pages)} pages", file=sys.stderr)
    return rows


def _gold(page: dict) -> date | None:
    return date.fromisoformat(page["gold_date"][:10]) if page.get("gold_date") else None


def glued(app: dict) -> bool:
    """The body starts with the title: the title was prepended (or repeated) as the first paragraph."""
    return bool(app.get("text") and app.get("title") and app["text"].lstrip().startswith(app["title"]))


def _ms(values: list[float]) -> str:
    return f"{1000 * statistics.median(values):.0f} / {1000 * statistics.fmean(values):.0f}" if values else "-"


def table(rows: list[dict]) -> str:
    app_c, lib_c = collections.Counter(), collections.Counter()
    for r in rows:
        app_c.update({k: r["app_score"][k] for k in ("tp", "fn", "fp", "tn")})
        lib_c.update({k: r["lib_score"][k] for k in ("tp", "fn", "fp", "tn")})
    dated = [r for r in rows if _gold(r["page"])]
    app_dates = sum(1 for r in dated if r["app"].get("date") == _gold(r["page"]))
    hd_dates = sum(1 for r in dated if r["hd"]["date"] == _gold(r["page"]))
    ap, ar, af, aa = prf(app_c)
    lp, lr, lf, la = prf(lib_c)
    n = len(rows)
    dated_n = max(1, len(dated))
    lines = [
        (f"{n} pages, {sum(len(r['page']['gold_with']) for r in rows)} wanted and "
         f"{sum(len(r['page']['gold_without']) for r in rows)} unwanted snippets, {len(dated)} dated pages"),
        "",
        "| | app (`core.ingest.load_file`) | trafilatura `extract` | htmldate `find_date` |",
        "|---|---|---|---|",
        (f"| TP / FN / FP / TN | {app_c['tp']} / {app_c['fn']} / {app_c['fp']} / {app_c['tn']} "
         f"| {lib_c['tp']} / {lib_c['fn']} / {lib_c['fp']} / {lib_c['tn']} | |"),
        f"| precision | {ap:.3f} | {lp:.3f} | |",
        f"| recall | {ar:.3f} | {lr:.3f} | |",
        f"| **snippet F1** | **{af:.3f}** | **{lf:.3f}** | |",
        f"| accuracy | {aa:.3f} | {la:.3f} | |",
        (f"| **date accuracy** (exact day, {len(dated)} pages) | **{app_dates / dated_n:.3f}** ({app_dates}) "
         f"| | **{hd_dates / dated_n:.3f}** ({hd_dates}) |"),
        (f"| refused pages / no text | {sum(1 for r in rows if r['app']['refused'])} "
         f"| {sum(1 for r in rows if not r['lib']['text'])} | |"),
        f"| body starts with the title | {sum(1 for r in rows if glued(r['app']))} | | |",
        (f"| ms per page (median / mean) | {_ms([r['app']['secs'] for r in rows])} "
         f"| {_ms([r['lib']['secs'] for r in rows])} | {_ms([r['hd']['secs'] for r in rows])} |"),
    ]
    return "\n".join(lines)


HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)


def languages(rows: list[dict]) -> str:
    """The detected language against the page's declared one, and the pages flagged as not articles."""
    detected = collections.Counter(r["app"].get("language") or "?" for r in rows if not r["app"]["refused"])
    declared = [(HTML_LANG.search(r["page"]["html_latin1"][:20000]), r["app"].get("language")) for r in rows]
    pairs = [(m.group(1).lower(), lang) for m, lang in declared if m and lang]
    agree = sum(1 for want, got in pairs if want == got)
    flagged = [(r["page"]["id"], r["app"]["not_article"]) for r in rows if r["app"].get("not_article")]
    lines = [f"Languages detected: {', '.join(f'{k} {n}' for k, n in detected.most_common(12))}",
             f"Agreement with the declared <html lang> (primary subtag): {agree}/{len(pairs)} "
             f"({agree / max(1, len(pairs)):.3f})",
             f"Not English (kept, not analysed): {sum(n for k, n in detected.items() if k not in ('en', '?'))} pages",
             f"Flagged as not articles: {len(flagged)}"]
    lines.extend(f"  {pid}: {why}" for pid, why in flagged[:10])
    return "\n".join(lines)


def refusals(rows: list[dict]) -> str:
    by_code = collections.Counter(r["app"]["refused"] for r in rows if r["app"]["refused"])
    if not by_code:
        return "Refused pages: none"
    lines = ["Refused pages by message code: " + ", ".join(f"{c} x{n}" for c, n in by_code.most_common())]
    examples = {}
    for r in rows:
        if r["app"]["refused"] and r["app"]["refused"] not in examples:
            examples[r["app"]["refused"]] = r["app"]["message"]
    lines.extend(f"  {code}: {msg}" for code, msg in examples.items())
    return "\n".join(lines)


def write_errors(rows: list[dict], path: Path) -> None:
    """Per page, the app's missed and unwanted snippets and its date error."""
    per_page: dict[str, list[str]] = {}
    out = []
    for r in rows:
        page, app, score_ = r["page"], r["app"], r["app_score"]
        gold = _gold(page)
        date_wrong = gold is not None and app.get("date") != gold
        if not (score_["missed"] or score_["unwanted"] or date_wrong or app["refused"]):
            continue
        out.append(f"## {page['id']} {page['url']}")
        if app["refused"]:
            out.append(f"  REFUSED: {app['message']}")
        traced = per_page.get(page["id"], [])
        out.extend(traced)
        for s in score_["missed"]:
            if not any(repr(s) in t for t in traced):
                out.append(f"  missed (trafilatura misses it too): {s!r}")
        for s in score_["unwanted"]:
            if not any(repr(s) in t for t in traced):
                out.append(f"  unwanted (trafilatura keeps it too): {s!r}")
        if date_wrong and not any(t.startswith("  date") for t in traced):
            out.append(f"  date: app {app.get('date')} ({app.get('origin')}), htmldate {r['hd']['date']}, gold {gold}")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--limit", type=int, help="only the first N pages")
    ap.add_argument("--errors", type=Path, help="write the app's per-page errors here")
    a = ap.parse_args(argv)
    pages = load_pages(a.data, a.limit)
    t0 = time.perf_counter()
    rows = evaluate(pages)
    print(f"== {FILE}: {time.perf_counter() - t0:.0f} s in all")
    print(table(rows))
    print()
    print(refusals(rows))
    print()
    print(languages(rows))
    if a.errors:
        write_errors(rows, a.errors)
        print(f"\nerror list: {a.errors}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
