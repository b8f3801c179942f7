"""Loads the stance resources (cue verbs, nouns, adjectives, topic groups, modality words) once."""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import lru_cache

from core.resources import resource_path


@dataclass(frozen=True)
class CueEntry:
    """One lexicon row: a cue lemma, optionally with the preposition that introduces its target."""

    lemma: str
    prep: str
    kind: str  # speech, belief, stance, action
    polarity: str
    needs: str = "any"  # clause: needs a reported clause or quote; object: needs an object; any
    # For nouns: what a possessor names. "Assad's backer" -> target; "Turkey's warning" -> source.
    possessor: str = "source"


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[tuple[str, str], CueEntry]
    verb_lemmas: frozenset[str]
    nouns: dict[str, CueEntry]
    adjectives: dict[str, CueEntry]
    # surface form (lower case) -> lemma, for docs without a lemmatizer
    verb_forms: dict[str, str]
    topic_nouns: dict[str, str]  # lemma or lemma phrase -> topic
    topic_verbs: dict[str, str]
    modality: dict

    def verb(self, lemma: str, prep: str = "") -> CueEntry | None:
        return self.verbs.get((lemma, prep))

    def verb_lemma(self, tok) -> str:
        """The cue lemma of a token; the surface-form table wins over the tagger's lemma ("hoped" -> hope, not hop)."""
        return self.verb_forms.get(tok.lower_) or tok.lemma_.lower()

    def words(self, name: str) -> frozenset[str]:
        return frozenset(self.modality.get(name, ()))


def _read_csv(*parts: str) -> list[dict[str, str]]:
    path = resource_path(*parts)
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return [row for row in csv.DictReader(fh) if not row.get("lemma", "").startswith("#")]


def inflections(lemma: str, irregular: dict[str, list[str]]) -> set[str]:
    """Regular English verb forms, plus listed irregular ones; over-generation is harmless here."""
    forms = {lemma, *irregular.get(lemma, ())}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
        # Short CVC verbs double their last consonant (plan -> planned, slam -> slammed).
        if len(lemma) <= 4 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3:-2] not in "aeiou":
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


@lru_cache(maxsize=1)
def load() -> Lexicon:
    verbs: dict[tuple[str, str], CueEntry] = {}
    for row in _read_csv("stance", "cue_verbs.csv"):
        e = CueEntry(row["lemma"], row.get("prep") or "", row["kind"], row["polarity"], row.get("needs") or "any")
        verbs[(e.lemma, e.prep)] = e
    nouns = {r["lemma"]: CueEntry(r["lemma"], r.get("prep") or "", r["kind"], r["polarity"],
                                  possessor=r.get("possessor") or "source")
             for r in _read_csv("stance", "cue_nouns.csv")}
    adjectives = {r["lemma"]: CueEntry(r["lemma"], r.get("prep") or "", r["kind"], r["polarity"])
                  for r in _read_csv("stance", "cue_adjectives.csv")}
    irregular = {r["lemma"]: r["forms"].split() for r in _read_csv("stance", "irregular_verbs.csv")}
    verb_lemmas = frozenset(lemma for lemma, _ in verbs)
    forms: dict[str, str] = {}
    for lemma in verb_lemmas:
        for form in inflections(lemma, irregular):
            forms.setdefault(form, lemma)
    topics = json.loads(resource_path("stance", "topics.json").read_text(encoding="utf-8"))
    topic_nouns: dict[str, str] = {}
    topic_verbs: dict[str, str] = {}
    for name, group in topics.items():
        if name.startswith("_"):
            continue
        for noun in group.get("nouns", ()):
            topic_nouns.setdefault(noun, name)
        for verb in group.get("verbs", ()):
            topic_verbs.setdefault(verb, name)
    modality = json.loads(resource_path("stance", "modality.json").read_text(encoding="utf-8"))
    return Lexicon(verbs, verb_lemmas, nouns, adjectives, forms, topic_nouns, topic_verbs, modality)
