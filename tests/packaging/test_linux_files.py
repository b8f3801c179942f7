"""The Linux launcher files: the desktop entry, the .standpoint mime type, and install-linux.sh on a stand-in app folder."""
from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "org.standpoint.Standpoint"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


@pytest.fixture(scope="module")
def entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive in desktop entries
    parser.read(PACKAGING / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


@pytest.mark.parametrize("key, value", [
    ("Type", "Application"), ("Name", "Standpoint"), ("Icon", APP_ID), ("Terminal", "false"),
    ("StartupWMClass", "Standpoint"),  # Qt's WM_CLASS for the executable named Standpoint
])
def test_desktop_entry_keys(entry, key, value):
    assert entry[key] == value


@pytest.mark.parametrize("mime", [
    "application/x-standpoint-project", "text/plain", "text/html", "application/pdf", "text/markdown",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "message/rfc822",
])
def test_desktop_entry_opens(entry, mime):
    assert mime in entry["MimeType"].split(";")
    assert entry["Exec"].endswith(" %F")  # several files or folders at once


def test_mime_type_claims_standpoint_files_over_sqlite():
    root = ET.parse(PACKAGING / "standpoint-mime.xml").getroot()
    kind = root.find(f"{MIME_NS}mime-type")
    assert kind.get("type") == "application/x-standpoint-project"
    assert kind.find(f"{MIME_NS}glob").get("pattern") == "*.standpoint"
    assert kind.find(f"{MIME_NS}sub-class-of").get("type") == "application/vnd.sqlite3"


@pytest.fixture
def fake_app(tmp_path) -> Path:
    """An unpacked app folder as build.py lays it out, with a stand-in executable; in a path with a space."""
    app = tmp_path / "My Apps" / "Standpoint"
    (app / "icons").mkdir(parents=True)
    (app / "Standpoint").write_text("#!/bin/sh\necho Standpoint 0.1.0\n")
    (app / "Standpoint").chmod(0o755)
    for name in ("install-linux.sh", f"{APP_ID}.desktop", "standpoint-mime.xml"):
        shutil.copy2(PACKAGING / name, app / name)
    for icon in (ROOT / "resources" / "icons").glob("standpoint*.*"):
        shutil.copy2(icon, app / "icons" / icon.name)
    return app


def _run(app: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env["HOME"] = str(home)
    return subprocess.run(["sh", str(app / "install-linux.sh"), *args], env=env, capture_output=True, text=True,
                          timeout=60)


def test_install_then_uninstall(fake_app, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    done = _run(fake_app, home)
    assert done.returncode == 0, done.stderr
    data = home / ".local" / "share"
    desktop = (data / "applications" / f"{APP_ID}.desktop").read_text()
    assert f'Exec="{fake_app}/Standpoint" %F' in desktop.splitlines()
    assert f"TryExec={fake_app}/Standpoint" in desktop.splitlines()
    installed = [
        data / "mime" / "packages" / f"{APP_ID}.xml",
        data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
        data / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png",
        data / "icons" / "hicolor" / "256x256" / "mimetypes" / "application-x-standpoint-project.png",
    ]
    assert [p for p in installed if not p.is_file()] == []
    link = home / ".local" / "bin" / "standpoint-app"
    assert subprocess.run([str(link)], capture_output=True, text=True).stdout == "Standpoint 0.1.0\n"

    done = _run(fake_app, home, "--uninstall")
    assert done.returncode == 0, done.stderr
    assert [p for p in installed if p.exists()] == [] and not link.exists()
    assert (fake_app / "Standpoint").is_file()  # the app folder itself is left alone


def test_install_refuses_a_folder_without_the_app(fake_app, tmp_path):
    (fake_app / "Standpoint").unlink()
    done = _run(fake_app, tmp_path)
    assert done.returncode == 1 and "Standpoint not found" in done.stderr
