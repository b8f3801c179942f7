"""Start-up time of the frozen app beside `python -m desktop.app.launcher`: to `--version`, to the window, to a loaded pipeline and project."""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FROZEN = ROOT / "dist" / "Standpoint" / "Standpoint"
LINE = re.compile(r"^(window|pipeline|articles): (\d+\.\d+) s")


def run_once(cmd: list[str], env: dict, timeout: float) -> dict[str, float]:
    """One launch with `--exit-after-load`; seconds from launch to each event the launcher's probe reports."""
    env = dict(env, STANDPOINT_LAUNCHED_AT=repr(time.time()))
    started = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    total = time.perf_counter() - started
    figures = {m.group(1): float(m.group(2)) for m in map(LINE.match, done.stdout.splitlines()) if m}
    if done.returncode != 0 or "articles" not in figures:
        raise RuntimeError(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr[-2000:]}")
    figures["exit"] = total
    return figures


def time_version(cmd: list[str], env: dict) -> float:
    started = time.perf_counter()
    subprocess.run(cmd + ["--version"], env=env, capture_output=True, check=True, cwd=ROOT)
    return time.perf_counter() - started


def make_project(folder: Path) -> Path:
    path = folder / "sample.standpoint"
    subprocess.run([sys.executable, "-m", "core.cli", "analyze", "seeds", "--project", str(path), "--no-charts"],
                   cwd=ROOT, capture_output=True, check=True)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="launches per case (the median is printed)")
    parser.add_argument("--frozen", type=Path, default=FROZEN, help="the built app's executable")
    parser.add_argument("--timeout", type=float, default=180.0)
    args = parser.parse_args(argv)

    env = {k: v for k, v in os.environ.items() if not k.startswith("STANDPOINT_")}
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    launchers = {"source": [sys.executable, "-m", "desktop.app.launcher"]}
    if args.frozen.is_file():
        launchers["frozen"] = [str(args.frozen)]
    else:
        print(f"no frozen app at {args.frozen}: run `make package` for the frozen figures")
    with tempfile.TemporaryDirectory(prefix="standpoint-startup-") as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local/share"))
        project = make_project(Path(tmp))
        cases = {"empty window": [], "project": [str(project)], "article": ["seeds/idlib-offensive-2018.txt"]}
        print(f"platform={env.get('QT_QPA_PLATFORM', 'xcb')} runs={args.runs} cpus={os.cpu_count()} "
              f"load={os.getloadavg()[0]:.1f}")
        print(f"{'launcher':<8} {'case':<13} {'--version':>9} {'window':>7} {'pipeline':>8} {'loaded':>7} {'exit':>6}  (s, median)")
        for name, cmd in launchers.items():
            version = statistics.median(time_version(cmd, env) for _ in range(args.runs))
            for case, paths in cases.items():
                runs = [run_once(cmd + ["--exit-after-load", *paths], env, args.timeout) for _ in range(args.runs)]
                med = {k: statistics.median(r[k] for r in runs) for k in ("window", "pipeline", "articles", "exit")}
                print(f"{name:<8} {case:<13} {version:>9.2f} {med['window']:>7.2f} {med['pipeline']:>8.2f} "
                      f"{med['articles']:>7.2f} {med['exit']:>6.2f}")
        shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
