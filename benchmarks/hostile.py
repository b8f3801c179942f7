"""Runs every hostile input (tests/hostile) through the CLI under time and memory limits and classifies the outcome.

    python benchmarks/hostile.py [--only SUBSTRING] [--timeout 60] [--memory-gb 2] [--jobs 1] [--list] [--mixed]

Outcomes: ok (exit 0 with results), message (non-zero exit, a coded message, no traceback),
uncoded (non-zero exit, no traceback, but no [E123]-style code), traceback, hang (wall-clock limit),
memory (MemoryError, or killed while near the address-space limit), crash (killed by another signal).
Safety checks on top: leak (text from outside the dropped folder in any output), formula (a CSV/XLSX
cell starting with = + - @), escape (ESC or C1 CSI in stdout/stderr), graphml (network.graphml not well-formed).
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.hostile.common import ENV_MARKER, ENV_MARKER_NAME, LEAK_MARKERS, Case
from tests.hostile.generate import generate, write_good_articles

KINDS = ("ok", "message", "uncoded", "traceback", "hang", "memory", "crash")
FAILING = ("uncoded", "traceback", "hang", "memory", "crash")
CODE = re.compile(r"\[[EWI]\d{3}\]")
OUTPUT_CAP = 4 * 2**20  # bytes of stdout/stderr kept per case
csv.field_size_limit(2**31 - 1)  # a 1 MB sentence is one CSV cell
# The GUI's way of opening a project (desktop/qt_project.py: load), then the first table it shows.
OPEN_SNIPPET = """
import sys
from pathlib import Path
from core.messages import UserFacingError
from core.io.store import load_project
try:
    analysis = load_project(Path(sys.argv[1]))
except UserFacingError as exc:
    print(f"standpoint: {exc}", file=sys.stderr); sys.exit(2)
except OSError as exc:
    print(f"standpoint: {Path(sys.argv[1]).name} could not be opened: {exc.strerror or exc}.", file=sys.stderr)
    sys.exit(2)
print(f"opened {len(analysis.raw_results())} articles")
print(analysis.articles_table().to_string())
"""


@dataclass
class Outcome:
    name: str
    category: str
    command: str
    expect: str
    kind: str
    problem: str
    seconds: float
    peak_mb: float
    returncode: int | None
    flags: list[str] = field(default_factory=list)
    note: str = ""


def command_for(case: Case, out_dir: Path) -> list[str]:
    python = [sys.executable, "-X", "faulthandler"]
    if case.command == "open":
        return python + ["-c", OPEN_SNIPPET, *case.paths]
    if case.command == "annotate":
        out = [] if "-o" in case.args else ["-o", str(out_dir / "out.jsonl")]
        return python + ["-m", "core.cli", "annotate", *case.paths, *case.args, *out]
    out = [] if "--out" in case.args else ["--out", str(out_dir)]
    return python + ["-m", "core.cli", "analyze", *case.paths, *case.args, *out]


def _limits(memory_bytes: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
        # A runaway writer must not fill the disk.
        resource.setrlimit(resource.RLIMIT_FSIZE, (2 * 2**30, 2 * 2**30))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    return apply


def run_command(argv: list[str], work: Path, timeout: float, memory_bytes: int) -> tuple:
    """Run in its own session; returns (returncode or None on timeout, stdout, stderr, seconds, peak MB)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), ENV_MARKER_NAME: ENV_MARKER, "OMP_NUM_THREADS": "1",
           "PYTHONIOENCODING": os.environ.get("PYTHONIOENCODING", "utf-8"), "QT_QPA_PLATFORM": "offscreen"}
    work.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    with open(work / "stdout", "wb") as out, open(work / "stderr", "wb") as err:
        proc = subprocess.Popen(argv, cwd=work, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env,
                                preexec_fn=_limits(memory_bytes),  # noqa: PLW1509  (only setrlimit runs there)
                                start_new_session=True)
        code, peak = None, 0.0
        while True:
            # wait4 gives the child's own peak RSS, which Popen.wait does not.
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                peak = usage.ru_maxrss / 1024
                proc.returncode = code
                break
            if time.monotonic() - started > timeout:
                # SIGABRT first: faulthandler (-X faulthandler) then prints where the child was stuck.
                pid, usage = _abort_then_kill(proc.pid)
                proc.returncode = -9
                peak = usage.ru_maxrss / 1024
                break
            time.sleep(0.05)
    seconds = time.monotonic() - started
    return code, _read(work / "stdout"), _read(work / "stderr"), seconds, peak


def _abort_then_kill(pid: int, grace: float = 3.0):
    try:
        os.kill(pid, signal.SIGABRT)
    except ProcessLookupError:
        pass
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        done, _, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        time.sleep(0.05)
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    if not done:
        _, _, usage = os.wait4(pid, 0)
    return pid, usage


