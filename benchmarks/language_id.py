"""Language identification for ingested pages: py3langid against lingua on trafilatura's text of the dev pages.

Usage:
    .venv/bin/python benchmarks/language_id.py [--data ../shared/eval] [--limit N] [--chars N]

Same pages as benchmarks/ingest_accuracy.py. The text is trafilatura's (`extract` on the page's bytes),
i.e. what the app analyses. Each candidate runs in its own subprocess so its start-up time and memory are
its own: start-up (import + model build + first call), time per page, peak memory, installed size (the
distribution's own files; py3langid also needs numpy, which the app already has through spaCy), and
agreement with the page's declared `<html lang>` (primary subtag) where one is declared. Declared
languages are sometimes wrong (a CMS default of "en" on a German page), so agreement is a floor on
accuracy, not accuracy. Candidates not installed are skipped: `pip install py3langid lingua-language-detector`.
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?", re.IGNORECASE)
CANDIDATES = {
    "py3langid": "py3langid",
    "lingua (high accuracy)": "lingua-language-detector",
    "lingua (low accuracy)": "lingua-language-detector",
}


def _detector(name: str):
    """A function text -> ISO 639-1 code (or None) for one candidate."""
    if name == "py3langid":
        import py3langid

        return lambda text: py3langid.classify(text)[0]
    from lingua import LanguageDetectorBuilder

    builder = LanguageDetectorBuilder.from_all_languages()
    if "low" in name:
        builder = builder.with_low_accuracy_mode()
    detector = builder.build()

    def detect(text: str) -> str | None:
        found = detector.detect_language_of(text)
        return found.iso_code_639_1.name.lower() if found is not None else None

    return detect


def installed_mb(dist_name: str) -> float:
    from importlib.metadata import distribution

    files = distribution(dist_name).files or []
    return sum(Path(f.locate()).stat().st_size for f in files if Path(f.locate()).is_file()) / 2**20


def peak_rss_kb() -> int:
    """This process's peak resident memory; not ru_maxrss, which Linux carries over from the parent across exec."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def worker(name: str, texts_path: Path) -> dict:
    """Runs inside the subprocess: one candidate over every text."""
    texts = json.loads(texts_path.read_text(encoding="utf-8"))
    base_kb = peak_rss_kb()
    t0 = time.perf_counter()
    detect = _detector(name)
    detect("Warm-up sentence so that lazily loaded models count as start-up.")
    startup = time.perf_counter() - t0
    preds, secs = [], []
    for text in texts:
        t = time.perf_counter()
        preds.append(detect(text) if text.strip() else None)
        secs.append(time.perf_counter() - t)
    peak_kb = peak_rss_kb()
    return {"preds": preds, "secs": secs, "startup": startup, "mem_mb": (peak_kb - base_kb) / 1024,
            "install_mb": installed_mb(CANDIDATES[name])}


def page_inputs(data: Path, limit: int | None, chars: int) -> tuple[list[str], list[str | None]]:
    """Trafilatura's text of each page, and its declared <html lang> (None when absent)."""
    import trafilatura
    from ingest_accuracy import load_pages
    from trafilatura.utils import decode_file

    texts, declared = [], []
    for page in load_pages(data, limit):
        raw = page["html_latin1"].encode("latin-1")
        text = trafilatura.extract(raw, include_comments=False) or ""
        texts.append(text[:chars] if chars else text)
        m = HTML_LANG.search(decode_file(raw)[:20000])
        declared.append(m.group(1).lower() if m else None)
    return texts, declared


def run_candidate(name: str, texts_path: Path) -> dict | None:
    proc = subprocess.run([sys.executable, __file__, "--worker", name, str(texts_path)],
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        print(f"{name}: skipped ({proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else 'failed'})")
        return None
    return json.loads(proc.stdout)


def report(results: dict[str, dict], texts: list[str], declared: list[str | None]) -> str:
    with_lang = [i for i, d in enumerate(declared) if d and texts[i].strip()]
    common = collections.Counter(declared[i] for i in with_lang).most_common(8)
    lines = [(f"{len(texts)} pages, {sum(1 for t in texts if t.strip())} with text, {len(with_lang)} declaring "
              f"<html lang> ({', '.join(f'{k} {n}' for k, n in common)}, ...)"),
             "",
             "| | installed | start-up | ms per page (median / mean / max) | extra memory | agrees with <html lang> |",
             "|---|---|---|---|---|---|"]
    for name, r in results.items():
        agree = sum(1 for i in with_lang if r["preds"][i] == declared[i])
        secs = [s for s, t in zip(r["secs"], texts) if t.strip()]
        lines.append(f"| {name} | {r['install_mb']:.1f} MB | {r['startup']:.2f} s | "
                     f"{1000 * statistics.median(secs):.2f} / {1000 * statistics.fmean(secs):.2f} / {1000 * max(secs):.1f} | "
                     f"{r['mem_mb']:.0f} MB | {agree / max(1, len(with_lang)):.3f} ({agree}/{len(with_lang)}) |")
    names = list(results)
    for a in range(len(names)):
        for b in range(a + 1, len(names)):
            pa, pb = results[names[a]]["preds"], results[names[b]]["preds"]
            same = sum(1 for i, t in enumerate(texts) if t.strip() and pa[i] == pb[i])
            lines.append(f"\n{names[a]} and {names[b]} agree on {same} of {sum(1 for t in texts if t.strip())} pages")
    for name, r in results.items():
        wrong = collections.Counter((declared[i], r["preds"][i]) for i in with_lang if r["preds"][i] != declared[i])
        lines.append(f"{name} vs declared, disagreements (declared -> detected): "
                     + ", ".join(f"{d}->{p} x{n}" for (d, p), n in wrong.most_common(10)))
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--chars", type=int, default=0, help="detect on the first N characters only (0: whole text)")
    ap.add_argument("--worker", nargs=2, metavar=("NAME", "TEXTS"), help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.worker:
        print(json.dumps(worker(a.worker[0], Path(a.worker[1]))))
        return 0
    texts, declared = page_inputs(a.data, a.limit, a.chars)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        texts_path = Path(tmp) / "texts.json"
        texts_path.write_text(json.dumps(texts), encoding="utf-8")
        for name in CANDIDATES:
            found = run_candidate(name, texts_path)
            if found is not None:
                results[name] = found
    print(report(results, texts, declared))
    return 0


if __name__ == "__main__":
    sys.exit(main())
