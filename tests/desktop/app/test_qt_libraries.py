"""The check for Qt's X11 system libraries: which are missing, and the one command that installs them."""
import subprocess

import pytest

from desktop.app import qt_libraries

LDD = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f)
\tlibxkbcommon-x11.so.0 => not found
"""


def test_missing_libraries_are_read_from_ldd(monkeypatch, tmp_path):
    plugin = tmp_path / "libqxcb.so"
    plugin.write_bytes(b"")
    monkeypatch.setattr(qt_libraries.sys, "platform", "linux")
    monkeypatch.setattr(qt_libraries.subprocess, "run",
                        lambda *a, **k: subprocess.CompletedProcess(a, 0, stdout=LDD, stderr=""))
    assert qt_libraries.missing_libraries(plugin) == [
        "libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxkbcommon-x11.so.0"]


def test_no_ldd_means_nothing_claimed_missing(monkeypatch, tmp_path):
    def no_ldd(*a, **k):
        raise FileNotFoundError("ldd")

    monkeypatch.setattr(qt_libraries.sys, "platform", "linux")
    monkeypatch.setattr(qt_libraries.subprocess, "run", no_ldd)
    assert qt_libraries.missing_libraries(tmp_path / "libqxcb.so") == []


def test_fix_names_the_packages_for_debian_and_fedora():
    message = qt_libraries.fix_message(["libxcb-cursor.so.0", "libxkbcommon-x11.so.0"])
    assert "sudo apt-get install libxcb-cursor0 libxkbcommon-x11-0" in message
    assert "sudo dnf install libxkbcommon-x11 xcb-util-cursor" in message


@pytest.mark.parametrize("env, x11", [
    ({}, True), ({"WAYLAND_DISPLAY": "wayland-0"}, False), ({"QT_QPA_PLATFORM": "xcb"}, True),
    ({"QT_QPA_PLATFORM": "offscreen"}, False), ({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "w"}, True),
])
def test_only_an_x11_start_is_checked(monkeypatch, env, x11):
    for name in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(qt_libraries.sys, "platform", "linux")
    assert qt_libraries.uses_x11() is x11


def test_main_prints_the_fix_and_fails(monkeypatch, capsys):
    monkeypatch.setattr(qt_libraries, "uses_x11", lambda: True)
    monkeypatch.setattr(qt_libraries, "missing_libraries", lambda plugin=None: ["libxcb-cursor.so.0"])
    assert qt_libraries.main() == 1
    assert "sudo apt-get install libxcb-cursor0" in capsys.readouterr().err


def test_this_machine_has_what_the_plugin_needs():
    """CI installs the libraries: the check must agree, or `make run` would refuse to start here."""
    assert qt_libraries.missing_libraries() == []


@pytest.mark.parametrize("display, missing, says", [
    ("", [], "no display"),
    (":0", [], None),
    ("", ["libxcb-cursor.so.0"], "sudo apt-get install libxcb-cursor0"),  # the libraries come first
])
def test_check_names_a_missing_display(monkeypatch, display, missing, says):
    monkeypatch.setattr(qt_libraries, "uses_x11", lambda: True)
    monkeypatch.setattr(qt_libraries, "missing_libraries", lambda plugin=None: missing)
    monkeypatch.setenv("DISPLAY", display)
    message = qt_libraries.check()
    assert (message is None) if says is None else (says in message)
