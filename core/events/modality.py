"""An event's modality (asserted, planned, warned-of, hypothetical) from the words of its clause."""
from __future__ import annotations

import json
from functools import lru_cache

from core.events.tense import reporting_verbs
from core.model import ASSERTED, HYPOTHETICAL, PLANNED, WARNED, TimeExpression
from core.resources import resource_path

MODALITY_LISTS = ("planned", "warned-of", "hypothetical")


@lru_cache(maxsize=1)
def modality_cues() -> dict[str, frozenset[str]]:
    data = json.loads(resource_path("events", "words.json").read_text(encoding="utf-8"))
    return {key: frozenset(data[key]) for key in MODALITY_LISTS}


def modality(words: set[str], tx: TimeExpression | None, future: bool = False) -> str:
    cues = modality_cues()
    if words & cues["warned-of"]:
        return WARNED
    if future or (tx is not None and tx.future) or words & cues["planned"]:
        return PLANNED
    if words & cues["hypothetical"]:
        return HYPOTHETICAL
    return ASSERTED


def clause_words(verb, depth: int = 0) -> set[str]:
    """Lemmas of the verb, its auxiliaries and its nearest ancestor; for a reporting verb
    ("said on Wednesday that forces are preparing…") also the reported clause, whose modality
    is the event's."""
    words = {verb.lemma_.lower(), verb.lower_}
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass", "neg", "mark", "advmod"):
            words.update((child.lemma_.lower(), child.lower_))
        elif depth == 0 and verb.lemma_ in reporting_verbs() and child.dep_ in ("ccomp", "xcomp", "advcl") or (
            depth == 0 and child.dep_ == "xcomp"
        ):
            words |= clause_words(child, depth + 1)
    if depth == 0 and verb.head.i != verb.i and verb.dep_ in ("xcomp", "ccomp"):
        words.add(verb.head.lemma_.lower())
    return words
