"""Gives pronoun sources and targets the actor they refer to ("Iran supports him too" -> Assad); drops the rest.

A person pronoun (he, him, she, her) takes the last person named before it, within a few sentences,
whose known gender fits; "they"/"them" the last group, government or organisation named just before;
"it" only as a speaker ("it said": a company, a ministry). A pronoun target that stays unresolved is
no target at all: the matrix must not show "he" as what someone opposes.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from core.model import Mention, Statement
from core.parsed import doc_text
from core.resources import word_set

_WORDS = ("stance", "words.json")
PERSON = {"he": "m", "him": "m", "she": "f", "her": "f"}
GROUP = {"they", "them"}
THING = {"it"}
# How many sentences back the referent may have been named; further is too far to guess.
PERSON_WINDOW = 2
GROUP_WINDOW = 1


def resolve_target_pronouns(statements: list[Statement], mentions: Sequence[Mention], doc) -> list[Statement]:
    """Pronoun sources without an actor and pronoun targets, resolved or (targets) dropped."""
    pronouns = word_set("personal_pronouns", *_WORDS)
    persons, others = _split(mentions, doc)
    genders = _genders(mentions, doc)
    out = list(statements)
    for k, st in enumerate(out):
        if st.source is not None and st.source_actor is None and st.source.text.lower() in PERSON | {"it": ""} | \
                dict.fromkeys(GROUP):
            actor = _referent(st.source.text.lower(), st.source.start, st.sentence_index, persons, others, genders,
                              exclude=None, as_source=True)
            if actor is not None:
                st = replace(st, source_actor=actor, confidence=round(st.confidence * 0.9, 2))
        if st.target is not None and st.target_actor is None and st.target.text.lower() in pronouns:
            actor = _referent(st.target.text.lower(), st.target.start, st.sentence_index, persons, others, genders,
                              exclude=st.source_actor, as_source=False)
            if actor is not None:
                st = replace(st, target_actor=actor, confidence=round(st.confidence * 0.9, 2))
            else:
                st = replace(st, target=None)
        out[k] = st
    return out


def _referent(word: str, at: int, sentence: int, persons: list[Mention], others: list[Mention],
              genders: dict[str, str], exclude: str | None, as_source: bool) -> str | None:
    if word in PERSON:
        want = PERSON[word]
        for m in reversed(persons):
            if m.end <= at and sentence - m.sentence_index <= PERSON_WINDOW and m.actor_id != exclude \
                    and genders.get(m.actor_id, want) == want:
                return m.actor_id
        return None
    if word in GROUP or (word in THING and as_source):
        for m in reversed(others):
            if m.end <= at and sentence - m.sentence_index <= GROUP_WINDOW and m.actor_id != exclude:
                return m.actor_id
    return None


def _split(mentions: Sequence[Mention], doc) -> tuple[list[Mention], list[Mention]]:
    """(person mentions, other actors' mentions) in text order."""
    persons, others = [], []
    for m in sorted(mentions, key=lambda m: m.start):
        (persons if _is_person(m, doc) else others).append(m)
    return persons, others


def _genders(mentions: Sequence[Mention], doc) -> dict[str, str]:
    """ "f"/"m" per person from the text's own words: a pronoun already linked to them ("…, she said"), or a
    gendered title or honorific right before a name ("Mrs. Clinton", "spokeswoman Heather Nauert")."""
    female, male = word_set("female_words", "actors", "lexicon.json"), word_set("male_words", "actors", "lexicon.json")
    found: dict[str, str] = {}
    text = doc_text(doc)
    for m in mentions:
        low = m.text.lower()
        if m.via == "pronoun" and low in ("he", "she"):
            found.setdefault(m.actor_id, "f" if low == "she" else "m")
            continue
        before = text[max(0, m.start - 20):m.start].split()
        word = before[-1].lower() if before else ""
        if word in female:
            found.setdefault(m.actor_id, "f")
        elif word in male:
            found.setdefault(m.actor_id, "m")
    return found


def _is_person(mention: Mention, doc) -> bool:
    if mention.via in ("pronoun", "surname"):  # only people are joined by surname
        return True
    if not doc.has_annotation("ENT_IOB"):
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and any(t.ent_type_ == "PERSON" for t in span)
