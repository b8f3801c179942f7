"""The word lists and patterns the actor finder reads, from resources/actors/lexicon.json (loaded once)."""
from __future__ import annotations

import json
import re
from functools import lru_cache

from core.resources import resource_path


@lru_cache(maxsize=1)
def lexicon() -> dict:
    with resource_path("actors", "lexicon.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def words(key: str) -> frozenset[str]:
    return frozenset(lexicon()[key])


def pattern(key: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(lexicon()[key], flags)


def org_kind_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(kind, pattern) in priority order: a "Party" is a party before it is an organisation."""
    return tuple((kind, re.compile(r"\b(?:" + "|".join(map(re.escape, keywords)) + r")\b"))
                 for kind, keywords in lexicon()["org_keywords"].items())
