"""Runs hostile cases through the CLI's entry point inside one worker process, watched from outside.

`run_all(cases, root)` starts a worker (`python -m tests.hostile.inprocess`), which loads the language
model once and runs each case through `core.cli.main` (or `load_project`, as the window opens a
project), sampling its resident memory. The parent watches the time: a case that gives no answer
within the budget is a hang, the worker is killed and a new one goes on with the next case. That keeps
the whole corpus within minutes, where one process per case would spend most of its time starting.

Outcomes as in benchmarks/hostile.py: ok, message, traceback, hang, memory. "caught" is a traceback in
disguise: an exception only a catch-all stopped (E399, E301, "reading it failed (...)").
"""
from __future__ import annotations

import contextlib
import io
import json
import os
import re
import resource
import select
import subprocess
import sys
import threading
import time
from dataclasses import asdict
from pathlib import Path

from tests.hostile.common import Case

CODE = re.compile(r"\[[EWI]\d{3}\]")
CAUGHT = re.compile(r"\[E399\]|\[E301\]|reading it failed \(")
BUDGET_SECONDS = 60.0
BUDGET_BYTES = 2 * 2**30
# The worker as a whole (model, Python, the case): the per-case budget is checked on the sampled RSS.
WORKER_ADDRESS_SPACE = 6 * 2**30


def _rss() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class _Peak(threading.Thread):
    """Samples this process's resident memory every 20 ms; `peak` is the highest seen since `reset`."""

    def __init__(self):
        super().__init__(daemon=True)
        self.peak = 0
        self.base = 0

    def reset(self) -> None:
        self.base = _rss()
        self.peak = self.base

    def run(self) -> None:
        while True:
            self.peak = max(self.peak, _rss())
            time.sleep(0.02)


def classify(code: int | None, stdout: str, stderr: str, error: str) -> tuple[str, str]:
    both = stdout + "\n" + stderr
    if error:
        return ("memory" if error.startswith("MemoryError") else "traceback"), error
    if "Traceback (most recent call last)" in both:
        return "traceback", "a traceback was printed"
    caught = CAUGHT.search(both)
    if caught:
        line = next((x for x in both.splitlines() if CAUGHT.search(x)), "")
        return "caught", line[:200]
    if code == 0:
        return "ok", ""
    coded = [x for x in stderr.splitlines() if CODE.search(x)]
    return ("message", coded[0]) if coded else ("uncoded", (stderr.strip().splitlines() or [f"exit {code}"])[-1])


def run_one(case: Case, out_dir: Path) -> dict:
    """One case in this process: exit code, what was printed, and an exception that escaped, if any."""
    from core.cli import main

    out_dir.mkdir(parents=True, exist_ok=True)
    stdout, stderr = io.StringIO(), io.StringIO()
    code, error = None, ""
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            if case.command == "open":
                code = _open(case.paths[0])
            elif case.command == "annotate":
                out = [] if "-o" in case.args else ["-o", str(out_dir / "out.jsonl")]
                code = main(["annotate", *case.paths, *case.args, *out])
            else:
                out = [] if "--out" in case.args else ["--out", str(out_dir)]
                code = main(["analyze", *case.paths, *case.args, *out])
    except SystemExit as exc:  # argparse refusing an argument
        code = exc.code if isinstance(exc.code, int) else 2
    except BaseException as exc:  # noqa: BLE001 -- what escaped is the finding
        error = f"{type(exc).__name__}: {str(exc)[:200]}"
    return {"code": code, "stdout": stdout.getvalue()[-20000:], "stderr": stderr.getvalue()[-20000:],
            "error": error}


def _open(path: str) -> int:
    """Open a project as the window does, and build the first table it shows."""
    from core.io.store import load_project
    from core.messages import UserFacingError

    try:
        analysis = load_project(Path(path))
    except UserFacingError as exc:
        print(f"standpoint: {exc}", file=sys.stderr)
        return 2
    analysis.articles_table()
    print(f"opened {len(analysis.raw_results())} articles")
    return 0