def _read(path: Path) -> str:
    with open(path, "rb") as fh:
        return fh.read(OUTPUT_CAP).decode("utf-8", errors="replace")


def classify(code: int | None, stdout: str, stderr: str, memory_bytes: int, peak_mb: float) -> tuple[str, str]:
    both = stdout + "\n" + stderr
    if code is None:
        return "hang", "no answer within the time limit"
    if "MemoryError" in both or "Cannot allocate memory" in both or "std::bad_alloc" in both:
        return "memory", _last_exception(both) or "MemoryError"
    if code < 0:
        near = peak_mb * 2**20 > 0.5 * memory_bytes
        sig = signal.Signals(-code).name if -code in signal.Signals._value2member_map_ else str(-code)
        return ("memory" if near else "crash"), f"killed by {sig} at {peak_mb:.0f} MB"
    if "Traceback (most recent call last)" in both:
        return "traceback", _last_exception(both)
    if code == 0:
        return "ok", ""
    lines = [x for x in stderr.splitlines() if x.strip()]
    coded = [x for x in lines if CODE.search(x)]
    if coded:
        return "message", coded[0]
    return "uncoded", (lines[-1] if lines else f"exit {code} with nothing on stderr")


def _last_exception(text: str) -> str:
    """The exception line that ends the last traceback in `text`."""
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith("Traceback (most recent call last)")]
    if not starts:
        hit = next((x for x in lines if "MemoryError" in x or "Cannot allocate" in x), "")
        return hit.strip()
    block = lines[starts[-1]:]
    for line in block[1:]:
        if line and not line.startswith((" ", "\t")) and not line.startswith("Traceback"):
            return line.strip()[:300]
    return block[-1].strip()[:300]


def frames(text: str, n: int = 3) -> list[str]:
    """The last `n` 'File ..., line ..., in ...' frames of the last traceback, shortened to the project's paths."""
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith("Traceback (most recent call last)")]
    dump = [i for i, line in enumerate(lines) if line.startswith(("Current thread", "Thread 0x"))]
    if dump:  # a faulthandler dump after a timeout, most recent call first
        found = []
        for line in lines[dump[0] + 1:]:
            if not line.strip().startswith("File "):
                break
            found.append(line.strip())
        found.reverse()
    elif starts:
        found = [line.strip() for line in lines[starts[-1]:] if line.strip().startswith("File ")]
    else:
        return []
    short = [re.sub(r'File ".*?/(core|desktop|site-packages|python3\.\d+)/', r'File "\1/', f) for f in found]
    ours = [f for f in short if 'File "core/' in f or 'File "desktop/' in f]
    tail = [short[-1]] if short and short[-1] not in ours[-n:] else []
    return ours[-n:] + tail


def safety(case: Case, out_dir: Path, stdout: str, stderr: str) -> list[str]:
    flags = []
    texts = [stdout, stderr]
    for path in sorted(out_dir.rglob("*")) if out_dir.is_dir() else ():
        if path.is_file() and path.stat().st_size < 64 * 2**20:
            texts.append(path.read_bytes().decode("utf-8", errors="replace"))
    leaked = [m for m in LEAK_MARKERS if any(m in t for t in texts)]
    if leaked:
        flags.append("leak:" + ",".join(leaked))
    if "\x1b" in stdout or "\x9b" in stdout:
        flags.append("escape:stdout")
    if "\x1b" in stderr or "\x9b" in stderr:
        flags.append("escape:stderr")
    formula = formula_cells(out_dir)
    if formula:
        flags.append("formula:" + formula)
    graph = out_dir / "network.graphml"
    if graph.is_file():
        try:
            ElementTree.parse(graph)
        except ElementTree.ParseError as exc:
            flags.append(f"graphml:{exc}")
    return flags


def formula_cells(out_dir: Path) -> str:
    """The first CSV/XLSX cell (file:column) that a spreadsheet would run as a formula, or ""."""
    for path in sorted(out_dir.glob("*.csv")) if out_dir.is_dir() else ():
        with open(path, newline="", encoding="utf-8", errors="replace") as fh:
            rows = csv.reader(fh)
            header = next(rows, [])
            for row in rows:
                for i, cell in enumerate(row):
                    if _formula(cell):
                        return f"{path.name}:{header[i] if i < len(header) else i}"
    xlsx = out_dir / "standpoint.xlsx" if out_dir.is_dir() else None
    if xlsx is not None and xlsx.is_file():
        from openpyxl import load_workbook

        for sheet in load_workbook(xlsx).worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.data_type == "f" or (isinstance(cell.value, str) and _formula(cell.value)):
                        return f"{xlsx.name}:{sheet.title}"
    return ""


def _formula(cell: str) -> bool:
    stripped = cell.lstrip("\t\r\n ")
    if not stripped or stripped[0] not in "=+-@":
        return False
    try:
        float(stripped)  # -0.5 or +3 is a number, not a formula
        return False
    except ValueError:
        return True


