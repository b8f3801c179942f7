"""Writes the hostile-input corpus: `generate(folder)` returns one `Case` per input (run with `python -m`)."""
from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

from tests.hostile import generate_annotate, generate_formats, generate_special, generate_text
from tests.hostile.common import Builder, Case

CATEGORIES = (
    "encoding", "script", "control", "csv-injection", "size", "density", "nesting", "html", "docx", "zip-bomb",
    "xxe", "pdf", "eml", "special", "symlink", "filename", "sidecar", "project", "cli", "annotate",
)

# Three ordinary articles, for the mixed run: they must come out analysed whatever sits beside them.
GOOD_ARTICLES = {
    "good-idlib.txt": (
        "Turkey warns Russia against Idlib offensive\n\n"
        "ANKARA, Sept 4, 2018 (Reuters) - Turkey warned Russia on Tuesday that a Syrian government offensive on "
        "Idlib would cause a humanitarian catastrophe. Foreign Minister Mevlut Cavusoglu said Ankara opposed any "
        "attack on the province, home to nearly three million people. Russian Foreign Minister Sergei Lavrov said "
        "on Monday that militants in Idlib must be liquidated. The United Nations urged both sides to avoid "
        "a bloodbath and said talks would continue in Geneva next week.\n"),
    "good-sanctions.md": (
        "# EU extends sanctions on Russia\n\n"
        "BRUSSELS, March 12, 2019 - The European Union extended its sanctions on Russia for another six months on "
        "Tuesday, diplomats said. Germany and France supported the decision, while Hungary questioned whether the "
        "measures were working. Moscow condemned the move and said it would respond.\n"),
    "good-talks.html": (
        "<html><head><title>Iran and Saudi Arabia hold talks in Baghdad</title>"
        '<meta name="date" content="2021-04-18"></head><body><article>'
        "<h1>Iran and Saudi Arabia hold talks in Baghdad</h1>"
        "<p>BAGHDAD, April 18, 2021 - Senior officials from Iran and Saudi Arabia met in Baghdad on Friday, "
        "the first direct talks between the two rivals in years, Iraqi officials said.</p>"
        "<p>Iraq welcomed the meeting and said it hoped to host further rounds. The United States said it "
        "supported dialogue in the region but declined to comment on the details.</p>"
        "<p>Saudi Arabia denied on Sunday that any agreement had been reached.</p></article></body></html>"),
}


def generate(folder: Path) -> list[Case]:
    """Write every hostile input under `folder` (emptied first) and return the cases, in a fixed order."""
    folder = Path(folder)
    if folder.exists():
        _remove(folder)
    folder.mkdir(parents=True)
    builder = Builder(folder)
    for module in (generate_text, generate_formats, generate_special, generate_annotate):
        module.generate(builder)
    return builder.cases


def write_good_articles(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in GOOD_ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(folder / name)
    return paths


def _remove(folder: Path) -> None:
    # Files made unreadable (mode 000) or FIFOs must not stop a re-run.
    for path in folder.rglob("*"):
        try:
            if not path.is_symlink():
                path.chmod(0o700 if path.is_dir() else 0o600)
        except OSError:
            pass
    shutil.rmtree(folder)


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/standpoint-hostile")
    started = time.perf_counter()
    cases = generate(target)
    elapsed = time.perf_counter() - started
    by_category: dict[str, int] = {}
    for case in cases:
        by_category[case.category] = by_category.get(case.category, 0) + 1
    print(f"{len(cases)} cases in {elapsed:.1f} s under {target}")
    for category, n in sorted(by_category.items()):
        print(f"  {category:<14} {n}")
