"""The normaliser registry: each pattern rule's name in resources/temporal/patterns.json → the function that reads its match."""
from __future__ import annotations

from typing import Callable

NORMALISERS: dict[str, Callable] = {}


def normaliser(*rule_names: str) -> Callable[[Callable], Callable]:
    """Register the decorated `read(match, context) -> Reading` for these pattern rules."""
    def register(read: Callable) -> Callable:
        for name in rule_names:
            if name in NORMALISERS:
                raise ValueError(f"pattern rule {name!r} has two normalisers")
            NORMALISERS[name] = read
        return read
    return register
