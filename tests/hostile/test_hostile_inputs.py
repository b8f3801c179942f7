"""Every generated hostile input through the CLI's entry point: a result or a coded message, within 60 s and 2 GB.

The corpus (tests/hostile/generate.py, 450+ inputs) runs in one worker process that loads the language
model once, watched from outside (tests/hostile/inprocess.py): a case without an answer within the
budget is a hang. A sample goes through the real `standpoint` command in its own process with the same
limits, and one folder of good articles with every hostile file beside them goes through the command
once: every good article analysed, every other file analysed or named in one message.
"""
from __future__ import annotations

import csv
import os
import shutil
import sys
from pathlib import Path

import pytest

from core.ingest import SUPPORTED_SUFFIXES
from tests.hostile import mixed as mixed_folder
from tests.hostile.generate import generate
from tests.hostile.inprocess import BUDGET_BYTES, BUDGET_SECONDS, run_all

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="FIFOs, /proc and O_TMPFILE cases")

# Through the real command, one process each: one case of each kind that once crashed, hung or leaked.
CLI_SAMPLE = ("utf16le-odd-bytes-txt", "fifo-as-file-txt", "dev-zero-as-txt", "docx-2gib-core-part",
              "docx-run-nesting-10000", "eml-multipart-nesting-5000", "symlink-out-passwd", "name-escape",
              "formula-equals-cmd-title", "project-meta-endless-view", "annotate-text-null",
              "cli-out-is-file", "quotes-10k-unbalanced-straight", "escape-osc52-clipboard-in-actor")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    cases = generate(root / "inputs")
    yield root, cases
    _remove(root)


@pytest.fixture(scope="module")
def outcomes(corpus):
    root, cases = corpus
    return {o["name"]: o for o in run_all(cases, root / "inprocess")}


def test_every_input_gets_a_result_or_a_coded_message(corpus, outcomes):
    _, cases = corpus
    assert len(outcomes) == len(cases) >= 300
    failing = {name: f"{o['kind']}: {o['problem']}" for name, o in outcomes.items() if o["kind"] not in ("ok", "message")}
    assert failing == {}


def test_within_the_budget(outcomes):
    slow = {n: o["seconds"] for n, o in outcomes.items() if o["seconds"] > BUDGET_SECONDS}
    big = {n: o["peak_mb"] for n, o in outcomes.items() if o["peak_mb"] * 2**20 > BUDGET_BYTES}
    assert slow == {} and big == {}


def test_outputs_are_safe(corpus, outcomes):
    """No text from outside a dropped folder anywhere, no terminal escapes, no spreadsheet formulas,
    GraphML that parses: the checks benchmarks/hostile.py makes on the command's outputs."""
    from benchmarks.hostile import safety

    root, cases = corpus
    flags = {}
    for case in cases:
        outcome = outcomes[case.name]
        found = safety(case, root / "inprocess" / "runs" / case.name / "out", outcome["stdout"], outcome["stderr"])
        if found:
            flags[case.name] = found
    assert flags == {}


def test_a_sample_through_the_real_command(corpus):
    from benchmarks.hostile import run_case

    root, cases = corpus
    by_name = {c.name: c for c in cases}
    results = {}
    for name in CLI_SAMPLE:
        outcome = run_case(by_name[name], root / "cli", BUDGET_SECONDS, BUDGET_BYTES)
        results[name] = (outcome.kind, outcome.flags)
    assert {n: r for n, r in results.items() if r[0] not in ("ok", "message") or r[1]} == {}


def test_a_folder_of_good_and_hostile_files_through_the_command(corpus):
    from benchmarks.hostile import run_command

    root, cases = corpus
    mixed = mixed_folder.build(cases, root / "mixed")
    out = root / "mixed-run" / "out"
    argv = [sys.executable, "-m", "core.cli", "analyze", str(mixed.folder), "--out", str(out), "--no-charts"]
    # Hundreds of inputs in one process, analysed in batches of eight long texts: twice one input's budget.
    code, stdout, stderr, seconds, peak = run_command(argv, root / "mixed-run", 900, 2 * BUDGET_BYTES)
    assert code == 0, stderr[-2000:]
    assert "Traceback" not in stdout + stderr and "[E301]" not in stderr  # no article's analysis failed
    with open(out / "articles.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert all(mixed_folder.good_titles_found([r["title"] for r in rows]).values())
    messages = [line for line in stderr.splitlines() if mixed_folder.CODE.search(line)]
    assert mixed_folder.unaccounted(mixed, SUPPORTED_SUFFIXES, messages, [r["source"] for r in rows]) == {}


def _remove(folder: Path) -> None:
    for path in folder.rglob("*"):
        try:
            if not path.is_symlink():
                os.chmod(path, 0o700)
        except OSError:
            pass
    shutil.rmtree(folder, ignore_errors=True)
