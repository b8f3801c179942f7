"""Finds bundled data files (lexicons, alias tables, seeds) in a checkout and in the frozen app."""
from __future__ import annotations

import json
import os
import sys
from functools import lru_cache
from pathlib import Path

USER_DIR_ENV = "STANDPOINT_HOME"


def app_root() -> Path:
    """The folder holding `resources/` and `seeds/`: the checkout, or PyInstaller's bundle dir."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """Path of a file under `resources/`, e.g. `resource_path("actors", "aliases.csv")`."""
    return app_root().joinpath("resources", *parts)


@lru_cache(maxsize=None)
def _word_lists(*parts: str) -> dict:
    with resource_path(*parts).open(encoding="utf-8") as fh:
        return json.load(fh)


def word_set(name: str, *parts: str) -> frozenset[str]:
    """One word list of a JSON file of word lists, e.g. `word_set("light_verbs", "stance", "words.json")`."""
    return frozenset(_word_lists(*parts)[name])


def seeds_dir() -> Path:
    return app_root() / "seeds"


def user_data_dir() -> Path:
    """Where the user's own tables live (e.g. `aliases.csv`): $STANDPOINT_HOME, else the XDG data dir."""
    override = os.environ.get(USER_DIR_ENV)
    if override:
        return Path(override)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "standpoint"


def user_aliases_path() -> Path:
    """The user's alias table (same columns as resources/actors/aliases.csv); may not exist."""
    return user_data_dir() / "aliases.csv"
