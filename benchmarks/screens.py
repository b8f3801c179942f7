"""The real window on a real screen: a screenshot at the screen's size, layout figures, and one export of each chart.

Run it under Xvfb at the sizes a user has, e.g.

    xvfb-run -a -s "-screen 0 1024x768x24" python benchmarks/screens.py PROJECT.standpoint --out docs
    xvfb-run -a -s "-screen 0 1920x1080x24" python benchmarks/screens.py PROJECT.standpoint --out docs --exports

It opens the project as a user would (the window sizes itself to the screen), selects the fullest
matrix cell so the evidence and source panes have content, grabs the whole screen (what a user sees,
not the window's own off-screen parts) as `screen-<W>x<H>.png`, prints whether the window fits the
screen and how many lanes, rows and columns each chart shows, and with `--exports` writes
`export-timeline.png`, `export-matrix.png`, `export-stance-over-time.png` (default size) and the PDFs'
page counts.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--out", type=Path, default=Path("."))
    parser.add_argument("--exports", action="store_true", help="also export each chart (PNG and PDF)")
    parser.add_argument("--theme", choices=("system", "light", "dark"), default="system")
    parser.add_argument("--columns", choices=("stance", "issue", "actor", "target"), default="stance",
                        help="the matrix's columns when the screen is grabbed")
    parser.add_argument("--issues-tab", action="store_true", help="show the Issues tab on the left")
    parser.add_argument("--window", type=Path, help="also save the window alone (no screen margin) here")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["standpoint"])
    from desktop.app.geometry import fits
    from desktop.app.main_window import MainWindow
    from desktop.app.settings import Settings
    from desktop.widgets.theme import apply_theme

    settings = Settings(QSettings(str(args.out / ".screens-settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings=settings, load_model=False)  # no saved geometry: the first start
    window.ask_before_discard = False
    apply_theme(args.theme)
    window.show()
    args.out.mkdir(parents=True, exist_ok=True)
    code = 0

    def run() -> None:
        nonlocal code
        if not window.open_project(args.project):
            print(f"could not open {args.project}")
            code = 2
            app.exit(code)
            return
        screen = window.screen().availableGeometry()
        app.processEvents()
        matrix = window.workspace.chart_widgets["Matrix"]
        window.show_chart("Matrix")
        matrix.set_columns(args.columns)
        if args.issues_tab:
            window.workspace.left.setCurrentWidget(window.workspace.issue_panel)
        app.processEvents()
        cells = matrix.matrix.cells if matrix.matrix is not None else {}
        if cells:
            actor, column = max(cells, key=lambda c: (c[1] != "neutral", len(cells[c])))
            matrix.activate_cell(matrix.row_ids.index(actor), matrix.col_ids.index(column))
        QTimer.singleShot(600, lambda: report(screen))

    def report(screen) -> None:
        name = f"screen-{screen.width()}x{screen.height()}.png"
        app.primaryScreen().grabWindow(0).save(str(args.out / name))
        if args.window:
            window.grab().save(str(args.window))
        frame = window.frameGeometry()
        print(f"screen {screen.width()}x{screen.height()}: window {frame.width()}x{frame.height()} at "
              f"({frame.x()}, {frame.y()}), fits: {fits(frame, screen)}, smallest layout "
              f"{window.minimumSizeHint().width()}x{window.minimumSizeHint().height()} -> {name}")
        widgets = window.workspace.chart_widgets
        timeline, matrix = widgets["Timeline"], widgets["Matrix"]
        (x0, x1), (y0, y1) = matrix.plot.getViewBox().viewRange()
        print(f"timeline: {len(timeline.marks.lanes)} lanes (limit {timeline.max_lanes}), "
              f"{len(timeline.marks.folded)} actors in 'other'; matrix: {len(matrix.row_ids)} rows x "
              f"{len(matrix.col_ids)} columns, {round(y1 - y0)} x {round(x1 - x0)} in view; article list "
              f"buttons {'icons' if window.workspace.article_list.buttons.compact else 'named'}, actor buttons "
              f"{'icons' if window.workspace.actor_panel.buttons.compact else 'named'}")
        if args.exports:
            export_all(widgets)
        app.exit(code)

    def export_all(widgets) -> None:
        from desktop.charts.export import export_chart

        for title, chart in widgets.items():
            slug = title.lower().replace(" ", "-")
            window.show_chart(title)
            app.processEvents()
            started = time.perf_counter()
            png = export_chart(chart, args.out / f"export-{slug}.png")
            png_s = time.perf_counter() - started
            started = time.perf_counter()
            pdf = export_chart(chart, args.out / f".export-{slug}.pdf")
            pdf_s = time.perf_counter() - started
            pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))
            pdf.unlink()
            print(f"export {title}: {png.name} 1600x1000 px in {png_s:.2f} s; as PDF {pages} "
                  f"page{'s' * (pages != 1)} in {pdf_s:.2f} s")

    QTimer.singleShot(300, run)
    app.exec()
    (args.out / ".screens-settings.ini").unlink(missing_ok=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
