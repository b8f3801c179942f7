"""Finds bundled data files (lexicons, alias tables, seeds) in a checkout and in the frozen app."""
from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    """The folder holding `resources/` and `seeds/`: the checkout, or PyInstaller's bundle dir."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """Path of a file under `resources/`, e.g. `resource_path("actors", "aliases.csv")`."""
    return app_root().joinpath("resources", *parts)


def seeds_dir() -> Path:
    return app_root() / "seeds"
