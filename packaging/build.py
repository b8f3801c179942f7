"""`make package`: builds dist/Standpoint/ with PyInstaller, trims it, adds the Linux launcher files, and archives it."""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "standpoint.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
APP = DIST / "Standpoint"
FIGURES = DIST / "build-figures.json"
# Copied beside the executable so that an unpacked archive can install itself (Linux).
LINUX_FILES = ("install-linux.sh", "org.standpoint.Standpoint.desktop", "standpoint-mime.xml")
# Compiled extensions of spaCy and its dependencies, libpython and the standard library's extensions
# ship with debug symbols; stripping them saves ~150 MB. Only these: `strip` on numpy's bundled
# OpenBLAS makes it unloadable ("ELF load command ... not page-aligned"), and Qt is already stripped.
STRIP_PACKAGES = ("spacy", "thinc", "blis", "cymem", "preshed", "murmurhash", "srsly", "pydantic_core",
                  "pandas", "lxml", "regex", "wrapt", "charset_normalizer", "python3.11", "python3.12",
                  "python3.13", "lib-dynload")
STRIP_TOP_LEVEL = ("libpython*.so*",)


# PyInstaller's spaCy hook lists spacy.tests.* as hidden imports, which the spec excludes: ~300 lines of noise.
NOISE = ('Hidden import "spacy.tests.', 'Hidden import "thinc.tests.')


def sh(cmd: list[str], **kw) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kw) as proc:
        for line in proc.stdout:
            if not any(n in line for n in NOISE):
                print(line, end="", flush=True)
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, cmd)


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def internal_dir(app: Path) -> Path:
    """Where PyInstaller 6 puts the libraries and data (sys._MEIPASS) inside a one-folder app."""
    return app / "_internal" if (app / "_internal").is_dir() else app


def strip_libraries(app: Path) -> int:
    """Strip debug symbols from the compiled extensions of STRIP_PACKAGES; returns bytes saved."""
    strip = shutil.which("strip")
    if strip is None or not sys.platform.startswith("linux"):
        print("strip: skipped (no `strip` on PATH, or not Linux)")
        return 0
    targets = []
    base = internal_dir(app)
    for package in STRIP_PACKAGES:
        folder = base / package
        if folder.is_dir():
            targets += [p for p in folder.rglob("*.so") if p.is_file() and not p.is_symlink()]
    for pattern in STRIP_TOP_LEVEL:
        targets += [p for p in base.glob(pattern) if p.is_file() and not p.is_symlink()]
    before = sum(p.stat().st_size for p in targets)
    for chunk in range(0, len(targets), 200):
        subprocess.run([strip, "--strip-unneeded", *map(str, targets[chunk:chunk + 200])], check=True)
    saved = before - sum(p.stat().st_size for p in targets)
    print(f"strip: {len(targets)} extension modules, {saved / 1e6:.0f} MB saved")
    return saved


def add_linux_files(app: Path) -> None:
    for name in LINUX_FILES:
        shutil.copy2(PACKAGING / name, app / name)
    (app / "install-linux.sh").chmod(0o755)
    icons = app / "icons"
    icons.mkdir(exist_ok=True)
    for png in (ROOT / "resources" / "icons").glob("standpoint*.png"):
        shutil.copy2(png, icons / png.name)
    shutil.copy2(ROOT / "resources" / "icons" / "standpoint.svg", icons / "standpoint.svg")


def archive_name() -> str:
    from core import __version__

    system = {"linux": "linux", "darwin": "macos", "win32": "windows"}.get(sys.platform, sys.platform)
    return f"Standpoint-{__version__}-{system}-{platform.machine().lower()}"


def make_archive(app: Path, level: int) -> Path:
    """A .tar.gz on Linux/macOS (keeps the executable bit), a .zip on Windows."""
    base = DIST / archive_name()
    if sys.platform == "win32":
        return Path(shutil.make_archive(str(base), "zip", root_dir=app.parent, base_dir=app.name))
    out = base.with_name(base.name + ".tar.gz")
    if shutil.which("tar") and shutil.which("gzip"):
        # GNU tar + gzip is about twice as fast as the tarfile module on 300 MB.
        sh(["tar", "-C", str(app.parent), f"--use-compress-program=gzip -{level}", "-cf", str(out), app.name])
    else:
        with tarfile.open(out, "w:gz", compresslevel=level) as tar:
            tar.add(app, arcname=app.name)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-archive", action="store_true", help="build the folder only")
    parser.add_argument("--no-strip", action="store_true", help="keep debug symbols")
    parser.add_argument("--level", type=int, default=6, help="gzip level of the archive (1-9)")
    args = parser.parse_args(argv)
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print("PyInstaller is not installed: run `.venv/bin/pip install -e '.[package]'`", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    if not (ROOT / "resources" / "icons" / "standpoint.ico").is_file():
        sh([sys.executable, str(PACKAGING / "make_icons.py")], env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))

    figures: dict[str, object] = {"platform": f"{sys.platform}-{platform.machine()}",
                                  "python": platform.python_version()}
    started = time.perf_counter()
    sh([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)], cwd=ROOT)
    figures["pyinstaller_s"] = round(time.perf_counter() - started, 1)
    figures["folder_unstripped_mb"] = round(folder_size(APP) / 1e6, 1)
    if not args.no_strip:
        figures["strip_saved_mb"] = round(strip_libraries(APP) / 1e6, 1)
    if sys.platform.startswith("linux"):
        add_linux_files(APP)
    figures["folder_mb"] = round(folder_size(APP) / 1e6, 1)
    figures["files"] = sum(1 for p in APP.rglob("*") if p.is_file())
    if not args.no_archive:
        t = time.perf_counter()
        archive = make_archive(APP, args.level)
        figures["archive"] = archive.name
        figures["archive_mb"] = round(archive.stat().st_size / 1e6, 1)
        figures["archive_s"] = round(time.perf_counter() - t, 1)
    figures["total_s"] = round(time.perf_counter() - started, 1)
    FIGURES.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print("\n".join(f"{k:>22}: {v}" for k, v in figures.items()))
    print(f"app: {APP}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
