"""Scale: words/s of the analysis against spaCy alone on 1 process, all cores and a 2-worker LocalCluster; the CLI on 1,000/10,000 articles.

    python -m benchmarks.scale speed [--sample 120] [--repeat 2]     # one run, every figure beside its baseline
    python -m benchmarks.scale cli --corpus 10000 [--workers 2]       # the CLI on a corpus folder: time, peak memory
    python -m benchmarks.scale reopen --corpus 10000                  # open the project it wrote, in a fresh process
    python -m benchmarks.scale add --corpus 10000 --extra 10          # add articles to it: only the new ones are parsed

The corpora come from `benchmarks/scale_corpus.py` (built under build/scale/ at run time). Peak memory is
the largest sum of resident memory over the process and its children (sampled every 0.2 s from /proc).
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build" / "scale"


# ---- memory of a process tree (Linux /proc; elsewhere the figures are left out) ---------------------------
def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            return [int(p) for p in fh.read().split()]
    except OSError:
        return []


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) used so far by `pid` and its live descendants."""
    total, todo, tick = 0.0, [pid], os.sysconf("SC_CLK_TCK")
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
        except (OSError, ValueError, IndexError):
            pass
        todo.extend(_children(p))
    return total


def tree_rss(pid: int) -> int:
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += _rss(p)
        todo.extend(_children(p))
    return total


class PeakMemory:
    """Samples the resident memory of `pid` and its descendants in a thread; `.peak` in bytes."""

    def __init__(self, pid: int | None = None, every: float = 0.2):
        self.pid, self.every, self.peak, self.samples = pid or os.getpid(), every, 0, []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            value = tree_rss(self.pid)
            self.samples.append(value)
            self.peak = max(self.peak, value)
            self._stop.wait(self.every)

    def __enter__(self) -> "PeakMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def mb(n: int) -> str:
    return f"{n / 2**20:,.0f} MB"


def load_avg() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"


# ---- speed: every figure beside its baseline, in one run ---------------------------------------------
def speed(args) -> None:
    from benchmarks.scale_corpus import build
    from core.ingest import load_paths
    from core.nlp import load_pipeline
    from core.parallel import AnalysisPool
    from core.pipeline import analyse_articles

    folder = build(1000)
    articles = load_paths([folder]).articles[: args.sample]
    words = sum(len(a.text.split()) for a in articles)
    pipeline = load_pipeline()
    list(analyse_articles(articles[:2], pipeline))  # warm: lexicons, first-call caches

    def timed(run) -> tuple[float, float, float]:
        """(seconds to the first result, seconds to the end, CPU seconds of this process and its workers)"""
        cpu0 = tree_cpu(os.getpid())
        t0, first = time.perf_counter(), None
        for step in run():
            if first is None and getattr(step, "result", None) is not None:
                first = time.perf_counter() - t0
        return first or 0.0, time.perf_counter() - t0, tree_cpu(os.getpid()) - cpu0

    def spacy_only():
        return ((type("R", (), {"result": 1})) for _ in pipeline.pipe((a.text for a in articles), batch_size=8))

    rows: dict[str, list[tuple[float, float, float]]] = {"spacy": [], "one": [], "pool": [], "cluster": []}
    pool = AnalysisPool(args.workers)
    started = time.perf_counter()
    pool.info()  # workers loaded (reported apart: a desktop keeps its pool, the CLI pays it once)
    pool_start = time.perf_counter() - started
    cluster, cluster_start = None, 0.0
    if not args.no_cluster:
        from core.parallel.cluster import ClusterRunner

        started = time.perf_counter()
        cluster = ClusterRunner("local", 2)
        cluster.start()
        cluster_start = time.perf_counter() - started
    print(f"machine   {platform.machine()} {os.cpu_count()} cores, python {platform.python_version()}, "
          f"pipeline {pipeline.name}; load average before: {load_avg()}")
    print(f"sample    {len(articles)} articles, {words:,} words; pool of {pool.workers} started in {pool_start:.1f} s"
          + (f", LocalCluster of 2 in {cluster_start:.1f} s" if cluster else ""))
    try:
        for _ in range(args.repeat):  # interleaved, so a burst of load hits every variant alike
            rows["spacy"].append(timed(spacy_only))
            rows["one"].append(timed(lambda: analyse_articles(articles, pipeline)))
            rows["pool"].append(timed(lambda: pool.analyse(articles)))
            if cluster is not None:
                rows["cluster"].append(timed(lambda: cluster.analyse(articles)))
    finally:
        pool.close()
        if cluster is not None:
            cluster.close()
    best = {k: min(v, key=lambda fv: fv[1]) for k, v in rows.items() if v}
    base = best["spacy"][1]
    one = best["one"][1]
    labels = {"spacy": "spaCy nlp.pipe, 1 process", "one": "Standpoint, 1 process",
              "pool": f"Standpoint, pool of {pool.workers}", "cluster": "Standpoint, LocalCluster of 2"}
    print(f"\n{'':34}{'words/s':>10}{'articles/s':>12}{'first result':>14}{'x spaCy':>9}{'x 1 process':>13}"
          f"{'CPU s':>8}{'cores used':>12}")
    for key, (first, total, cpu) in best.items():
        print(f"{labels[key]:34}{words / total:>10,.0f}{len(articles) / total:>12.1f}{first:>13.2f}s"
              f"{base / total:>9.2f}{one / total if key != 'spacy' else float('nan'):>13.2f}"
              f"{cpu:>8.1f}{cpu / total:>12.2f}")
    print(f"\nload average after: {load_avg()} (2 cores; other work shares the machine). 'cores used' is CPU"
          " seconds over wall seconds: the share of the machine the run got. The kernel shares the CPU between"
          " sessions (autogroup), so while other sessions keep both cores busy a pool gets no more than one process.")


