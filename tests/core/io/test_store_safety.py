"""Saving is safe: kill -9 at any moment keeps the project openable and leaves at most the one named
leftover the next save removes;
read-only files, folders, damaged projects, views and triggers, and full disks each get one clear message."""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from core.analysis import Analysis
from core.io.store import load_project, save_project
from core.messages import UserFacingError
from tests.core.conftest import make_result

ROOT = Path(__file__).resolve().parents[3]
SAVE_LOOP = """
import sys
from pathlib import Path
from core.io.store import load_project, save_project
analysis = load_project(Path(sys.argv[1]))
target = Path(sys.argv[2])
print("ready", flush=True)
while True:
    save_project(target, analysis)
"""


def big_analysis(n: int = 12) -> Analysis:
    """Big enough (a few MB) that a save takes a while, so the kills land inside saves."""
    base = make_result()
    filler = " ".join(["Turkey warned Russia on Tuesday about the offensive."] * 4000)
    results = []
    for i in range(n):
        article = replace(base.article, id=f"a{i}", text=base.article.text + "\n\n" + filler)
        results.append(replace(base, article=article))
    return Analysis(results)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_kill_9_during_saves_keeps_the_project_openable_and_the_next_save_leaves_nothing(tmp_path):
    source = tmp_path / "source.standpoint"
    save_project(source, big_analysis())
    folder = tmp_path / "projects"
    folder.mkdir()
    target = folder / "p.standpoint"
    save_project(target, load_project(source))
    rng = random.Random(7)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(30):
        with subprocess.Popen([sys.executable, "-c", SAVE_LOOP, str(source), str(target)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) as proc:
            assert proc.stdout.readline().strip() == b"ready"
            time.sleep(rng.uniform(0.0, 0.6))
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        # A kill in the instant between naming the finished file and renaming it over the project may
        # leave that one file (Linux cannot rename an unnamed file over an existing one); nothing else.
        assert set(os.listdir(folder)) <= {"p.standpoint", ".p.standpoint.saving"}
        assert "p.standpoint" in os.listdir(folder)
        assert len(load_project(target)) == 12
    save_project(target, load_project(target))
    assert sorted(os.listdir(folder)) == ["p.standpoint"]


def test_a_leftover_of_an_older_kill_is_removed_by_the_next_save(tmp_path, analysis):
    target = tmp_path / "p.standpoint"
    save_project(target, analysis)
    leftover = tmp_path / ".p.standpoint.saving"
    leftover.write_bytes(b"half a project")
    save_project(target, analysis)
    assert sorted(os.listdir(tmp_path)) == ["p.standpoint"]


def test_a_read_only_project_is_never_replaced(tmp_path, analysis):
    target = tmp_path / "p.standpoint"
    save_project(target, analysis)
    before = target.read_bytes()
    os.chmod(target, 0o444)
    with pytest.raises(UserFacingError, match=r"\[E203\]"):
        save_project(target, Analysis())
    assert target.read_bytes() == before


@pytest.mark.parametrize("where, code", [("folder", "E204"), ("missing", "E204")])
def test_a_folder_or_a_missing_folder_is_a_message(tmp_path, analysis, where, code):
    target = tmp_path if where == "folder" else tmp_path / "no" / "such" / "p.standpoint"
    with pytest.raises(UserFacingError, match=rf"\[{code}\]"):
        save_project(target, analysis)


def test_a_damaged_project_with_a_valid_meta_table_is_not_overwritten(tmp_path, analysis):
    target = tmp_path / "p.standpoint"
    save_project(target, analysis)
    data = bytearray(target.read_bytes())
    page = 4096
    data[2 * page:3 * page] = os.urandom(page)  # a page of the tables, not the first (header and meta)
    target.write_bytes(bytes(data))
    with pytest.raises(UserFacingError, match=r"\[E201\]"):
        save_project(target, analysis)
    assert target.read_bytes() == bytes(data)


@pytest.mark.parametrize("sql", [
    "CREATE VIEW v AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c",
    "CREATE TRIGGER t AFTER INSERT ON meta BEGIN DELETE FROM meta; END",
    "CREATE TABLE extra (x)",
])
def test_views_triggers_and_foreign_tables_are_refused_before_reading(tmp_path, analysis, sql):
    target = tmp_path / "p.standpoint"
    save_project(target, analysis)
    with sqlite3.connect(target) as db:
        db.execute(sql)
    db.close()
    with pytest.raises(UserFacingError, match=r"\[E201\]"):
        load_project(target)


def test_a_full_disk_is_one_clear_message(tmp_path, analysis, monkeypatch):
    import errno

    from core.io import store

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store.os, "write", full)
    target = tmp_path / "p.standpoint"
    with pytest.raises(UserFacingError, match=r"disk .* is full.*\[E205\]"):
        save_project(target, analysis)
    monkeypatch.undo()
    assert os.listdir(tmp_path) == []


def test_language_and_page_kind_round_trip(tmp_path):
    base = make_result()
    article = replace(base.article, language="de", not_article="a list of links (an index or results page)")
    target = tmp_path / "p.standpoint"
    save_project(target, Analysis([replace(base, article=article)]))
    back = load_project(target).raw_results()[0].article
    assert (back.language, back.not_article) == ("de", article.not_article)