def run_case(case: Case, runs: Path, timeout: float, memory_bytes: int, resume: bool = False) -> Outcome:
    work = runs / case.name
    if resume and (work / "outcome.json").is_file():
        data = json.loads((work / "outcome.json").read_text())
        data.pop("frames", None)
        return Outcome(**data)
    if work.exists():
        shutil.rmtree(work)
    out_dir = work / "out"
    out_dir.mkdir(parents=True)
    code, stdout, stderr, seconds, peak = run_command(command_for(case, out_dir), work, timeout, memory_bytes)
    kind, problem = classify(code, stdout, stderr, memory_bytes, peak)
    if kind == "ok" and case.command == "analyze" and "Timeline" not in stdout:
        kind, problem = "uncoded", "exit 0 without a timeline"
    try:
        flags = safety(case, out_dir, stdout, stderr)
    except Exception as exc:  # noqa: BLE001  (an unreadable output must not stop the other cases)
        flags = [f"check-failed:{type(exc).__name__}: {exc}"]
    outcome = Outcome(case.name, case.category, case.command, case.expect, kind, problem, round(seconds, 1),
                      round(peak), code, flags, case.note)
    (work / "outcome.json").write_text(json.dumps({**asdict(outcome), "frames": frames(stdout + stderr)}, indent=1))
    return outcome


def report(outcomes: list[Outcome], runs: Path) -> str:
    lines = []
    categories = sorted({o.category for o in outcomes})
    head = f"{'category':<14}" + "".join(f"{k:>10}" for k in KINDS) + f"{'unsafe':>8}{'total':>7}"
    lines += [head, "-" * len(head)]
    totals = dict.fromkeys(KINDS, 0)
    unsafe_total = 0
    for category in categories:
        group = [o for o in outcomes if o.category == category]
        counts = {k: sum(o.kind == k for o in group) for k in KINDS}
        unsafe = sum(bool(o.flags) for o in group)
        unsafe_total += unsafe
        for k in KINDS:
            totals[k] += counts[k]
        lines.append(f"{category:<14}" + "".join(f"{counts[k]:>10}" for k in KINDS) + f"{unsafe:>8}{len(group):>7}")
    lines.append("-" * len(head))
    lines.append(f"{'all':<14}" + "".join(f"{totals[k]:>10}" for k in KINDS) + f"{unsafe_total:>8}{len(outcomes):>7}")
    failing = [o for o in outcomes if o.kind in FAILING]
    if failing:
        lines += ["", f"Failing cases ({len(failing)}):"]
        for o in sorted(failing, key=lambda o: (o.kind, o.category, o.name)):
            lines.append(f"  {o.kind:<9} {o.name:<42} {o.seconds:>6.1f}s {o.peak_mb:>6.0f}MB  {o.problem[:150]}")
            where = _frames_of(runs, o.name)
            if where:
                lines.append(f"            at {where}")
    unsafe = [o for o in outcomes if o.flags]
    if unsafe:
        lines += ["", f"Unsafe outputs ({len(unsafe)}):"]
        for o in sorted(unsafe, key=lambda o: (o.category, o.name)):
            lines.append(f"  {o.name:<42} {o.kind:<9} {'; '.join(f[:90] for f in o.flags)}")
    surprises = [o for o in outcomes if o.kind in ("ok", "message") and (o.kind == "ok") != (o.expect == "result")]
    if surprises:
        lines += ["", f"Handled, but not as expected ({len(surprises)}; informational):"]
        for o in sorted(surprises, key=lambda o: (o.category, o.name)):
            lines.append(f"  {o.name:<42} expected {o.expect:<7} got {o.kind:<8} {o.problem[:100]}")
    slow = sorted((o for o in outcomes if o.kind in ("ok", "message")), key=lambda o: -o.seconds)[:10]
    lines += ["", "Slowest handled cases: " + ", ".join(f"{o.name} {o.seconds:.0f}s/{o.peak_mb:.0f}MB" for o in slow)]
    return "\n".join(lines)


def _frames_of(runs: Path, name: str) -> str:
    try:
        data = json.loads((runs / name / "outcome.json").read_text())
    except (OSError, ValueError):
        return ""
    return " <- ".join(reversed(data.get("frames") or []))[:400]


