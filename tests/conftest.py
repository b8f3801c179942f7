"""Shared fixtures: the spaCy pipelines are loaded once per test session."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "idlib-offensive-2018.txt"


@pytest.fixture(scope="session")
def pipeline():
    """The trained English pipeline (core.nlp.Pipeline)."""
    from core.nlp import load_pipeline

    loaded = load_pipeline()
    assert loaded.trained, loaded.warning
    return loaded


@pytest.fixture(scope="session")
def nlp(pipeline):
    """The trained spaCy Language object."""
    return pipeline.nlp


@pytest.fixture(scope="session")
def blank_nlp():
    """The rule-based fallback used when the trained model is missing."""
    from core.nlp import blank_pipeline

    return blank_pipeline().nlp


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