def worker(cases_file: Path, runs: Path) -> None:
    """Run the cases listed in `cases_file`, printing START and a JSON result line for each."""
    resource.setrlimit(resource.RLIMIT_AS, (WORKER_ADDRESS_SPACE, WORKER_ADDRESS_SPACE))
    resource.setrlimit(resource.RLIMIT_FSIZE, (2 * 2**30, 2 * 2**30))
    from core.nlp import load_pipeline

    load_pipeline()
    peak = _Peak()
    peak.start()
    real = sys.stdout
    for line in cases_file.read_text(encoding="utf-8").splitlines():
        case = Case(**{**json.loads(line), "paths": tuple(json.loads(line)["paths"]),
                       "args": tuple(json.loads(line)["args"])})
        print(f"START {case.name}", file=real, flush=True)
        peak.reset()
        started = time.monotonic()
        result = run_one(case, runs / case.name / "out")
        result.update(name=case.name, seconds=round(time.monotonic() - started, 2),
                      peak_mb=round((peak.peak - peak.base) / 2**20))
        print("DONE " + json.dumps(result), file=real, flush=True)


def run_all(cases: list[Case], root: Path, budget: float = BUDGET_SECONDS, log=None) -> list[dict]:
    """Every case through workers; returns one outcome dict per case (kind, problem, seconds, peak_mb)."""
    root = Path(root)
    runs = root / "runs"
    runs.mkdir(parents=True, exist_ok=True)
    pending = list(cases)
    outcomes: list[dict] = []
    while pending:
        listing = root / "cases.jsonl"
        listing.write_text("".join(json.dumps(asdict(c)) + "\n" for c in pending), encoding="utf-8")
        env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
        with subprocess.Popen([sys.executable, "-m", "tests.hostile.inprocess", str(listing), str(runs)],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                              env=env, start_new_session=True) as proc:
            current, pending = _watch(proc, pending, outcomes, budget, log)
        if current is not None and pending and pending[0].name == current:  # the worker died inside a case
            outcomes.append({"name": current, "kind": "memory" if proc.returncode in (-9, -6) else "crash",
                             "problem": f"the worker died (exit {proc.returncode})", "seconds": 0, "peak_mb": 0})
            pending = pending[1:]
    return outcomes


def _watch(proc, pending: list[Case], outcomes: list[dict], budget: float, log) -> tuple[str | None, list[Case]]:
    """Read the worker's START/DONE lines until it ends or a case outlasts the budget (then kill it)."""
    current, started, buffer = None, time.monotonic(), b""
    while True:
        ready, _, _ = select.select([proc.stdout], [], [], 1.0)
        if ready:
            chunk = os.read(proc.stdout.fileno(), 1 << 16)
            if not chunk:
                break
            buffer += chunk
            while b"\n" in buffer:
                raw, buffer = buffer.split(b"\n", 1)
                line = raw.decode("utf-8", "replace")
                if line.startswith("START "):
                    current, started = line[6:], time.monotonic()
                elif line.startswith("DONE "):
                    outcomes.append(_outcome(json.loads(line[5:]), budget))
                    pending = [c for c in pending if c.name != outcomes[-1]["name"]]
                    current = None
                    if log:
                        log(outcomes[-1])
        elif current is not None and time.monotonic() - started > budget:
            os.killpg(proc.pid, 9)
            proc.wait()
            outcomes.append({"name": current, "kind": "hang", "problem": f"no answer within {budget:.0f} s",
                             "seconds": budget, "peak_mb": 0})
            pending = [c for c in pending if c.name != current]
            if log:
                log(outcomes[-1])
            break
        if proc.poll() is not None and not ready:
            break
    proc.wait()
    return current, pending


def _outcome(result: dict, budget: float) -> dict:
    kind, problem = classify(result["code"], result["stdout"], result["stderr"], result["error"])
    if result["peak_mb"] * 2**20 > BUDGET_BYTES:
        kind, problem = "memory", f"peak {result['peak_mb']} MB over the budget"
    elif result["seconds"] > budget:
        kind, problem = "hang", f"{result['seconds']:.0f} s over the budget"
    return {"name": result["name"], "kind": kind, "problem": problem, "seconds": result["seconds"],
            "peak_mb": result["peak_mb"], "stdout": result["stdout"], "stderr": result["stderr"]}


if __name__ == "__main__":
    worker(Path(sys.argv[1]), Path(sys.argv[2]))
