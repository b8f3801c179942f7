"""The headless command line, `standpoint analyze …` and `standpoint annotate …`, over the same core API as the GUI."""
from __future__ import annotations

import argparse
import logging
import sys
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
    analyze.add_argument("paths", nargs="+", type=Path, help="article files or folders (.txt, .md, .html, .pdf, .docx, .eml)")
    analyze.add_argument("--published", help="publication date YYYY-MM-DD for articles that have none")
    analyze.add_argument("--out", type=Path, help="folder for CSV tables and PNG/SVG charts")
    analyze.add_argument("--format", default="csv", help="table formats, comma-separated: csv,xlsx,json")
    analyze.add_argument("--no-charts", action="store_true", help="write tables only")
    analyze.add_argument("--project", type=Path, help="also save a .standpoint project file")
    analyze.add_argument("--entity-timeline", action="append", default=[], metavar="ACTOR",
                         help="with --out: write ACTOR's timeline across the articles (an actor id or name; "
                              "repeatable) as timeline-<id>.csv and in the SemEval-2015 TimeLine format, .txt")

    annotate = sub.add_parser("annotate", help="JSONL (id, text, dct) in, interchange-format JSONL out")
    annotate.add_argument("input", type=Path)
    annotate.add_argument("-o", "--output", type=Path, required=True)
    annotate.add_argument("--layers", default="timexes,actors,statements,events",
                          help="comma-separated subset of timexes,actors,statements,events")
    annotate.add_argument("--statements", choices=("all", "attributions"), default="all",
                          help="all statements, or only attributions (who said/thinks what, outermost only)")
    return parser


def main(argv: Sequence[str] | None = None, chart_writer: ChartWriter | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    try:
        if args.command == "annotate":
            return _annotate(args)
        return _analyze(args, chart_writer)
    except UserFacingError as exc:
        print(f"standpoint: {exc}", file=sys.stderr)
        return 2


def _annotate(args) -> int:
    from core.annotate import LAYERS, annotate_file
    from core.nlp import load_pipeline

    layers = [x.strip() for x in args.layers.split(",") if x.strip()]
    unknown = set(layers) - set(LAYERS)
    if unknown:
        raise UserFacingError(f"unknown layer(s): {', '.join(sorted(unknown))}; choose from {', '.join(LAYERS)}")
    if not args.input.is_file():
        raise UserFacingError(f"{args.input} does not exist.")
    pipeline = load_pipeline()
    if pipeline.warning:
        print(pipeline.warning, file=sys.stderr)
    n = annotate_file(args.input, args.output, layers, pipeline, statements=args.statements)
    print(f"annotated {n} records -> {args.output}", file=sys.stderr)
    return 0


def _analyze(args, chart_writer: ChartWriter | None) -> int:
    from core.analysis import Analysis
    from core.ingest import load_paths, parse_user_date
    from core.nlp import load_pipeline
    from core.pipeline import analyse_articles

    from core.io.export import TABLE_WRITERS

    default_date = parse_user_date(args.published) if args.published else None
    formats = [f.strip() for f in args.format.split(",") if f.strip()]
    unknown = set(formats) - set(TABLE_WRITERS)
    if unknown:
        raise UserFacingError(f"unknown format(s): {', '.join(sorted(unknown))}; choose from {', '.join(TABLE_WRITERS)}")
    report = load_paths(args.paths)
    for problem in report.problems + report.skipped:
        print(problem, file=sys.stderr)
    articles = [
        replace(a, published=default_date, published_origin="user") if default_date and a.published is None else a
        for a in report.articles
    ]
    if not articles:
        print("standpoint: no readable articles to analyse.", file=sys.stderr)
        return 1
    pipeline = load_pipeline()
    if pipeline.warning:
        print(pipeline.warning, file=sys.stderr)
    results = []
    for progress in analyse_articles(articles, pipeline):
        if progress.error:
            print(progress.error, file=sys.stderr)
        if progress.result is not None:
            results.append(progress.result)
            for note in progress.result.notes:
                print(note, file=sys.stderr)
    analysis = Analysis(results)
    print(format_timeline(analysis))
    print()
    print(format_matrix(analysis))
    if args.out:
        from core.io.export import export_graphml, export_tables

        written = export_tables(analysis, args.out, formats)
        written.append(export_graphml(analysis, args.out / "network.graphml"))
        written += _entity_timelines(analysis, args.entity_timeline, args.out)
        if not args.no_charts:
            if chart_writer is None:
                print("charts skipped: the Qt renderer is not available", file=sys.stderr)
            else:
                written.extend(chart_writer(analysis, args.out))
        print("\nwrote " + ", ".join(str(p) for p in written))
    if args.entity_timeline and not args.out:
        print(messages.ENTITY_TIMELINE_NEEDS_OUT.format(), file=sys.stderr)
    if args.project:
        from core.io.store import save_project

        print(f"saved project {save_project(args.project, analysis)}")
    return 0


def _entity_timelines(analysis, names: list[str], out: Path) -> list:
    from core.io.export import export_entity_timeline, find_actor

    written = []
    for name in names:
        actor_id = find_actor(analysis, name)
        if actor_id is None:
            print(messages.UNKNOWN_ACTOR.format(name=name), file=sys.stderr)
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


def format_matrix(analysis) -> str:
    matrix = analysis.stance_matrix("stance")
    if matrix.is_empty:
        return "Stance matrix: no attributed statements."
    counts = matrix.counts.copy()
    counts.index = [matrix.names.get(a, a) for a in counts.index]
    return "Stance matrix (statements per actor)\n" + counts.to_string()


if __name__ == "__main__":
    sys.exit(main())
