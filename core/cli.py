"""The headless command line, `standpoint analyze …` and `standpoint annotate …`, over the same core API as the GUI."""
from __future__ import annotations

import argparse
import logging
import os
import re
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Callable, Sequence

from core import __version__, messages
from core.messages import UserFacingError

ChartWriter = Callable[[object, Path], list]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="standpoint", description=__doc__.split("\n")[0])
    parser.add_argument("--version", action="version", version=f"Standpoint {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    analyze = sub.add_parser("analyze", help="analyse articles; print and write the timeline and the matrix")
    analyze.add_argument("paths", nargs="+", type=_path_arg, help="article files or folders (.txt, .md, .html, .pdf, .docx, .eml)")
    analyze.add_argument("--published", help="publication date YYYY-MM-DD for articles that have none")
    analyze.add_argument("--out", type=Path, help="folder for CSV tables and PNG/SVG charts")
    analyze.add_argument("--format", default="csv", help="table formats, comma-separated: csv,xlsx,json")
    analyze.add_argument("--no-charts", action="store_true", help="write tables only")
    analyze.add_argument("--project", type=Path, help="also save a .standpoint project file")
    analyze.add_argument("--workers", metavar="N",
                         help="processes analysing at once (default: every core; 1 = this process only)")
    analyze.add_argument("--scheduler", metavar="ADDRESS",
                         help="run on a Dask cluster: its scheduler (tcp://host:8786), or 'local' for a "
                              "LocalCluster of --workers processes (needs standpoint[cluster])")
    analyze.add_argument("--cache", type=Path, metavar="FOLDER",
                         help="analysis cache folder (default: beside --project); articles analysed before "
                              "with the same text, title, date and version are not parsed again")
    analyze.add_argument("--no-cache", action="store_true", help="analyse every article, use no cache")
    analyze.add_argument("--matrix", choices=("stance", "issue", "actor", "target"), default="stance",
                         help="the matrix's columns: support/oppose/neutral (default), the issues found in the "
                              "corpus, the actors statements are about, or every target")
    analyze.add_argument("--group-by", choices=("none", "government", "party", "organisation"), default="none",
                         help="rows: every actor the text names (default), or people counted under the "
                              "government, party or organisation the text ties them to")
    analyze.add_argument("--entity-timeline", action="append", default=[], metavar="ACTOR",
                         help="with --out: write ACTOR's timeline across the articles (an actor id or name; "
                              "repeatable) as timeline-<id>.csv and in the SemEval-2015 TimeLine format, .txt")

    annotate = sub.add_parser("annotate", help="JSONL (id, text, dct) in, interchange-format JSONL out")
    annotate.add_argument("input", type=_path_arg)
    annotate.add_argument("-o", "--output", type=Path, required=True)
    annotate.add_argument("--layers", default="timexes,actors,statements,events",
                          help="comma-separated subset of timexes,actors,statements,events")
    annotate.add_argument("--statements", choices=("all", "attributions"), default="all",
                          help="all statements, or only attributions (who said/thinks what, outermost only)")
    return parser


def main(argv: Sequence[str] | None = None, chart_writer: ChartWriter | None = None) -> int:
    _quiet_logging()
    args = build_parser().parse_args(argv)
    try:
        if args.command == "annotate":
            return _annotate(args)
        return _analyze(args, chart_writer)
    except UserFacingError as exc:
        say(f"standpoint: {exc}", sys.stderr)
        return 2
    except KeyboardInterrupt:
        say("standpoint: stopped.", sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 -- a bug must still end with a message, not a traceback
        logging.getLogger(__name__).debug("unexpected error", exc_info=True)
        if os.environ.get("STANDPOINT_DEBUG"):
            raise
        say(f"standpoint: {messages.INTERNAL_ERROR.format(reason=type(exc).__name__)}", sys.stderr)
        return 3


class _NoTraceback(logging.Formatter):
    """Log lines without the traceback: a user's terminal gets the coded message, not the stack."""

    def format(self, record: logging.LogRecord) -> str:
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        return terminal_safe(super().format(record))


def _quiet_logging() -> None:
    if os.environ.get("STANDPOINT_DEBUG"):
        logging.basicConfig(level=logging.DEBUG, format="%(levelname)s %(name)s: %(message)s")
        return
    handler = logging.StreamHandler()
    handler.setFormatter(_NoTraceback("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if not any(isinstance(h.formatter, _NoTraceback) for h in root.handlers):
        root.addHandler(handler)
    root.setLevel(logging.WARNING)


# Terminal control sequences (CSI, OSC, DCS and the other string controls, lone escapes) and the
# remaining control and bidirectional-override characters: text from articles and file names must
# never move the cursor, retitle the window, write the clipboard or reorder what is shown.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]"
    r"|[\x1b][\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|[\x90\x9d\x98\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b.?"
)
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def terminal_safe(text: str) -> str:
    """`text` with every terminal control sequence and control character removed."""
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def say(text: str, stream=None) -> None:
    """Print to the terminal safely: no control sequences, and characters the terminal cannot show replaced."""
    stream = stream or sys.stdout
    text = terminal_safe(text)
    encoding = getattr(stream, "encoding", None) or "utf-8"
    text = text.encode(encoding, "replace").decode(encoding, "replace")
    print(text, file=stream, flush=stream is sys.stderr)


def _path_arg(value: str) -> Path:
    """A path argument; an empty one is refused (Path("") would quietly mean the current folder)."""
    if not value.strip():
        raise argparse.ArgumentTypeError(messages.BAD_OPTION.format(option="path", reason="an empty path names no file"))
    return Path(value)


def _check_out(out: Path | None) -> None:
    """The --out folder exists or can be made, before any analysis runs."""
    if out is None:
        return
    if out.exists() and not out.is_dir():
        raise UserFacingError(messages.OUTPUT_NOT_FOLDER.format(path=out, reason="it is a file"))
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserFacingError(messages.OUTPUT_NOT_FOLDER.format(
            path=out, reason=(exc.strerror or type(exc).__name__).lower())) from exc
    if not os.access(out, os.W_OK):
        raise UserFacingError(messages.OUTPUT_NOT_FOLDER.format(path=out, reason="it is not writable"))


def _annotate(args) -> int:
    from core.annotate import LAYERS, annotate_file
    from core.nlp import load_pipeline

    layers = [x.strip() for x in args.layers.split(",") if x.strip()]
    unknown = set(layers) - set(LAYERS)
    if unknown:
        raise UserFacingError(messages.BAD_OPTION.format(
            option="--layers", reason=f"unknown layer(s) {', '.join(sorted(unknown))}; choose from {', '.join(LAYERS)}"))
    pipeline = load_pipeline()
    if pipeline.warning:
        say(pipeline.warning, sys.stderr)
    skipped: list[str] = []

    def report(problem: str) -> None:
        skipped.append(problem)
        say(problem, sys.stderr)

    n = annotate_file(args.input, args.output, layers, pipeline, statements=args.statements, report=report)
    say(f"annotated {n} records -> {args.output}" + (f"; {len(skipped)} line(s) skipped" if skipped else ""),
        sys.stderr)
    return 1 if skipped else 0  # the good records are written; a script still learns that some were not


def _analyze(args, chart_writer: ChartWriter | None) -> int:
    from core.analysis import Analysis
    from core.ingest import load_paths, parse_user_date
    from core.io.export import TABLE_WRITERS
    from core.parallel import available_cores
    from core.runner import RunOptions, default_cache, parse_workers, run_analysis

    default_date = parse_user_date(args.published) if args.published else None
    formats = [f.strip() for f in args.format.split(",") if f.strip()]
    unknown = set(formats) - set(TABLE_WRITERS)
    if unknown:
        raise UserFacingError(messages.BAD_OPTION.format(
            option="--format", reason=f"unknown format(s) {', '.join(sorted(unknown))}; choose from {', '.join(TABLE_WRITERS)}"))
    _check_out(args.out)
    if args.project:
        from core.io.store import check_target

        check_target(args.project)
    report = load_paths(args.paths)
    for problem in report.problems + report.skipped:
        say(problem, sys.stderr)
    articles = [
        replace(a, published=default_date, published_origin="user") if default_date and a.published is None else a
        for a in report.articles
    ]
    if not articles:
        say(f"standpoint: {messages.NOTHING_TO_ANALYSE.format()}", sys.stderr)
        return 1
    options = RunOptions(workers=parse_workers(args.workers, available_cores()), explicit=args.workers is not None,
                         scheduler=args.scheduler,
                         cache=None if args.no_cache else (args.cache or default_cache(args.project)))
    results = {}
    started = time.perf_counter()
    for progress in run_analysis(articles, options, warn=lambda text: say(text, sys.stderr)):
        if not progress.done:
            say(progress.message, sys.stderr)
        if progress.error:
            say(progress.error, sys.stderr)
        if progress.result is not None:
            results[progress.result.article.id] = progress.result
            for note in progress.result.notes:
                say(note, sys.stderr)
    say(f"{len(results)} of {len(articles)} articles analysed in {time.perf_counter() - started:.1f} s", sys.stderr)
    # the articles' order whatever came from the cache or which worker finished first: same tables, same ids
    analysis = Analysis(results[a.id] for a in articles if a.id in results)
    say(format_timeline(analysis))
    say("")
    say(format_matrix(analysis, args.matrix, args.group_by))
    if args.out:
        from core.io.export import export_graphml, export_tables

        written = export_tables(analysis, args.out, formats, matrix_columns=args.matrix, group_by=args.group_by)
        written.append(export_graphml(analysis, args.out / "network.graphml", group_by=args.group_by))
        written += _entity_timelines(analysis, args.entity_timeline, args.out)
        if not args.no_charts:
            if chart_writer is None:
                say("charts skipped: the Qt renderer is not available", sys.stderr)
            else:
                written.extend(chart_writer(analysis, args.out))
        say("\nwrote " + ", ".join(str(p) for p in written))
    if args.entity_timeline and not args.out:
        say(messages.ENTITY_TIMELINE_NEEDS_OUT.format(), sys.stderr)
    if args.project:
        from core.io.store import save_project

        say(f"saved project {save_project(args.project, analysis)}")
    return 0


def _entity_timelines(analysis, names: list[str], out: Path) -> list:
    from core.io.export import export_entity_timeline, find_actor

    written = []
    for name in names:
        actor_id = find_actor(analysis, name)
        if actor_id is None:
            say(messages.UNKNOWN_ACTOR.format(name=name), sys.stderr)
            continue
        written += export_entity_timeline(analysis, actor_id, out)
    return written


# how a date was found when the sentence names none
_ANCHOR_LABEL = {"publication": "(by tense: publication)", "reference": "(by tense: day before)",
                 "after": "(planned: after pub.)"}


def format_timeline(analysis, width: int = 70) -> str:
    table = analysis.timeline()
    if table.empty:
        return "Timeline: no dated events."
    lines = [f"Timeline ({len(table)} dated events)"]
    for row in table.itertuples(index=False):
        when = row.date_start.strftime("%Y-%m-%d")
        sentence = row.sentence.replace("\n", " ")
        sentence = sentence if len(sentence) <= width else sentence[: width - 1] + "\u2026"
        phrase = row.time_text or _ANCHOR_LABEL.get(row.anchor, "")
        lines.append(f"  {when}  {phrase[:24]:<24} {row.modality:<12} {row.actors[:30]:<30} {sentence}")
    return "\n".join(lines)


def format_matrix(analysis, columns: str = "stance", group_by: str = "none") -> str:
    matrix = analysis.stance_matrix(columns, group_by=group_by)
    if matrix.is_empty:
        return "Stance matrix: no attributed statements."
    counts = matrix.counts.copy()
    counts.index = [matrix.names.get(a, a) for a in counts.index]
    if columns != "stance":  # dozens to thousands of columns: the busiest ones, all of them in the CSV
        counts = counts[counts.sum().sort_values(ascending=False).index[:8]]
    grouped = "" if group_by == "none" else f", people under their {group_by}"
    return f"Stance matrix (statements per actor{grouped}; columns: {columns})\n" + counts.to_string()


if __name__ == "__main__":
    sys.exit(main())