def mixed(cases: list[Case], root: Path, timeout: float, memory_bytes: int) -> str:
    """One folder: three good articles and every hostile analyze-input beside them, analysed in one run."""
    folder = root / "mixed"
    if folder.exists():
        shutil.rmtree(folder)
    good = write_good_articles(folder)
    bad_names = []
    for case in cases:
        if case.command != "analyze" or case.args:
            continue
        for raw in case.paths:
            path = Path(raw)
            try:
                if not os.path.lexists(path):
                    continue
            except OSError:
                continue
            if path.is_dir() and not path.is_symlink():
                shutil.copytree(path, folder / case.name, symlinks=True)
                bad_names.append(case.name)
                continue
            target = folder / f"{case.name}__{path.name}"[:250]
            _place(path, target)
            bad_names.append(target.name)
            sidecar = path.with_name(path.stem + ".meta.json")
            if os.path.lexists(sidecar):
                _place(sidecar, target.with_name(target.stem + ".meta.json"))
    out_dir = root / "mixed-run" / "out"
    argv = [sys.executable, "-X", "faulthandler", "-m", "core.cli", "analyze", str(folder), "--out", str(out_dir)]
    code, stdout, stderr, seconds, peak = run_command(argv, root / "mixed-run", timeout, memory_bytes)
    kind, problem = classify(code, stdout, stderr, memory_bytes, peak)
    analysed = _analysed_titles(out_dir)
    wanted = ["Turkey warns Russia against Idlib offensive", "EU extends sanctions on Russia",
              "Iran and Saudi Arabia hold talks in Baghdad"]
    named = [line for line in stderr.splitlines() if CODE.search(line)]
    naming_bad = {name for name in bad_names for line in named if name.split("__")[-1] in line}
    found = ", ".join(f"{w!r}: {'yes' if any(w in t for t in analysed) else 'NO'}" for w in wanted)
    unsafe = ", ".join(safety(Case("mixed", "mixed", ()), out_dir, stdout, stderr)) or "clean"
    lines = [
        (f"Mixed run: {len(good)} good articles + {len(bad_names)} hostile inputs in one folder, "
         f"{seconds:.0f} s, peak {peak:.0f} MB: {kind} {problem}"),
        f"  good articles analysed: {found}",
        (f"  articles in the output: {len(analysed)}; coded messages on stderr: {len(named)}, "
         f"naming {len(naming_bad)} of the hostile files"),
        f"  safety: {unsafe}",
    ]
    return "\n".join(lines)


def _place(source: Path, target: Path) -> None:
    if source.is_symlink():
        os.symlink(os.readlink(source), target)
    elif not source.is_file():
        if source.is_fifo():
            os.mkfifo(target)
        return
    else:
        try:
            os.link(source, target)
        except OSError:
            shutil.copy2(source, target)


def _analysed_titles(out_dir: Path) -> list[str]:
    path = out_dir / "articles.csv"
    if not path.is_file():
        return []
    with open(path, newline="", encoding="utf-8", errors="replace") as fh:
        return [row.get("title", "") for row in csv.DictReader(fh)]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/standpoint-hostile"),
                        help="where the inputs and each run's output go (emptied first)")
    parser.add_argument("--only", help="run only cases whose name contains (or category is) one of these comma-separated strings")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per input")
    parser.add_argument("--memory-gb", type=float, default=2.0, help="address-space limit per input")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--list", action="store_true", help="list the cases and exit")
    parser.add_argument("--mixed", action="store_true", help="one run over a folder of good and hostile files")
    parser.add_argument("--json", type=Path, help="also write the outcomes as JSON")
    parser.add_argument("--resume", action="store_true", help="keep the outcomes of cases already run in --workdir")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    cases = generate(args.workdir / "inputs")
    generated = time.perf_counter() - started
    if args.only:
        wanted = [w for w in args.only.split(",") if w]
        cases = [c for c in cases if any(w in c.name or w == c.category for w in wanted)]
    if args.list:
        for c in cases:
            print(f"{c.category:<14} {c.name:<44} {c.command:<9} expect {c.expect:<7} {c.note}")
        print(f"{len(cases)} cases (generated in {generated:.1f} s)")
        return 0
    memory = int(args.memory_gb * 2**30)
    if args.mixed:
        print(mixed(cases, args.workdir, 5 * args.timeout, memory))  # one run over every file: a longer limit
        return 0
    runs = args.workdir / "runs"
    runs.mkdir(parents=True, exist_ok=True)
    print(f"{len(cases)} cases (generated in {generated:.1f} s), limits {args.timeout:.0f} s and "
          f"{args.memory_gb:g} GB each, {args.jobs} at a time", flush=True)
    outcomes: list[Outcome] = []
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for outcome in pool.map(lambda c: run_case(c, runs, args.timeout, memory, args.resume), cases):
            outcomes.append(outcome)
            print(f"[{len(outcomes):>3}/{len(cases)}] {outcome.kind:<9} {outcome.seconds:>5.1f}s {outcome.name}"
                  + (f"  {' '.join(outcome.flags)[:80]}" if outcome.flags else ""), file=sys.stderr, flush=True)
    if args.json:
        args.json.write_text(json.dumps([asdict(o) for o in outcomes], indent=1))
    print(report(outcomes, runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
