"""The `standpoint` command: core's CLI, with charts rendered by the same Qt views as the app."""
from __future__ import annotations

import sys
from pathlib import Path


def _qt_chart_writer(analysis, out_dir: Path) -> list:
    try:
        from desktop.charts.render import write_charts
    except ImportError as exc:  # Qt libraries missing on a headless server: tables are still useful
        print(f"charts skipped: Qt is not available ({exc})", file=sys.stderr)
        return []
    return write_charts(analysis, out_dir)


def main(argv=None) -> int:
    from core.cli import main as core_main

    return core_main(argv, chart_writer=_qt_chart_writer)


if __name__ == "__main__":
    sys.exit(main())
