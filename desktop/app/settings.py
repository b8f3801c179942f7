"""Remembered settings via QSettings: recent projects, folders for opening and exporting, export size, theme."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

ORGANISATION, APPLICATION = "Standpoint", "Standpoint"
MAX_RECENT = 8


class Settings:
    """A thin, typed wrapper; pass a QSettings on a temporary file in tests."""

    def __init__(self, qsettings: QSettings | None = None):
        self._s = qsettings if qsettings is not None else QSettings(ORGANISATION, APPLICATION)

    def recent_projects(self) -> list[Path]:
        raw = self._s.value("recent_projects", [])
        if isinstance(raw, str):
            raw = [raw]
        return [Path(p) for p in (raw or []) if p]

    def add_recent_project(self, path: Path) -> None:
        path = Path(path).resolve()
        recent = [p for p in self.recent_projects() if p != path]
        self._s.setValue("recent_projects", [str(p) for p in ([path] + recent)[:MAX_RECENT]])
        self._s.sync()

    def remove_recent_project(self, path: Path) -> None:
        recent = [p for p in self.recent_projects() if p != Path(path).resolve() and p != Path(path)]
        self._s.setValue("recent_projects", [str(p) for p in recent])
        self._s.sync()

    def last_folder(self) -> str:
        return str(self._s.value("last_folder", "") or "")

    def set_last_folder(self, folder: str | Path) -> None:
        self._s.setValue("last_folder", str(folder))

    def geometry(self):
        return self._s.value("window_geometry")

    def set_geometry(self, data) -> None:
        self._s.setValue("window_geometry", data)

    # ---- exports ------------------------------------------------------------------------------
    def export_folder(self) -> str:
        """Where the last export went; the user's Documents folder before the first one (not the corpus
        folder, and never the program's own folder)."""
        folder = str(self._s.value("last_export_folder", "") or "")
        if folder and Path(folder).is_dir():
            return folder
        from PySide6.QtCore import QStandardPaths

        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return documents if documents and Path(documents).is_dir() else str(Path.home())

    def set_export_folder(self, folder: str | Path) -> None:
        self._s.setValue("last_export_folder", str(folder))

    def export_size(self) -> tuple[int, int, float]:
        """(width, height, scale) of the last chart export; 1600 × 1000 at 2× before the first."""
        try:
            width, height = int(self._s.value("export_width", 1600)), int(self._s.value("export_height", 1000))
            scale = float(self._s.value("export_scale", 2.0))
        except (TypeError, ValueError):
            return 1600, 1000, 2.0
        return (width, height, scale) if width > 0 and height > 0 and scale > 0 else (1600, 1000, 2.0)

    def set_export_size(self, width: int, height: int, scale: float) -> None:
        self._s.setValue("export_width", int(width))
        self._s.setValue("export_height", int(height))
        self._s.setValue("export_scale", float(scale))

    # ---- look -----------------------------------------------------------------------------------
    def theme(self) -> str:
        value = str(self._s.value("theme", "system") or "system")
        return value if value in ("system", "light", "dark") else "system"

    def set_theme(self, name: str) -> None:
        self._s.setValue("theme", name)
        self._s.sync()
