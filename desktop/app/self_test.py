"""`Standpoint --self-test`: checks an installed or frozen app end to end (pipeline, sample analysis, charts) without a display."""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


class Checks:
    """Runs named checks in order; a check that raises fails with the exception's text, never a traceback."""

    def __init__(self, out=None):
        self.results: list[Check] = []
        self.out = out if out is not None else sys.stdout

    def run(self, name: str, func: Callable[[], tuple[bool, str]]):
        started = time.perf_counter()
        try:
            ok, detail = func()
        except Exception as exc:  # the self-test must report every failure, then go on to the next check
            ok, detail = False, f"{type(exc).__name__}: {exc}"
        check = Check(name, ok, f"{detail} ({time.perf_counter() - started:.1f} s)")
        self.results.append(check)
        if self.out is not None:
            print(f"{'ok  ' if ok else 'FAIL'}  {name}: {check.detail}", file=self.out, flush=True)
        return check

    @property
    def passed(self) -> bool:
        return bool(self.results) and all(c.ok for c in self.results)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="Standpoint --self-test", description=__doc__.split("\n")[0])
    parser.add_argument("--open", type=Path, metavar="PROJECT", help="also open this .standpoint project")
    parser.add_argument("--allow-fallback", action="store_true",
                        help="pass even if the trained pipeline is missing (rule-based fallback)")
    parser.add_argument("--no-charts", action="store_true", help="skip rendering the charts")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(list(argv or []))
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return 0 if run_checks(args).passed else 1


def run_checks(args: argparse.Namespace, out=None) -> Checks:
    from core import __version__
    from core.resources import app_root, resource_path, seeds_dir

    checks = Checks(out)
    frozen = "frozen" if getattr(sys, "frozen", False) else "source"
    checks.run("version", lambda: (True, f"Standpoint {__version__}, Python {sys.version.split()[0]}, {frozen} "
                                         f"at {app_root()}"))
    checks.run("resources", lambda: _check_resources(resource_path(), seeds_dir()))
    state: dict = {}
    checks.run("pipeline", lambda: _check_pipeline(state, args.allow_fallback))
    checks.run("ingest sample", lambda: _check_ingest(state, seeds_dir()))
    checks.run("analyse sample", lambda: _check_analysis(state))
    if not args.no_charts:
        checks.run("charts", lambda: _check_charts(state))
    checks.run("about", lambda: _check_about(args.allow_fallback))
    if args.open is not None:
        checks.run("open project", lambda: _check_project(args.open))
    return checks


def _check_about(allow_fallback: bool = False) -> tuple[bool, str]:
    """The About dialog's versions come from package metadata, which a frozen app only has if the spec copied it."""
    from desktop.app.about import NOT_FOUND, rows

    table = rows()
    missing = [name for name, version, _, _ in table if version == NOT_FOUND]
    detail = f"{len(table) - len(missing)} of {len(table)} components with a version"
    if missing:
        detail += "; no version for " + ", ".join(missing)
    tolerated = {"en_core_web_sm"} if allow_fallback else set()  # a missing model is what the fallback is for
    return not set(missing) - tolerated, detail


def _check_resources(resources: Path, seeds: Path) -> tuple[bool, str]:
    n_data = sum(1 for p in resources.rglob("*") if p.suffix in {".csv", ".json"})
    n_seeds = sum(1 for p in seeds.glob("*.txt"))
    ok = n_data > 0 and n_seeds > 0
    return ok, f"{n_data} data files in {resources}, {n_seeds} sample article(s) in {seeds}"


def _check_pipeline(state: dict, allow_fallback: bool) -> tuple[bool, str]:
    from core.nlp import load_pipeline, model_data_dir

    pipeline = load_pipeline()
    state["pipeline"] = pipeline
    if pipeline.trained:
        components = ", ".join(pipeline.nlp.pipe_names)
        return True, f"trained {pipeline.name} from {model_data_dir()} [{components}]"
    return allow_fallback, f"fallback (rule-based): {pipeline.warning}"


def _check_ingest(state: dict, seeds: Path) -> tuple[bool, str]:
    from core.ingest import load_paths

    report = load_paths([seeds])
    state["articles"] = report.articles
    problems = report.problems
    detail = f"{len(report.articles)} article(s)"
    if report.articles:
        a = report.articles[0]
        detail += f"; \u201c{a.title[:50]}\u201d published {a.published} ({a.published_origin})"
    if problems:
        detail += "; problems: " + "; ".join(problems)
    return bool(report.articles) and not problems, detail


def _check_analysis(state: dict) -> tuple[bool, str]:
    from core.analysis import Analysis
    from core.pipeline import analyse_articles

    articles = state.get("articles")
    if not articles:
        return False, "no sample article to analyse"
    results, errors = [], []
    for progress in analyse_articles(articles, state.get("pipeline")):
        if progress.error:
            errors.append(progress.error)
        if progress.result is not None:
            results.append(progress.result)
    analysis = Analysis(results)
    state["analysis"] = analysis
    n_events = sum(len(r.events) for r in results)
    n_statements = sum(len(r.statements) for r in results)
    n_actors = len({a.id for r in results for a in r.actors})
    timeline = analysis.timeline()
    detail = (f"{len(results)} analysed, {sum(len(r.sentences) for r in results)} sentences, {n_actors} actors, "
              f"{n_statements} statements, {n_events} events, {len(timeline)} dated on the timeline")
    if errors:
        detail += "; errors: " + "; ".join(errors)
    return bool(results) and not errors and len(timeline) > 0, detail


def _check_charts(state: dict) -> tuple[bool, str]:
    analysis = state.get("analysis")
    if analysis is None:
        return False, "no analysis to chart"
    from PySide6.QtWidgets import QApplication

    from desktop.charts.render import write_charts

    _app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "standpoint"])
    with tempfile.TemporaryDirectory(prefix="standpoint-self-test-") as tmp:
        written = [Path(p) for p in write_charts(analysis, Path(tmp))]
        pngs = {p.name: p for p in written if p.suffix.lower() == ".png"}
        missing = [n for n in ("timeline.png", "matrix.png") if n not in pngs]
        parts, ok = [], not missing
        for name, path in sorted(pngs.items()):
            good, info = png_is_drawn(path)
            ok = ok and good
            parts.append(f"{name} {info}")
        if missing:
            parts.append("missing " + ", ".join(missing))
    return ok, "; ".join(parts) or "nothing written"


def png_is_drawn(path: Path, min_colours: int = 3, min_ink: float = 0.005) -> tuple[bool, str]:
    """Whether an image holds a drawing: several colours, and some pixels unlike the background (corner)."""
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    if image.isNull():
        return False, "unreadable"
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    w, h = image.width(), image.height()
    background = image.pixel(0, 0)
    step = max(1, min(w, h) // 200)  # sample a grid: a 2000-pixel chart reads in milliseconds
    colours, ink, total = set(), 0, 0
    for y in range(0, h, step):
        for x in range(0, w, step):
            px = image.pixel(x, y)
            colours.add(px)
            ink += px != background
            total += 1
    share = ink / max(1, total)
    ok = len(colours) >= min_colours and share >= min_ink
    return ok, f"{w}x{h}, {len(colours)} colours, {share:.1%} drawn"


def _check_project(path: Path) -> tuple[bool, str]:
    from core.io.store import load_project

    analysis = load_project(path)
    n = len(analysis)
    table = analysis.articles_table() if n else None
    titles = "; ".join(str(t)[:40] for t in table["title"]) if table is not None else ""
    return n > 0, f"{n} article(s) in {path}: {titles}"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
