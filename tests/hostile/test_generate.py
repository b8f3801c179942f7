"""Checks the hostile-input generator itself (count, coverage, names, speed, size) without running the app."""
from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from tests.hostile.generate import CATEGORIES, generate


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    started = time.perf_counter()
    cases = generate(folder)
    return folder, cases, time.perf_counter() - started


def test_at_least_300_cases_every_category(generated):
    _, cases, _ = generated
    assert len(cases) >= 300
    assert {c.category for c in cases} == set(CATEGORIES)
    assert all(sum(c.category == cat for c in cases) >= 5 for cat in CATEGORIES)


def test_names_unique_and_fields_valid(generated):
    _, cases, _ = generated
    assert len({c.name for c in cases}) == len(cases)
    assert {c.command for c in cases} <= {"analyze", "annotate", "open"}
    assert {c.expect for c in cases} <= {"result", "message"}
    assert all(c.paths for c in cases)


def test_generation_takes_seconds(generated):
    _, _, seconds = generated
    assert seconds < 15


def test_deterministic(generated, tmp_path):
    _, cases, _ = generated
    again = generate(tmp_path / "again")
    assert [c.name for c in again] == [c.name for c in cases]
    for name in ("utf16le-lone-high-surrogate-txt", "docx-2gib-core-part", "pdf-encrypted-rc4-user-password",
                 "dates-10k-one-sentence"):
        first = next(c for c in cases if c.name == name).paths[0]
        second = next(c for c in again if c.name == name).paths[0]
        assert Path(first).read_bytes() == Path(second).read_bytes(), name


def _size(case_name, cases):
    return Path(next(c for c in cases if c.name == case_name).paths[0]).stat().st_size


def test_big_inputs_are_big(generated):
    _, cases, _ = generated
    assert _size("line-1mb-no-full-stop", cases) >= 1_000_000
    assert _size("text-6mb", cases) >= 6 * 2**20 * 0.99
    assert _size("annotate-text-6mb", cases) >= 6 * 2**20 * 0.99
    text = Path(next(c for c in cases if c.name == "sentence-200k-words").paths[0]).read_text()
    assert len(text.split()) >= 200_000 and text.count(".") == 1
    tiny = Path(next(c for c in cases if c.name == "tiny-sentences-100k").paths[0]).read_text()
    assert tiny.count(".") == 100_000


def test_bombs_declare_what_they_claim(generated):
    import zipfile

    _, cases, _ = generated
    with zipfile.ZipFile(next(c for c in cases if c.name == "docx-2gib-core-part").paths[0]) as archive:
        assert archive.getinfo("docProps/core.xml").file_size == 2 * 2**30
    path = next(c for c in cases if c.name == "docx-bomb-60mb-paragraphs").paths[0]
    assert os.path.getsize(path) < 2**20
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("word/document.xml")
        assert info.file_size > 60 * 10**6
        with archive.open(info) as fh:  # honest: the stream really unpacks, CRC and all
            assert fh.read(1000).startswith(b"<w:document")


def test_special_files(generated):
    folder, cases, _ = generated
    fifo = next(c for c in cases if c.name == "fifo-as-file-txt").paths[0]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert os.readlink(next(c for c in cases if c.name == "dev-zero-as-txt").paths[0]) == "/dev/zero"
    loop = next(c for c in cases if c.name == "symlink-loop-pair").paths[0]
    with pytest.raises(OSError):
        os.stat(loop)
    out = Path(next(c for c in cases if c.name == "symlink-out-secret").paths[0])
    assert (out / "notes.txt").resolve().parent == (folder / "outside").resolve()
    long_name = next(c for c in cases if c.name == "name-300-bytes-ascii").paths[0]
    assert len(os.fsencode(os.path.basename(long_name))) > 255
