"""One folder of good articles with every hostile analyze-input beside them, and what must come of reading it.

Every placed file is named `<case name>__<original name>` (a case's own folder keeps its name), so a
message can be traced to its case whatever the file name did to the terminal.
"""
from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from tests.hostile.common import Case
from tests.hostile.generate import GOOD_ARTICLES, write_good_articles

GOOD_TITLES = ["Turkey warns Russia against Idlib offensive", "EU extends sanctions on Russia",
               "Iran and Saudi Arabia hold talks in Baghdad"]
CODE = re.compile(r"\[[EWI]\d{3}\]")


@dataclass
class Mixed:
    folder: Path
    good: list[Path]
    placed: dict[str, list[Path]] = field(default_factory=dict)  # case name -> files placed for it


def build(cases: list[Case], folder: Path) -> Mixed:
    """Write the good articles and place every analyze-case's inputs (links as links, pipes as pipes)."""
    if folder.exists():
        shutil.rmtree(folder)
    mixed = Mixed(folder, write_good_articles(folder))
    for case in cases:
        if case.command != "analyze" or case.args:
            continue
        for raw in case.paths:
            path = Path(raw)
            try:
                if not os.path.lexists(path):
                    continue
                if path.is_dir() and not path.is_symlink():
                    shutil.copytree(path, folder / case.name, symlinks=True)
                    mixed.placed.setdefault(case.name, []).append(folder / case.name)
                    continue
            except (OSError, ValueError):
                continue
            target = folder / _name(case.name, path.name)
            if os.path.lexists(target):  # the same file named again (one case names one file 10,000 times)
                continue
            _place(path, target)
            if not os.path.lexists(target):  # a socket cannot be copied: nothing was placed
                continue
            mixed.placed.setdefault(case.name, []).append(target)
            sidecar = path.with_name(path.stem + ".meta.json")
            if os.path.lexists(sidecar):
                _place(sidecar, target.with_name(target.stem + ".meta.json"))
    return mixed


def _name(case: str, original: str) -> str:
    name = f"{case}__{original}"
    if len(os.fsencode(name)) > 250:  # keep the suffix: it decides which reader runs
        suffix = Path(original).suffix[:10]
        name = f"{case}__long{suffix}"
    return name


def _place(source: Path, target: Path) -> None:
    if source.is_symlink():
        os.symlink(os.readlink(source), target)
    elif source.is_fifo():
        os.mkfifo(target)
    elif source.is_file():
        try:
            os.link(source, target)
        except OSError:
            shutil.copy2(source, target)


def readable_files(mixed: Mixed, suffixes) -> dict[str, list[Path]]:
    """Per case, the placed files a reader looks at (a supported suffix, not hidden), however deep."""
    out: dict[str, list[Path]] = {}
    for case, paths in mixed.placed.items():
        for path in paths:
            if path.is_dir() and not path.is_symlink():
                found = [p for p in _walk(path) if p.suffix.lower() in suffixes]
            else:
                found = [path] if path.suffix.lower() in suffixes and not path.name.startswith(".") else []
            if found:
                out.setdefault(case, []).extend(found)
    return out


def _walk(folder: Path):
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files + [d for d in dirs if os.path.islink(os.path.join(root, d))]:
            if not name.startswith("."):
                yield Path(root) / name


def _norm(text: str) -> str:
    from core.cli import terminal_safe
    from core.ingest.decode import printable

    return terminal_safe(printable(text))


def unaccounted(mixed: Mixed, suffixes, messages: list[str], sources: list[str]) -> dict[str, str]:
    """Readable files that were neither analysed (an article's source is the file) nor named in a
    message, or named by more than one message. Empty when every file is accounted for exactly once."""
    messages = [_norm(m) for m in messages]
    sources = [_norm(s) for s in sources]
    problems: dict[str, str] = {}
    for case, files in readable_files(mixed, suffixes).items():
        for path in files:
            name, full = _norm(path.name), _norm(str(path))
            named = [m for m in messages if name in m]
            analysed = any(full in s or s.endswith(name) for s in sources)
            if not named and not analysed:
                problems[f"{case}/{name}"] = "neither analysed nor named in a message"
            elif "__" in name and len(set(named)) > 1:  # a placed file's own, unique name: one message only
                problems[f"{case}/{name}"] = f"{len(set(named))} messages: {named[:3]}"
    return problems


def good_titles_found(titles: list[str]) -> dict[str, bool]:
    return {wanted: any(wanted in t for t in titles) for wanted in GOOD_TITLES}


assert len(GOOD_TITLES) == len(GOOD_ARTICLES)
