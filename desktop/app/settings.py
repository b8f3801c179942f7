"""Remembered settings via QSettings: recent projects and the last folder used in file dialogs."""
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
