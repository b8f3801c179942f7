"""The analysis worker: results arrive on the GUI thread, cancel keeps finished work, failures are reported."""
from __future__ import annotations

import threading
import time

from core.pipeline import Progress
from desktop.workers.analysis import AnalysisWorker
from tests.desktop.conftest import make_analysis


def fake_analyse(delay: float = 0.0, fail: set[str] = frozenset()):
    def analyse(articles, pipeline):
        yield Progress(0, len(articles), "start")
        for i, article in enumerate(articles, 1):
            time.sleep(delay)
            if article.id in fail:
                yield Progress(i, len(articles), article.title, error=f"Analysing {article.title} failed")
            else:
                yield Progress(i, len(articles), article.title, result=make_analysis(article.id, article.title))
    return analyse


def articles(n: int):
    return [make_analysis(f"a{i}", f"Article {i}").article for i in range(n)]


def test_results_arrive_on_gui_thread_in_order(qtbot):
    worker = AnalysisWorker(loader=lambda: "pipeline", analyse_fn=fake_analyse())
    seen, threads = [], []
    worker.result.connect(lambda r: (seen.append(r.article.id), threads.append(threading.current_thread())))
    with qtbot.waitSignal(worker.finished, timeout=5000) as blocker:
        worker.analyse(articles(3))
    assert blocker.args == [False]
    assert seen == ["a0", "a1", "a2"]
    assert all(t is threading.main_thread() for t in threads)
    assert worker.pipeline == "pipeline"


def test_progress_counts_up_to_total(qtbot):
    worker = AnalysisWorker(loader=lambda: None, analyse_fn=fake_analyse())
    steps = []
    worker.progress.connect(lambda done, total, message: steps.append((done, total)))
    with qtbot.waitSignal(worker.finished, timeout=5000):
        worker.analyse(articles(2))
    assert steps == [(0, 2), (1, 2), (2, 2)]


def test_pipeline_loaded_once_in_background(qtbot):
    calls = []
    worker = AnalysisWorker(loader=lambda: calls.append(1) or "p", analyse_fn=fake_analyse())
    with qtbot.waitSignal(worker.pipeline_loaded, timeout=5000) as blocker:
        worker.load_pipeline()
    assert blocker.args == ["p"]
    worker.wait()
    with qtbot.waitSignal(worker.finished, timeout=5000):
        worker.analyse(articles(1))
    assert calls == [1]


def test_cancel_keeps_finished_results_and_stops(qtbot):
    worker = AnalysisWorker(loader=lambda: None, analyse_fn=fake_analyse(delay=0.05))
    seen = []
    worker.result.connect(lambda r: seen.append(r.article.id))
    worker.result.connect(lambda r: worker.cancel() if len(seen) == 2 else None)
    with qtbot.waitSignal(worker.finished, timeout=5000) as blocker:
        worker.analyse(articles(20))
    assert blocker.args == [True]
    assert 2 <= len(seen) < 20
    assert seen == [f"a{i}" for i in range(len(seen))]
    # A new run after a cancel works normally.
    with qtbot.waitSignal(worker.finished, timeout=5000) as blocker:
        worker.analyse(articles(1))
    assert blocker.args == [False]


def test_failed_article_is_reported_with_its_id(qtbot):
    worker = AnalysisWorker(loader=lambda: None, analyse_fn=fake_analyse(fail={"a1"}))
    failures, results = [], []
    worker.article_failed.connect(lambda aid, message: failures.append((aid, message)))
    worker.result.connect(lambda r: results.append(r.article.id))
    with qtbot.waitSignal(worker.finished, timeout=5000):
        worker.analyse(articles(3))
    assert failures == [("a1", "Analysing Article 1 failed")]
    assert results == ["a0", "a2"]


def test_articles_queued_during_a_run_are_analysed_next(qtbot):
    worker = AnalysisWorker(loader=lambda: None, analyse_fn=fake_analyse(delay=0.02))
    seen = []
    worker.result.connect(lambda r: seen.append(r.article.id))
    worker.analyse(articles(2))
    worker.analyse([make_analysis("late", "Late").article])
    qtbot.waitUntil(lambda: len(seen) == 3 and not worker.busy, timeout=5000)
    assert seen == ["a0", "a1", "late"]


def test_a_crashing_generator_is_reported_not_raised(qtbot):
    def broken(articles, pipeline):
        yield Progress(0, 1, "start")
        raise RuntimeError("bug")

    worker = AnalysisWorker(loader=lambda: None, analyse_fn=broken)
    with qtbot.waitSignal(worker.failed, timeout=5000) as blocker:
        worker.analyse(articles(1))
    assert "RuntimeError" in blocker.args[0]
    worker.wait()


def test_load_and_analyse_reads_files_in_the_worker(qtbot, tmp_path):
    (tmp_path / "one.txt").write_text("Talks collapse\n\nTurkey said talks had collapsed.\n", encoding="utf-8")
    (tmp_path / "copy.txt").write_text("Talks collapse\n\nTurkey said talks had collapsed.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    worker = AnalysisWorker(loader=lambda: None, analyse_fn=fake_analyse())
    reports, seen, order = [], [], []
    worker.loaded.connect(lambda report: (reports.append(report), order.append("loaded")))
    worker.result.connect(lambda r: (seen.append(r.article.title), order.append("result")))
    with qtbot.waitSignal(worker.finished, timeout=10_000):
        worker.load_and_analyse([tmp_path])
    (report,) = reports
    assert [a.title for a in report.articles] == ["Talks collapse"] and seen == ["Talks collapse"]
    assert len(report.problems) == 1 and "empty.txt" in report.problems[0]
    assert len(report.skipped) == 1
    assert order == ["loaded", "result"]  # the GUI learns of the articles before their results


def test_load_of_only_bad_files_still_finishes(qtbot, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    worker = AnalysisWorker(loader=lambda: None, analyse_fn=fake_analyse())
    with qtbot.waitSignal(worker.finished, timeout=10_000) as finished:
        worker.load_and_analyse([tmp_path / "empty.txt"], known_ids={"x"})
    assert finished.args == [False]


def test_shutdown_while_the_model_loads_waits_for_the_thread(qtbot):
    """Quitting during a slow model load must not destroy a running QThread (that aborts the process)."""
    def slow_loader():
        time.sleep(1.5)  # longer than the old 10 s limit scaled down: the wait must have no limit
        return "pipeline"

    worker = AnalysisWorker(loader=slow_loader, analyse_fn=fake_analyse())
    worker.load_pipeline()
    assert worker.busy
    worker.shutdown()
    assert not worker.busy and worker.pipeline == "pipeline"


def test_quitting_the_app_mid_load_stops_the_worker_cleanly(tmp_path):
    """`--exit-after-load` giving up while the model still loads quits with its code, not an abort."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    script = ("import sys, desktop.app.launcher as l\n"
              "l.EXIT_AFTER_LOAD_TIMEOUT = 0.3\n"
              "sys.exit(l.main(['--exit-after-load']))\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path),
               XDG_DATA_HOME=str(tmp_path), HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", script], cwd=root, env=env, capture_output=True, text=True,
                          timeout=120)
    assert "QThread: Destroyed" not in done.stderr
    assert done.returncode == 3, done.stdout + done.stderr
    assert "timeout after" in done.stdout
