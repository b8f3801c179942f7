"""Checks, without loading Qt, that the system libraries of Qt's X11 plugin are installed, and names the fix.

`make run` calls it before starting the app (`python -m desktop.app.qt_libraries`), and the launcher
before creating the application, so a machine without them gets one line to run instead of Qt's
"could not load the Qt platform plugin xcb" and an abort.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


def xcb_plugin() -> Path | None:
    """Qt's X11 platform plugin inside the installed PySide6 (or the frozen app), without importing Qt."""
    import importlib.util

    bases = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        bases.append(Path(frozen) / "PySide6" / "Qt" / "plugins")
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.submodule_search_locations:
        bases.extend(Path(p) / "Qt" / "plugins" for p in spec.submodule_search_locations)
    for base in bases:
        plugin = base / "platforms" / "libqxcb.so"
        if plugin.is_file():
            return plugin
    return None


def missing_libraries(plugin: Path | None = None) -> list[str]:
    """Sonames the X11 plugin needs and the system lacks ([] when all are there or it cannot be told)."""
    plugin = plugin or xcb_plugin()
    if plugin is None or not sys.platform.startswith("linux"):
        return []
    try:
        out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted(set(NOT_FOUND.findall(out)))


def _packages() -> dict[str, list[str]]:
    from core.resources import resource_path

    return json.loads(resource_path("qt_system_libraries.json").read_text(encoding="utf-8"))["libraries"]


def fix_message(missing: list[str]) -> str:
    """What to tell the user: which libraries are missing and the one command per system that installs them."""
    table = _packages()
    debian = sorted({table[m][0] for m in missing if m in table})
    fedora = sorted({table[m][1] for m in missing if m in table})
    unknown = [m for m in missing if m not in table]
    lines = [
        "Standpoint cannot open its window: Qt's X11 platform plugin needs system libraries that are not "
        f"installed ({', '.join(missing)}).",
        "Install them with:",
        "  Debian/Ubuntu:  sudo apt-get install " + " ".join(debian or ["libxcb-cursor0"]),
        "  Fedora:         sudo dnf install " + " ".join(fedora or ["xcb-util-cursor"]),
    ]
    if unknown:
        lines.append(f"  (and the packages that provide {', '.join(unknown)})")
    lines.append("then run Standpoint again. The command line (`standpoint analyze`) works without them.")
    return "\n".join(lines)


NO_DISPLAY = ("Standpoint cannot open its window: there is no display to show it on (DISPLAY is not set, as in "
              "an SSH session or a container). Start it from a desktop session; the command line "
              "(`standpoint analyze`) works without one.")


def uses_x11() -> bool:
    """Would Qt pick its X11 plugin here? (Wayland sessions use their own unless told otherwise.)"""
    chosen = os.environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":")[0].split(";")[0] == "xcb"
    return sys.platform.startswith("linux") and not os.environ.get("WAYLAND_DISPLAY")


def check() -> str | None:
    """The message to show when the X11 plugin would fail to load or find no display, else None."""
    if not uses_x11():
        return None
    missing = missing_libraries()
    if missing:
        return fix_message(missing)
    if not os.environ.get("DISPLAY"):
        return NO_DISPLAY
    return None


def main() -> int:
    message = check()
    if message:
        print(message, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