# ---- the CLI on a corpus folder --------------------------------------------------------------------
def cli(args) -> None:
    from benchmarks.scale_corpus import build

    folder = build(args.corpus)
    project = BUILD / f"{args.corpus}.standpoint"
    cmd = [sys.executable, "-m", "core.cli", "analyze", str(folder), "--project", str(project),
           "--workers", str(args.workers), "--no-charts"] + (["--no-cache"] if args.no_cache else [])
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    print(f"$ {' '.join(cmd[1:])}\nload average before: {load_avg()}")
    started = time.perf_counter()
    with open(os.devnull, "w") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
        with PeakMemory(proc.pid) as memory:
            _out, err = proc.communicate()
    took = time.perf_counter() - started
    print("\n".join(line for line in err.splitlines() if "W003" not in line)[-2000:])
    print(f"exit {proc.returncode}; {took:.1f} s; peak memory (process + workers) {mb(memory.peak)}; "
          f"project {mb(project.stat().st_size) if project.exists() else '-'}; load average after: {load_avg()}")


def reopen(args) -> None:
    project = BUILD / f"{args.corpus}.standpoint"
    code = (
        "import sys, time; t = time.perf_counter(); from core.io.store import load_project; "
        f"a = load_project({str(project)!r}); opened = time.perf_counter() - t; "
        "a.articles_table(); a.timeline(); a.stance_matrix('stance'); tables = time.perf_counter() - t; "
        "print(f'{len(a)} articles; opened in {opened:.1f} s, first tables after {tables:.1f} s; '"
        "f'spaCy imported: {\"spacy\" in sys.modules}')"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], env=dict(os.environ, PYTHONPATH=str(ROOT)), cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)
    with PeakMemory(proc.pid) as memory:
        out, _ = proc.communicate()
    print(out.strip(), f"; peak memory {mb(memory.peak)}; load average {load_avg()}")


def add(args) -> None:
    """Copy the corpus folder plus `extra` articles of the next corpus size, and analyse with the cache."""
    from benchmarks.scale_corpus import build

    folder = build(args.corpus)
    bigger = build(args.corpus * 2 if args.corpus < 10000 else 10000 + 1000)
    grown = BUILD / f"{args.corpus}+{args.extra}"
    if grown.exists():
        shutil.rmtree(grown)
    shutil.copytree(folder, grown)
    have = {p.name for p in folder.iterdir()}
    added = 0
    for path in sorted(bigger.iterdir()):
        if added >= args.extra:
            break
        if path.suffix in (".txt", ".md") and path.name not in have:
            shutil.copy(path, grown / path.name)
            meta = path.with_name(path.stem + ".meta.json")
            if meta.exists():
                shutil.copy(meta, grown / meta.name)
            added += 1
    project = BUILD / f"{args.corpus}.standpoint"
    cmd = [sys.executable, "-m", "core.cli", "analyze", str(grown), "--cache", str(Path(str(project) + "-cache")),
           "--workers", str(args.workers), "--no-charts"]
    started = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))
    lines = [line for line in proc.stderr.splitlines() if "W003" not in line]
    print("\n".join(lines[-4:]))
    print(f"{added} articles added to {args.corpus}: {time.perf_counter() - started:.1f} s in all")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    s = sub.add_parser("speed")
    s.add_argument("--sample", type=int, default=120)
    s.add_argument("--repeat", type=int, default=2)
    s.add_argument("--workers", type=int, default=None)
    s.add_argument("--no-cluster", action="store_true")
    for name in ("cli", "reopen", "add"):
        p = sub.add_parser(name)
        p.add_argument("--corpus", type=int, default=1000)
        p.add_argument("--workers", type=int, default=os.cpu_count() or 1)
        p.add_argument("--no-cache", action="store_true")
        p.add_argument("--extra", type=int, default=10)
    args = parser.parse_args(argv)
    {"speed": speed, "cli": cli, "reopen": reopen, "add": add}[args.what](args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
