"""Every pattern rule in resources/temporal/patterns.json has exactly one registered normaliser, and no normaliser is orphaned."""
import json

from core.resources import resource_path
from core.temporal import tagger  # noqa: F401  (registers the normalisers)
from core.temporal.rules import NORMALISERS, normaliser


def _rule_names() -> list[str]:
    data = json.loads(resource_path("temporal", "patterns.json").read_text(encoding="utf-8"))
    return [name for name, _pattern in data["rules"]]


def test_every_pattern_rule_has_a_normaliser():
    missing = [name for name in _rule_names() if name not in NORMALISERS]
    assert missing == []


def test_every_normaliser_reads_a_pattern_rule():
    # "entity" candidates (a named event holding a time unit) are made by core.temporal.candidates itself
    assert set(NORMALISERS) - set(_rule_names()) == {"entity"}


def test_a_rule_cannot_be_registered_twice():
    name = next(iter(NORMALISERS))
    try:
        normaliser(name)(lambda m, ctx: None)
    except ValueError as exc:
        assert name in str(exc)
    else:
        raise AssertionError("a second normaliser for one rule was accepted")
